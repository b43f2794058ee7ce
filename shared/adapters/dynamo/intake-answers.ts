/**
 * Intake answers kept under their Idempotency-Key (one item per key, scoped to park and sender),
 * written in the ticket's own transaction so no copy of the request can slip between the ticket
 * and its key. Kept until `expiresAt` (24 h); the table's TTL deletes them some time after, and a
 * record past `expiresAt` that is still there counts as gone (and may be written over).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { IntakeAnswer } from '../../ports';
import { keys, TTL_ATTRIBUTE } from './table';

const INTERNAL = ['pk', 'sk', 'itemType', TTL_ATTRIBUTE];

const epochSeconds = (at: Date | string) => Math.floor(new Date(at).getTime() / 1000);

/** The answer's item, for the intake's transaction (size-checked there with the ticket's). */
export function answerItem(answer: IntakeAnswer): Record<string, unknown> {
  return {
    ...keys.idempotency(answer.parkId, answer.staffId, answer.key),
    itemType: 'intake-answer',
    ...answer,
    [TTL_ATTRIBUTE]: epochSeconds(answer.expiresAt),
  };
}

/** Its Put: only where no answer is kept under the key, or the one kept has expired. */
export function answerPut(tableName: string, item: Record<string, unknown>, now: string) {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :now',
      ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
      ExpressionAttributeValues: { ':now': epochSeconds(now) },
    },
  };
}

export async function readAnswer(
  db: DynamoDBDocumentClient,
  tableName: string,
  where: { parkId: string; staffId: string; key: string },
  now: Date,
): Promise<IntakeAnswer | undefined> {
  const out = await db.send(
    new GetCommand({
      TableName: tableName,
      Key: keys.idempotency(where.parkId, where.staffId, where.key),
      ConsistentRead: true,
    }),
  );
  const item = out.Item;
  if (!item || Number(item[TTL_ATTRIBUTE]) <= epochSeconds(now)) return undefined;
  const answer: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) if (!INTERNAL.includes(name)) answer[name] = value;
  return answer as unknown as IntakeAnswer;
}
