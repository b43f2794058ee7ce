/** The repair's clocks: the 30 minutes to acknowledge a dispatch, the reminder before a booking. */
import type { EventDraft, RuleContext } from '../kind';
import type { TimerState } from '../ticket';
import { settleTimers } from '../ticket';
import { addMinutes } from '../time';
import type { RepairDecisionInput, RepairEvent, RepairTicket } from './model';

/** Timer names of the repair procedure and their rules. */
export const REPAIR_TIMERS = {
  /** A dispatched repair not acknowledged within 30 minutes goes to the engineering lead. */
  ackDeadline: { name: 'ack-30m', minutes: 30 },
  /** The assigned technician is reminded one hour before the agreed appointment. */
  appointmentReminder: { name: 'appointment-reminder', minutesBefore: 60 },
} as const;

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
