/** DS-7's weeks (ADR 022): ISO weeks read on the park's clocks, and when the Monday review is due. */
import { describe, expect, it } from 'vitest';
import { calendarOf } from '../../shared/domain/calendar';
import {
  isoWeekOf,
  mondayOf,
  nextWeek,
  previousWeek,
  reviewDueAt,
  weekBounds,
} from '../../shared/domain/weekly-review';

const SHANGHAI = 'Asia/Shanghai';
const calendar = (extra: Record<string, unknown> = {}) =>
  calendarOf({ id: 'p', timeZone: SHANGHAI, officeOpens: '08:30', officeCloses: '17:30', ...extra });

describe('ISO weeks in the park’s zone (DS-7)', () => {
  it.each([
    ['2026-11-29T23:59:00+08:00', '2026-W48'],
    ['2026-11-30T00:00:00+08:00', '2026-W49'],
    // 16:00 UTC on Sunday is already Monday in Shanghai.
    ['2026-11-29T16:00:00Z', '2026-W49'],
    ['2026-12-31T12:00:00+08:00', '2026-W53'],
    ['2027-01-03T12:00:00+08:00', '2026-W53'],
    ['2027-01-04T12:00:00+08:00', '2027-W01'],
    ['2025-12-29T12:00:00+08:00', '2026-W01'],
  ])('%s is in %s', (at, week) => {
    expect(isoWeekOf(new Date(at), SHANGHAI)).toBe(week);
  });

  it('weeks that are not one are refused; neighbours cross years', () => {
    expect(mondayOf('2026-W53')).toEqual({ year: 2026, month: 12, day: 28 });
    for (const bad of ['2025-W53', '2026-W00', '2026-W54', '2026-48', 'x'])
      expect(mondayOf(bad)).toBeUndefined();
    expect(previousWeek('2027-W01')).toBe('2026-W53');
    expect(nextWeek('2026-W53')).toBe('2027-W01');
  });

  it('a week runs from park-local Monday 00:00 to the next Monday 00:00', () => {
    const bounds = weekBounds('2026-W48', SHANGHAI);
    expect(bounds?.from.toISOString()).toBe('2026-11-22T16:00:00.000Z');
    expect(bounds?.to.toISOString()).toBe('2026-11-29T16:00:00.000Z');
  });

  it('the review is due at Monday’s opening; a holiday or non-working Monday: the next working day’s', () => {
    expect(reviewDueAt('2026-W49', calendar())?.toISOString()).toBe('2026-11-30T00:30:00.000Z');
    expect(reviewDueAt('2026-W49', calendar({ holidays: ['2026-11-30'] }))?.toISOString()).toBe(
      '2026-12-01T00:30:00.000Z',
    );
    expect(reviewDueAt('2026-W49', calendar({ workingDays: [2, 3, 4, 5, 6] }))?.toISOString()).toBe(
      '2026-12-01T00:30:00.000Z',
    );
  });
});
