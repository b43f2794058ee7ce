/**
 * RP-2 after reception over HTTP: a repair opened without a decision is `received` (numbered at once,
 * ADR 006), and `POST /tickets/{id}/decide` applies RP-2/RP-4 then, with the usual refusals.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  desk.clock.set(new Date('2026-12-01T10:00:00+08:00'));
  dispatcher = desk.token('dispatcher');
});
afterAll(async () => desk?.close());

async function receive() {
  const { decision: _none, ...body } = repairBody({ wantedAt: '2026-12-01T15:00:00+08:00' });
  const res = await desk.call('POST', '/tickets', { token: dispatcher, body });
  expect(res.status).toBe(201);
  return res.body;
}

describe('a repair received at the desk, decided later', () => {
  it('POST /tickets without decision: received, numbered, the received sentence and RP-3; RP-2 owed on a clock', async () => {
    const { ticket, script } = await receive();

    expect(ticket).toMatchObject({
      status: 'received',
      number: expect.stringMatching(/^R20261201-\d{3}$/),
    });
    // Issue 11 item 4: the desk's clock (10 minutes) and the office manager's (30), nothing else.
    expect(Object.keys(ticket.timers).sort()).toEqual(['received-desk', 'received-manager']);
    expect(script).toEqual({
      decision: '您的报修已登记,我们与工程部确认后尽快给您答复。',
      confirmation:
        '跟您确认一下:维修内容:厨房水管漏水;地点:3号楼2单元1502 厨房;时间:12月1日15:00。请问还有什么要求。',
    });
  });

  it('allowedCommands of a received repair: decide', async () => {
    const { ticket } = await receive();
    const res = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });

    // `cancel`: a correction (issue 11 item 8), e.g. the resident calls back to cancel.
    expect(res.body.allowedCommands).toEqual(['decide', 'cancel']);
  });

  it('decide appointment: booked, reminder one hour before, the number kept', async () => {
    const { ticket } = await receive();

    const res = await desk.call('POST', `/tickets/${ticket.id}/decide`, {
      token: dispatcher,
      body: { decision: 'appointment', appointmentAt: '2026-12-02T10:00:00+08:00' },
    });

    expect(res.status).toBe(200);
    expect(res.body.ticket).toMatchObject({
      status: 'booked',
      number: ticket.number,
      timers: { 'appointment-reminder': { dueAt: '2026-12-02T09:00:00+08:00', state: 'pending' } },
    });
    // The dispatcher calls the resident back with RP-2's sentence for the outcome and RP-3.
    expect(res.body.script.decision).toBe('对不起,我们暂时没有人。我们约定12月2日10:00上门维修。');
    expect(res.body.script.confirmation).toMatch(/请问还有什么要求。$/);
  });

  it('decide decline: declined with its reason; the R number stays on the register (CH-11)', async () => {
    const { ticket } = await receive();

    const res = await desk.call('POST', `/tickets/${ticket.id}/decide`, {
      token: dispatcher,
      body: { decision: 'decline', declineReason: '此项需由燃气公司处理。' },
    });

    expect(res.body.ticket).toMatchObject({
      status: 'declined',
      number: ticket.number,
      declineReason: '此项需由燃气公司处理。',
    });
  });

  it.each([
    ['no decision', {}, 400, 'decision'],
    ['an unknown decision', { decision: 'later' }, 400, 'decision'],
    ['an unknown field', { decision: 'dispatch', technician: 'x' }, 400, 'technician'],
    [
      'an appointment in the past',
      { decision: 'appointment', appointmentAt: '2026-11-30T10:00:00+08:00' },
      422,
      'appointmentAt',
    ],
    [
      'a paid service without consent',
      { decision: 'dispatch', paidService: { fee: 80, consent: false } },
      422,
      'paidService.consent',
    ],
  ])('decide with %s → %i naming %s; the repair stays received', async (_what, body, status, field) => {
    const { ticket } = await receive();

    const res = await desk.call('POST', `/tickets/${ticket.id}/decide`, { token: dispatcher, body });
    const after = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });

    expect(res.status).toBe(status);
    expect(res.body.error.field).toBe(field);
    expect(after.body.status).toBe('received');
  });

  it('only the desk and managers decide: a technician gets 403', async () => {
    const { ticket } = await receive();

    const res = await desk.call('POST', `/tickets/${ticket.id}/decide`, {
      token: desk.token('technician'),
      body: { decision: 'dispatch' },
    });

    expect(res.status).toBe(403);
  });

  it('a received repair cannot be assigned before RP-2 is decided (409)', async () => {
    const { ticket } = await receive();

    const res = await desk.call('POST', `/tickets/${ticket.id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });

    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('it accepts: decide');
  });
});
