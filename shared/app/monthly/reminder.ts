/**
 * CH-10, a step of the reconciler (reconcile.ts runs every five minutes in AWS and in the local
 * desk's loop): on a park's due day (the 30th, the last in February) from the office's opening, a
 * month whose summary has no dispatcher's report yet is texted to customer service's lead, once per
 * park, month and lead: the SMS is claimed on the month's partition (`REPORT#<park>#<month>`, SMS
 * #0#<lead>) before it is sent (send-sms.ts), so a second run, or a second container, sends nothing.
 * The parks come from the directory's list (a Query on its partition), never a Scan; outside the
 * due days nothing but that list is read.
 */
import { monthlyReminders, reminderMonthAt } from '../../domain/monthly-reminder';
import { log } from '../../log';
import type { Deps } from '../deps';
import { claimAndSendSms } from '../send-sms';

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
      const leads = monthlyReminders(park, staff, month);
      for (const [index, n] of leads.entries()) {
        const outcome = await claimAndSendSms(deps as Deps, {
          ticketId: `${parkId}#${month}`,
          subject: 'monthly-report',
          eventSeq: 0,
          index,
          staffId: n.to.id,
          to: n.to.phone,
          text: n.text,
          purpose: n.purpose,
          state: 'sending',
          at: now.toISOString(),
        });
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
