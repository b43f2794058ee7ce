/**
 * An SMS that can never be delivered (opted out, not a valid number, refused by SNS) becomes an
 * event on its emergency, written like any other: versioned, one transaction.
 *
 * Input: the SMS record the effects consumer could not deliver. Output: whether an event was stored.
 * 1. Only kinds that answer an unreachable number take part (today: emergencies); a repair's failed
 *    SMS stays a `failed` SMS record, as before.
 * 2. The domain decides: `sms.undeliverable`, which also moves the escalation chain on at once when
 *    nobody at the current level can be reached (point 7); nothing when it was recorded before
 *    (a replayed stream record).
 * 3. A concurrent change (an acknowledgement, a timer) makes us read and decide again.
 */
import { ConcurrentChange } from '../domain/errors';
import { decideUndeliverable } from '../domain/emergency';
import { SYSTEM_ACTOR } from '../domain/ticket';
import type { TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import type { SmsRecord } from '../ports';
import type { CoreDeps } from './deps';

const ATTEMPTS = 5;

export async function recordUndeliverableSms(
  deps: CoreDeps,
  sms: SmsRecord,
  error: string,
): Promise<boolean> {
  for (let attempt = 1; ; attempt++) {
    const ticket = await deps.store.get(sms.ticketId);
    if (ticket?.kind !== 'emergency') return false;
    const staff = await deps.directory.staff(ticket.parkId);
    const now = deps.clock.now();
    const draft = decideUndeliverable(ticket, { ...sms, error }, staff, now);
    if (!draft) return false;
    const event = {
      ...draft,
      seq: ticket.version + 1,
      at: now.toISOString(),
      actor: SYSTEM_ACTOR,
    } as TicketEventOf;
    try {
      await deps.store.append(applyEvent(ticket, event), event, ticket);
      return true;
    } catch (caught) {
      if (!(caught instanceof ConcurrentChange) || attempt >= ATTEMPTS) throw caught;
    }
  }
}
