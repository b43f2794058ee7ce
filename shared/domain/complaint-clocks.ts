/**
 * The clocks of a complaint (CH-4, CH-5, CH-7, CH-8, CH-1's one-month rule, DS-4, DS-5, CH-6): their
 * names, when each is due, what a miss leaves owed, and which rung of the escalation chain follows.
 * Due times are computed here from the park's calendar when a clock starts, and travel in the event
 * that starts it, so folding events needs no calendar. Pure.
 */
import type { OfficeCalendar } from './calendar';
import { addDays, addMonths, endOfWorkingDay, nextOpening } from './calendar';
import type { Role } from './park';
import { addMinutes } from './time';

export const COMPLAINT_SEVERITIES = ['major', 'important', 'minor'] as const;
/** CH-1: 重大 / 重要 / 轻微. */
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/**
 * Who signs for what: the department complained about signs the report sheet (CH-4) and, when
 * harm is ongoing, the order to stop it (CH-8); an important complaint goes to a supervisor, a
 * major one to the office director (CH-5).
 */
export const ACK_STEPS = ['report-sheet', 'stop-harm', 'supervisor', 'director'] as const;
export type AckStep = (typeof ACK_STEPS)[number];

/**
 * Who takes the CH-5 routing, first role first: the fallback chains the routing SMS follows
 * (complaint-notifications.ts), so whoever is asked to sign may sign.
 */
export const ROUTING_ROLES = {
  supervisor: ['supervisor', 'office-manager'],
  director: ['office-director', 'office-manager'],
} as const satisfies Record<'supervisor' | 'director', readonly Role[]>;

/** What a missed clock leaves owed until somebody does it; a ticket owing any is overdue. */
export type Obligation = AckStep | 'grade' | 'follow-up' | 'reply' | 'resolve' | 'callback';

export const COMPLAINT_TIMERS = {
  /** An ungraded complaint (e.g. from the phone) is graded and handed off within 10 minutes (CH-2, CH-4). */
  grade: 'grade-10m',
  gradeL2: 'grade-L2',
  /** The department signs for the report sheet within 10 minutes (CH-4). */
  handoff: 'handoff-10m',
  handoffL2: 'handoff-L2',
  /** The department confirms the order to stop ongoing harm within 10 minutes (CH-8). */
  harm: 'harm-10m',
  harmL2: 'harm-L2',
  /** Important: a supervisor takes it within 30 minutes of reception (CH-5). */
  supervisor: 'supervisor-30m',
  supervisorL2: 'supervisor-L2',
  /** Major: the office director takes it the same (working) day (CH-5). */
  director: 'director-eod',
  directorL2: 'director-L2',
  /** DS-4: the dispatcher is reminded to follow up 2 hours after the hand-off. */
  followUp: 'follow-up-2h',
  /** DS-5: second follow-up by closing time, and something handled or arranged by then. */
  followUpEod: 'follow-up-eod',
  /** CH-7 minor: done within 2 days … */
  resolveMinor: 'resolve-2d',
  /** … or by the resident's own deadline. */
  resolveByResident: 'resolve-by-resident',
  /** CH-7 important: done within 3 days. */
  resolveImportant: 'resolve-3d',
  /** CH-7 major: a clear answer within 2 days, resolved within 10. */
  replyMajor: 'reply-2d',
  resolveMajor: 'resolve-10d',
  /** CH-6: the resident is phoned with the result the same day. */
  callback: 'callback-eod',
  /** CH-1: a valid complaint not resolved within one month becomes major. */
  oneMonth: 'escalate-1m',
} as const;
export type ComplaintTimer = (typeof COMPLAINT_TIMERS)[keyof typeof COMPLAINT_TIMERS];

const T = COMPLAINT_TIMERS;

export interface ClockRule {
  /** `deadline`: a miss is escalated; `reminder`: it only reminds; `upgrade`: CH-1's one-month rule. */
  kind: 'deadline' | 'reminder' | 'upgrade';
  /** What stays owed after a miss. */
  owes?: Obligation;
  /** The next rung when this one is missed, due relative to this one's due time. */
  next?: { timer: ComplaintTimer; due: (missedDue: Date, calendar: OfficeCalendar) => Date };
}

