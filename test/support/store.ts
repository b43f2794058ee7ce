/** Test helpers against the run's DynamoDB Local: a fresh table per call, seeded with the demo park. */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { ensureTable } from '../../infra/local/tables';
import { DEMO_PARK, seedDemoPark } from '../../infra/local/seed';
import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamo/table';
import type { LimitSettings } from '../../shared/domain/park';

export function dynamoClient(): DynamoDBClient {
  return new DynamoDBClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

export function uniqueTableName(prefix = 'test'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}`;
}

/**
 * A new table with the demo park, and a store on it. `limits` replaces some of the park's limits
 * (ADR 011), e.g. for a file whose tests are about something else and call from one number often.
 */
export async function freshStore(options: { seed?: boolean; limits?: Partial<LimitSettings> } = {}) {
  const client = dynamoClient();
  const db = documentClient(client);
  const tableName = uniqueTableName();
  await ensureTable(client, tableName);
  if (options.seed !== false) await seedDemoPark(db, tableName);
  if (options.limits) await setParkLimits(db, tableName, options.limits);
  return { client, db, tableName, store: new DynamoTicketStore(db, tableName) };
}

/** Replaces some of the demo park's limits; before anything reads the park (it is cached a minute). */
export async function setParkLimits(
  db: DynamoDBDocumentClient,
  tableName: string,
  limits: Partial<LimitSettings>,
): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: tableName,
      Key: keys.park(DEMO_PARK.id),
      UpdateExpression: 'SET limits = :limits',
      ExpressionAttributeValues: { ':limits': { ...DEMO_PARK.limits, ...limits } },
    }),
  );
}

/** Records the name of every command the client sends (e.g. `TransactWriteItemsCommand`) into `log`. */
export function logCalls(client: DynamoDBClient, log: string[]): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      log.push(String((context as { commandName?: string }).commandName));
      return next(args);
    },
    { step: 'initialize', name: 'logCalls' },
  );
}
