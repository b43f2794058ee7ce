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
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { streamsClient } from '../support/aws-deps';
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
