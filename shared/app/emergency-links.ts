/**
 * The personal links in emergency SMS: where the signing key comes from, and how a link is put into
 * an SMS by the effects consumer.
 *
 * The key: locally the desk provides it (`.data/ack-link.key`, or the test's own); in AWS it is an
 * SSM Parameter Store SecureString named by ACK_LINK_KEY_PARAMETER, read once per container and kept
 * five minutes (so a rotated key takes over without a deploy). Never in the repository, never in an
 * environment variable, never logged. The SSM read is I/O in `shared/app` because the effects
 * consumer's dependencies (`Deps`) have no slot for it yet; it belongs in `shared/adapters/aws` once
 * `Deps` carries `ackLinks`.
 */
import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { ENV } from '../config';
import { ackLinkUrl, MIN_KEY_LENGTH, redactAckLinks, signAckLink } from '../domain/ack-link';
import { hasLink } from '../domain/emergency-notifications';
import type { Notification } from '../domain/notifications';
import type { Ticket } from '../domain/tickets';
import { log } from '../log';

/** What signs and checks links. */
export interface AckLinkKeys {
  /** The HMAC key (at least 32 characters). */
  key(): Promise<string>;
  /** The desk's public base URL, where `/ack/{token}` is served. */
  baseUrl(): string;
}

/** Dependencies that may carry their own link keys (the local desk, tests). */
export interface WithAckLinkKeys {
  ackLinks?: AckLinkKeys;
}

const KEY_TTL_MS = 5 * 60_000;

/** The AWS key source: the SSM SecureString, cached per container. */
export function ssmAckLinkKeys(
  env: NodeJS.ProcessEnv = process.env,
  ssm: () => SSMClient = () => new SSMClient({}),
): AckLinkKeys {
  let cached: { value: Promise<string>; until: number } | undefined;
  let client: SSMClient | undefined;
  return {
    key: () => {
      if (cached && cached.until > Date.now()) return cached.value;
      const name = env[ENV.ackLinkKeyParameter];
      const value = (async () => {
        if (!name) throw new Error(`${ENV.ackLinkKeyParameter} is not set`);
        client ??= ssm();
        const out = await client.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
        const key = out.Parameter?.Value?.trim() ?? '';
        if (key.length < MIN_KEY_LENGTH) {
          throw new Error(`the ack-link key parameter holds fewer than ${MIN_KEY_LENGTH} characters`);
        }
        return key;
      })();
      cached = { value, until: Date.now() + KEY_TTL_MS };
      // A failed read is not kept: the next SMS or page tries again.
      value.catch(() => {
        if (cached?.value === value) cached = undefined;
      });
      return value;
    },
    baseUrl: () => {
      const url = env[ENV.publicBaseUrl];
      if (!url) throw new Error(`${ENV.publicBaseUrl} is not set`);
      return url;
    },
  };
}

let fromEnvironment: AckLinkKeys | undefined;

/** The link keys of `deps`, else the AWS ones from the environment. */
export function ackLinkKeysOf(deps: object): AckLinkKeys {
  const own = (deps as WithAckLinkKeys).ackLinks;
  if (own) return own;
  fromEnvironment ??= ssmAckLinkKeys();
  return fromEnvironment;
}

/** An SMS ready to go: `text` is sent, `recordedText` is what the ticket's history keeps. */
export type OutgoingSms = Notification & { recordedText: string };

/** Said instead of a link when no link can be made: the person still learns what happened. */
export const NO_LINK = '(链接暂不可用,请致电调度确认)';

/**
 * Appends each personal link to its SMS. The history keeps the text with the token hidden: anyone
 * who may read the ticket could otherwise act as the person the link names. When the key cannot
 * be read, the SMS still goes out, without a link: an emergency SMS is never held back for it.
 */
export async function withAckLinks(
  deps: object,
  ticket: Ticket,
  notifications: Notification[],
): Promise<OutgoingSms[]> {
  if (!notifications.some(hasLink)) return notifications.map((n) => ({ ...n, recordedText: n.text }));
  const keys = ackLinkKeysOf(deps);
  let signing: { key: string; baseUrl: string } | undefined;
  try {
    signing = { key: await keys.key(), baseUrl: keys.baseUrl() };
  } catch (error) {
    log.error('emergency SMS sent without their links: the ack-link key or base URL is unavailable', {
      error,
      ticketId: ticket.id,
    });
  }
  return notifications.map((n) => {
    if (!hasLink(n)) return { ...n, recordedText: n.text };
    if (!signing) return { ...n, text: n.text + NO_LINK, recordedText: n.text + NO_LINK };
    const token = signAckLink(
      {
        ticketId: ticket.id,
        staffId: n.to.id,
        purpose: n.link.purpose,
        expiresAt: new Date(n.link.expiresAt),
      },
      signing.key,
    );
    const text = n.text + ackLinkUrl(signing.baseUrl, token);
    return { ...n, text, recordedText: redactAckLinks(text) };
  });
}
