/**
 * The call tree's vocabulary: the kinds a call can open, its steps, what the call has gathered
 * (its state, carried in the step URLs), what the provider posted, the lookups the tree may make
 * and what it answers.
 */
import type { EmergencyCategory } from '../../domain/emergency';
import type { IvrVoice } from '../twiml';

export const CALL_KINDS = ['repair', 'complaint', 'emergency'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/**
 * EM-1 (A)–(C) as a caller can name them: the domain's categories (EMERGENCY_CATEGORIES) but (D)
 * official business, which does not come in by phone. In keypad order.
 */
export const PHONE_EMERGENCY_CATEGORIES = [
  'fire',
  'accident',
  'public-safety',
] as const satisfies readonly EmergencyCategory[];
export type PhoneEmergencyCategory = (typeof PHONE_EMERGENCY_CATEGORIES)[number];

/** `fallback`: a put-through's dial ended (EM, issue 11 item 19): the next of the chain, or done. */
export const TWILIO_STEPS = ['voice', 'menu', 'unit', 'category', 'describe', 'more', 'fallback'] as const;
export type TwilioStep = (typeof TWILIO_STEPS)[number];

/** Keypad parts of an address typed by an unknown caller: building, entrance (单元), room. */
type UnitPart = 'b' | 'e' | 'r';

/** What the call has gathered so far. */
export interface CallState {
  kind?: CallKind;
  cat?: PhoneEmergencyCategory;
  /** The unit key, e.g. 3-2-1502. */
  unit?: string;
  part?: UnitPart;
  b?: string;
  e?: string;
  /** Which try of the current question this is (1-based). */
  n: number;
  /** An emergency put-through: the index of the number the dial ending now went to (0-based). */
  i?: number;
}

/** What Twilio posted, as far as the tree cares. */
export interface CallInput {
  from?: string;
  digits?: string;
  speech?: string;
  recordingUrl?: string;
  /** How a `<Dial>` ended (`completed`, `no-answer`, `busy`, `failed`, `canceled`). */
  dialStatus?: string;
}

export interface CallerUnit {
  unit: string;
  address: string;
  /** The resident's name when the calling number is one of the unit's residents. */
  name?: string;
}

/** The lookups the tree may make; the use case implements them on the directory. */
export interface CallFacts {
  /** Units listing this phone number among their residents. */
  unitsOfCaller(phone: string): Promise<CallerUnit[]>;
  /** A unit by key (3-2-1502), or undefined. */
  unit(key: string): Promise<CallerUnit | undefined>;
  /**
   * Whom to put a caller through to: the desk (dispatcher, or duty officer out of hours), the duty
   * officer, or the property office (物业部: keys and move-ins, in office hours; else nobody).
   */
  phoneOf(who: 'desk' | 'duty' | 'office'): Promise<string | undefined>;
  /** Whether tickets of this kind can be opened yet (its rules are registered). */
  canOpen(kind: CallKind): boolean;
  /**
   * EM (issue 11 item 19): whom an emergency caller is put through to, in order: the desk on
   * shift, then the emergency chain's people; each is tried for PUT_THROUGH_SECONDS. Absent: the
   * duty officer (`phoneOf('duty')`) alone.
   */
  emergencyPhones?(): Promise<string[]>;
}

/** How long an emergency put-through rings one person before the next is tried. */
export const PUT_THROUGH_SECONDS = 20;
/** The most people an emergency put-through tries in turn. */
export const MAX_PUT_THROUGH = 5;

/** A ticket the call asks for; the use case maps it onto `openTicket`. */
export interface OpenRequest {
  kind: CallKind;
  callerPhone: string;
  unit?: CallerUnit;
  category?: PhoneEmergencyCategory;
  /** What was said, for the ticket's description (cut to a length the desk accepts). */
  description: string;
  /** What was said, whole, as the provider transcribed it. */
  transcript: string;
  recordingUrl?: string;
}

/** What the use case knows once the ticket is open. */
export interface Opened {
  number?: string;
  /** The caller's open ticket of this kind, joined: this call opened nothing new (ADR 011). */
  duplicate?: true;
  /** The sentences the desk's rules chose for the caller (a repair's received sentence and RP-3's confirmation). */
  script?: { decision: string; confirmation: string };
}

export type TreeAnswer =
  | { type: 'twiml'; twiml: string }
  | { type: 'open'; request: OpenRequest; answer(opened: Opened): Promise<string> };

export interface TreeContext {
  /** Public base URL of the desk; step URLs are absolute. */
  baseUrl: string;
  voice: IvrVoice;
  facts: CallFacts;
}

/** Tries per question before the caller is put through to a person. */
export const MAX_TRIES = 3;
/** Tries for the spoken description (speech is slower to retry). */
export const MAX_SPEECH_TRIES = 2;
/** The longest description a ticket takes; the whole transcript is kept beside it. */
export const MAX_DESCRIPTION = 500;
export const MAX_TRANSCRIPT = 2000;

// ---------------------------------------------------------------- state in URLs

// What the call has gathered so far travels in the next step's URL: Twilio signs the URL, so it
// cannot be altered, and no state item is read or written per step.

export function stateQuery(state: CallState): string {
  const q = new URLSearchParams();
  for (const key of ['kind', 'cat', 'unit', 'part', 'b', 'e'] as const) {
    const value = state[key];
    if (value) q.set(key, value);
  }
  q.set('n', String(state.n));
  if (state.i !== undefined) q.set('i', String(state.i));
  return q.toString();
}

/** Reads the state back from a step URL's query; anything unexpected is dropped. */
export function parseState(query: Record<string, string | undefined>): CallState {
  const n = Number(query.n);
  const state: CallState = { n: Number.isInteger(n) && n >= 1 && n <= MAX_TRIES ? n : 1 };
  const kind = query.kind as CallKind | undefined;
  if (kind && CALL_KINDS.includes(kind)) state.kind = kind;
  const cat = query.cat as PhoneEmergencyCategory | undefined;
  if (cat && PHONE_EMERGENCY_CATEGORIES.includes(cat)) state.cat = cat;
  if (query.unit && /^[\w-]{1,30}$/.test(query.unit)) state.unit = query.unit;
  if (query.part === 'b' || query.part === 'e' || query.part === 'r') state.part = query.part;
  if (query.b && /^\d{1,4}$/.test(query.b)) state.b = query.b;
  if (query.e && /^\d{1,4}$/.test(query.e)) state.e = query.e;
  const i = Number(query.i);
  if (query.i !== undefined && Number.isInteger(i) && i >= 0 && i < MAX_PUT_THROUGH) state.i = i;
  return state;
}

export function stepUrl(baseUrl: string, step: TwilioStep, state: CallState): string {
  return `${baseUrl.replace(/\/+$/, '')}/ivr/twilio/${step}?${stateQuery(state)}`;
}
