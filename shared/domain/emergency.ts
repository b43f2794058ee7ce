/**
 * Emergencies (紧急或重大事情, 篇4 3.2; EM-1..EM-6): an SMS chain up the park's managers that stops
 * on the first acknowledgement, responders sent to the scene, one owner at the desk at all times,
 * leaders' instructions as tracked items, and closing only with the 管理处负责人's sign-off.
 *
 * Pure: every function takes `now` (or the event time) and the directory; nothing here reads a clock
 * or does I/O. `apply` depends on the events alone: who was told and every due time travel in the
 * event data, computed by `open`, `decide` and `timerDue` from the park's settings as they were then.
 */
import type { AckLinkPurpose } from './ack-link';
import { calendarOf, isOfficeHours } from './calendar';
import { emergencyNotifications } from './emergency-notifications';
import { Forbidden, IllegalTransition, NotFound, RuleViolation } from './errors';
import type { CommandInput, EventDraft, RuleContext, TicketKindRules } from './kind';
import type { EmergencySettings, Park, Role, StaffMember } from './park';
import { GROUP_OF_ROLE, ROLES, staffWithRole } from './park';
import type { Actor, Caller, TicketBase, TicketEvent, TicketSource } from './ticket';
import { settleTimers } from './ticket';
import { addMinutes } from './time';

// ------------------------------------------------------------------ what an emergency is (EM-1)

/** EM-1 (A)..(D). */
export const EMERGENCY_CATEGORIES = ['public-safety', 'fire', 'accident', 'official'] as const;
export type EmergencyCategory = (typeof EMERGENCY_CATEGORIES)[number];

/** The original's words, for SMS and pages. */
export const CATEGORY_LABELS: Record<EmergencyCategory, string> = {
  'public-safety': '公共安全事件',
  fire: '火警',
  accident: '人身交通事故',
  official: '紧急公务',
};

export const EMERGENCY_STATUSES = [
  'escalating',
  'unanswered',
  'acknowledged',
  'signed-off',
  'closed',
] as const;
export type EmergencyStatus = (typeof EMERGENCY_STATUSES)[number];

export const EMERGENCY_COMMANDS = [
  'acknowledge',
  'on-scene',
  'report',
  'hand-over',
  'accept-handover',
  'instructions',
  'instruction-done',
  'sign-off',
  'close',
] as const;
export type EmergencyCommand = (typeof EMERGENCY_COMMANDS)[number];

/** Follow-up work that goes on in every status until the case is closed (EM-3..EM-5). */
const WHILE_OPEN = {
  'on-scene': 'same',
  report: 'same',
  'hand-over': 'same',
  'accept-handover': 'same',
  instructions: 'same',
  'instruction-done': 'same',
} as const;

/**
 * Which command may follow which status, and where it leads (`same`: the status stays). Anything not
 * listed is an illegal step (409): above all `close` before `sign-off` (EM-6).
 */
export const EMERGENCY_TRANSITIONS: Record<
  EmergencyStatus,
  Partial<Record<EmergencyCommand, EmergencyStatus | 'same'>>
> = {
  escalating: { acknowledge: 'acknowledged', ...WHILE_OPEN },
  unanswered: { acknowledge: 'acknowledged', ...WHILE_OPEN },
  acknowledged: { 'sign-off': 'signed-off', ...WHILE_OPEN },
  'signed-off': { close: 'closed', ...WHILE_OPEN },
  closed: {},
};

// ------------------------------------------------------------------ the park's procedure

/** EM-3's list, in the original's order. */
export const EM3_RESPONDERS: readonly Role[] = [
  'security-manager',
  'engineering-manager',
  'security-captain',
  'elevator-lead',
  'repair-lead',
  'security-shift-lead',
];

/** What a park that says nothing gets: EM-2's order, 5 minutes a level, three rounds. */
export const EMERGENCY_DEFAULTS: EmergencySettings = {
  chain: [
    { role: 'office-manager', waitMinutes: 5 },
    { role: 'deputy-gm', waitMinutes: 5 },
    { role: 'gm', waitMinutes: 5 },
  ],
  rounds: 3,
  responders: [...EM3_RESPONDERS],
  // 管理处负责人 is the office manager or the supervisor in charge of complaints (篇4 2); which
  // supervisor that is the directory cannot tell, so a park adds 'supervisor' when it wants to.
  signOff: ['office-manager'],
  ackLinkMinutes: 120,
  sceneLinkMinutes: 720,
};

const isRole = (value: unknown): value is Role => (ROLES as readonly string[]).includes(value as string);
const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The park's emergency settings with defaults. A broken setting never stops an emergency from being
 * opened: it falls back to the default and the opening event says so (`warnings`).
 */
