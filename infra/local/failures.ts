/**
 * Stream records the local desk gave up on, the local stand-in for the event source mapping's
 * on-failure destination (an SQS queue in AWS): after its attempts a record is skipped so every
 * record behind it still gets its SMS and timers, and it lands here, one row per record, listed by
 * `GET /local/failures`.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';

const FAILURES = 'LOCAL#FAILURE';

export interface StreamFailure {
  shardId: string;
  sequenceNumber: string;
  eventName: string;
  /** The changed item's key (`pk`, `sk`). */
  keys: Record<string, unknown>;
  /** What went wrong on the last attempt. */
  error: string;
  attempts: number;
  /** Wall-clock time it was skipped (not the desk's adjustable clock). */
  at: string;
}

export class FailureLog {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Records a skipped record once; the same record skipped again (a replay) keeps its first row. */
  async record(failure: StreamFailure): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: FAILURES,
            sk: `${failure.sequenceNumber}#${failure.shardId}`,
            itemType: 'local-failure',
            ...failure,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }

  /** Every skipped record, in stream order. */
  async list(): Promise<StreamFailure[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': FAILURES },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items.map((i) => ({
      shardId: String(i.shardId),
      sequenceNumber: String(i.sequenceNumber),
      eventName: String(i.eventName),
      keys: (i.keys ?? {}) as Record<string, unknown>,
      error: String(i.error),
      attempts: Number(i.attempts),
      at: String(i.at),
    }));
  }
}
