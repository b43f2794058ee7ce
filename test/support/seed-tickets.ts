/**
 * Many repairs written straight to a desk's table, shaped by the store itself (the ticket item with
 * its index keys and its facet items, ADR 020): for exports and benches that need a month of
 * tickets without a month of intakes. BatchWriteItem, 25 at a time.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { facetWrites } from '../../shared/adapters/dynamo/ticket-facets';
import { writeItems } from '../../shared/adapters/dynamo/ticket-items';
import { UlidIds } from '../../shared/adapters/ids';
import type { Ticket, TicketEventOf } from '../../shared/domain/tickets';

export interface SeedOptions {
  parkId?: string;
  count: number;
  /** Spread evenly from `from` (inclusive) to `to` (exclusive), ISO times. */
  from: string;
  to: string;
  /** The i-th ticket's description (default 厨房水管漏水). */
  description?: (i: number) => string;
  /** false: the ticket items only (a list by park, kind or from/to needs no facet; a quarter of the writes). */
  facets?: boolean;
}

export function seededRepair(
  parkId: string,
  id: string,
  i: number,
  createdAt: string,
  description: string,
): Ticket {
  return {
    id,
    parkId,
    kind: 'repair',
    number: `R${createdAt.slice(0, 10).replace(/-/g, '')}-${String(i + 1).padStart(4, '0')}`,
    status: 'dispatched',
    version: 1,
    createdAt,
    updatedAt: createdAt,
    createdBy: { staffId: 'dispatcher-1', groups: ['dispatcher'], name: '陈静' },
    caller: { name: '王先生', phone: `+86136${String(i).padStart(8, '0')}`, unit: '3-2-1502' },
    timers: {},
    description,
    location: '3号楼2单元1502 厨房',
    wantedAt: createdAt,
    decision: 'dispatch',
    overdue: [],
  } as unknown as Ticket;
}

/** Writes `count` repairs; answers their ids, oldest first. */
export async function seedRepairs(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: SeedOptions,
): Promise<string[]> {
  const parkId = options.parkId ?? 'park-1';
  const start = Date.parse(options.from);
  const step = (Date.parse(options.to) - start) / options.count;
  const requests: Record<string, unknown>[] = [];
  const ids: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const at = new Date(Math.floor(start + i * step));
    const id = new UlidIds({ now: () => at }).next();
    ids.push(id);
    const ticket = seededRepair(parkId, id, i, at.toISOString(), options.description?.(i) ?? '厨房水管漏水');
    const [item] = writeItems(ticket, {
      seq: 1,
      type: 'repair.opened',
      at: ticket.createdAt,
    } as TicketEventOf);
    requests.push({ PutRequest: { Item: item } });
    for (const write of options.facets === false ? [] : facetWrites(tableName, ticket)) {
      requests.push({ PutRequest: { Item: (write as { Put: { Item: unknown } }).Put.Item } });
    }
  }
  for (let i = 0; i < requests.length; i += 25) {
    let pending = requests.slice(i, i + 25);
    while (pending.length > 0) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (out.UnprocessedItems?.[tableName] ?? []) as Record<string, unknown>[];
    }
  }
  return ids;
}
