/**
 * What could be left unsettled, on the `unsettledByShard` index (table.ts): tickets with a pending
 * timer and SMS claims still `sending`. The ticket store writes the index keys as it writes those
 * items and removes them as they settle; the reconciler reads here. Queries only, never a Scan.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RegisterDay } from '../../domain/register-number';
import { pendingTimers } from '../../domain/ticket';
import type { Ticket } from '../../domain/tickets';
import type { SmsRecord, UnsettledQueries } from '../../ports';
import { RegisterNumbers } from './register-numbers';
import { smsKeyOf, TABLE_INDEXES, UNSETTLED_SHARDS, unsettled } from './table';

const INDEX = 'unsettledByShard' as const;
const { partitionKey: KEY, sortKey: SINCE } = TABLE_INDEXES[INDEX];

/** The index's attributes: never part of a ticket or an SMS record as the store hands them out. */
export const UNSETTLED_ATTRIBUTES = [KEY, SINCE] as const;

/** What an SMS item holds besides the record. */
const SMS_INTERNAL = ['pk', 'sk', 'itemType', ...UNSETTLED_ATTRIBUTES];

/**
 * A ticket item's index keys: its shard and its earliest pending timer's due time (ISO, so the
 * strings sort as times), or none when nothing is pending, which takes it out of the index.
 */
export function unsettledTicketKeys(ticket: Ticket): Record<string, string> {
  const due = [...pendingTimers(ticket.timers ?? {}).values()]
    .map((dueAt) => Date.parse(dueAt))
    .filter((time) => !Number.isNaN(time));
  if (due.length === 0) return {};
  const earliest = new Date(Math.min(...due)).toISOString();
  return { [KEY]: unsettled.timers(unsettled.shardOf(ticket.id)), [SINCE]: `${earliest}#${ticket.id}` };
}

/** A claim's index keys while it is `sending`: its shard and the claim time (its lease). */
export function sendingKeys(record: SmsRecord): Record<string, string> {
  return { [KEY]: unsettled.sending(unsettled.shardOf(record.ticketId)), [SINCE]: record.at };
}

function strip<T>(item: Record<string, unknown>, names: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!names.includes(k)) out[k] = v;
  return out as T;
}

function isConditionFailure(error: unknown): boolean {
  return (error as { name?: string } | undefined)?.name === 'ConditionalCheckFailedException';
}

/** The ticket store's reads for the reconciler (DynamoTicketStore extends it). */
export class UnsettledReads implements UnsettledQueries {
  constructor(
    protected readonly db: DynamoDBDocumentClient,
    protected readonly tableName: string,
  ) {}

  async smsSendingBefore(before: Date, limit: number): Promise<SmsRecord[]> {
    const items = await this.olderThan(unsettled.sending, before.toISOString(), limit);
    return items.map((item) => strip<SmsRecord>(item, SMS_INTERNAL));
  }

  async retakeSms(record: SmsRecord, staleBefore: Date, now: Date): Promise<SmsRecord | undefined> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: smsKeyOf(record),
          // The lease moves to now: a second run (or a slow first one) finds it fresh and keeps off.
          UpdateExpression:
            'SET #since = :now, resentAt = :now, attempts = if_not_exists(attempts, :one) + :one',
          ConditionExpression: '#state = :sending AND #since < :stale',
          ExpressionAttributeNames: { '#state': 'state', '#since': SINCE },
          ExpressionAttributeValues: {
            ':now': now.toISOString(),
            ':one': 1,
            ':sending': 'sending',
            ':stale': staleBefore.toISOString(),
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return out.Attributes ? strip<SmsRecord>(out.Attributes, SMS_INTERNAL) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async ticketsWithTimerDueBefore(before: Date, limit: number): Promise<string[]> {
    const items = await this.olderThan(unsettled.timers, before.toISOString(), limit);
    return items.map((item) => String(item.id));
  }

  async registersIdleBefore(before: Date, limit: number): Promise<RegisterDay[]> {
    const items = await this.olderThan(unsettled.numbers, before.toISOString(), limit);
    return items.map((item) => ({
      parkId: String(item.parkId),
      register: String(item.register),
      day: String(item.day),
      value: Number(item.value),
    }));
  }

  voidUnwrittenNumbers(register: RegisterDay, at: Date): Promise<string[]> {
    return new RegisterNumbers(this.db, this.tableName).voidUnwritten(register, at);
  }

  /** Items of every shard of one kind whose index time is before `before`, oldest first. */
  private async olderThan(
    partition: (shard: number) => string,
    before: string,
    limit: number,
  ): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    for (let shard = 0; shard < UNSETTLED_SHARDS; shard++) {
      let start: Record<string, unknown> | undefined;
      let taken = 0;
      do {
        const out = await this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: INDEX,
            KeyConditionExpression: '#key = :key AND #since < :before',
            ExpressionAttributeNames: { '#key': KEY, '#since': SINCE },
            ExpressionAttributeValues: { ':key': partition(shard), ':before': before },
            Limit: limit - taken,
            ExclusiveStartKey: start,
          }),
        );
        found.push(...(out.Items ?? []));
        taken += out.Items?.length ?? 0;
        start = out.LastEvaluatedKey;
      } while (start && taken < limit);
    }
    return found.sort((a, b) => String(a[SINCE]).localeCompare(String(b[SINCE]))).slice(0, limit);
  }
}
