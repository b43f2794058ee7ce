/** The local SMS "gateway": every message lands as a row that `GET /local/sms` lists. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Clock, Sms, SmsMessage } from '../../ports';
import { ulid } from '../ids';
import { assertSendableText, SmsUndeliverable } from '../aws/sns-sms';
import { isE164 } from '../../domain/formats';

const OUTBOX = 'LOCAL#SMS';

export interface OutboxMessage {
  id: string;
  to: string;
  text: string;
  ticketId?: string;
  at: string;
}

export class SmsOutbox implements Sms {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
    private readonly signature: string,
  ) {}

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    // The same refusals as SNS, so the local desk shows what production would do.
    if (!isE164(message.to)) {
      throw new SmsUndeliverable(`not an E.164 number (ticket ${message.ticketId ?? '-'})`);
    }
    assertSendableText(message);
    const at = this.clock.now().toISOString();
    const id = ulid(Date.now());
    const text = message.text.startsWith(this.signature) ? message.text : this.signature + message.text;
    const row: OutboxMessage = {
      id,
      to: message.to,
      text,
      at,
      ...(message.ticketId ? { ticketId: message.ticketId } : {}),
    };
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { pk: OUTBOX, sk: `${at}#${id}`, itemType: 'local-sms', ...row },
      }),
    );
    return { messageId: `local-${id}` };
  }

  // Every message sent, oldest first.
  async list(): Promise<OutboxMessage[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const out = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': OUTBOX },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...(out.Items ?? []));
      start = out.LastEvaluatedKey;
    } while (start);
    return items.map(({ id, to, text, ticketId, at }) => ({
      id: String(id),
      to: String(to),
      text: String(text),
      at: String(at),
      ...(ticketId ? { ticketId: String(ticketId) } : {}),
    }));
  }
}
