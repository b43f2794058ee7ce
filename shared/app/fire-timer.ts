/**
 * A ticket timer came due.
 *
 * Input: the timer payload. Output: what happened, for logs and tests.
 * 1. Re-read the ticket: the timer's reason may have passed (acknowledged, closed).
 * 2. Ask the domain whether the timer still matters; if not, do nothing (met, gone, or a
 *    duplicate delivery: Scheduler delivers at least once).
 * 3. Record the `timer.fired` event; its SMS follow from the stream. A concurrent change (the
 *    acknowledgement arriving at the same moment) makes us re-read and decide again, so exactly
 *    one of the two outcomes is stored.
 */
import { ConcurrentChange } from '../domain/errors';
import { SYSTEM_ACTOR } from '../domain/ticket';
import type { TicketEventOf } from '../domain/tickets';
import { applyEvent, timerDue } from '../domain/tickets';
import type { TimerPayload } from '../ports';
import type { CoreDeps } from './deps';

const ATTEMPTS = 5;

export async function fireTimer(
  deps: CoreDeps,
  payload: TimerPayload,
): Promise<'fired' | 'not-due' | 'ticket-missing'> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await deps.store.get(payload.ticketId);
    if (!ticket) return 'ticket-missing';
    const now = deps.clock.now();
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
      await deps.store.append(applyEvent(ticket, event), event, ticket.version);
      return 'fired';
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= ATTEMPTS) throw error;
    }
  }
}
