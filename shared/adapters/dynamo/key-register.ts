/**
 * The key register on the single table (KY-1): a key set is an item with a version, its custody
 * events are append-only items in its partition, and the `keySetsByParkState` index answers the
 * ledger's questions. A ticket event that moves a set is written with it in ONE transaction.
 */
import { LimitItems } from './limits';
import { queryPartition } from './partition';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange, IllegalTransition, InvalidInput } from '../../domain/errors';
import type { KeySet, KeySetEvent, KeySetState } from '../../domain/key';
import type { Ticket, TicketEventOf } from '../../domain/tickets';
import type {
  KeyRegister,
  KeySetChange,
  KeySetHistory,
  KeySetPage,
  KeySetQuery,
  RollCallClaim,
  SmsRecord,
} from '../../ports';
import { RollCallTaken } from '../../ports';
import { refuseOversized } from './item-size';
import { keys, TABLE_INDEXES } from './table';
import { expectedOf, facetWrites } from './ticket-facets';
import { strip, writeItems } from './ticket-items';
import { withWorkLogKeys } from './work-log';
import { isConditionFailure, transactWrite, transientCancellation } from './transactions';
import { UNSETTLED_ATTRIBUTES } from './unsettled';

const INDEX = 'keySetsByParkState' as const;
const { partitionKey: STATE_KEY, sortKey: PLACE_KEY } = TABLE_INDEXES[INDEX];
const KEYSET_INTERNAL = ['pk', 'sk', 'itemType', STATE_KEY, PLACE_KEY];
const EVENT_INTERNAL = ['pk', 'sk', 'itemType', 'keySetId', 'parkId'];

/** The ledger's order when no state is asked for: what is out first, then the cabinet, then the rest. */
const STATE_ORDER: readonly KeySetState[] = ['out', 'in', 'lost', 'released'];

const stateKey = (parkId: string, state: KeySetState) => `PARK#${parkId}#${state}`;
/** `UNIT#3-2-1502#` or `AREA#水泵房#`: a place's prefix in the index's sort key. */
const placePrefix = (place: { unit?: string; area?: string }) =>
  place.unit !== undefined ? `UNIT#${place.unit}#` : `AREA#${place.area ?? ''}#`;

function keySetItem(keySet: KeySet): Record<string, unknown> {
  return {
    ...keys.keySet(keySet.id),
    itemType: 'keySet',
    ...keySet,
    [STATE_KEY]: stateKey(keySet.parkId, keySet.state),
    [PLACE_KEY]: `${placePrefix(keySet)}${keySet.id}`,
  };
}

function keySetEventItem(keySet: KeySet, event: KeySetEvent): Record<string, unknown> {
  return {
    ...keys.keySetEvent(keySet.id, event.seq),
    itemType: 'keyEvent',
    keySetId: keySet.id,
    parkId: keySet.parkId,
    ...event,
  };
}

/** What a change writes, and which of its items claims a tag (a registration). */
function changeItems(table: string, change: KeySetChange) {
  const [set, event] = refuseOversized(`key set ${change.keySet.id}: ${change.event.type}`, [
    keySetItem(change.keySet),
    keySetEventItem(change.keySet, change.event),
  ]);
  const created = change.expectedVersion === 0;
  const items: { item: Record<string, unknown>; tag?: string }[] = [
    {
      item: {
        Put: {
          TableName: table,
          Item: set,
          ...(created
            ? { ConditionExpression: 'attribute_not_exists(pk)' }
            : {
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': change.expectedVersion },
              }),
        },
      },
    },
    { item: { Put: { TableName: table, Item: event, ConditionExpression: 'attribute_not_exists(pk)' } } },
  ];
  if (created) {
    const tag = {
      ...keys.keyTag(change.keySet.parkId, change.keySet.tag),
      itemType: 'keyTag',
      keySetId: change.keySet.id,
    };
    items.push({
      item: { Put: { TableName: table, Item: tag, ConditionExpression: 'attribute_not_exists(pk)' } },
      tag: change.keySet.tag,
    });
  }
  return items;
}

