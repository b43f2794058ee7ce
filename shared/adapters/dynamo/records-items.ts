/**
 * The managers' records on the single table (issue 13, ADR 022): DS-9's work log, DS-7/DS-8's
 * weekly review entries, and DS-8's monthly summary reads and entries (monthly.ts, ADR 021).
 * DynamoTicketStore extends it.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Ticket } from '../../domain/tickets';
import type { ManagersRecords, ReviewEntry, WorkLogPage } from '../../ports/work-log';
import type { MonthlyEntry, MonthlyRead } from '../../ports/monthly';
import {
  putMonthlyEntry,
  queryMonthlyEntries,
  queryTicketsInStatusBefore,
  queryTicketsOpenedBetween,
} from './monthly';
import { KeyRegisterItems } from './key-register';
import { queryPartition } from './partition';
import { keys } from './table';
import { strip, TICKET_INTERNAL } from './ticket-items';
import { queryWorkLog, ticketLabels } from './work-log';

export class RecordsItems extends KeyRegisterItems implements ManagersRecords {
  workLog(query: { parkId: string; day: string; limit: number; cursor?: string }): Promise<WorkLogPage> {
    return queryWorkLog(this.db, this.tableName, query);
  }

  ticketLabels(ticketIds: readonly string[]): Promise<Map<string, { number?: string; kind: string }>> {
    return ticketLabels(this.db, this.tableName, ticketIds);
  }

  // A Query on ticketsByParkKind over createdKey (`<createdAt>#<id>`): [from, to) as key bounds.
  // The index holds every attribute: the tickets are read from it (eventually consistent, as a
  // weekly review may be).
  async ticketsCreatedBetween(query: {
    parkId: string;
    kind: string;
    from: string;
    to: string;
    limit: number;
  }): Promise<Ticket[]> {
    const tickets: Ticket[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'ticketsByParkKind',
          KeyConditionExpression: 'parkKindKey = :p AND createdKey BETWEEN :from AND :to',
          ExpressionAttributeValues: {
            ':p': `PARK#${query.parkId}#${query.kind}`,
            ':from': query.from,
            // `#` sorts before every id character: nothing created at `to` itself is in.
            ':to': `${query.to}#`,
          },
          Limit: query.limit - tickets.length,
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of out.Items ?? []) tickets.push(strip<Ticket>(item, TICKET_INTERNAL));
      start = out.LastEvaluatedKey;
    } while (start && tickets.length < query.limit);
    return tickets;
  }

  // CH-11: an entry is never overwritten; the same id twice is the same request's retry.
  async addReviewEntry(entry: ReviewEntry): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...keys.reviewEntry(entry.parkId, entry.week, entry.at, entry.id),
          itemType: 'reviewEntry',
          ...entry,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async reviewEntries(parkId: string, week: string): Promise<ReviewEntry[]> {
    const items = await queryPartition(this.db, this.tableName, keys.review(parkId, week).pk);
    return items
      .filter((i) => String(i.sk).startsWith('ENTRY#'))
      .map((i) => strip<ReviewEntry>(i, ['pk', 'sk', 'itemType']));
  }

  async reviewSmsRecipients(parkId: string, week: string): Promise<string[]> {
    const items = await queryPartition(this.db, this.tableName, keys.review(parkId, week).pk);
    return items
      .filter((i) => String(i.sk).startsWith('SMS#') && i.state !== 'failed')
      .map((i) => String(i.staffId));
  }

  // The monthly summary's reads and entries (monthly.ts, ADR 021).
  ticketsOpenedBetween(parkId: string, from: Date, to: Date): Promise<MonthlyRead> {
    return queryTicketsOpenedBetween(this.db, this.tableName, parkId, from, to);
  }
  ticketsInStatusBefore(parkId: string, kind: string, status: string, before: Date): Promise<MonthlyRead> {
    return queryTicketsInStatusBefore(this.db, this.tableName, parkId, kind, status, before);
  }
  monthlyEntries(parkId: string, month: string): Promise<MonthlyEntry[]> {
    return queryMonthlyEntries(this.db, this.tableName, parkId, month);
  }
  addMonthlyEntry(entry: MonthlyEntry): Promise<boolean> {
    return putMonthlyEntry(this.db, this.tableName, entry);
  }
}
