/** Wall-clock readings in a park's time zone ("all deadlines are wall-clock in the park's time zone"). */
import { describe, expect, it } from 'vitest';
import {
  addMinutes,
  chineseShort,
  localDateTime,
  localDay,
  parseDuration,
  wallClock,
  zonedIso,
} from '../../shared/domain/time';

const SHANGHAI = 'Asia/Shanghai';
const NEW_YORK = 'America/New_York';

describe('localDay: the park-local day of register numbers', () => {
  it.each([
    ['2026-11-27T15:59:59Z', SHANGHAI, '20261127', 'one second before midnight in Shanghai'],
    ['2026-11-27T16:00:00Z', SHANGHAI, '20261128', 'midnight in Shanghai, still the 27th in UTC'],
    ['2026-12-31T16:00:00Z', SHANGHAI, '20270101', 'new year in Shanghai, still the old year in UTC'],
    ['2026-03-08T04:59:59Z', NEW_YORK, '20260307', 'New York before midnight, EST (UTC-5)'],
    ['2026-03-08T05:00:00Z', NEW_YORK, '20260308', 'New York midnight, EST (UTC-5)'],
    [
      '2026-03-09T03:59:59Z',
      NEW_YORK,
      '20260308',
      'New York before midnight after spring forward, EDT (UTC-4)',
    ],
    ['2026-03-09T04:00:00Z', NEW_YORK, '20260309', 'New York midnight after spring forward, EDT (UTC-4)'],
    ['2026-11-01T03:59:59Z', NEW_YORK, '20261031', 'New York before midnight on the fall-back day, EDT'],
    ['2026-11-01T04:00:00Z', NEW_YORK, '20261101', 'New York midnight on the fall-back day, EDT'],
    ['2026-11-02T04:59:59Z', NEW_YORK, '20261101', 'New York before midnight after fall back, EST'],
    ['2026-11-02T05:00:00Z', NEW_YORK, '20261102', 'New York midnight after fall back, EST'],
  ])('%s in %s is day %s (%s)', (instant, zone, day) => {
    expect(localDay(new Date(instant), zone)).toBe(day);
  });
});

describe('localDateTime: the clock on the office wall', () => {
  it.each([
    ['2026-11-27T07:00:00Z', SHANGHAI, '2026-11-27T15:00:00', 'Shanghai is UTC+8 all year'],
    ['2026-11-27T16:00:00Z', SHANGHAI, '2026-11-28T00:00:00', 'midnight reads 00, never 24'],
    ['2026-06-30T23:59:59Z', SHANGHAI, '2026-07-01T07:59:59', 'no summer time in Shanghai'],
    ['2026-03-08T06:59:59Z', NEW_YORK, '2026-03-08T01:59:59', 'the last second of EST'],
    ['2026-03-08T07:00:00Z', NEW_YORK, '2026-03-08T03:00:00', 'spring forward skips 02:00-02:59'],
    ['2026-11-01T05:30:00Z', NEW_YORK, '2026-11-01T01:30:00', 'fall back: 01:30 EDT'],
    [
      '2026-11-01T06:30:00Z',
      NEW_YORK,
      '2026-11-01T01:30:00',
      'fall back: 01:30 EST, the same reading an hour later',
    ],
    ['2026-11-01T07:00:00Z', NEW_YORK, '2026-11-01T02:00:00', 'fall back: 02:00 EST'],
  ])('%s in %s reads %s (%s)', (instant, zone, reading) => {
    expect(localDateTime(new Date(instant), zone)).toBe(reading);
  });
});

describe('wallClock', () => {
  it('gives every field as a number on the park clock', () => {
    expect(wallClock(new Date('2026-11-27T16:04:05Z'), SHANGHAI)).toEqual({
      year: 2026,
      month: 11,
      day: 28,
      hour: 0,
      minute: 4,
      second: 5,
    });
  });
});