export function emergencySettings(park: Pick<Park, 'emergency'>): {
  settings: EmergencySettings;
  warnings: string[];
} {
  const given = park.emergency ?? {};
  const d = EMERGENCY_DEFAULTS;
  const warnings: string[] = [];
  const pick = <K extends keyof EmergencySettings>(
    key: K,
    ok: (v: unknown) => boolean,
  ): EmergencySettings[K] => {
    const value = given[key];
    if (value === undefined) return d[key];
    if (ok(value)) return value as EmergencySettings[K];
    warnings.push(`emergency.${key} is not valid; the default is used`);
    return d[key];
  };
  const roles = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isRole);
  return {
    settings: {
      chain: pick(
        'chain',
        (v) =>
          Array.isArray(v) &&
          v.length > 0 &&
          v.length <= 10 &&
          v.every((l) => isRole(l?.role) && wholeIn(l?.waitMinutes, 1, 1440)),
      ),
      rounds: pick('rounds', (v) => wholeIn(v, 1, 10)),
      responders: pick('responders', (v) => Array.isArray(v) && v.every(isRole)),
      signOff: pick('signOff', roles),
      ackLinkMinutes: pick('ackLinkMinutes', (v) => wholeIn(v, 5, 7 * 1440)),
      sceneLinkMinutes: pick('sceneLinkMinutes', (v) => wholeIn(v, 5, 7 * 1440)),
    },
    warnings,
  };
}

// ------------------------------------------------------------------ the ticket

export interface Person {
  staffId: string;
  name: string;
}

export interface ChainLevel {
  role: Role;
  waitMinutes: number;
}

/** A position in the chain: round 1.., level 1.. (1 = the first role of the chain). */
export interface ChainPosition {
  round: number;
  level: number;
}

export interface ChainRecipient extends Person {
  /** Their SMS could not be delivered (opted out, invalid, refused): waiting for them is pointless. */
  unreachable?: boolean;
}

/** A level the chain has reached: who was told, and until when it waits for them. */
export interface ChainStep extends ChainPosition {
  role: Role;
  recipients: ChainRecipient[];
  at: string;
  dueAt: string;
  /** The timer that fires when nobody at this level has acknowledged: `escalate-r1-L2`. */
  timer: string;
}

/** A level passed over at once because the directory names nobody for its role. */
export interface ChainSkip extends ChainPosition {
  role: Role;
  reason: 'nobody-in-directory';
}

/** Where the chain goes next: a step, or nowhere (every round has run: unanswered). */
export type ChainMove = { to: ChainStep; skipped: ChainSkip[] } | { to: 'exhausted'; skipped: ChainSkip[] };

export interface Acknowledgement extends Person, ChainPosition {
  at: string;
  /** `phone`: the person answered the desk by phone and the desk recorded it for them. */
  via: 'link' | 'api' | 'phone';
  /** Who recorded it, when the desk did so on the person's behalf. */
  recordedBy?: string;
  /** What they said with it ("10分钟到"), through the API. */
  note?: string;
}

export interface EmergencyChain {
  levels: ChainLevel[];
  rounds: number;
  state: 'running' | 'acknowledged' | 'exhausted';
  /** The level reached last (absent only when the directory names nobody at any level). */
  step?: ChainStep;
  /** Everyone sent an acknowledgement link so far: they, and only they, may acknowledge. */
  notified: string[];
  acknowledgement?: Acknowledgement;
}

export interface Responder extends Person {
  role: Role;
  onSceneAt?: string;
  reports: number;
  lastReport?: { at: string; text: string };
}

export interface Owner extends Person {
  /** When the owner took the case on; absent while the desk's person on duty has yet to accept it. */
  acceptedAt?: string;
  how: 'opened' | 'on-duty' | 'handover';
}

export interface Handover {
  to: Person;
  offeredAt: string;
  offeredBy: string;
}

export type InstructionState = 'open' | 'overdue' | 'done';

/** EM-5: a leader's instruction, its own tracked item (件件立项). */
export interface Instruction {
  number: number;
  /** Who gave it: a leader's name, or an authority (区消防大队). */
  from: string;
  to: Person;
  text: string;
  dueAt: string;
  issuedAt: string;
  issuedBy: string;
  timer: string;
  state: InstructionState;
  doneAt?: string;
  result?: string;
}

export interface SignOff extends Person {
  at: string;
  comment: string;
}

export interface EmergencyTicket extends TicketBase {
  kind: 'emergency';
  status: EmergencyStatus;
  category: EmergencyCategory;
  location: string;
  description: string;
  caller?: Caller;
  owner: Owner;
  handover?: Handover;
  chain: EmergencyChain;
  responders: Responder[];
  instructions: Instruction[];
  signOff?: SignOff;
  /** Link lifetimes and sign-off roles as they were when the emergency opened. */
  procedure: Pick<EmergencySettings, 'signOff' | 'ackLinkMinutes' | 'sceneLinkMinutes'>;
  /** SMS (`<eventSeq>#<index>`) already recorded as undeliverable: a replay records nothing twice. */
  undeliverable: string[];
  /** An emergency has an owner at the desk (EM-4), never an assignee doing field work. */
  assigneeId?: never;
}

export interface EmergencyIntake {
  category: EmergencyCategory;
  location: string;
  description: string;
  caller?: Caller;
  source?: TicketSource;
}

type Via = 'link' | 'api' | 'phone';

