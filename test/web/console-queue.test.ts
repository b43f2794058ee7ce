/**
 * 工单 in a real browser (issue 14, ADR 020/023): the filters of GET /tickets in the queue's bar
 * (kind + overdue, unit, "我的工单" a technician's default), kept in the URL through a reload; 加载更多
 * following the API's cursor; the queue with 1,000 tickets timed in the page (test/support/
 * queue-timing.ts). No console errors; axe finds no serious or critical violation; a screenshot.
 *
 * The timing here has a generous bound, a sanity check that holds on a busy 2-core machine; the
 * 1.5 s target is measured by `npm run bench` (test/bench/queue.ts), on a machine left alone.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import {
  consoleUser,
  label,
  launchChromium,
  UI_TIMEOUT,
  screenshot,
  type WatchedPage,
  watchedPage,
} from '../support/browser';
import { newCallerPhone, repairBody, startTestDesk, type TestDesk } from '../support/desk';
import { measureQueue, timingLine, watchQueueTiming } from '../support/queue-timing';
import { seedRepairs } from '../support/seed-tickets';
import { dynamoClient } from '../support/store';

let desk: TestDesk;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  desk = await startTestDesk({ console: true });
  browser = await launchChromium();
  watched = await watchedPage(browser);
  await watchQueueTiming(watched.page);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

const user = () => consoleUser(watched);
/** The numbers in the queue's table, in its order. */
const shownNumbers = async () =>
  (await watched.page.locator('tbody tr.ant-table-row td:first-child').allTextContents()).map((t) =>
    t.trim(),
  );
/** Waits until the queue shows exactly these numbers (in any order). */
async function queueShows(numbers: string[]) {
  const want = [...numbers].sort();
  await expect.poll(async () => (await shownNumbers()).sort(), { timeout: UI_TIMEOUT }).toEqual(want);
}

/** Signs in as `name` on the queue, whoever was signed in before (each test can run alone). */
async function onQueueAs(name: string) {
  const { page } = watched;
  await page.goto(`${desk.url}/queue`);
  const switchUser = page.getByRole('button', { name: '切换用户' });
  await switchUser
    .or(page.getByRole('button', { name: `以${name}登录` }))
    .first()
    .waitFor();
  if (await switchUser.isVisible()) await switchUser.click();
  await user().signInAs(name);
  await page.getByRole('heading', { name: '工单' }).waitFor();
}

