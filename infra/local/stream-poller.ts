/**
 * Reads the table's stream in DynamoDB Local and hands each record to the same effects handler
 * the Lambda event source mapping calls in AWS. A record the handler reports as failed is read
 * again on the next poll, like the event source's retry.
 */
import type { _Record, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { log } from '../../shared/log';

type EffectsHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

interface ShardCursor {
  iterator: string | undefined;
  lastSequence?: string;
  done: boolean;
}

export class StreamPoller {
  private readonly shards = new Map<string, ShardCursor>();
  /**
   * DescribeStream only when a new shard may exist: before the first one is known, and after a
   * shard was read to its end (a closed shard's successor is a new shard). Describing on every
   * poll made "nothing pending" cost a control-plane call per settle round.
   */
  private describe = true;

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly handle: EffectsHandler,
  ) {}

  /** Processes every record available now; returns how many were handled. */
  async pollOnce(): Promise<number> {
    if (this.describe) await this.discoverShards();
    let handled = 0;
    for (const [shardId, cursor] of this.shards) {
      while (cursor.iterator && !cursor.done) {
        let out: Awaited<ReturnType<typeof this.read>>;
        try {
          out = await this.read(cursor.iterator);
        } catch (error) {
          if ((error as Error).name !== 'ExpiredIteratorException') throw error;
          cursor.iterator = cursor.lastSequence
            ? await this.iterator(shardId, 'AFTER_SEQUENCE_NUMBER', cursor.lastSequence)
            : await this.iterator(shardId, 'TRIM_HORIZON');
          continue;
        }
        const records = out.Records ?? [];
        const failedAt = await this.deliver(records);
        if (failedAt !== undefined) {
          cursor.iterator = await this.iterator(shardId, 'AT_SEQUENCE_NUMBER', failedAt);
          handled += records.findIndex((r) => r.dynamodb?.SequenceNumber === failedAt);
          return handled;
        }
        handled += records.length;
        const last = records.at(-1)?.dynamodb?.SequenceNumber;
        if (last) cursor.lastSequence = last;
        cursor.iterator = out.NextShardIterator;
        if (!out.NextShardIterator) {
          cursor.done = true;
          this.describe = true;
        }
        if (records.length === 0) break;
      }
    }
    return handled;
  }

  private read(iterator: string) {
    return this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
  }

  private async deliver(records: _Record[]): Promise<string | undefined> {
    for (const record of records) {
      const image = record.dynamodb;
      if (image?.NewImage) image.NewImage = repairImage(image.NewImage);
      if (image?.OldImage) image.OldImage = repairImage(image.OldImage);
      const result = await this.handle({ Records: [record] } as unknown as DynamoDBStreamEvent);
      const failed = result.batchItemFailures[0]?.itemIdentifier;
      if (failed) {
        log.warn('local effects failed; retrying on the next poll', { sequenceNumber: failed });
        return failed;
      }
    }
    return undefined;
  }

  private async discoverShards(): Promise<void> {
    let start: string | undefined;
    do {
      const out = await this.client.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
        // From the oldest record: replays after a restart are harmless, every effect is idempotent.
        const iterator = await this.iterator(shard.ShardId, 'TRIM_HORIZON');
        this.shards.set(shard.ShardId, { iterator, done: !iterator });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.describe = ![...this.shards.values()].some((cursor) => !cursor.done);
  }

  private async iterator(
    shardId: string,
    type: 'TRIM_HORIZON' | 'AT_SEQUENCE_NUMBER' | 'AFTER_SEQUENCE_NUMBER',
    sequence?: string,
  ): Promise<string | undefined> {
    const out = await this.client.send(
      new GetShardIteratorCommand({
        StreamArn: this.streamArn,
        ShardId: shardId,
        ShardIteratorType: type,
        ...(sequence ? { SequenceNumber: sequence } : {}),
      }),
    );
    return out.ShardIterator;
  }
}

/**
 * The streams client deserialises an empty map attribute (`{"M":{}}`) as `{}`, which unmarshall
 * refuses; Lambda's event JSON keeps `{"M":{}}`. Put the type back.
 */
function repairImage<T>(image: Record<string, T>): Record<string, T> {
  const fix = (value: unknown): unknown => {
    if (!value || typeof value !== 'object') return value;
    const v = value as Record<string, unknown>;
    if (Object.keys(v).length === 0) return { M: {} };
    if (v.M && typeof v.M === 'object') {
      return { M: Object.fromEntries(Object.entries(v.M).map(([k, x]) => [k, fix(x)])) };
    }
    if (Array.isArray(v.L)) return { L: v.L.map(fix) };
    return v;
  };
  return Object.fromEntries(Object.entries(image).map(([k, x]) => [k, fix(x) as T]));
}
