/** The ticket store and directory on the single DynamoDB table (same code in AWS and locally). */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentChange, InvalidInput } from '../../domain/errors';
import type { Ticket, TicketEventOf } from '../../domain/tickets';
import type { Directory, SmsRecord, TicketHistory, TicketPage, TicketStore } from '../../ports';
import { decodeCursor, encodeCursor } from './cursor';
import { refuseOversized } from './item-size';
import type { TableIndexName } from './table';
import { queryEventsUpTo } from './ticket-events';
import { keys } from './table';
import { isConditionFailure, transactWrite, transientCancellation } from './transactions';
import { LimitItems, OPEN_CALLER_ATTRIBUTES, openCallerKeys } from './limits';
import { sendingKeys, UNSETTLED_ATTRIBUTES, unsettledTicketKeys } from './unsettled';

const TICKET_INTERNAL = [
  'pk',
  'sk',
  'itemType',
  'parkKey',
  'parkKindKey',
  'parkKindStatusKey',
  'overdueKey',
  'createdKey',
  ...UNSETTLED_ATTRIBUTES,
  ...OPEN_CALLER_ATTRIBUTES,
];

/** A ticket owing something past its deadline (complaints keep `overdue`, the obligations owed). */
function isOverdue(ticket: Ticket): boolean {
  const owed = (ticket as { overdue?: unknown }).overdue;
  return Array.isArray(owed) && owed.length > 0;
}

function strip<T>(item: Record<string, unknown>, names: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!names.includes(k)) out[k] = v;
  return out as T;
}

function ticketItem(ticket: Ticket): Record<string, unknown> {
  return {
    ...keys.ticket(ticket.id),
    itemType: 'ticket',
    ...ticket,
    parkKey: `PARK#${ticket.parkId}`,
    parkKindKey: `PARK#${ticket.parkId}#${ticket.kind}`,
    parkKindStatusKey: `PARK#${ticket.parkId}#${ticket.kind}#${ticket.status}`,
    // Sparse: the index holds only overdue tickets; a Put without the key takes a ticket out.
    ...(isOverdue(ticket) ? { overdueKey: `PARK#${ticket.parkId}#${ticket.kind}` } : {}),
    createdKey: `${ticket.createdAt}#${ticket.id}`,
    // Sparse: in the reconciler's index while a timer is pending (unsettled.ts).
    ...unsettledTicketKeys(ticket),
    // Sparse: in the index of open tickets by caller while open (limits.ts, ADR 011).
    ...openCallerKeys(ticket),
  };
}

function eventItem(ticket: Ticket, event: TicketEventOf): Record<string, unknown> {
  return {
    ...keys.event(ticket.id, event.seq),
    itemType: 'event',
    ticketId: ticket.id,
    parkId: ticket.parkId,
    ...event,
  };
}

/** The ticket's item and its event's; one too large for DynamoDB is refused with a 422. */
const writeItems = (ticket: Ticket, event: TicketEventOf) =>
  refuseOversized(`ticket ${ticket.id}: ${event.type}`, [ticketItem(ticket), eventItem(ticket, event)]);

/** The reconciler's reads (and `db`, `tableName`) come from UnsettledReads (unsettled.ts), limits from limits.ts. */
export class DynamoTicketStore extends LimitItems implements TicketStore, Directory {
  /**
   * Whether the table answers now (GET /health): a DescribeTable, which reads no item (the
   * unauthenticated probe may describe the table, not read it), abandoned after `timeoutMs`.
   */
  async ping(timeoutMs = 2_000): Promise<void> {
    await this.db.send(new DescribeTableCommand({ TableName: this.tableName }), {
      abortSignal: AbortSignal.timeout(timeoutMs),
    });
  }

