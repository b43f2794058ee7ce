/**
 * The monthly summary's items (ADR 021): the month's tickets by a Query on `ticketsByPark` over
 * `createdKey` (never a Scan, never the whole park), and the month's entries in their own
 * partition `REPORT#<park>#<month>`, one Put each, conditioned on the entry's id.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../../domain/tickets';
import type { MonthlyEntry, MonthlyRead } from '../../ports/monthly';
import { strip, TICKET_INTERNAL } from './ticket-items';
import { isConditionFailure } from './transactions';

export const monthlyKeys = {
  /** Keyed by the entry's id (stable for one person, kind and content), not its time: a retry finds it. */
  entry: (parkId: string, month: string, id: string) => ({
    pk: `REPORT#${parkId}#${month}`,
    sk: `ENTRY#${id}`,
  }),
  partition: (parkId: string, month: string) => `REPORT#${parkId}#${month}`,
} as const;

/** Every page of one index Query, with the capacity consumed (ReturnConsumedCapacity TOTAL). */
async function queryAll(
  db: DynamoDBDocumentClient,
  input: ConstructorParameters<typeof QueryCommand>[0],
): Promise<MonthlyRead> {
  const tickets: Ticket[] = [];
  let capacityUnits = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({ ...input, ReturnConsumedCapacity: 'TOTAL', ExclusiveStartKey: start }),
    );
    capacityUnits += out.ConsumedCapacity?.CapacityUnits ?? 0;
    for (const item of out.Items ?? []) tickets.push(strip<Ticket>(item, TICKET_INTERNAL));
    start = out.LastEvaluatedKey;
  } while (start);
  return { tickets, capacityUnits };
}

export function queryTicketsOpenedBetween(
  db: DynamoDBDocumentClient,
  tableName: string,
  parkId: string,
  from: Date,
  to: Date,
): Promise<MonthlyRead> {
  // createdKey is `<createdAt ISO>#<id>`: every key of [from, to) sorts between these two.
  return queryAll(db, {
    TableName: tableName,
    IndexName: 'ticketsByPark',
    KeyConditionExpression: 'parkKey = :park AND createdKey BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':park': `PARK#${parkId}`,
      ':from': from.toISOString(),
      ':to': `${new Date(to.getTime() - 1).toISOString()}#~`,
    },
  });
}

export function queryTicketsInStatusBefore(
  db: DynamoDBDocumentClient,
  tableName: string,
  parkId: string,
  kind: string,
  status: string,
  before: Date,
): Promise<MonthlyRead> {
  return queryAll(db, {
    TableName: tableName,
    IndexName: 'ticketsByParkKindStatus',
    KeyConditionExpression: 'parkKindStatusKey = :key AND createdKey < :before',
    ExpressionAttributeValues: {
      ':key': `PARK#${parkId}#${kind}#${status}`,
      ':before': before.toISOString(),
    },
  });
}

export async function queryMonthlyEntries(
  db: DynamoDBDocumentClient,
  tableName: string,
  parkId: string,
  month: string,
): Promise<MonthlyEntry[]> {
  const entries: MonthlyEntry[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        // The partition also keeps CH-10's reminder SMS (`SMS#…`): entries only.
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :entry)',
        ExpressionAttributeValues: { ':pk': monthlyKeys.partition(parkId, month), ':entry': 'ENTRY#' },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) entries.push(strip<MonthlyEntry>(item, ['pk', 'sk', 'itemType']));
    start = out.LastEvaluatedKey;
  } while (start);
  return entries.sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
}

/** One Put, only where no entry with its id is (CH-11: never overwritten); false for a retry. */
export async function putMonthlyEntry(
  db: DynamoDBDocumentClient,
  tableName: string,
  entry: MonthlyEntry,
): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...monthlyKeys.entry(entry.parkId, entry.month, entry.id),
          itemType: 'monthly-entry',
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