export type EmergencyEvent =
  | TicketEvent<
      'emergency.opened',
      EmergencyIntake & {
        number?: string;
        owner: Owner;
        levels: ChainLevel[];
        rounds: number;
        procedure: EmergencyTicket['procedure'];
        warnings: string[];
        responders: (Person & { role: Role })[];
        move: ChainMove;
      }
    >
  | TicketEvent<'emergency.escalated', { from: ChainPosition; reason: 'no-answer'; move: ChainMove }>
  | TicketEvent<'emergency.unanswered', { from: ChainPosition; reason: 'no-answer'; move: ChainMove }>
  | TicketEvent<
      'sms.undeliverable',
      {
        staffId: string;
        purpose: string;
        smsEventSeq: number;
        index: number;
        error: string;
        move?: ChainMove;
      }
    >
  | TicketEvent<
      'emergency.acknowledged',
      Person & ChainPosition & { via: Via; note?: string; recordedBy?: string }
    >
  | TicketEvent<'emergency.on-scene', Person & { via: Via }>
  | TicketEvent<'emergency.reported', Person & { text: string; via: Via }>
  | TicketEvent<'emergency.handover-offered', { from: Person; to: Person }>
  | TicketEvent<'emergency.handover-accepted', Person & { from?: Person }>
  | TicketEvent<'emergency.instruction-issued', Omit<Instruction, 'state' | 'issuedAt' | 'issuedBy'>>
  | TicketEvent<'emergency.instruction-done', { number: number; result: string }>
  | TicketEvent<'emergency.instruction-overdue', { number: number; dueAt: string }>
  | TicketEvent<'emergency.signed-off', Person & { comment: string; openInstructions: number[] }>
  | TicketEvent<'emergency.closed', { openInstructions: number[] }>;

type Draft = EventDraft<EmergencyEvent>;

// ------------------------------------------------------------------ the chain (EM-2): pure decisions

/** The timer of a step: deterministic, and within Scheduler's name rules next to a ticket id. */
export function escalationTimer(position: ChainPosition): string {
  return `escalate-r${position.round}-L${position.level}`;
}

/** The SMS purpose of an acknowledgement request at a step; an undeliverable one is matched by it. */
export function ackPurpose(position: ChainPosition): string {
  return `ack-r${position.round}-L${position.level}`;
}

export function instructionTimer(number: number): string {
  return `instruction-${number}-due`;
}

/**
 * The next level after `from` that the directory can staff, in chain order, wrapping to the next
 * round after the last level; levels naming nobody are passed over and recorded. Past the last
 * round the chain is exhausted. The people are looked up now: the directory as it is when the
 * level is reached.
 */
export function nextChainMove(
  chain: { levels: readonly ChainLevel[]; rounds: number },
  from: ChainPosition,
  staff: readonly StaffMember[],
  now: Date,
): ChainMove {
  const skipped: ChainSkip[] = [];
  let { round, level } = from;
  for (;;) {
    level += 1;
    if (level > chain.levels.length) {
      round += 1;
      level = 1;
    }
    if (round > chain.rounds) return { to: 'exhausted', skipped };
    const { role, waitMinutes } = chain.levels[level - 1]!;
    const holders = staffWithRole(staff, role);
    if (holders.length === 0) {
      skipped.push({ round, level, role, reason: 'nobody-in-directory' });
      continue;
    }
    const position = { round, level };
    return {
      to: {
        ...position,
        role,
        recipients: holders.map((s) => ({ staffId: s.id, name: s.name })),
        at: now.toISOString(),
        dueAt: addMinutes(now, waitMinutes).toISOString(),
        timer: escalationTimer(position),
      },
      skipped,
    };
  }
}

/** What can set the chain moving besides a person: its timer, or an SMS that could not be delivered. */
export type ChainTrigger =
  | { kind: 'timer'; timer: string }
  | { kind: 'undeliverable'; staffId: string; purpose: string };

export type ChainDecision =
  | {
      action: 'stay';
      why:
        | 'closed'
        | 'acknowledged'
        | 'exhausted'
        | 'not-current'
        | 'settled'
        | 'not-due'
        | 'others-may-answer';
    }
  | { action: 'move'; from: ChainPosition; move: ChainMove };

/**
 * EM-2's one decision, from the ticket (the fold of its events) and `now`: does the chain move on,
 * and where to. It moves when the current level's wait is over with nobody acknowledging, or at
 * once when nobody at the current level can be reached by SMS; never after an acknowledgement.
 */
export function decideChain(
  ticket: EmergencyTicket,
  trigger: ChainTrigger,
  staff: readonly StaffMember[],
  now: Date,
): ChainDecision {
  if (ticket.status === 'closed') return { action: 'stay', why: 'closed' };
  const { chain } = ticket;
  if (chain.state === 'acknowledged') return { action: 'stay', why: 'acknowledged' };
  if (chain.state === 'exhausted') return { action: 'stay', why: 'exhausted' };
  const step = chain.step;
  if (!step) return { action: 'stay', why: 'exhausted' };
  if (trigger.kind === 'timer') {
    if (trigger.timer !== step.timer) return { action: 'stay', why: 'not-current' };
    const timer = ticket.timers[trigger.timer];
    if (timer?.state !== 'pending') return { action: 'stay', why: 'settled' };
    if (now.getTime() < Date.parse(timer.dueAt)) return { action: 'stay', why: 'not-due' };
  } else {
    if (trigger.purpose !== ackPurpose(step)) return { action: 'stay', why: 'not-current' };
    const hit = step.recipients.find((r) => r.staffId === trigger.staffId);
    if (!hit) return { action: 'stay', why: 'not-current' };
    const reachable = step.recipients.filter((r) => !r.unreachable && r.staffId !== trigger.staffId);
    if (reachable.length > 0) return { action: 'stay', why: 'others-may-answer' };
  }
  const from = { round: step.round, level: step.level };
  return { action: 'move', from, move: nextChainMove(chain, from, staff, now) };
}

