/**
 * The clocks of a complaint (CH-1's one month, CH-4, CH-5, CH-6, CH-7, CH-8, DS-4, DS-5): when each
 * is due, what a miss leaves owed, which rung of the escalation chain follows, and what a due clock
 * records. Due times are computed from the park's calendar when a clock starts and travel in the
 * event that starts it, so folding events needs no calendar.
 */
import type { OfficeCalendar } from '../calendar';
import { addDays, addMonths, addOfficeMinutes, calendarOf, endOfWorkingDay, nextOpening } from '../calendar';
import type { EventDraft, RuleContext } from '../kind';
import { addMinutes } from '../time';
import type {
  AckStep,
  ClockStarts,
  ComplaintEvent,
  ComplaintSeverity,
  ComplaintTicket,
  ComplaintTimer,
  EodReason,
  Obligation,
} from './model';
import { COMPLAINT_TIMERS as T } from './model';
import { startStillOverdue, stillOverdue } from './still-overdue';

export interface ClockRule {
  /**
   * `deadline`: a miss is escalated; `reminder`: it only reminds; `upgrade`: CH-1's one-month rule;
   * `daily`: a deadline still missed, texted one level up (still-overdue.ts).
   */
  kind: 'deadline' | 'reminder' | 'upgrade' | 'daily';
  /** What stays owed after a miss. */
  owes?: Obligation;
  /** The next rung when this one is missed, due relative to this one's due time. */
  next?: { timer: ComplaintTimer; due: (missedDue: Date, calendar: OfficeCalendar, urgent: boolean) => Date };
}

/**
 * ADR 016 (issue 11 item 13): `minutes` after `from` for a clock about office work — office minutes
 * for a complaint without ongoing harm (an after-hours complaint about a rude guard waits for the
 * office), wall minutes with ongoing harm (CH-8: harm does not wait).
 */
export function workMinutes(from: Date, minutes: number, calendar: OfficeCalendar, urgent: boolean): Date {
  return urgent ? addMinutes(from, minutes) : addOfficeMinutes(from, minutes, calendar);
}

/** Every complaint clock and what its miss means. Escalation chains are the `next` links. */
export const CLOCK_RULES: Record<ComplaintTimer, ClockRule> = {
  [T.grade]: { kind: 'deadline', owes: 'grade', next: { timer: T.gradeL2, due: (d) => addMinutes(d, 10) } },
  [T.gradeL2]: { kind: 'deadline', owes: 'grade' },
  [T.handoff]: {
    kind: 'deadline',
    owes: 'report-sheet',
    next: { timer: T.handoffL2, due: (d, c, urgent) => workMinutes(d, 10, c, urgent) },
  },
  [T.handoffL2]: { kind: 'deadline', owes: 'report-sheet' },
  [T.harm]: { kind: 'deadline', owes: 'stop-harm', next: { timer: T.harmL2, due: (d) => addMinutes(d, 10) } },
  [T.harmL2]: { kind: 'deadline', owes: 'stop-harm' },
  [T.supervisor]: {
    kind: 'deadline',
    owes: 'supervisor',
    next: { timer: T.supervisorL2, due: (d, c, urgent) => workMinutes(d, 30, c, urgent) },
  },
  [T.supervisorL2]: { kind: 'deadline', owes: 'supervisor' },
  // Missed at closing time: the deputy GM hears of it when the office opens next.
  [T.director]: {
    kind: 'deadline',
    owes: 'director',
    next: { timer: T.directorL2, due: (d, c) => nextOpening(d, c) },
  },
  [T.directorL2]: { kind: 'deadline', owes: 'director' },
  [T.followUp]: { kind: 'reminder' },
  [T.followUpEod]: { kind: 'deadline', owes: 'follow-up' },
  [T.resolveMinor]: { kind: 'deadline', owes: 'resolve' },
  [T.resolveByResident]: { kind: 'deadline', owes: 'resolve' },
  [T.resolveImportant]: { kind: 'deadline', owes: 'resolve' },
  [T.replyMajor]: { kind: 'deadline', owes: 'reply' },
  [T.resolveMajor]: { kind: 'deadline', owes: 'resolve' },
  [T.callback]: { kind: 'deadline', owes: 'callback' },
  [T.oneMonth]: { kind: 'upgrade', owes: 'resolve' },
  [T.overdueDay1]: { kind: 'daily' },
  [T.overdueDay2]: { kind: 'daily' },
  [T.overdueDay3]: { kind: 'daily' },
};

export function isComplaintTimer(name: string): name is ComplaintTimer {
  return Object.hasOwn(CLOCK_RULES, name);
}

/** The timers that answer for an obligation (met when it is done, cancelled when it lapses). */
export function timersOwing(obligation: Obligation): ComplaintTimer[] {
  return (Object.keys(CLOCK_RULES) as ComplaintTimer[]).filter((t) => CLOCK_RULES[t].owes === obligation);
}

