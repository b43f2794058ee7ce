/** Creates the desk's table in DynamoDB Local with the same keys, indexes and stream as in AWS. */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateTableCommand, DescribeTableCommand, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { attributeDefinitions, TABLE_INDEXES, TABLE_KEYS } from '../../shared/adapters/dynamo/table';

export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<{ created: boolean; streamArn: string }> {
  try {
    const found = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const streamArn = found.Table?.LatestStreamArn;
    if (!streamArn) throw new Error(`table ${tableName} exists without a stream`);
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
      GlobalSecondaryIndexes: Object.entries(TABLE_INDEXES).map(([IndexName, index]) => ({
        IndexName,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
    }),
  );
  const streamArn = out.TableDescription?.LatestStreamArn;
  if (!streamArn) throw new Error(`table ${tableName} was created without a stream`);
  return { created: true, streamArn };
}
