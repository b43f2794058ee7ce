/** What every ticket kind shares: identity, park, status, version, timers and its event shape. */
import type { CalledAgain } from './called-again';
import type { SettledDeadline } from './deadlines';
import type { Group } from './park';

export const TICKET_KINDS = ['repair', 'complaint', 'emergency', 'key', 'move-in'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Who did something: a staff member acting through a token, or the desk itself (timers). */
export interface Actor {
  staffId: string;
  groups: Group[] | ['system'];
  name?: string;
  /** `link`: through their personal SMS link (ADR 012), so the timeline shows it; absent: the API. */
  via?: 'link';
}

export const SYSTEM_ACTOR: Actor = { staffId: 'system', groups: ['system'], name: '系统' };

export interface Caller {
  name: string;
  /** E.164. */
  phone: string;
  unit?: string;
  /** The dispatcher confirmed a unit the park's directory lacks (issue 11 item 21). */
  unitConfirmed?: boolean;
}

export type TimerStateName = 'pending' | 'met' | 'missed' | 'fired' | 'cancelled';

/** A deadline on the ticket and what became of it. */
export interface TimerState {
  dueAt: string;
  state: TimerStateName;
  /** When it stopped being pending. */
  settledAt?: string;
}

/** One entry of a ticket's append-only history (CH-11): never updated, never deleted. */
export interface TicketEvent<Type extends string = string, Data = Record<string, unknown>> {
  /** 1 for the opening event; equals the ticket's version after the event. */
  seq: number;
  type: Type;
  at: string;
  actor: Actor;
  data: Data;
}

/** Where a ticket came from: the desk (a person typing) or a phone system (IVR). */
export interface TicketSource {
  channel: 'desk' | 'ivr-twilio' | 'ivr-connect';
  /** The call's id at the provider (Twilio CallSid, Connect ContactId): one call, one ticket. */
  callId?: string;
  /** What the caller said, as the provider transcribed it. */
  transcript?: string;
  recordingUrl?: string;
}

export interface TicketBase {
  id: string;
  parkId: string;
  kind: TicketKind;
  /** Register number in page order (RP-5, CH-11), e.g. R20261127-003; absent when none is due. */
  number?: string;
  status: string;
  /** Bumped by every event; writes are conditioned on it. */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: Actor;
  caller?: Caller;
  timers: Record<string, TimerState>;
  /** Absent for tickets typed in at the desk. */
  source?: TicketSource;
  /** The member of staff the work is assigned to, for kinds that assign it. */
  assigneeId?: string;
  /** The caller called again while it was open (`caller.called-again`, ADR 011); absent until then. */
  calledAgain?: CalledAgain;
  /** Deadlines met or missed, in order, kept by the generic step after each apply (deadlines.ts, ADR 021). */
  deadlines?: SettledDeadline[];
  /** How many of the oldest were dropped past MAX_SETTLED_DEADLINES; absent when none. */
  deadlinesDropped?: number;
}

/** Marks every pending timer as settled with `state` (used when a ticket ends or a deadline is met). */
export function settleTimers(
  timers: Record<string, TimerState>,
  names: readonly string[] | 'all',
  state: TimerStateName,
  at: string,
): Record<string, TimerState> {
  const next: Record<string, TimerState> = {};
  for (const [name, timer] of Object.entries(timers)) {
    const hit = names === 'all' || names.includes(name);
    next[name] = hit && timer.state === 'pending' ? { ...timer, state, settledAt: at } : timer;
  }
  return next;
}

/** The timers that are still waiting to fire. */
export function pendingTimers(timers: Record<string, TimerState>): Map<string, string> {
  const pending = new Map<string, string>();
  for (const [name, timer] of Object.entries(timers)) {
    if (timer.state === 'pending') pending.set(name, timer.dueAt);
  }
  return pending;
}
