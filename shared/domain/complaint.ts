/**
 * Complaints (篇4 投诉调度 DS-1..DS-6, 篇5 投诉处理 CH-1..CH-11): intake into the register, grading,
 * the report sheet's hand-off, routing by severity, follow-ups, resolution, the callback and the
 * service slip that closes the case. Every deadline is a clock (complaint-clocks.ts) whose due time
 * is computed when it starts and carried in the event, so `apply` folds events without a calendar.
 * Pure: `now`, the park and its directory are passed in.
 */
import { calendarOf } from './calendar';
import type { AckStep, ClockStarts, ComplaintSeverity, ComplaintTimer, Obligation } from './complaint-clocks';
import {
  ACK_STEPS,
  CLOCK_RULES,
  ROUTING_ROLES,
  COMPLAINT_TIMERS,
  handoffClocks,
  isComplaintTimer,
  majorClocks,
  nextRung,
  receptionClocks,
  resolvedClocks,
  timersOwing,
} from './complaint-clocks';
import { complaintNotifications } from './complaint-notifications';
import { Forbidden, IllegalTransition, InvalidInput, NotFound, RuleViolation } from './errors';
import type { CommandInput, EventDraft, RuleContext, TicketKindRules } from './kind';
import type { Department, Role, StaffMember } from './park';
import { DEPARTMENTS } from './park';
import type { Actor, Caller, TicketBase, TicketEvent, TicketSource, TimerState } from './ticket';
import { settleTimers } from './ticket';

export { ACK_STEPS, COMPLAINT_SEVERITIES, COMPLAINT_TIMERS } from './complaint-clocks';
export type { AckStep, ComplaintSeverity, Obligation } from './complaint-clocks';

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
] as const;
export type ComplaintCommand = (typeof COMPLAINT_COMMANDS)[number];

/**
 * Which commands a status accepts; anything else is an illegal step (409). Where they lead:
 * `grade` hands the report sheet off (received → handed-off); the department's signature on it
 * (`acknowledge` of the report sheet) → acknowledged; `resolve` → resolved; the callback and the
 * service slip together → closed (DS-6: final only with the slip copy in; CH-6: the resident told).
 * The other commands leave the status as it is.
 */
export const COMPLAINT_TRANSITIONS: Record<ComplaintStatus, readonly ComplaintCommand[]> = {
  received: ['grade'],
  'handed-off': ['acknowledge', 'follow-ups', 'reply', 'resolve'],
  acknowledged: ['acknowledge', 'follow-ups', 'reply', 'resolve'],
  resolved: ['reply', 'callback', 'service-slip'],
  closed: [],
};

export const RESOLUTION_VIA = ['phone', 'in-person', 'service-slip'] as const;
/** DS-6: how the person who did the work confirmed it. */
export type ResolutionVia = (typeof RESOLUTION_VIA)[number];

export const CALLBACK_OUTCOMES = ['satisfied', 'dissatisfied', 'unreachable'] as const;
/** CH-6: the callback's result; `unreachable` is recorded but does not count as the callback made. */
export type CallbackOutcome = (typeof CALLBACK_OUTCOMES)[number];

/** Chinese names of the departments, as printed on the report sheet and in SMS. */
export const DEPARTMENT_LABELS: Record<Department, string> = {
  'customer-service': '客服中心',
  'property-office': '物业部',
  engineering: '工程部',
  security: '保安部',
  cleaning: '清洁部',
  finance: '财务部',
  management: '管理处',
};

/**
 * Who heads each department for signing the report sheet (CH-4), first role first. Departments
 * without a head role in the directory fall to the supervisor or the office manager (篇4:
 * 管理处负责人 = the office manager or the supervisor in charge of complaints).
 */
export const DEPARTMENT_HEAD_ROLES: Record<Department, readonly Role[]> = {
  engineering: ['engineering-manager', 'repair-lead'],
  security: ['security-manager', 'security-captain'],
  cleaning: ['supervisor', 'office-manager'],
  'customer-service': ['customer-service-lead', 'supervisor'],
  'property-office': ['supervisor', 'office-manager'],
  finance: ['office-manager'],
  management: ['office-manager', 'office-director'],
};

