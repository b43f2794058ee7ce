/**
 * ADR 016 (issue 11 item 12): a missed deadline that stays missed is not texted once and then
 * forgotten. From the first miss, each following working day at the office's opening, while the
 * complaint still owes something, the next level up the escalation ladder is texted what is owed
 * — at most STILL_OVERDUE_DAYS days (then the monthly summary and CH-1's month take over), and
 * within the SMS budgets of ADR 011. Doing what is owed stops them (apply.ts).
 */
import type { OfficeCalendar } from '../calendar';
import { addLocalDays, calendarOf, localDateOf, nextOpening, zonedTime } from '../calendar';
import type { EventDraft, RuleContext } from '../kind';
import type { ClockStarts, ComplaintEvent, ComplaintTicket, ComplaintTimer } from './model';
import { COMPLAINT_TIMERS as T, ESCALATION_LADDER } from './model';
import { missLevel } from './miss-texts';

/** How many working days a deadline still missed is texted again (one level up each day). */
export const STILL_OVERDUE_DAYS = 3;
export const STILL_OVERDUE_TIMERS: readonly ComplaintTimer[] = [T.overdueDay1, T.overdueDay2, T.overdueDay3];

/** The office's opening on the next working day after `now`'s day (never later the same day). */
export function nextWorkingMorning(now: Date, calendar: OfficeCalendar): Date {
  const tomorrow = addLocalDays(localDateOf(now, calendar.timeZone), 1);
  return nextOpening(zonedTime(tomorrow, 0, calendar.timeZone), calendar);
}

/** The first day's clock, started by a missed deadline unless one is running already. */
export function startStillOverdue(ticket: ComplaintTicket, now: Date, calendar: OfficeCalendar): ClockStarts {
  if (STILL_OVERDUE_TIMERS.some((t) => ticket.timers[t]?.state === 'pending')) return {};
  return { [T.overdueDay1]: nextWorkingMorning(now, calendar).toISOString() };
}

/**
 * Still owing at a working day's opening: the level above the highest one texted for a miss so
 * far, one more each day (the top: the GM), and the next day's clock unless it was the last.
 */
export function stillOverdue(
  ticket: ComplaintTicket,
  timer: ComplaintTimer,
  dueAt: string,
  ctx: RuleContext,
): EventDraft<ComplaintEvent> | undefined {
  const day = STILL_OVERDUE_TIMERS.indexOf(timer) + 1;
  if (day === 0 || ticket.overdue.length === 0) return undefined;
  const base = Math.max(-1, ...ticket.missedDeadlines.map(missLevel));
  const level = ESCALATION_LADDER[Math.min(base + day, ESCALATION_LADDER.length - 1)] ?? 'gm';
  const next = STILL_OVERDUE_TIMERS[day];
  const timers: ClockStarts = next
    ? { [next]: nextWorkingMorning(ctx.now, calendarOf(ctx.park)).toISOString() }
    : {};
  return {
    type: 'complaint.still-overdue',
    data: { timer, dueAt, day, owed: [...ticket.overdue], level, timers },
  };
}
