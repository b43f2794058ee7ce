/**
 * CH-10 (DS-8): each month, by the 30th (the last day in February), customer service counts and
 * analyses the month's complaints and files the result. A month whose summary has no dispatcher's
 * report yet by then is texted to customer service's lead. Pure: the park, the staff and `now`
 * are passed in.
 */
import { calendarOf, localDateOf, minuteOfDay } from './calendar';
import type { Park, StaffMember } from './park';
import { fitSms, LINK_SMS_ROOM, type Notification, polite } from './sms';
import { wallClock } from './time';

/** Who is texted: customer service's lead (客服主管). */
export const MONTHLY_REPORT_ROLE = 'customer-service-lead';
/** The day of the month the report is due by: the 30th, or the month's last day when it has fewer. */
export const MONTHLY_REPORT_DAY = 30;

/** The last day of a month (28..31). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** CH-10: the day of `month` the report is due by (30, or 28/29 in February). */
export function reportDueDay(year: number, month: number): number {
  return Math.min(MONTHLY_REPORT_DAY, daysInMonth(year, month));
}

/**
 * The park-local month whose reminder is due at `now` (`2026-11`), or undefined: from the due day
 * at the office's opening to the month's end. Never at night: it waits for the office to open.
 */
export function reminderMonthAt(park: Park, now: Date): string | undefined {
  const calendar = calendarOf(park);
  const { year, month, day } = localDateOf(now, calendar.timeZone);
  if (day < reportDueDay(year, month)) return undefined;
  const w = wallClock(now, calendar.timeZone);
  if (w.hour * 60 + w.minute < (minuteOfDay(calendar.officeOpens) ?? calendar.opensAt)) return undefined;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** How long the reminder's link works: past the due day, so a late report can still be added by it. */
export const MONTHLY_LINK_DAYS = 14;

/**
 * The SMS to each lead: which month, what to do, by when, and their own signed link
 * (`monthly-report`, ADR 012) to the month's figures and the report form; fits two segments with
 * the link (the facts first, the courtesy dropped first). `now` dates the link's expiry.
 */
export function monthlyReminders(
  park: Park,
  staff: readonly StaffMember[],
  month: string,
  now: Date,
): Notification[] {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const due = reportDueDay(year, monthNumber);
  const text = fitSms(
    park.smsSignature,
    [
      `${year}年${monthNumber}月《投诉调度记录月总结表》尚无调度员简要报告。`,
      `须于${monthNumber}月${due}日前统计分析本月投诉、补写报告并请管理处负责人签字(CH-10),`,
      polite('谢谢,'),
      '点此填写:',
    ],
    LINK_SMS_ROOM,
  );
  const expiresAt = new Date(now.getTime() + MONTHLY_LINK_DAYS * 86_400_000).toISOString();
  return staff
    .filter((s) => s.roles.includes(MONTHLY_REPORT_ROLE))
    .map((to) => ({ to, text, purpose: 'monthly-report', link: { purpose: 'monthly-report', expiresAt } }));
}
