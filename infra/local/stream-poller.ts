/**
 * Reads the table's stream in DynamoDB Local and hands each record to the same effects handler
 * the Lambda event source mapping calls in AWS, with the mapping's guarantees:
 * - a failing record is tried at most `maxAttempts` times (3; the AWS mapping retries 5 times,
 *   bisecting), then skipped and recorded (the on-failure destination), so one bad record never
 *   stops the SMS and timers of every record behind it;
 * - the last record processed per shard is kept in a checkpoint file, so a restart resumes after
 *   it (AFTER_SEQUENCE_NUMBER) instead of replaying the stream; a shard the checkpoint does not
 *   know is read from its oldest record (TRIM_HORIZON);
 * - a failure while DynamoDB Local itself is unreachable is the outage's, not the record's: the
 *   poll throws, and the next one reads again after the last record processed.
 */
import type { _Record, DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import {
  DescribeStreamCommand,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { log } from '../../shared/log';
import type { StreamFailure } from './failures';
import { readState, writeState } from './state-file';

type EffectsHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export interface StreamPollerOptions {
  /** Tries per record before it is skipped (default 3: the first and two retries). */
  maxAttempts?: number;
  /** Pause before try n + 1, times n (default 100 ms). */
  retryPauseMs?: number;
  /** Where skipped records are recorded (`GET /local/failures`); without it they are only logged. */
  failures?: { record(failure: StreamFailure): Promise<void> };
  /** Keeps the last processed sequence number per shard (in the data folder); none = memory only. */
  checkpointFile?: string;
}

interface ShardCursor {
  /** Undefined while it has to be asked for again (at the start, after an error). */
  iterator: string | undefined;
  /** The last record processed or skipped: reading resumes after it. */
  lastSequence?: string;
  done: boolean;
}

interface Checkpoint {
  streamArn: string;
  shards: Record<string, string>;
}

export class StreamPoller {
  private readonly shards = new Map<string, ShardCursor>();
  /**
   * DescribeStream only when a new shard may exist: before the first one is known, after a shard
   * was read to its end (a closed shard's successor is a new shard), and after a failed poll (the
   * engine may have restarted). Describing on every poll made "nothing pending" cost a
   * control-plane call per settle round.
   */
  private describe = true;
  private readonly resumeAfter: Record<string, string>;
  private readonly maxAttempts: number;
  private readonly retryPauseMs: number;
  private saved = '';

  constructor(
    private readonly client: DynamoDBStreamsClient,
    private readonly streamArn: string,
    private readonly handle: EffectsHandler,
    private readonly options: StreamPollerOptions = {},
  ) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.retryPauseMs = options.retryPauseMs ?? 100;
    const kept = options.checkpointFile ? readState<Checkpoint>(options.checkpointFile) : undefined;
    // A checkpoint of another stream (the table was made anew) says nothing about this one.
    this.resumeAfter = kept?.streamArn === streamArn ? { ...kept.shards } : {};
  }

  /** Processes every record available now; returns how many were handled (skipped ones included). */
  async pollOnce(): Promise<number> {
    try {
      return await this.pollShards();
    } catch (error) {
      // The engine may be down or restarted: ask for every iterator again, after the last record done.
      for (const cursor of this.shards.values()) cursor.iterator = undefined;
      this.describe = true;
      throw error;
    } finally {
      this.saveCheckpoint();
    }
  }

  private async pollShards(): Promise<number> {
    if (this.describe) await this.discoverShards();
    let handled = 0;
    for (const [shardId, cursor] of this.shards) {
      while (!cursor.done) {
        cursor.iterator ??= await this.resume(shardId, cursor.lastSequence);
        if (!cursor.iterator) {
          cursor.done = true;
          break;
        }
        let out: Awaited<ReturnType<typeof this.read>>;
        try {
          out = await this.read(cursor.iterator);
        } catch (error) {
          if ((error as Error).name !== 'ExpiredIteratorException') throw error;
          cursor.iterator = undefined;
          continue;
        }
        const records = out.Records ?? [];
        for (const record of records) {
          await this.deliver(shardId, record);
          cursor.lastSequence = record.dynamodb?.SequenceNumber ?? cursor.lastSequence;
          handled++;
        }
        if (records.length) this.saveCheckpoint();
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

  /** Hands one record to the handler until it succeeds or its attempts are used up. */
  private async deliver(shardId: string, record: _Record): Promise<void> {
    const image = record.dynamodb;
    if (image?.NewImage) image.NewImage = repairImage(image.NewImage);
    if (image?.OldImage) image.OldImage = repairImage(image.OldImage);
    for (let attempt = 1; ; attempt++) {
      let error: string;
      try {
        const result = await this.handle({ Records: [record] } as unknown as DynamoDBStreamEvent);
        if (!result?.batchItemFailures?.length) return;
        // The handler logs the cause itself; its answer only names the record, as in AWS.
        error = 'the effects handler reported the record as failed (its log has the cause)';
      } catch (thrown) {
        error = `${(thrown as Error).name}: ${(thrown as Error).message}`;
      }
      // Throws while the engine is unreachable: then the record is not to blame and keeps its tries.
      await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn, Limit: 1 }));
      if (attempt >= this.maxAttempts) return this.skip(shardId, record, error, attempt);
      await new Promise((done) => setTimeout(done, this.retryPauseMs * attempt));
    }
  }

  private async skip(shardId: string, record: _Record, error: string, attempts: number): Promise<void> {
    const keys = record.dynamodb?.Keys;
    const failure: StreamFailure = {
      shardId,
      sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
      eventName: record.eventName ?? '',
      keys: keys ? unmarshall(keys as Parameters<typeof unmarshall>[0]) : {},
      error,
      attempts,
      at: new Date().toISOString(),
    };
    await this.options.failures?.record(failure);
    log.warn('local effects: skipped a stream record after its last attempt (GET /local/failures)', {
      ...failure,
    });
  }

  private async discoverShards(): Promise<void> {
    let start: string | undefined;
    do {
      const out = await this.client.send(
        new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of out.StreamDescription?.Shards ?? []) {
        if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
        const lastSequence = this.resumeAfter[shard.ShardId];
        this.shards.set(shard.ShardId, {
          iterator: undefined,
          done: false,
          ...(lastSequence ? { lastSequence } : {}),
        });
      }
      start = out.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    this.describe = ![...this.shards.values()].some((cursor) => !cursor.done);
  }

  /** An iterator after the last record done, or from the shard's oldest record when there is none. */
  private async resume(shardId: string, after: string | undefined): Promise<string | undefined> {
    if (after) {
      try {
        return await this.iterator(shardId, 'AFTER_SEQUENCE_NUMBER', after);
      } catch (error) {
        if ((error as Error).name !== 'TrimmedDataAccessException') throw error;
        log.warn('local stream: the record to resume after is gone (trimmed); reading the shard anew', {
          shardId,
          after,
        });
      }
    }
    return this.iterator(shardId, 'TRIM_HORIZON');
  }

  private async iterator(
    shardId: string,
    type: 'TRIM_HORIZON' | 'AFTER_SEQUENCE_NUMBER',
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

  private saveCheckpoint(): void {
    const file = this.options.checkpointFile;
    if (!file) return;
    const shards: Record<string, string> = { ...this.resumeAfter };
    for (const [shardId, cursor] of this.shards)
      if (cursor.lastSequence) shards[shardId] = cursor.lastSequence;
    const checkpoint: Checkpoint = { streamArn: this.streamArn, shards };
    const text = JSON.stringify(checkpoint);
    if (text === this.saved) return;
    writeState(file, checkpoint);
    this.saved = text;
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
