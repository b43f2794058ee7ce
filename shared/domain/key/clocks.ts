/**
 * The key's clocks while it is out (KY-1: security must not lose keys): its due time (the slip's,
 * else the park's loan time), the security manager after a further wait, and the office's closing
 * time, when the keys still out are listed to the security captain, each day until they are back.
 * Every due time is computed when the key goes out and travels in the event (apply reads events only).
 */
import { calendarOf, endOfWorkingDay } from '../calendar';
import type { EventDraft, RuleContext } from '../kind';
import type { Park } from '../park';
import { addMinutes, localDay } from '../time';
import type { KeyEvent, KeyTicket } from './model';
import { keySettings } from './settings';

export const KEY_TIMERS = {
  /** KY-4: the key is due back: the guard who handed it out and the security captain are told. */
  returnDue: 'return-due',
  /** Still out a while later: the security manager. */
  returnEscalate: 'return-escalate',
  /** Each day's closing check, one timer per park-local day: `closing-20261127`. */
  closingPrefix: 'closing-',
} as const;

export function isClosingTimer(timer: string): boolean {
  return timer.startsWith(KEY_TIMERS.closingPrefix);
}

/**
 * The office's closing time the key is checked at: the end of the working day `at` falls in (the
 * next one's after hours). A park whose hours cannot be read gets 24 hours later, never no check.
 */
export function nextClosing(at: Date, park: Park): { timer: string; dueAt: string } {
  let closing: Date;
  try {
    closing = endOfWorkingDay(at, calendarOf(park));
  } catch {
    closing = addMinutes(at, 24 * 60);
  }
  return {
    timer: `${KEY_TIMERS.closingPrefix}${localDay(closing, park.timeZone)}`,
    dueAt: closing.toISOString(),
  };
}

/** The clocks a hand-out at `at` starts, due `dueAt`: name → due time. */
export function handOutClocks(dueAt: string, at: Date, park: Park): Record<string, string> {
  const closing = nextClosing(at, park);
  return {
    [KEY_TIMERS.returnDue]: dueAt,
    [KEY_TIMERS.returnEscalate]: addMinutes(
      new Date(dueAt),
      keySettings(park).managerAfterMinutes,
    ).toISOString(),
    [closing.timer]: closing.dueAt,
  };
}

/**
 * What a due timer records: `timer.fired` while the key is still out and the clock pending, else
 * nothing (returned, lost, met, a duplicate delivery). A closing check names the next day's.
 */
export function keyTimerDue(
  ticket: KeyTicket,
  timer: string,
  ctx: RuleContext,
): EventDraft<KeyEvent> | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending' || ticket.status !== 'handed-out') return undefined;
  if (ctx.now.getTime() < Date.parse(state.dueAt)) return undefined;
  if (!isClosingTimer(timer)) return { type: 'timer.fired', data: { timer, dueAt: state.dueAt } };
  const next = nextClosing(addMinutes(new Date(state.dueAt), 1), ctx.park);
  return { type: 'timer.fired', data: { timer, dueAt: state.dueAt, next } };
}
