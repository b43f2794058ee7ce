/**
 * Issue 11 items 4–6 and 8: a repair never drops out of sight. A received request is owed RP-2 (the
 * desk after 10 minutes, the office manager after 30); a booked job nobody took reaches the repair
 * lead at the reminder and the lead and desk at the appointment; a job not done by its deadline the
 * repair lead, then the engineering manager; the corrections (CH-11) as new entries.
 */
import { describe, expect, it } from 'vitest';
import { isOpenTicket } from '../../../shared/domain/duplicates';
import { Forbidden, IllegalTransition, RuleViolation } from '../../../shared/domain/errors';
import type { Park } from '../../../shared/domain/park';
import {
  applyRepairEvent,
  decideRepair,
  openRepair,
  type RepairCommandBody,
  type RepairEvent,
  type RepairIntake,
  type RepairTicket,
  REPAIR_DEFAULTS,
  repairRules,
  repairSettings,
  repairTimerDue,
} from '../../../shared/domain/repair';
import type { Notification } from '../../../shared/domain/sms';
import { type Actor, SYSTEM_ACTOR } from '../../../shared/domain/ticket';
import { actorOf, makePark, ruleContext, STAFF, thrownBy } from '../../support/fixtures';

const PARK = makePark();
/** A weekday, 14:00 in the park (Asia/Shanghai); the office closes at 17:30. */
const AT = new Date('2026-11-27T06:00:00.000Z');
const DESK = actorOf('dispatcher-1');
const LEAD = actorOf('repair-lead-1');
const TECH = actorOf('technician-1');

const INTAKE: RepairIntake = {
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502',
  wantedAt: AT.toISOString(),
};

interface Stepped {
  ticket: RepairTicket;
  sms: Notification[];
}

function opened(extra: Partial<RepairIntake> = {}, park: Park = PARK): Stepped {
  const { ticket, event } = openRepair(
    { id: 'ticket-1', parkId: 'park-1', number: 'R20261127-001', intake: { ...INTAKE, ...extra } },
    ruleContext(AT, DESK, park),
  );
  return { ticket, sms: repairRules.notifications(event, ticket, STAFF, park) };
}

function record(
  ticket: RepairTicket,
  draft: ReturnType<typeof decideRepair>,
  at: Date,
  actor: Actor,
): Stepped {
  const event = { ...draft, seq: ticket.version + 1, at: at.toISOString(), actor } as RepairEvent;
  const next = applyRepairEvent(ticket, event);
  return { ticket: next, sms: repairRules.notifications(event, next, STAFF, PARK) };
}

function command(ticket: RepairTicket, body: RepairCommandBody, at: Date, actor: Actor = DESK): Stepped {
  return record(ticket, decideRepair(ticket, body, ruleContext(at, actor, PARK)), at, actor);
}

/** Scheduler fires `timer` at its due time. */
function fire(ticket: RepairTicket, timer: string): Stepped {
  const due = ticket.timers[timer];
  if (!due) throw new Error(`no timer ${timer}`);
  const at = new Date(due.dueAt);
  const draft = repairTimerDue(ticket, timer, ruleContext(at, SYSTEM_ACTOR, PARK));
  if (!draft) throw new Error(`${timer} did not fire`);
  return record(ticket, draft, at, SYSTEM_ACTOR);
}

const minutesOn = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);
const to = (sms: Notification[]) => sms.map((n) => n.to.id);
const BOOKED = { decision: 'appointment' as const, appointmentAt: '2026-11-28T10:00:00+08:00' };

describe('item 4: a received repair has a clock until RP-2 is decided', () => {
  it('RP-2 owed: the desk on shift after 10 minutes, the office manager after 30; overdue until decided', () => {
    // Prepare
    const received = opened().ticket;

    // Act
    const desk = fire(received, 'received-desk');
    const manager = fire(desk.ticket, 'received-manager');
    const decided = command(manager.ticket, { type: 'decide', decision: 'dispatch' }, minutesOn(40));

    // Assess
    expect(received.timers['received-desk']?.dueAt).toBe('2026-11-27T06:10:00.000Z');
    expect(received.overdue).toEqual([]);
    expect(to(desk.sms)).toEqual(['dispatcher-1']);
    expect(desk.sms[0]?.text).toBe(
      '【翠湖物业】报修R20261127-001于11月27日14:00受理,10分钟未定派工:3-2-1502 厨房水管漏水,请尽快确认派工或预约。',
    );
    expect(desk.ticket.overdue).toEqual(['decide']);
    expect(to(manager.sms)).toEqual(['office-manager-1']);
    expect(manager.sms[0]?.text).toContain('30分钟仍未定派工:3-2-1502');
    expect(decided.ticket.overdue).toEqual([]);
  });

  it('decided in time: both received clocks are met and never fire', () => {
    const decided = command(opened().ticket, { type: 'decide', decision: 'dispatch' }, minutesOn(5)).ticket;

    expect(decided.timers['received-desk']?.state).toBe('met');
    expect(decided.timers['received-manager']?.state).toBe('met');
    expect(
      repairTimerDue(decided, 'received-desk', ruleContext(minutesOn(11), SYSTEM_ACTOR)),
    ).toBeUndefined();
  });

  it('the minutes are park settings (repair.receivedDeskMinutes, receivedManagerMinutes)', () => {
    const park = makePark({ repair: { receivedDeskMinutes: 5, receivedManagerMinutes: 20 } });

    const { ticket } = opened({}, park);

    expect(ticket.timers['received-desk']?.dueAt).toBe(minutesOn(5).toISOString());
    expect(ticket.timers['received-manager']?.dueAt).toBe(minutesOn(20).toISOString());
  });
});