// ------------------------------------------------------------------ opening (EM-1..EM-4)

/** The desk's roles by shift: the dispatcher in office hours (正式班), the duty officer outside. */
function deskOnDuty(park: Park, staff: readonly StaffMember[], now: Date): StaffMember | undefined {
  let inOffice = true;
  try {
    inOffice = isOfficeHours(now, calendarOf(park));
  } catch {
    // Unreadable office hours must not stop an emergency: try the dispatcher first.
  }
  const order: Role[] = inOffice
    ? ['dispatcher', 'duty-officer', 'customer-service-lead']
    : ['duty-officer', 'dispatcher', 'customer-service-lead'];
  for (const role of order) {
    const holder = staffWithRole(staff, role)[0];
    if (holder) return holder;
  }
  return undefined;
}

/**
 * EM-4's owner. A person of the directory who opens an emergency owns it at once. A system (the
 * phone line) cannot own one: the desk's person on duty is named owner and must accept it; until
 * then the ticket shows an owner who has not yet accepted. With nobody at the desk in the
 * directory at all, the opener stays owner, so the case is never ownerless.
 */
export function initialOwner(actor: Actor, park: Park, staff: readonly StaffMember[], now: Date): Owner {
  const opener = staff.find((s) => s.id === actor.staffId);
  if (opener) return { staffId: opener.id, name: opener.name, acceptedAt: now.toISOString(), how: 'opened' };
  const duty = deskOnDuty(park, staff, now);
  if (duty) return { staffId: duty.id, name: duty.name, how: 'on-duty' };
  return {
    staffId: actor.staffId,
    name: actor.name ?? actor.staffId,
    acceptedAt: now.toISOString(),
    how: 'opened',
  };
}

/** EM-3: everyone the directory names for the responder roles, each once, in the roles' order. */
export function respondersFor(
  roles: readonly Role[],
  staff: readonly StaffMember[],
): (Person & { role: Role })[] {
  const seen = new Set<string>();
  const out: (Person & { role: Role })[] = [];
  for (const role of roles) {
    for (const s of staffWithRole(staff, role)) {
      if (seen.has(s.id)) continue;
      seen.add(s.id);
      out.push({ staffId: s.id, name: s.name, role });
    }
  }
  return out;
}

/** What the desk (or the phone line) says to the caller once the emergency is opened. */
export const CALLER_SENTENCE = '您的紧急报告已收到,我们已立即通知管理处负责人和相关人员赶赴现场,请注意安全。';

export function openEmergency(
  input: { id: string; parkId: string; number?: string; intake: EmergencyIntake },
  ctx: RuleContext,
): { ticket: EmergencyTicket; event: EmergencyEvent } {
  const { intake } = input;
  if (!(EMERGENCY_CATEGORIES as readonly string[]).includes(intake.category)) {
    throw new RuleViolation(
      'EMERGENCY.CATEGORY',
      `EM-1: category must be one of ${EMERGENCY_CATEGORIES.join(', ')}`,
      'category',
    );
  }
  const { settings, warnings } = emergencySettings(ctx.park);
  const move = nextChainMove(
    { levels: settings.chain, rounds: settings.rounds },
    { round: 1, level: 0 },
    ctx.staff,
    ctx.now,
  );
  const event: EmergencyEvent = {
    seq: 1,
    type: 'emergency.opened',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    data: {
      category: intake.category,
      location: intake.location,
      description: intake.description,
      ...(intake.caller ? { caller: intake.caller } : {}),
      ...(intake.source ? { source: intake.source } : {}),
      ...(input.number ? { number: input.number } : {}),
      owner: initialOwner(ctx.actor, ctx.park, ctx.staff, ctx.now),
      levels: settings.chain,
      rounds: settings.rounds,
      procedure: {
        signOff: settings.signOff,
        ackLinkMinutes: settings.ackLinkMinutes,
        sceneLinkMinutes: settings.sceneLinkMinutes,
      },
      warnings,
      responders: respondersFor(settings.responders, ctx.staff),
      move,
    },
  };
  return { ticket: applyEmergencyEvent(undefined, event, input), event };
}

// ------------------------------------------------------------------ commands