/** CH-3: the person or department complained about. */
export type ComplaintAbout = { department: Department } | { staffId: string };

/** `about` as kept on the ticket: the department always, the person when one was named. */
export interface ComplaintSubject {
  department: Department;
  staffId?: string;
  staffName?: string;
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

/** What the register records (CH-3), graded at once by the desk or left for the dispatcher (IVR). */
export interface ComplaintIntake extends Partial<Grading> {
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
  resolution?: { at: string; confirmedBy: string; via: ResolutionVia; note?: string };
  callback?: { at: string; outcome: CallbackOutcome; note?: string };
  serviceSlip?: { number: string; signedBy: string; at: string };
  closedAt?: string;
  /** CH-1: raised to major after a month unresolved; the severity it had before. */
  raisedFrom?: ComplaintSeverity;
  /** Every deadline missed, in order (timeliness rate, 及时率, for the monthly summary). */
  missedDeadlines: ComplaintTimer[];
  /** What is owed past its deadline now; non-empty = overdue (`GET /tickets?overdue=true`). */
  overdue: Obligation[];
  /** Complaints are signed for by departments, not assigned to one person. */
  assigneeId?: undefined;
}

interface Timed {
  /** Clocks this event starts, with their due times. */
  timers: ClockStarts;
}

type GradingData = { valid: boolean; severity?: ComplaintSeverity; about: ComplaintSubject } & Pick<
  Grading,
  'demand' | 'residentDeadline' | 'ongoingHarm'
>;

export type ComplaintEvent =
  | TicketEvent<
      'complaint.opened',
      Omit<ComplaintIntake, keyof Grading> & Partial<GradingData> & { number: string } & Timed
    >
  | TicketEvent<'complaint.graded', GradingData & Timed>
  | TicketEvent<'complaint.acknowledged', { step: AckStep } & Omit<Acknowledgement, 'at'>>
  | TicketEvent<'complaint.followed-up', { round: number; note: string }>
  | TicketEvent<'complaint.replied', { note: string }>
  | TicketEvent<'complaint.resolved', { confirmedBy: string; via: ResolutionVia; note?: string } & Timed>
  | TicketEvent<'complaint.called-back', { outcome: CallbackOutcome; note?: string; closes: boolean }>
  | TicketEvent<'complaint.service-slip-filed', { number: string; signedBy: string; closes: boolean }>
  | TicketEvent<'complaint.reminded', { timer: ComplaintTimer; dueAt: string }>
  | TicketEvent<
      'complaint.escalated',
      { timer: ComplaintTimer; dueAt: string; owes: Obligation; reasons?: EodReason[] } & Timed
    >
  | TicketEvent<
      'complaint.severity-raised',
      { timer: ComplaintTimer; dueAt: string; from: ComplaintSeverity; to: 'major' } & Timed
    >;

/** DS-5: why the end-of-day check failed. */
export type EodReason = 'second-follow-up-missing' | 'nothing-arranged';

type Draft = EventDraft<ComplaintEvent>;

const DESK_GROUP = 'dispatcher';
/** How far ahead of the desk's clock an event's time may be (clock skew of the caller's phone). */
const FUTURE_SLACK_MS = 5 * 60_000;

function isDesk(actor: Actor): boolean {
  return (actor.groups as readonly string[]).includes(DESK_GROUP);
}

function personOf(actor: Actor, staff: readonly StaffMember[]): StaffMember | undefined {
  return staff.find((s) => s.id === actor.staffId);
}

function parseTime(value: unknown, field: string): Date {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) throw new RuleViolation('COMPLAINT.INVALID_TIME', `${field} is not a time`, field);
  return new Date(t);
}

function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value.trim()) {
    throw new InvalidInput('REQUEST.MISSING_FIELD', `${field}: required`, field);
  }
  return value.trim();
}

/** The resident's own deadline (CH-7) must still be ahead. */
function checkResidentDeadline(value: string | undefined, now: Date): void {
  if (value !== undefined && parseTime(value, 'residentDeadline') <= now) {
    throw new RuleViolation(
      'COMPLAINT.DEADLINE_IN_PAST',
      'residentDeadline must be in the future',
      'residentDeadline',
    );
  }
}