describe('repairSettings: a broken setting falls back to its default, never stops a repair', () => {
  it.each([
    [{ receivedDeskMinutes: 0 }, { receivedDeskMinutes: 10 }],
    [{ receivedDeskMinutes: 2.5 }, { receivedDeskMinutes: 10 }],
    [
      { receivedDeskMinutes: 40, receivedManagerMinutes: 30 },
      { receivedDeskMinutes: 40, receivedManagerMinutes: 41 },
    ],
    [{ dispatchedCompleteHours: -1 }, { dispatchedCompleteHours: 0 }],
    [{ completeManagerAfterMinutes: 'soon' }, { completeManagerAfterMinutes: 60 }],
  ])('%j → %j', (given, expected) => {
    expect(repairSettings({ repair: given as never })).toMatchObject(expected);
    expect(repairSettings({})).toEqual(REPAIR_DEFAULTS);
  });
});

describe('item 5: a booked job nobody took', () => {
  it('the reminder finds the technician not acknowledged: the repair lead is texted too', () => {
    // Prepare
    const booked = opened(BOOKED).ticket;
    const assigned = command(booked, { type: 'assign', staffId: 'technician-1' }, minutesOn(5)).ticket;

    // Act
    const reminded = fire(assigned, 'appointment-reminder');

    // Assess
    expect(to(reminded.sms)).toEqual(['technician-1', 'repair-lead-1']);
    const lead = reminded.sms.find((n) => n.to.id === 'repair-lead-1');
    expect(lead?.purpose).toBe('appointment-reminder-lead');
    // His dispatch link (派工/改派): he can give the job to someone else from the SMS.
    expect(lead?.link?.purpose).toBe('dispatch');
    expect(lead?.text).toBe(
      '【翠湖物业】派工单R20261127-001预约11月28日10:00上门,张伟尚未接单:3-2-1502 厨房水管漏水,请跟进,改派:',
    );
  });

  it('acknowledged before the reminder: only the technician is reminded', () => {
    const booked = opened(BOOKED).ticket;
    const assigned = command(booked, { type: 'assign', staffId: 'technician-1' }, minutesOn(5)).ticket;
    const acknowledged = command(assigned, { type: 'acknowledge' }, minutesOn(6), TECH).ticket;

    expect(to(fire(acknowledged, 'appointment-reminder').sms)).toEqual(['technician-1']);
  });

  it('the appointment time passes without the technician on it: the repair lead and the desk; overdue', () => {
    // Prepare: nobody assigned at all.
    const booked = opened(BOOKED).ticket;

    // Act
    const due = fire(booked, 'appointment-due');

    // Assess
    expect(to(due.sms)).toEqual(['repair-lead-1', 'dispatcher-1']);
    expect(due.sms[0]?.text).toContain('派工单R20261127-001预约11月28日10:00已到,仍未派人:3-2-1502');
    expect(due.ticket.overdue).toEqual(['acknowledge']);
  });

  it('acknowledged: the appointment clock is met and does not fire', () => {
    const booked = opened(BOOKED).ticket;
    const assigned = command(booked, { type: 'assign', staffId: 'technician-1' }, minutesOn(5)).ticket;
    const acknowledged = command(assigned, { type: 'acknowledge' }, minutesOn(6), TECH).ticket;

    expect(acknowledged.timers['appointment-due']?.state).toBe('met');
  });
});

