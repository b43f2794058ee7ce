import { type MessageAttributeValue, PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { Sms, SmsMessage } from '../../ports';
import { isE164, isWellFormed } from '../../domain/formats';

export interface SnsSmsOptions {
  client: SNSClient;
  /** Sender signature every text must start with, e.g. `【翠湖物业】`. */
  signature: string;
  /** Alphanumeric sender ID, where the destination country supports one. */
  senderId?: string;
}

/** SNS errors from Publish that mean this number cannot take this text; retrying will not help. */
const UNDELIVERABLE_ERRORS = new Set([
  'InvalidParameterException',
  'InvalidParameterValueException',
  'OptedOutException',
]);

/** The text cannot be delivered to this number (not E.164, rejected by SNS, or opted out); do not retry. */
export class SmsUndeliverable extends Error {
  override readonly name = 'SmsUndeliverable';
  readonly code = 'SMS.UNDELIVERABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/**
 * The text holds half a character (a lone UTF-16 surrogate): SNS cannot take it (the SDK cannot
 * even encode it), whatever the number. A bug of whoever built the text (the desk's SMS builder
 * never emits one); the same text will never go, so it is not retried.
 */
export class SmsTextInvalid extends Error {
  override readonly name = 'SmsTextInvalid';
  readonly code = 'SMS.TEXT_INVALID';
}

/** Refuses a text SNS cannot send, before any call: the message names the ticket, not the text. */
export function assertSendableText(message: SmsMessage): void {
  if (!isWellFormed(message.text)) {
    const about = message.ticketId ? ` (ticket ${message.ticketId})` : '';
    throw new SmsTextInvalid(
      `SMS text is not well-formed Unicode (a lone surrogate, half a character)${about}; not sent`,
    );
  }
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

/** Text messages sent directly to phone numbers with SNS Publish, as transactional SMS. */
export class SnsSms implements Sms {
  private readonly client: SNSClient;
  private readonly signature: string;
  private readonly senderId: string | undefined;

  constructor(options: SnsSmsOptions) {
    this.client = options.client;
    this.signature = options.signature;
    this.senderId = options.senderId;
  }

  async send(message: SmsMessage): Promise<{ messageId: string }> {
    const about = message.ticketId ? ` (ticket ${message.ticketId})` : '';
    if (!isE164(message.to)) {
      // The number itself stays out of the message: errors end up in logs.
      throw new SmsUndeliverable(`Recipient is not an E.164 phone number${about}`);
    }
    assertSendableText(message);
    const text = message.text.startsWith(this.signature) ? message.text : `${this.signature}${message.text}`;
    const attributes: Record<string, MessageAttributeValue> = {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    };
    if (this.senderId) {
      attributes['AWS.SNS.SMS.SenderID'] = { DataType: 'String', StringValue: this.senderId };
    }
    try {
      const result = await this.client.send(
        new PublishCommand({ PhoneNumber: message.to, Message: text, MessageAttributes: attributes }),
      );
      return { messageId: result.MessageId ?? '' };
    } catch (error) {
      const name = errorName(error);
      if (name && UNDELIVERABLE_ERRORS.has(name)) {
        throw new SmsUndeliverable(`SNS refused the text${about}: ${name}`, { cause: error });
      }
      throw error;
    }
  }
}
