/**
 * Side effects derived from what was stored (a transactional outbox read off the table's stream).
 *
 * Input: changed items, in stream order. Output: none; throws to have the record retried.
 * - A ticket item changed: its pending timers are compared before and after; new ones are
 *   scheduled, ones no longer pending are cancelled. Both calls are idempotent.
 * - An event item was inserted: the domain says who is told; each SMS is claimed in the table
 *   before it is sent, so a replayed record sends nothing twice.
 */
import { NotFound } from '../domain/errors';
import type { TicketEventOf, Ticket } from '../domain/tickets';
import { notificationsFor } from '../domain/tickets';
import { pendingTimers } from '../domain/ticket';
import type { SmsRecord } from '../ports';
import type { Deps } from './deps';
import { withAckLinks } from './emergency-links';
import { recordUndeliverableSms } from './emergency-undeliverable';
import { DEFAULT_TIME_ZONE } from '../domain/formats';
import { hasLink } from '../domain/emergency';

/** One changed item as the stream reports it, already unmarshalled. */
export interface ChangedItem {
  change: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
}

/** Errors meaning the number can never take this SMS: recorded, not retried. */
const UNDELIVERABLE = new Set(['SmsUndeliverable']);

export async function applyEffects(deps: Deps, item: ChangedItem): Promise<void> {
  const image = item.newImage ?? item.oldImage;
  const sk = String(image?.sk ?? '');
  if (sk === 'TICKET' && item.newImage) {
    await syncTimers(deps, item.oldImage as Ticket | undefined, item.newImage as unknown as Ticket);
  } else if (sk.startsWith('EVENT#') && item.change === 'INSERT' && item.newImage) {
    const { ticketId, parkId, ...event } = item.newImage as unknown as {
      ticketId: string;
      parkId: string;
    } & TicketEventOf;
    await sendNotifications(deps, ticketId, parkId, event as TicketEventOf);
  }
}

async function syncTimers(deps: Deps, before: Ticket | undefined, after: Ticket): Promise<void> {
  const was = pendingTimers(before?.timers ?? {});
  const now = pendingTimers(after.timers ?? {});
  for (const [timer, dueAt] of now) {
    if (was.get(timer) === dueAt) continue;
    // Moved to another time: creating an existing schedule changes nothing, so delete it first.
    if (was.has(timer)) await deps.timers.cancel(after.id, timer);
    const park = await deps.directory.park(after.parkId);
    await deps.timers.schedule({
      ticketId: after.id,
      parkId: after.parkId,
      timer,
      dueAt: new Date(dueAt),
      timeZone: park?.timeZone ?? DEFAULT_TIME_ZONE,
    });
  }
  for (const timer of was.keys()) {
    if (now.has(timer)) continue;
    // A timer that fired is deleted by Scheduler itself (ActionAfterCompletion DELETE).
    const state = after.timers?.[timer]?.state;
    if (state === 'fired' || state === 'missed') continue;
    await deps.timers.cancel(after.id, timer);
  }
}

async function sendNotifications(
  deps: Deps,
  ticketId: string,
  parkId: string,
  event: TicketEventOf,
): Promise<void> {
  const [ticket, park, staff] = await Promise.all([
    deps.store.get(ticketId),
    deps.directory.park(parkId),
    deps.directory.staff(parkId),
  ]);
  if (!ticket) throw new NotFound('TICKET.NOT_FOUND', `ticket ${ticketId} of a stored event is missing`);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId} of ticket ${ticketId} is missing`);
  // Personal links (emergencies) are signed here; the history keeps them hidden.
  const notifications = await withAckLinks(deps, ticket, notificationsFor(event, ticket, staff, park));
  for (const [index, n] of notifications.entries()) {
    const record: SmsRecord = {
      ticketId,
      eventSeq: event.seq,
      index,
      staffId: n.to.id,
      to: n.to.phone,
      text: n.recordedText,
      purpose: n.purpose,
      state: 'sending',
      at: deps.clock.now().toISOString(),
      // What a re-send of a claim a crash left `sending` signs again (reconcile.ts).
      ...(hasLink(n) ? { link: n.link } : {}),
    };
    if (!(await deps.store.claimSms(record))) continue;
    try {
      const { messageId } = await deps.sms.send({ to: n.to.phone, text: n.text, ticketId });
      await deps.store.settleSms({ ...record, state: 'sent', messageId });
    } catch (error) {
      const name = (error as Error).name;
      await deps.store.settleSms({
        ...record,
        state: 'failed',
        error: `${name}: ${(error as Error).message}`,
      });
      if (!UNDELIVERABLE.has(name)) throw error;
      // The ticket learns it (point 7): an emergency moves its chain on at once instead of waiting.
      await recordUndeliverableSms(deps, record, name);
    }
  }
}
