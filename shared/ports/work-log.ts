/**
 * DS-9's work log (《工作日志》) and DS-7/DS-8's weekly review (ADR 022): what the managers' records
 * read and append on the ticket store. Every read is a Query on one partition or index, never a Scan.
 */
import type { Actor } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';

/** One entry of a park's day: a ticket event or an SMS record, as stored. */
export interface WorkLogItem {
  entry: 'event' | 'sms';
  ticketId: string;
  at: string;
  /** The ticket's number and kind, as its event item carries them. */
  number?: string;
  kind?: string;
  event?: { seq: number; type: string; actor: Actor; data: Record<string, unknown> };
  sms?: { staffId: string; to: string; purpose: string; state: string; subject?: string };
}

export interface WorkLogPage {
  items: WorkLogItem[];
  cursor?: string;
}

/** One append-only entry of a week's review (CH-11: a correction is a new entry). */
export interface ReviewEntry {
  id: string;
  parkId: string;
  week: string;
  /** `item`: the dispatcher's note on a case (DS-7); `decision`: the office head's (DS-7); `check`: DS-8. */
  type: 'item' | 'decision' | 'check';
  ticketId?: string;
  ticketNumber?: string;
  text: string;
  at: string;
  by: Actor;
}

export interface ManagersRecords {
  /** A page of the park's park-local day `day` (`yyyy-mm-dd`), oldest first (eventsByParkDay). */
  workLog(query: { parkId: string; day: string; limit: number; cursor?: string }): Promise<WorkLogPage>;
  /** Number and kind of each ticket (a GetItem each: for the few entries whose item lacks them). */
  ticketLabels(ticketIds: readonly string[]): Promise<Map<string, { number?: string; kind: string }>>;
  /** The park's tickets of `kind` created in [from, to) (ISO instants), oldest first (ticketsByParkKind). */
  ticketsCreatedBetween(query: {
    parkId: string;
    kind: string;
    from: string;
    to: string;
    limit: number;
  }): Promise<Ticket[]>;
  /** Writes one review entry; never overwrites (one conditional Put). */
  addReviewEntry(entry: ReviewEntry): Promise<void>;
  /** The week's entries, oldest first (one Query on its partition). */
  reviewEntries(parkId: string, week: string): Promise<ReviewEntry[]>;
  /** Who already has the week's review SMS (not failed): DS-7's Monday text goes once per person. */
  reviewSmsRecipients(parkId: string, week: string): Promise<string[]>;
}
