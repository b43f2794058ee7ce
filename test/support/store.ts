/** Test helpers against the run's DynamoDB Local: a fresh table per call, seeded with the demo park. */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { ensureTable } from '../../infra/local/tables';
import { seedDemoPark } from '../../infra/local/seed';

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

/** A new table with the demo park, and a store on it. */
export async function freshStore(options: { seed?: boolean } = {}) {
  const client = dynamoClient();
  const db = documentClient(client);
  const tableName = uniqueTableName();
  await ensureTable(client, tableName);
  if (options.seed !== false) await seedDemoPark(db, tableName);
  return { client, db, tableName, store: new DynamoTicketStore(db, tableName) };
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
