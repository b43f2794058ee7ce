/**
 * The office calendar of a park: office hours, working days and day counting, all wall-clock in the
 * park's zone. "Before end of day" (CH-5, CH-6, DS-5) is the office's closing time; outside office
 * hours the duty officer stands in for the dispatcher (篇4 2: 非正式班时为当值的值班人员). Pure.
 */
import type { Park } from './park';
import { wallClock } from './time';
import { DEFAULT_TIME_ZONE } from './formats';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7] as const;

/** Defaults of a park that does not say otherwise (DOMAIN.md "Time"). */
export const CALENDAR_DEFAULTS = {
  // Same as shared/config's DEFAULT_TIME_ZONE; the domain imports nothing outside itself.
  timeZone: DEFAULT_TIME_ZONE,
  officeOpens: '08:30',
  officeCloses: '17:30',
  workingDays: [...EVERY_DAY] as number[],
  holidays: [] as string[],
  dayCount: 'calendar' as const,
};

/** How day deadlines (CH-7's "2 days", "3 days", "10 days") are counted. */
export type DayCount = 'calendar' | 'working';

/** A park's calendar settings as shown by `GET /parks/{id}`: every field filled in. */
export interface CalendarSettings {
  timeZone: string;
  officeOpens: string;
  officeCloses: string;
  workingDays: number[];
  holidays: string[];
  dayCount: DayCount;
}