/** A clock never starts in the past: a deadline already gone when it starts is due at once. */
function due(at: Date, notBefore: Date): string {
  return new Date(Math.max(at.getTime(), notBefore.getTime())).toISOString();
}

/** CH-2/CH-4: an ungraded complaint (from the phone) must be graded and handed off in 10 minutes. */
export function receptionClocks(receivedAt: Date): ClockStarts {
  return { [T.grade]: addMinutes(receivedAt, 10).toISOString() };
}

export interface GradingFacts {
  valid: boolean;
  severity?: ComplaintSeverity;
  residentDeadline?: string;
  ongoingHarm?: boolean;
}

/**
 * The clocks a hand-off starts. Day deadlines (CH-7) and the supervisor's 30 minutes (CH-5) count
 * from reception; the department's signature (CH-4, CH-8) and the follow-ups (DS-4, DS-5) from the
 * hand-off. An invalid complaint is served (CH-9) with the hand-off and follow-ups but has no
 * severity clocks. The second follow-up is due by the end of the working day the first one falls
 * in. Without ongoing harm the clocks about office work (the signature, the supervisor, the
 * follow-ups) count office minutes (ADR 016): handed off at 21:00, the department signs by 08:40.
 */
export function handoffClocks(
  facts: GradingFacts,
  receivedAt: Date,
  handedOffAt: Date,
  calendar: OfficeCalendar,
): ClockStarts {
  const urgent = facts.ongoingHarm === true;
  const firstFollowUp = workMinutes(handedOffAt, 120, calendar, urgent);
  const clocks: ClockStarts = {
    [T.handoff]: workMinutes(handedOffAt, 10, calendar, urgent).toISOString(),
    [T.followUp]: firstFollowUp.toISOString(),
    [T.followUpEod]: endOfWorkingDay(firstFollowUp, calendar).toISOString(),
  };
  if (facts.ongoingHarm) clocks[T.harm] = addMinutes(handedOffAt, 10).toISOString();
  if (!facts.valid) return clocks;
  return { ...clocks, ...severityClocks(facts, receivedAt, handedOffAt, calendar) };
}

/**
 * CH-5, CH-7, CH-1: the clocks of a valid complaint's severity, started at `startedAt` (the hand-off,
 * or a regrade, ADR 016) and counted from reception. The supervisor's 30 minutes count office
 * minutes without ongoing harm.
 */
export function severityClocks(
  facts: GradingFacts,
  receivedAt: Date,
  startedAt: Date,
  calendar: OfficeCalendar,
): ClockStarts {
  const clocks: ClockStarts = {};
  const urgent = facts.ongoingHarm === true;
  switch (facts.severity) {
    case 'minor':
      // "within 2 days or by the resident's deadline": the resident's word wins, shorter or longer.
      if (facts.residentDeadline) {
        clocks[T.resolveByResident] = due(new Date(facts.residentDeadline), startedAt);
      } else {
        clocks[T.resolveMinor] = due(addDays(receivedAt, 2, calendar), startedAt);
      }
      clocks[T.oneMonth] = due(addMonths(receivedAt, 1, calendar.timeZone), startedAt);
      break;
    case 'important':
      clocks[T.supervisor] = due(workMinutes(receivedAt, 30, calendar, urgent), startedAt);
      clocks[T.resolveImportant] = due(addDays(receivedAt, 3, calendar), startedAt);
      clocks[T.oneMonth] = due(addMonths(receivedAt, 1, calendar.timeZone), startedAt);
      break;
    case 'major':
      Object.assign(clocks, majorClocks(receivedAt, startedAt, calendar));
      break;
  }
  return clocks;
}

/**
 * CH-5 and CH-7 for a major complaint: to the office director by the end of the working day it
 * reaches the desk's hand-off, a clear answer in 2 days, resolved in 10 (counted from `from`).
 */
export function majorClocks(from: Date, startedAt: Date, calendar: OfficeCalendar): ClockStarts {
  return {
    [T.director]: endOfWorkingDay(startedAt, calendar).toISOString(),
    [T.replyMajor]: due(addDays(from, 2, calendar), startedAt),
    [T.resolveMajor]: due(addDays(from, 10, calendar), startedAt),
  };
}

/** CH-6: the callback to the resident is due by closing time of the day the work was reported done. */
export function resolvedClocks(resolvedAt: Date, calendar: OfficeCalendar): ClockStarts {
  return { [T.callback]: endOfWorkingDay(resolvedAt, calendar).toISOString() };
}

/** The first rung of each signature's clock (CH-4, CH-8, CH-5), started at `from` (office minutes unless urgent). */
export function signatureClock(
  step: AckStep,
  from: Date,
  calendar: OfficeCalendar,
  urgent: boolean,
): ClockStarts {
  switch (step) {
    case 'report-sheet':
      return { [T.handoff]: workMinutes(from, 10, calendar, urgent).toISOString() };
    case 'stop-harm':
      return { [T.harm]: addMinutes(from, 10).toISOString() };
    case 'supervisor':
      return { [T.supervisor]: workMinutes(from, 30, calendar, urgent).toISOString() };
    case 'director':
      return { [T.director]: endOfWorkingDay(from, calendar).toISOString() };
  }
}

