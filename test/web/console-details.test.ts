/**
 * 工单详情's facts per kind, and the console on a tablet (issue 14: "usable on a laptop and a
 * tablet"). One ticket of each kind is seeded through the API; each ticket page shows what its
 * kind has — a repair's call and RP-2 decision, a complaint's grading (CH-1..CH-3) with the
 * resident's contact masked for a reader who does not need it (CH-3), an emergency's category,
 * owner and EM-2 chain level, a key request's set, requester, slip and escort (KY-2..KY-4), a
 * move-in's unit, owner and steps done (MI-1..MI-8) — and no field another kind has, empty. On a
 * tablet, upright (768×1024, 820×1180) and on its side (1180×820), the queue, a ticket, intake and the
 * monthly summary never scroll sideways and the header's controls stay on screen. No console
 * errors; axe on each page; screenshots 'ticket-key', 'ticket-move-in', 'tablet-queue'.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUser, launchChromium, screenshot, type WatchedPage, watchedPage } from '../support/browser';
import { newCallerPhone, repairBody, setLocalClock, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  desk = await startTestDesk({ console: true });
  // A working Friday morning: every kind's clocks run in office hours.
  await setLocalClock(desk, '2026-11-27T09:40:00+08:00');
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

/** The ticket page's details panel, once it shows the ticket. */
async function openTicket(page: Page, id: string) {
  await page.goto(`${desk.url}/ticket/${id}`);
  const details = page.getByTestId('ticket-details');
  await details.waitFor();
  return details;
}

/** The panel's label cells, in order. */
async function labelsOf(page: Page): Promise<string[]> {
  return page.getByTestId('ticket-details').locator('th.ant-descriptions-item-label').allTextContents();
}

/** A row of the panel: its label and the value beside it. */
async function shows(page: Page, labelText: string, value: string | RegExp) {
  const cell = page
    .getByTestId('ticket-details')
    .locator('th.ant-descriptions-item-label', { hasText: new RegExp(`^${labelText}$`) })
    .locator('xpath=following-sibling::td[1]');
  await cell.filter({ hasText: value }).waitFor();
}

