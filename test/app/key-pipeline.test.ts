/**
 * The key register's AWS path, through the Lambda handlers with AWS-shaped events: an HTTP API v2
 * event with Cognito claims in, one TransactWriteItems per command, and a DynamoDB Streams record
 * (NEW_AND_OLD_IMAGES) of a lost key's event into the effects function, SNS mocked: one SMS to the
 * security manager, never two for a replayed record (KY-1).
 */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as registerHandler } from '../../functions/http/register-keys';
import { handler as lostHandler } from '../../functions/http/report-key-lost';
import { handler as commandHandler } from '../../functions/http/ticket-command';
import { handler as openHandler } from '../../functions/http/open-ticket';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { provideDeps } from '../../shared/runtime';
import { awsDeps } from '../support/aws-deps';
import { apiEvent, DISPATCHER_ID_TOKEN_CLAIMS, invoke } from '../support/http-event';
import { freshStore, logCalls } from '../support/store';

const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);

const claims = (staffId: string, group: string) => ({
  ...DISPATCHER_ID_TOKEN_CLAIMS,
  'cognito:groups': `[${group}]`,
  'custom:staffId': staffId,
  'cognito:username': staffId,
  name: staffId === 'security-guard-1' ? '孙鹏' : '黄磊',
});
const GUARD = claims('security-guard-1', 'security');
const OFFICE = claims('property-office-1', 'office');

let env: Awaited<ReturnType<typeof freshStore>>;
const calls: string[] = [];

beforeAll(async () => {
  env = await freshStore();
  logCalls(env.client, calls);
  const clock = new AdjustableClock();
  clock.set(new Date('2026-11-27T10:00:00+08:00'));
  provideDeps(awsDeps(env.store, clock));
});
afterAll(() => provideDeps(undefined));
beforeEach(() => {
  scheduler.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  calls.length = 0;
});

async function register(tag: string): Promise<string> {
  const res = await invoke(
    registerHandler,
    apiEvent('POST /keys', { claims: GUARD, body: { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag } }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.keySet.id;
}

/** The stream record DynamoDB writes for an inserted item. */
function insertRecord(item: Record<string, unknown>, sequence: string): DynamoDBStreamEvent {
  return {
    Records: [
      {
        eventName: 'INSERT',
        dynamodb: {
          Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
          NewImage: marshall(item, { removeUndefinedValues: true }) as never,
          SequenceNumber: sequence,
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      },
    ],
  };
}

describe('one write per command', () => {
  it('POST /keys: one TransactWriteItems (set, event, tag); POST /keys/{id}/report-lost: one', async () => {
    const id = await register('K-1001');
    expect(calls.filter((c) => c !== 'GetItemCommand')).toEqual(['TransactWriteItemsCommand']);
    calls.length = 0;
    const lost = await invoke(
      lostHandler,
      apiEvent('POST /keys/{id}/report-lost', { claims: GUARD, pathParameters: { id }, body: {} }),
    );
    expect(lost.status, JSON.stringify(lost.body)).toBe(200);
    expect(calls.filter((c) => c === 'TransactWriteItemsCommand')).toHaveLength(1);
    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
  });

  it('KY-4: a hand-out changes the ticket AND the key set in ONE TransactWriteItems', async () => {
    const keyId = await register('K-1002');
    const opened = await invoke(
      openHandler,
      apiEvent('POST /tickets', {
        claims: OFFICE,
        body: {
          kind: 'key',
          keyId,
          requester: { type: 'owner', name: '王先生', phone: '+8613800000001' },
          reason: '取物',
        },
      }),
    );
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.ticket.id;
    const command = (name: string, body: unknown, who = OFFICE) =>
      invoke(
        commandHandler,
        apiEvent('POST /tickets/{id}/{command}', {
          claims: who,
          pathParameters: { id, command: name },
          body,
        }),
      );
    expect(
      (await command('verify', { idChecked: true, idType: 'resident-id', idLast4: '0012' })).status,
    ).toBe(200);
    expect((await command('issue-slip', {})).status).toBe(200);
    calls.length = 0;
    const out = await command(
      'hand-out',
      { guardId: 'security-guard-1', idChecked: true, idType: 'resident-id', idLast4: '0012' },
      GUARD,
    );
    expect(out.status, JSON.stringify(out.body)).toBe(200);
    // The token's allowance is its own UpdateItem (ADR 011); the ticket and the key set are one write.
    expect(calls.filter((c) => !['GetItemCommand', 'QueryCommand'].includes(c))).toEqual([
      'UpdateItemCommand',
      'TransactWriteItemsCommand',
    ]);
    expect((await env.store.keySet(keyId))?.state).toBe('out');
  });
});

describe('KY-1: a lost key’s SMS, from the stream', () => {
  it('KY-1: the effects function texts the security manager once, however often the record comes', async () => {
    const id = await register('K-1003');
    await invoke(
      lostHandler,
      apiEvent('POST /keys/{id}/report-lost', {
        claims: GUARD,
        pathParameters: { id },
        body: { note: '遗失' },
      }),
    );
    const items = await env.db.send(
      new QueryCommand({
        TableName: env.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `KEYSET#${id}` },
      }),
    );
    const lostEvent = items.Items?.find((i) => i.sk === 'EVENT#000002');
    expect(lostEvent?.type).toBe('key.reported-lost');

    const first = await effectsHandler(insertRecord(lostEvent as Record<string, unknown>, '100'));
    const replay = await effectsHandler(insertRecord(lostEvent as Record<string, unknown>, '100'));

    expect(first.batchItemFailures).toEqual([]);
    expect(replay.batchItemFailures).toEqual([]);
    const published = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({
      PhoneNumber: '+8613900000016',
      Message: '【翠湖物业】钥匙遗失:K-1003(3-2-1502入户门钥匙)×2,孙鹏报告,请处理。',
    });
    expect(scheduler.calls()).toHaveLength(0);
    const history = await env.store.keySetHistory(id);
    expect(history?.sms).toMatchObject([
      { subject: 'key-set', state: 'sent', purpose: 'key-lost', messageId: 'm-1' },
    ]);
  });

  it('the key set’s own item changing sets no timer and sends nothing', async () => {
    const id = await register('K-1004');
    const set = (
      await env.db.send(
        new QueryCommand({
          TableName: env.tableName,
          KeyConditionExpression: 'pk = :pk AND sk = :sk',
          ExpressionAttributeValues: { ':pk': `KEYSET#${id}`, ':sk': 'KEYSET' },
        }),
      )
    ).Items?.[0];
    const result = await effectsHandler(insertRecord(set as Record<string, unknown>, '200'));
    expect(result.batchItemFailures).toEqual([]);
    expect(sns.calls()).toHaveLength(0);
    expect(scheduler.calls()).toHaveLength(0);
  });
});
