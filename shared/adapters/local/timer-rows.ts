/**
 * Ticket timers as rows in the table, for the local runtime: the stand-in for EventBridge
 * Scheduler. Like a one-time schedule, a row is created once (creating it again is a no-op),
 * deleted when cancelled, and deleted after it fired.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DeleteCommand, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TimerPayload, TimerRequest, Timers } from '../../ports';

const DUE = 'LOCAL#TIMERS';
const pointer = (name: string) => ({ pk: `LOCAL#TIMER#${name}`, sk: 'TIMER' });
const nameOf = (ticketId: string, timer: string) => `${ticketId}-${timer}`;

export class TimerRows implements Timers {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async schedule(request: TimerRequest): Promise<void> {
    const name = nameOf(request.ticketId, request.timer);
    const payload: TimerPayload = {
      ticketId: request.ticketId,
      parkId: request.parkId,
      timer: request.timer,
      dueAt: request.dueAt.toISOString(),
    };
    const dueKey = { pk: DUE, sk: `${payload.dueAt}#${name}` };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: { ...pointer(name), itemType: 'local-timer', dueSk: dueKey.sk },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: { TableName: this.tableName, Item: { ...dueKey, itemType: 'local-timer', name, payload } },
            },
          ],
        }),
      );
    } catch (error) {
      // Exists already: like Scheduler's ConflictException, that is success.
      if ((error as Error).name !== 'TransactionCanceledException') throw error;
    }
  }

  async cancel(ticketId: string, timer: string): Promise<void> {
    await this.remove(nameOf(ticketId, timer));
  }

  private async remove(name: string): Promise<void> {
    const found = await this.db.send(new GetCommand({ TableName: this.tableName, Key: pointer(name) }));
    if (!found.Item) return;
    await this.db.send(
      new DeleteCommand({ TableName: this.tableName, Key: { pk: DUE, sk: found.Item.dueSk } }),
    );
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: pointer(name) }));
  }

  // Timers due at or before `now`, earliest first; the first `limit` of them when given.
  async due(now: Date, limit?: number): Promise<{ name: string; payload: TimerPayload }[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND sk <= :now',
        ExpressionAttributeValues: { ':pk': DUE, ':now': `${now.toISOString()}#~` },
        ConsistentRead: true,
        ...(limit ? { Limit: limit } : {}),
      }),
    );
    return (out.Items ?? []).map((i) => ({ name: String(i.name), payload: i.payload as TimerPayload }));
  }

  // Timers not yet fired, earliest first (for GET /local/clock).
  async pending(): Promise<TimerPayload[]> {
    const out = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': DUE },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((i) => i.payload as TimerPayload);
  }

  /** After the target ran: a fired one-time schedule is gone, as with ActionAfterCompletion DELETE. */
  async fired(name: string): Promise<void> {
    await this.remove(name);
  }
}
