/**
 * A park's ticket list with its filters (GET /tickets, ADR 020): one Query on the index of the most
 * selective filter (number > phone > unit > assignee > overdue > severity > department > status >
 * kind > park), `from`/`to` as a key condition on `createdKey`, every other filter checked on each
 * ticket read. Never a Scan, never a park read whole to filter in memory.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { InvalidInput } from '../../domain/errors';
import type { Facet, TicketFilter } from '../../domain/ticket-filter';
import { FACET_KINDS, FACETS, filterFacets, matchesFilter } from '../../domain/ticket-filter';
import type { Ticket } from '../../domain/tickets';
import type { TicketPage } from '../../ports';
import { decodeCursor, encodeCursor } from './cursor';
import type { TableIndexName } from './table';
import { FACET_INDEX, FACET_KEY, facetPartition, facetSortKey } from './ticket-facets';
import { strip, TICKET_INTERNAL } from './ticket-items';

/** The index items one page request examines at most: a sparse match ends a page short, with a cursor. */
export const LIST_READ_BUDGET = 500;
/** Items per Query page on the facet index (each hit's ticket is then read: at most this many at once). */
const QUERY_PAGE = 100;
/** Items per Query page on an index that holds the tickets themselves (a page is at most 1 MB anyway). */
const ITEM_PAGE = 1_000;

export type ListQuery = TicketFilter & { parkId: string; limit: number; cursor?: string; budget?: number };

interface Plan {
  index: TableIndexName;
  keyName: string;
  keyValue: string;
  /** The index holds keys only: each hit's ticket is read from the table. */
  facet?: { name: Facet; value: string };
  /** The index's partition answers the whole filter: no item it holds is skipped (pages are full). */
  exact: boolean;
}

function plan(query: ListQuery): Plan {
  const wanted = filterFacets(query);
  const named = FACETS.filter((f) => wanted[f] !== undefined);
  const first = named[0];
  const park = `PARK#${query.parkId}`;
  if (first === 'overdue' && query.kind) {
    const exact = named.length === 1 && query.status === undefined;
    return {
      index: 'ticketsOverdueByParkKind',
      keyName: 'overdueKey',
      keyValue: `${park}#${query.kind}`,
      exact,
    };
  }
  if (first !== undefined) {
    const value = wanted[first] as string;
    const kinds = FACET_KINDS[first];
    const kindImplied = query.kind === undefined || (kinds.length === 1 && kinds[0] === query.kind);
    return {
      index: FACET_INDEX,
      keyName: FACET_KEY,
      keyValue: facetPartition(query.parkId, first, value),
      facet: { name: first, value },
      exact: named.length === 1 && query.status === undefined && kindImplied,
    };
  }
  if (query.status) {
    // The app names the kind (or infers it from a status one kind has); this is a guard.
    if (!query.kind)
      throw new InvalidInput('REQUEST.KIND_REQUIRED', 'filtering by status needs kind too', 'kind');
    const keyValue = `${park}#${query.kind}#${query.status}`;
    return { index: 'ticketsByParkKindStatus', keyName: 'parkKindStatusKey', keyValue, exact: true };
  }
  if (query.kind)
    return {
      index: 'ticketsByParkKind',
      keyName: 'parkKindKey',
      keyValue: `${park}#${query.kind}`,
      exact: true,
    };
  return { index: 'ticketsByPark', keyName: 'parkKey', keyValue: park, exact: true };
}

