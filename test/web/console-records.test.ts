/**
 * Issue 14's manager in a real browser (ADR 023): a month seeded through the API on the local desk
 * (a repair acknowledged in time, one left past RP-3's 30 minutes by the desk clock, a complaint),
 * then the office manager — found in the local sign-in directory by role — opens 报表 → 月度总结,
 * reads the 及时率 (DS-8) as figures and charts, downloads the CSV; the dispatcher writes the month's
 * report and the manager signs it (CH-11); a work order is printed from its ticket page; the weekly
 * review (DS-7) takes the manager's decision; the work log (DS-9) shows the day. No console errors,
 * axe clean on each page, a screenshot of each.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../infra/local/demo-park';
import {
  consoleUser,
  label,
  launchChromium,
  screenshot,
  type WatchedPage,
  watchedPage,
} from '../support/browser';
import { newCallerPhone, repairBody, setLocalClock, startTestDesk, type TestDesk } from '../support/desk';

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

const user = () => consoleUser(watched);
/**
 * axe on the page as it rests: the pointer moved off the button just clicked first (antd's hover
 * shade of the primary button is lighter than its resting one, and the theme is the console's).
 */
const accessible = async (where: string) => {
  await watched.page.mouse.move(0, 0);
  await user().accessible(where);
};
const nameOf = (role: string) => {
  const person = DEMO_STAFF.find((s) => (s.roles as readonly string[]).includes(role));
  if (!person) throw new Error(`no ${role} in the demo directory`);
  return person.name;
};

/** Tuesday 10 November 2026, 10:00 in the park (Asia/Shanghai): ISO week 2026-W46. */
const MONTH = '2026-11';
const WEEK = '2026-W46';
const DAY = '2026-11-10';

interface Rate {
  label?: string;
  due: number;
  met: number;
  missed: number;
  rate: number | null;
}

async function pickMonth(page: Page) {
  await page.getByLabel('月份').fill(MONTH);
  await page.getByText(`翠湖园 ${MONTH} 概况`, { exact: true }).waitFor();
}

