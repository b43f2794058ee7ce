/**
 * The office calendar (calendar.ts): office hours, "end of day", working days and day counts, in
 * the park's zone — Asia/Shanghai (no daylight saving) and America/New_York (with it).
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  CALENDAR_DEFAULTS,
  calendarOf,
  calendarSettings,
  endOfWorkingDay,
  isOfficeHours,
  nextOpening,
  zonedTime,
} from '../../shared/domain/calendar';
import type { Park } from '../../shared/domain/park';

const PARK: Park = {
  id: 'park-1',
  companyId: 'co-1',
  name: '翠湖园',
  timeZone: 'Asia/Shanghai',
  officeOpens: '08:30',
  officeCloses: '17:30',
  smsSignature: '【翠湖物业】',
};
const EVERY_DAY = calendarOf(PARK);
/** Monday to Friday, 2026-12-25 a holiday (a Friday). */
const WEEKDAYS = calendarOf({ ...PARK, workingDays: [1, 2, 3, 4, 5], holidays: ['2026-12-25'] });
const WORKING_DAY_COUNT = calendarOf({ ...PARK, workingDays: [1, 2, 3, 4, 5], dayCount: 'working' });
const NEW_YORK = calendarOf({ ...PARK, timeZone: 'America/New_York' });

/** An ISO time written with the park's offset, as an instant. */
const at = (iso: string) => new Date(iso);