/** The key condition: the partition, and `from`/`to` on `createdKey` (`<createdAt>#<id>` sorts by time). */
function keyCondition(plan: Plan, query: ListQuery) {
  const names: Record<string, string> = { '#k': plan.keyName, '#c': 'createdKey' };
  const values: Record<string, string> = { ':k': plan.keyValue };
  let range = '';
  if (query.createdFrom !== undefined) values[':lo'] = query.createdFrom;
  if (query.createdBefore !== undefined) values[':hi'] = query.createdBefore;
  // `createdBefore` itself is never a createdKey (they all carry `#<id>`): BETWEEN is [from, before).
  if (':lo' in values && ':hi' in values) range = ' AND #c BETWEEN :lo AND :hi';
  else if (':lo' in values) range = ' AND #c >= :lo';
  else if (':hi' in values) range = ' AND #c < :hi';
  else delete names['#c'];
  return {
    KeyConditionExpression: `#k = :k${range}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}

/** Where a page stopped, as DynamoDB's own LastEvaluatedKey would name that item. */
function keyOf(plan: Plan, item: Record<string, unknown>): Record<string, unknown> {
  return { pk: item.pk, sk: item.sk, [plan.keyName]: item[plan.keyName], createdKey: item.createdKey };
}

function startKey(plan: Plan, query: ListQuery): Record<string, unknown> | undefined {
  if (!query.cursor) return undefined;
  const facet = plan.facet;
  const key = decodeCursor(
    query.cursor,
    plan.keyName,
    plan.keyValue,
    facet ? (id) => facetSortKey(id, facet.name, facet.value) : undefined,
  );
  // A cursor of another range (DynamoDB refuses a start key outside the key condition).
  const created = String(key.createdKey);
  if (
    (query.createdFrom !== undefined && created < query.createdFrom) ||
    (query.createdBefore !== undefined && created >= query.createdBefore)
  ) {
    throw new InvalidInput('REQUEST.INVALID_CURSOR', 'cursor is not one this list handed out', 'cursor');
  }
  return key;
}

/**
 * The tickets of facet hits, in the hits' order (absent where a ticket is gone): one GetItem each,
 * at once. Not BatchGetItem: the functions are granted GetItem and Query only (infra/aws/stack.ts
 * TABLE_READ_ACTIONS); a page holds at most QUERY_PAGE hits.
 */
async function ticketsOf(
  db: DynamoDBDocumentClient,
  tableName: string,
  hits: Record<string, unknown>[],
): Promise<(Ticket | undefined)[]> {
  return Promise.all(
    hits.map(async (hit) => {
      const out = await db.send(new GetCommand({ TableName: tableName, Key: { pk: hit.pk, sk: 'TICKET' } }));
      return out.Item ? strip<Ticket>(out.Item, TICKET_INTERNAL) : undefined;
    }),
  );
}

/**
 * Reads index pages until `limit` tickets match or `budget` index items were examined; the cursor
 * names the last item examined, so the next page starts right after it (pages may be short).
 */
export async function listTickets(
  db: DynamoDBDocumentClient,
  tableName: string,
  query: ListQuery,
): Promise<TicketPage> {
  const p = plan(query);
  const budget = query.budget ?? LIST_READ_BUDGET;
  const condition = keyCondition(p, query);
  const tickets: Ticket[] = [];
  let start = startKey(p, query);
  let examined = 0;
  for (;;) {
    // Exact: as many as the page lacks. Else some more, as some will not match, within the budget.
    const wanted = query.limit - tickets.length;
    const room = p.exact ? wanted : Math.min(budget - examined, Math.max(2 * wanted, 25));
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: p.index,
        ...condition,
        // Overdue: the longest waiting first; every other list newest first.
        ScanIndexForward: query.overdue === true,
        Limit: Math.max(1, Math.min(room, p.facet ? QUERY_PAGE : ITEM_PAGE)),
        ExclusiveStartKey: start,
      }),
    );
    const items = out.Items ?? [];
    const read = p.facet
      ? await ticketsOf(db, tableName, items)
      : items.map((i) => strip<Ticket>(i, TICKET_INTERNAL));
    for (const [i, item] of items.entries()) {
      examined += 1;
      const ticket = read[i];
      if (ticket && matchesFilter(ticket, query)) tickets.push(ticket);
      if (tickets.length >= query.limit || examined >= budget) {
        const last = i === items.length - 1 ? out.LastEvaluatedKey : keyOf(p, item);
        const cursor = encodeCursor(last);
        return { tickets, ...(cursor ? { cursor } : {}) };
      }
    }
    if (!out.LastEvaluatedKey) return { tickets };
    start = out.LastEvaluatedKey;
  }
}
