/**
 * DS-7's Monday SMS (ADR 022), a step of the reconciler: every Monday at the office's opening (a
 * holiday Monday: the next working day's opening) the dispatcher on duty is texted once per park and
 * week to review last week's complaints, with how many are still open and their own signed link to
 * the list (`weekly-review`). The reconciler runs every five minutes; the first run after the
 * opening sends, the SMS record (`REVIEW#<park>#<week>`, SMS#…) keeps every later run from sending
 * again (claimed before sending, as the effects do). Parks come from the park list (`PARKS`), one
 * Query, never a Scan. A week with no open complaint texts nobody: there is nothing to record.
 */
import { ackLinkToken, ackLinkUrl, redactAckLinks, reviewSubject } from '../domain/ack-link';
import { calendarOf } from '../domain/calendar';
import { deskOnShift } from '../domain/shift';
import { fitSms, LINK_SMS_ROOM, polite } from '../domain/sms';
import { HANDLED_STATUSES, isoWeekOf, previousWeek, reviewDueAt, weekBounds } from '../domain/weekly-review';
import { log } from '../log';
import type { SmsRecord } from '../ports';
import { NO_LINK } from './emergency-links';
import type { ReconcileDeps, ReconcileReport } from './reconcile';

/** The SMS record's purpose (the timeline, the templates). */
export const WEEKLY_REVIEW_PURPOSE = 'weekly-review';

/** DS-7's text before the link: the week, how many are open, what to do. */
export function weeklyReviewText(
  signature: string,
  reviewed: string,
  open: number,
  timeZone: string,
): string {
  const bounds = weekBounds(reviewed, timeZone);
  const span = bounds
    ? `${bounds.monday.month}月${bounds.monday.day}日-${bounds.sunday.month}月${bounds.sunday.day}日`
    : reviewed;
  return fitSms(
    signature,
    [
      `上周(${span})投诉周检:仍有${open}宗未处理完毕,`,
      polite('请逐宗跟进;'),
      '无法处理或条件不具备的请记录,由管理处负责人确认:',
    ],
    LINK_SMS_ROOM,
  );
}

/** The reconciler's step: texts each park's dispatcher on duty once the week's review is due. */
export async function textWeeklyReviews(deps: ReconcileDeps, report: ReconcileReport): Promise<void> {
  const now = deps.clock.now();
  for (const parkId of await deps.directory.parkIds()) {
    try {
      await textPark(deps, parkId, now);
    } catch (error) {
      report.errors++;
      log.error('reconciler could not send the weekly review SMS', { error, parkId });
    }
  }
}

async function textPark(deps: ReconcileDeps, parkId: string, now: Date): Promise<void> {
  const park = await deps.directory.park(parkId);
  if (!park) return;
  const calendar = calendarOf(park);
  const thisWeek = isoWeekOf(now, calendar.timeZone);
  const due = reviewDueAt(thisWeek, calendar);
  if (!due || now.getTime() < due.getTime()) return;
  const reviewed = previousWeek(thisWeek);
  const subject = reviewSubject(parkId, reviewed);
  const [staff, texted] = await Promise.all([
    deps.directory.staff(parkId),
    deps.store.reviewSmsRecipients(parkId, reviewed),
  ]);
  // The dispatcher on duty at the opening (篇4 2), each of them once.
  const recipients = deskOnShift(due, park, staff).sort((a, b) => a.id.localeCompare(b.id));
  if (recipients.every((p) => texted.includes(p.id))) return;
  const bounds = weekBounds(reviewed, calendar.timeZone);
  if (!bounds) return;
  const complaints = await deps.store.ticketsCreatedBetween({
    parkId,
    kind: 'complaint',
    from: bounds.from.toISOString(),
    to: bounds.to.toISOString(),
    limit: 1000,
  });
  const open = complaints.filter((t) => !HANDLED_STATUSES.includes(t.status)).length;
  if (open === 0) return;
  const text = weeklyReviewText(park.smsSignature, reviewed, open, calendar.timeZone);
  // The link works until the next week's review is due.
  const expiresAt = new Date(due.getTime() + 7 * 86_400_000).toISOString();
  for (const [index, person] of recipients.entries()) {
    if (texted.includes(person.id)) continue;
    let sent = text + NO_LINK;
    try {
      const key = await deps.ackLinks.key();
      const claims = { ticketId: subject, staffId: person.id, purpose: 'weekly-review' as const, expiresAt };
      const token = ackLinkToken({ ...claims, expiresAt: new Date(expiresAt) }, key);
      await deps.store.saveAckLink(token, claims);
      sent = text + ackLinkUrl(deps.ackLinks.baseUrl(), token);
    } catch (error) {
      log.error('SMS sent without their links: the ack-link key or base URL is unavailable', {
        error,
        parkId,
      });
    }
    const record: SmsRecord = {
      ticketId: subject,
      subject: 'weekly-review',
      parkId,
      eventSeq: 0,
      index,
      staffId: person.id,
      to: person.phone,
      // The record never holds the token (a re-send signs it again: reconcile.ts).
      text: redactAckLinks(sent),
      purpose: WEEKLY_REVIEW_PURPOSE,
      state: 'sending',
      at: now.toISOString(),
      ...(sent.endsWith(NO_LINK) ? {} : { link: { purpose: 'weekly-review' as const, expiresAt } }),
    };
    if (!(await deps.store.claimSms(record))) continue;
    try {
      const { messageId } = await deps.sms.send({ to: person.phone, text: sent, ticketId: subject });
      await deps.store.settleSms({ ...record, state: 'sent', messageId });
    } catch (error) {
      await deps.store.settleSms({
        ...record,
        state: 'failed',
        error: `${(error as Error).name}: ${(error as Error).message}`,
      });
      throw error;
    }
  }
}