function guard(ticket: EmergencyTicket, command: EmergencyCommand): void {
  if (EMERGENCY_TRANSITIONS[ticket.status][command] !== undefined) return;
  if (command === 'close' && ticket.status !== 'closed') {
    throw new IllegalTransition(
      'EM-6: an emergency is closed only with the signed consent of the 管理处负责人: ' +
        `POST /tickets/${ticket.id}/sign-off with a comment first` +
        (ticket.status === 'acknowledged' ? '' : ' (after an acknowledgement)'),
    );
  }
  if (command === 'acknowledge' && ticket.chain.acknowledgement) {
    const a = ticket.chain.acknowledgement;
    throw new IllegalTransition(`already acknowledged by ${a.name} at ${a.at}`);
  }
  const allowed = nextEmergencyCommands(ticket);
  throw new IllegalTransition(
    `a ${ticket.status} emergency cannot be sent "${command}"` +
      (allowed.length ? `; it accepts: ${allowed.join(', ')}` : '; it accepts no further steps'),
  );
}

/** The commands the ticket accepts now, leaving out those with nothing to act on. */
export function nextEmergencyCommands(ticket: EmergencyTicket): EmergencyCommand[] {
  return EMERGENCY_COMMANDS.filter((c) => {
    if (EMERGENCY_TRANSITIONS[ticket.status][c] === undefined) return false;
    if (c === 'accept-handover') return ticket.handover !== undefined || !ticket.owner.acceptedAt;
    if (c === 'instruction-done') return ticket.instructions.some((i) => i.state !== 'done');
    if (c === 'on-scene' || c === 'report') return ticket.responders.length > 0;
    return true;
  });
}

const person = (s: StaffMember): Person => ({ staffId: s.id, name: s.name });

function directoryPerson(staff: readonly StaffMember[], staffId: string, field: string): StaffMember {
  const found = staff.find((s) => s.id === staffId);
  if (!found)
    throw new NotFound('STAFF.NOT_FOUND', `staff ${staffId} is not in this park's directory`, field);
  return found;
}

const DESK_GROUPS = new Set(['dispatcher', 'manager', 'executive']);

/**
 * EM-4: who can take over the desk's post (接替), i.e. whom a handover may name: the groups that
 * may accept one (access.ts, `emergency.accept-handover`; a test keeps the two equal). Field staff
 * and responders are at the scene, not at the desk, and could never accept the offer.
 */
export const HANDOVER_GROUPS: ReadonlySet<string> = new Set(['dispatcher', 'office', 'manager', 'executive']);
const actsForTheDesk = (actor: Actor) => (actor.groups as string[]).some((g) => DESK_GROUPS.has(g));

/** EM-2: an acknowledgement by someone the chain told. Shared by the link page and the API. */
export function decideAcknowledgement(
  ticket: EmergencyTicket,
  staffId: string,
  staff: readonly StaffMember[],
  via: Via,
  note?: string,
  recordedBy?: string,
): Draft {
  guard(ticket, 'acknowledge');
  if (!ticket.chain.notified.includes(staffId)) {
    throw new Forbidden(
      'EM-2: only a person the escalation chain has told may acknowledge this emergency ' +
        `(${ticket.chain.notified.length ? `told so far: ${ticket.chain.notified.join(', ')}` : 'nobody told yet'})`,
    );
  }
  const who = staff.find((s) => s.id === staffId);
  const name = who?.name ?? ticket.chain.step?.recipients.find((r) => r.staffId === staffId)?.name ?? staffId;
  const step = ticket.chain.step;
  return {
    type: 'emergency.acknowledged',
    data: {
      staffId,
      name,
      round: step?.round ?? 1,
      level: step?.level ?? 1,
      via,
      ...(note ? { note } : {}),
      ...(recordedBy ? { recordedBy } : {}),
    },
  };
}

/** EM-3: a responder on the scene, or their report back; the desk may record it for them. */
export function decideResponder(
  ticket: EmergencyTicket,
  command: { type: 'on-scene' } | { type: 'report'; text: string },
  staffId: string,
  via: Via,
): Draft {
  guard(ticket, command.type);
  const responder = ticket.responders.find((r) => r.staffId === staffId);
  if (!responder) {
    throw new Forbidden(
      `EM-3: ${staffId} was not sent to the scene of this emergency ` +
        `(responders: ${ticket.responders.map((r) => r.staffId).join(', ') || 'none'})`,
    );
  }
  const who = { staffId, name: responder.name };
  if (command.type === 'on-scene') {
    if (responder.onSceneAt)
      throw new IllegalTransition(`${responder.name} is on the scene since ${responder.onSceneAt}`);
    return { type: 'emergency.on-scene', data: { ...who, via } };
  }
  return { type: 'emergency.reported', data: { ...who, text: command.text, via } };
}

