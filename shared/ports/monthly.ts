/** The monthly summary's reads and its append-only entries (DS-8, CH-10, CH-11; ADR 021). */
import type { Ticket } from '../domain/tickets';

/** Tickets a report read, and what reading them cost (ReturnConsumedCapacity: read capacity units). */
export interface MonthlyRead {
  tickets: Ticket[];
  capacityUnits: number;
}

export const MONTHLY_ENTRY_KINDS = ['report', 'sign', 'corrective'] as const;
/**
 * `report`: the dispatcher's short report (DS-8); `sign`: the office manager's comment and
 * signature; `corrective`: a complaint marked for a 《纠正与预防措施》 report.
 */
export type MonthlyEntryKind = (typeof MONTHLY_ENTRY_KINDS)[number];

/** One append-only entry on a park's month (CH-11: a correction is a new entry). */
export interface MonthlyEntry {
  /** Stable for the same person, kind and content: a retried request finds its entry. */
  id: string;
  parkId: string;
  /** `2026-11`. */
  month: string;
  kind: MonthlyEntryKind;
  text: string;
  /** `corrective`: the complaint marked. */
  ticketId?: string;
  ticketNumber?: string;
  by: { staffId: string; name?: string; roles?: string[] };
  at: string;
}

export interface MonthlyRecords {
  /**
   * The park's tickets opened in [from, to) (a Query on `ticketsByPark` over `createdKey`, every
   * page), with the read capacity it consumed.
   */
  ticketsOpenedBetween(parkId: string, from: Date, to: Date): Promise<MonthlyRead>;
  /** The park's tickets of `kind` in `status` opened before `before` (a Query on `ticketsByParkKindStatus`). */
  ticketsInStatusBefore(parkId: string, kind: string, status: string, before: Date): Promise<MonthlyRead>;
  /** The month's entries in time order (one Query on its own partition). */
  monthlyEntries(parkId: string, month: string): Promise<MonthlyEntry[]>;
  /** Writes the entry unless one with its id is there: false then (a retry), nothing written. */
  addMonthlyEntry(entry: MonthlyEntry): Promise<boolean>;
}
