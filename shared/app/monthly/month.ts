/** A report month (`2026-11`) and its park-local bounds. */
import { addLocalDays, zonedTime } from '../../domain/calendar';
import { InvalidInput } from '../../domain/errors';

export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * How far before the month's start the report reads tickets (ADR 021): a deadline that falls due
 * in the month may belong to a ticket opened earlier (a 10-day resolution, a key out over the
 * month's turn, a reopened complaint). Deadlines of tickets opened earlier than this are not read.
 */
export const DEADLINE_LOOKBACK_DAYS = 31;

export interface ReportMonth {
  /** `2026-11`. */
  month: string;
  year: number;
  monthNumber: number;
  /** Park-local midnight of its first day, and of the next month's first day. */
  start: Date;
  end: Date;
  /** Where the tickets read start: `start` minus DEADLINE_LOOKBACK_DAYS. */
  readFrom: Date;
}

/** The month's bounds in the park's zone; a month that is not `yyyy-mm` is a 400. */
export function reportMonth(month: string, timeZone: string, field = 'month'): ReportMonth {
  const m = MONTH_PATTERN.exec(month);
  if (!m) throw new InvalidInput('REPORT.BAD_MONTH', `month must be yyyy-mm, e.g. 2026-11`, field);
  const year = Number(m[1]);
  const monthNumber = Number(m[2]);
  if (year < 2000 || year > 2999) throw new InvalidInput('REPORT.BAD_MONTH', 'month out of range', field);
  const first = { year, month: monthNumber, day: 1 };
  const next =
    monthNumber === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: monthNumber + 1, day: 1 };
  const start = zonedTime(first, 0, timeZone);
  return {
    month,
    year,
    monthNumber,
    start,
    end: zonedTime(next, 0, timeZone),
    readFrom: zonedTime(addLocalDays(first, -DEADLINE_LOOKBACK_DAYS), 0, timeZone),
  };
}

/** Whether an ISO instant falls in [start, end). */
export function inMonth(iso: string | undefined, month: Pick<ReportMonth, 'start' | 'end'>): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t >= month.start.getTime() && t < month.end.getTime();
}

/** 2026年11月. */
export function monthLabel(month: Pick<ReportMonth, 'year' | 'monthNumber'>): string {
  return `${month.year}年${month.monthNumber}月`;
}