/** The department and, when a person was named, who (CH-3), checked against the directory. */
export function resolveAbout(about: ComplaintAbout, staff: readonly StaffMember[]): ComplaintSubject {
  if ('staffId' in about) {
    const person = staff.find((s) => s.id === about.staffId);
    if (!person) {
      throw new NotFound(
        'STAFF.NOT_FOUND',
        `staff ${about.staffId} is not in this park's directory`,
        'about.staffId',
      );
    }
    return { department: person.department, staffId: person.id, staffName: person.name };
  }
  if (!(DEPARTMENTS as readonly string[]).includes(about.department)) {
    throw new InvalidInput(
      'REQUEST.INVALID_FIELD',
      `about.department: one of ${DEPARTMENTS.join(', ')}`,
      'about.department',
    );
  }
  return { department: about.department };
}

/**
 * Checks a grading (CH-1, CH-2) and resolves whom it is about. A valid complaint needs a severity;
 * an invalid one has none (it is served, CH-9, without the severity clocks).
 */
function checkGrading(
  grading: Grading,
  known: { about?: ComplaintSubject; residentDeadline?: string },
  ctx: RuleContext,
): GradingData {
  if (grading.valid && !grading.severity) {
    throw new RuleViolation(
      'COMPLAINT.SEVERITY_REQUIRED',
      'CH-1: a valid complaint is graded major, important or minor',
      'severity',
    );
  }
  if (!grading.valid && grading.severity) {
    throw new RuleViolation(
      'COMPLAINT.SEVERITY_NOT_EXPECTED',
      'CH-2/CH-9: an invalid complaint is served without a severity; grade it valid to give one',
      'severity',
    );
  }
  const about = grading.about ? resolveAbout(grading.about, ctx.staff) : known.about;
  if (!about) {
    throw new RuleViolation(
      'COMPLAINT.ABOUT_REQUIRED',
      'CH-3/CH-4: name the department or person complained about; the report sheet goes to that department',
      'about',
    );
  }
  checkResidentDeadline(grading.residentDeadline, ctx.now);
  const residentDeadline = grading.residentDeadline ?? known.residentDeadline;
  return {
    valid: grading.valid,
    ...(grading.severity ? { severity: grading.severity } : {}),
    about,
    ...(grading.demand ? { demand: grading.demand } : {}),
    ...(residentDeadline ? { residentDeadline } : {}),
    ...(grading.ongoingHarm ? { ongoingHarm: true } : {}),
  };
}

/**
 * Opens a complaint into the register (DS-1, CH-3). Graded at once (the desk's one request) it is
 * handed off and its clocks start; ungraded (the phone's intake) it waits for the dispatcher,
 * who has 10 minutes to grade and hand it off (CH-2, CH-4).
 */
export function openComplaint(
  input: { id: string; parkId: string; number: string; intake: ComplaintIntake },
  ctx: RuleContext,
): { ticket: ComplaintTicket; event: ComplaintEvent } {
  const { intake } = input;
  requireText(intake.place, 'place');
  requireText(intake.description, 'description');
  if (parseTime(intake.occurredAt, 'occurredAt').getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) {
    throw new RuleViolation('COMPLAINT.OCCURRED_IN_FUTURE', 'occurredAt is later than now', 'occurredAt');
  }
  checkResidentDeadline(intake.residentDeadline, ctx.now);
  const { valid, severity, about, demand, residentDeadline, ongoingHarm, ...register } = intake;
  let timers: ClockStarts;
  let grading: Partial<GradingData>;
  if (valid === undefined) {
    if (severity !== undefined || ongoingHarm !== undefined) {
      throw new RuleViolation(
        'COMPLAINT.VALIDITY_REQUIRED',
        'CH-2: grade the complaint valid or invalid along with its severity or ongoing harm, or leave all three to the dispatcher',
        'valid',
      );
    }
    grading = {
      ...(about ? { about: resolveAbout(about, ctx.staff) } : {}),
      ...(demand ? { demand } : {}),
      ...(residentDeadline ? { residentDeadline } : {}),
    };
    timers = receptionClocks(ctx.now);
  } else {
    const graded = checkGrading({ ...intake, valid }, {}, ctx);
    grading = graded;
    timers = handoffClocks(graded, ctx.now, ctx.now, calendarOf(ctx.park));
  }
  const event: ComplaintEvent = {
    seq: 1,
    type: 'complaint.opened',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    data: { ...register, ...grading, number: input.number, timers },
  };
  return { ticket: applyComplaintEvent(undefined, event, input), event };
}

