/**
 * The filters' facet items on DynamoDB Local (issue 13 item 1, ADR 020): written in the ticket's
 * own transaction — the values it gained Put, the ones it lost Deleted, unchanged ones not written
 * again; a stale facet never shows a wrong ticket (every hit is checked on the ticket); a list that
 * stops at its read budget answers a short page with a cursor that resumes right after it.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { backfillFacets } from '../../shared/adapters/dynamo/facet-backfill';
import { writeItems } from '../../shared/adapters/dynamo/ticket-items';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import type { Ticket, TicketEventOf } from '../../shared/domain/tickets';
import { seededRepair } from '../support/seed-tickets';
import { freshStore } from '../support/store';

let store: DynamoTicketStore;
let client: DynamoDBClient;
let db: Awaited<ReturnType<typeof freshStore>>['db'];
let tableName: string;
/** The TransactItems of every TransactWriteItems the client sent. */
const transactions: {
  Put?: { Item: Record<string, unknown> };
  Delete?: { Key: Record<string, unknown> };
}[][] = [];

beforeAll(async () => {
  ({ store, client, db, tableName } = await freshStore());
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if ((context as { commandName?: string }).commandName === 'TransactWriteItemsCommand') {
        transactions.push((args.input as { TransactItems: never[] }).TransactItems);
      }
      return next(args);
    },
    { step: 'initialize', name: 'captureTransactions' },
  );
});

let n = 0;
function repair(overrides: Record<string, unknown> = {}, at = '2026-11-27T02:00:00.000Z'): Ticket {
  n += 1;
  const id = new UlidIds({ now: () => new Date(at) }).next();
  return { ...seededRepair('park-1', id, n, at, '厨房水管漏水'), ...overrides } as Ticket;
}
const event = (seq: number, at: string) =>
  ({ seq, type: 'ticket.assigned', at, data: {} }) as unknown as TicketEventOf;

/** The facet items in the ticket's partition, by sort key. */
async function facetsOf(id: string): Promise<string[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :f)',
      // In the index: a retired facet is kept without its index key.
      FilterExpression: 'attribute_exists(facetKey)',
      ExpressionAttributeValues: { ':pk': `TICKET#${id}`, ':f': 'FACET#' },
    }),
  );
  return (out.Items ?? []).map((i) => String(i.sk)).sort();
}

/** The facet writes of the last transaction: `+sk` into the index, `-sk` out of it (no Delete: a Put without its key). */
function lastFacetWrites(): string[] {
  const items = transactions.at(-1) ?? [];
  expect(items.filter((w) => w.Delete)).toEqual([]);
  return items.flatMap((w) => {
    if (!w.Put || !String(w.Put.Item.sk).startsWith('FACET#')) return [];
    return [`${'facetKey' in w.Put.Item ? '+' : '-'}${w.Put.Item.sk}`];
  });
}

describe('facet items ride in the ticket’s own transaction', () => {
  it('create Puts one per value; a reassignment Puts the new assignee and takes the old out; nothing else', async () => {
    const ticket = repair({ status: 'assigned', assigneeId: 'technician-1' });
    await store.create(ticket, event(1, ticket.createdAt));
    const number = String(ticket.number);
    expect(await facetsOf(ticket.id)).toEqual(
      [
        'FACET#ASSIGNEE#technician-1',
        `FACET#NUMBER#${number}`,
        `FACET#PHONE#${(ticket.caller as { phone: string }).phone}`,
        'FACET#UNIT#3-2-1502',
      ].sort(),
    );
    expect(transactions).toHaveLength(1);

    const moved = { ...ticket, assigneeId: 'technician-2', version: 2 } as Ticket;
    await store.append(moved, event(2, ticket.createdAt), ticket);
    expect(lastFacetWrites()).toEqual(['+FACET#ASSIGNEE#technician-2', '-FACET#ASSIGNEE#technician-1']);
    expect(await facetsOf(ticket.id)).toContain('FACET#ASSIGNEE#technician-2');
    expect(await facetsOf(ticket.id)).not.toContain('FACET#ASSIGNEE#technician-1');

    // A step that changes no filterable value writes no facet (unchanged facets are not rewritten).
    const acknowledged = { ...moved, status: 'acknowledged', version: 3 } as Ticket;
    await store.append(acknowledged, event(3, ticket.createdAt), moved);
    expect(lastFacetWrites()).toEqual([]);
    expect(transactions.at(-1)).toHaveLength(2);
  });

  it('a stale facet (a writer that knew only the version) never shows a wrong ticket', async () => {
    const ticket = repair({ status: 'assigned', assigneeId: 'technician-3' });
    await store.create(ticket, event(1, ticket.createdAt));
    const moved = { ...ticket, assigneeId: 'technician-4', version: 2 } as Ticket;
    await store.append(moved, event(2, ticket.createdAt), 1);
    expect(await facetsOf(ticket.id)).toContain('FACET#ASSIGNEE#technician-3');
    expect((await store.list({ parkId: 'park-1', assigneeId: 'technician-3', limit: 10 })).tickets).toEqual(
      [],
    );
    const now = await store.list({ parkId: 'park-1', assigneeId: 'technician-4', limit: 10 });
    expect(now.tickets.map((t) => t.id)).toEqual([ticket.id]);
  });
});

describe('a read budget ends a page short; the cursor resumes right after the last item examined', () => {
  it('pages of at most 2 items examined find every match once, newest first', async () => {
    const statuses = ['dispatched', 'assigned', 'dispatched', 'dispatched', 'assigned', 'dispatched'];
    const made: Ticket[] = [];
    for (const [i, status] of statuses.entries()) {
      const ticket = repair(
        { status, caller: { name: '周先生', phone: '+8613600009999', unit: '7-7-0707' } },
        `2026-11-20T0${i}:00:00.000Z`,
      );
      await store.create(ticket, event(1, ticket.createdAt));
      made.push(ticket);
    }
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await store.list({
        parkId: 'park-1',
        unit: '7-7-0707',
        kind: 'repair',
        status: 'assigned',
        limit: 10,
        budget: 2,
        ...(cursor ? { cursor } : {}),
      });
      pages.push(page.tickets.map((t) => t.id));
      cursor = page.cursor;
    } while (cursor && pages.length < 10);
    expect(pages.flat()).toEqual([made[4]?.id, made[1]?.id]);
    expect(pages[0]).toEqual([made[4]?.id]);
    expect(pages[1]).toEqual([]);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});

describe('the backfill (ADR 020): tickets written before the filters get their facets', () => {
  it('a ticket with no facet items is missed by a facet filter until the backfill writes them', async () => {
    const old = repair({ caller: { name: '郑先生', phone: '+8613600008888', unit: '9-9-0909' } });
    const [item] = writeItems(old, event(1, old.createdAt));
    await db.send(new PutCommand({ TableName: tableName, Item: item }));
    const byUnit = () => store.list({ parkId: 'park-1', unit: '9-9-0909', limit: 10 });
    expect((await byUnit()).tickets).toEqual([]);

    const done = await backfillFacets(db, tableName, 'park-1');

    expect(done.tickets).toBeGreaterThanOrEqual(1);
    expect((await byUnit()).tickets.map((t) => t.id)).toEqual([old.id]);
    const again = await backfillFacets(db, tableName, 'park-1');
    expect(again.facets).toBe(done.facets);
    expect((await byUnit()).tickets.map((t) => t.id)).toEqual([old.id]);
  });
});
