/**
 * The move-in's open clock over HTTP on the local desk (MI, issue 12 item 11): a case still open
 * after the park's days (default 7) texts the property office lead (物业部负责人) with what is missing,
 * and shows on the overdue list; a case completed in time texts nobody.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../infra/local/demo-park';
import { PASSING } from '../domain/move-in/driver';
import { freshDesk, localSmsOf, setLocalClock, type TestDesk } from '../support/desk';

const LEAD = DEMO_STAFF.find((s) => s.id === 'supervisor-1')?.phone;

let desk: TestDesk;
let office: string;
let slowId: string;
let quickId: string;

const smsOf = (ticketId: string) => localSmsOf(desk, ticketId);
const clock = (set: string) => setLocalClock(desk, set);
async function open(unit: string): Promise<string> {
  const res = await desk.call('POST', '/tickets', {
    token: office,
    body: { kind: 'move-in', unit, owner: { name: '王先生', phone: '+8613800000001' } },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id;
}
async function record(id: string, step: keyof typeof PASSING, token = office) {
  const { type: _type, ...body } = PASSING[step];
  const res = await desk.call('POST', `/tickets/${id}/record-step`, { token, body });
  expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(200);
}

beforeAll(async () => {
  desk = await freshDesk(undefined, '2026-11-27T09:00:00+08:00');
  office = desk.token('property-office');
  slowId = await open('3-2-1502');
  quickId = await open('5-1-0801');
  await record(slowId, 'developer-confirmation');
  for (const step of ['developer-confirmation', 'registration', 'items'] as const)
    await record(quickId, step);
  await record(quickId, 'fees', desk.token('finance-1'));
  await record(quickId, 'inspection', desk.token('technician-1'));
  await record(quickId, 'meters', desk.token('technician-1'));
});
afterAll(async () => {
  await desk?.close();
});

describe('a move-in open longer than the park setting (default 7 days)', () => {
  it('texts nobody before its time', async () => {
    await clock('2026-12-04T08:59:00+08:00');
    expect(await smsOf(slowId)).toEqual([]);
  });

  it('at 7 days texts the property office lead with the number, unit and missing steps; on the overdue list', async () => {
    // quickId lacks only MI-5 (keys): still open, so it is texted too; slowId lacks six steps.
    await clock('2026-12-04T09:01:00+08:00');
    const sms = await smsOf(slowId);
    expect(sms.map((m) => m.to)).toEqual([LEAD]);
    expect(sms[0]?.text).toContain('M20261127-001');
    expect(sms[0]?.text).toContain('3-2-1502');
    expect(sms[0]?.text).toContain('超7天');
    expect(sms[0]?.text).toContain('缺6步:MI-2/3/4/5/6/8');
    const overdue = await desk.call('GET', '/tickets?kind=move-in&overdue=true', { token: office });
    expect(overdue.body.tickets.map((t: { id: string }) => t.id).sort()).toEqual([slowId, quickId].sort());
    const shown = await desk.call('GET', `/tickets/${slowId}`, { token: office });
    expect(shown.body.overdue).toEqual(['open']);
  });

  it('a case completed before its time is never texted', async () => {
    const third = await open('8-3-2201');
    for (const step of ['developer-confirmation', 'registration', 'items'] as const)
      await record(third, step);
    await record(third, 'fees', desk.token('finance-1'));
    await record(third, 'inspection', desk.token('technician-1'));
    await record(third, 'meters', desk.token('technician-1'));
    const keys = await desk.call('POST', '/keys', {
      token: desk.token('security-guard-1'),
      body: { unit: '8-3-2201', label: '入户门钥匙', count: 3, tag: 'K-0201' },
    });
    const { type: _t, ...body } = PASSING.keys;
    const handed = await desk.call('POST', `/tickets/${third}/record-step`, {
      token: desk.token('security-guard-1'),
      body: { ...body, keyId: keys.body.keySet.id },
    });
    expect(handed.status, JSON.stringify(handed.body)).toBe(200);
    const done = await desk.call('POST', `/tickets/${third}/complete`, { token: office, body: {} });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await clock('2026-12-12T09:00:00+08:00');
    expect(await smsOf(third)).toEqual([]);
  });
});