/** The acknowledgements a complaint needs now, in the order they are asked for. */
export function requiredAckSteps(ticket: ComplaintTicket): AckStep[] {
  if (!ticket.handedOffAt) return [];
  const steps: AckStep[] = ['report-sheet'];
  if (ticket.ongoingHarm) steps.push('stop-harm');
  const important = ticket.severity === 'important' || ticket.raisedFrom === 'important';
  if (ticket.valid && important) steps.push('supervisor');
  if (ticket.valid && ticket.severity === 'major') steps.push('director');
  return steps;
}

export function openAckSteps(ticket: ComplaintTicket): AckStep[] {
  return requiredAckSteps(ticket).filter((s) => !ticket.acknowledgements[s]);
}

/** The person complained about: never asked to sign, and never signing, for their own case. */
function isAccused(ticket: ComplaintTicket, person: StaffMember): boolean {
  return person.id === ticket.about?.staffId;
}

/** The first role of `chain` somebody other than the person complained about holds. */
function routingRole(
  chain: readonly Role[],
  ticket: ComplaintTicket,
  staff: readonly StaffMember[],
): Role | undefined {
  return chain.find((r) => staff.some((s) => s.roles.includes(r) && !isAccused(ticket, s)));
}

/** The person who must sign a step themselves (the desk may record it on their behalf). */
function signsFor(
  step: AckStep,
  ticket: ComplaintTicket,
  person: StaffMember | undefined,
  staff: readonly StaffMember[],
): boolean {
  if (!person || isAccused(ticket, person)) return false;
  switch (step) {
    case 'report-sheet':
    case 'stop-harm':
      return ticket.about
        ? DEPARTMENT_HEAD_ROLES[ticket.about.department].some((r) => person.roles.includes(r))
        : false;
    case 'supervisor':
    case 'director': {
      const role = routingRole(ROUTING_ROLES[step], ticket, staff);
      return role !== undefined && person.roles.includes(role);
    }
  }
}

export function allowedComplaintCommands(ticket: ComplaintTicket): ComplaintCommand[] {
  return COMPLAINT_TRANSITIONS[ticket.status].filter((c) => {
    if (c === 'acknowledge') return openAckSteps(ticket).length > 0;
    if (c === 'callback') return !callbackMade(ticket);
    if (c === 'service-slip') return !ticket.serviceSlip;
    return true;
  });
}

function callbackMade(ticket: ComplaintTicket): boolean {
  return ticket.callback !== undefined && ticket.callback.outcome !== 'unreachable';
}

function guard(ticket: ComplaintTicket, command: string): ComplaintCommand {
  const allowed = allowedComplaintCommands(ticket);
  if (!(allowed as readonly string[]).includes(command)) {
    const known = (COMPLAINT_COMMANDS as readonly string[]).includes(command);
    throw new IllegalTransition(
      (known
        ? `a ${ticket.status} complaint cannot be sent "${command}"`
        : `a complaint has no step "${command}"`) +
        (allowed.length ? `; it accepts: ${allowed.join(', ')}` : '; it accepts no further steps'),
    );
  }
  return command as ComplaintCommand;
}