/**
 * CH-6 dissatisfied: the case goes back to handling and its clocks start again from `now`: the
 * follow-ups (DS-4, DS-5), the severity's deadline (CH-7: minor 2 days or the resident's
 * deadline while it is still ahead, important 3, major a clear answer in 2 and resolved in 10),
 * and a signature still owed (an override skipped it) its first rung. CH-1's month keeps
 * counting from reception: a repeat does not buy another month.
 */
export function reopenClocks(
  ticket: ComplaintTicket,
  owed: readonly AckStep[],
  now: Date,
  calendar: OfficeCalendar,
): ClockStarts {
  const urgent = ticket.ongoingHarm === true;
  const firstFollowUp = workMinutes(now, 120, calendar, urgent);
  const clocks: ClockStarts = {
    [T.followUp]: firstFollowUp.toISOString(),
    [T.followUpEod]: endOfWorkingDay(firstFollowUp, calendar).toISOString(),
  };
  for (const step of owed) Object.assign(clocks, signatureClock(step, now, calendar, urgent));
  if (!ticket.valid) return clocks;
  const oneMonth = due(addMonths(new Date(ticket.createdAt), 1, calendar.timeZone), now);
  switch (ticket.severity) {
    case 'minor': {
      const resident = ticket.residentDeadline ? new Date(ticket.residentDeadline) : undefined;
      if (resident && resident > now) clocks[T.resolveByResident] = resident.toISOString();
      else clocks[T.resolveMinor] = addDays(now, 2, calendar).toISOString();
      clocks[T.oneMonth] = oneMonth;
      break;
    }
    case 'important':
      clocks[T.resolveImportant] = addDays(now, 3, calendar).toISOString();
      clocks[T.oneMonth] = oneMonth;
      break;
    case 'major':
      clocks[T.replyMajor] = addDays(now, 2, calendar).toISOString();
      clocks[T.resolveMajor] = addDays(now, 10, calendar).toISOString();
      break;
  }
  return clocks;
}

/** The next rung a miss starts, or nothing at the top of the chain. */
export function nextRung(
  timer: ComplaintTimer,
  dueAt: Date,
  now: Date,
  calendar: OfficeCalendar,
  urgent = false,
): ClockStarts {
  const next = CLOCK_RULES[timer].next;
  return next ? { [next.timer]: due(next.due(dueAt, calendar, urgent), now) } : {};
}

/** DS-5: something is handled or arranged once the department has signed for the report sheet. */
export function arranged(ticket: ComplaintTicket): boolean {
  return ticket.status === 'acknowledged' || ticket.status === 'resolved' || ticket.status === 'closed';
}

/** DS-5: the second follow-up and something handled or arranged by closing. */
function eodReasons(ticket: ComplaintTicket): EodReason[] {
  const reasons: EodReason[] = [];
  if (ticket.followUps < 2) reasons.push('second-follow-up-missing');
  if (!arranged(ticket)) reasons.push('nothing-arranged');
  return reasons;
}

/**
 * What a due clock records (a reminder, CH-1's raise to major, or a missed deadline with the next
 * rung), or nothing when its reason has passed (met, cancelled, already fired: a duplicate or late
 * delivery changes nothing).
 */
export function complaintTimerDue(
  ticket: ComplaintTicket,
  timer: string,
  ctx: RuleContext,
): EventDraft<ComplaintEvent> | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending' || !isComplaintTimer(timer)) return undefined;
  const dueAt = new Date(state.dueAt);
  if (ctx.now.getTime() < dueAt.getTime()) return undefined;
  const rule = CLOCK_RULES[timer];
  const calendar = calendarOf(ctx.park);
  switch (rule.kind) {
    case 'reminder':
      return { type: 'complaint.reminded', data: { timer, dueAt: state.dueAt } };
    case 'upgrade':
      return {
        type: 'complaint.severity-raised',
        data: {
          timer,
          dueAt: state.dueAt,
          from: ticket.severity ?? 'minor',
          to: 'major',
          timers: majorClocks(dueAt, ctx.now, calendar),
        },
      };
    case 'daily':
      return stillOverdue(ticket, timer, state.dueAt, ctx);
    case 'deadline': {
      const reasons = timer === T.followUpEod ? eodReasons(ticket) : undefined;
      return {
        type: 'complaint.escalated',
        data: {
          timer,
          dueAt: state.dueAt,
          owes: rule.owes ?? 'resolve',
          ...(reasons ? { reasons } : {}),
          timers: {
            ...nextRung(timer, dueAt, ctx.now, calendar, ticket.ongoingHarm === true),
            // ADR 016: still missed at the next working days' opening, texted again one level up.
            ...startStillOverdue(ticket, ctx.now, calendar),
          },
        },
      };
    }
  }
}
