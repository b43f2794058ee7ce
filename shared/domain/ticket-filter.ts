/**
 * The filters of a park's ticket list (GET /tickets, issue 13 item 1; ADR 020): which value of a
 * ticket each filter reads, which kinds have it, and whether a ticket matches. The store indexes
 * the same values (one facet item per value, ticket-facets.ts) and checks every hit here, so a
 * stale or late index row can never show a wrong ticket.
 */
import { moveInUnitKey } from './move-in/one-case';
import type { TicketKind } from './ticket';
import type { Ticket } from './tickets';

/**
 * The filterable values, most selective first: the store reads the index of the first one a query
 * names (a number is one ticket; a phone or unit a household's; a department a large share).
 */
export const FACETS = ['number', 'phone', 'unit', 'assigneeId', 'overdue', 'severity', 'department'] as const;
export type Facet = (typeof FACETS)[number];

/** The kinds that have each value: a filter naming a kind without it is a 400, never an empty list. */
export const FACET_KINDS: Record<Facet, readonly TicketKind[]> = {
  number: ['repair', 'complaint', 'emergency', 'key', 'move-in'],
  phone: ['repair', 'complaint', 'emergency', 'key', 'move-in'],
  unit: ['repair', 'complaint', 'emergency', 'key', 'move-in'],
  assigneeId: ['repair'],
  overdue: ['repair', 'complaint', 'key', 'move-in'],
  severity: ['complaint'],
  department: ['complaint'],
};

/** What a list asks for, as the store takes it: values already normalised (E.164, folded unit). */
export interface TicketFilter {
  kind?: string;
  status?: string;
  /** Created at or after this instant (ISO UTC). */
  createdFrom?: string;
  /** Created before this instant (ISO UTC, exclusive). */
  createdBefore?: string;
  number?: string;
  phone?: string;
  unit?: string;
  assigneeId?: string;
  overdue?: boolean;
  severity?: string;
  department?: string;
}

/** A unit as typed and as indexed: `3-2-1502`, ` 3-2-1502 ` and full-width `３-２-１５０２` are one. */
export const foldUnit = moveInUnitKey;

/** A register number as indexed: case and width folded (`r20261127-003` finds R20261127-003). */
export function foldNumber(number: string): string {
  return number.normalize('NFKC').trim().toUpperCase();
}

function owesSomething(ticket: Ticket): boolean {
  const owed = (ticket as { overdue?: unknown }).overdue;
  return Array.isArray(owed) && owed.length > 0;
}

/**
 * Where each kind keeps the phone and unit of the person it is for. Read defensively: a ticket
 * stored by an older version may lack a part.
 */
function contactOf(ticket: Ticket): { phone?: string | undefined; unit?: string | undefined } {
  switch (ticket.kind) {
    case 'key':
      return { phone: ticket.requester?.phone, unit: ticket.key?.unit };
    case 'move-in':
      return { phone: ticket.owner?.phone, unit: ticket.unit };
    default:
      return { phone: ticket.caller?.phone, unit: ticket.caller?.unit };
  }
}

/** The ticket's value of each facet it has (normalised as the filters are). */
export function facetValues(ticket: Ticket): Partial<Record<Facet, string>> {
  const values: Partial<Record<Facet, string>> = {};
  const { phone, unit } = contactOf(ticket);
  if (ticket.number) values.number = foldNumber(ticket.number);
  if (phone) values.phone = phone;
  if (unit) values.unit = foldUnit(unit);
  if (ticket.assigneeId) values.assigneeId = ticket.assigneeId;
  if (owesSomething(ticket)) values.overdue = 'true';
  if (ticket.kind === 'complaint') {
    if (ticket.severity) values.severity = ticket.severity;
    if (ticket.about) values.department = ticket.about.department;
  }
  return values;
}

/** The facet values a filter names (overdue as `'true'`, as facetValues gives it). */
export function filterFacets(filter: TicketFilter): Partial<Record<Facet, string>> {
  const wanted: Partial<Record<Facet, string>> = {};
  for (const facet of FACETS) {
    const value = facet === 'overdue' ? (filter.overdue ? 'true' : undefined) : filter[facet];
    if (value !== undefined) wanted[facet] = value;
  }
  return wanted;
}

/** Whether the ticket, as it is now, is one the filter asks for. */
export function matchesFilter(ticket: Ticket, filter: TicketFilter): boolean {
  if (filter.kind !== undefined && ticket.kind !== filter.kind) return false;
  if (filter.status !== undefined && ticket.status !== filter.status) return false;
  const created = Date.parse(ticket.createdAt);
  if (filter.createdFrom !== undefined && created < Date.parse(filter.createdFrom)) return false;
  if (filter.createdBefore !== undefined && created >= Date.parse(filter.createdBefore)) return false;
  const has = facetValues(ticket);
  return Object.entries(filterFacets(filter)).every(([facet, value]) => has[facet as Facet] === value);
}
