/**
 * A complaint's vocabulary (篇4 DS-1..DS-6, 篇5 CH-1..CH-11): statuses, commands and the lifecycle
 * table, severities, signatures, clock names, the ticket and its events, and the typed commands.
 */
import type { CalledAgainEvent } from '../called-again';
import type { TransitionTable } from '../kind';
import type { Department } from '../park';
import type { Caller, TicketBase, TicketEvent, TicketSource } from '../ticket';

export const COMPLAINT_STATUSES = ['received', 'handed-off', 'acknowledged', 'resolved', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

/** Command names are the last path segment: `POST /tickets/{id}/follow-ups`. */
export const COMPLAINT_COMMANDS = [
  'grade',
  'acknowledge',
  'follow-ups',
  'reply',
  'resolve',
  'callback',
  'service-slip',
  'regrade',
] as const;
export type ComplaintCommand = (typeof COMPLAINT_COMMANDS)[number];

/**
 * Which commands a status accepts (anything else is an illegal step, 409) and where they lead:
 * `grade` hands the report sheet off; the department's signature on it (`acknowledge` of the
 * report sheet, not the other signatures) → acknowledged; `resolve` → resolved; the callback and
 * the service slip, whichever comes second, → closed (DS-6: final only with the slip copy in;
 * CH-6: the resident told). A dissatisfied resident sends it back to handling: acknowledged, or
 * handed-off when the report sheet was never signed (CH-1: a repeat). Follow-ups and replies
 * record without moving the ticket.
 */
export const COMPLAINT_TRANSITIONS: TransitionTable<ComplaintStatus, ComplaintCommand> = {
  received: { grade: 'handed-off' },
  'handed-off': {
    acknowledge: ['handed-off', 'acknowledged'],
    'follow-ups': 'handed-off',
    reply: 'handed-off',
    resolve: 'resolved',
    regrade: 'handed-off',
  },
  acknowledged: {
    acknowledge: 'acknowledged',
    // ADR 016: moved to another department, the new one signs for the report sheet again.
    regrade: ['acknowledged', 'handed-off'],
    'follow-ups': 'acknowledged',
    reply: 'acknowledged',
    resolve: 'resolved',
  },
  resolved: {
    reply: 'resolved',
    callback: ['resolved', 'closed', 'acknowledged', 'handed-off'],
    'service-slip': ['resolved', 'closed'],
  },
  closed: {},
};

export const COMPLAINT_SEVERITIES = ['major', 'important', 'minor'] as const;
/** CH-1: 重大 / 重要 / 轻微. */
export type ComplaintSeverity = (typeof COMPLAINT_SEVERITIES)[number];

/**
 * The signatures a complaint asks for (signatures.ts says whose): the report sheet (CH-4), the
 * order to stop ongoing harm (CH-8), a supervisor for an important one, the director for a major
 * one (CH-5).
 */
export const ACK_STEPS = ['report-sheet', 'stop-harm', 'supervisor', 'director'] as const;
export type AckStep = (typeof ACK_STEPS)[number];

/** What a missed clock leaves owed until somebody does it; a ticket owing any is overdue. */
export type Obligation = AckStep | 'grade' | 'follow-up' | 'reply' | 'resolve' | 'callback';

/**
 * Who is pressed, level by level, when a deadline is missed (notifications.ts has each level's
 * roles): an escalation skips a level whose people just missed it (ADR 016).
 */
export const ESCALATION_LADDER = ['supervisor', 'officeManager', 'director', 'deputyGm', 'gm'] as const;
export type EscalationLevel = (typeof ESCALATION_LADDER)[number];

/** Every clock a complaint runs (clocks.ts says when each is due and what its miss means). */
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
  /**
   * ADR 016: a missed deadline that stays missed is texted again at the next working days' opening,
   * one level up each day, at most STILL_OVERDUE_DAYS days.
   */
  overdueDay1: 'overdue-day-1',
  overdueDay2: 'overdue-day-2',
  overdueDay3: 'overdue-day-3',
} as const;
export type ComplaintTimer = (typeof COMPLAINT_TIMERS)[keyof typeof COMPLAINT_TIMERS];

/** Clocks to start, by name: due instants as ISO strings (what an event carries). */
export type ClockStarts = Partial<Record<ComplaintTimer, string>>;

export const RESOLUTION_VIA = ['phone', 'in-person', 'service-slip'] as const;
/** DS-6: how the person who did the work confirmed it. */
export type ResolutionVia = (typeof RESOLUTION_VIA)[number];

