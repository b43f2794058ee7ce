/**
 * The move-in's one clock: a case still open after the park's days (default 7) texts the property
 * office lead. The due time is computed at opening and travels in the opening event.
 */
import type { EventDraft, RuleContext } from '../kind';
import type { Park } from '../park';
import { addMinutes } from '../time';
import type { MoveInEvent, MoveInTicket } from './model';
import { moveInSettings } from './settings';

export const MOVE_IN_TIMERS = {
  /** Open longer than `moveIn.openDays`: the property office lead is told. */
  openTooLong: 'open-too-long',
} as const;

/** The clocks a case opened at `at` starts: name → due time. */
export function openingClocks(at: Date, park: Park): Record<string, string> {
  const days = moveInSettings(park).openDays;
  return { [MOVE_IN_TIMERS.openTooLong]: addMinutes(at, days * 1440).toISOString() };
}

/** `timer.fired` while the case is open and the clock pending and due; else nothing. */
export function moveInTimerDue(
  ticket: MoveInTicket,
  timer: string,
  ctx: RuleContext,
): EventDraft<MoveInEvent> | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending' || ticket.status !== 'open') return undefined;
  if (ctx.now.getTime() < Date.parse(state.dueAt)) return undefined;
  return { type: 'timer.fired', data: { timer, dueAt: state.dueAt } };
}
