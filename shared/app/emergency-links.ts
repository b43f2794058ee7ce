/**
 * How the effects consumer puts the personal links into emergency SMS. The signing key comes from
 * `deps.ackLinks`: locally the desk's own (`.data/ack-link.key`, or a test's), in AWS an SSM
 * SecureString (shared/adapters/aws/ack-link-keys.ts). Never in the repository, never logged.
 */
import { ackLinkUrl, redactAckLinks, signAckLink } from '../domain/ack-link';
import { hasLink } from '../domain/emergency';
import type { Notification } from '../domain/sms';
import type { Ticket } from '../domain/tickets';
import type { Deps } from './deps';
import { log } from '../log';

/** An SMS ready to go: `text` is sent, `recordedText` is what the ticket's history keeps. */
export type OutgoingSms = Notification & { recordedText: string };

/** Said instead of a link when no link can be made: the person still learns what happened. */
export const NO_LINK = '(链接暂不可用,请致电调度确认)';

/**
 * Counted in CloudWatch each time emergency SMS go out without their links (an alarm watches it,
 * infra/aws/alarms.ts): the people were told to phone instead, and the key or URL needs fixing.
 */
export const SMS_WITHOUT_LINK_METRIC = { namespace: 'EstateDesk', name: 'EmergencySmsWithoutLink' } as const;

/**
 * Appends each personal link to its SMS. The history keeps the text with the token hidden: anyone
 * who may read the ticket could otherwise act as the person the link names. When the key cannot
 * be read, the SMS still goes out, without a link: an emergency SMS is never held back for it.
 */
export async function withAckLinks(
  deps: Pick<Deps, 'ackLinks'>,
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
    log.error('emergency SMS sent without their links: the ack-link key or base URL is unavailable', {
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
