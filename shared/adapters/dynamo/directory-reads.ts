/** The park's directory as the store reads it: settings (cached a minute), staff, units. */
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { DEFAULT_TIME_ZONE } from '../../domain/formats';
import type { Park, StaffMember, Unit } from '../../domain/park';
import { keys } from './table';
import { UnsettledReads } from './unsettled';

const DIRECTORY_INTERNAL = ['pk', 'sk', 'itemType'];

function strip<T>(item: Record<string, unknown>, names: readonly string[]): T {
  const copy = { ...item };
  for (const name of names) delete copy[name];
  return copy as T;
}

/** The reconciler's reads come from UnsettledReads; these are the directory's (ports: Directory). */
export class DirectoryReads extends UnsettledReads {
  /** Park settings change seldom: kept for a minute per container, so intake need not read them. */
  private readonly parks = new Map<string, { park: Park; until: number }>();
  static readonly PARK_CACHE_MS = 60_000;

  async park(parkId: string): Promise<Park | undefined> {
    const cached = this.parks.get(parkId);
    if (cached && cached.until > Date.now()) return cached.park;
    const out = await this.db.send(new GetCommand({ TableName: this.tableName, Key: keys.park(parkId) }));
    if (!out.Item) return undefined;
    const park = strip<Park>(out.Item, DIRECTORY_INTERNAL);
    this.parks.set(parkId, { park, until: Date.now() + DirectoryReads.PARK_CACHE_MS });
    return park;
  }

  /**
   * The park's zone, for the work log's day of an item written now (ADR 022): the park is cached a
   * minute and the request writing has read it already; an unreadable park counts as the default zone.
   */
  protected async zoneOf(parkId: string): Promise<string> {
    return (await this.park(parkId))?.timeZone || DEFAULT_TIME_ZONE;
  }

  // A park's staff directory in id order: one Query on the park's partition.
  async staff(parkId: string): Promise<StaffMember[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :staff)',
        ExpressionAttributeValues: { ':pk': keys.park(parkId).pk, ':staff': 'STAFF#' },
      }),
    );
    return (out.Items ?? []).map((i) => strip<StaffMember>(i, DIRECTORY_INTERNAL));
  }

  async unit(parkId: string, unit: string): Promise<Unit | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.unit(parkId, unit) }),
    );
    return out.Item ? strip<Unit>(out.Item, DIRECTORY_INTERNAL) : undefined;
  }

  // Issue 11 item 21: the park's unit ids, a Query on its partition (sk begins_with UNIT#, keys only),
  // page after page; read only when a typed unit is not in the directory.
  async unitIds(parkId: string): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :unit)',
          ExpressionAttributeValues: { ':pk': keys.park(parkId).pk, ':unit': 'UNIT#' },
          ProjectionExpression: 'sk',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of out.Items ?? []) ids.push(String(item.sk).slice('UNIT#'.length));
      start = out.LastEvaluatedKey;
    } while (start);
    return ids;
  }

  // CH-10: every park of the directory, from its list (one item per park; keys only, page by page).
  async parkIds(): Promise<string[]> {
    const ids: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'PARKS' },
          ProjectionExpression: 'sk',
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of out.Items ?? []) ids.push(String(item.sk).slice('PARK#'.length));
      start = out.LastEvaluatedKey;
    } while (start);
    return ids;
  }
}
