/**
 * Issue 11 items 4–8 over HTTP on the local desk (real handlers, DynamoDB Local, the injected
 * clock): a received repair texts the desk then the office manager and sits on the overdue list
 * until decided (item 4); a booked job nobody took reaches the repair lead and the desk (item 5);
 * a job not done by the end of the working day the repair lead, then the engineering manager
 * (item 6); `GET /tickets?kind=repair&overdue=true` lists them (item 7); cancel, reschedule and
 * reopen are new entries (item 8, CH-11).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../infra/local/demo-park';
import { freshDesk, localSmsOf, repairBody, setLocalClock, type TestDesk } from '../support/desk';

const phone = (id: string) => DEMO_STAFF.find((s) => s.id === id)?.phone;
const DISPATCHER = phone('dispatcher-1');
const OFFICE_MANAGER = phone('office-manager-1');
const REPAIR_LEAD = phone('repair-lead-1');
const ENGINEERING_MANAGER = phone('engineering-manager-1');

let desk: TestDesk;
let dispatcher: string;

const smsOf = (ticketId: string) => localSmsOf(desk, ticketId);
const clock = (set: string) => setLocalClock(desk, set);
async function open(overrides: Record<string, unknown> = {}) {
  const res = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; number: string; timers: Record<string, { dueAt: string }> };
}
async function send(id: string, command: string, body: Record<string, unknown>, token = dispatcher) {
  return desk.call('POST', `/tickets/${id}/${command}`, { token, body });
}
async function overdueIds(): Promise<string[]> {
  const res = await desk.call('GET', '/tickets?kind=repair&overdue=true', { token: dispatcher });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.tickets.map((t: { id: string }) => t.id);
}

beforeAll(async () => {
  desk = await freshDesk(undefined, '2026-11-27T09:00:00+08:00');
  dispatcher = desk.token('dispatcher');
});
afterAll(async () => desk?.close());

describe('the park’s repair clocks', () => {
  it('GET /parks/{id} shows them, every one filled in (the demo park writes out the defaults)', async () => {
    const res = await desk.call('GET', '/parks/park-1', { token: dispatcher });

    expect(res.body.repair).toEqual({
      receivedDeskMinutes: 10,
      receivedManagerMinutes: 30,
      dispatchedCompleteHours: 0,
      bookedCompleteHours: 0,
      completeManagerAfterMinutes: 60,
    });
  });
});

describe('item 4 + 7: a received repair is owed RP-2 (taken down by phone, nobody decided)', () => {
  let id: string;

  it('10 minutes: the desk is texted with the number, unit and since when; on the overdue list', async () => {
    await clock('2026-11-27T09:00:00+08:00');
    const { decision: _none, ...body } = repairBody();
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body });
    expect(res.status).toBe(201);
    id = res.body.ticket.id;
    const number = res.body.ticket.number;

    await clock('2026-11-27T09:09:00+08:00');
    expect(await smsOf(id)).toHaveLength(1); // only "new repair waiting" at reception
    await clock('2026-11-27T09:11:00+08:00');

    const late = (await smsOf(id)).filter((m) => m.text.includes('分钟未定派工'));
    expect(late.map((m) => m.to)).toEqual([DISPATCHER]);
    expect(late[0]?.text).toContain(`报修${number}于11月27日09:00受理,10分钟未定派工:3-2-1502`);
    expect(await overdueIds()).toContain(id);
    const shown = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(shown.body.overdue).toEqual(['decide']);
  });

  it('30 minutes: the office manager; decided: off the overdue list', async () => {
    await clock('2026-11-27T09:31:00+08:00');
    const manager = (await smsOf(id)).filter((m) => m.to === OFFICE_MANAGER);
    expect(manager).toHaveLength(1);
    expect(manager[0]?.text).toContain('30分钟仍未定派工');

    const decided = await send(id, 'decide', { decision: 'dispatch' });
    expect(decided.status).toBe(200);
    expect(await overdueIds()).not.toContain(id);
  });
});

describe('item 5: a booked job nobody took', () => {
  it('the reminder with the technician not acknowledged → the repair lead; the appointment passing → the lead and the desk', async () => {
    await clock('2026-11-27T09:00:00+08:00');
    const booked = await open({ decision: 'appointment', appointmentAt: '2026-11-27T14:00:00+08:00' });
    expect((await send(booked.id, 'assign', { staffId: 'technician-1' })).status).toBe(200);

    await clock('2026-11-27T13:01:00+08:00');
    const reminder = (await smsOf(booked.id)).filter((m) => m.text.includes('尚未接单'));
    expect(reminder.map((m) => m.to)).toEqual([REPAIR_LEAD]);
    expect(reminder[0]?.text).toContain(`派工单${booked.number}预约11月27日14:00上门,张伟尚未接单:3-2-1502`);
    expect(await overdueIds()).not.toContain(booked.id);

    await clock('2026-11-27T14:01:00+08:00');
    const due = (await smsOf(booked.id)).filter((m) => m.text.includes('已到'));
    expect(due.map((m) => m.to).sort()).toEqual([REPAIR_LEAD, DISPATCHER].sort());
    expect(await overdueIds()).toContain(booked.id);

    // The technician takes it: nothing owed for it any more.
    expect((await send(booked.id, 'acknowledge', {}, desk.token('technician-1'))).status).toBe(200);
    expect(await overdueIds()).not.toContain(booked.id);
  });
});

describe('item 6: the completion deadline', () => {
  it('dispatched at 09:00, not done by 17:30 → the repair lead; at 18:30 → the engineering manager; completed → off the list', async () => {
    await clock('2026-11-27T09:00:00+08:00');
    const job = await open();
    await send(job.id, 'assign', { staffId: 'technician-2' });
    await send(job.id, 'acknowledge', {}, desk.token('technician-2'));

    await clock('2026-11-27T17:31:00+08:00');
    const lead = (await smsOf(job.id)).filter((m) => m.text.includes('前完工'));
    expect(lead.map((m) => m.to)).toEqual([REPAIR_LEAD]);
    expect(lead[0]?.text).toContain(`派工单${job.number}应于11月27日17:30前完工,尚未完工(李强):3-2-1502`);
    expect(await overdueIds()).toContain(job.id);

    await clock('2026-11-27T18:31:00+08:00');
    const manager = (await smsOf(job.id)).filter((m) => m.to === ENGINEERING_MANAGER);
    expect(manager).toHaveLength(1);
    expect(manager[0]?.text).toContain('逾期60分钟仍未完工(李强)');

    const done = await send(
      job.id,
      'complete',
      { serviceSlip: { number: `S-${job.number}`, signedBy: '王先生' } },
      desk.token('technician-2'),
    );
    expect(done.status).toBe(200);
    expect(await overdueIds()).not.toContain(job.id);
  });
});

describe('item 8: corrections as new entries (CH-11)', () => {
  it('cancel {reason}: by the repair lead; the timeline keeps it; its clocks never fire; a technician may not (403)', async () => {
    await clock('2026-11-28T09:00:00+08:00');
    const job = await open({ wantedAt: '2026-11-28T15:00:00+08:00' });
    await send(job.id, 'assign', { staffId: 'technician-1' });

    const byTech = await send(job.id, 'cancel', { reason: '重复' }, desk.token('technician-1'));
    const noReason = await send(job.id, 'cancel', {}, desk.token('repair-lead-1'));
    const res = await send(job.id, 'cancel', { reason: '住户来电取消' }, desk.token('repair-lead-1'));
    const again = await send(job.id, 'cancel', { reason: '住户来电取消' });
    await clock('2026-11-28T18:00:00+08:00');

    expect(byTech.status).toBe(403);
    expect(noReason.status).toBe(400);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket).toMatchObject({ status: 'cancelled', cancelReason: '住户来电取消' });
    expect(again.status).toBe(409);
    const shown = await desk.call('GET', `/tickets/${job.id}`, { token: dispatcher });
    expect(shown.body.timeline.map((e: { type: string }) => e.type)).toContain('repair.cancelled');
    const texts = (await smsOf(job.id)).map((m) => m.text);
    expect(texts.some((t) => t.includes('已取消,您无需前往'))).toBe(true);
    expect(texts.some((t) => t.includes('前完工') || t.includes('未接单'))).toBe(false);
  });

  it('reschedule {appointmentAt, reason}: new clocks for a booking; 422 for a dispatched job (RP-2: no appointment)', async () => {
    await clock('2026-11-28T09:00:00+08:00');
    const booked = await open({ decision: 'appointment', appointmentAt: '2026-11-29T10:00:00+08:00' });
    const dispatched = await open();
    // Assigned, so the lifecycle takes a reschedule: RP-2 refuses it (no appointment to move).
    await send(dispatched.id, 'assign', { staffId: 'technician-1' });

    const res = await send(booked.id, 'reschedule', {
      appointmentAt: '2026-11-30T15:00:00+08:00',
      reason: '住户改约',
    });
    const refused = await send(dispatched.id, 'reschedule', {
      appointmentAt: '2026-11-30T15:00:00+08:00',
      reason: '住户改约',
    });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(Date.parse(res.body.ticket.timers['appointment-reminder'].dueAt)).toBe(
      Date.parse('2026-11-30T14:00:00+08:00'),
    );
    expect(Date.parse(res.body.ticket.timers['complete-by'].dueAt)).toBe(
      Date.parse('2026-11-30T17:30:00+08:00'),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'REPAIR.NOT_BOOKED', field: 'appointmentAt' });
  });

  it('reopen {reason} after closed: dispatched again with a new completion clock; the repair lead is texted', async () => {
    await clock('2026-11-28T09:00:00+08:00');
    const job = await open({ wantedAt: '2026-11-28T15:00:00+08:00' });
    await send(job.id, 'assign', { staffId: 'technician-1' });
    await send(job.id, 'acknowledge', {}, desk.token('technician-1'));
    await send(
      job.id,
      'complete',
      { serviceSlip: { number: `S-${job.number}`, signedBy: '王先生' } },
      desk.token('technician-1'),
    );
    await send(job.id, 'close', {});
    await clock('2026-11-29T10:00:00+08:00');

    const res = await send(job.id, 'reopen', { reason: '住户来电:仍漏水' });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket).toMatchObject({ status: 'dispatched', reopens: [{ reason: '住户来电:仍漏水' }] });
    expect(res.body.ticket.timers['complete-by']).toMatchObject({ state: 'pending' });
    expect(Date.parse(res.body.ticket.timers['complete-by'].dueAt)).toBe(
      Date.parse('2026-11-29T17:30:00+08:00'),
    );
    await clock('2026-11-29T10:01:00+08:00');
    const lead = (await smsOf(job.id)).filter((m) => m.text.includes('返修'));
    expect(lead.map((m) => m.to)).toEqual([REPAIR_LEAD]);
  });
});