describe('item 6: the completion deadline', () => {
  it('dispatched at 14:00: due 17:30 the same working day → the repair lead; an hour on → the engineering manager', () => {
    // Prepare
    const dispatched = opened({ decision: 'dispatch' }).ticket;
    const assigned = command(dispatched, { type: 'assign', staffId: 'technician-1' }, minutesOn(2)).ticket;
    const acknowledged = command(assigned, { type: 'acknowledge' }, minutesOn(3), TECH).ticket;

    // Act
    const late = fire(acknowledged, 'complete-by');
    const later = fire(late.ticket, 'complete-L2');
    const done = command(
      later.ticket,
      { type: 'complete', serviceSlip: { number: 'S-1', signedBy: '王先生' } },
      minutesOn(300),
      TECH,
    );

    // Assess
    expect(dispatched.completeBy).toBe('2026-11-27T09:30:00.000Z');
    expect(to(late.sms)).toEqual(['repair-lead-1']);
    expect(late.sms[0]?.text).toBe(
      '【翠湖物业】派工单R20261127-001应于11月27日17:30前完工,尚未完工(张伟):3-2-1502 厨房水管漏水,请跟进。',
    );
    expect(late.ticket.overdue).toEqual(['complete']);
    expect(to(later.sms)).toEqual(['engineering-manager-1']);
    expect(later.sms[0]?.text).toContain('逾期60分钟仍未完工(张伟)');
    expect(done.ticket.overdue).toEqual([]);
  });

  it('dispatched after closing: due at the next working day’s closing; booked: the appointment’s day', () => {
    const evening = openRepair(
      {
        id: 'ticket-1',
        parkId: 'park-1',
        number: 'R20261127-002',
        intake: { ...INTAKE, decision: 'dispatch' },
      },
      ruleContext(new Date('2026-11-27T20:00:00+08:00'), DESK, PARK),
    ).ticket;

    expect(evening.completeBy).toBe(new Date('2026-11-28T17:30:00+08:00').toISOString());
    expect(opened(BOOKED).ticket.completeBy).toBe(new Date('2026-11-28T17:30:00+08:00').toISOString());
  });

  it('park settings: a number of hours instead of the working day', () => {
    const park = makePark({ repair: { dispatchedCompleteHours: 4, bookedCompleteHours: 2 } });

    expect(opened({ decision: 'dispatch' }, park).ticket.completeBy).toBe(minutesOn(240).toISOString());
    expect(opened(BOOKED, park).ticket.completeBy).toBe(new Date('2026-11-28T12:00:00+08:00').toISOString());
  });
});

