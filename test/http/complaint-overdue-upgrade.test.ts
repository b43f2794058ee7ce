/**
 * A desk whose table was made before the overdue index (people keep their `.data/`): starting the
 * desk adds the missing index to the existing table, and `GET /tickets?overdue=true` answers.
 */
import { randomBytes } from 'node:crypto';
import { CreateTableCommand, DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Desk, startDesk } from '../../infra/local/desk';
import { signToken } from '../../infra/local/jwt';
import { TABLE_INDEXES } from '../../shared/adapters/dynamo/table';
import { dynamoClient, uniqueTableName } from '../support/store';

const OLD_INDEXES = ['ticketsByPark', 'ticketsByParkKind', 'ticketsByParkKindStatus'] as const;
const client = dynamoClient();
const tableName = uniqueTableName('old');
const jwtKey = randomBytes(16).toString('hex');
let desk: Desk;

beforeAll(async () => {
  // Prepare: the table as the desk made it before complaints.
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: ['pk', 'sk', 'parkKey', 'parkKindKey', 'parkKindStatusKey', 'createdKey'].map(
        (AttributeName) => ({
          AttributeName,
          AttributeType: 'S',
        }),
      ),
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: OLD_INDEXES.map((IndexName) => ({
        IndexName,
        KeySchema: [
          { AttributeName: TABLE_INDEXES[IndexName].partitionKey, KeyType: 'HASH' },
          { AttributeName: 'createdKey', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  // Act: the desk starts on it.
  desk = await startDesk({
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName,
    jwtKey,
    port: 0,
    pollIntervalMs: 0,
  });
});
afterAll(async () => {
  await desk?.close();
  client.destroy();
});

describe('ensureTable on a table that predates an index', () => {
  it('adds every missing index (UpdateTable) and keeps the ones there', async () => {
    const table = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = (table.Table?.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i.IndexStatus]);
    expect(indexes.map(([name]) => name).sort()).toEqual(Object.keys(TABLE_INDEXES).sort());
    expect(indexes.every(([, status]) => status === 'ACTIVE')).toBe(true);
  });

  it('the overdue list answers on the upgraded table', async () => {
    const token = signToken(
      {
        sub: 'dispatcher-1',
        'custom:staffId': 'dispatcher-1',
        'cognito:groups': ['dispatcher'],
        'custom:parks': 'park-1',
      },
      jwtKey,
    );
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${desk.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      });
      // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the API answers
      return { status: res.status, body: (await res.json()) as any };
    };
    await call('POST', '/local/clock', { set: '2026-11-27T09:40:00+08:00' });
    const opened = await call('POST', '/tickets', {
      kind: 'complaint',
      caller: { name: '李女士', phone: '+8613800000002' },
      occurredAt: '2026-11-27T09:40:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运两天无人处理',
      valid: true,
      severity: 'minor',
    });
    expect(opened.status).toBe(201);
    await call('POST', '/local/clock', { advance: 'PT11M' });
    const overdue = await call('GET', '/tickets?kind=complaint&overdue=true');
    expect(overdue.status).toBe(200);
    expect(overdue.body.tickets.map((t: { id: string }) => t.id)).toEqual([opened.body.ticket.id]);
  });
});
