/**
 * The reconciler: what the stream consumer and Scheduler can leave undone, repaired. A scheduled
 * function runs it every five minutes in AWS; the local desk's background loop runs the same code.
 *
 * Input: none (the clock says when). Output: what it repaired, for the log and its metric.
 * 1. SMS claims still `sending` past the lease (a crash between claim and send, or between send and
 *    its outcome) are re-taken, which moves the lease so one run sends, and sent again: an
 *    escalation sent twice beats one never sent. The record says so (`attempts`, `resentAt`).
 * 2. Tickets whose earliest pending timer is past due by more than the grace (its schedule was never
 *    created, or its firing was dropped): each pending timer of theirs that is due is fired through
 *    fireTimer, as its schedule would have; a duplicate firing later changes nothing.
 * 3. Register numbers handed out to a request that died before writing its ticket get a void page
 *    (RP-5, CH-11: no gap; number-gaps.ts, ADR 010).
 * It reads only the index of unsettled items (a Query per shard), never a Scan.
 */
import { ACK_LINK_PATH, redactAckLinks } from '../domain/ack-link';
import { pendingTimers } from '../domain/ticket';
import { log } from '../log';
import type { SmsRecord } from '../ports';
import type { Deps } from './deps';
import { NO_LINK, storeAckLink } from './emergency-links';
import { recordUndeliverableSms } from './emergency-undeliverable';
import { fireTimer } from './fire-timer';
import { remindMonthlyReports } from './monthly/reminder';
import { voidUnwrittenNumbers } from './number-gaps';
import { textWeeklyReviews } from './weekly-review-sms';

/** The reconciler sends SMS and fires timers; it makes no schedules. */
export type ReconcileDeps = Omit<Deps, 'timers'>;

export interface ReconcileOptions {
  /**
   * How long a claim may stay `sending` before it counts as left by a crash: longer than any
   * send can take (the effects function times out after 60 s).
   */
  leaseMs: number;
  /** How long past due a pending timer may wait for its schedule before it is fired here. */
  graceMs: number;
  /** At most this many claims and this many tickets per run; the rest waits for the next run. */
  limit: number;
}

export const RECONCILE_DEFAULTS: ReconcileOptions = { leaseMs: 120_000, graceMs: 120_000, limit: 100 };

/** Sends of one SMS (the first included) after which a send that keeps failing is left `failed`. */
export const MAX_SMS_ATTEMPTS = 5;

export interface ReconcileReport {
  /** Stuck claims sent again. */
  smsResent: number;
  /** Timers past due and unfired, fired here. */
  timersFired: number;
  /** `smsResent + timersFired`: the repairs, each one a loss avoided (what the metric counts). */
  repairs: number;
  /** Re-sends that failed (tried again after the lease, up to MAX_SMS_ATTEMPTS). */
  smsFailed: number;
  /** Past-due pending timers the ticket's rules had nothing to do for. */
  timersNotDue: number;
  /** Repairs that threw; the next run tries again. */
  errors: number;
  /** Register numbers whose ticket was never written, given a void page. */
  numbersVoided: number;
}

/** As in effects.ts: the number can never take this SMS; recorded, not retried. */
const UNDELIVERABLE = new Set(['SmsUndeliverable']);

/** A link as the history keeps it (`/ack/[已隐藏]`), which a re-send signs again. */
const HIDDEN_LINK = redactAckLinks(`${ACK_LINK_PATH}token`);
const HIDDEN_URL = new RegExp(`https?://\\S*?${HIDDEN_LINK.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`);

export async function reconcile(
  deps: ReconcileDeps,
  options: Partial<ReconcileOptions> = {},
): Promise<ReconcileReport> {
  const settings = { ...RECONCILE_DEFAULTS, ...options };
  const report: ReconcileReport = {
    smsResent: 0,
    timersFired: 0,
    repairs: 0,
    smsFailed: 0,
    timersNotDue: 0,
    errors: 0,
    numbersVoided: 0,
  };
  await resendStuckSms(deps, settings, report);
  await fireOverdueTimers(deps, settings, report);
  await voidUnwrittenNumbers(deps, settings, report);
  report.repairs = report.smsResent + report.timersFired + report.numbersVoided;
  report.errors += (await remindMonthlyReports(deps)).errors;
  await textWeeklyReviews(deps, report);
  return report;
}

