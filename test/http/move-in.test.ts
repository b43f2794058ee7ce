/**
 * Move-in over HTTP on the local desk (MI-1..MI-9): a case for 3-2-1502, every step recorded with
 * its own data, the inspection's defects becoming repair work orders (one write), the keys through
 * the register (MI-5, MI-7), completion refused with what is missing, then accepted; the list by status.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSING } from '../domain/move-in/driver';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let office: string;
let guard: string;
let engineer: string;

const OWNER = { name: '王先生', phone: '+8613800000001' };

async function open(unit = '3-2-1502') {
  return desk.call('POST', '/tickets', { token: office, body: { kind: 'move-in', unit, owner: OWNER } });
}
/** The step's passing data as the desk sends it (the path names the command, not the body). */
function stepBody(step: keyof typeof PASSING, overrides: Record<string, unknown> = {}) {
  const { type: _type, ...body } = PASSING[step];
  return { ...body, ...overrides };
}
async function record(id: string, body: Record<string, unknown>, token = office) {
  return desk.call('POST', `/tickets/${id}/record-step`, { token, body });
}

beforeAll(async () => {
  desk = await startTestDesk();
  office = desk.token('property-office');
  guard = desk.token('security-guard-1');
  engineer = desk.token('technician-1');
  expect(
    (await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } })).status,
  ).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