export const CALLBACK_OUTCOMES = ['satisfied', 'dissatisfied', 'unreachable'] as const;
/** CH-6: the callback's result; `unreachable` is recorded but does not count as the callback made. */
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/**
 * Management's explicit decision to report the work done with a signature still owed (CH-4, CH-5):
 * why, and which signatures it skipped. Who decided is the event's actor.
 */
export interface SignatureOverride {
  reason: string;
  skipped: AckStep[];
}

/** CH-3: the person or department complained about. */
export type ComplaintAbout = { department: Department } | { staffId: string };

/** `about` as kept on the ticket: the department always, the person when one was named. */
export interface ComplaintSubject {
  department: Department;
  staffId?: string;
  staffName?: string;
}

/**
 * CH-1 (经业主多次提出而得不到解决): an earlier complaint of the same unit about the same department
 * within REPEAT_WINDOW_DAYS, and how many times it was raised (itself and its dissatisfied callbacks).
 */
export interface RepeatLink {
  id: string;
  number?: string;
  times: number;
}

/** What a grading records of earlier complaints (repeats.ts): the links, and a raise to major. */
export interface RepeatFacts {
  repeatOf?: RepeatLink[];
  /** Raised to major as the third time the resident raised it; the severity it was graded. */
  repeatRaisedFrom?: ComplaintSeverity;
}

/** CH-2 and CH-1: the dispatcher's call on a complaint. */
export interface Grading {
  valid: boolean;
  severity?: ComplaintSeverity;
  about?: ComplaintAbout;
  demand?: string;
  residentDeadline?: string;
  ongoingHarm?: boolean;
}

/** A grading as checked and kept: whom it is about is resolved against the directory. */
export type GradingData = { valid: boolean; severity?: ComplaintSeverity; about: ComplaintSubject } & Pick<
  Grading,
  'demand' | 'residentDeadline' | 'ongoingHarm'
> &
  RepeatFacts;

/**
 * The earlier complaints the app found for a grading (same park, unit and department, within
 * REPEAT_WINDOW_DAYS): never sent by a client (the schemas are strict), added by the app.
 */
export interface Earlier {
  earlier?: RepeatLink[];
}

/** ADR 016: the grading a correction replaced. */
export interface GradingBefore {
  valid?: boolean;
  severity?: ComplaintSeverity;
  about?: ComplaintSubject;
}

/** What the register records (CH-3), graded at once by the desk or left for the dispatcher (IVR). */
export interface ComplaintIntake extends Partial<Grading>, Earlier {
  caller: Caller;
  occurredAt: string;
  place: string;
  description: string;
  source?: TicketSource;
}

export interface Acknowledgement {
  staffId: string;
  staffName?: string;
  at: string;
  /** The desk recorded it for the person who signed (e.g. by phone). */
  onBehalf: boolean;
  note?: string;
}

export interface ComplaintTicket extends TicketBase {
  kind: 'complaint';
  status: ComplaintStatus;
  caller: Caller;
  occurredAt: string;
  place: string;
  description: string;
  demand?: string;
  about?: ComplaintSubject;
  /** Absent until graded (CH-2); invalid complaints are served but counted apart (CH-9). */
  valid?: boolean;
  severity?: ComplaintSeverity;
  residentDeadline?: string;
  ongoingHarm?: boolean;
  gradedAt?: string;
  /** When the report sheet went to the department (CH-4). */
  handedOffAt?: string;
  acknowledgements: Partial<Record<AckStep, Acknowledgement>>;
  /** Follow-ups recorded by the desk (DS-4, DS-5). */
  followUps: number;
  repliedAt?: string;
  resolution?: {
    at: string;
    confirmedBy: string;
    via: ResolutionVia;
    note?: string;
    override?: SignatureOverride;
  };
  callback?: { at: string; outcome: CallbackOutcome; note?: string };
  serviceSlip?: { number: string; signedBy: string; at: string };
  closedAt?: string;
  /**
   * CH-1 (经业主多次提出而得不到解决): how many times the resident was dissatisfied at the callback and
   * the case went back to handling; absent until the first.
   */
  repeats?: number;
  reopenedAt?: string;
  /** CH-1: raised to major after a month unresolved; the severity it had before. */
  raisedFrom?: ComplaintSeverity;
  /** CH-1: earlier complaints of the same unit about the same department (repeats.ts). */
  repeatOf?: RepeatLink[];
  /** CH-1: raised to major as the third time the resident raised it; the severity it was graded. */
  repeatRaisedFrom?: ComplaintSeverity;
  /** ADR 016: corrections of the grading (regrade), how many. */
  regrades?: number;
  /** Every deadline missed, in order (timeliness rate, 及时率, for the monthly summary). */
  missedDeadlines: ComplaintTimer[];
  /** What is owed past its deadline now; non-empty = overdue (`GET /tickets?overdue=true`). */
  overdue: Obligation[];
  /** Complaints are signed for by departments, not assigned to one person. */
  assigneeId?: undefined;
}

