/**
 * DS-9's work log (《工作日志》, ADR 022) on the single table: the index keys ticket events and SMS
 * records carry (`eventsByParkDay`), and the one Query that reads a park's day from it. The
 * partition is the park-local day, so a day is one partition read in time order, never a Scan.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { localDateOf, isoDate } from '../../domain/calendar';
import { InvalidInput } from '../../domain/errors';
import type { Actor } from '../../domain/ticket';
import type { WorkLogItem, WorkLogPage } from '../../ports/work-log';
import { keys, pad, TABLE_INDEXES } from './table';

const INDEX = TABLE_INDEXES.eventsByParkDay;

/** The index's attributes: internal, stripped from every read of the items that carry them. */
export const WORK_LOG_ATTRIBUTES = [INDEX.partitionKey, INDEX.sortKey, 'logNumber', 'logKind'] as const;

/** `PARK#<park>#<yyyy-mm-dd>`: the park-local day `at` falls on. */
export function workLogDay(parkId: string, day: string): string {
  return `PARK#${parkId}#${day}`;
}

/** The keys that put one entry into the park's day, in time order (`<at>#<ticketId>#<seq>[#SMS<index>]`). */
export function workLogKeys(
  parkId: string,
  at: string,
  timeZone: string,
  ticketId: string,
  seq: number,
  smsIndex?: number,
): Record<string, string> {
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return {};
  const day = isoDate(localDateOf(instant, timeZone));
  const sms = smsIndex === undefined ? '' : `#SMS${String(smsIndex).padStart(2, '0')}`;
  return {
    [INDEX.partitionKey]: workLogDay(parkId, day),
    [INDEX.sortKey]: `${at}#${ticketId}#${pad(seq)}${sms}`,
  };
}

/**
 * The ticket items writeItems made, each event item given its work-log keys and its ticket's number
 * and kind (from the ticket item written with it: the log shows them without reading the ticket).
 */
export function withWorkLogKeys<T extends Record<string, unknown> | undefined>(
  items: T[],
  timeZone: string,
): T[] {
  const ticket = items.find((item) => item?.itemType === 'ticket');
  return items.map((item) => {
    if (item?.itemType !== 'event') return item;
    const { parkId, at, ticketId, seq } = item as {
      parkId?: unknown;
      at?: unknown;
      ticketId?: unknown;
      seq?: unknown;
    };
    if (typeof parkId !== 'string' || typeof at !== 'string' || typeof ticketId !== 'string') return item;
    const own = ticket?.id === ticketId ? ticket : undefined;
    return {
      ...item,
      ...workLogKeys(parkId, at, timeZone, ticketId, Number(seq)),
      ...(typeof own?.number === 'string' ? { logNumber: own.number } : {}),
      ...(typeof own?.kind === 'string' ? { logKind: own.kind } : {}),
    };
  });
}

const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

function decodeLogCursor(cursor: string, dayKey: string): Record<string, unknown> {
  let key: unknown;
  try {
    key = CURSOR.test(cursor) ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    key = undefined;
  }
  const fields = key as Record<string, unknown> | undefined;
  const ok =
    fields !== null &&
    typeof fields === 'object' &&
    !Array.isArray(fields) &&
    Object.keys(fields).sort().join(',') ===
      [INDEX.partitionKey, INDEX.sortKey, 'pk', 'sk'].sort().join(',') &&
    fields[INDEX.partitionKey] === dayKey &&
    Object.values(fields).every((v) => typeof v === 'string' && v.length > 0 && v.length < 200);
  if (!ok)
    throw new InvalidInput('REQUEST.INVALID_CURSOR', 'cursor is not one this list handed out', 'cursor');
  return fields as Record<string, unknown>;
}

/** One page of a park's day, oldest first (one Query on eventsByParkDay). */
export async function queryWorkLog(
  db: DynamoDBDocumentClient,
  tableName: string,
  query: { parkId: string; day: string; limit: number; cursor?: string },
): Promise<WorkLogPage> {
  const dayKey = workLogDay(query.parkId, query.day);
  const start = query.cursor ? decodeLogCursor(query.cursor, dayKey) : undefined;
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      IndexName: 'eventsByParkDay',
      KeyConditionExpression: '#day = :day',
      ExpressionAttributeNames: { '#day': INDEX.partitionKey },
      ExpressionAttributeValues: { ':day': dayKey },
      Limit: query.limit,
      ...(start ? { ExclusiveStartKey: start } : {}),
    }),
  );
  const items: WorkLogItem[] = (out.Items ?? []).map((item) =>
    item.itemType === 'sms'
      ? {
          entry: 'sms',
          ticketId: String(item.ticketId),
          at: String(item.at),
          sms: {
            staffId: String(item.staffId ?? ''),
            to: String(item.to ?? ''),
            purpose: String(item.purpose ?? ''),
            state: String(item.state ?? ''),
            ...(item.subject ? { subject: String(item.subject) } : {}),
          },
        }
      : {
          entry: 'event',
          ticketId: String(item.ticketId),
          at: String(item.at),
          ...(item.logNumber ? { number: String(item.logNumber) } : {}),
          ...(item.logKind ? { kind: String(item.logKind) } : {}),
          event: {
            seq: Number(item.seq),
            type: String(item.type),
            actor: item.actor as Actor,
            data: (item.data ?? {}) as Record<string, unknown>,
          },
        },
  );
  const last = out.LastEvaluatedKey;
  return { items, ...(last ? { cursor: Buffer.from(JSON.stringify(last)).toString('base64url') } : {}) };
}

/** Number and kind of each ticket named (a GetItem each, those two attributes only). */
export async function ticketLabels(
  db: DynamoDBDocumentClient,
  tableName: string,
  ticketIds: readonly string[],
): Promise<Map<string, { number?: string; kind: string }>> {
  const labels = new Map<string, { number?: string; kind: string }>();
  await Promise.all(
    [...new Set(ticketIds)].map(async (id) => {
      const out = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.ticket(id),
          ProjectionExpression: '#number, kind',
          ExpressionAttributeNames: { '#number': 'number' },
        }),
      );
      if (!out.Item) return;
      labels.set(id, {
        kind: String(out.Item.kind),
        ...(out.Item.number ? { number: String(out.Item.number) } : {}),
      });
    }),
  );
  return labels;
}
