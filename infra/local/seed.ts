/** Writes the demo park into a table (locally on first start; `npm run seed:aws` in AWS). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../shared/adapters/dynamo/table';
import { DEMO_COMPANY, DEMO_PARK, DEMO_STAFF, DEMO_UNITS } from './demo-park';

export { DEMO_COMPANY, DEMO_PARK, DEMO_STAFF, DEMO_UNITS } from './demo-park';

/** Writes the demo park unless the park exists already. Returns whether it wrote anything. */
export async function seedDemoPark(db: DynamoDBDocumentClient, tableName: string): Promise<boolean> {
  const existing = await db.send(new GetCommand({ TableName: tableName, Key: keys.park(DEMO_PARK.id) }));
  // The park list the reconciler walks (ADR 021, 022): added for a park seeded before it existed too.
  const listed = { ...keys.parkListing(DEMO_PARK.id), itemType: 'park-listing', parkId: DEMO_PARK.id };
  if (existing.Item) {
    await db.send(new PutCommand({ TableName: tableName, Item: listed }));
    return false;
  }
  const items: Record<string, unknown>[] = [
    { ...keys.company(DEMO_COMPANY.id), itemType: 'company', ...DEMO_COMPANY },
    ...DEMO_STAFF.map((s) => ({ ...keys.staff(s.parkId, s.id), itemType: 'staff', ...s })),
    ...DEMO_UNITS.map((u) => ({ ...keys.unit(u.parkId, u.unit), itemType: 'unit', ...u })),
    listed,
    // The park last: its presence means the seed is complete.
    { ...keys.park(DEMO_PARK.id), itemType: 'park', ...DEMO_PARK },
  ];
  for (let i = 0; i < items.length; i += 25) {
    const batch = items.slice(i, i + 25);
    let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
      [tableName]: batch.map((Item) => ({ PutRequest: { Item } })),
    };
    while (request && Object.keys(request).length > 0) {
      const out = await db.send(new BatchWriteCommand({ RequestItems: request }));
      request = out.UnprocessedItems as typeof request;
    }
  }
  return true;
}
