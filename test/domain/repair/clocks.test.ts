/** The repair's clocks: ack-30m and the appointment reminder, started, settled, re-armed and fired. */
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../../shared/domain/park';
import { type RepairTicket, repairTimerDue } from '../../../shared/domain/repair';
import {
  assignTo,
  ctxAt,
  DIRECTORY,
  inStatus,
  minutesAfter,
  open,
  OPENED_AT,
  record,
  SLIP,
  step,
  TECHNICIAN,
} from './driver';

describe('repair timers', () => {
  it('a dispatch starts ack-30m, due 30 minutes after the call', () => {
    expect(open().ticket.timers).toEqual({
      'ack-30m': { dueAt: '2026-11-27T06:30:00.000Z', state: 'pending' },
      // Issue 11 item 6: by the end of the working day (17:30 in the park), the manager an hour on.
      'complete-by': { dueAt: '2026-11-27T09:30:00.000Z', state: 'pending' },
      'complete-L2': { dueAt: '2026-11-27T10:30:00.000Z', state: 'pending' },
    });
  });

  it('a booking starts appointment-reminder, due one hour before the appointment', () => {
    const { ticket } = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' });

    expect(ticket.timers).toEqual({
      'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' },
      'appointment-due': { dueAt: '2026-11-28T02:00:00.000Z', state: 'pending' },
      'complete-by': { dueAt: '2026-11-28T09:30:00.000Z', state: 'pending' },
      'complete-L2': { dueAt: '2026-11-28T10:30:00.000Z', state: 'pending' },
    });
  });

  it('a booking less than an hour ahead is reminded at once, never before the call', () => {
    const { ticket } = open({ decision: 'appointment', appointmentAt: '2026-11-27T14:20:00+08:00' });

    expect(ticket.timers).toMatchObject({
      'appointment-reminder': { dueAt: OPENED_AT.toISOString(), state: 'pending' },
    });
  });

  it('a decline starts no timer', () => {
    expect(open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' }).ticket.timers).toEqual({});
  });

  it('acknowledging in time meets ack-30m; completing and closing leave it met', () => {
    // Prepare
    const dispatched = open().ticket;
    const ackAt = minutesAfter(OPENED_AT, 12);

    // Act
    const assigned = step(dispatched, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 2));
    const acknowledged = step(assigned, { type: 'acknowledge' }, ackAt);
    const completed = step(
      acknowledged,
      { type: 'complete', serviceSlip: SLIP },
      minutesAfter(OPENED_AT, 80),
    );
    const closed = step(completed, { type: 'close' }, minutesAfter(OPENED_AT, 120));

    // Assess
    expect(assigned.timers['ack-30m']?.state).toBe('pending');
    const met = { dueAt: '2026-11-27T06:30:00.000Z', state: 'met', settledAt: ackAt.toISOString() };
    expect(acknowledged.timers['ack-30m']).toEqual(met);
    expect(completed.timers['ack-30m']).toEqual(met);
    expect(closed.timers['ack-30m']).toEqual(met);
    expect(closed.status).toBe('closed');
  });

  it('acknowledging does not settle the appointment reminder; completing cancels it', () => {
    // Prepare
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).ticket;
    const doneAt = minutesAfter(OPENED_AT, 60);

    // Act
    const assigned = step(booked, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 5));
    const acknowledged = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 10));
    const completed = step(acknowledged, { type: 'complete', serviceSlip: SLIP }, doneAt);

    // Assess
    expect(acknowledged.timers['appointment-reminder']?.state).toBe('pending');
    expect(completed.timers['appointment-reminder']).toEqual({
      dueAt: '2026-11-28T01:00:00.000Z',
      state: 'cancelled',
      settledAt: doneAt.toISOString(),
    });
  });

  it('closing cancels any timer still pending', () => {
    const completedWithPending: RepairTicket = {
      ...inStatus('completed'),
      timers: { 'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' } },
    };
    const closeAt = minutesAfter(OPENED_AT, 30);

    const closed = step(completedWithPending, { type: 'close' }, closeAt);

    expect(closed.timers['appointment-reminder']).toMatchObject({
      state: 'cancelled',
      settledAt: closeAt.toISOString(),
    });
  });

  it('ack-30m firing marks it missed, and a late acknowledgement does not turn it into met', () => {
    // Prepare
    const dispatched = open().ticket;
    const firedAt = minutesAfter(OPENED_AT, 30);

    // Act
    const fired = record(dispatched, repairTimerDue(dispatched, 'ack-30m', ctxAt(firedAt))!, firedAt);
    const assigned = step(fired, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 35));
    const acknowledged = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 40));

    // Assess
    const missed = { dueAt: '2026-11-27T06:30:00.000Z', state: 'missed', settledAt: firedAt.toISOString() };
    expect(fired.timers['ack-30m']).toEqual(missed);
    expect(fired.status).toBe('dispatched');
    expect(acknowledged.timers['ack-30m']).toEqual(missed);
  });

  it('the appointment reminder firing marks it fired', () => {
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).ticket;
    const due = new Date('2026-11-28T01:00:00.000Z');

    const fired = record(booked, repairTimerDue(booked, 'appointment-reminder', ctxAt(due))!, due);

    expect(fired.timers['appointment-reminder']).toEqual({
      dueAt: '2026-11-28T01:00:00.000Z',
      state: 'fired',
      settledAt: due.toISOString(),
    });
  });
});