type Reason = { Code?: string; Item?: Record<string, unknown> };
const reasonsOf = (error: unknown): Reason[] =>
  (error as { CancellationReasons?: Reason[] }).CancellationReasons ?? [];
/** An attribute of a cancelled item, whether the client unmarshalled it or not. */
const attribute = (item: Record<string, unknown> | undefined, name: string): string | undefined => {
  const raw = item?.[name];
  return typeof raw === 'string' ? raw : ((raw as { S?: string } | undefined)?.S ?? undefined);
};

/** Cursors of the ledger: which state's partition the page stopped in, and where in it. */
function encodeKeyCursor(state: number, key: Record<string, unknown> | undefined): string {
  return Buffer.from(JSON.stringify({ s: state, ...(key ? { k: key } : {}) })).toString('base64url');
}

function decodeKeyCursor(
  cursor: string,
  query: KeySetQuery,
  states: readonly KeySetState[],
): { state: number; key?: Record<string, unknown> } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: Record<string, unknown> };
  const state = typeof s === 'number' && Number.isInteger(s) && s >= 0 && s < states.length ? s : undefined;
  if (state !== undefined && k === undefined) return { state };
  const id = typeof k?.pk === 'string' ? /^KEYSET#([^#]{1,64})$/.exec(k.pk)?.[1] : undefined;
  const place = typeof k?.[PLACE_KEY] === 'string' ? (k[PLACE_KEY] as string) : '';
  const prefix = query.unit !== undefined || query.area !== undefined ? placePrefix(query) : '';
  const ok =
    state !== undefined &&
    k !== undefined &&
    Object.keys(k).sort().join(',') === ['pk', 'sk', STATE_KEY, PLACE_KEY].sort().join(',') &&
    k.sk === 'KEYSET' &&
    id !== undefined &&
    k[STATE_KEY] === stateKey(query.parkId, states[state] as KeySetState) &&
    place.startsWith(prefix) &&
    place.endsWith(`#${id}`);
  if (ok) return { state: state as number, key: k };
  throw new InvalidInput('REQUEST.INVALID_CURSOR', 'cursor is not one this list handed out', 'cursor');
}

