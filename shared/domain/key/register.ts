/**
 * The key register (KY-1, MI-7): the key sets security keeps, where each is, and every change of
 * custody as an append-only event. A key set is its own record, not a ticket; a key request (a
 * ticket of kind `key`) moves a set out and back, a move-in hands a unit's keys to the owner for good.
 */
import { IllegalTransition, RuleViolation } from '../errors';
import type { EventDraft } from '../kind';
import type { Actor, TicketEvent } from '../ticket';

/**
 * Where a key set is: in security's cabinet (`in`), out with someone on a slip (`out`), reported
 * lost (`lost`), or handed to the unit's owner for good at move-in (`released`, MI-5).
 */
export const KEY_SET_STATES = ['in', 'out', 'lost', 'released'] as const;
export type KeySetState = (typeof KEY_SET_STATES)[number];

export const KEY_SET_STATE_LABELS: Record<KeySetState, string> = {
  in: '在柜',
  out: '借出',
  lost: '遗失',
  released: '已交业主',
};

/** MI-7: the owner's signed key-retention agreement and slip (《钥匙留存协议》《钥匙留存单》). */
export interface KeyRetention {
  agreementNo: string;
  ownerName: string;
  signedAt: string;
}

/** What registers a key set: a unit's or an area's keys, counted and tagged. */
export interface KeySetInput {
  unit?: string;
  area?: string;
  label: string;
  count: number;
  /** The tag on the ring (K-0153): how a guard finds the set in the cabinet. */
  tag: string;
  retention?: KeyRetention;
}

/** Who has a key set that is out, since when, on which slip, and until when. */
export interface KeyHolder {
  name: string;
  /** The key request's requester type (owner, tenant, agent, other, staff). */
  requesterType: string;
  ticketId: string;
  ticketNumber: string;
  slipNumber: string;
  guardId: string;
  guardName: string;
  escortId?: string;
  escortName?: string;
  since: string;
  dueAt: string;
}

export interface KeySet extends KeySetInput {
  id: string;
  parkId: string;
  state: KeySetState;
  /** Present while the set is out. */
  holder?: KeyHolder;
  /** Bumped by every event; writes are conditioned on it. */
  version: number;
  registeredAt: string;
  registeredBy: Actor;
  updatedAt: string;
  /** Present once reported lost. */
  lost?: { at: string; by: Actor; note?: string };
  /** Present once handed to the owner at move-in. */
  released?: { at: string; to: string; ticketId: string };
}

export type KeySetEvent =
  | TicketEvent<'key.registered', KeySetInput>
  | TicketEvent<'key.handed-out', KeyHolder>
  | TicketEvent<
      'key.returned',
      { ticketId: string; ticketNumber: string; receivedBy: string; receivedByName: string; late: boolean }
    >
  | TicketEvent<'key.reported-lost', { note?: string; wasWith?: KeyHolder }>
  | TicketEvent<
      'key.released',
      { ticketId: string; ticketNumber?: string; ownerName: string; guardId: string; slipNumber?: string }
    >;

export type KeySetDraft = EventDraft<KeySetEvent>;