export function decideEmergency(ticket: EmergencyTicket, command: CommandInput, ctx: RuleContext): Draft {
  const type = command.type as EmergencyCommand;
  if (!(EMERGENCY_COMMANDS as readonly string[]).includes(type)) {
    throw new IllegalTransition(
      `an emergency has no step "${command.type}"; it accepts: ${EMERGENCY_COMMANDS.join(', ')}`,
    );
  }
  guard(ticket, type);
  const { actor, staff, now } = ctx;
  switch (type) {
    case 'acknowledge':
      // The command's body is shared with complaints, whose acknowledgements name a step.
      if (command.step !== undefined) {
        throw new RuleViolation('EMERGENCY.NO_STEP', 'an emergency acknowledgement names no step', 'step');
      }
      // EM-2 "by the fastest means": a manager who answers the desk's phone call is recorded by the desk.
      if (typeof command.staffId === 'string' && command.staffId !== actor.staffId) {
        if (!actsForTheDesk(actor)) {
          throw new Forbidden('only the desk or a manager may record an acknowledgement given by phone');
        }
        return decideAcknowledgement(
          ticket,
          command.staffId,
          staff,
          'phone',
          command.note as string | undefined,
          actor.staffId,
        );
      }
      return decideAcknowledgement(ticket, actor.staffId, staff, 'api', command.note as string | undefined);
    case 'on-scene':
    case 'report': {
      const staffId = typeof command.staffId === 'string' ? command.staffId : actor.staffId;
      if (staffId !== actor.staffId && !actsForTheDesk(actor)) {
        throw new Forbidden('only the desk or a manager may record a responder other than themselves');
      }
      return decideResponder(
        ticket,
        type === 'report' ? { type, text: String(command.text) } : { type },
        staffId,
        'api',
      );
    }
    case 'hand-over': {
      // EM-4: the owner does not leave the post without a named successor who accepts.
      if (actor.staffId !== ticket.owner.staffId && !(actor.groups as string[]).includes('manager')) {
        throw new Forbidden(
          `EM-4: only the owner (${ticket.owner.name}) or a manager may hand this emergency over`,
        );
      }
      const to = directoryPerson(staff, String(command.staffId), 'staffId');
      if (!to.roles.some((r) => HANDOVER_GROUPS.has(GROUP_OF_ROLE[r]))) {
        throw new RuleViolation(
          'EMERGENCY.HANDOVER_NOT_DESK',
          `EM-4: ${to.name} cannot take over the desk's post (a handover names the desk, a manager or an executive)`,
          'staffId',
        );
      }
      if (to.id === ticket.owner.staffId) {
        throw new RuleViolation(
          'EMERGENCY.HANDOVER_TO_OWNER',
          `${to.name} owns this emergency already`,
          'staffId',
        );
      }
      return {
        type: 'emergency.handover-offered',
        data: { from: { staffId: ticket.owner.staffId, name: ticket.owner.name }, to: person(to) },
      };
    }
    case 'accept-handover': {
      if (ticket.handover) {
        if (ticket.handover.to.staffId !== actor.staffId) {
          throw new Forbidden(
            `EM-4: this emergency is offered to ${ticket.handover.to.name}; only they may accept it`,
          );
        }
        return {
          type: 'emergency.handover-accepted',
          data: { ...ticket.handover.to, from: { staffId: ticket.owner.staffId, name: ticket.owner.name } },
        };
      }
      if (!ticket.owner.acceptedAt) {
        if (ticket.owner.staffId !== actor.staffId) {
          throw new Forbidden(`EM-4: this emergency waits for ${ticket.owner.name} (on duty) to accept it`);
        }
        return {
          type: 'emergency.handover-accepted',
          data: { staffId: ticket.owner.staffId, name: ticket.owner.name },
        };
      }
      throw new IllegalTransition('no handover is waiting to be accepted');
    }
    case 'instructions': {
      const to = directoryPerson(staff, String(command.to), 'to');
      const dueAt = Date.parse(String(command.dueAt));
      if (Number.isNaN(dueAt))
        throw new RuleViolation('EMERGENCY.INVALID_TIME', 'dueAt is not a time', 'dueAt');
      if (dueAt <= now.getTime()) {
        throw new RuleViolation(
          'EMERGENCY.DUE_IN_PAST',
          'EM-5: an instruction is due in the future',
          'dueAt',
        );
      }
      const number = ticket.instructions.length + 1;
      return {
        type: 'emergency.instruction-issued',
        data: {
          number,
          from: String(command.from),
          to: person(to),
          text: String(command.text),
          dueAt: new Date(dueAt).toISOString(),
          timer: instructionTimer(number),
        },
      };
    }
    case 'instruction-done': {
      const item = ticket.instructions.find((i) => i.number === command.number);
      if (!item) {
        throw new NotFound(
          'EMERGENCY.INSTRUCTION_NOT_FOUND',
          `no instruction #${String(command.number)}`,
          'number',
        );
      }
      if (item.state === 'done')
        throw new IllegalTransition(`instruction #${item.number} was done at ${item.doneAt}`);
      if (item.to.staffId !== actor.staffId && !actsForTheDesk(actor)) {
        throw new Forbidden(
          `instruction #${item.number} is ${item.to.name}'s; only they or the desk may report it done`,
        );
      }
      return {
        type: 'emergency.instruction-done',
        data: { number: item.number, result: String(command.result) },
      };
    }
    case 'sign-off': {
      // EM-6: the 管理处负责人 in person, as the park's directory names them.
      const signer = staff.find((s) => s.id === actor.staffId);
      if (!signer?.roles.some((r) => ticket.procedure.signOff.includes(r))) {
        throw new Forbidden(
          `EM-6: only the ${ticket.procedure.signOff.join(' or ')} may sign an emergency off`,
        );
      }
      return {
        type: 'emergency.signed-off',
        data: {
          ...person(signer),
          comment: String(command.comment),
          openInstructions: openInstructions(ticket),
        },
      };
    }
    case 'close':
      return { type: 'emergency.closed', data: { openInstructions: openInstructions(ticket) } };
  }
}

