/** The short link tokens' claims on the single table: one small item per token (ADR 012). */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { StoredAckLink } from '../../ports/ack-links';
import { keys } from './table';

// Stores a token's claims; the same token always carries the same claims, so a second put is a no-op.
export async function putAckLink(
  db: DynamoDBDocumentClient,
  tableName: string,
  token: string,
  link: StoredAckLink,
): Promise<void> {
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: {
        ...keys.ackLink(token),
        itemType: 'ack-link',
        ticketId: link.ticketId,
        staffId: link.staffId,
        purpose: link.purpose,
        expiresAt: link.expiresAt,
      },
    }),
  );
}

// The claims stored under a token: what the link page checks the token against.
export async function getAckLink(
  db: DynamoDBDocumentClient,
  tableName: string,
  token: string,
): Promise<StoredAckLink | undefined> {
  const out = await db.send(new GetCommand({ TableName: tableName, Key: keys.ackLink(token) }));
  const item = out.Item;
  if (!item) return undefined;
  return {
    ticketId: String(item.ticketId),
    staffId: String(item.staffId),
    purpose: item.purpose as StoredAckLink['purpose'],
    expiresAt: String(item.expiresAt),
  };
}