describe('a move-in case over HTTP', () => {
  let id: string;
  let keyId: string;

  it('opens numbered M<day>-<nnn> with the MI-1..MI-8 checklist missing and the MI-9 forms', async () => {
    const res = await open();
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const t = res.body.ticket;
    id = t.id;
    expect(t).toMatchObject({ kind: 'move-in', number: 'M20261127-001', status: 'open', unit: '3-2-1502' });
    expect(t.missing).toEqual([
      'developer-confirmation',
      'registration',
      'items',
      'fees',
      'keys',
      'inspection',
      'meters',
    ]);
    expect(t.forms).toHaveLength(20);
    const got = await desk.call('GET', `/tickets/${id}`, { token: office });
    expect(got.body.allowedCommands).toEqual(['record-step', 'complete']);
  });

  it('MI-1..MI-4: each step with its own data; who and when shown on the case', async () => {
    for (const step of ['developer-confirmation', 'registration', 'items'] as const) {
      const res = await record(id, stepBody(step));
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    const fees = await record(id, stepBody('fees'), desk.token('finance-1'));
    expect(fees.status, JSON.stringify(fees.body)).toBe(200);
    expect(fees.body.ticket.steps.fees).toMatchObject({ by: 'finance-1', byName: '周芳', times: 1 });
  });

  it('MI-3: a count that differs without a reason is 422 naming the rule; bad input is 400 and changes nothing', async () => {
    const res = await record(id, stepBody('items', { counted: { ...PASSING.items.counted, 户门钥匙: 2 } }));
    expect([res.status, res.body.error.code]).toEqual([422, 'MOVE_IN.COUNT_REASON_REQUIRED']);
    expect(res.body.error.message).toContain('MI-3');
    const bad = await record(id, { step: 'meters', coldWater: 'a lot', hotWater: 1, ownerSigned: true });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'coldWater']);
    const unknown = await record(id, { step: 'moving-truck' });
    expect(unknown.status).toBe(400);
    const after = await desk.call('GET', `/tickets/${id}`, { token: office });
    expect(after.body.steps.items.times).toBe(1);
  });

  it('MI-5: the unit’s keys go to the owner through the key register, in the same write', async () => {
    const reg = await desk.call('POST', '/keys', {
      token: guard,
      body: { unit: '3-2-1502', label: '入户门钥匙', count: 3, tag: 'K-0153' },
    });
    expect(reg.status, JSON.stringify(reg.body)).toBe(201);
    keyId = reg.body.keySet.id;
    const other = await desk.call('POST', '/keys', {
      token: guard,
      body: { unit: '8-3-2201', label: '入户门钥匙', count: 3, tag: 'K-0154' },
    });
    const wrong = await record(id, stepBody('keys', { keyId: other.body.keySet.id }), guard);
    expect([wrong.status, wrong.body.error.code]).toEqual([422, 'MOVE_IN.KEYS_OF_ANOTHER_UNIT']);
    const res = await record(id, stepBody('keys', { keyId }), guard);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const set = await desk.call('GET', `/keys/${keyId}`, { token: guard });
    expect(set.body.keySet.state).toBe('released');
    const again = await record(id, stepBody('keys', { keyId }), guard);
    expect([again.status, again.body.error.code]).toEqual([409, 'MOVE_IN.STEP_RECORDED']);
  });

  it('MI-10 (complete): refused with 409 listing what is missing', async () => {
    const res = await desk.call('POST', `/tickets/${id}/complete`, { token: office, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('MOVE_IN.STEPS_MISSING');
    expect(res.body.error.message).toContain('inspection (MI-6), meters (MI-8)');
  });

  it('MI-6: each inspection defect opens a repair work order (R numbering, dispatched), shown on the move-in', async () => {
    const res = await record(id, stepBody('inspection'), engineer);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const repairs = res.body.ticket.repairs;
    expect(repairs.map((r: { number: string }) => r.number)).toEqual(['R20261127-001', 'R20261127-002']);
    const repair = await desk.call('GET', `/tickets/${repairs[0].ticketId}`, { token: office });
    expect(repair.body).toMatchObject({
      kind: 'repair',
      status: 'dispatched',
      location: '3-2-1502 主卧',
      moveIn: { ticketId: id, number: 'M20261127-001' },
    });
    // The repair moves on its own; the move-in shows its state now.
    const assign = await desk.call('POST', `/tickets/${repairs[0].ticketId}/assign`, {
      token: desk.token('dispatcher'),
      body: { staffId: 'technician-2' },
    });
    expect(assign.status, JSON.stringify(assign.body)).toBe(200);
    const shown = await desk.call('GET', `/tickets/${id}`, { token: office });
    expect(shown.body.repairs.map((r: { status: string }) => r.status)).toEqual(['assigned', 'dispatched']);
    // The next repair taken at the desk continues the register after the inspection's numbers.
    const next = await desk.call('POST', '/tickets', {
      token: desk.token('dispatcher'),
      body: {
        kind: 'repair',
        caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
        description: '水龙头漏水',
        location: '厨房',
        wantedAt: '2026-11-27T10:00:00+08:00',
        decision: 'dispatch',
      },
    });
    expect(next.status, JSON.stringify(next.body)).toBe(201);
    expect(next.body.ticket.number).toBe('R20261127-003');
  });

  it('MI-7 (optional) registers the retained key; MI-8 then complete: defects may stay open', async () => {
    const kept = await record(id, stepBody('key-retention'), guard);
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    const keySetId = kept.body.ticket.steps['key-retention'].data.keySetId;
    const set = await desk.call('GET', `/keys/${keySetId}`, { token: guard });
    expect(set.body.keySet).toMatchObject({
      unit: '3-2-1502',
      state: 'in',
      retention: { agreementNo: 'LC-0001', ownerName: '王先生' },
    });
    expect((await record(id, stepBody('meters'), engineer)).status).toBe(200);
    const done = await desk.call('POST', `/tickets/${id}/complete`, {
      token: office,
      body: { note: '交房完毕' },
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.ticket).toMatchObject({ status: 'completed', missing: [] });
    expect(done.body.ticket.allowedCommands ?? []).toEqual([]);
    const late = await record(id, stepBody('fees'));
    expect(late.status).toBe(409);
  });

  it('a repair’s complete still needs its service slip (400), the move-in’s body is not a repair’s', async () => {
    const shown = await desk.call('GET', `/tickets/${id}`, { token: office });
    const repairId = shown.body.repairs[0].ticketId;
    await desk.call('POST', `/tickets/${repairId}/acknowledge`, {
      token: desk.token('technician-2'),
      body: {},
    });
    const res = await desk.call('POST', `/tickets/${repairId}/complete`, {
      token: desk.token('technician-2'),
      body: {},
    });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([
      400,
      'REQUEST.MISSING_FIELD',
      'serviceSlip',
    ]);
  });

  it('GET /tickets?kind=move-in&status=… shows progress across units', async () => {
    const second = await open('5-1-0801');
    expect(second.body.ticket.number).toBe('M20261127-002');
    const openOnes = await desk.call('GET', '/tickets?kind=move-in&status=open', { token: office });
    expect(openOnes.status).toBe(200);
    expect(openOnes.body.tickets.map((t: { unit: string }) => t.unit)).toEqual(['5-1-0801']);
    const done = await desk.call('GET', '/tickets?kind=move-in&status=completed', { token: office });
    expect(
      done.body.tickets.map((t: { number: string; missing: string[] }) => [t.number, t.missing]),
    ).toEqual([['M20261127-001', []]]);
  });
});