const openInstructions = (ticket: EmergencyTicket) =>
  ticket.instructions.filter((i) => i.state !== 'done').map((i) => i.number);

/** A due timer: the chain's next level (EM-2) or an instruction's follow-up (EM-5); else nothing. */
export function emergencyTimerDue(
  ticket: EmergencyTicket,
  timer: string,
  ctx: RuleContext,
): Draft | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending' || ctx.now.getTime() < Date.parse(state.dueAt)) return undefined;
  if (timer.startsWith('escalate-')) {
    const decision = decideChain(ticket, { kind: 'timer', timer }, ctx.staff, ctx.now);
    if (decision.action !== 'move') return undefined;
    return {
      type: decision.move.to === 'exhausted' ? 'emergency.unanswered' : 'emergency.escalated',
      data: { from: decision.from, reason: 'no-answer', move: decision.move },
    };
  }
  const item = ticket.instructions.find((i) => i.timer === timer);
  if (item?.state !== 'open') return undefined;
  return { type: 'emergency.instruction-overdue', data: { number: item.number, dueAt: item.dueAt } };
}

/** The key of one SMS record: the event that caused it and its place among that event's SMS. */
export const smsKey = (eventSeq: number, index: number) => `${eventSeq}#${index}`;

/**
 * Point 7: an SMS that can never be delivered becomes an event, and when nobody at the current level
 * can be reached any more, that same event moves the chain on at once. Undefined when it was
 * recorded before (a replayed stream record).
 */
export function decideUndeliverable(
  ticket: EmergencyTicket,
  sms: { staffId: string; purpose: string; eventSeq: number; index: number; error: string },
  staff: readonly StaffMember[],
  now: Date,
): Draft | undefined {
  if (ticket.undeliverable.includes(smsKey(sms.eventSeq, sms.index))) return undefined;
  const decision = decideChain(
    ticket,
    { kind: 'undeliverable', staffId: sms.staffId, purpose: sms.purpose },
    staff,
    now,
  );
  return {
    type: 'sms.undeliverable',
    data: {
      staffId: sms.staffId,
      purpose: sms.purpose,
      smsEventSeq: sms.eventSeq,
      index: sms.index,
      error: sms.error,
      ...(decision.action === 'move' ? { move: decision.move } : {}),
    },
  };
}

// ------------------------------------------------------------------ apply (events → ticket)

function moveChain(
  ticket: EmergencyTicket,
  move: ChainMove,
  at: string,
  oldTimer: 'missed' | 'cancelled',
): EmergencyTicket {
  const current = ticket.chain.step?.timer;
  let timers = current ? settleTimers(ticket.timers, [current], oldTimer, at) : ticket.timers;
  if (move.to === 'exhausted') {
    return { ...ticket, status: 'unanswered', timers, chain: { ...ticket.chain, state: 'exhausted' } };
  }
  const step = move.to;
  timers = { ...timers, [step.timer]: { dueAt: step.dueAt, state: 'pending' } };
  const notified = [...ticket.chain.notified];
  for (const r of step.recipients) if (!notified.includes(r.staffId)) notified.push(r.staffId);
  return { ...ticket, timers, chain: { ...ticket.chain, step, notified } };
}

