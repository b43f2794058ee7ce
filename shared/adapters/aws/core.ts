/** The dependencies every function needs in AWS: the table, the system clock, ids. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../config';
import { DynamoTicketStore } from '../dynamo/ticket-store';
import { systemClock, UlidIds } from '../ids';

export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}

export function awsCoreDeps() {
  const store = new DynamoTicketStore(documentClient(new DynamoDBClient({})), requiredEnv(ENV.tableName));
  return { store, directory: store, clock: systemClock, ids: new UlidIds(systemClock) };
}
