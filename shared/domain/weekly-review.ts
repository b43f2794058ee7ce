/**
 * DS-7 and DS-8 (ADR 022): the weekly review of a park's complaints. Every Monday the dispatcher
 * follows up last week's complaints; what cannot be handled or lacks the means is recorded and the
 * office's head (管理处负责人) confirms it or decides a new way; the office manager checks the
 * handling quality weekly (DS-8). Weeks are ISO weeks (`2026-W48`), park-local Monday 00:00 to the
 * next Monday 00:00. Pure.
 */
import type { LocalDate, OfficeCalendar } from './calendar';
import { addLocalDays, isoWeekday, nextOpening, zonedTime, localDateOf } from './calendar';
import type { Role } from './park';

/** The complaint statuses that count as handled: the review lists the others (DS-7). */
export const HANDLED_STATUSES: readonly string[] = ['resolved', 'closed'];

/** 管理处负责人: who confirms a case or decides a new way (DS-7) and signs the weekly check (DS-8). */
export const OFFICE_HEAD_ROLES: readonly Role[] = ['office-manager', 'office-director'];

/** The longest note, decision or check a review entry takes (a named limit, 400 on overflow). */
export const REVIEW_TEXT_MAX = 1000;

/** At most this many complaints a week's review lists (a named limit; the page says when it is cut). */
export const REVIEW_CASES_MAX = 500;

const WEEK = /^(\d{4})-W(\d{2})$/;

/** The Monday of ISO week 1 of `year`: the week with the year's first Thursday (4 January's week). */
function firstMonday(year: number): LocalDate {
  const jan4 = { year, month: 1, day: 4 };
  return addLocalDays(jan4, 1 - isoWeekday(jan4));
}

/** How many ISO weeks `year` has (52 or 53): from its first Monday to the next year's. */
function weeksIn(year: number): number {
  const utc = (d: LocalDate) => Date.UTC(d.year, d.month - 1, d.day);
  return (utc(firstMonday(year + 1)) - utc(firstMonday(year))) / (7 * 86_400_000);
}

/** The Monday of an ISO week (`2026-W48` → 2026-11-23), or undefined when it is no such week. */
export function mondayOf(week: string): LocalDate | undefined {
  const m = WEEK.exec(week);
  if (!m) return undefined;
  const year = Number(m[1]);
  const n = Number(m[2]);
  if (year < 2000 || year > 2999 || n < 1 || n > weeksIn(year)) return undefined;
  return addLocalDays(firstMonday(year), (n - 1) * 7);
}

/** The ISO week a park-local date falls in (`2026-W48`). */
export function isoWeekOfDate(date: LocalDate): string {
  const thursday = addLocalDays(date, 4 - isoWeekday(date));
  const monday = firstMonday(thursday.year);
  const days =
    (Date.UTC(thursday.year, thursday.month - 1, thursday.day) -
      Date.UTC(monday.year, monday.month - 1, monday.day)) /
    86_400_000;
  return `${thursday.year}-W${String(Math.floor(days / 7) + 1).padStart(2, '0')}`;
}

/** The ISO week an instant falls in, read on the park's clocks. */
export function isoWeekOf(instant: Date, timeZone: string): string {
  return isoWeekOfDate(localDateOf(instant, timeZone));
}

/** The week before `week` (both valid ISO weeks). */
export function previousWeek(week: string): string {
  const monday = mondayOf(week);
  if (!monday) throw new Error(`not an ISO week: ${week}`);
  return isoWeekOfDate(addLocalDays(monday, -7));
}

/** The week after `week` (a valid ISO week). */
export function nextWeek(week: string): string {
  const monday = mondayOf(week);
  if (!monday) throw new Error(`not an ISO week: ${week}`);
  return isoWeekOfDate(addLocalDays(monday, 7));
}

/** The week's instants: park-local Monday 00:00 (in) to the next Monday 00:00 (out). */
export function weekBounds(
  week: string,
  timeZone: string,
): { from: Date; to: Date; monday: LocalDate; sunday: LocalDate } | undefined {
  const monday = mondayOf(week);
  if (!monday) return undefined;
  const nextMonday = addLocalDays(monday, 7);
  return {
    from: zonedTime(monday, 0, timeZone),
    to: zonedTime(nextMonday, 0, timeZone),
    monday,
    sunday: addLocalDays(monday, 6),
  };
}

/**
 * DS-7: when the week's review SMS is due: the office's opening on its Monday, or, when the Monday
 * is not a working day (a holiday), the next working day's opening.
 */
export function reviewDueAt(week: string, calendar: OfficeCalendar): Date | undefined {
  const monday = mondayOf(week);
  if (!monday) return undefined;
  // The first opening strictly after the instant before Monday 00:00: Monday's, or the next working day's.
  return nextOpening(new Date(zonedTime(monday, 0, calendar.timeZone).getTime() - 1), calendar);
}
