/**
 * Creates the desk's table in DynamoDB Local with the same keys, indexes and stream as in AWS.
 *
 * Not its time to live (ADR 011): DynamoDB Local runs a deletion job per TTL table on the same
 * pool of ten threads that backfills a new index, so a few dozen test tables with TTL left an
 * index `CREATING` for minutes. Nothing depends on the purge: every reader ignores an expired item
 * itself, as it must in AWS, where TTL deletes up to days late.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceNotFoundException,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import {
  attributeDefinitions,
  projectionOf,
  TABLE_INDEXES,
  TABLE_KEYS,
  type TableIndexName,
} from '../../shared/adapters/dynamo/table';

function indexSpec(IndexName: string, index: { partitionKey: string; sortKey: string }) {
  return {
    IndexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' as const },
      { AttributeName: index.sortKey, KeyType: 'RANGE' as const },
    ],
    Projection: { ProjectionType: projectionOf(IndexName as TableIndexName) },
  };
}

/**
 * Adds the indexes a table made by an older desk lacks (people keep their `.data/`), one per
 * UpdateTable as DynamoDB requires, waiting for each to be active before the next.
 */
async function addMissingIndexes(
  client: DynamoDBClient,
  tableName: string,
  present: Set<string>,
): Promise<void> {
  for (const [name, index] of Object.entries(TABLE_INDEXES)) {
    if (present.has(name)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions(),
        GlobalSecondaryIndexUpdates: [{ Create: indexSpec(name, index) }],
      }),
    );
    for (let attempt = 0; ; attempt++) {
      const out = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const status = out.Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === name)?.IndexStatus;
      if (status === 'ACTIVE') break;
      // Generous: DynamoDB Local backfills an index in the JVM, which a busy 2-core machine slows.
      if (attempt >= 3000)
        throw new Error(`index ${name} of ${tableName} is still ${status ?? 'missing'} after five minutes`);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
): Promise<{ created: boolean; streamArn: string }> {
  try {
    const found = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = found.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${tableName} exists without a stream`);
    const present = new Set((found.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName ?? ''));
    await addMissingIndexes(client, tableName, present);
    return { created: false, streamArn };
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const out = await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: attributeDefinitions(),
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Object.entries(TABLE_INDEXES).map(([name, index]) => indexSpec(name, index)),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  const streamArn = out.TableDescription?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} was created without a stream`);
  return { created: true, streamArn };
}