async function resendStuckSms(
  deps: ReconcileDeps,
  settings: ReconcileOptions,
  report: ReconcileReport,
): Promise<void> {
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - settings.leaseMs);
  for (const stuck of await deps.store.smsSendingBefore(staleBefore, settings.limit)) {
    try {
      const taken = await deps.store.retakeSms(stuck, staleBefore, now);
      if (!taken) continue;
      await resend(deps, taken, now, report);
    } catch (error) {
      report.errors++;
      log.error('reconciler could not re-send an SMS', {
        error,
        ticketId: stuck.ticketId,
        eventSeq: stuck.eventSeq,
        index: stuck.index,
      });
    }
  }
}

async function resend(deps: ReconcileDeps, sms: SmsRecord, now: Date, report: ReconcileReport) {
  const where = { ticketId: sms.ticketId, eventSeq: sms.eventSeq, index: sms.index, attempts: sms.attempts };
  try {
    const { messageId } = await deps.sms.send({
      to: sms.to,
      text: await textToResend(deps, sms),
      ticketId: sms.ticketId,
    });
    // `at` stays the first claim's time; settledAt (from this `at`) says when it finally went.
    await deps.store.settleSms({ ...sms, state: 'sent', messageId, at: now.toISOString() });
    report.smsResent++;
    log.warn('reconciler re-sent an SMS a crash had left unsent', where);
  } catch (error) {
    report.smsFailed++;
    const name = (error as Error).name;
    const final = UNDELIVERABLE.has(name) || (sms.attempts ?? 1) >= MAX_SMS_ATTEMPTS;
    log.error('reconciler re-send failed', { ...where, error, final });
    // Not final: it stays `sending`, and the next run after the lease tries again.
    if (!final) return;
    await deps.store.settleSms({
      ...sms,
      state: 'failed',
      error: `${name}: ${(error as Error).message}`,
      at: now.toISOString(),
    });
    if (UNDELIVERABLE.has(name)) await recordUndeliverableSms(deps, sms, name);
  }
}

/**
 * The text to send again: the recorded one, with a personal link signed anew where the history
 * hides it (the history never holds a token). Without the key the SMS still goes, saying to call.
 */
async function textToResend(deps: ReconcileDeps, sms: SmsRecord): Promise<string> {
  if (!sms.link || !sms.text.includes(HIDDEN_LINK)) return sms.text;
  try {
    // The same claims give the same token: its record is stored again, unchanged.
    const key = await deps.ackLinks.key();
    const token = await storeAckLink(deps, key, {
      ticketId: sms.ticketId,
      staffId: sms.staffId,
      link: sms.link,
    });
    return sms.text.replace(HIDDEN_LINK, `${ACK_LINK_PATH}${token}`);
  } catch (error) {
    // The same message as emergency-links.ts: one log filter finds both.
    log.error('SMS sent without their links: the ack-link key or base URL is unavailable', {
      error,
      ticketId: sms.ticketId,
    });
    return sms.text.replace(HIDDEN_URL, NO_LINK);
  }
}

async function fireOverdueTimers(
  deps: ReconcileDeps,
  settings: ReconcileOptions,
  report: ReconcileReport,
): Promise<void> {
  const now = deps.clock.now();
  const dueBefore = new Date(now.getTime() - settings.graceMs);
  for (const ticketId of await deps.store.ticketsWithTimerDueBefore(dueBefore, settings.limit)) {
    try {
      const ticket = await deps.store.get(ticketId);
      if (!ticket) continue;
      // Earliest first, as their schedules would have fired; fireTimer reads the ticket again each time.
      const due = [...pendingTimers(ticket.timers ?? {})]
        .filter(([, dueAt]) => Date.parse(dueAt) <= now.getTime())
        .sort(([, a], [, b]) => Date.parse(a) - Date.parse(b));
      for (const [timer, dueAt] of due) {
        const outcome = await fireTimer(deps, { ticketId, parkId: ticket.parkId, timer, dueAt });
        if (outcome === 'fired') {
          report.timersFired++;
          log.warn('reconciler fired a timer its schedule had not', { ticketId, timer, dueAt });
        } else {
          report.timersNotDue++;
        }
      }
    } catch (error) {
      report.errors++;
      log.error('reconciler could not fire the timers of a ticket', { error, ticketId });
    }
  }
}
