/**
 * What the use cases need from the world. `shared/adapters/aws` and `shared/adapters/local`
 * implement these; nothing in `shared/app` or `shared/domain` knows which one it runs with.
 */
import type { AckLinkPurpose } from '../domain/ack-link';
import type { Park, StaffMember, Unit } from '../domain/park';
import type { RegisterDay } from '../domain/register-number';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import type { TicketFilter } from '../domain/ticket-filter';
import type { KeyRegister } from './keys';
import type { AckLinkRecords } from './ack-links';
import type { IntakeAnswer } from './intake';
import type { UnsettledQueries } from './reconcile';
import type { OpenClaim, OpenClaims } from './open-claims';
import type { MonthlyRecords } from './monthly';
import type { ManagersRecords } from './work-log';

/** The desk's clock: the system clock in AWS, an adjustable one locally. */
export interface Clock {
  now(): Date;
}

/** Identifiers for new records. */
export interface Ids {
  next(): string;
}

/** A one-time timer on a ticket: fires `timer` for `ticketId` at `dueAt`. */
export interface TimerRequest {
  ticketId: string;
  parkId: string;
  /** Timer name from the domain, e.g. `ack-30m`. */
  timer: string;
  dueAt: Date;
  /** The park's IANA time zone; the schedule's wall-clock time is expressed in it. */
  timeZone: string;
}

/** What a timer delivers to the timer function when it fires. */
export interface TimerPayload {
  ticketId: string;
  parkId: string;
  timer: string;
  dueAt: string;
}

/** Per-ticket timers: EventBridge Scheduler in AWS, rows fired by the local runner locally. */
export interface Timers {
  /** Creates the timer; creating one that already exists succeeds and changes nothing. */
  schedule(request: TimerRequest): Promise<void>;
  /** Deletes the timer; deleting one that does not exist (fired, or never made) succeeds. */
  cancel(ticketId: string, timer: string): Promise<void>;
}

export interface SmsMessage {
  /** E.164 number, e.g. +8613800000001. */
  to: string;
  /** Full text, sender signature included. */
  text: string;
  ticketId?: string;
}

/** Text messages: SNS in AWS, an outbox locally. */
export interface Sms {
  send(message: SmsMessage): Promise<{ messageId: string }>;
}

/** A record of one SMS derived from a ticket event: the send's claim and its outcome. */
export interface SmsRecord {
  ticketId: string;
  eventSeq: number;
  index: number;
  staffId: string;
  to: string;
  text: string;
  purpose: string;
  /** `held`: over an SMS budget (ADR 011), recorded and not sent; `error` says which. */
  state: 'sending' | 'sent' | 'failed' | 'held';
  at: string;
  messageId?: string;
  error?: string;
  /** The personal link the SMS ends in: what a re-send signs again. */
  link?: { purpose: AckLinkPurpose; expiresAt: string };
  /** How many times it was sent, when more than once (the reconciler re-sent a stuck claim). */
  attempts?: number;
  /** When the reconciler last re-sent it. */
  resentAt?: string;
  /**
   * `key-set`: the SMS of a key set's event (KY-1), kept with the set; `ticketId` is then the set's id.
   * `monthly-report`: CH-10's reminder, kept on the month (`ticketId` is `<park>#<month>`).
   * `weekly-review`: DS-7's Monday SMS, kept with the week's review; `ticketId` is then `<park>#<week>`.
   */
  subject?: 'key-set' | 'monthly-report' | 'weekly-review';
  /** The park, for DS-9's work log (eventsByParkDay); absent on records written before it. */
  parkId?: string;
}

export interface TicketHistory {
  ticket: Ticket;
  events: TicketEventOf[];
  sms: SmsRecord[];
}

export interface TicketPage {
  tickets: Ticket[];
  cursor?: string;
}

/**
 * The counters and lookups behind a park's limits (ADR 011), on the same table: one write or one
 * Query each.
 */
export interface LimitCounters {
  /** Adds one to the counter `name` and answers its new value (one UpdateItem). */
  countUp(name: string, purgeAfter: Date): Promise<number>;
  /** Adds one to `name` when it is under `limit` and answers true; else writes nothing and answers false. */
  takeUnder(name: string, limit: number, purgeAfter: Date): Promise<boolean>;
  /** The id of the caller's newest open ticket by `duplicateKey` created at or after `createdSince` (one Query). */
  openTicketOfCaller(parkId: string, duplicateKey: string, createdSince: string): Promise<string | undefined>;
}

/** CH-1 (ADR 016): an earlier complaint of a unit about a department, as its repeats are counted. */
export interface EarlierComplaint {
  id: string;
  createdAt: string;
  number?: string;
  valid?: boolean;
  repeats?: number;
}

/** CH-1 repeats (ADR 016): one Query on the complaints by unit and department. */
export interface ComplaintSubjects {
  /** The park's complaints from `unit` about `department` created at or after `since`, newest first. */
  earlierComplaints(query: {
    parkId: string;
    unit: string;
    department: string;
    since: string;
    limit: number;
  }): Promise<EarlierComplaint[]>;
}

