/**
 * What an emergency is (紧急或重大事情, 篇4 3.2; EM-1..EM-6): its categories, statuses, commands and
 * lifecycle table, the ticket and its events, and the typed bodies its deciders take.
 *
 * `apply` depends on the events alone: who was told and every due time travel in the event data,
 * computed by `open`, `decide` and `timerDue` from the park's settings as they were then.
 */
import type { CalledAgainEvent } from '../called-again';
import type { EventDraft, TransitionTable } from '../kind';
import type { EmergencySettings, Role } from '../park';
import type { Caller, TicketBase, TicketEvent, TicketSource } from '../ticket';

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

/** Follow-up work that goes on in every status until the case is closed (EM-3..EM-5); the status stays. */
const whileOpen = <S extends EmergencyStatus>(status: S) =>
  ({
    'on-scene': status,
    report: status,
    'hand-over': status,
    'accept-handover': status,
    instructions: status,
    'instruction-done': status,
  }) as const;

/**
 * Which command may follow which status, and where it leads. Anything not listed is an illegal
 * step (409): above all `close` before `sign-off` (EM-6).
 */
export const EMERGENCY_TRANSITIONS: TransitionTable<EmergencyStatus, EmergencyCommand> = {
  escalating: { acknowledge: 'acknowledged', ...whileOpen('escalating') },
  unanswered: { acknowledge: 'acknowledged', ...whileOpen('unanswered') },
  acknowledged: { 'sign-off': 'signed-off', ...whileOpen('acknowledged') },
  'signed-off': { close: 'closed', ...whileOpen('signed-off') },
  closed: {},
};

/**
 * The command bodies the deciders take, as the edge parsed them. `acknowledge` is shared with
 * complaints, whose acknowledgements name a step: an emergency refuses one (a rule, not a shape).
 */
export type EmergencyCommandBody =
  | { type: 'acknowledge'; step?: string; note?: string; staffId?: string }
  | { type: 'on-scene'; staffId?: string }
  | { type: 'report'; text: string; staffId?: string }
  | { type: 'hand-over'; staffId: string }
  | { type: 'accept-handover' }
  | { type: 'instructions'; from: string; to: string; text: string; dueAt: string; fromStaffId?: string }
  | { type: 'instruction-done'; number: number; result: string }
  | { type: 'sign-off'; comment: string }
  | { type: 'close'; instructions?: InstructionNote[] };

/** EM-6 (issue 11 item 17): what became of an instruction still open when the case closes. */
export interface InstructionNote {
  number: number;
  note: string;
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
  via: Via;
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

/** `closed`: still open when the case closed, with a note on what became of it (EM-6). */
export type InstructionState = 'open' | 'overdue' | 'done' | 'closed';

/** EM-5: a leader's instruction, its own tracked item (件件立项). */
export interface Instruction {
  number: number;
  /** Who gave it: a leader's name, or an authority (区消防大队). */
  from: string;
  /** The leader of the directory who gave it, when the desk named them: told when it is done or closed. */
  fromStaffId?: string;
  to: Person;
  text: string;
  dueAt: string;
  issuedAt: string;
  issuedBy: string;
  timer: string;
  state: InstructionState;
  doneAt?: string;
  result?: string;
  /** EM-6: the note it was closed with, the case closing while it was still open. */
  closeNote?: string;
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

/** How a person's step reached the desk: their SMS link, the API, or the desk recording a phone call. */
export type Via = 'link' | 'api' | 'phone';

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
        /** EM-3 follow-through: when responders not on the scene are named to the owner. */
        sceneDueAt?: string;
      }
    >
  | TicketEvent<
      'emergency.escalated',
      { from: ChainPosition; reason: 'no-answer'; move: ChainMove; missed?: ChainRecipient[] }
    >
  | TicketEvent<
      'emergency.unanswered',
      { from: ChainPosition; reason: 'no-answer'; move: ChainMove; missed?: ChainRecipient[] }
    >
  | TicketEvent<
      'sms.undeliverable',
      {
        staffId: string;
        purpose: string;
        smsEventSeq: number;
        index: number;
        error: string;
        move?: ChainMove;
        missed?: ChainRecipient[];
      }
    >
  | TicketEvent<
      'emergency.acknowledged',
      Person & ChainPosition & { via: Via; note?: string; recordedBy?: string }
    >
  | TicketEvent<'emergency.on-scene', Person & { via: Via }>
  | TicketEvent<'emergency.not-on-scene', { dueAt: string; missing: Person[] }>
  | TicketEvent<'emergency.reported', Person & { text: string; via: Via }>
  | TicketEvent<'emergency.handover-offered', { from: Person; to: Person }>
  | TicketEvent<'emergency.handover-accepted', Person & { from?: Person }>
  | TicketEvent<'emergency.instruction-issued', Omit<Instruction, 'state' | 'issuedAt' | 'issuedBy'>>
  | TicketEvent<'emergency.instruction-done', { number: number; result: string }>
  | TicketEvent<'emergency.instruction-overdue', { number: number; dueAt: string }>
  | TicketEvent<'emergency.signed-off', Person & { comment: string; openInstructions: number[] }>
  | TicketEvent<'emergency.closed', { openInstructions: number[]; notes?: InstructionNote[] }>
  | CalledAgainEvent;

/** An event as a decider returns it. */
export type EmergencyDraft = EventDraft<EmergencyEvent>;
