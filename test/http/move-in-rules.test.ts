/**
 * Move-in rules over HTTP on the local desk: who records each step (MI-1..MI-8, by department:
 * 403 naming the rule, nothing recorded) and the unit's directory check at opening (issue 11 item
 * 21's rule for move-ins: 422 with the nearest units unless `unitConfirmed`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSING } from '../domain/move-in/driver';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let office: string;
const OWNER = { name: '王先生', phone: '+8613800000001' };

function stepBody(step: keyof typeof PASSING) {
  const { type: _type, ...body } = PASSING[step];
  return body;
}
async function open(body: Record<string, unknown>) {
  return desk.call('POST', '/tickets', { token: office, body: { kind: 'move-in', owner: OWNER, ...body } });
}

beforeAll(async () => {
  desk = await startTestDesk();
  office = desk.token('property-office');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
});

describe('MI-1..MI-8: each step by its department', () => {
  it('a guard may not record the fees (MI-4, finance): 403 naming the rule; finance may; the lead may record any', async () => {
    const res = await open({ unit: '3-2-1502' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = res.body.ticket.id;
    const record = (step: keyof typeof PASSING, who: string) =>
      desk.call('POST', `/tickets/${id}/record-step`, { token: desk.token(who), body: stepBody(step) });

    const guard = await record('fees', 'security-guard-1');
    expect([guard.status, guard.body.error.code]).toEqual([403, 'MOVE_IN.NOT_YOUR_STEP']);
    expect(guard.body.error.message).toMatch(/^MI-4: fees is recorded by 财务部 staff/);
    const clerk = await record('registration', 'finance-1');
    expect([clerk.status, clerk.body.error.message]).toEqual([403, expect.stringMatching(/^MI-2: /)]);
    const cleaner = await record('meters', 'cleaner-1');
    expect([cleaner.status, cleaner.body.error.message]).toEqual([403, expect.stringMatching(/^MI-8: /)]);
    let shown = await desk.call('GET', `/tickets/${id}`, { token: office });
    expect([shown.body.version, shown.body.steps]).toEqual([1, {}]);

    expect((await record('fees', 'finance-1')).status).toBe(200);
    expect((await record('meters', 'technician-1')).status).toBe(200);
    // The property office lead (物业部负责人) records what another department did.
    expect((await record('registration', 'supervisor-1')).status).toBe(200);
    shown = await desk.call('GET', `/tickets/${id}`, { token: office });
    const by = Object.entries(shown.body.steps).map(([step, r]) => [step, (r as { by: string }).by]);
    expect(by.sort()).toEqual([
      ['fees', 'finance-1'],
      ['meters', 'technician-1'],
      ['registration', 'supervisor-1'],
    ]);
  });
});

describe('a move-in’s unit is checked against the park’s directory', () => {
  it('3-2-1520 → 422 UNIT.NOT_IN_DIRECTORY field unit, naming 3-2-1502 as nearest; nothing opened', async () => {
    const before = await desk.call('GET', '/tickets?kind=move-in&limit=100', { token: office });
    const res = await open({ unit: '3-2-1520' });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'UNIT.NOT_IN_DIRECTORY', field: 'unit' });
    expect(res.body.error.message).toMatch(/nearest: 3-2-1502/);
    expect(res.body.error.message).toContain('unitConfirmed');
    const after = await desk.call('GET', '/tickets?kind=move-in&limit=100', { token: office });
    expect(after.body.tickets.length).toBe(before.body.tickets.length);
  });

  it('confirmed (unitConfirmed: true) → 201, the confirmation on the opening event', async () => {
    const res = await open({ unit: '9-9-9999', unitConfirmed: true });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await desk.call('GET', `/tickets/${res.body.ticket.id}`, { token: office });
    const opened = view.body.timeline.find((e: { type: string }) => e.type === 'move-in.opened');
    expect(opened.data).toMatchObject({ unit: '9-9-9999', unitConfirmed: true });
  });
});