  // One ticket's current state.
  async get(ticketId: string): Promise<Ticket | undefined> {
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: keys.ticket(ticketId), ConsistentRead: true }),
    );
    return out.Item ? strip<Ticket>(out.Item, TICKET_INTERNAL) : undefined;
  }

  // A ticket with every event and SMS record, in one Query on its partition.
  async history(ticketId: string): Promise<TicketHistory | undefined> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.ticket(ticketId).pk },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    const ticketRaw = items.find((i) => i.sk === 'TICKET');
    if (!ticketRaw) return undefined;
    const internal = ['pk', 'sk', 'itemType', 'ticketId', 'parkId'];
    return {
      ticket: strip<Ticket>(ticketRaw, TICKET_INTERNAL),
      events: items
        .filter((i) => String(i.sk).startsWith('EVENT#'))
        .map((i) => strip<TicketEventOf>(i, internal)),
      sms: items
        .filter((i) => String(i.sk).startsWith('SMS#'))
        .map((i) => strip<SmsRecord>(i, ['pk', 'sk', 'itemType', ...UNSETTLED_ATTRIBUTES])),
    };
  }

  eventsUpTo(ticketId: string, seq: number): Promise<TicketEventOf[]> {
    return queryEventsUpTo(this.db, this.tableName, ticketId, seq);
  }

  /**
   * Register counters this container has seen, by counter key. The next number is guessed from
   * here without a read; a wrong guess fails the transaction's condition, which hands back the
   * counter's real value for the retry.
   */
  private readonly counters = new Map<string, number>();

  async nextNumber(parkId: string, register: string, day: string): Promise<number> {
    const key = keys.counter(parkId, register, day);
    const known = this.counters.get(key.pk);
    if (known !== undefined) return known + 1;
    const out = await this.db.send(
      new GetCommand({ TableName: this.tableName, Key: key, ConsistentRead: true }),
    );
    return Number(out.Item?.value ?? 0) + 1;
  }

  async create(
    ticket: Ticket,
    event: TicketEventOf,
    numbering?: { register: string; day: string; value: number },
  ): Promise<void> {
    const [ticketRecord, eventRecord] = writeItems(ticket, event);
    const counter = numbering
      ? [
          {
            Update: {
              TableName: this.tableName,
              Key: keys.counter(ticket.parkId, numbering.register, numbering.day),
              UpdateExpression: 'SET #v = :v, itemType = :t',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
              ConditionExpression: numbering.value === 1 ? 'attribute_not_exists(pk)' : '#v = :prev',
              ExpressionAttributeNames: { '#v': 'value' },
              ExpressionAttributeValues: {
                ':v': numbering.value,
                ':t': 'counter',
                ...(numbering.value === 1 ? {} : { ':prev': numbering.value - 1 }),
              },
            },
          },
        ]
      : [];
    try {
      await transactWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [
            ...counter,
            {
              Put: {
                TableName: this.tableName,
                Item: ticketRecord,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: eventRecord,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      if (numbering)
        this.counters.set(keys.counter(ticket.parkId, numbering.register, numbering.day).pk, numbering.value);
    } catch (error) {
      if (isConditionFailure(error)) {
        if (numbering)
          this.learnCounter(keys.counter(ticket.parkId, numbering.register, numbering.day).pk, error);
        throw new ConcurrentChange('the register number was taken by another request; try again', {
          cause: error,
        });
      }
      throw transientCancellation(error) ?? error;
    }
  }

  /** Takes the counter's current value from a cancelled transaction (the counter is item 0). */
  private learnCounter(pk: string, error: unknown): void {
    const reason = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] })
      .CancellationReasons?.[0];
    const raw = reason?.Code === 'ConditionalCheckFailed' ? reason.Item?.value : undefined;
    const value = Number((raw as { N?: string } | undefined)?.N ?? raw);
    if (Number.isInteger(value) && value > 0) this.counters.set(pk, value);
    else this.counters.delete(pk);
  }

  async append(ticket: Ticket, event: TicketEventOf, expectedVersion: number): Promise<void> {
    const [ticketRecord, eventRecord] = writeItems(ticket, event);
    try {
      await transactWrite(
        this.db,
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: ticketRecord,
                ConditionExpression: '#version = :expected',
                ExpressionAttributeNames: { '#version': 'version' },
                ExpressionAttributeValues: { ':expected': expectedVersion },
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: eventRecord,
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) {
        throw new ConcurrentChange(
          'the ticket was changed by someone else meanwhile; reload it and try again',
          {
            cause: error,
          },
        );
      }
      throw transientCancellation(error) ?? error;
    }
  }

  // A park's tickets newest first, optionally of one kind and status: a Query on the index for that question.
  // Overdue ones (`overdue: true`, with a kind) come oldest first: the longest waiting on top.
  async list(query: {
    parkId: string;
    kind?: string;
    status?: string;
    overdue?: boolean;
    limit: number;
    cursor?: string;
  }): Promise<TicketPage> {
    let index: TableIndexName;
    let keyName: string;
    let keyValue: string;
    if (query.overdue) {
      if (!query.kind)
        throw new InvalidInput('REQUEST.KIND_REQUIRED', 'filtering by overdue needs kind too', 'kind');
      if (query.status) {
        throw new InvalidInput(
          'REQUEST.FILTER_CONFLICT',
          'overdue and status do not combine; use one',
          'status',
        );
      }
      index = 'ticketsOverdueByParkKind';
      keyName = 'overdueKey';
      keyValue = `PARK#${query.parkId}#${query.kind}`;
    } else if (query.status) {
      if (!query.kind)
        throw new InvalidInput('REQUEST.KIND_REQUIRED', 'filtering by status needs kind too', 'kind');
      index = 'ticketsByParkKindStatus';
      keyName = 'parkKindStatusKey';
      keyValue = `PARK#${query.parkId}#${query.kind}#${query.status}`;
    } else if (query.kind) {
      index = 'ticketsByParkKind';
      keyName = 'parkKindKey';
      keyValue = `PARK#${query.parkId}#${query.kind}`;
    } else {
      index = 'ticketsByPark';
      keyName = 'parkKey';
      keyValue = `PARK#${query.parkId}`;
    }
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: index,
        KeyConditionExpression: '#k = :v',
        ExpressionAttributeNames: { '#k': keyName },
        ExpressionAttributeValues: { ':v': keyValue },
        ScanIndexForward: query.overdue === true,
        Limit: query.limit,
        ExclusiveStartKey: query.cursor ? decodeCursor(query.cursor, keyName, keyValue) : undefined,
      }),
    );
    const cursor = encodeCursor(out.LastEvaluatedKey);
    return {
      tickets: (out.Items ?? []).map((i) => strip<Ticket>(i, TICKET_INTERNAL)),
      ...(cursor ? { cursor } : {}),
    };
  }

  async claimSms(record: SmsRecord): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.sms(record.ticketId, record.eventSeq, record.index),
            itemType: 'sms',
            ...record,
            // In the reconciler's index until settled: a crash before then leaves it to be re-sent.
            ...sendingKeys(record),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR #state = :failed',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: { ':failed': 'failed' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async settleSms(record: SmsRecord): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.sms(record.ticketId, record.eventSeq, record.index),
        // Settled: out of the reconciler's index (unsettled.ts).
        UpdateExpression: `SET #state = :s, messageId = :m, #error = :e, settledAt = :at REMOVE ${UNSETTLED_ATTRIBUTES.join(', ')}`,
        ExpressionAttributeNames: { '#state': 'state', '#error': 'error' },
        ExpressionAttributeValues: {
          ':s': record.state,
          ':m': record.messageId ?? null,
          ':e': record.error ?? null,
          ':at': record.at,
        },
      }),
    );
  }
}
