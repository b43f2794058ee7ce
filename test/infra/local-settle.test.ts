/**
 * What settling the local desk costs when there is little or nothing to do: it runs after every
 * `GET /local/sms`, at every stop of a moved clock and every round of a settle, so "nothing
 * pending" must be cheap (issue 9, point 16). Counted in requests, which hold on any machine.
 */
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { Settler } from '../../infra/local/settle';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { TimerRows } from '../../shared/adapters/local/timer-rows';
import type { TimerPayload } from '../../shared/ports';
import { streamsClient } from '../support/aws-deps';
import { SteppedClock } from '../support/clock';
import { freshStore } from '../support/store';

/** Records the name of every command `client` sends into `log`. */
function logStreamCalls(client: DynamoDBStreamsClient, log: string[]): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      log.push(String((context as { commandName?: string }).commandName));
      return next(args);
    },
    { step: 'initialize', name: 'logStreamCalls' },
  );
}

function collector() {
  const seen: string[] = [];
  const handle = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) seen.push(record.dynamodb?.SequenceNumber ?? '?');
    return { batchItemFailures: [] };
  };
  return { seen, handle };
}

describe('the local stream poller', () => {
  it('with nothing pending, a poll is one GetRecords per open shard: the stream is described once', async () => {
    // Prepare: a table with one record read.
    const { client, db, tableName } = await freshStore({ seed: false });
    const { streamArn } = await ensureTable(client, tableName);
    const streams = streamsClient();
    const calls: string[] = [];
    logStreamCalls(streams, calls);
    const { seen, handle } = collector();
    const poller = new StreamPoller(streams, streamArn, handle);
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'NOTE#1', sk: 'NOTE' } }));
    expect(await poller.pollOnce()).toBe(1);
    const shards = (await streams.send(new DescribeStreamCommand({ StreamArn: streamArn }))).StreamDescription
      ?.Shards;
    const open = (shards ?? []).filter((s) => !s.SequenceNumberRange?.EndingSequenceNumber).length;
    calls.length = 0;

    // Act: three polls with nothing new, then one more record.
    const empty = [await poller.pollOnce(), await poller.pollOnce(), await poller.pollOnce()];
    const emptyCalls = [...calls];
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'NOTE#2', sk: 'NOTE' } }));
    const next = await poller.pollOnce();

    // Assess
    expect(empty).toEqual([0, 0, 0]);
    expect(open).toBeGreaterThan(0);
    expect(emptyCalls).toEqual(Array.from({ length: 3 * open }, () => 'GetRecordsCommand'));
    expect(next).toBe(1);
    expect(seen).toHaveLength(2);
    streams.destroy();
    client.destroy();
  });

  it('describes the stream again once a shard is read to its end, and reads its successor', async () => {
    // Prepare: shard-1 closes after one record; shard-2 then appears, as when DynamoDB rolls a shard.
    const mock = mockClient(DynamoDBStreamsClient);
    const shard = (id: string, closed: boolean) => ({
      ShardId: id,
      SequenceNumberRange: { StartingSequenceNumber: '1', ...(closed ? { EndingSequenceNumber: '1' } : {}) },
    });
    mock
      .on(DescribeStreamCommand)
      .resolvesOnce({ StreamDescription: { Shards: [shard('shard-1', false)] } })
      .resolves({ StreamDescription: { Shards: [shard('shard-1', true), shard('shard-2', false)] } });
    mock.on(GetShardIteratorCommand, { ShardId: 'shard-1' }).resolves({ ShardIterator: 'it-1' });
    mock.on(GetShardIteratorCommand, { ShardId: 'shard-2' }).resolves({ ShardIterator: 'it-2' });
    const record = (seq: string) => ({ eventName: 'INSERT' as const, dynamodb: { SequenceNumber: seq } });
    mock.on(GetRecordsCommand, { ShardIterator: 'it-1' }).resolves({ Records: [record('1')] });
    mock
      .on(GetRecordsCommand, { ShardIterator: 'it-2' })
      .resolves({ Records: [record('2')], NextShardIterator: 'it-2b' });
    mock
      .on(GetRecordsCommand, { ShardIterator: 'it-2b' })
      .resolves({ Records: [], NextShardIterator: 'it-2b' });
    const { seen, handle } = collector();
    const poller = new StreamPoller(new DynamoDBStreamsClient({ region: 'ap-east-1' }), 'arn:stream', handle);

    // Act
    const handled = [await poller.pollOnce(), await poller.pollOnce(), await poller.pollOnce()];

    // Assess: shard-1's record, then shard-2's, then nothing; described twice, not on every poll.
    expect(handled).toEqual([1, 1, 0]);
    expect(seen).toEqual(['1', '2']);
    expect(mock.commandCalls(DescribeStreamCommand)).toHaveLength(2);
    mock.restore();
  });
});