describe('item 8: corrections as new entries (CH-11)', () => {
  it('cancel {reason}: cancelled, every pending clock cancelled, nothing owed; the technician told not to go', () => {
    // Prepare
    const dispatched = opened({ decision: 'dispatch' }).ticket;
    const assigned = command(dispatched, { type: 'assign', staffId: 'technician-1' }, minutesOn(2)).ticket;
    const missed = fire(assigned, 'ack-30m').ticket;

    // Act
    const cancelled = command(missed, { type: 'cancel', reason: '住户已自行修好' }, minutesOn(40));

    // Assess
    expect(cancelled.ticket).toMatchObject({
      status: 'cancelled',
      cancelReason: '住户已自行修好',
      overdue: [],
    });
    expect(Object.values(cancelled.ticket.timers).filter((t) => t.state === 'pending')).toEqual([]);
    expect(cancelled.ticket.timers['complete-by']?.state).toBe('cancelled');
    expect(to(cancelled.sms)).toEqual(['technician-1']);
    expect(cancelled.sms[0]?.text).toContain('派工单R20261127-001已取消,您无需前往:3-2-1502');
    expect(repairRules.allowedCommands(cancelled.ticket)).toEqual([]);
  });

  it('reschedule {appointmentAt, reason}: the booking’s clocks re-derived; the technician gets the new time and link', () => {
    // Prepare
    const booked = opened(BOOKED).ticket;
    const assigned = command(booked, { type: 'assign', staffId: 'technician-1' }, minutesOn(5)).ticket;

    // Act
    const moved = command(
      assigned,
      { type: 'reschedule', appointmentAt: '2026-11-30T15:00:00+08:00', reason: '住户出差' },
      minutesOn(10),
    );

    // Assess
    expect(moved.ticket.appointmentAt).toBe('2026-11-30T07:00:00.000Z');
    expect(moved.ticket.timers).toMatchObject({
      'appointment-reminder': { dueAt: '2026-11-30T06:00:00.000Z', state: 'pending' },
      'appointment-due': { dueAt: '2026-11-30T07:00:00.000Z', state: 'pending' },
      'complete-by': { dueAt: '2026-11-30T09:30:00.000Z', state: 'pending' },
    });
    expect(moved.ticket.completeBy).toBe('2026-11-30T09:30:00.000Z');
    expect(to(moved.sms)).toEqual(['technician-1']);
    expect(moved.sms[0]).toMatchObject({ purpose: 'rescheduled', link: { purpose: 'job' } });
    expect(moved.sms[0]?.text).toContain('改为11月30日15:00上门:3-2-1502');
  });

  it('reschedule is refused for a dispatched job (REPAIR.NOT_BOOKED) and for a time past (RP-2)', () => {
    const dispatched = command(
      opened({ decision: 'dispatch' }).ticket,
      { type: 'assign', staffId: 'technician-1' },
      minutesOn(1),
    ).ticket;
    const booked = opened(BOOKED).ticket;
    const body = (appointmentAt: string) => ({ type: 'reschedule' as const, appointmentAt, reason: '改约' });

    const notBooked = thrownBy(() =>
      decideRepair(dispatched, body('2026-11-30T15:00:00+08:00'), ruleContext(minutesOn(1))),
    );
    const past = thrownBy(() =>
      decideRepair(booked, body('2026-11-27T10:00:00+08:00'), ruleContext(minutesOn(1))),
    );

    expect(notBooked).toBeInstanceOf(RuleViolation);
    expect(notBooked.code).toBe('REPAIR.NOT_BOOKED');
    expect(past.code).toBe('REPAIR.APPOINTMENT_IN_PAST');
  });

  it('reopen {reason} after closed: to be dispatched again, nobody on it, 30 minutes and a new completion clock; counted', () => {
    // Prepare
    let t = opened({ decision: 'dispatch' }).ticket;
    t = command(t, { type: 'assign', staffId: 'technician-1' }, minutesOn(2)).ticket;
    t = command(t, { type: 'acknowledge' }, minutesOn(3), TECH).ticket;
    t = command(
      t,
      { type: 'complete', serviceSlip: { number: 'S-1', signedBy: '王先生' } },
      minutesOn(60),
      TECH,
    ).ticket;
    t = command(t, { type: 'close' }, minutesOn(70)).ticket;
    const reopenAt = new Date('2026-11-28T09:00:00+08:00');

    // Act
    const reopened = command(t, { type: 'reopen', reason: '住户来电:仍在漏水' }, reopenAt);

    // Assess
    expect(reopened.ticket).toMatchObject({ status: 'dispatched', decision: 'dispatch', overdue: [] });
    expect(reopened.ticket.assigneeId).toBeUndefined();
    expect(reopened.ticket.serviceSlip).toBeUndefined();
    expect(reopened.ticket.reopens).toEqual([{ at: reopenAt.toISOString(), reason: '住户来电:仍在漏水' }]);
    expect(reopened.ticket.timers).toMatchObject({
      'ack-30m': { dueAt: '2026-11-28T01:30:00.000Z', state: 'pending' },
      'complete-by': { dueAt: '2026-11-28T09:30:00.000Z', state: 'pending' },
    });
    expect(to(reopened.sms)).toEqual(['repair-lead-1']);
    expect(reopened.sms[0]?.text).toContain('返修:派工单R20261127-001住户反映未修好,原维修张伟:3-2-1502');
    expect(repairRules.allowedCommands(reopened.ticket)).toEqual(['assign', 'cancel']);
  });

  it('who corrects: the desk, the repair lead, managers; not a technician (403); not a cancelled repair (409)', () => {
    const dispatched = opened({ decision: 'dispatch' }).ticket;
    const cancel = { type: 'cancel' as const, reason: '重复报修' };

    const byTech = thrownBy(() => decideRepair(dispatched, cancel, ruleContext(minutesOn(1), TECH)));
    const byLead = decideRepair(dispatched, cancel, ruleContext(minutesOn(1), LEAD));
    const byManager = decideRepair(
      dispatched,
      cancel,
      ruleContext(minutesOn(1), actorOf('engineering-manager-1')),
    );
    const cancelled = command(dispatched, cancel, minutesOn(1)).ticket;
    const twice = thrownBy(() => decideRepair(cancelled, cancel, ruleContext(minutesOn(2))));

    expect(byTech).toBeInstanceOf(Forbidden);
    expect(byLead.type).toBe('repair.cancelled');
    expect(byManager.type).toBe('repair.cancelled');
    expect(twice).toBeInstanceOf(IllegalTransition);
  });

  it('a closed repair that may only be reopened is not the caller’s open repair (ADR 011 duplicates)', () => {
    let t = opened({ decision: 'dispatch' }).ticket;
    t = command(t, { type: 'assign', staffId: 'technician-1' }, minutesOn(2)).ticket;
    t = command(t, { type: 'acknowledge' }, minutesOn(3), TECH).ticket;
    t = command(
      t,
      { type: 'complete', serviceSlip: { number: 'S-1', signedBy: '王先生' } },
      minutesOn(60),
      TECH,
    ).ticket;
    const closed = command(t, { type: 'close' }, minutesOn(70)).ticket;

    expect(isOpenTicket(t)).toBe(true);
    expect(isOpenTicket(closed)).toBe(false);
  });
});
