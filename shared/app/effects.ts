/**
 * Side effects derived from what was stored (a transactional outbox read off the table's stream).
 *
 * Input: changed items, in stream order. Output: none; throws to have the record retried.
 * - A ticket item changed: its pending timers are compared before and after; new ones are
 *   scheduled, ones no longer pending are cancelled. Both calls are idempotent.
 * - An event item was inserted: the domain says who is told, from that event and the ticket as it
 *   was right after it (never as it is now), so a replayed record derives the same list; each SMS
 *   is claimed in the table (event seq, index) before it is sent, so a replay sends nothing twice.
 *   An SMS the ticket's state now makes moot (an answer stored since) keeps its index, unsent.
 *   An SMS over a budget (sms-budget.ts) is recorded `held` and not sent.
 */
import { NotFound } from '../domain/errors';
import type { TicketEventOf, Ticket } from '../domain/tickets';
import { isMoot, notificationsFor, ticketAfter } from '../domain/tickets';
import { pendingTimers } from '../domain/ticket';
import type { SmsRecord } from '../ports';
import type { Deps } from './deps';
import { withAckLinks } from './emergency-links';
import { applyKeySetEffects, isKeySetItem } from './key-effects';
import { recordUndeliverableSms } from './emergency-undeliverable';
import { smsHeldBy } from './sms-budget';
import { DEFAULT_TIME_ZONE } from '../domain/formats';
import { hasLink } from '../domain/emergency';
import { log } from '../log';

/** One changed item as the stream reports it, already unmarshalled. */
export interface ChangedItem {
  change: 'INSERT' | 'MODIFY' | 'REMOVE';
  newImage?: Record<string, unknown>;
  oldImage?: Record<string, unknown>;
}

/** Errors meaning the number can never take this SMS: recorded, not retried. */
const UNDELIVERABLE = new Set(['SmsUndeliverable']);
/** The text itself can never go (a lone surrogate): recorded and logged, not retried; the number is fine. */
const TEXT_INVALID = 'SmsTextInvalid';

export async function applyEffects(deps: Deps, item: ChangedItem): Promise<void> {
  // The key register's items (KY-1) have their own effects; their events are not a ticket's.
  if (isKeySetItem(item)) return applyKeySetEffects(deps, item);
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
  const [current, park, staff] = await Promise.all([
    deps.store.get(ticketId),
    deps.directory.park(parkId),
    deps.directory.staff(parkId),
  ]);
  if (!current) throw new NotFound('TICKET.NOT_FOUND', `ticket ${ticketId} of a stored event is missing`);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId} of ticket ${ticketId} is missing`);
  const then = await ticketAsOf(deps, current, event.seq);
  // Each SMS keeps its index in the derived list, whether it goes out or is moot by now.
  const due = notificationsFor(event, then, staff, park)
    .map((n, index) => ({ n, index }))
    .filter(({ n }) => !isMoot(n, current));
  // Personal links (emergencies) are signed here; the history keeps them hidden.
  const outgoing = await withAckLinks(
    deps,
    then,
    due.map(({ n }) => n),
  );
  for (const [i, n] of outgoing.entries()) {
    const index = due[i]?.index ?? i;
    const record: SmsRecord = {
      ticketId,
      // DS-9: the record joins the park's work log (ADR 022).
      parkId,
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
    // Over a budget (ADR 011): recorded `held` with the reason, not sent.
    const held = await smsHeldBy(deps, then, park, staff, record);
    if (held) {
      await deps.store.settleSms({ ...record, state: 'held', error: held });
      continue;
    }
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
      if (name === TEXT_INVALID) {
        // Retrying would hold up every later record of the stream for a text that cannot change.
        log.error('SMS not sent: its text is not well-formed', { ticketId, eventSeq: event.seq, index });
        continue;
      }
      if (!UNDELIVERABLE.has(name)) throw error;
      // The ticket learns it (point 7): an emergency moves its chain on at once instead of waiting.
      await recordUndeliverableSms(deps, record, name);
    }
  }
}

/**
 * The ticket as it was right after event `seq`: the loaded one when nothing happened since (the
 * usual case), else its events up to `seq` folded again (one Query on the ticket's partition).
 */
async function ticketAsOf(deps: Deps, current: Ticket, seq: number): Promise<Ticket> {
  if (current.version === seq) return current;
  if (current.version < seq) {
    // The event and the ticket are written in one transaction: retried until the read catches up.
    throw new Error(`ticket ${current.id} reads version ${current.version}, before its event ${seq}`);
  }
  const events = await deps.store.eventsUpTo(current.id, seq);
  if (events.length !== seq || events.some((e, i) => e.seq !== i + 1)) {
    throw new Error(`ticket ${current.id}: events 1..${seq} are not all stored`);
  }
  return ticketAfter(current.kind, events, { id: current.id, parkId: current.parkId });
}