describe('the queue (工单): filters in the URL, my queue, paging, 1,000 tickets', () => {
  const n = { late: '', declined: '', assigned: '', complaint: '' };

  it('filters by kind and overdue, by unit; the URL keeps them through a reload; a bad one in the API words', async () => {
    const { page } = watched;
    const dispatcher = desk.token('dispatcher');
    const open = async (body: Record<string, unknown>) => {
      const res = await desk.call('POST', '/tickets', { token: dispatcher, body });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body.ticket as { id: string; number: string };
    };
    // RP-3: a dispatched repair nobody acknowledges is overdue after 30 minutes; a declined one owes nothing.
    const late = await open(
      repairBody({ caller: { name: '王先生', phone: newCallerPhone(), unit: '5-1-0801' } }),
    );
    const declined = await open(
      repairBody({
        caller: { name: '李先生', phone: newCallerPhone(), unit: '5-1-0802' },
        decision: 'decline',
        declineReason: '属业主自行维修范围',
      }),
    );
    const assigned = await open(
      repairBody({ caller: { name: '赵先生', phone: newCallerPhone(), unit: '8-3-2201' } }),
    );
    const assign = await desk.call('POST', `/tickets/${assigned.id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    expect(assign.status, JSON.stringify(assign.body)).toBe(200);
    const complaint = await open({
      kind: 'complaint',
      caller: { name: '钱女士', phone: newCallerPhone(), unit: '5-1-0801' },
      occurredAt: new Date().toISOString(),
      place: '7号楼大堂',
      description: '大堂灯坏了一周',
      demand: '尽快修好',
      valid: true,
      severity: 'important',
      about: { department: 'engineering' },
    });
    Object.assign(n, {
      late: late.number,
      // RP-2: a declined repair has no work-order number; the queue names it by its status.
      declined: declined.number ?? '不予维修(无单号)',
      assigned: assigned.number,
      complaint: complaint.number,
    });
    const clock = await desk.call('POST', '/local/clock', { body: { advance: 'PT31M' } });
    expect(clock.status, JSON.stringify(clock.body)).toBe(200);
    const overdueNow = await desk.call('GET', '/tickets?overdue=true', { token: dispatcher });
    const overdueNumbers = overdueNow.body.tickets.map((t: { number: string }) => t.number);
    expect(overdueNumbers).toContain(late.number);
    expect(overdueNow.body.tickets.map((t: { id: string }) => t.id)).not.toContain(declined.id);

    await onQueueAs('陈静');
    await queueShows([late.number, n.declined, assigned.number, complaint.number]);
    // Overdue first, marked.
    const first = page.locator('tbody tr.ant-table-row').first();
    await first.filter({ hasText: '超时' }).waitFor();

    // 类型 报修 + 只看超时 (ADR 020: overdue now works without a kind too).
    await user().choose(page.getByRole('combobox', { name: '类型' }), '报修');
    await page.getByRole('switch', { name: '只看超时' }).click();
    const overdueRepairs = overdueNumbers.filter((x: string) => x.startsWith('R'));
    await queueShows(overdueRepairs);
    expect(overdueRepairs).toContain(late.number);
    expect(new URL(page.url()).searchParams.get('kind')).toBe('repair');
    expect(new URL(page.url()).searchParams.get('overdue')).toBe('true');
    await user().accessible('queue filtered by kind and overdue');

    // The URL keeps them: a reload shows the same filtered queue.
    await page.reload();
    await queueShows(overdueRepairs);
    await expect
      .poll(() => page.getByRole('switch', { name: '只看超时' }).getAttribute('aria-checked'), {
        timeout: UI_TIMEOUT,
      })
      .toBe('true');

    // 房号, applied on Enter; the reload keeps it too.
    await page.getByRole('button', { name: '清空筛选' }).click();
    await page.getByLabel('房号').fill('5-1-0801');
    await page.getByLabel('房号').press('Enter');
    await queueShows([late.number, complaint.number]);
    expect(new URL(page.url()).searchParams.get('unit')).toBe('5-1-0801');
    await page.reload();
    await queueShows([late.number, complaint.number]);
    await expect.poll(() => page.getByLabel('房号').inputValue(), { timeout: UI_TIMEOUT }).toBe('5-1-0801');

    // A filter the kind does not have: the API's 400 in its own words.
    await watched.expectingApiError(async () => {
      await user().choose(page.getByRole('combobox', { name: '类型' }), '紧急');
      await page.getByRole('switch', { name: '只看超时' }).click();
      await page.getByRole('alert').filter({ hasText: 'REQUEST.FILTER_NOT_FOR_KIND' }).waitFor();
    });
    await user().accessible('queue with a refused filter');
    await page.getByRole('button', { name: '清空筛选' }).click();
    await page.getByRole('alert').waitFor({ state: 'detached' });
    await queueShows([late.number, n.declined, assigned.number, complaint.number]);
    expect(watched.errors).toEqual([]);
  }, 300_000);

  it("opens a technician's queue on his own tickets (我的工单), without the phone filter", async () => {
    const { page } = watched;
    await onQueueAs('张伟');
    await queueShows([n.assigned]);
    await expect
      .poll(() => page.getByRole('switch', { name: '我的工单' }).getAttribute('aria-checked'), {
        timeout: UI_TIMEOUT,
      })
      .toBe('true');
    // CH-3: only the desk and management look tickets up by phone; the field is not offered.
    expect(await page.getByLabel('来电号码').count()).toBe(0);
    await user().accessible('my queue (technician)');
    // Off: the park's tickets he may see; the URL says so (mine=0), a reload keeps it.
    await page.getByRole('switch', { name: '我的工单' }).click();
    await page.getByRole('link', { name: n.late, exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('mine')).toBe('0');
    await page.reload();
    await page.getByRole('link', { name: n.late, exact: true }).waitFor();
    await user().switchTo('陈静');
    await page.getByLabel('来电号码').waitFor();
    expect(watched.errors).toEqual([]);
  }, 300_000);

  it('with 1,000 tickets: usable in time (generous bound here; 1.5 s in the bench), 加载更多 loads the next page', async () => {
    const { page } = watched;
    await onQueueAs('陈静');
    // A month of repairs, older than the tickets above, written straight to the table (with facets).
    await seedRepairs(documentClient(dynamoClient()), desk.tableName, {
      count: 1_000,
      from: '2026-10-01T00:00:00.000Z',
      to: '2026-11-01T00:00:00.000Z',
    });
    // The desk's stream poller takes in the seeded writes first (it would otherwise run during the timing).
    await desk.settle();
    const started = performance.now();
    const firstPage = await desk.call('GET', '/tickets?limit=100', { token: desk.token('dispatcher') });
    console.log(
      `GET /tickets?limit=100: ${Math.round(performance.now() - started)} ms, ${firstPage.body.tickets.length} tickets`,
    );
    // Warm: the chunks cached and the desk's handlers loaded, as a dispatcher's second visit.
    await measureQueue(page, `${desk.url}/queue`);
    const timing = await measureQueue(page, `${desk.url}/queue`);
    console.log(`queue with 1,000 tickets: ${timingLine(timing)}`);
    expect(timing.rows).toBe(50);
    expect(timing.fcpMs).toBeGreaterThan(0);
    expect(timing.interactiveMs).toBeGreaterThanOrEqual(timing.rowsMs);
    // What keeps it fast whatever the machine: one API page read at first (not 1,000 tickets), 50 rows drawn.
    expect(timing.loaded).toMatch(/^已加载 10\d 条$/);
    // Only a sanity bound here (a test's wait, UI_TIMEOUT): on this 2-core machine shared by several
    // agents it measured 3.9–17 s at load averages 13–16; the 1.5 s target is the bench's (test/bench/queue.ts).
    expect(timing.interactiveMs).toBeLessThan(UI_TIMEOUT);
    await page.getByRole('switch', { name: '只看超时' }).click(); // back off

    // 加载更多: the next page of the API's cursor, appended; the overdue ones stay first.
    const loaded = page.getByTestId('queue-loaded');
    await loaded.filter({ hasText: /已加载 10\d 条/ }).waitFor();
    await page.getByRole('button', { name: '加载更多' }).click();
    await loaded.filter({ hasText: /已加载 20\d 条/ }).waitFor();
    // The table pages through what is loaded, 50 rows a page.
    await page.getByTitle('4', { exact: true }).click();
    const rows = page.locator('tbody tr.ant-table-row');
    await page.locator('.ant-pagination-item-active[title="4"]').waitFor();
    const fourth = await shownNumbers();
    expect(fourth).toHaveLength(50);
    // A refresh (the 15 s timer's read, here by its button) keeps the 200 loaded and the table's page.
    const reads = Number(await loaded.getAttribute('data-reads'));
    await page.getByRole('button', { name: label('刷新') }).click();
    await page.locator(`[data-testid="queue-loaded"][data-reads="${reads + 1}"]`).waitFor();
    await loaded.filter({ hasText: /已加载 20\d 条/ }).waitFor();
    await page.locator('.ant-pagination-item-active[title="4"]').waitFor();
    expect(await shownNumbers()).toEqual(fourth);
    expect(await rows.count()).toBe(50);
    await user().accessible('queue with 1,000 tickets');
    await screenshot(page, 'queue-filters');
    expect(watched.errors).toEqual([]);
  }, 300_000);
});
