/** The dependencies every function needs in AWS: the table, the system clock, ids. */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ENV } from '../../config';
import { DynamoTicketStore } from '../dynamo/ticket-store';
import { systemClock, UlidIds } from '../ids';
import { REQUEST_PATH_BUDGET, sdkClientConfig } from './sdk';

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

/** The functions' DynamoDB client: bounded attempts and timeouts (sdk.ts); `config` for tests. */
export function dynamoDbClient(config: DynamoDBClientConfig = {}): DynamoDBClient {
  return new DynamoDBClient({ ...sdkClientConfig(REQUEST_PATH_BUDGET), ...config });
}

export function awsCoreDeps() {
  const store = new DynamoTicketStore(documentClient(dynamoDbClient()), requiredEnv(ENV.tableName));
  return { store, directory: store, clock: systemClock, ids: new UlidIds(systemClock) };
}
