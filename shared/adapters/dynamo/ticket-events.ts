/** Reading a ticket's event items by key range (kept apart so the ticket store stays small). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { TicketEventOf } from '../../domain/tickets';
import { keys } from './table';

/** What an event item holds besides the event itself. */
const EVENT_INTERNAL = new Set([
  'pk',
  'sk',
  'itemType',
  'ticketId',
  'parkId',
  'logDayKey',
  'logAtKey',
  'logNumber',
  'logKind',
]);

/**
 * Events 1..seq of one ticket, in order: a Query on the key range of its event items, never a
 * Scan (the effects consumer rebuilds the ticket as it was right after an event from these).
 */
export async function queryEventsUpTo(
  db: DynamoDBDocumentClient,
  tableName: string,
  ticketId: string,
  seq: number,
): Promise<TicketEventOf[]> {
  const events: TicketEventOf[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
        ExpressionAttributeValues: {
          ':pk': keys.ticket(ticketId).pk,
          ':first': keys.event(ticketId, 1).sk,
          ':last': keys.event(ticketId, seq).sk,
        },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) {
      events.push(
        Object.fromEntries(Object.entries(item).filter(([k]) => !EVENT_INTERNAL.has(k))) as TicketEventOf,
      );
    }
    start = out.LastEvaluatedKey;
  } while (start);
  return events;
}
