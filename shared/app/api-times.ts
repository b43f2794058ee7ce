/**
 * The API answers times as the park's clocks read them, with the offset
 * (`2026-11-27T15:00:00+08:00`), as its SMS do (issue 11 item 23). Stored times stay UTC
 * (`…Z`, sortable, the form the domain computes with); an answer is rewritten on its way out, so no
 * read path can forget it: every UTC time in the body, wherever it is (a ticket, its timers, its
 * timeline's data, a key set's history).
 */
import { DEFAULT_TIME_ZONE, ENV } from '../config';
import { zonedIso } from '../domain/time';
import type { CoreDeps } from './deps';
import { log } from '../log';

/** A whole UTC ISO time as the desk writes it (`toISOString()`), nothing around it. */
const UTC_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?Z$/;

/** `value` with every UTC time string in it read in `timeZone`. */
export function inParkTime(value: unknown, timeZone: string): unknown {
  if (typeof value === 'string') {
    if (!UTC_TIME.test(value)) return value;
    const instant = new Date(value);
    return Number.isNaN(instant.getTime()) ? value : zonedIso(instant, timeZone);
  }
  if (Array.isArray(value)) return value.map((item) => inParkTime(item, timeZone));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = inParkTime(item, timeZone);
    return out;
  }
  return value;
}

/** The first `parkId` in an answer (a ticket, a list's first item, a key set), breadth first. */
export function parkIdIn(value: unknown): string | undefined {
  const queue: unknown[] = [value];
  for (let seen = 0; queue.length > 0 && seen < 1000; seen++) {
    const next = queue.shift();
    if (next === null || typeof next !== 'object') continue;
    if (!Array.isArray(next) && typeof (next as { parkId?: unknown }).parkId === 'string') {
      return (next as { parkId: string }).parkId;
    }
    queue.push(...(Array.isArray(next) ? next : Object.values(next)));
  }
  return undefined;
}

/**
 * The time zone an answer is read in: its park's (settings, cached), else the desk's default.
 * `deps` only when a park is named: an answer about none (health, an empty list) reads nothing.
 */
export async function answerTimeZone(deps: () => CoreDeps, body: unknown): Promise<string> {
  const fallback = process.env[ENV.defaultTimeZone] ?? DEFAULT_TIME_ZONE;
  const parkId = parkIdIn(body);
  if (!parkId) return fallback;
  try {
    return (await deps().directory.park(parkId))?.timeZone ?? fallback;
  } catch (error) {
    // The answer is on its way out: a command is already recorded. A throttled read of the park
    // (cached a minute, so seldom made here) must not turn it into a 503 that invites a resend.
    log.warn('park time zone unread; answering in the default zone', { error, parkId });
    return fallback;
  }
}
