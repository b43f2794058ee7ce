/** Wall-clock arithmetic in a park's time zone. Pure: every function takes the instant it needs. */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallClock(instant: Date, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

const two = (n: number) => String(n).padStart(2, '0');

/** `yyyy-mm-ddThh:mm:ss` as read on a clock in `timeZone` (the form Scheduler's `at()` takes). */
export function localDateTime(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}:${two(w.second)}`;
}

/**
 * `instant` as an ISO 8601 time in `timeZone` with its offset (`2026-11-27T15:00:00+08:00`;
 * milliseconds only when there are some): what the API answers, read as the park's clocks show it
 * (issue 11 item 23). The same instant as its UTC form; any ISO parser reads it back.
 */
export function zonedIso(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const wallMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const offsetMinutes = Math.round((wallMs - (instant.getTime() - instant.getUTCMilliseconds())) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const ms = instant.getUTCMilliseconds();
  const fraction = ms ? `.${String(ms).padStart(3, '0')}` : '';
  return `${localDateTime(instant, timeZone)}${fraction}${sign}${two(Math.floor(abs / 60))}:${two(abs % 60)}`;
}

/** `yyyymmdd` of the park-local day, as used in register numbers (R20261127-003). */
export function localDay(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.year}${two(w.month)}${two(w.day)}`;
}

/** A short Chinese reading for SMS and prompts: `11月27日15:00`. */
export function chineseShort(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  return `${w.month}月${w.day}日${two(w.hour)}:${two(w.minute)}`;
}

/** Adds minutes to an instant (durations below a day do not depend on the zone). */
export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * 60_000);
}

/** Parses an ISO-8601 duration of the forms PnDTnHnMnS (weeks and years are not used here). */
export function parseDuration(text: string): number | undefined {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, d, h, min, s] = m;
  return ((Number(d ?? 0) * 24 + Number(h ?? 0)) * 60 + Number(min ?? 0)) * 60_000 + Number(s ?? 0) * 1000;
}