/** The page body never scrolls sideways; the header's last control is on screen. */
async function fitsWidth(page: Page, where: string) {
  // A string the browser runs: this project's tsc has no DOM types for test code.
  const { scrollWidth, innerWidth } = await page.evaluate<{ scrollWidth: number; innerWidth: number }>(
    '({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })',
  );
  const box = await page.getByRole('banner').getByRole('button', { name: '切换用户' }).boundingBox();
  const switchRight = box ? box.x + box.width : Number.POSITIVE_INFINITY;
  expect(scrollWidth, `${where}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
  expect(switchRight, `${where}: 切换用户 off screen`).toBeLessThanOrEqual(innerWidth);
}

describe('the console, ticket details per kind and a tablet', () => {
  let ids: Record<'repair' | 'complaint' | 'emergency' | 'key' | 'move-in', string>;

  it('shows each kind its own facts on the ticket page, never another kind’s fields empty', async () => {
    const { page } = watched;
    const user = consoleUser(watched);
    const dispatcher = desk.token('dispatcher');
    const office = desk.token('property-office');
    const guard = desk.token('security-guard-1');

    // RP-1/RP-2: a repair taken and dispatched at the call.
    const repair = await ok('POST', '/tickets', dispatcher, repairBody());
    // CH-1..CH-3: a complaint graded at the call, about engineering, with the resident's demand.
    const complaint = await ok('POST', '/tickets', dispatcher, {
      kind: 'complaint',
      caller: { name: '李女士', phone: newCallerPhone(), unit: '3-2-1502' },
      occurredAt: '2026-11-27T09:30:00+08:00',
      place: '5号楼电梯',
      description: '电梯停运两天无人处理',
      valid: true,
      severity: 'important',
      about: { department: 'engineering' },
      demand: '今天修好电梯',
    });
    // EM-1..EM-4: a fire reported; the chain's first level texted (the stream, settled).
    const emergency = await ok('POST', '/tickets', dispatcher, {
      kind: 'emergency',
      category: 'fire',
      location: '3号楼地下车库',
      description: '车库B区冒烟,有焦味',
    });
    await desk.settle();
    // KY-1..KY-4: a set registered, a tenant's request checked, slipped and handed out with an escort.
    const keySet = await ok('POST', '/keys', guard, {
      unit: '3-2-1502',
      label: '入户门钥匙',
      count: 2,
      tag: 'K-0153',
    });
    const key = await ok('POST', '/tickets', office, {
      kind: 'key',
      keyId: keySet.keySet.id,
      requester: { type: 'tenant', name: '钱女士', phone: '+8613800000004' },
      reason: '带客户看房',
    });
    await ok('POST', `/tickets/${key.ticket.id}/verify`, office, {
      ownerCall: { outcome: 'confirmed', note: '王先生同意' },
    });
    const slipped = await ok('POST', `/tickets/${key.ticket.id}/issue-slip`, office, {});
    await ok('POST', `/tickets/${key.ticket.id}/hand-out`, guard, {
      guardId: 'security-guard-1',
      idChecked: true,
      escortId: 'security-guard-2',
    });
    // MI-1, MI-2 recorded for 8-3-2201.
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
    ids = {
      repair: repair.ticket.id,
      complaint: complaint.ticket.id,
      emergency: emergency.ticket.id,
      key: key.ticket.id,
      'move-in': moveIn.ticket.id,
    };

    await page.goto(`${desk.url}/`);
    await user.signInAs('陈静');

    // 报修: the call, where, when wanted, RP-2's decision.
    await openTicket(page, ids.repair);
    await shows(page, '情况', '厨房水管漏水');
    await shows(page, '地点', '3号楼2单元1502 厨房');
    await shows(page, '期望上门', '11月27日 15:00');
    await shows(page, '处理决定', '派工');
    await shows(page, '房号', '3-2-1502');
    await user.accessible('repair details');

    // 投诉: what, where, the demand, the grade, the department; the desk sees the contact (CH-3).
    await openTicket(page, ids.complaint);
    await shows(page, '投诉内容', '电梯停运两天无人处理');
    await shows(page, '发生地点', '5号楼电梯');
    await shows(page, '业户诉求', '今天修好电梯');
    await shows(page, '定性', '有效投诉');
    await shows(page, '等级', '重要');
    await shows(page, '责任部门', '工程部');
    await shows(page, '房号', '3-2-1502');
    await user.accessible('complaint details');

    // 紧急: category, what, where, the desk's owner, EM-2's level now texted.
    await openTicket(page, ids.emergency);
    await shows(page, '类别', '火警');
    await shows(page, '情况', '车库B区冒烟,有焦味');
    await shows(page, '地点', '3号楼地下车库');
    await shows(page, '负责人', /\S/);
    await shows(page, '逐级确认', /第1轮第1级 管理处经理 林涛/);
    await user.accessible('emergency details');

    // 钥匙: the set's tag and label, the requester and type, the slip, the guard and escort, due back.
    await openTicket(page, ids.key);
    await shows(page, '申请人', '钱女士(租户)');
    await shows(page, '钥匙', 'K-0153 入户门钥匙 ×2');
    await shows(page, '钥匙位置', '3-2-1502');
    await shows(page, '事由', '带客户看房');
    await shows(page, '核实', '已通过');
    await shows(page, '领用条', slipped.ticket.slip.number);
    await shows(page, '须陪同看房', '是');
    await shows(page, '领出', /孙鹏 11月27日 09:4\d/);
    await shows(page, '陪同保安', '马超');
    await shows(page, '应还时间', /11月27日 11:4\d/);
    // A repair's fields are no key's: none of them shows, empty or not.
    const keyLabels = await labelsOf(page);
    for (const repairOnly of ['来电人', '情况', '地点', '处理人'])
      expect(keyLabels).not.toContain(repairOnly);
    await user.accessible('key details');
    await screenshot(page, 'ticket-key');

    // 入住: the unit, the owner, the steps done (who, when) and to do.
    await openTicket(page, ids['move-in']);
    await shows(page, '房号', '8-3-2201');
    await shows(page, '业主', '孙女士');
    await shows(page, '进度', '已办 2/7 步');
    await shows(page, '步骤', /MI-1 开发商确认:黄磊 11月27日 09:4\d/);
    await shows(page, '步骤', /MI-4 缴费:待办\(财务部\)/);
    // The timeline names each recorded step by its rule, not its code.
    await page.locator('.ant-timeline-item').filter({ hasText: 'MI-2 物业登记' }).waitFor();
    const moveInLabels = await labelsOf(page);
    for (const repairOnly of ['来电人', '情况', '地点', '处理人'])
      expect(moveInLabels).not.toContain(repairOnly);
    await user.accessible('move-in details');
    await screenshot(page, 'ticket-move-in');

    // CH-3: a technician of the department, not its head, reads the complaint with the contact masked.
    await openTicket(page, ids.complaint);
    await user.switchTo('张伟');
    await shows(page, '来电人', /李\*.*\*\*\*\*.*已隐去/);
    expect(await labelsOf(page)).not.toContain('房号');
    await user.accessible('complaint details, masked');

    expect(watched.errors).toEqual([]);
  }, 400_000);

  it('fits a tablet upright and on its side: no sideways scrolling, the header’s controls on screen', async () => {
    const tablet = await watchedPage(browser, { viewport: { width: 820, height: 1180 } });
    const { page } = tablet;
    const user = consoleUser(tablet);
    await page.goto(`${desk.url}/`);
    await user.signInAs('林涛');

    for (const viewport of [
      { width: 768, height: 1024 },
      { width: 820, height: 1180 },
      { width: 1180, height: 820 },
    ]) {
      await page.setViewportSize(viewport);
      const at = `${viewport.width}×${viewport.height}`;

      await page.getByRole('link', { name: '工单', exact: true }).click();
      await page.locator('tbody tr.ant-table-row').first().waitFor();
      await fitsWidth(page, `queue ${at}`);
      await user.accessible(`queue ${at}`);
      if (viewport.width === 820) await screenshot(page, 'tablet-queue');

      // Every kind's page: the emergency's timeline carries its SMS with their signed links.
      for (const [kind, id] of Object.entries(ids)) {
        await openTicket(page, id);
        await page.locator('.ant-timeline-item').first().waitFor();
        await fitsWidth(page, `${kind} ticket ${at}`);
        if (viewport.width < 1000) {
          // Upright, one fact a row: two columns squeezed the labels to a character a line (负责/人).
          const rows = page.getByTestId('ticket-details').locator('tr');
          for (const count of await rows.evaluateAll((trs) =>
            trs.map((tr) => tr.querySelectorAll('th').length),
          ))
            expect(count, `${kind} ticket ${at}: labels a row`).toBe(1);
        }
        if (viewport.width === 820 && kind === 'emergency') await screenshot(page, 'tablet-ticket');
      }
      await user.accessible(`ticket ${at}`);

      await page.getByRole('link', { name: '来电登记', exact: true }).click();
      await page.getByRole('heading', { name: '来电登记', level: 1 }).waitFor();
      await page.getByLabel('来电号码').waitFor();
      await fitsWidth(page, `intake ${at}`);
      if (viewport.width === 820) await screenshot(page, 'tablet-intake');
      await user.accessible(`intake ${at}`);

      await page.goto(`${desk.url}/records/monthly`);
      await page.getByLabel('月份').fill('2026-11');
      await page.getByText('翠湖园 2026-11 概况', { exact: true }).waitFor();
      await page.locator('canvas').first().waitFor();
      await fitsWidth(page, `monthly ${at}`);
      if (viewport.width === 820) await screenshot(page, 'tablet-monthly');
      await user.accessible(`monthly ${at}`);
    }
    expect(tablet.errors).toEqual([]);
  }, 400_000);
});