describe('chineseShort: the time as SMS texts and scripts say it', () => {
  it.each([
    ['2026-11-27T15:00:00+08:00', '11月27日15:00'],
    ['2026-01-05T01:05:00+08:00', '1月5日01:05'],
    ['2026-11-27T16:30:00Z', '11月28日00:30'],
  ])('%s reads %s in Asia/Shanghai', (instant, reading) => {
    expect(chineseShort(new Date(instant), SHANGHAI)).toBe(reading);
  });
});

describe('addMinutes', () => {
  it('adds and subtracts elapsed minutes', () => {
    const start = new Date('2026-11-27T06:00:00Z');

    expect(addMinutes(start, 30).toISOString()).toBe('2026-11-27T06:30:00.000Z');
    expect(addMinutes(start, -60).toISOString()).toBe('2026-11-27T05:00:00.000Z');
    expect(start.toISOString()).toBe('2026-11-27T06:00:00.000Z');
  });

  it('counts elapsed time across a clock change: 60 minutes after 01:30 EST is 03:30 EDT', () => {
    expect(localDateTime(addMinutes(new Date('2026-03-08T06:30:00Z'), 60), NEW_YORK)).toBe(
      '2026-03-08T03:30:00',
    );
  });
});

describe('parseDuration: ISO-8601 PnDTnHnMnS', () => {
  it.each([
    ['PT2H', 2 * 3_600_000],
    ['PT30M', 30 * 60_000],
    ['P1D', 24 * 3_600_000],
    ['P1DT2H', 26 * 3_600_000],
    ['PT0.5S', 500],
    ['PT1H30M', 90 * 60_000],
    ['PT45S', 45_000],
    ['P2DT3H4M5S', ((2 * 24 + 3) * 60 + 4) * 60_000 + 5_000],
  ])('%s is %i ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['P', 'PT', '2H', 'P1W', 'P1DT', '', 'PT1.5M', 'P1Y', 'pt2h', ' PT2H', 'PT2H30'])(
    '%j is not a duration',
    (text) => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe("zonedIso: the API's times, as the park's clocks read them (issue 11 item 23)", () => {
  it.each([
    [
      '2026-11-27T07:00:00.000Z',
      SHANGHAI,
      '2026-11-27T15:00:00+08:00',
      'Shanghai, whole seconds: no fraction',
    ],
    ['2026-11-27T15:59:59.250Z', SHANGHAI, '2026-11-27T23:59:59.250+08:00', 'milliseconds kept'],
    ['2026-11-27T16:00:00.000Z', SHANGHAI, '2026-11-28T00:00:00+08:00', 'midnight: the next day'],
    ['2026-03-08T06:59:59.000Z', NEW_YORK, '2026-03-08T01:59:59-05:00', 'New York before spring forward'],
    ['2026-03-08T07:00:00.000Z', NEW_YORK, '2026-03-08T03:00:00-04:00', 'New York after spring forward'],
    [
      '2026-11-01T05:30:00.000Z',
      NEW_YORK,
      '2026-11-01T01:30:00-04:00',
      'the first 01:30 of the fall-back day',
    ],
    [
      '2026-11-01T06:30:00.000Z',
      NEW_YORK,
      '2026-11-01T01:30:00-05:00',
      'the second 01:30 of the fall-back day',
    ],
    ['2026-11-27T07:00:00.000Z', 'Asia/Kolkata', '2026-11-27T12:30:00+05:30', 'a half-hour offset'],
    ['2026-11-27T07:00:00.000Z', 'UTC', '2026-11-27T07:00:00+00:00', 'UTC itself'],
  ])('%s in %s is %s (%s)', (instant, zone, expected) => {
    const zoned = zonedIso(new Date(instant), zone);
    expect(zoned).toBe(expected);
    // The same instant: any ISO parser reads it back.
    expect(new Date(zoned).toISOString()).toBe(instant);
  });
});