/** The key register's reads and writes; DynamoTicketStore extends it (one table, one transaction). */
export class KeyRegisterItems extends LimitItems implements KeyRegister {
  // One key set's current state.
  async keySet(keySetId: string): Promise<KeySet | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.keySet(keySetId), ConsistentRead: true }),
    );
    return out.Item ? strip<KeySet>(out.Item, KEYSET_INTERNAL) : undefined;
  }

  // A key set with every custody event and SMS, in one Query on its partition.
  async keySetHistory(keySetId: string): Promise<KeySetHistory | undefined> {
    const items = await this.keySetItems(keySetId);
    const set = items.find((i) => i.sk === 'KEYSET');
    if (!set) return undefined;
    return {
      keySet: strip<KeySet>(set, KEYSET_INTERNAL),
      events: items
        .filter((i) => String(i.sk).startsWith('EVENT#'))
        .map((i) => strip<KeySetEvent>(i, EVENT_INTERNAL)),
      sms: items
        .filter((i) => String(i.sk).startsWith('SMS#'))
        .map((i) => strip<SmsRecord>(i, ['pk', 'sk', 'itemType', ...UNSETTLED_ATTRIBUTES])),
    };
  }

  private async keySetItems(keySetId: string): Promise<Record<string, unknown>[]> {
    return queryPartition(this.db, this.tableName, keys.keySet(keySetId).pk);
  }

  // A park's key sets in one state (or every state, those out first), by place: Queries on the register's index.
  async listKeySets(query: KeySetQuery): Promise<KeySetPage> {
    const states = query.state ? [query.state] : STATE_ORDER;
    const prefix = query.unit !== undefined || query.area !== undefined ? placePrefix(query) : undefined;
    let { state, key } = query.cursor
      ? decodeKeyCursor(query.cursor, query, states)
      : { state: 0, key: undefined };
    const found: Record<string, unknown>[] = [];
    while (state < states.length && found.length < query.limit) {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: INDEX,
          KeyConditionExpression: prefix ? '#s = :s AND begins_with(#p, :p)' : '#s = :s',
          ExpressionAttributeNames: { '#s': STATE_KEY, ...(prefix ? { '#p': PLACE_KEY } : {}) },
          ExpressionAttributeValues: {
            ':s': stateKey(query.parkId, states[state] as KeySetState),
            ...(prefix ? { ':p': prefix } : {}),
          },
          Limit: query.limit - found.length,
          ExclusiveStartKey: key,
        }),
      );
      found.push(...(out.Items ?? []));
      key = out.LastEvaluatedKey;
      if (!key) state += 1;
    }
    return {
      keySets: found.map((i) => strip<KeySet>(i, KEYSET_INTERNAL)),
      ...(state < states.length ? { cursor: encodeKeyCursor(state, key) } : {}),
    };
  }

  async writeKeySets(changes: readonly KeySetChange[]): Promise<void> {
    await this.transact([], changes, undefined);
  }

  async appendWithKeySets(
    ticket: Ticket,
    event: TicketEventOf,
    expected: Ticket | number,
    changes: readonly KeySetChange[],
    rollCall?: RollCallClaim,
  ): Promise<void> {
    const { version: expectedVersion, previous } = expectedOf(expected);
    const [ticketItem, eventItem] = withWorkLogKeys(
      writeItems(ticket, event),
      await this.zoneOf(ticket.parkId),
    );
    await this.transact(
      [
        {
          Put: {
            TableName: this.tableName,
            Item: ticketItem,
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
        {
          Put: {
            TableName: this.tableName,
            Item: eventItem,
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        // The filters' index rows (ADR 020), unconditioned.
        ...facetWrites(this.tableName, ticket, previous),
      ],
      changes,
      rollCall,
    );
  }

  /** One transaction: the ticket's items, every change's, the roll-call claim last. */
  private async transact(
    ticketItems: Record<string, unknown>[],
    changes: readonly KeySetChange[],
    rollCall: RollCallClaim | undefined,
  ): Promise<void> {
    const parts: { item: Record<string, unknown>; tag?: string }[] = [
      ...ticketItems.map((item) => ({ item })),
      ...changes.flatMap((change) => changeItems(this.tableName, change)),
    ];
    const claim = rollCall
      ? {
          Put: {
            TableName: this.tableName,
            Item: {
              ...keys.keyRollCall(rollCall.parkId, rollCall.closingAt),
              itemType: 'keyRollCall',
              ...rollCall,
            },
            ConditionExpression: 'attribute_not_exists(pk)',
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
          },
        }
      : undefined;
    try {
      await transactWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [...parts.map((p) => p.item), ...(claim ? [claim] : [])] as never,
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw transientCancellation(error) ?? error;
      const reasons = reasonsOf(error);
      const failed = (i: number) => reasons[i]?.Code === 'ConditionalCheckFailed';
      if (claim && failed(parts.length)) {
        throw new RollCallTaken(attribute(reasons[parts.length]?.Item, 'ticketNumber') ?? '?');
      }
      const tag = parts.find((p, i) => p.tag !== undefined && failed(i))?.tag;
      if (tag !== undefined) {
        throw new IllegalTransition(
          `KY-1: tag ${tag} is already on another key set of this park`,
          'KEY.TAG_TAKEN',
        );
      }
      throw new ConcurrentChange(
        'the ticket or key set was changed by someone else meanwhile; reload it and try again',
        {
          cause: error,
        },
      );
    }
  }
}