/** DS-5: why the end-of-day check failed. */
export type EodReason = 'second-follow-up-missing' | 'nothing-arranged';

export interface Timed {
  /** Clocks this event starts, with their due times. */
  timers: ClockStarts;
}

export type ComplaintEvent =
  | TicketEvent<
      'complaint.opened',
      Omit<ComplaintIntake, keyof Grading> & Partial<GradingData> & { number: string } & Timed
    >
  | TicketEvent<'complaint.graded', GradingData & Timed>
  | TicketEvent<'complaint.acknowledged', { step: AckStep } & Omit<Acknowledgement, 'at'>>
  | TicketEvent<'complaint.followed-up', { round: number; note: string }>
  | TicketEvent<'complaint.replied', { note: string }>
  | TicketEvent<
      'complaint.resolved',
      { confirmedBy: string; via: ResolutionVia; note?: string; override?: SignatureOverride } & Timed
    >
  | TicketEvent<'complaint.called-back', { outcome: CallbackOutcome; note?: string; closes: boolean }>
  /** CH-6 made, the resident dissatisfied: back to handling, its clocks again, a repeat (CH-1). */
  | TicketEvent<
      'complaint.reopened',
      { outcome: 'dissatisfied'; note?: string; repeats: number; raisedFrom?: ComplaintSeverity } & Timed
    >
  /**
   * ADR 016: the grading corrected after the hand-off (CH-1 应按其危害程度来划分), the clocks
   * re-derived; `moved`: to another department, whose head signs for the report sheet anew.
   */
  | TicketEvent<
      'complaint.regraded',
      GradingData & {
        reason: string;
        before: GradingBefore;
        moved: boolean;
        cancelled: ComplaintTimer[];
      } & Timed
    >
  /** ADR 016: a missed deadline still missed at a working day's opening, texted one level up. */
  | TicketEvent<
      'complaint.still-overdue',
      {
        timer: ComplaintTimer;
        dueAt: string;
        day: number;
        owed: Obligation[];
        level: EscalationLevel;
      } & Timed
    >
  | TicketEvent<'complaint.service-slip-filed', { number: string; signedBy: string; closes: boolean }>
  | TicketEvent<'complaint.reminded', { timer: ComplaintTimer; dueAt: string }>
  | TicketEvent<
      'complaint.escalated',
      { timer: ComplaintTimer; dueAt: string; owes: Obligation; reasons?: EodReason[] } & Timed
    >
  | TicketEvent<
      'complaint.severity-raised',
      { timer: ComplaintTimer; dueAt: string; from: ComplaintSeverity; to: 'major' } & Timed
    >
  | CalledAgainEvent;

/**
 * The commands a complaint's deciders take, as the edge's schemas parse them (`shared/schemas`
 * checks that they fit). `acknowledge`'s body is shared with emergencies: its `staffId` is
 * refused here (signatures.ts).
 */
export type ComplaintCommandBody =
  | ({ type: 'grade' } & Grading & Earlier)
  | { type: 'acknowledge'; step?: AckStep; note?: string; staffId?: string }
  | { type: 'follow-ups'; note: string }
  | { type: 'reply'; note: string }
  | {
      type: 'resolve';
      confirmedBy: string;
      via: ResolutionVia;
      note?: string;
      /** Management above the department skips a signature still owed, saying why (CH-4, CH-5). */
      override?: { reason: string };
    }
  | { type: 'callback'; outcome: CallbackOutcome; note?: string }
  | { type: 'service-slip'; number: string; signedBy: string }
  | ({
      type: 'regrade';
      valid?: boolean;
      severity?: ComplaintSeverity;
      about?: ComplaintAbout;
      reason: string;
    } & Earlier);
