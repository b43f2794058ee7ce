/**
 * At the office's closing time, the list of keys still out goes to the security captain (KY-1:
 * security must not lose keys). Each key out has its own closing check (a timer on its request);
 * the first check of a closing to be recorded claims that closing's list (one item per park and
 * closing time, in the same transaction as its event) and carries the keys out, read from the
 * register's index, so its SMS is the list. The other checks record that they were listed with it.
 */
import type { KeyEvent, KeysOutAtClosing, KeyTicket } from '../domain/key';
import { isClosingTimer } from '../domain/key';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import { RollCallTaken } from '../ports';
import type { CoreDeps } from './deps';

/** The most keys one closing list names; past that the SMS says how many and the ledger shows them. */
export const MAX_ROLL_CALL = 100;

/** The keys out in the park now (Queries on the register's index, out-state partition only). */
async function keysOut(deps: CoreDeps, ticket: KeyTicket): Promise<KeysOutAtClosing['keys']> {
  const keys: KeysOutAtClosing['keys'] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.listKeySets({
      parkId: ticket.parkId,
      state: 'out',
      limit: 50,
      ...(cursor ? { cursor } : {}),
    });
    for (const set of page.keySets) {
      keys.push({
        tag: set.tag,
        place: set.unit ?? set.area ?? '',
        label: set.label,
        holder: set.holder?.name ?? '',
        ticketNumber: set.holder?.ticketNumber ?? '',
        dueAt: set.holder?.dueAt ?? '',
      });
    }
    cursor = page.cursor;
  } while (cursor && keys.length < MAX_ROLL_CALL);
  // The index is read eventually consistently: this request's own key is on the list whatever it says.
  const own = ticket.handOut;
  if (own && !keys.some((k) => k.ticketNumber === own.ticketNumber)) {
    keys.unshift({
      tag: ticket.key.tag,
      place: ticket.key.unit ?? ticket.key.area ?? '',
      label: ticket.key.label,
      holder: own.name,
      ticketNumber: own.ticketNumber,
      dueAt: own.dueAt,
    });
  }
  return keys.slice(0, MAX_ROLL_CALL);
}

/**
 * Records a due timer's event. A key request's closing check claims and carries that closing's
 * list, or, when another request's check took it, says which (`listedWith`); every other timer's
 * event is appended as it is.
 */
export async function appendTimerEvent(deps: CoreDeps, ticket: Ticket, event: TicketEventOf): Promise<void> {
  if (ticket.kind !== 'key' || event.type !== 'timer.fired' || !isClosingTimer(event.data.timer)) {
    return deps.store.append(applyEvent(ticket, event), event, ticket);
  }
  const fired = event as Extract<KeyEvent, { type: 'timer.fired' }>;
  const closingAt = fired.data.dueAt;
  const withList = {
    ...fired,
    data: { ...fired.data, rollCall: { closingAt, keys: await keysOut(deps, ticket) } },
  };
  const claim = {
    parkId: ticket.parkId,
    closingAt,
    ticketId: ticket.id,
    ticketNumber: ticket.number ?? ticket.id,
  };
  try {
    await deps.store.appendWithKeySets(applyEvent(ticket, withList), withList, ticket, [], claim);
  } catch (error) {
    if (!(error instanceof RollCallTaken)) throw error;
    const listed = { ...fired, data: { ...fired.data, listedWith: error.by } };
    await deps.store.append(applyEvent(ticket, listed), listed, ticket);
  }
}
