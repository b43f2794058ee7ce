/**
 * How the effects consumer puts the personal links into SMS that ask someone to act (every kind;
 * emergencies had them first, hence the file's name). Each link's claims are stored under its
 * short token (ADR 012). The signing key comes from `deps.ackLinks`: locally the desk's own
 * (`.data/ack-link.key`, or a test's), in AWS an SSM SecureString
 * (shared/adapters/aws/ack-link-keys.ts). Never in the repository, never logged.
 */
import { ackLinkToken, ackLinkUrl, redactAckLinks } from '../domain/ack-link';
import type { LinkNotification, Notification } from '../domain/sms';
import { hasLink, LINK_BASE_MAX } from '../domain/sms';
import type { Ticket } from '../domain/tickets';
import type { Deps } from './deps';
import { log } from '../log';

/** An SMS ready to go: `text` is sent, `recordedText` is what the ticket's history keeps. */
export type OutgoingSms = Notification & { recordedText: string };

/** Said instead of a link when no link can be made: the person still learns what happened. */
export const NO_LINK = '(链接暂不可用,请致电调度确认)';

/**
 * Counted in CloudWatch each time SMS go out without their links (an alarm watches it,
 * infra/aws/alarms.ts): the people were told to phone instead, and the key or URL needs fixing.
 * The name is from when only emergencies had links.
 */
export const SMS_WITHOUT_LINK_METRIC = { namespace: 'EstateDesk', name: 'EmergencySmsWithoutLink' } as const;

let warnedOfBase = false;

/** Once per container: a base URL longer than the texts leave room for makes link SMS take three segments. */
function warnOfLongBase(baseUrl: string): void {
  const length = baseUrl.replace(/\/+$/, '').length;
  if (warnedOfBase || length <= LINK_BASE_MAX) return;
  warnedOfBase = true;
  log.warn('the public base URL is longer than SMS texts leave room for: link SMS may take three segments', {
    length,
    max: LINK_BASE_MAX,
  });
}

/**
 * The token of a link SMS, its claims stored under it first (a replay stores the same again).
 * The reconciler signs a re-sent SMS with the same: its claims travel in the SMS record.
 */
export async function storeAckLink(
  deps: Pick<Deps, 'store'>,
  key: string,
  claims: { ticketId: string; staffId: string; link: LinkNotification['link'] },
): Promise<string> {
  const { ticketId, staffId, link } = claims;
  const token = ackLinkToken(
    { ticketId, staffId, purpose: link.purpose, expiresAt: new Date(link.expiresAt) },
    key,
  );
  await deps.store.saveAckLink(token, {
    ticketId,
    staffId,
    purpose: link.purpose,
    expiresAt: link.expiresAt,
  });
  return token;
}

/**
 * Appends each personal link to its SMS. The history keeps the text with the token hidden: anyone
 * who may read the ticket could otherwise act as the person the link names. When the key cannot
 * be read, the SMS still goes out, without a link: an SMS is never held back for it.
 */
export async function withAckLinks(
  deps: Pick<Deps, 'ackLinks' | 'store'>,
  ticket: Ticket,
  notifications: Notification[],
): Promise<OutgoingSms[]> {
  if (!notifications.some(hasLink)) return notifications.map((n) => ({ ...n, recordedText: n.text }));
  const keys = deps.ackLinks;
  let signing: { key: string; baseUrl: string } | undefined;
  try {
    signing = { key: await keys.key(), baseUrl: keys.baseUrl() };
  } catch (error) {
    const withoutLink = notifications.filter(hasLink).length;
    log.error('SMS sent without their links: the ack-link key or base URL is unavailable', {
      error,
      ticketId: ticket.id,
      // Embedded metric format: CloudWatch Logs turns this line into the metric, no API call.
      _aws: {
        Timestamp: Date.now(),
        CloudWatchMetrics: [
          {
            Namespace: SMS_WITHOUT_LINK_METRIC.namespace,
            Dimensions: [[]],
            Metrics: [{ Name: SMS_WITHOUT_LINK_METRIC.name, Unit: 'Count' }],
          },
        ],
      },
      [SMS_WITHOUT_LINK_METRIC.name]: withoutLink,
    });
  }
  if (signing) warnOfLongBase(signing.baseUrl);
  const out: OutgoingSms[] = [];
  for (const n of notifications) {
    if (!hasLink(n)) {
      out.push({ ...n, recordedText: n.text });
    } else if (!signing) {
      out.push({ ...n, text: n.text + NO_LINK, recordedText: n.text + NO_LINK });
    } else {
      const token = await storeAckLink(deps, signing.key, {
        ticketId: ticket.id,
        staffId: n.to.id,
        link: n.link,
      });
      const text = n.text + ackLinkUrl(signing.baseUrl, token);
      out.push({ ...n, text, recordedText: redactAckLinks(text) });
    }
  }
  return out;
}