describe('the console, a manager’s month (报表)', () => {
  it('reads the 及时率, downloads the CSV, has the report written and signs it, prints a work order, decides in the weekly review, prints the work log, exports the queue', async () => {
    const { page } = watched;
    const manager = nameOf('office-manager');
    const dispatcherName = nameOf('dispatcher');
    const dispatcher = desk.token('dispatcher');
    const technician = desk.token('technician');
    const officeManager = desk.token('office-manager');

    // The month: RP-3's 30 minutes met on one repair, missed on the other (the desk clock moves on).
    await setLocalClock(desk, `${DAY}T10:00:00+08:00`);
    const met = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    const late = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    const complaint = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: {
        kind: 'complaint',
        caller: { name: '李女士', phone: newCallerPhone(), unit: '5-1-0801' },
        occurredAt: `${DAY}T09:30:00+08:00`,
        place: '5号楼1单元电梯',
        description: '电梯本周第三次停运',
        valid: true,
        severity: 'important',
        about: { department: 'engineering' },
        demand: '今天内修好并说明原因',
      },
    });
    expect([met.status, late.status, complaint.status]).toEqual([201, 201, 201]);
    const metId: string = met.body.ticket.id;
    const workOrder: string = met.body.ticket.number;
    const assigned = await desk.call('POST', `/tickets/${metId}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    expect(assigned.status).toBe(200);
    const acked = await desk.call('POST', `/tickets/${metId}/acknowledge`, { token: technician, body: {} });
    expect(acked.status).toBe(200);
    const moved = await desk.call('POST', '/local/clock', { body: { advance: 'PT31M' } });
    expect(moved.status).toBe(200);
    // DS-7: the dispatcher records the complaint as lacking the means (the manager decides below).
    const item = await desk.call('POST', `/reviews/weekly/${WEEK}/items`, {
      token: dispatcher,
      body: { ticketId: complaint.body.ticket.id, note: '电梯配件需厂家供货,本周无法修复' },
    });
    expect(item.status).toBe(201);

    // What the API says the month is: the page must show the same figures.
    const answer = await desk.call('GET', `/reports/monthly?month=${MONTH}`, { token: officeManager });
    expect(answer.status).toBe(200);
    const t = answer.body.report.timeliness as Rate & { byDepartment: Rate[]; byType: Rate[] };
    expect(t.met).toBeGreaterThan(0);
    expect(t.missed).toBeGreaterThan(0);
    const percent = (r: Rate) => (r.rate === null ? '—' : `${r.rate}%`);

    // The office manager signs in from the local directory and opens 报表 → 月度总结 by keyboard.
    await page.goto(`${desk.url}/`);
    await user().signInAs(manager);
    await page.getByRole('link', { name: '报表', exact: true }).click();
    await page.getByRole('heading', { name: '报表', level: 1 }).waitFor();
    await accessible('records');
    await page.getByRole('main').getByRole('link', { name: '月度总结' }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: '月度总结', level: 1 }).waitFor();
    expect(page.url()).toBe(`${desk.url}/records/monthly`);
    await pickMonth(page);

    // The 及时率 the user reads: overall, per department and per deadline type, charts named by their figures.
    const overall = page.locator('.ant-statistic').filter({ has: page.getByText('及时率', { exact: true }) });
    await overall.filter({ hasText: percent(t) }).waitFor();
    for (const [caption, rows] of [
      ['各部门及时率', t.byDepartment],
      ['各类时限及时率', t.byType],
    ] as const) {
      const card = page.locator('.ant-card').filter({ has: page.getByText(caption, { exact: true }) });
      for (const r of rows) {
        await card
          .getByRole('row')
          .filter({ has: page.getByRole('cell', { name: r.label, exact: true }) })
          .filter({ has: page.getByRole('cell', { name: percent(r), exact: true }) })
          .waitFor();
      }
      const chart = card.getByRole('img', { name: new RegExp(`^${caption}:`) });
      const name = (await chart.getAttribute('aria-label')) ?? '';
      for (const r of rows) expect(name).toContain(`${r.label} ${percent(r)}(${r.met}/${r.due})`);
      await chart.locator('canvas').waitFor();
    }
    const lateNumber: string = late.body.ticket.number;
    await page.getByRole('link', { name: lateNumber, exact: true }).first().waitFor();
    await accessible('monthly summary');

    // The CSV, fetched with the session's token and saved by the browser: Chinese headers and the totals row.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: label('下载CSV') }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`投诉调度记录月总结表-park-1-${MONTH}.csv`);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.startsWith('\ufeff翠湖园,投诉调度记录月总结表')).toBe(true);
    expect(csv).toContain('时限,到期,按时,超时,及时率\r\n');
    expect(csv).toContain(`合计,${t.due},${t.met},${t.missed},${percent(t)}\r\n`);

    // CH-11: the dispatcher writes the month's report; the manager comments and signs.
    await user().switchTo(dispatcherName);
    await pickMonth(page);
    await page.getByLabel('报告内容').fill('本月报修两单,一单接单超时,已提醒工程部。');
    await page.getByRole('button', { name: label('提交报告') }).click();
    await page.getByText('本月报修两单,一单接单超时,已提醒工程部。').waitFor();
    await user().switchTo(manager);
    await pickMonth(page);
    await page.getByLabel('审核意见').fill('同意,工程部下月起每日核对未接单。');
    await page.getByRole('button', { name: label('签字') }).click();
    const signed = page.locator('.ant-card').filter({ hasText: '管理处负责人意见与签字' });
    await signed.getByText(`同意,工程部下月起每日核对未接单。 —— ${manager}`).waitFor();
    await accessible('monthly summary signed');
    await screenshot(page, 'records-monthly');

    // A work order printed from its ticket page: a new window with the form, fetched with the token.
    await page.goto(`${desk.url}/ticket/${encodeURIComponent(metId)}`);
    await page.getByRole('heading', { name: new RegExp(workOrder) }).waitFor();
    const [popup] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: label('打印') }).click(),
    ]);
    await popup.locator('h1', { hasText: '报修派工单' }).waitFor();
    expect(await popup.title()).toBe(`报修派工单 ${workOrder}`);
    await popup.getByText(`编号：${workOrder}`).waitFor();
    await popup.close();

    // 周例会: the week's complaint with what it owes; the manager decides on the recorded case.
    await page.getByRole('link', { name: '报表', exact: true }).click();
    await page.getByRole('main').getByRole('link', { name: '周例会' }).first().click();
    await page.getByRole('heading', { name: '周例会', level: 1 }).waitFor();
    await page.getByLabel('周', { exact: true }).fill(WEEK);
    const complaintNumber: string = complaint.body.ticket.number;
    const row = page.getByRole('row').filter({ hasText: complaintNumber });
    await row.filter({ hasText: '已登记' }).waitFor();
    const decide = page.locator('.ant-card').filter({ hasText: '管理处负责人决定' });
    await user().choose(decide.getByRole('combobox', { name: '投诉单' }), complaintNumber);
    await decide.getByLabel('决定').fill('同意暂缓,厂家配件到货后三日内修复。');
    await decide.getByRole('button', { name: '记录决定' }).click();
    await row.getByText(`同意暂缓,厂家配件到货后三日内修复。 —— ${manager}`).waitFor();
    // 下一周 and 上一周 step through ISO weeks (the API's spelling).
    await page.getByRole('button', { name: '下一周' }).click();
    expect(await page.getByLabel('周', { exact: true }).inputValue()).toBe('2026-W47');
    await page.getByText('本周没有未处理完的投诉').waitFor();
    await page.getByRole('button', { name: '上一周' }).click();
    await row.filter({ hasText: '已登记' }).waitFor();
    await accessible('weekly review');
    await screenshot(page, 'records-weekly');

    // 工作日志: the day in time order, the work order among it.
    await page.getByRole('navigation', { name: '报表' }).getByRole('link', { name: '工作日志' }).click();
    await page.getByRole('heading', { name: '工作日志', level: 1 }).waitFor();
    await page.getByLabel('日期').fill(DAY);
    await page.getByRole('row').filter({ hasText: workOrder }).first().waitFor();
    await page.getByRole('row').filter({ hasText: '接单' }).first().waitFor();
    await accessible('work log');
    await screenshot(page, 'records-work-log');
    const [logPrint] = await Promise.all([
      page.waitForEvent('popup'),
      page.getByRole('button', { name: '打印工作日志' }).click(),
    ]);
    await logPrint.locator('h1', { hasText: '工作日志' }).waitFor();
    await logPrint.getByText(workOrder).first().waitFor();
    await logPrint.close();

    // 工单 → 导出CSV: the register under the queue's current filter (报修 only: no complaint in it).
    await page.getByRole('link', { name: '工单', exact: true }).click();
    await user().choose(page.getByRole('combobox', { name: '类型' }), '报修');
    await page.getByRole('link', { name: lateNumber, exact: true }).waitFor();
    const [register] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '导出CSV' }).click(),
    ]);
    const registerCsv = readFileSync((await register.path()) ?? '', 'utf8');
    expect(registerCsv.startsWith('\ufeff编号,类型,状态,')).toBe(true);
    expect(registerCsv).toContain(`${workOrder},报修,`);
    expect(registerCsv).toContain(`${lateNumber},报修,`);
    expect(registerCsv).not.toContain(complaintNumber);

    expect(watched.errors).toEqual([]);
  }, 400_000);
});
