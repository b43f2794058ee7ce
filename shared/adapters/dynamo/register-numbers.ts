/**
 * Register numbers (RP-5, CH-11) on the single table (ADR 010). Per park, register and park-local day:
 * - a counter item (sk `COUNTER`): `value`, the last number handed out, and `claim#<claim>`, the
 *   number each request took by its claim (the ticket id, or its Idempotency-Key's scope), so two
 *   copies of one request take one number;
 * - a page item per number (sk `NUMBER#000003`), written in the ticket's own transaction with
 *   `attribute_not_exists`: a page is written once, by its ticket or as void.
 * A number is taken with one UpdateItem on the counter. DynamoDB applies updates to one item one
 * after the other, so a burst on one register queues on that item for milliseconds each instead of
 * racing whole transactions that all but one lose (the old design: 409s and seconds under 50).
 * A number whose ticket never got written (its request died between the two writes) is given a void
 * page by the reconciler once the register has been idle for the lease: every number from 1 up is a
 * ticket or a page marked void, none missing.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type RegisterDay, registerNumber } from '../../domain/register-number';
import { keys, TABLE_INDEXES, unsettled } from './table';

const { partitionKey: KEY, sortKey: SINCE } = TABLE_INDEXES.unsettledByShard;

/** A claim's attribute on the counter: `claim#<ticket id>` or `claim#key:<hash>`. */
const CLAIM_PREFIX = 'claim#';

const isNamed = (error: unknown, name: string) => (error as { name?: string } | undefined)?.name === name;

/** The page written beside a ticket: a Put for its transaction (condition: nobody wrote it before). */
export function pagePut(
  tableName: string,
  ticket: { id: string; parkId: string; number?: string; createdAt: string },
  numbering: { register: string; day: string; value: number },
) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...keys.registerNumber(ticket.parkId, numbering.register, numbering.day, numbering.value),
        itemType: 'register-page',
        number: ticket.number ?? registerNumber(numbering.register, numbering.day, numbering.value),
        ticketId: ticket.id,
        at: ticket.createdAt,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * Voids the page of a number whose ticket was refused after it was reserved (its transaction failed
 * on a claim, MI), at once rather than when the reconciler finds it: the register shows a spoilt
 * page, never a gap. A page there already is left as it is.
 */
export async function voidRefusedPage(
  db: DynamoDBDocumentClient,
  tableName: string,
  parkId: string,
  numbering: { register: string; day: string; value: number },
  reason: string,
  at: string,
): Promise<void> {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          ...keys.registerNumber(parkId, numbering.register, numbering.day, numbering.value),
          itemType: 'register-page',
          number: registerNumber(numbering.register, numbering.day, numbering.value),
          void: true,
          reason,
          at,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
  }
}

export class RegisterNumbers {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * The number `claim` holds on the register's day, handed out now if it holds none. One UpdateItem;
   * a second request with the same claim reads the number the first one took.
   */
  async reserve(where: Omit<RegisterDay, 'value'>, claim: string, at: Date): Promise<number> {
    const key = keys.counter(where.parkId, where.register, where.day);
    // Each claim is an attribute of its own (`claim#<claim>`): settable on a counter not made yet,
    // where a map's entry is not.
    const names = { '#v': 'value', '#claim': `${CLAIM_PREFIX}${claim}` };
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: key,
          UpdateExpression:
            'SET #v = if_not_exists(#v, :zero) + :one, #claim = if_not_exists(#v, :zero) + :one, ' +
            'itemType = :type, parkId = :park, #register = :register, #day = :day, #key = :shard, #since = :at',
          ConditionExpression: 'attribute_not_exists(#claim)',
          ExpressionAttributeNames: {
            ...names,
            '#register': 'register',
            '#day': 'day',
            '#key': KEY,
            '#since': SINCE,
          },
          ExpressionAttributeValues: {
            ':zero': 0,
            ':one': 1,
            ':type': 'counter',
            ':park': where.parkId,
            ':register': where.register,
            ':day': where.day,
            // In the reconciler's index from now on, by the latest number's time (registersIdleBefore).
            ':shard': unsettled.numbers(unsettled.shardOf(key.pk)),
            ':at': at.toISOString(),
          },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return Number(out.Attributes?.value);
    } catch (error) {
      if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
      // Another copy of this request took the number first: it is this one's too.
      const out = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: key,
          ConsistentRead: true,
          ProjectionExpression: '#claim',
          ExpressionAttributeNames: { '#claim': names['#claim'] },
        }),
      );
      const held = out.Item?.[names['#claim']];
      if (typeof held !== 'number') throw error;
      return held;
    }
  }

  /**
   * Writes a void page for every number up to the counter's value that has no page (its request
   * died before writing its ticket), then takes the counter out of the reconciler's index unless a
   * number was handed out meanwhile. Returns the numbers voided.
   */
  async voidUnwritten(register: RegisterDay, at: Date): Promise<string[]> {
    const counter = keys.counter(register.parkId, register.register, register.day);
    const written = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :page)',
          ExpressionAttributeValues: { ':pk': counter.pk, ':page': 'NUMBER#' },
          ProjectionExpression: 'sk',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of out.Items ?? []) written.add(String(item.sk));
      start = out.LastEvaluatedKey;
    } while (start);
    const voided: string[] = [];
    for (let value = 1; value <= register.value; value++) {
      const page = keys.registerNumber(register.parkId, register.register, register.day, value);
      if (written.has(page.sk)) continue;
      const number = registerNumber(register.register, register.day, value);
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.tableName,
            Item: {
              ...page,
              itemType: 'register-page',
              number,
              void: true,
              reason: 'the number was handed out, but its request ended before the ticket was written',
              at: at.toISOString(),
            },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
        voided.push(number);
      } catch (error) {
        // Its ticket was written after all, just now: the page is the ticket's.
        if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
      }
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: counter,
          UpdateExpression: 'REMOVE #key, #since',
          ConditionExpression: '#v = :checked',
          ExpressionAttributeNames: { '#key': KEY, '#since': SINCE, '#v': 'value' },
          ExpressionAttributeValues: { ':checked': register.value },
        }),
      );
    } catch (error) {
      // A number was handed out meanwhile: the counter stays in the index for the next run.
      if (!isNamed(error, 'ConditionalCheckFailedException')) throw error;
    }
    return voided;
  }
}
