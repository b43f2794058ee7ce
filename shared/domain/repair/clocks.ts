/**
 * The repair's clocks: a received request waiting for RP-2 (the desk, then the office manager), the
 * 30 minutes to acknowledge a dispatch, the reminder before a booking and the appointment itself,
 * and the completion deadline (the repair lead, then the engineering manager). Due times that the
 * park's settings or calendar decide travel in the events (`clocks`), so a replay needs neither.
 */
import type { OfficeCalendar } from '../calendar';
import { calendarOf, endOfWorkingDay } from '../calendar';
import type { EventDraft, RuleContext } from '../kind';
import type { Park } from '../park';
import type { TimerState } from '../ticket';
import { settleTimers } from '../ticket';
import { addMinutes } from '../time';
import type {
  RepairClocks,
  RepairDecision,
  RepairDecisionInput,
  RepairEvent,
  RepairObligation,
  RepairTicket,
} from './model';
import { repairSettings } from './settings';

/** Timer names of the repair procedure and their rules. */
export const REPAIR_TIMERS = {
  /** A dispatched repair not acknowledged within 30 minutes goes to the engineering lead. */
  ackDeadline: { name: 'ack-30m', minutes: 30 },
  /** The assigned technician is reminded one hour before the agreed appointment. */
  appointmentReminder: { name: 'appointment-reminder', minutesBefore: 60 },
  /** Issue 11 item 4: a received repair not decided (RP-2): the desk on shift, then the office manager. */
  receivedDesk: { name: 'received-desk' },
  receivedManager: { name: 'received-manager' },
  /** Issue 11 item 5: the appointment time reached without the technician on the job. */
  appointmentDue: { name: 'appointment-due' },
  /** Issue 11 item 6: the completion deadline (the repair lead), then the engineering manager. */
  completeBy: { name: 'complete-by' },
  completeManager: { name: 'complete-L2' },
} as const;

/** What each deadline's miss leaves owed (the overdue list); the reminder owes nothing. */
export const OWED_ON_MISS: Readonly<Record<string, RepairObligation>> = {
  [REPAIR_TIMERS.receivedDesk.name]: 'decide',
  [REPAIR_TIMERS.receivedManager.name]: 'decide',
  [REPAIR_TIMERS.ackDeadline.name]: 'acknowledge',
  [REPAIR_TIMERS.appointmentDue.name]: 'acknowledge',
  [REPAIR_TIMERS.completeBy.name]: 'complete',
  [REPAIR_TIMERS.completeManager.name]: 'complete',
};

/** The timers each obligation's clocks run under: met when it is done. */
export const TIMERS_OWING: Readonly<Record<RepairObligation, readonly string[]>> = {
  decide: [REPAIR_TIMERS.receivedDesk.name, REPAIR_TIMERS.receivedManager.name],
  acknowledge: [REPAIR_TIMERS.ackDeadline.name, REPAIR_TIMERS.appointmentDue.name],
  complete: [REPAIR_TIMERS.completeBy.name, REPAIR_TIMERS.completeManager.name],
};

/** The park's calendar; one it cannot read falls back to the default hours (a repair is never refused for it). */
function calendarFor(park: Park): OfficeCalendar {
  try {
    return calendarOf(park);
  } catch {
    try {
      return calendarOf({ timeZone: park.timeZone });
    } catch {
      return calendarOf({});
    }
  }
}

const iso = (at: Date) => at.toISOString();

/** Issue 11 item 4: a request taken down without RP-2 is owed a decision: the desk's clock, then the office manager's. */
export function receivedClocks(at: Date, park: Park): RepairClocks {
  const settings = repairSettings(park);
  return {
    [REPAIR_TIMERS.receivedDesk.name]: iso(addMinutes(at, settings.receivedDeskMinutes)),
    [REPAIR_TIMERS.receivedManager.name]: iso(addMinutes(at, settings.receivedManagerMinutes)),
  };
}

/**
 * Issue 11 item 6: when the job must be done. A dispatch by the end of the working day it is
 * decided on (after closing: the next working day's), a booking by the end of its appointment's
 * working day; or the park's hours after either. The engineering manager's clock follows.
 */
export function completionClocks(
  decision: Exclude<RepairDecision, 'decline'>,
  from: Date,
  park: Park,
): RepairClocks {
  const settings = repairSettings(park);
  const hours = decision === 'dispatch' ? settings.dispatchedCompleteHours : settings.bookedCompleteHours;
  const due = hours > 0 ? addMinutes(from, hours * 60) : endOfWorkingDay(from, calendarFor(park));
  return {
    [REPAIR_TIMERS.completeBy.name]: iso(due),
    [REPAIR_TIMERS.completeManager.name]: iso(addMinutes(due, settings.completeManagerAfterMinutes)),
  };
}