function decideAcknowledge(ticket: ComplaintTicket, command: CommandInput, ctx: RuleContext): Draft {
  if (command.staffId !== undefined) {
    // The desk signs for the person it reached by phone with its own token; `staffId` is for emergencies.
    throw new RuleViolation(
      'COMPLAINT.FIELD_NOT_TAKEN',
      "a complaint's acknowledge takes no staffId",
      'staffId',
    );
  }
  const open = openAckSteps(ticket);
  const person = personOf(ctx.actor, ctx.staff);
  const signs = (s: AckStep) => signsFor(s, ticket, person, ctx.staff);
  // The desk records signatures given by phone, but not for a complaint about the one at the desk.
  const desk = isDesk(ctx.actor) && !(person && isAccused(ticket, person));
  const may = (s: AckStep) => signs(s) || desk;
  let step = command.step as AckStep | undefined;
  if (step !== undefined) {
    if (!(ACK_STEPS as readonly string[]).includes(step)) {
      throw new InvalidInput('REQUEST.INVALID_FIELD', `step: one of ${ACK_STEPS.join(', ')}`, 'step');
    }
    if (!requiredAckSteps(ticket).includes(step)) {
      throw new RuleViolation(
        'COMPLAINT.ACK_NOT_EXPECTED',
        `this complaint asks for no "${step}" acknowledgement; it asks for: ${requiredAckSteps(ticket).join(', ')}`,
        'step',
      );
    }
    if (!open.includes(step)) throw new IllegalTransition(`"${step}" was acknowledged already`);
  } else {
    // The first step this person may sign: the report sheet for its department's head, and so on.
    step = open.find(signs) ?? (desk ? open[0] : undefined);
  }
  if (!step || !may(step)) {
    throw new Forbidden(
      person && isAccused(ticket, person)
        ? 'this complaint is about you: the next in line signs for it (CH-4, CH-5)'
        : step
          ? `"${step}" is signed by ${step === 'supervisor' ? 'a supervisor' : step === 'director' ? 'the office director' : 'the head of the department complained about'}, or by the desk for them`
          : `nothing here for you to acknowledge; open: ${open.join(', ')}`,
    );
  }
  const onBehalf = !signs(step);
  const note = typeof command.note === 'string' && command.note.trim() ? command.note.trim() : undefined;
  return {
    type: 'complaint.acknowledged',
    data: {
      step,
      staffId: ctx.actor.staffId,
      ...((person?.name ?? ctx.actor.name) ? { staffName: person?.name ?? ctx.actor.name } : {}),
      onBehalf,
      ...(note ? { note } : {}),
    },
  };
}

/** DS-6: the work is reported done by the desk, management, or the department complained about. */
function mayResolve(ticket: ComplaintTicket, ctx: RuleContext): boolean {
  const groups = ctx.actor.groups as readonly string[];
  if (groups.includes(DESK_GROUP) || groups.includes('manager') || groups.includes('office')) return true;
  const person = personOf(ctx.actor, ctx.staff);
  return person !== undefined && person.department === ticket.about?.department;
}

/** The event a command produces, or why it may not happen. */
export function decideComplaint(ticket: ComplaintTicket, command: CommandInput, ctx: RuleContext): Draft {
  const type = guard(ticket, command.type);
  switch (type) {
    case 'grade': {
      const grading = checkGrading(command as unknown as Grading, ticket, ctx);
      const timers = handoffClocks(grading, new Date(ticket.createdAt), ctx.now, calendarOf(ctx.park));
      return { type: 'complaint.graded', data: { ...grading, timers } };
    }
    case 'acknowledge':
      return decideAcknowledge(ticket, command, ctx);
    case 'follow-ups':
      return {
        type: 'complaint.followed-up',
        data: { round: ticket.followUps + 1, note: requireText(command.note, 'note') },
      };
    case 'reply':
      return { type: 'complaint.replied', data: { note: requireText(command.note, 'note') } };
    case 'resolve': {
      if (!mayResolve(ticket, ctx)) {
        throw new Forbidden(
          'the work is reported done by the desk, management or the department complained about',
        );
      }
      const note = typeof command.note === 'string' && command.note.trim() ? command.note.trim() : undefined;
      return {
        type: 'complaint.resolved',
        data: {
          confirmedBy: requireText(command.confirmedBy, 'confirmedBy'),
          via: command.via as ResolutionVia,
          ...(note ? { note } : {}),
          timers: resolvedClocks(ctx.now, calendarOf(ctx.park)),
        },
      };
    }
    case 'callback': {
      const outcome = command.outcome as CallbackOutcome;
      const note = typeof command.note === 'string' && command.note.trim() ? command.note.trim() : undefined;
      return {
        type: 'complaint.called-back',
        data: {
          outcome,
          ...(note ? { note } : {}),
          closes: outcome !== 'unreachable' && ticket.serviceSlip !== undefined,
        },
      };
    }
    case 'service-slip':
      return {
        type: 'complaint.service-slip-filed',
        data: {
          number: requireText(command.number, 'number'),
          signedBy: requireText(command.signedBy, 'signedBy'),
          closes: callbackMade(ticket),
        },
      };
  }
}

