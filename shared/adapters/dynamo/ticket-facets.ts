/**
 * The facet items of a ticket (ADR 020): one small item per filterable value it has
 * (`pk=TICKET#<id>`, `sk=FACET#UNIT#3-2-1502`), carrying the `ticketsByFacet` index's keys. They
 * are index rows, not records (CH-11 is about events): written in the same transaction as the
 * ticket — the values it gained Put, the ones it lost Put again without the index keys (out of the
 * index), unchanged ones left alone.
 */
import type { Facet } from '../../domain/ticket-filter';
import { facetValues } from '../../domain/ticket-filter';
import type { Ticket } from '../../domain/tickets';
import { keys, TABLE_INDEXES } from './table';

export const FACET_INDEX = 'ticketsByFacet' as const;
/** What one TransactWriteItems holds at most (DynamoDB's limit). */
export const MAX_TRANSACTION_ITEMS = 100;
export const { partitionKey: FACET_KEY } = TABLE_INDEXES[FACET_INDEX];

/** How each facet is spelled in keys (`FACET#ASSIGNEE#…`, `PARK#p#ASSIGNEE#…`). */
const FACET_NAMES: Record<Facet, string> = {
  number: 'NUMBER',
  phone: 'PHONE',
  unit: 'UNIT',
  assigneeId: 'ASSIGNEE',
  overdue: 'OVERDUE',
  severity: 'SEVERITY',
  department: 'DEPARTMENT',
};

/** The index partition of a park's tickets with `value` for `facet`. */
export function facetPartition(parkId: string, facet: Facet, value: string): string {
  return `PARK#${parkId}#${FACET_NAMES[facet]}#${value}`;
}

/** The facet item's sort key in the ticket's partition. */
export function facetSortKey(ticketId: string, facet: Facet, value: string): string {
  return keys.ticketFacet(ticketId, FACET_NAMES[facet], value).sk;
}

function facetItems(ticket: Ticket): Map<string, Record<string, unknown>> {
  const items = new Map<string, Record<string, unknown>>();
  for (const [facet, value] of Object.entries(facetValues(ticket)) as [Facet, string][]) {
    const key = keys.ticketFacet(ticket.id, FACET_NAMES[facet], value);
    items.set(key.sk, {
      ...key,
      itemType: 'facet',
      [FACET_KEY]: facetPartition(ticket.parkId, facet, value),
      createdKey: `${ticket.createdAt}#${ticket.id}`,
    });
  }
  return items;
}

/**
 * The writes that bring the ticket's facet items from `previous` to `next`: a Put for each value
 * `next` has that `previous` lacked, and for each it no longer has a Put of the item without the
 * index keys, which takes it out of the index (sparse) — a Put, not a Delete: the functions may
 * not delete items (infra/aws/stack.ts TABLE_WRITE_ACTIONS), and nothing else changes. Without
 * `previous` (a new ticket, or a caller that only knows the version) every facet is Put; any it
 * lost stays in the index as a stale row, which the list skips (it checks the ticket).
 */
export function facetWrites(tableName: string, next: Ticket, previous?: Ticket): Record<string, unknown>[] {
  const now = facetItems(next);
  const before = previous ? facetItems(previous) : new Map<string, Record<string, unknown>>();
  const writes: Record<string, unknown>[] = [];
  for (const [sk, item] of now)
    if (!before.has(sk)) writes.push({ Put: { TableName: tableName, Item: item } });
  for (const sk of before.keys()) {
    if (now.has(sk)) continue;
    const retired = { pk: `TICKET#${next.id}`, sk, itemType: 'facet', retiredAt: next.updatedAt };
    writes.push({ Put: { TableName: tableName, Item: retired } });
  }
  return writes;
}

/** `expected` as the store's writes take it: the ticket as read (facets diffed) or only its version. */
export function expectedOf(expected: Ticket | number): { version: number; previous?: Ticket } {
  return typeof expected === 'number'
    ? { version: expected }
    : { version: expected.version, previous: expected };
}
