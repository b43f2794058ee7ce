/**
 * ADR 020's backfill: the facet items of a park's tickets written before the filters existed (they
 * get them otherwise only when a value changes). An operator's one-off, never a request path: one
 * Query page after another on `ticketsByPark`, and a Put of each ticket's current facets
 * (idempotent; a ticket that changes meanwhile can only be left a stale row, which the list skips).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, type PutCommandInput, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../../domain/tickets';
import { facetWrites } from './ticket-facets';
import { strip, TICKET_INTERNAL } from './ticket-items';

/** Puts at once while backfilling: gentle on a table with on-demand capacity. */
const CONCURRENT_PUTS = 10;

export async function backfillFacets(
  db: DynamoDBDocumentClient,
  tableName: string,
  parkId: string,
): Promise<{ tickets: number; facets: number }> {
  let tickets = 0;
  let facets = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: 'ticketsByPark',
        KeyConditionExpression: 'parkKey = :p',
        ExpressionAttributeValues: { ':p': `PARK#${parkId}` },
        ExclusiveStartKey: start,
      }),
    );
    const puts = (out.Items ?? []).flatMap((item) =>
      facetWrites(tableName, strip<Ticket>(item, TICKET_INTERNAL)).map(
        (w) => (w as { Put: PutCommandInput }).Put,
      ),
    );
    for (let i = 0; i < puts.length; i += CONCURRENT_PUTS) {
      await Promise.all(puts.slice(i, i + CONCURRENT_PUTS).map((put) => db.send(new PutCommand(put))));
    }
    tickets += out.Items?.length ?? 0;
    facets += puts.length;
    start = out.LastEvaluatedKey;
  } while (start);
  return { tickets, facets };
}