/**
 * What a due clock records, or nothing when its reason has passed (met, cancelled, already fired:
 * a duplicate or late delivery changes nothing).
 */
export function complaintTimerDue(
  ticket: ComplaintTicket,
  timer: string,
  ctx: RuleContext,
): Draft | undefined {
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
    case 'deadline': {
      const reasons = timer === COMPLAINT_TIMERS.followUpEod ? eodReasons(ticket) : undefined;
      return {
        type: 'complaint.escalated',
        data: {
          timer,
          dueAt: state.dueAt,
          owes: rule.owes ?? 'resolve',
          ...(reasons ? { reasons } : {}),
          timers: nextRung(timer, dueAt, ctx.now, calendar),
        },
      };
    }
  }
}

/** DS-5: the second follow-up and something handled or arranged (the department signed) by closing. */
function eodReasons(ticket: ComplaintTicket): EodReason[] {
  const reasons: EodReason[] = [];
  if (ticket.followUps < 2) reasons.push('second-follow-up-missing');
  if (!arranged(ticket)) reasons.push('nothing-arranged');
  return reasons;
}

function arranged(ticket: ComplaintTicket): boolean {
  return ticket.status === 'acknowledged' || ticket.status === 'resolved' || ticket.status === 'closed';
}

// ---------------------------------------------------------------- folding events

function startTimers(timers: Record<string, TimerState>, starts: ClockStarts): Record<string, TimerState> {
  const next = { ...timers };
  for (const [name, dueAt] of Object.entries(starts)) if (dueAt) next[name] = { dueAt, state: 'pending' };
  return next;
}

function settle(
  ticket: ComplaintTicket,
  obligations: readonly Obligation[],
  state: 'met' | 'cancelled',
  at: string,
): ComplaintTicket {
  const names = obligations.flatMap(timersOwing);
  return {
    ...ticket,
    timers: settleTimers(ticket.timers, names, state, at),
    overdue: ticket.overdue.filter((o) => !obligations.includes(o)),
  };
}

/** DS-5 is satisfied once two follow-ups are on record and the department has signed. */
function checkEod(ticket: ComplaintTicket, at: string): ComplaintTicket {
  if (ticket.followUps < 2 || !arranged(ticket)) return ticket;
  return { ...ticket, timers: settleTimers(ticket.timers, [COMPLAINT_TIMERS.followUpEod], 'met', at) };
}

function close(ticket: ComplaintTicket, at: string): ComplaintTicket {
  return {
    ...ticket,
    status: 'closed',
    closedAt: at,
    timers: settleTimers(ticket.timers, 'all', 'cancelled', at),
    overdue: [],
  };
}

function applyGrading(ticket: ComplaintTicket, data: GradingData & Timed, at: string): ComplaintTicket {
  const { timers, ...grading } = data;
  return {
    ...ticket,
    ...grading,
    status: 'handed-off',
    gradedAt: at,
    handedOffAt: at,
    timers: startTimers(ticket.timers, timers),
  };
}