/** Tickets and their append-only events, short link records, the key register and the limits' counters (one DynamoDB table). */
export interface TicketStore
  extends UnsettledQueries,
    AckLinkRecords,
    KeyRegister,
    LimitCounters,
    ComplaintSubjects,
    OpenClaims,
    MonthlyRecords,
    ManagersRecords {
  get(ticketId: string): Promise<Ticket | undefined>;
  /** Resolves when the store answers now; rejects when it cannot be reached (GET /health). */
  ping(): Promise<void>;
  history(ticketId: string): Promise<TicketHistory | undefined>;
  /** The ticket's events 1..`seq`, in order (one Query on its partition's key range). */
  eventsUpTo(ticketId: string, seq: number): Promise<TicketEventOf[]>;
  /**
   * Hands out the register's next number for a park-local day (3 for R20261127-003) to `claim`, or
   * returns the one `claim` already holds: copies of one request (same ticket id or same
   * Idempotency-Key) hold one number (ADR 010).
   */
  reserveNumber(register: Omit<RegisterDay, 'value'>, claim: string, at: Date): Promise<number>;
  /**
   * Writes a new ticket, its opening event, (when numbered) its register page and (when the request
   * carried an Idempotency-Key) the answer kept under it in one transaction. Throws IntakeConflict
   * when one of them is there already (nothing is written). With `claims`, holds each for the new
   * ticket in the same transaction: ClaimTaken (nothing written, a reserved number's page voided)
   * when another open ticket holds one (MI: one open move-in case per unit).
   */
  create(
    ticket: Ticket,
    event: TicketEventOf,
    numbering?: { register: string; day: string; value: number },
    answer?: IntakeAnswer,
    claims?: readonly OpenClaim[],
  ): Promise<void>;
  /** The answer kept under an Idempotency-Key, unless none is or it expired before `now`. */
  intakeAnswer(parkId: string, staffId: string, key: string, now: Date): Promise<IntakeAnswer | undefined>;
  /**
   * Writes the ticket's new state and its event in one transaction, conditioned on `expectedVersion`.
   * With `slip` (a folded service slip number), claims it for the ticket in the same transaction:
   * IllegalTransition `SERVICE_SLIP.TAKEN` when another ticket of the park has it (issue 11 item 22).
   * With `releases`, releases each claim the ticket holds in the same transaction (the event ends it).
   */
  append(
    ticket: Ticket,
    event: TicketEventOf,
    /** The ticket as read (its filter facets are diffed against it, ADR 020), or only its version. */
    expected: Ticket | number,
    slip?: string,
    releases?: readonly OpenClaim[],
  ): Promise<void>;
  /**
   * MI-6: the ticket's event (conditioned on `expectedVersion`) with the tickets it opens, each
   * with its opening event and the page of its reserved number, in ONE transaction.
   * ConcurrentChange when the ticket moved or a page was voided meanwhile.
   */
  appendWithOpened(
    ticket: Ticket,
    event: TicketEventOf,
    expected: Ticket | number,
    opened: readonly {
      ticket: Ticket;
      event: TicketEventOf;
      numbering: { register: string; day: string; value: number };
    }[],
  ): Promise<void>;
  /**
   * A park's tickets matching `filter` (ADR 020), newest first (oldest first with `overdue`): a
   * Query on the index of the most selective filter, the others checked on each ticket. Reads index
   * items until `limit` match or `budget` items were examined; `cursor` resumes after the last
   * examined, so a page may be short and still have a cursor.
   */
  list(
    query: TicketFilter & { parkId: string; limit: number; cursor?: string; budget?: number },
  ): Promise<TicketPage>;
  /** Claims the right to send one SMS; false when it was claimed or sent before (a replay). */
  claimSms(record: SmsRecord): Promise<boolean>;
  settleSms(record: SmsRecord): Promise<void>;
}

/** The park, its calendar and its people. */
export interface Directory {
  park(parkId: string): Promise<Park | undefined>;
  staff(parkId: string): Promise<StaffMember[]>;
  unit(parkId: string, unit: string): Promise<Unit | undefined>;
  /** Every unit id of the park (a Query on its partition): the nearest matches to a unit it lacks. */
  unitIds(parkId: string): Promise<string[]>;
  /** Every park's id, from the directory's list (a Query on its partition; never a Scan): CH-10. */
  parkIds(): Promise<string[]>;
}

/** What signs and checks the personal links in SMS (`/ack/{token}`). */
export interface AckLinkKeys {
  /** The HMAC key (at least 32 characters); never logged. */
  key(): Promise<string>;
  /** The desk's public base URL, where `/ack/{token}` is served. */
  baseUrl(): string;
}

export type { AckLinkRecords, StoredAckLink } from './ack-links';
export type { IntakeAnswer } from './intake';
export type { CallKey, CallStore, TicketClaim } from './ivr-calls';
export type {
  KeyRegister,
  KeySetChange,
  KeySetHistory,
  KeySetPage,
  KeySetQuery,
  RollCallClaim,
} from './keys';
export { RollCallTaken } from './keys';
export type { ClaimHolder, OpenClaim, OpenClaims } from './open-claims';
export type { UnsettledQueries } from './reconcile';
export type { ManagersRecords, ReviewEntry, WorkLogItem, WorkLogPage } from './work-log';
