/**
 * Plays Twilio's part against the local desk: posts a call step as a form, signed the way Twilio
 * signs it — by the `twilio` package's own getExpectedTwilioSignature, not the desk's code.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoCallStore } from '../../shared/adapters/dynamo/call-store';
import type { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import type { AdjustableClock } from '../../shared/adapters/local/clock';
import type { IvrDeps } from '../../shared/app/ivr-calls';
import { startTestDesk, type TestDesk } from '../support/desk';

export interface IvrTestDesk extends TestDesk {
  /** POSTs `params` to `path` (e.g. `/ivr/twilio/voice` or a step URL's path and query), signed. */
  twilio(
    path: string,
    params: Record<string, string>,
    options?: { signature?: string | null; token?: string; base64?: boolean },
  ): Promise<{ status: number; body: string; contentType: string }>;
  /** Follows a TwiML answer's Gather action (or Redirect) to the next step's path and query. */
  next(twiml: string): string;
}

export async function startIvrDesk(options: Parameters<typeof startTestDesk>[0] = {}): Promise<IvrTestDesk> {
  const desk = await startTestDesk(options);
  return {
    ...desk,
    twilio: async (path, params, options = {}) => {
      const url = `${desk.ivr.publicBaseUrl}${path}`;
      const body = new URLSearchParams(params).toString();
      const signature =
        options.signature === undefined
          ? getExpectedTwilioSignature(options.token ?? desk.ivr.twilioAuthToken, url, params)
          : options.signature;
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
      if (signature !== null) headers['x-twilio-signature'] = signature;
      const res = await fetch(`${desk.url}${path}`, { method: 'POST', headers, body });
      return {
        status: res.status,
        body: await res.text(),
        contentType: res.headers.get('content-type') ?? '',
      };
    },
    next: (twiml) => {
      const action =
        /<Gather[^>]* action="([^"]+)"/.exec(twiml)?.[1] ??
        /<Redirect[^>]*>([^<]+)<\/Redirect>/.exec(twiml)?.[1];
      if (!action) throw new Error(`no next step in ${twiml}`);
      const url = new URL(action.replace(/&amp;/g, '&'));
      return `${url.pathname}${url.search}`;
    },
  };
}

/** A CallSid of the right shape, different per test. */
export function callSid(seed: number): string {
  return `CA${seed.toString(16).padStart(32, '0')}`;
}

/** The texts a caller hears, in order. */
export function said(twiml: string): string[] {
  return [...twiml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) =>
    (m[1] ?? '')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

/** The number a Dial puts the call through to. */
export function dialled(twiml: string): string | undefined {
  return /<Dial[^>]*><Number>([^<]+)<\/Number><\/Dial>/.exec(twiml)?.[1];
}

/** The IVR handlers' dependencies on a DynamoDB Local table (the store also serves as the directory). */
export function ivrDeps(
  table: { store: DynamoTicketStore; db: DynamoDBDocumentClient; tableName: string },
  clock: AdjustableClock,
  ivr: IvrDeps['ivr'],
): IvrDeps {
  return {
    store: table.store,
    directory: table.store,
    clock,
    ids: new UlidIds(clock),
    calls: new DynamoCallStore(table.db, table.tableName),
    ivr,
  };
}