describe('calendarSettings / calendarOf', () => {
  it('a park record without calendar fields (made before them) gets the defaults: every day, 08:30–17:30, calendar days', () => {
    expect(calendarSettings(PARK)).toEqual({
      timeZone: 'Asia/Shanghai',
      officeOpens: '08:30',
      officeCloses: '17:30',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      holidays: [],
      dayCount: 'calendar',
    });
    expect(CALENDAR_DEFAULTS.workingDays).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it.each([
    ['8:30', '17:30'],
    ['08:30', '25:00'],
    ['17:30', '08:30'],
  ])('refuses office hours %s–%s (a configuration error, not a silent default)', (opens, closes) => {
    expect(() => calendarOf({ ...PARK, officeOpens: opens, officeCloses: closes })).toThrow(/office hours/);
  });

  it('refuses a working day outside 1..7', () => {
    expect(() => calendarOf({ ...PARK, workingDays: [0, 1] })).toThrow(/ISO weekdays/);
  });
});

describe('isOfficeHours: the dispatcher in office hours, the duty officer outside them (篇4 2)', () => {
  it.each([
    ['2026-11-27T08:29:59+08:00', EVERY_DAY, false, 'a second before opening'],
    ['2026-11-27T08:30:00+08:00', EVERY_DAY, true, 'opening'],
    ['2026-11-27T17:29:59+08:00', EVERY_DAY, true, 'a second before closing'],
    ['2026-11-27T17:30:00+08:00', EVERY_DAY, false, 'closing'],
    ['2026-11-28T10:00:00+08:00', EVERY_DAY, true, 'a Saturday when every day is a working day'],
    ['2026-11-28T10:00:00+08:00', WEEKDAYS, false, 'a Saturday when only weekdays are'],
    ['2026-12-25T10:00:00+08:00', WEEKDAYS, false, 'a listed holiday on a Friday'],
  ])('%s → %s (%s)', (time, calendar, expected) => {
    expect(isOfficeHours(at(time), calendar)).toBe(expected);
  });
});

describe('endOfWorkingDay: "before the end of the (same) working day"', () => {
  it.each([
    ['2026-11-27T07:00:00+08:00', EVERY_DAY, '2026-11-27T17:30:00+08:00', 'before opening: that day'],
    ['2026-11-27T10:00:00+08:00', EVERY_DAY, '2026-11-27T17:30:00+08:00', 'in hours: that day'],
    ['2026-11-27T17:29:00+08:00', EVERY_DAY, '2026-11-27T17:30:00+08:00', '17:29: still that day'],
    ['2026-11-27T17:30:00+08:00', EVERY_DAY, '2026-11-28T17:30:00+08:00', 'closing itself: the next day'],
    ['2026-11-27T17:31:00+08:00', EVERY_DAY, '2026-11-28T17:30:00+08:00', '17:31: the next day'],
    ['2026-11-27T18:00:00+08:00', WEEKDAYS, '2026-11-30T17:30:00+08:00', 'Friday evening: Monday'],
    ['2026-11-28T10:00:00+08:00', WEEKDAYS, '2026-11-30T17:30:00+08:00', 'Saturday: Monday'],
    [
      '2026-12-24T18:00:00+08:00',
      WEEKDAYS,
      '2026-12-28T17:30:00+08:00',
      'Thursday evening before a Friday holiday: Monday',
    ],
    ['2026-11-30T23:59:00+08:00', EVERY_DAY, '2026-12-01T17:30:00+08:00', 'month end at night: the 1st'],
    [
      '2026-03-08T12:00:00-04:00',
      NEW_YORK,
      '2026-03-08T17:30:00-04:00',
      'New York, spring-forward day (EDT)',
    ],
    [
      '2026-03-07T18:00:00-05:00',
      NEW_YORK,
      '2026-03-08T17:30:00-04:00',
      'New York, evening before spring forward',
    ],
  ])('%s → %s (%s)', (time, calendar, expected) => {
    expect(endOfWorkingDay(at(time), calendar).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('nextOpening: when the office next opens', () => {
  it.each([
    ['2026-11-27T07:00:00+08:00', EVERY_DAY, '2026-11-27T08:30:00+08:00'],
    ['2026-11-27T08:30:00+08:00', EVERY_DAY, '2026-11-28T08:30:00+08:00'],
    ['2026-11-27T17:30:00+08:00', WEEKDAYS, '2026-11-30T08:30:00+08:00'],
  ])('%s → %s', (time, calendar, expected) => {
    expect(nextOpening(at(time), calendar).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('addDays: CH-7 day counts at the same wall-clock time', () => {
  it.each([
    ['2026-11-27T10:00:00+08:00', 2, EVERY_DAY, '2026-11-29T10:00:00+08:00', 'calendar days'],
    ['2026-11-30T10:00:00+08:00', 2, EVERY_DAY, '2026-12-02T10:00:00+08:00', 'across a month end'],
    ['2026-12-31T23:30:00+08:00', 3, EVERY_DAY, '2027-01-03T23:30:00+08:00', 'across a year end'],
    [
      '2026-11-27T10:00:00+08:00',
      2,
      WORKING_DAY_COUNT,
      '2026-12-01T10:00:00+08:00',
      'working days: Friday + 2 = Tuesday',
    ],
    [
      '2026-11-28T10:00:00+08:00',
      1,
      WORKING_DAY_COUNT,
      '2026-11-30T10:00:00+08:00',
      'working days from a Saturday',
    ],
    // 47 hours: the clock jumps an hour on 8 March; the deadline stays at 10:00 on the wall.
    ['2026-03-07T10:00:00-05:00', 2, NEW_YORK, '2026-03-09T10:00:00-04:00', 'New York across spring forward'],
    ['2026-10-31T10:00:00-04:00', 2, NEW_YORK, '2026-11-02T10:00:00-05:00', 'New York across fall back'],
  ])('%s + %d → %s (%s)', (time, days, calendar, expected) => {
    expect(addDays(at(time), days, calendar).toISOString()).toBe(at(expected).toISOString());
  });

  it('Asia/Shanghai has no daylight saving: two calendar days are always 48 hours', () => {
    for (let month = 1; month <= 12; month++) {
      const start = at(`2026-${String(month).padStart(2, '0')}-10T09:00:00+08:00`);
      expect(addDays(start, 2, EVERY_DAY).getTime() - start.getTime()).toBe(48 * 3_600_000);
    }
  });
});

describe('addMonths: CH-1 "not resolved within one month"', () => {
  it.each([
    ['2026-11-27T09:40:00+08:00', '2026-12-27T09:40:00+08:00', 'a plain month'],
    ['2026-12-15T09:00:00+08:00', '2027-01-15T09:00:00+08:00', 'across a year end'],
    ['2027-01-31T10:00:00+08:00', '2027-02-28T10:00:00+08:00', 'January 31st → end of February'],
    ['2028-01-31T10:00:00+08:00', '2028-02-29T10:00:00+08:00', 'a leap year'],
    ['2026-10-31T10:00:00+08:00', '2026-11-30T10:00:00+08:00', 'a 31st into a 30-day month'],
  ])('%s → %s (%s)', (time, expected) => {
    expect(addMonths(at(time), 1, 'Asia/Shanghai').toISOString()).toBe(at(expected).toISOString());
  });
});

describe('zonedTime: a wall-clock reading to an instant', () => {
  it('a time the spring-forward jump skips comes out after the jump (02:30 → 03:30 EDT)', () => {
    expect(zonedTime({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York').toISOString()).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('a time that occurs twice at fall back is its first occurrence (01:30 EDT)', () => {
    expect(zonedTime({ year: 2026, month: 11, day: 1 }, 90, 'America/New_York').toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
  });

  it('Shanghai closing time is 09:30 UTC', () => {
    expect(zonedTime({ year: 2026, month: 11, day: 27 }, 17 * 60 + 30, 'Asia/Shanghai').toISOString()).toBe(
      '2026-11-27T09:30:00.000Z',
    );
  });
});
