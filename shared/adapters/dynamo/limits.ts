/**
 * The items behind a park's limits (ADR 011), on the single table: counters (one item per limit and
 * window, one UpdateItem each, purged by TTL after their window) and the sparse index of open
 * tickets by caller that a repeated call is matched on (a Query, never a Scan).
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { duplicateKeyOfTicket, isOpenTicket } from '../../domain/duplicates';
import type { Ticket } from '../../domain/tickets';
import type { LimitCounters } from '../../ports';
import { DirectoryReads } from './directory-reads';
import { keys, TABLE_INDEXES, TTL_ATTRIBUTE } from './table';

const INDEX = 'openTicketsByCaller' as const;
const { partitionKey: CALLER_KEY, sortKey: CREATED_KEY } = TABLE_INDEXES[INDEX];

/** The index attribute a ticket item carries; never part of a ticket as the store hands it out. */
export const OPEN_CALLER_ATTRIBUTES = [CALLER_KEY] as const;

const callerPartition = (parkId: string, key: string) => `PARK#${parkId}#${key}`;

/**
 * A ticket item's key in the index: while the ticket is open and has a caller phone; a Put without
 * it (the ticket closed) takes the ticket out.
 */
export function openCallerKeys(ticket: Ticket): Record<string, string> {
  const key = duplicateKeyOfTicket(ticket);
  if (!key || !isOpenTicket(ticket)) return {};
  return { [CALLER_KEY]: callerPartition(ticket.parkId, key) };
}

const epochSeconds = (at: Date) => Math.ceil(at.getTime() / 1000);

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

/** The ticket store's limit items (DynamoTicketStore extends it). */
export class LimitItems extends DirectoryReads implements LimitCounters {
  async countUp(name: string, purgeAfter: Date): Promise<number> {
    const out = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.limit(name),
        UpdateExpression: 'ADD #n :one SET #purge = :purge, itemType = :type',
        ExpressionAttributeNames: { '#n': 'n', '#purge': TTL_ATTRIBUTE },
        ExpressionAttributeValues: { ':one': 1, ':purge': epochSeconds(purgeAfter), ':type': 'limit' },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(out.Attributes?.n ?? 0);
  }

  async takeUnder(name: string, limit: number, purgeAfter: Date): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.limit(name),
          UpdateExpression: 'ADD #n :one SET #purge = :purge, itemType = :type',
          // Conditional: a request over the limit writes nothing, not even the count.
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
          ExpressionAttributeNames: { '#n': 'n', '#purge': TTL_ATTRIBUTE },
          ExpressionAttributeValues: {
            ':one': 1,
            ':limit': limit,
            ':purge': epochSeconds(purgeAfter),
            ':type': 'limit',
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  // The caller's newest open ticket by this key created at or after `createdSince`: one Query.
  async openTicketOfCaller(parkId: string, key: string, createdSince: string): Promise<string | undefined> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: INDEX,
        KeyConditionExpression: '#k = :k AND #c >= :since',
        ExpressionAttributeNames: { '#k': CALLER_KEY, '#c': CREATED_KEY },
        ExpressionAttributeValues: { ':k': callerPartition(parkId, key), ':since': createdSince },
        ScanIndexForward: false,
        Limit: 1,
      }),
    );
    // Keys only (table.ts): the ticket's id is in its partition key, `TICKET#<id>`.
    const pk = out.Items?.[0]?.pk;
    return typeof pk === 'string' && pk.startsWith('TICKET#') ? pk.slice('TICKET#'.length) : undefined;
  }
}
