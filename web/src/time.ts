/**
 * Times as the park reads them. The API answers every time already in the park's zone with its
 * offset (`2026-11-27T15:00:00+08:00`), so the console shows the wall-clock part as written and
 * never converts through the browser's own zone (a laptop set to another zone shows park time).
 */
import { deskNow } from './desk-clock';

const PARK_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** `11月27日 15:00`, or `2026年11月27日 15:00` with the year. */
export function parkTime(value: string | undefined, withYear = false): string {
  const m = value ? PARK_TIME.exec(value) : null;
  if (!m) return value ?? '';
  const [, y, mo, d, h, mi] = m;
  return `${withYear ? `${y}年` : ''}${Number(mo)}月${Number(d)}日 ${h}:${mi}`;
}

/** The offset of a zone at an instant, `+08:00`. */
export function zoneOffset(timeZone: string, at = new Date()): string {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** A `datetime-local` input's value (park wall clock) as an ISO time with the park's offset. */
export function fromLocalInput(value: string, timeZone: string): string {
  const offset = zoneOffset(timeZone, new Date(`${value}:00Z`));
  return `${value}:00${offset}`;
}

/** Now (the desk's: desk-clock.ts) plus `minutes`, as a `datetime-local` value on the park's wall clock. */
export function localInputIn(timeZone: string, minutes: number): string {
  const at = new Date(deskNow() + minutes * 60_000);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}
