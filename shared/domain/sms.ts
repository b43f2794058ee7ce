/** What an SMS is to the domain: who gets it, its text, why; and fitting it into a segment. */
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
 * with an ellipsis until the whole fits one segment; the fixed parts are never cut.
 */
export function fitSms(signature: string, body: (detail: string) => string, detail: string): string {
  let text = signature + body(detail);
  let cut = detail;
  // A segment holds 70 UTF-16 units: a character outside the BMP counts twice.
  while (text.length > SMS_SEGMENT && cut.length > 1) {
    cut = [...cut].slice(0, -1).join('');
    text = signature + body(`${cut}…`);
  }
  return text;
}