/** Every complaint clock and what its miss means. Escalation chains are the `next` links. */
export const CLOCK_RULES: Record<ComplaintTimer, ClockRule> = {
  [T.grade]: { kind: 'deadline', owes: 'grade', next: { timer: T.gradeL2, due: (d) => addMinutes(d, 10) } },
  [T.gradeL2]: { kind: 'deadline', owes: 'grade' },
  [T.handoff]: {
    kind: 'deadline',
    owes: 'report-sheet',
    next: { timer: T.handoffL2, due: (d) => addMinutes(d, 10) },
  },
  [T.handoffL2]: { kind: 'deadline', owes: 'report-sheet' },
  [T.harm]: { kind: 'deadline', owes: 'stop-harm', next: { timer: T.harmL2, due: (d) => addMinutes(d, 10) } },
  [T.harmL2]: { kind: 'deadline', owes: 'stop-harm' },
  [T.supervisor]: {
    kind: 'deadline',
    owes: 'supervisor',
    next: { timer: T.supervisorL2, due: (d) => addMinutes(d, 30) },
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
};

export function isComplaintTimer(name: string): name is ComplaintTimer {
  return Object.hasOwn(CLOCK_RULES, name);
}

/** The timers that answer for an obligation (met when it is done, cancelled when it lapses). */
export function timersOwing(obligation: Obligation): ComplaintTimer[] {
  return (Object.keys(CLOCK_RULES) as ComplaintTimer[]).filter((t) => CLOCK_RULES[t].owes === obligation);
}

/** Clocks to start, by name: due instants as ISO strings (what an event carries). */
export type ClockStarts = Partial<Record<ComplaintTimer, string>>;

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
 * in: a complaint handed off at 17:29 is followed up at 19:29 and again before the next closing.
 */
export function handoffClocks(
  facts: GradingFacts,
  receivedAt: Date,
  handedOffAt: Date,
  calendar: OfficeCalendar,
): ClockStarts {
  const firstFollowUp = new Date(handedOffAt.getTime() + 2 * 3_600_000);
  const clocks: ClockStarts = {
    [T.handoff]: addMinutes(handedOffAt, 10).toISOString(),
    [T.followUp]: firstFollowUp.toISOString(),
    [T.followUpEod]: endOfWorkingDay(firstFollowUp, calendar).toISOString(),
  };
  if (facts.ongoingHarm) clocks[T.harm] = addMinutes(handedOffAt, 10).toISOString();
  if (!facts.valid) return clocks;
  switch (facts.severity) {
    case 'minor':
      // "within 2 days or by the resident's deadline": the resident's word wins, shorter or longer.
      if (facts.residentDeadline) {
        clocks[T.resolveByResident] = due(new Date(facts.residentDeadline), handedOffAt);
      } else {
        clocks[T.resolveMinor] = due(addDays(receivedAt, 2, calendar), handedOffAt);
      }
      clocks[T.oneMonth] = due(addMonths(receivedAt, 1, calendar.timeZone), handedOffAt);
      break;
    case 'important':
      clocks[T.supervisor] = due(addMinutes(receivedAt, 30), handedOffAt);
      clocks[T.resolveImportant] = due(addDays(receivedAt, 3, calendar), handedOffAt);
      clocks[T.oneMonth] = due(addMonths(receivedAt, 1, calendar.timeZone), handedOffAt);
      break;
    case 'major':
      Object.assign(clocks, majorClocks(receivedAt, handedOffAt, calendar));
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

/** The next rung a miss starts, or nothing at the top of the chain. */
export function nextRung(
  timer: ComplaintTimer,
  dueAt: Date,
  now: Date,
  calendar: OfficeCalendar,
): ClockStarts {
  const next = CLOCK_RULES[timer].next;
  return next ? { [next.timer]: due(next.due(dueAt, calendar), now) } : {};
}