export function applyEmergencyEvent(
  ticket: EmergencyTicket | undefined,
  event: EmergencyEvent,
  opening?: { id: string; parkId: string },
): EmergencyTicket {
  if (event.type === 'emergency.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const d = event.data;
    const base: EmergencyTicket = {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'emergency',
      ...(d.number ? { number: d.number } : {}),
      status: 'escalating',
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      ...(d.caller ? { caller: d.caller } : {}),
      ...(d.source ? { source: d.source } : {}),
      timers: {},
      category: d.category,
      location: d.location,
      description: d.description,
      owner: d.owner,
      chain: { levels: d.levels, rounds: d.rounds, state: 'running', notified: [] },
      responders: d.responders.map((r) => ({ ...r, reports: 0 })),
      instructions: [],
      procedure: d.procedure,
      undeliverable: [],
    };
    return moveChain(base, d.move, event.at, 'cancelled');
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const t: EmergencyTicket = { ...ticket, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'emergency.escalated':
    case 'emergency.unanswered':
      return moveChain(t, event.data.move, event.at, 'missed');
    case 'sms.undeliverable': {
      const d = event.data;
      const step = t.chain.step;
      const marked =
        step && d.purpose === ackPurpose(step)
          ? {
              ...t.chain,
              step: {
                ...step,
                recipients: step.recipients.map((r) =>
                  r.staffId === d.staffId ? { ...r, unreachable: true } : r,
                ),
              },
            }
          : t.chain;
      const next = {
        ...t,
        chain: marked,
        undeliverable: [...t.undeliverable, smsKey(d.smsEventSeq, d.index)],
      };
      return d.move ? moveChain(next, d.move, event.at, 'cancelled') : next;
    }
    case 'emergency.acknowledged': {
      const { via, round, level, staffId, name, note, recordedBy } = event.data;
      const current = t.chain.step?.timer;
      return {
        ...t,
        status: 'acknowledged',
        timers: current ? settleTimers(t.timers, [current], 'met', event.at) : t.timers,
        chain: {
          ...t.chain,
          state: 'acknowledged',
          acknowledgement: {
            staffId,
            name,
            round,
            level,
            via,
            at: event.at,
            ...(note ? { note } : {}),
            ...(recordedBy ? { recordedBy } : {}),
          },
        },
      };
    }
    case 'emergency.on-scene':
      return {
        ...t,
        responders: t.responders.map((r) =>
          r.staffId === event.data.staffId ? { ...r, onSceneAt: event.at } : r,
        ),
      };
    case 'emergency.reported':
      return {
        ...t,
        responders: t.responders.map((r) =>
          r.staffId === event.data.staffId
            ? { ...r, reports: r.reports + 1, lastReport: { at: event.at, text: event.data.text } }
            : r,
        ),
      };
    case 'emergency.handover-offered':
      return { ...t, handover: { to: event.data.to, offeredAt: event.at, offeredBy: event.actor.staffId } };
    case 'emergency.handover-accepted': {
      const { handover: _done, ...rest } = t;
      const how = event.data.from ? 'handover' : t.owner.how;
      return {
        ...rest,
        owner: { staffId: event.data.staffId, name: event.data.name, acceptedAt: event.at, how },
      };
    }
    case 'emergency.instruction-issued': {
      const d = event.data;
      return {
        ...t,
        instructions: [
          ...t.instructions,
          { ...d, state: 'open', issuedAt: event.at, issuedBy: event.actor.staffId },
        ],
        timers: { ...t.timers, [d.timer]: { dueAt: d.dueAt, state: 'pending' } },
      };
    }
    case 'emergency.instruction-done': {
      const item = t.instructions.find((i) => i.number === event.data.number);
      return {
        ...t,
        instructions: t.instructions.map((i) =>
          i.number === event.data.number
            ? { ...i, state: 'done', doneAt: event.at, result: event.data.result }
            : i,
        ),
        timers: item ? settleTimers(t.timers, [item.timer], 'met', event.at) : t.timers,
      };
    }
    case 'emergency.instruction-overdue': {
      const item = t.instructions.find((i) => i.number === event.data.number);
      return {
        ...t,
        instructions: t.instructions.map((i) =>
          i.number === event.data.number ? { ...i, state: 'overdue' } : i,
        ),
        timers: item ? settleTimers(t.timers, [item.timer], 'missed', event.at) : t.timers,
      };
    }
    case 'emergency.signed-off': {
      const { staffId, name, comment } = event.data;
      return { ...t, status: 'signed-off', signOff: { staffId, name, comment, at: event.at } };
    }
    case 'emergency.closed':
      return { ...t, status: 'closed', timers: settleTimers(t.timers, 'all', 'cancelled', event.at) };
  }
}

// ------------------------------------------------------------------ links (who may act through an SMS link)

/** Why a genuine, unexpired link still cannot act now; undefined when it can. */
export function linkRefusal(
  ticket: EmergencyTicket,
  staffId: string,
  purpose: AckLinkPurpose,
): { reason: 'closed' | 'not-yours' | 'acknowledged'; by?: Acknowledgement } | undefined {
  if (ticket.status === 'closed') return { reason: 'closed' };
  if (purpose === 'acknowledge') {
    if (!ticket.chain.notified.includes(staffId)) return { reason: 'not-yours' };
    if (ticket.chain.acknowledgement) return { reason: 'acknowledged', by: ticket.chain.acknowledgement };
    return undefined;
  }
  if (!ticket.responders.some((r) => r.staffId === staffId)) return { reason: 'not-yours' };
  return undefined;
}

/** The groups of a directory person, for an actor who acts through a link (no token, no claims). */
export function linkActor(member: StaffMember | undefined, staffId: string, name: string): Actor {
  const groups = member ? [...new Set(member.roles.map((r) => GROUP_OF_ROLE[r]))] : [];
  return { staffId, name, groups };
}

// ------------------------------------------------------------------ the kind, for the table of kinds

export const emergencyRules: TicketKindRules<EmergencyTicket, EmergencyEvent, EmergencyIntake> = {
  register: 'E',
  statuses: EMERGENCY_STATUSES,
  commands: EMERGENCY_COMMANDS,
  // Every emergency is entered in the dispatch record (EM-4: 记录并立项).
  needsNumber: () => true,
  needsDirectory: true,
  open: (input, ctx) => {
    const { ticket, event } = openEmergency(input, ctx);
    return {
      ticket,
      event,
      reply: {
        script: { caller: CALLER_SENTENCE },
        owner: ticket.owner,
        notified: {
          chain: ticket.chain.step?.recipients ?? [],
          responders: ticket.responders.map((r) => ({ staffId: r.staffId, name: r.name, role: r.role })),
        },
      },
    };
  },
  allowedCommands: nextEmergencyCommands,
  decide: decideEmergency,
  apply: applyEmergencyEvent,
  timerDue: emergencyTimerDue,
  // A call, not a reference: the notifications module imports this one.
  notifications: (event, ticket, staff, park) => emergencyNotifications(event, ticket, staff, park),
  assigneeOnly: [],
};
