/** What an SMS is to the domain: who gets it, its text, why; and fitting it into a segment. */
import { toWellFormed } from './formats';
import type { StaffMember } from './park';

export interface Notification {
  to: StaffMember;
  text: string;
  /** Why it is sent, for the timeline: `assigned`, `ack-30m`, `appointment-reminder`, … */
  purpose: string;
}

/** One SMS segment holds 70 characters of Chinese text (UCS-2). */
export const SMS_SEGMENT = 70;

/**
 * Builds `signature + body(detail)` and shortens `detail` (the free text, e.g. what to repair)
 * with an ellipsis until the whole fits one segment; the fixed parts are never cut. The text is
 * always well-formed: the cut is by code points (never half a character), and a lone surrogate
 * held anywhere in it (half an emoji a client sent) becomes U+FFFD, since SNS cannot send one.
 */
export function fitSms(signature: string, body: (detail: string) => string, detail: string): string {
  const chars = [...toWellFormed(detail)];
  let text = signature + body(chars.join(''));
  let keep = chars.length;
  // A segment holds 70 UTF-16 units: a character outside the BMP counts twice.
  while (text.length > SMS_SEGMENT && keep > 1) {
    keep -= 1;
    text = signature + body(`${chars.slice(0, keep).join('')}…`);
  }
  return toWellFormed(text);
}