/** The calendar parsed for arithmetic. */
export interface OfficeCalendar extends CalendarSettings {
  /** Minutes after local midnight. */
  opensAt: number;
  closesAt: number;
}

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/** `HH:mm` → minutes after midnight, or undefined when it is not a time of day. */
export function minuteOfDay(text: string): number | undefined {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(text);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** The park's calendar settings with defaults for what it leaves out (older park records). */
export function calendarSettings(park: Partial<Park>): CalendarSettings {
  return {
    timeZone: park.timeZone || CALENDAR_DEFAULTS.timeZone,
    officeOpens: park.officeOpens || CALENDAR_DEFAULTS.officeOpens,
    officeCloses: park.officeCloses || CALENDAR_DEFAULTS.officeCloses,
    workingDays: park.workingDays?.length
      ? [...park.workingDays].sort((a, b) => a - b)
      : [...CALENDAR_DEFAULTS.workingDays],
    holidays: park.holidays ? [...park.holidays] : [],
    dayCount: park.dayCount ?? CALENDAR_DEFAULTS.dayCount,
  };
}

/** The calendar of a park, checked: a park whose hours cannot be read is a configuration error. */
export function calendarOf(park: Partial<Park>): OfficeCalendar {
  const settings = calendarSettings(park);
  const opensAt = minuteOfDay(settings.officeOpens);
  const closesAt = minuteOfDay(settings.officeCloses);
  if (opensAt === undefined || closesAt === undefined || opensAt >= closesAt) {
    throw new Error(
      `park ${park.id ?? '?'}: office hours ${settings.officeOpens}–${settings.officeCloses} are not HH:mm–HH:mm`,
    );
  }
  if (settings.workingDays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    throw new Error(`park ${park.id ?? '?'}: workingDays must be ISO weekdays 1..7`);
  }
  return { ...settings, opensAt, closesAt };
}

const DAY_MS = 86_400_000;

/** The park-local date of an instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const { year, month, day } = wallClock(instant, timeZone);
  return { year, month, day };
}

export function addLocalDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoWeekday(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay() || 7;
}

export function isoDate(date: LocalDate): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.year}-${two(date.month)}-${two(date.day)}`;
}

/** Minutes the zone is ahead of UTC at `instant` (480 for Shanghai). */
function offsetMinutes(instant: number, timeZone: string): number {
  const w = wallClock(new Date(instant), timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/**
 * The instant a park-local wall clock reads `minute` minutes after midnight of `date`. A time that
 * a daylight-saving jump skips comes out after the jump (02:30 → 03:30); a time that occurs twice
 * is its earlier occurrence (as Temporal's "compatible" disambiguation).
 */
export function zonedTime(date: LocalDate, minute: number, timeZone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day, 0, minute);
  const first = wall - offsetMinutes(wall, timeZone) * 60_000;
  const offset = offsetMinutes(first, timeZone);
  const second = wall - offset * 60_000;
  if (offsetMinutes(second, timeZone) === offset) return new Date(Math.min(first, second));
  // In a gap: neither reading exists; the later instant is the wall time moved past the jump.
  return new Date(Math.max(first, second));
}

export function isWorkingDay(date: LocalDate, calendar: OfficeCalendar): boolean {
  return calendar.workingDays.includes(isoWeekday(date)) && !calendar.holidays.includes(isoDate(date));
}

/** The first working day at or after `date` (a park with no working day is refused by calendarOf). */
function nextWorkingDay(date: LocalDate, calendar: OfficeCalendar): LocalDate {
  let d = date;
  // Holidays are listed dates, so a year and a bit always reaches a working day.
  for (let i = 0; i < 400; i++, d = addLocalDays(d, 1)) if (isWorkingDay(d, calendar)) return d;
  throw new Error('no working day within 400 days: check the park’s workingDays and holidays');
}

/** True within office hours on a working day (正式班); else the duty officer is on (非正式班). */
export function isOfficeHours(instant: Date, calendar: OfficeCalendar): boolean {
  const date = localDateOf(instant, calendar.timeZone);
  if (!isWorkingDay(date, calendar)) return false;
  const t = instant.getTime();
  return (
    t >= zonedTime(date, calendar.opensAt, calendar.timeZone).getTime() &&
    t < zonedTime(date, calendar.closesAt, calendar.timeZone).getTime()
  );
}

/**
 * "Before the end of the (same) working day": closing time of the day `instant` falls on when that
 * is a working day not yet closed; otherwise closing time of the next working day (an after-hours
 * complaint's day ends when the next working day does).
 */
export function endOfWorkingDay(instant: Date, calendar: OfficeCalendar): Date {
  let date = localDateOf(instant, calendar.timeZone);
  for (;;) {
    date = nextWorkingDay(date, calendar);
    const closing = zonedTime(date, calendar.closesAt, calendar.timeZone);
    if (closing.getTime() > instant.getTime()) return closing;
    date = addLocalDays(date, 1);
  }
}

/** The first office opening strictly after `instant`. */
export function nextOpening(instant: Date, calendar: OfficeCalendar): Date {
  let date = localDateOf(instant, calendar.timeZone);
  for (;;) {
    date = nextWorkingDay(date, calendar);
    const opening = zonedTime(date, calendar.opensAt, calendar.timeZone);
    if (opening.getTime() > instant.getTime()) return opening;
    date = addLocalDays(date, 1);
  }
}

/**
 * `days` days after `instant` at the same wall-clock time: calendar days, or working days when the
 * park counts so (each step lands on the next working day).
 */
export function addDays(instant: Date, days: number, calendar: OfficeCalendar): Date {
  const w = wallClock(instant, calendar.timeZone);
  const minute = w.hour * 60 + w.minute;
  let date: LocalDate = { year: w.year, month: w.month, day: w.day };
  if (calendar.dayCount === 'working') {
    for (let i = 0; i < days; i++) date = nextWorkingDay(addLocalDays(date, 1), calendar);
  } else {
    date = addLocalDays(date, days);
  }
  return new Date(
    zonedTime(date, minute, calendar.timeZone).getTime() + w.second * 1000 + (instant.getTime() % 1000),
  );
}

/** One calendar month later at the same wall time; the 31st becomes the month's last day (Jan 31 → Feb 28). */
export function addMonths(instant: Date, months: number, timeZone: string): Date {
  const w = wallClock(instant, timeZone);
  const index = w.year * 12 + (w.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const date = { year, month, day: Math.min(w.day, lastDay) };
  return new Date(
    zonedTime(date, w.hour * 60 + w.minute, timeZone).getTime() +
      w.second * 1000 +
      (instant.getTime() % 1000),
  );
}

/**
 * `minutes` of office time after `instant` (ADR 016): a clock about office work that starts after
 * hours starts at the next opening, and one that reaches closing time goes on at the next opening.
 */
export function addOfficeMinutes(instant: Date, minutes: number, calendar: OfficeCalendar): Date {
  let at = isOfficeHours(instant, calendar) ? instant : nextOpening(instant, calendar);
  let left = minutes * 60_000;
  // Each turn uses up one office day (or what is left of it); a year of turns always ends.
  for (let i = 0; i < 400; i++) {
    const closing = endOfWorkingDay(at, calendar).getTime();
    if (at.getTime() + left <= closing) return new Date(at.getTime() + left);
    left -= closing - at.getTime();
    at = nextOpening(new Date(closing), calendar);
  }
  throw new Error('office minutes beyond 400 office days');
}
