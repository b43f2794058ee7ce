/**
 * One ticket per call: the call's ticket is claimed first (a conditional write keyed by the call
 * id, holding the ticket id), then opened with the ordinary `openTicket` under that id, so two
 * copies of the same request, even at the same moment, open one ticket.
 */
import { ConcurrentChange } from '../../domain/errors';
import { repairScript } from '../../domain/repair';
import type { Ticket } from '../../domain/tickets';
import type { OpenRequest, Opened } from '../../ivr/call-tree';
import type { CallKey } from '../../ports';
import { openUnlessDuplicate } from '../duplicates';
import { type IvrDeps, ivrPrincipal } from './context';
import { phoneIntake } from './intake';

/** How long another request's fresh claim is waited for before this one opens the ticket itself. */
const CLAIM_PATIENCE_MS = 5_000;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Opens the call's one ticket, or finds the one already opened for it. A claim made by another
 * request moments ago is waited for; an old claim whose ticket never appeared (that request died)
 * is taken over under the same ticket id, so the table can still hold only one.
 */
export async function openForCall(
  deps: IvrDeps,
  parkId: string,
  call: CallKey,
  request: OpenRequest,
): Promise<{ ticket: Ticket; opened: Opened }> {
  const now = deps.clock.now();
  // Parsed before anything is written: a request the desk would refuse claims nothing.
  const intake = phoneIntake(
    parkId,
    request,
    call.provider === 'twilio' ? 'ivr-twilio' : 'ivr-connect',
    call.id,
    now,
  );
  const claim = await deps.calls.claimTicket(call, deps.ids.next(), now.toISOString());
  // A claim this request just made names a ticket id nobody has written yet: nothing to read.
  let ticket = claim.mine ? undefined : await deps.store.get(claim.ticketId);
  if (!ticket && !claim.mine) {
    // Waited in real time: the desk's clock may be moved by hand locally.
    const age = Math.max(0, now.getTime() - Date.parse(claim.at));
    const deadline = Date.now() + Math.max(0, CLAIM_PATIENCE_MS - age);
    while (!ticket && Date.now() < deadline) {
      await pause(100);
      ticket = await deps.store.get(claim.ticketId);
    }
  }
  if (ticket) return { ticket, opened: await openedFrom(deps, ticket) };
  try {
    // The caller's open ticket of this kind, called about again, is joined instead (ADR 011).
    const result = await openUnlessDuplicate(
      { ...deps, ids: { next: () => claim.ticketId } },
      ivrPrincipal(parkId),
      intake.request,
      intake.source,
    );
    const script = result.script as Opened['script'];
    if (result.duplicateOf)
      return { ticket: result.ticket, opened: await openedFrom(deps, result.ticket, true) };
    return {
      ticket: result.ticket,
      opened: {
        ...(result.ticket.number ? { number: result.ticket.number } : {}),
        ...(script ? { script } : {}),
      },
    };
  } catch (error) {
    // Another request opened it under the same id meanwhile: that ticket is the call's.
    const existing = error instanceof ConcurrentChange ? await deps.store.get(claim.ticketId) : undefined;
    if (!existing) throw error;
    return { ticket: existing, opened: await openedFrom(deps, existing) };
  }
}

/** What the caller is told about a ticket opened by an earlier copy of the request, or an earlier call. */
async function openedFrom(deps: IvrDeps, ticket: Ticket, duplicate = false): Promise<Opened> {
  const opened: Opened = {
    ...(ticket.number ? { number: ticket.number } : {}),
    ...(duplicate ? { duplicate: true } : {}),
  };
  if (ticket.kind === 'repair') {
    const park = await deps.directory.park(ticket.parkId);
    if (park) opened.script = repairScript(ticket, park.timeZone, new Date(ticket.createdAt));
  }
  return opened;
}
