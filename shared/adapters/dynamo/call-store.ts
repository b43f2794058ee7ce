/**
 * The IVR's items in the single table: per call, one item per answered step and one claim on the
 * call's ticket (pk `CALL#<provider>#<id>`); and the caller lookup by phone on the park's units.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Unit } from '../../domain/park';
import type { CallKey, CallStore, TicketClaim } from '../../ports';
import { keys } from './table';

function callPk(call: CallKey): string {
  return `CALL#${call.provider}#${call.id}`;
}

/** Not `TICKET`: the stream consumer reads sk `TICKET` as a ticket image. */
const CLAIM_SK = 'CLAIM#TICKET';

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

export class DynamoCallStore implements CallStore {
  /** Units by phone per park, for a minute per container: residents move seldom, calls come often. */
  private readonly phones = new Map<string, { byPhone: Map<string, Unit[]>; until: number }>();
  static readonly UNIT_CACHE_MS = 60_000;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  // The answer given to one step of one call.
  async answerOf(call: CallKey, step: string): Promise<string | undefined> {
    const out = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { pk: callPk(call), sk: `STEP#${step}` },
        ConsistentRead: true,
        ProjectionExpression: 'answer',
      }),
    );
    return typeof out.Item?.answer === 'string' ? out.Item.answer : undefined;
  }

  async keepAnswer(call: CallKey, step: string, answer: string, at: string): Promise<string> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: callPk(call), sk: `STEP#${step}`, itemType: 'call-step', answer, at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return answer;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return (await this.answerOf(call, step)) ?? answer;
    }
  }

  async claimTicket(call: CallKey, ticketId: string, at: string): Promise<TicketClaim> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { pk: callPk(call), sk: CLAIM_SK, itemType: 'call-claim', ticketId, at },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return { ticketId, at, mine: true };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const out = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: { pk: callPk(call), sk: CLAIM_SK },
          ConsistentRead: true,
        }),
      );
      if (!out.Item) throw error;
      return { ticketId: String(out.Item.ticketId), at: String(out.Item.at), mine: false };
    }
  }

  // The park's units listing a phone among their residents: one Query on the park's partition
  // (units only), remembered for a minute.
  async unitsOfPhone(parkId: string, phone: string): Promise<Unit[]> {
    const cached = this.phones.get(parkId);
    if (cached && cached.until > Date.now()) return cached.byPhone.get(phone) ?? [];
    const byPhone = new Map<string, Unit[]>();
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :unit)',
          ExpressionAttributeValues: { ':pk': keys.park(parkId).pk, ':unit': 'UNIT#' },
          ProjectionExpression: 'parkId, #unit, address, residents',
          ExpressionAttributeNames: { '#unit': 'unit' },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of (out.Items ?? []) as Unit[]) {
        for (const resident of item.residents ?? []) {
          byPhone.set(resident.phone, [...(byPhone.get(resident.phone) ?? []), item]);
        }
      }
      start = out.LastEvaluatedKey;
    } while (start);
    this.phones.set(parkId, { byPhone, until: Date.now() + DynamoCallStore.UNIT_CACHE_MS });
    return byPhone.get(phone) ?? [];
  }
}
