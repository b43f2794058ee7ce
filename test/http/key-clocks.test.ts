/**
 * The key's clocks over HTTP on the local desk, the clock moved with POST /local/clock: a key out
 * past its due time texts the guard who handed it out and the security captain, then the security
 * manager; at closing time ONE list of the keys still out goes to the captain; both are on the
 * overdue list. A lost key (KY-1) texts the security manager; lost while out, it ends its request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDesk, type TestDesk } from '../support/desk';

/** Demo directory phones (infra/local/demo-park.ts): seat n has +86139000000nn. */
const PHONE = { guard: '+8613900000012', captain: '+8613900000014', manager: '+8613900000016' } as const;

let desk: TestDesk;
let office: string;
let guard: string;
let tenantId: string;
let staffId: string;
let areaKey: string;

type Sms = { to: string; text: string; ticketId?: string };
async function smsOf(ticketId?: string): Promise<Sms[]> {
  const res = await desk.call('GET', `/local/sms${ticketId ? `?ticketId=${ticketId}` : ''}`);
  return res.body.messages;
}
async function clock(set: string) {
  const res = await desk.call('POST', '/local/clock', { body: { set } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
async function step(id: string, command: string, body: Record<string, unknown>, token: string) {
  const res = await desk.call('POST', `/tickets/${id}/${command}`, { token, body });
  expect(res.status, `${command}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.ticket;
}
async function register(body: Record<string, unknown>): Promise<string> {
  const res = await desk.call('POST', '/keys', { token: guard, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.keySet.id;
}
async function request(keyId: string, requester: Record<string, unknown>): Promise<string> {
  const res = await desk.call('POST', '/tickets', {
    token: office,
    body: { kind: 'key', keyId, requester, reason: '看房' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id;
}

beforeAll(async () => {
  desk = await freshDesk(undefined, '2026-11-27T09:40:00+08:00');
  office = desk.token('property-office');
  guard = desk.token('security-guard-1');
  const unitKey = await register({ unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'K-0153' });
  areaKey = await register({ area: '水泵房', label: '门钥匙', count: 1, tag: 'K-0900' });

  tenantId = await request(unitKey, { type: 'tenant', name: '钱女士', phone: '+8613800000004' });
  await step(tenantId, 'verify', { ownerCall: { outcome: 'confirmed' } }, office);
  await step(tenantId, 'issue-slip', {}, office);
  staffId = await request(areaKey, {
    type: 'staff',
    name: '张伟',
    phone: '+8613900000007',
    staffId: 'technician-1',
  });
  await step(
    staffId,
    'verify',
    { departmentHead: { staffId: 'engineering-manager-1', outcome: 'confirmed' } },
    office,
  );
  // The engineer keeps the pump room key overnight: the slip says until tomorrow 10:00.
  await step(staffId, 'issue-slip', { dueAt: '2026-11-28T10:00:00+08:00' }, office);

  await clock('2026-11-27T10:00:00+08:00');
  await step(
    tenantId,
    'hand-out',
    { guardId: 'security-guard-1', idChecked: true, escortId: 'security-guard-2' },
    guard,
  );
  await step(staffId, 'hand-out', { guardId: 'security-guard-2', idChecked: true }, guard);
}, 180_000);
afterAll(async () => {
  await desk?.close();
});

describe('a key out past its due time', () => {
  it('nothing is sent before the due time (11:59)', async () => {
    await clock('2026-11-27T11:59:00+08:00');
    expect(await smsOf(tenantId)).toEqual([]);
  });

  it('KY-1: at 12:00 the guard who handed it out and the security captain are texted; it is on the overdue list', async () => {
    await clock('2026-11-27T12:01:00+08:00');
    const sms = await smsOf(tenantId);
    expect(sms.map((m) => m.to).sort()).toEqual([PHONE.guard, PHONE.captain].sort());
    expect(sms[0]?.text).toMatch(
      /^【翠湖物业】钥匙K-0153\(3-2-1502入户门钥匙\)超时未还:钱女士\(租户\)领用,应11月27日12:00归还,请催还,收回后登记:.+\/ack\/[0-9A-Za-z]{12}$/,
    );
    const overdue = await desk.call('GET', '/tickets?kind=key&overdue=true', { token: office });
    expect(overdue.body.tickets.map((t: { id: string; overdue: string[] }) => [t.id, t.overdue])).toEqual([
      [tenantId, ['return']],
    ]);
  });

  it('KY-1: 30 minutes later the security manager', async () => {
    await clock('2026-11-27T12:31:00+08:00');
    const sms = (await smsOf(tenantId)).filter((m) => m.to === PHONE.manager);
    expect(sms.map((m) => m.text)).toEqual([
      expect.stringMatching(
        /^【翠湖物业】钥匙K-0153\(3-2-1502入户门钥匙\)逾期30分钟仍未归还:钱女士\(租户\)领用,孙鹏发出,请处理,收回后登记:.+\/ack\/[0-9A-Za-z]{12}$/,
      ),
    ]);
  });
});

describe('at the office’s closing time (17:30)', () => {
  it('KY-1: ONE list of the keys still out goes to the security captain; both keys are on the overdue list', async () => {
    await clock('2026-11-27T17:31:00+08:00');
    const lists = (await smsOf()).filter((m) => m.text.includes('下班时'));
    expect(lists).toHaveLength(1);
    expect(lists[0]?.to).toBe(PHONE.captain);
    expect(lists[0]?.text).toMatch(/^【翠湖物业】下班时仍有2套钥匙未还:.*K-0153 3-2-1502 钱女士.*,请跟进。$/);
    expect(lists[0]?.text).toContain('K-0900 水泵房 张伟');
    const overdue = await desk.call('GET', '/tickets?kind=key&overdue=true', { token: office });
    expect(overdue.body.tickets.map((t: { id: string }) => t.id).sort()).toEqual([tenantId, staffId].sort());
    // One request's check carries the list; the other's says which one did.
    const events = await Promise.all(
      [tenantId, staffId].map(async (id) =>
        (await desk.call('GET', `/tickets/${id}`, { token: office })).body.timeline.find(
          (e: { type: string; data: { timer?: string } }) =>
            e.type === 'timer.fired' && e.data.timer === 'closing-20261127',
        ),
      ),
    );
    expect(events.filter((e) => e.data.rollCall).length).toBe(1);
    expect(events.filter((e) => e.data.listedWith).length).toBe(1);
  });

  it('the key returned late leaves the overdue list; the one still out is checked again tomorrow', async () => {
    await clock('2026-11-27T17:40:00+08:00');
    const back = await step(tenantId, 'return', { receivedBy: 'security-guard-1' }, guard);
    expect(back).toMatchObject({ status: 'returned', overdue: [], returned: { late: true } });
    const overdue = await desk.call('GET', '/tickets?kind=key&overdue=true', { token: office });
    expect(overdue.body.tickets.map((t: { id: string }) => t.id)).toEqual([staffId]);
    const staff = await desk.call('GET', `/tickets/${staffId}`, { token: office });
    expect(staff.body.timers['closing-20261128']).toMatchObject({
      state: 'pending',
      dueAt: '2026-11-28T17:30:00+08:00',
    });
  });
});

describe('KY-1: a lost key', () => {
  it('KY-1: reported in the cabinet: an event, and the security manager is texted', async () => {
    const id = await register({ unit: '5-1-0801', label: '信报箱钥匙', count: 2, tag: 'K-0201' });
    const res = await desk.call('POST', `/keys/${id}/report-lost`, {
      token: guard,
      body: { note: '柜中找不到' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.keySet).toMatchObject({ state: 'lost', lost: { note: '柜中找不到' } });
    const sms = await smsOf(id);
    expect(sms.map((m) => [m.to, m.text])).toEqual([
      [PHONE.manager, '【翠湖物业】钥匙遗失:K-0201(5-1-0801信报箱钥匙)×2,孙鹏报告,请处理。'],
    ]);
    const set = await desk.call('GET', `/keys/${id}`, { token: guard });
    expect(set.body.keySet.history.map((h: { type: string }) => h.type)).toEqual([
      'key.registered',
      'key.reported-lost',
    ]);
    expect(set.body.keySet.sms).toMatchObject([{ to: PHONE.manager, purpose: 'key-lost', state: 'sent' }]);
    const again = await desk.call('POST', `/keys/${id}/report-lost`, { token: guard, body: {} });
    expect([again.status, again.body.error.code]).toEqual([409, 'KEY.NOT_IN_CUSTODY']);
  });

  it('KY-1: lost while out: its request ends as lost (its clocks stop), in the same write', async () => {
    const res = await desk.call('POST', `/keys/${areaKey}/report-lost`, {
      token: guard,
      body: { note: '张伟遗失' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const ticket = (await desk.call('GET', `/tickets/${staffId}`, { token: office })).body;
    expect(ticket).toMatchObject({ status: 'lost', overdue: [] });
    expect(Object.values(ticket.timers).map((t) => (t as { state: string }).state)).not.toContain('pending');
    const sms = await smsOf(areaKey);
    expect(sms.map((m) => m.text)).toEqual([
      '【翠湖物业】钥匙遗失:K-0900(水泵房门钥匙)×1,借出给张伟(K20261127-002),孙鹏报告,请处理。',
    ]);
  });
});