describe('repairTimerDue', () => {
  it('ack-30m: nothing at 29:59 after the call', () => {
    expect(repairTimerDue(open().ticket, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 29, 59)))).toBeUndefined();
  });

  it('ack-30m: fires at 30:00 after the call, with its due time', () => {
    expect(repairTimerDue(open().ticket, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 30)))).toEqual({
      type: 'timer.fired',
      data: { timer: 'ack-30m', dueAt: '2026-11-27T06:30:00.000Z' },
    });
  });

  it('ack-30m: a late delivery still fires', () => {
    expect(repairTimerDue(open().ticket, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 95)))?.type).toBe(
      'timer.fired',
    );
  });

  it('a duplicate delivery gives nothing the second time', () => {
    // Prepare
    const dispatched = open().ticket;
    const at = minutesAfter(OPENED_AT, 30);
    const fired = record(dispatched, repairTimerDue(dispatched, 'ack-30m', ctxAt(at))!, at);

    // Act
    const again = repairTimerDue(fired, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 31)));

    // Assess
    expect(again).toBeUndefined();
  });

  it('ack-30m: nothing once the technician acknowledged (deadline met)', () => {
    const assigned = step(open().ticket, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 1));
    const acknowledged = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 10));

    expect(repairTimerDue(acknowledged, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 30)))).toBeUndefined();
  });

  it('appointment-reminder: nothing once the repair is completed (timer cancelled)', () => {
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).ticket;
    const completed = step(
      { ...booked, status: 'acknowledged' },
      { type: 'complete', serviceSlip: SLIP },
      minutesAfter(OPENED_AT, 30),
    );

    expect(
      repairTimerDue(completed, 'appointment-reminder', ctxAt(new Date('2026-11-28T01:00:00.000Z'))),
    ).toBeUndefined();
  });

  it('nothing for a timer the ticket does not have', () => {
    const declined = open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' }).ticket;

    expect(repairTimerDue(declined, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 30)))).toBeUndefined();
    expect(
      repairTimerDue(open().ticket, 'appointment-reminder', ctxAt(minutesAfter(OPENED_AT, 600))),
    ).toBeUndefined();
  });
});

describe('RP-2 dispatch, reassigned: the new technician has 30 minutes of their own', () => {
  it('reassigning a dispatched job re-arms ack-30m from the reassignment; the first assignment does not', () => {
    const LI: StaffMember = { ...TECHNICIAN, id: 'technician-2', name: '李强' };
    const assigned = step(open().ticket, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 5));
    expect(assigned.timers['ack-30m']).toEqual({
      dueAt: minutesAfter(OPENED_AT, 30).toISOString(),
      state: 'pending',
    });

    const reassigned = step(assigned, assignTo(LI), minutesAfter(OPENED_AT, 20), [...DIRECTORY, LI]);
    expect(reassigned.timers['ack-30m']).toEqual({
      dueAt: minutesAfter(OPENED_AT, 50).toISOString(),
      state: 'pending',
    });

    // Even after the first technician acknowledged (the clock was met), a new one starts again.
    const acked = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 10));
    const handedOn = step(acked, assignTo(LI), minutesAfter(OPENED_AT, 60), [...DIRECTORY, LI]);
    expect(handedOn.timers['ack-30m']).toEqual({
      dueAt: minutesAfter(OPENED_AT, 90).toISOString(),
      state: 'pending',
    });
  });
});
