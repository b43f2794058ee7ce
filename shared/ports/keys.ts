/**
 * The key register on the store (KY-1): key sets with their custody events, read by index, and
 * written alone or in ONE transaction with the ticket event that moves them (KY-4's hand-out and
 * return, a move-in's hand-over to the owner, MI-5/MI-7).
 */
import type { KeySet, KeySetEvent, KeySetState } from '../domain/key';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import type { SmsRecord } from './index';

/** One key set's new state and the event that made it, conditioned on the version read. */
export interface KeySetChange {
  keySet: KeySet;
  event: KeySetEvent;
  /** The version the change was decided on; 0 for a set this write registers (its tag is claimed too). */
  expectedVersion: number;
}

export interface KeySetQuery {
  parkId: string;
  unit?: string;
  area?: string;
  /** One custody state; absent: every state, those out first. */
  state?: KeySetState;
  limit: number;
  cursor?: string;
}

export interface KeySetPage {
  keySets: KeySet[];
  cursor?: string;
}

export interface KeySetHistory {
  keySet: KeySet;
  events: KeySetEvent[];
  sms: SmsRecord[];
}

/** The closing-time list a closing check claims: one per park and closing time (keys.keyRollCall). */
export interface RollCallClaim {
  parkId: string;
  closingAt: string;
  ticketId: string;
  ticketNumber: string;
}

/** Another request's closing check sent this closing time's list first. */
export class RollCallTaken extends Error {
  constructor(readonly by: string) {
    super(`the keys-out list of this closing was sent with request ${by}`);
    this.name = 'RollCallTaken';
  }
}

export interface KeyRegister {
  keySet(keySetId: string): Promise<KeySet | undefined>;
  /** A key set with every custody event and SMS, in one Query on its partition. */
  keySetHistory(keySetId: string): Promise<KeySetHistory | undefined>;
  /** A park's key sets by custody state and place: Queries on the register's index, never a Scan. */
  listKeySets(query: KeySetQuery): Promise<KeySetPage>;
  /**
   * Writes key-set changes alone, in one transaction: a registration (its tag claimed: a taken tag
   * is a 409 `KEY.TAG_TAKEN`) or a change no ticket takes part in (a loss reported in the cabinet).
   */
  writeKeySets(changes: readonly KeySetChange[]): Promise<void>;
  /**
   * Writes a ticket's event (conditioned on `expectedVersion`) and the key-set changes it implies
   * in ONE transaction; with `rollCall`, also claims that closing time's keys-out list and throws
   * RollCallTaken when another request claimed it first (nothing written).
   */
  appendWithKeySets(
    ticket: Ticket,
    event: TicketEventOf,
    /** The ticket as read (its filter facets are diffed against it, ADR 020), or only its version. */
    expected: Ticket | number,
    changes: readonly KeySetChange[],
    rollCall?: RollCallClaim,
  ): Promise<void>;
}