/** A guard needs no more to write a unit or area: letters, digits, CJK, dashes, spaces; never `#` (a key separator). */
const PLACE = /^[^#\s][^#]*$/;

/** KY-1: a key set belongs to exactly one unit or one area; a retained key (MI-7) is always a unit's. */
export function checkKeySetInput(input: KeySetInput, now: Date): void {
  if ((input.unit === undefined) === (input.area === undefined)) {
    throw new RuleViolation(
      'KEY.PLACE_REQUIRED',
      'KY-1: a key set opens exactly one place: give "unit" (3-2-1502) or "area" (水泵房), not both',
      input.unit === undefined ? 'unit' : 'area',
    );
  }
  const place = input.unit ?? input.area ?? '';
  if (!PLACE.test(place)) {
    throw new RuleViolation(
      'KEY.PLACE_INVALID',
      'a unit or area may not contain "#"',
      input.unit ? 'unit' : 'area',
    );
  }
  if (input.retention) {
    if (input.unit === undefined) {
      throw new RuleViolation(
        'KEY.RETENTION_NEEDS_UNIT',
        'MI-7: a key left with security under a retention agreement is an owner’s unit key: give "unit"',
        'retention',
      );
    }
    if (Date.parse(input.retention.signedAt) > now.getTime()) {
      throw new RuleViolation(
        'KEY.RETENTION_NOT_SIGNED_YET',
        'MI-7: the retention agreement must be signed before the key is registered',
        'retention.signedAt',
      );
    }
  }
}

/** KY-1: a new key set, in security's custody from its first event on. */
export function registerKeySet(
  input: KeySetInput,
  opening: { id: string; parkId: string },
  at: Date,
  by: Actor,
): { keySet: KeySet; event: KeySetEvent } {
  checkKeySetInput(input, at);
  const event: KeySetEvent = { seq: 1, type: 'key.registered', at: at.toISOString(), actor: by, data: input };
  return { keySet: applyKeySetEvent(undefined, event, opening), event };
}

/** The 409 naming where the set is when it is not where a step needs it. */
function notThere(keySet: KeySet, step: string, needs: readonly string[]): IllegalTransition {
  const where =
    keySet.state === 'out' && keySet.holder
      ? `out with ${keySet.holder.name} on slip ${keySet.holder.slipNumber} since ${keySet.holder.since}`
      : KEY_SET_STATE_LABELS[keySet.state];
  return new IllegalTransition(
    `KY-1: key set ${keySet.tag} is ${keySet.state} (${where}); ${step} needs it ${needs.join(' or ')}`,
    'KEY.NOT_IN_CUSTODY',
  );
}

/** KY-4: the set leaves the cabinet with the requester; only a set in the cabinet can. */
export function handOutKeySet(keySet: KeySet, holder: KeyHolder): KeySetDraft {
  if (keySet.state !== 'in') throw notThere(keySet, 'a hand-out', ['in']);
  return { type: 'key.handed-out', data: holder };
}

/** KY-4: the set is back in the cabinet; only from the request it went out on. */
export function returnKeySet(
  keySet: KeySet,
  ret: { ticketId: string; receivedBy: string; receivedByName: string },
  at: Date,
): KeySetDraft {
  if (keySet.state !== 'out' || keySet.holder?.ticketId !== ret.ticketId) {
    throw notThere(keySet, `a return on request ${ret.ticketId}`, ['out on that request']);
  }
  const late = at.getTime() > Date.parse(keySet.holder.dueAt);
  return {
    type: 'key.returned',
    data: { ...ret, ticketNumber: keySet.holder.ticketNumber, late },
  };
}

/** KY-1: a lost key is an event, never a deletion; it may be lost in the cabinet or while out. */
export function reportKeySetLost(keySet: KeySet, note: string | undefined): KeySetDraft {
  if (keySet.state !== 'in' && keySet.state !== 'out') throw notThere(keySet, 'a loss report', ['in', 'out']);
  return {
    type: 'key.reported-lost',
    data: { ...(note ? { note } : {}), ...(keySet.holder ? { wasWith: keySet.holder } : {}) },
  };
}

/**
 * MI-5: a unit's keys handed to its owner for good (slip, guard, the owner signed). For the move-in
 * procedure; a retained key (MI-7) is never released this way, it leaves through a key request.
 */
export function releaseKeySetToOwner(
  keySet: KeySet,
  release: {
    ticketId: string;
    ticketNumber?: string;
    ownerName: string;
    guardId: string;
    slipNumber?: string;
  },
): KeySetDraft {
  if (keySet.state !== 'in') throw notThere(keySet, 'a hand-over to the owner', ['in']);
  if (keySet.retention) {
    throw new RuleViolation(
      'KEY.RETAINED_NEEDS_REQUEST',
      'MI-7: a key the owner left with security leaves only through a key request verified with the owner',
      'keyId',
    );
  }
  return { type: 'key.released', data: release };
}

/** Folds one event into the set; depends on the events alone, so a replay gives the same state. */
export function applyKeySetEvent(
  keySet: KeySet | undefined,
  event: KeySetEvent,
  opening?: { id: string; parkId: string },
): KeySet {
  if (event.type === 'key.registered') {
    if (!opening) throw new Error('a key set’s first event needs its id and park');
    return {
      id: opening.id,
      parkId: opening.parkId,
      ...event.data,
      state: 'in',
      version: 1,
      registeredAt: event.at,
      registeredBy: event.actor,
      updatedAt: event.at,
    };
  }
  if (!keySet) throw new Error(`key event ${event.type} needs a registered key set`);
  const { holder: _holder, ...base } = { ...keySet, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'key.handed-out':
      return { ...base, state: 'out', holder: event.data };
    case 'key.returned':
      return { ...base, state: 'in' };
    case 'key.reported-lost':
      return {
        ...base,
        state: 'lost',
        lost: { at: event.at, by: event.actor, ...(event.data.note ? { note: event.data.note } : {}) },
      };
    case 'key.released':
      return {
        ...base,
        state: 'released',
        released: { at: event.at, to: event.data.ownerName, ticketId: event.data.ticketId },
      };
  }
}

/** How the set is named in SMS and on the slip: tag, place, label and count (K-0153 3-2-1502入户门钥匙×2). */
export function keySetName(keySet: Pick<KeySetInput, 'tag' | 'unit' | 'area' | 'label' | 'count'>): string {
  return `${keySet.tag} ${keySet.unit ?? keySet.area ?? ''}${keySet.label}×${keySet.count}`;
}
