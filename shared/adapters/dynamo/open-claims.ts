/**
 * Claims only one open ticket may hold (ports/open-claims.ts; MI: one open move-in case per unit,
 * ADR 014). Each is an item of its own (`MOVEIN#<park>#<unit>`, itemType `open-claim`), taken by a
 * Put in the new ticket's transaction — where nobody holds it, or the last holder released it — and
 * released by an Update in the transaction of the event that ends the ticket. Like the `SLIP#`
 * claims (service-slips.ts), the condition is the race guard: of two openings at once, one lands.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ClaimTaken } from '../../domain/errors';
import type { Ticket } from '../../domain/tickets';
import type { ClaimHolder, OpenClaim } from '../../ports';
import { voidRefusedPage } from './register-numbers';
import { keys } from './table';

export const OPEN_CLAIM_ITEM = 'open-claim';

export function claimKey(claim: OpenClaim) {
  switch (claim.type) {
    case 'move-in-unit':
      return keys.moveInClaim(claim.parkId, claim.value);
  }
}

/** The Put that takes `claim` for the new `ticket`: fails its condition while another holds it. */
export function claimPut(tableName: string, ticket: Ticket, claim: OpenClaim) {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...claimKey(claim),
        itemType: OPEN_CLAIM_ITEM,
        claim: claim.type,
        parkId: claim.parkId,
        value: claim.value,
        ticketId: ticket.id,
        ...(ticket.number ? { ticketNumber: ticket.number } : {}),
        at: ticket.createdAt,
      },
      ConditionExpression: 'attribute_not_exists(pk) OR attribute_exists(releasedAt)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
    },
  };
}

/**
 * The Update that releases `claim` held by `ticket`, with the event that ends it. A ticket opened
 * before claims existed holds none: the update then leaves a released item, which takes nothing
 * from anyone. Held by another ticket, the whole transaction fails (a 409, nothing written).
 */
export function claimRelease(tableName: string, ticket: Ticket, claim: OpenClaim, at: string) {
  return {
    Update: {
      TableName: tableName,
      Key: claimKey(claim),
      UpdateExpression:
        'SET releasedAt = :at, releasedBy = :id, itemType = :type, claim = :claim, parkId = :park, #value = :value',
      ConditionExpression: 'attribute_not_exists(pk) OR ticketId = :id',
      ExpressionAttributeNames: { '#value': 'value' },
      ExpressionAttributeValues: {
        ':at': at,
        ':id': ticket.id,
        ':type': OPEN_CLAIM_ITEM,
        ':claim': claim.type,
        ':park': claim.parkId,
        ':value': claim.value,
      },
    },
  };
}

/** The open ticket holding `claim`, if one does (a released claim is held by none). */
export async function readClaimHolder(
  db: DynamoDBDocumentClient,
  tableName: string,
  claim: OpenClaim,
): Promise<ClaimHolder | undefined> {
  const out = await db.send(
    new GetCommand({ TableName: tableName, Key: claimKey(claim), ConsistentRead: true }),
  );
  return holderOf(out.Item);
}

/** The holder an item (plain, or an ALL_OLD image still marshalled) names, unless it is released. */
export function holderOf(item: Record<string, unknown> | undefined): ClaimHolder | undefined {
  if (!item || item.releasedAt !== undefined) return undefined;
  const ticketId = text(item.ticketId);
  if (!ticketId) return undefined;
  const number = text(item.ticketNumber);
  return { ticketId, ...(number ? { number } : {}) };
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const s = (value as { S?: unknown } | undefined)?.S;
  return typeof s === 'string' ? s : undefined;
}

/**
 * A new ticket refused on a claim another open ticket holds (its transaction's item `at`): its
 * reserved number's page is voided now, so the register has no gap (ADR 010), then ClaimTaken
 * names the holder (from the ALL_OLD image the failed condition returned).
 */
export async function refuseClaim(
  db: DynamoDBDocumentClient,
  tableName: string,
  ticket: Ticket,
  error: unknown,
  at: number,
  numbering: { register: string; day: string; value: number } | undefined,
): Promise<never> {
  const reasons = (error as { CancellationReasons?: { Item?: Record<string, unknown> }[] })
    .CancellationReasons;
  const holder = holderOf(reasons?.[at]?.Item) ?? { ticketId: 'another ticket' };
  const name = holder.number ?? holder.ticketId;
  if (numbering) {
    await voidRefusedPage(
      db,
      tableName,
      ticket.parkId,
      numbering,
      `refused: ${name} holds what ticket ${ticket.id} claimed`,
      ticket.createdAt,
    );
  }
  throw new ClaimTaken(`held by ${name}`, holder, { cause: error });
}

/** Did the transaction fail on its release items (from `first` on) alone: held by another ticket? */
export function onlyReleasesFailed(error: unknown, first: number): boolean {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  const failed = reasons.flatMap((reason, i) => (reason.Code === 'ConditionalCheckFailed' ? [i] : []));
  return failed.length > 0 && failed.every((i) => i >= first);
}