/** Folds one event into the ticket; depends on the events alone (a replay gives the same ticket). */
export function applyComplaintEvent(
  ticket: ComplaintTicket | undefined,
  event: ComplaintEvent,
  opening?: { id: string; parkId: string },
): ComplaintTicket {
  if (event.type === 'complaint.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { number, timers, ...register } = event.data;
    const received: ComplaintTicket = {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'complaint',
      number,
      status: 'received',
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      ...register,
      acknowledgements: {},
      followUps: 0,
      missedDeadlines: [],
      overdue: [],
      timers: {},
    };
    if (register.valid === undefined) return { ...received, timers: startTimers({}, timers) };
    return applyGrading(received, { ...(register as GradingData), timers }, event.at);
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const base: ComplaintTicket = { ...ticket, version: event.seq, updatedAt: event.at };
  const at = event.at;
  switch (event.type) {
    case 'complaint.graded':
      return applyGrading(settle(base, ['grade'], 'met', at), event.data, at);
    case 'complaint.acknowledged': {
      const { step, ...by } = event.data;
      const signed = settle(base, [step], 'met', at);
      return checkEod(
        {
          ...signed,
          ...(step === 'report-sheet' ? { status: 'acknowledged' as const } : {}),
          acknowledgements: { ...signed.acknowledgements, [step]: { ...by, at } },
        },
        at,
      );
    }
    case 'complaint.followed-up':
      return checkEod(
        {
          ...base,
          followUps: event.data.round,
          timers: settleTimers(base.timers, [COMPLAINT_TIMERS.followUp], 'met', at),
          overdue: base.overdue.filter((o) => o !== 'follow-up'),
        },
        at,
      );
    case 'complaint.replied':
      return { ...settle(base, ['reply'], 'met', at), repliedAt: at };
    case 'complaint.resolved': {
      const { timers, ...resolution } = event.data;
      // Done: the deadlines to resolve are met; signatures and follow-ups still waited for lapse.
      const met = settle(base, ['resolve'], 'met', at);
      const lapsed = settle(met, [...ACK_STEPS, 'grade', 'follow-up'], 'cancelled', at);
      return {
        ...lapsed,
        status: 'resolved',
        resolution: { ...resolution, at },
        timers: startTimers(
          settleTimers(lapsed.timers, [COMPLAINT_TIMERS.followUp], 'cancelled', at),
          timers,
        ),
      };
    }
    case 'complaint.called-back': {
      const { closes, ...callback } = event.data;
      const told = callback.outcome === 'unreachable' ? base : settle(base, ['callback', 'reply'], 'met', at);
      const next = { ...told, callback: { ...callback, at } };
      return closes ? close(next, at) : next;
    }
    case 'complaint.service-slip-filed': {
      const { closes, ...slip } = event.data;
      const next = { ...base, serviceSlip: { ...slip, at } };
      return closes ? close(next, at) : next;
    }
    case 'complaint.reminded':
      return { ...base, timers: settleTimers(base.timers, [event.data.timer], 'fired', at) };
    case 'complaint.escalated':
      return missed(base, event.data.timer, event.data.owes, event.data.timers, at);
    case 'complaint.severity-raised': {
      const raised = missed(base, event.data.timer, 'resolve', {}, at);
      return {
        ...raised,
        severity: 'major',
        raisedFrom: event.data.from,
        // The old severity's resolve clock gives way to the major ones.
        timers: startTimers(
          settleTimers(raised.timers, timersOwing('resolve'), 'cancelled', at),
          event.data.timers,
        ),
      };
    }
  }
}

function missed(
  ticket: ComplaintTicket,
  timer: ComplaintTimer,
  owes: Obligation,
  next: ClockStarts,
  at: string,
): ComplaintTicket {
  return {
    ...ticket,
    timers: startTimers(settleTimers(ticket.timers, [timer], 'missed', at), next),
    missedDeadlines: [...ticket.missedDeadlines, timer],
    overdue: ticket.overdue.includes(owes) ? ticket.overdue : [...ticket.overdue, owes],
  };
}

/** The complaint procedure as the desk's table of kinds sees it. */
export const complaintRules: TicketKindRules<ComplaintTicket, ComplaintEvent, ComplaintIntake> = {
  register: 'C',
  statuses: COMPLAINT_STATUSES,
  commands: COMPLAINT_COMMANDS,
  // CH-11: every complaint, valid or not, has its page in the register.
  needsNumber: () => true,
  open: (input, ctx) => {
    if (!input.number) throw new Error('a complaint is opened with its register number (CH-11)');
    const { ticket, event } = openComplaint({ ...input, number: input.number }, ctx);
    return { ticket, event, reply: {} };
  },
  allowedCommands: allowedComplaintCommands,
  decide: decideComplaint,
  apply: applyComplaintEvent,
  timerDue: complaintTimerDue,
  // A call, not a reference: the notifications module imports this one too.
  notifications: (event, ticket, staff, park) => complaintNotifications(event, ticket, staff, park),
  assigneeOnly: [],
  needsDirectory: true,
};
