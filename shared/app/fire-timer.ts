/**
 * A ticket timer came due.
 *
 * Input: the timer payload. Output: what happened, for logs and tests.
 * 1. Re-read the ticket: the timer's reason may have passed (acknowledged, closed).
 * 2. Ask the domain whether the timer still matters; if not, do nothing (met, gone, or a
 *    duplicate delivery: Scheduler delivers at least once). A pending timer due within
 *    EARLY_FIRING_MS counts as due: it is decided and recorded as at its due time.
 * 3. Record the `timer.fired` event; its SMS follow from the stream. A concurrent change (the
 *    acknowledgement arriving at the same moment) makes us re-read and decide again, so exactly
 *    one of the two outcomes is stored.
 */
import { ConcurrentChange } from '../domain/errors';
import { SYSTEM_ACTOR } from '../domain/ticket';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { timerDue } from '../domain/tickets';
import type { TimerPayload } from '../ports';
import type { CoreDeps } from './deps';
import { appendTimerEvent } from './key-roll-call';

const ATTEMPTS = 5;

/**
 * How far ahead of its due time a firing still counts as the timer's own. Scheduler runs a
 * one-time schedule anywhere inside the minute of its `at()`; a schedule written with seconds (as
 * before timers were put on the next whole minute) runs up to 59 s early. Answering "not due" to
 * it would lose the timer for good: the schedule deletes itself after it ran. A firing further
 * ahead than this is for a time the timer no longer has (it was moved; its new schedule fires).
 */
export const EARLY_FIRING_MS = 90_000;

/** The instant to decide at: the due time when the firing is early by at most EARLY_FIRING_MS. */
function decisionTime(ticket: Ticket, timer: string, now: Date): Date {
  const state = ticket.timers?.[timer];
  if (state?.state !== 'pending') return now;
  const early = Date.parse(state.dueAt) - now.getTime();
  return early > 0 && early <= EARLY_FIRING_MS ? new Date(state.dueAt) : now;
}

export async function fireTimer(
  deps: CoreDeps,
  payload: TimerPayload,
): Promise<'fired' | 'not-due' | 'ticket-missing'> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await deps.store.get(payload.ticketId);
    if (!ticket) return 'ticket-missing';
    // Early within the window: the record reads as if the timer fired on time.
    const now = decisionTime(ticket, payload.timer, deps.clock.now());
    const [park, staff] = await Promise.all([
      deps.directory.park(ticket.parkId),
      deps.directory.staff(ticket.parkId),
    ]);
    if (!park) return 'ticket-missing';
    const draft = timerDue(ticket, payload.timer, { now, actor: SYSTEM_ACTOR, park, staff });
    if (!draft) return 'not-due';
    const event = {
      ...draft,
      seq: ticket.version + 1,
      at: now.toISOString(),
      actor: SYSTEM_ACTOR,
    } as TicketEventOf;
    try {
      await appendTimerEvent(deps, ticket, event);
      return 'fired';
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= ATTEMPTS) throw error;
    }
  }
}
