/**
 * One open move-in case per unit over HTTP on the local desk (MI-1..MI-8 on one checklist; ADR 014):
 * a second `POST /tickets { kind: "move-in" }` for a unit with an open case is 409
 * `MOVE_IN.UNIT_HAS_CASE` (field `unit`) naming the open case's number and id, writes nothing and
 * takes no register number; once the case is completed the unit's next case opens.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSING } from '../domain/move-in/driver';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let office: string;
const OWNER = { name: '王先生', phone: '+8613800000001' };

async function open(unit: string, extra: Record<string, unknown> = {}) {
  return desk.call('POST', '/tickets', {
    token: office,
    body: { kind: 'move-in', unit, owner: OWNER, ...extra },
  });
}
async function record(
  id: string,
  step: keyof typeof PASSING,
  token = office,
  extra: Record<string, unknown> = {},
) {
  const { type: _type, ...body } = PASSING[step];
  const res = await desk.call('POST', `/tickets/${id}/record-step`, { token, body: { ...body, ...extra } });
  expect(res.status, `${step}: ${JSON.stringify(res.body)}`).toBe(200);
}
async function moveIns(): Promise<{ id: string; unit: string; status: string }[]> {
  return (await desk.call('GET', '/tickets?kind=move-in', { token: office })).body.tickets;
}

beforeAll(async () => {
  desk = await startTestDesk();
  office = desk.token('property-office');
  expect(
    (await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } })).status,
  ).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

describe('one open move-in case per unit', () => {
  let first: { id: string; number: string };

  it('a second case for a unit with an open one is 409 MOVE_IN.UNIT_HAS_CASE naming it; nothing written', async () => {
    const res = await open('8-3-2201');
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    first = res.body.ticket;
    expect(first.number).toBe('M20261127-001');
    const again = await open('8-3-2201');
    expect(again.status, JSON.stringify(again.body)).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'MOVE_IN.UNIT_HAS_CASE', field: 'unit' });
    expect(again.body.error.message).toContain('M20261127-001');
    expect(again.body.error.message).toContain(first.id);
    // The same unit typed in full-width digits (kept as given) is the same unit.
    const variant = await open('８-３-２２０１', { unitConfirmed: true });
    expect([variant.status, variant.body.error?.code]).toEqual([409, 'MOVE_IN.UNIT_HAS_CASE']);
    expect((await moveIns()).map((t) => t.id)).toEqual([first.id]);
  });

  it('the refusals took no register number: the next case of another unit is 002', async () => {
    const other = await open('5-1-0801');
    expect(other.status, JSON.stringify(other.body)).toBe(201);
    expect(other.body.ticket.number).toBe('M20261127-002');
  });

  it('once the case is completed, the unit’s next case opens', async () => {
    for (const step of ['developer-confirmation', 'registration', 'items'] as const)
      await record(first.id, step);
    await record(first.id, 'fees', desk.token('finance-1'));
    await record(first.id, 'inspection', desk.token('technician-1'));
    await record(first.id, 'meters', desk.token('technician-1'));
    const guard = desk.token('security-guard-1');
    const keys = await desk.call('POST', '/keys', {
      token: guard,
      body: { unit: '8-3-2201', label: '入户门钥匙', count: 3, tag: 'K-0201' },
    });
    expect(keys.status, JSON.stringify(keys.body)).toBe(201);
    await record(first.id, 'keys', guard, { keyId: keys.body.keySet.id });
    // Still open: still refused.
    expect((await open('8-3-2201')).status).toBe(409);
    const done = await desk.call('POST', `/tickets/${first.id}/complete`, { token: office, body: {} });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const next = await open('8-3-2201');
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.ticket.number).toBe('M20261127-003');
    const again = await open('8-3-2201');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('M20261127-003');
  });

  it('two desks opening one unit at once: exactly one 201, one 409', async () => {
    const both = await Promise.all([open('3-2-1502'), open('3-2-1502')]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    const won = both.find((r) => r.status === 201)?.body.ticket;
    const lost = both.find((r) => r.status === 409)?.body.error;
    expect(lost).toMatchObject({ code: 'MOVE_IN.UNIT_HAS_CASE', field: 'unit' });
    expect(lost.message).toContain(won.number);
    expect((await moveIns()).filter((t) => t.unit === '3-2-1502')).toHaveLength(1);
  });
});
