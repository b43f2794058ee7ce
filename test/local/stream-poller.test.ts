/**
 * The local stream poller against DynamoDB Local's real stream: a record that keeps failing is
 * skipped after its attempts and recorded (the on-failure queue), a checkpoint keeps a restart from
 * replaying what was done, and a failure while the engine is unreachable is not the record's fault.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import { FailureLog } from '../../infra/local/failures';
import { StreamPoller } from '../../infra/local/stream-poller';
import { freshStore } from '../support/store';

const temp = mkdtempSync(join(tmpdir(), 'estate-desk-poller-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const streams = new DynamoDBStreamsClient({
  endpoint: inject('dynamoEndpoint'),
  region: 'ap-east-1',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});
afterAll(() => streams.destroy());

/** A table of its own, a way to write items to it, and its stream. */
async function table() {
  const { client, db, tableName } = await freshStore({ seed: false });
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = described.Table?.LatestStreamArn ?? '';
  const put = (pk: string) =>
    db.send(new PutCommand({ TableName: tableName, Item: { pk, sk: 'ITEM', itemType: 'test' } }));
  return { db, tableName, streamArn, put };
}

/** An effects handler that notes the pk of each record it is given and fails for the pks in `failing`. */
function effects(failing: Set<string> = new Set()) {
  const seen: string[] = [];
  const handle = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const record = event.Records[0];
    const pk = String(record?.dynamodb?.Keys?.pk?.S);
    seen.push(pk);
    if (failing.has(pk))
      return { batchItemFailures: [{ itemIdentifier: record?.dynamodb?.SequenceNumber ?? '' }] };
    return { batchItemFailures: [] };
  };
  return { seen, handle };
}

/** Warning lines the desk's logger writes, caught on stderr. */
let warnings: string[];
beforeEach(() => {
  warnings = [];
  vi.stubEnv('LOG_LEVEL', 'warn');
  const write = process.stderr.write.bind(process.stderr);
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown, ...rest: unknown[]) => {
    const text = String(chunk);
    if (text.includes('"level":"warn"')) {
      warnings.push(text);
      return true;
    }
    return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('a stream record that keeps failing', () => {
  it('is tried 3 times, then skipped and recorded once, and the records behind it are handled', async () => {
    // Prepare: a good record, a bad one, a good one.
    const { db, tableName, streamArn, put } = await table();
    await put('a');
    await put('bad');
    await put('c');
    const { seen, handle } = effects(new Set(['bad']));
    const failures = new FailureLog(db, tableName);
    const poller = new StreamPoller(streams, streamArn, handle, { failures, retryPauseMs: 1 });

    // Act
    await poller.pollOnce();
    // Later polls (the failure row is a record too) try the bad one no more.
    for (let i = 0; i < 5; i++) await poller.pollOnce();

    // Assess
    // (The failure row is an item of the table too: its record follows, and is handled.)
    expect(seen.filter((pk) => !pk.startsWith('LOCAL#'))).toEqual(['a', 'bad', 'bad', 'bad', 'c']);
    const recorded = await failures.list();
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({
      keys: { pk: 'bad', sk: 'ITEM' },
      eventName: 'INSERT',
      attempts: 3,
      error: expect.stringContaining('reported the record as failed'),
    });
    expect(recorded[0]?.sequenceNumber).toMatch(/^\d+$/);
    expect(warnings.filter((w) => w.includes('skipped a stream record'))).toHaveLength(1);
  });

  it('is not blamed while DynamoDB Local is unreachable: the poll fails and the record is read again', async () => {
    // Prepare: the engine "goes away" while the handler works on the record.
    const { db, tableName, streamArn, put } = await table();
    await put('x');
    let down = false;
    const refused = () =>
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1'), { code: 'ECONNREFUSED' });
    const flaky = {
      send: (command: Parameters<DynamoDBStreamsClient['send']>[0]) =>
        down ? Promise.reject(refused()) : streams.send(command),
    } as unknown as DynamoDBStreamsClient;
    const seen: string[] = [];
    const handle = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
      const record = event.Records[0];
      seen.push(String(record?.dynamodb?.Keys?.pk?.S));
      if (seen.length === 1) down = true;
      return down
        ? { batchItemFailures: [{ itemIdentifier: record?.dynamodb?.SequenceNumber ?? '' }] }
        : { batchItemFailures: [] };
    };
    const failures = new FailureLog(db, tableName);
    const poller = new StreamPoller(flaky, streamArn, handle, { failures, retryPauseMs: 1 });

    // Act: the outage, then the engine back.
    await expect(poller.pollOnce()).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    down = false;
    const handled = await poller.pollOnce();

    // Assess: one try during the outage, one after; nothing skipped.
    expect(seen).toEqual(['x', 'x']);
    expect(handled).toBe(1);
    expect(await failures.list()).toEqual([]);
  });
});

describe('the stream checkpoint', () => {
  it('lets a new poller (a restarted desk) resume after the last record done, not replay the stream', async () => {
    // Prepare
    const { streamArn, put } = await table();
    const checkpointFile = join(temp, 'resume.json');
    await put('a');
    await put('b');
    const first = effects();
    expect(await new StreamPoller(streams, streamArn, first.handle, { checkpointFile }).pollOnce()).toBe(2);

    // Act: a new poller on the same checkpoint; one more record.
    const second = effects();
    const poller = new StreamPoller(streams, streamArn, second.handle, { checkpointFile });
    const replayed = await poller.pollOnce();
    await put('c');
    const after = await poller.pollOnce();

    // Assess
    expect(first.seen).toEqual(['a', 'b']);
    expect(replayed).toBe(0);
    expect(after).toBe(1);
    expect(second.seen).toEqual(['c']);
    const kept = JSON.parse(readFileSync(checkpointFile, 'utf8'));
    expect(kept.streamArn).toBe(streamArn);
    expect(Object.values(kept.shards)).toHaveLength(1);
  });

  it("reads from the oldest record when the checkpoint is another stream's (the table was made anew)", async () => {
    // Prepare: a checkpoint that names another stream.
    const { streamArn, put } = await table();
    await put('a');
    const checkpointFile = join(temp, 'other.json');
    writeFileSync(checkpointFile, JSON.stringify({ streamArn: `${streamArn}-old`, shards: {} }));

    // Act
    const { seen, handle } = effects();
    await new StreamPoller(streams, streamArn, handle, { checkpointFile }).pollOnce();

    // Assess
    expect(seen).toEqual(['a']);
  });
});
