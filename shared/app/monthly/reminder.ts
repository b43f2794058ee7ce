/**
 * CH-10, a step of the reconciler (reconcile.ts runs every five minutes in AWS and in the local
 * desk's loop): on a park's due day (the 30th, the last in February) from the office's opening, a
 * month whose summary has no dispatcher's report yet is texted to customer service's lead, once per
 * park, month and lead: the SMS is claimed on the month's partition (`REPORT#<park>#<month>`, SMS
 * #0#<lead>) before it is sent (send-sms.ts), so a second run, or a second container, sends nothing.
 * The parks come from the directory's list (a Query on its partition), never a Scan; outside the
 * due days nothing but that list is read. Each SMS ends in the lead's own signed link
 * (`monthly-report`, subject `<park>#<month>`; ADR 012, ADR 021): the month's key figures and the
 * form that adds the dispatcher's report as them (ack-links/monthly-report.ts).
 */
import { ackLinkUrl, monthSubject, redactAckLinks } from '../../domain/ack-link';
import { monthlyReminders, reminderMonthAt } from '../../domain/monthly-reminder';
import { log } from '../../log';
import type { Deps } from '../deps';
import { NO_LINK, storeAckLink } from '../emergency-links';
import { claimAndSendSms } from '../send-sms';

/** The lead's text with their signed link, or NO_LINK when the key or base URL is unavailable. */
async function withLink(
  deps: Omit<Deps, 'timers'>,
  subject: string,
  n: ReturnType<typeof monthlyReminders>[number],
): Promise<string> {
  if (!n.link) return n.text;
  try {
    const key = await deps.ackLinks.key();
    const token = await storeAckLink(deps, key, { ticketId: subject, staffId: n.to.id, link: n.link });
    return n.text + ackLinkUrl(deps.ackLinks.baseUrl(), token);
  } catch (error) {
    // The same message as emergency-links.ts: one log filter finds both.
    log.error('SMS sent without their links: the ack-link key or base URL is unavailable', {
      error,
      ticketId: subject,
    });
    return n.text + NO_LINK;
  }
}

export interface MonthlyReminderReport {
  sent: number;
  errors: number;
}

/** Texts each park's lead whose month has no report by its due day; answers what it sent and what failed. */
export async function remindMonthlyReports(deps: Omit<Deps, 'timers'>): Promise<MonthlyReminderReport> {
  const out: MonthlyReminderReport = { sent: 0, errors: 0 };
  const now = deps.clock.now();
  let parkIds: string[];
  try {
    parkIds = await deps.directory.parkIds();
  } catch (error) {
    log.error('CH-10: the park list could not be read', { error });
    return { sent: 0, errors: 1 };
  }
  for (const parkId of parkIds) {
    try {
      const park = await deps.directory.park(parkId);
      const month = park ? reminderMonthAt(park, now) : undefined;
      if (!park || !month) continue;
      const entries = await deps.store.monthlyEntries(parkId, month);
      if (entries.some((e) => e.kind === 'report')) continue;
      const staff = await deps.directory.staff(parkId);
      const leads = monthlyReminders(park, staff, month, now);
      const subject = monthSubject(parkId, month);
      for (const [index, n] of leads.entries()) {
        const text = await withLink(deps, subject, n);
        const outcome = await claimAndSendSms(
          deps as Deps,
          {
            ticketId: subject,
            subject: 'monthly-report',
            eventSeq: 0,
            index,
            staffId: n.to.id,
            to: n.to.phone,
            // The record never holds the token (a re-send signs it again: reconcile.ts).
            text: redactAckLinks(text),
            purpose: n.purpose,
            state: 'sending',
            at: now.toISOString(),
            ...(n.link && !text.endsWith(NO_LINK) ? { link: n.link } : {}),
          },
          text,
        );
        if (outcome === 'sent') out.sent++;
        else if (outcome instanceof Error) out.errors++;
      }
    } catch (error) {
      out.errors++;
      log.error('CH-10: the monthly report reminder failed for a park', { error, parkId });
    }
  }
  return out;
}