/** Each Query the client sends: how many items it answered with. */
function logQueries(client: DynamoDBClient, counts: number[]): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const out = await next(args);
      if ((context as { commandName?: string }).commandName === 'QueryCommand') {
        counts.push(Number((out.output as { Count?: number }).Count ?? 0));
      }
      return out;
    },
    { step: 'initialize', name: 'logQueries' },
  );
}

describe('settling and moving the local clock', () => {
  async function world() {
    const { client, db, tableName } = await freshStore({ seed: false });
    const { streamArn } = await ensureTable(client, tableName);
    // Not an empty stream: DynamoDB Local may answer TrimmedDataAccessException to an iterator read
    // on an empty shard once the first record arrives (aws/aws-sdk-java#2923). The desk seeds first.
    await db.send(new PutCommand({ TableName: tableName, Item: { pk: 'NOTE#0', sk: 'NOTE' } }));
    const streams = streamsClient();
    const timerRows = new TimerRows(db, tableName);
    const clock = new SteppedClock(new Date('2026-11-27T09:00:00+08:00'));
    const fired: TimerPayload[] = [];
    const timerDue = async (input: unknown) => {
      fired.push(input as TimerPayload);
      return { outcome: 'fired' };
    };
    const settler = new Settler(
      new StreamPoller(streams, streamArn, collector().handle),
      timerRows,
      timerDue,
      clock,
    );
    const schedule = (ticketId: string, dueAt: string) =>
      timerRows.schedule({
        ticketId,
        parkId: 'park-1',
        timer: 'ack-30m',
        dueAt: new Date(dueAt),
        timeZone: 'Asia/Shanghai',
      });
    return { client, streams, clock, settler, fired, schedule };
  }

  it('with nothing pending, a settle is one GetRecords per open shard and one look at the due timers', async () => {
    // Prepare: a settle that read the stream once.
    const { client, streams, settler } = await world();
    await settler.settle();
    const streamCalls: string[] = [];
    const queries: number[] = [];
    logStreamCalls(streams, streamCalls);
    logQueries(client, queries);

    // Act
    const fired = await settler.settle();

    // Assess
    expect(fired).toEqual([]);
    expect(streamCalls).toEqual(['GetRecordsCommand']);
    expect(queries).toEqual([0]);
  });

  it('a settle that applied records and fired nothing looks at the due timers once, after them', async () => {
    // Prepare: a timer scheduled (a stream record to apply), not yet due.
    const { client, streams, settler, schedule } = await world();
    await settler.settle();
    await schedule('TICKET-1', '2026-11-27T12:00:00+08:00');
    const streamCalls: string[] = [];
    const queries: number[] = [];
    logStreamCalls(streams, streamCalls);
    logQueries(client, queries);

    // Act
    const fired = await settler.settle();

    // Assess: records, then the timers, then one more read finds the stream empty.
    expect(fired).toEqual([]);
    expect(streamCalls).toEqual(['GetRecordsCommand', 'GetRecordsCommand', 'GetRecordsCommand']);
    expect(queries).toEqual([0]);
  });

  it('a moved clock stops once per due time (equal ones fire together) and reads one timer row to find the next', async () => {
    // Prepare: three timers due at 09:30, two at 10:00, and forty after the target.
    const { client, settler, fired, schedule } = await world();
    for (const t of ['A1', 'A2', 'A3']) await schedule(`TICKET-${t}`, '2026-11-27T09:30:00+08:00');
    for (const t of ['B1', 'B2']) await schedule(`TICKET-${t}`, '2026-11-27T10:00:00+08:00');
    for (let i = 0; i < 40; i++)
      await schedule(`TICKET-C${String(i).padStart(2, '0')}`, '2026-11-27T12:00:00+08:00');
    await settler.settle();
    const queries: number[] = [];
    logQueries(client, queries);

    // Act
    const moved = await settler.moveClock(new Date('2026-11-27T11:00:00+08:00'));

    // Assess: each fired at its own time; no look at the timers read the forty still pending.
    expect(fired.map((f) => f.ticketId)).toEqual([
      'TICKET-A1',
      'TICKET-A2',
      'TICKET-A3',
      'TICKET-B1',
      'TICKET-B2',
    ]);
    const firedAt = moved.map((f) => f.firedAt.slice(0, 19));
    expect(firedAt).toEqual([
      ...Array(3).fill('2026-11-27T01:30:00'),
      ...Array(2).fill('2026-11-27T02:00:00'),
    ]);
    expect(Math.max(...queries)).toBeLessThanOrEqual(3);
  });
});
