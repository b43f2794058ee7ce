/**
 * The console's 钥匙 and 入住 pages in a real browser (issue 14, ADR 023): a key set handed out on a
 * key request (KY-2..KY-4) and not back by its due time (the local clock moved past it) shows out
 * with its holder, first and marked overdue (KY-1); a guard registers a set through the page's form
 * and reports one lost; a move-in shows its progress per unit (MI-1..MI-8). No console errors, axe
 * clean on each page, screenshots 'key-ledger' and 'move-in'. Seeded through the API; the flows
 * under test go through the browser.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUser, launchChromium, screenshot, type WatchedPage, watchedPage } from '../support/browser';
import { setLocalClock, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  desk = await startTestDesk({ console: true });
  browser = await launchChromium();
  watched = await watchedPage(browser);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

/** A call that must succeed: its answer's body, or the test fails with the API's words. */
async function ok(method: string, path: string, token: string, body?: unknown) {
  const res = await desk.call(method, path, { token, ...(body !== undefined ? { body } : {}) });
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

describe('the console, 钥匙 and 入住', () => {
  it('shows a key out past its due time first and marked, registers and reports sets, and move-in progress', async () => {
    const { page } = watched;
    const user = consoleUser(watched);
    const guard = desk.token('security-guard-1'); // 孙鹏
    const office = desk.token('property-office'); // 黄磊

    // KY-1: two sets in the cabinet; KY-2..KY-4: a tenant's request, checked, slipped, handed out at 10:00.
    await setLocalClock(desk, '2026-11-27T09:40:00+08:00');
    const unitSet = await ok('POST', '/keys', guard, {
      unit: '3-2-1502',
      label: '入户门钥匙',
      count: 2,
      tag: 'K-0153',
    });
    await ok('POST', '/keys', guard, { area: '水泵房', label: '水泵房门钥匙', count: 1, tag: 'K-0200' });
    const request = await ok('POST', '/tickets', office, {
      kind: 'key',
      keyId: unitSet.keySet.id,
      requester: { type: 'tenant', name: '钱女士', phone: '+8613800000004' },
      reason: '带客户看房',
    });
    const requestId: string = request.ticket.id;
    const requestNumber: string = request.ticket.number;
    await ok('POST', `/tickets/${requestId}/verify`, office, {
      ownerCall: { outcome: 'confirmed', note: '王先生同意' },
    });
    await ok('POST', `/tickets/${requestId}/issue-slip`, office, {});
    await setLocalClock(desk, '2026-11-27T10:00:00+08:00');
    await ok('POST', `/tickets/${requestId}/hand-out`, guard, {
      guardId: 'security-guard-1',
      idChecked: true,
      escortId: 'security-guard-2',
    });

    // MI-1 and MI-2 recorded for 8-3-2201; five mandatory steps still to do.
    const moveIn = await ok('POST', '/tickets', office, {
      kind: 'move-in',
      unit: '8-3-2201',
      owner: { name: '孙女士', phone: '+8613800000005' },
    });
    await ok('POST', `/tickets/${moveIn.ticket.id}/record-step`, office, {
      step: 'developer-confirmation',
      confirmationNo: 'RZ-2201',
      documents: ['入伙通知书', '身份证', '房屋预售契约', '购房发票或付款凭证'],
    });
    await ok('POST', `/tickets/${moveIn.ticket.id}/record-step`, office, {
      step: 'registration',
      idCopied: true,
      forms: ['住户情况登记表', '接收物品确认书', '验房单'],
      signed: {
        物业管理公约承诺书: { copies: 3, ownerKept: 1 },
        消防安全责任书: { copies: 2, ownerKept: 1 },
        住户供暖协议: { copies: 2, ownerKept: 1 },
      },
    });

    // Not back by 12:00 (the park's 2-hour loan): the return clock fires on the way.
    await ok('POST', '/local/clock', desk.token('dispatcher'), { advance: 'PT2H1M' });

    // 钥匙, as the guard: the set out with 钱女士, first, marked overdue, with its request linked.
    await page.goto(`${desk.url}/`);
    await user.signInAs('孙鹏');
    await page.getByRole('link', { name: '钥匙', exact: true }).click();
    await page.getByRole('heading', { name: '钥匙', level: 1 }).waitFor();
    const ledger = page.getByTestId('key-ledger');
    const first = ledger.locator('tbody tr.ant-table-row').first();
    await first
      .filter({ hasText: 'K-0153' })
      .filter({ hasText: '钱女士(租户)' })
      .filter({ hasText: '借出' })
      .filter({ hasText: '超时:逾期未还' })
      .filter({ hasText: '11月27日 12:00' })
      .waitFor();
    expect(await first.getByRole('link', { name: new RegExp(requestNumber) }).getAttribute('href')).toBe(
      `/ticket/${requestId}`,
    );
    await ledger.locator('tbody tr', { hasText: 'K-0200' }).filter({ hasText: '在柜' }).waitFor();
    // The request itself, among those handed out, overdue too.
    const requests = page.getByTestId('key-requests');
    await requests
      .locator('tbody tr.ant-table-row')
      .first()
      .filter({ hasText: requestNumber })
      .filter({ hasText: '超时:逾期未还' })
      .waitFor();
    await user.accessible('key ledger');
    await screenshot(page, 'key-ledger');

    // KY-1 from the page: register a set through the form, with the keyboard alone (Tab, Enter).
    await page.getByLabel('房号(如 3-2-1502)', { exact: true }).focus();
    await page.keyboard.type('5-1-0801');
    await page.keyboard.press('Tab');
    await page.keyboard.type('入户门钥匙');
    await page.keyboard.press('Tab');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('K-0801');
    await page.keyboard.press('Enter');
    await page.getByText('钥匙 K-0801 已登记入柜').waitFor();
    await ledger
      .locator('tbody tr', { hasText: 'K-0801' })
      .filter({ hasText: '5-1-0801' })
      .filter({ hasText: '在柜' })
      .waitFor();
    const registered = await desk.call('GET', '/keys?unit=5-1-0801', { token: guard });
    expect(registered.body.keySets.map((k: { tag: string }) => k.tag)).toEqual(['K-0801']);

    // KY-1: a loss is reported from the page, never deleted.
    await page.getByRole('button', { name: '报失 K-0200' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('说明(选填)').fill('巡逻时发现钥匙柜空缺');
    await user.accessible('report-lost dialog');
    await dialog.getByRole('button', { name: '确定报失' }).click();
    const lostRow = ledger.locator('tbody tr', { hasText: 'K-0200' }).filter({ hasText: '遗失' });
    await lostRow.waitFor();
    // Its custody unfolds (GET /keys/{id}): registered, then the loss with its note, by whom.
    await lostRow.getByRole('button', { name: '展开行' }).click();
    await ledger.getByText(/报失\(孙鹏\):巡逻时发现钥匙柜空缺/).waitFor();
    await ledger
      .getByText(/登记入柜\(孙鹏\)/)
      .first()
      .waitFor();
    await user.accessible('key ledger after a loss');

    // A week on, the case is still open (moveIn.openDays 7): overdue. A newer case, nothing done, is not.
    await ok('POST', '/local/clock', desk.token('dispatcher'), { advance: 'P7D' });
    await ok('POST', '/tickets', office, {
      kind: 'move-in',
      unit: '5-1-0801',
      owner: { name: '李女士', phone: '+8613800000002' },
    });

    // 入住: the cases' progress per unit, steps done and to do, the overdue one first and marked.
    await page.getByRole('link', { name: '入住', exact: true }).click();
    await page.getByRole('heading', { name: '入住', level: 1 }).waitFor();
    await page.getByTestId('move-in-case').nth(1).filter({ hasText: '5-1-0801 李女士' }).waitFor();
    const card = page.getByTestId('move-in-case').first().filter({ hasText: '8-3-2201 孙女士' });
    await card.getByText('超时:超期未办完').waitFor();
    await card.getByTestId('move-in-progress').filter({ hasText: '已办 2/7 步' }).waitFor();
    await card.getByText('待办(财务部)').waitFor();
    expect(await card.getByRole('link', { name: moveIn.ticket.number }).getAttribute('href')).toBe(
      `/ticket/${moveIn.ticket.id}`,
    );
    expect(await card.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('29');
    await user.accessible('move-in');
    await screenshot(page, 'move-in');

    expect(watched.errors).toEqual([]);
  }, 300_000);
});