/** The booking's clocks for an appointment at `appointmentAt` set at `now`: reminder, the time itself, completion. */
function bookingClocks(appointmentAt: string, now: Date, park: Park): RepairClocks {
  const appointment = new Date(appointmentAt);
  const remindAt = Math.max(
    addMinutes(appointment, -REPAIR_TIMERS.appointmentReminder.minutesBefore).getTime(),
    now.getTime(),
  );
  return {
    [REPAIR_TIMERS.appointmentReminder.name]: new Date(remindAt).toISOString(),
    [REPAIR_TIMERS.appointmentDue.name]: appointment.toISOString(),
    ...completionClocks('appointment', appointment, park),
  };
}

/**
 * The park-derived clocks an RP-2 outcome starts at `now` (ack-30m and the reminder are derived
 * from the outcome itself: decisionTimers). Nothing for a decline.
 */
export function decisionClocks(input: RepairDecisionInput, now: Date, park: Park): RepairClocks {
  if (input.decision === 'dispatch') return completionClocks('dispatch', now, park);
  if (input.decision === 'appointment' && input.appointmentAt) {
    const { [REPAIR_TIMERS.appointmentReminder.name]: _reminder, ...rest } = bookingClocks(
      input.appointmentAt,
      now,
      park,
    );
    return rest;
  }
  return {};
}

/** Issue 11 item 8: a new appointment re-derives every clock of the booking. */
export function rescheduleClocks(appointmentAt: string, now: Date, park: Park): RepairClocks {
  return bookingClocks(appointmentAt, now, park);
}

/** Issue 11 item 8: a reopened repair is dispatched again: 30 minutes to be taken, a new completion deadline. */
export function reopenClocks(now: Date, park: Park): RepairClocks {
  return {
    [REPAIR_TIMERS.ackDeadline.name]: iso(addMinutes(now, REPAIR_TIMERS.ackDeadline.minutes)),
    ...completionClocks('dispatch', now, park),
  };
}

/** The timers with `clocks` started (pending; a clock already there is moved). */
export function startClocks(
  timers: Record<string, TimerState>,
  clocks: RepairClocks | undefined,
): Record<string, TimerState> {
  const next = { ...timers };
  for (const [name, dueAt] of Object.entries(clocks ?? {})) next[name] = { dueAt, state: 'pending' };
  return next;
}

/** The timers an RP-2 outcome starts at `at`: ack-30m for a dispatch, the reminder for a booking. */
export function decisionTimers(input: RepairDecisionInput, at: string): Record<string, TimerState> {
  const timers: Record<string, TimerState> = {};
  if (input.decision === 'dispatch') {
    const { name, minutes } = REPAIR_TIMERS.ackDeadline;
    timers[name] = { dueAt: addMinutes(new Date(at), minutes).toISOString(), state: 'pending' };
  }
  if (input.decision === 'appointment' && input.appointmentAt) {
    const { name, minutesBefore } = REPAIR_TIMERS.appointmentReminder;
    const remindAt = Math.max(
      addMinutes(new Date(input.appointmentAt), -minutesBefore).getTime(),
      new Date(at).getTime(),
    );
    timers[name] = { dueAt: new Date(remindAt).toISOString(), state: 'pending' };
  }
  return timers;
}

/**
 * The timers after assigning `staffId` at `at`: a dispatched job given to someone else re-arms
 * ack-30m, so the new technician has 30 minutes of their own to take it.
 */
export function assignmentTimers(ticket: RepairTicket, staffId: string, at: string): RepairTicket['timers'] {
  const { name, minutes } = REPAIR_TIMERS.ackDeadline;
  const rearm =
    ticket.decision === 'dispatch' && ticket.assigneeId !== undefined && ticket.assigneeId !== staffId;
  if (!rearm) return ticket.timers;
  return {
    ...settleTimers(ticket.timers, [name], 'cancelled', at),
    [name]: { dueAt: addMinutes(new Date(at), minutes).toISOString(), state: 'pending' as const },
  };
}

/**
 * What a due timer does to the ticket: a `timer.fired` event when its reason still stands, nothing
 * when the deadline was met, the ticket moved on, or the timer already fired (duplicate delivery).
 */
export function repairTimerDue(
  ticket: RepairTicket,
  timer: string,
  ctx: RuleContext,
): EventDraft<RepairEvent> | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending') return undefined;
  if (ctx.now.getTime() < new Date(state.dueAt).getTime()) return undefined;
  return { type: 'timer.fired', data: { timer, dueAt: state.dueAt } };
}
