/**
 * A caller who calls again (ADR 011): POST /tickets, a Twilio call and an Amazon Connect contact
 * asking for a ticket the caller already has open — same phone, same kind (and emergency category),
 * opened within the park's `duplicateWindowMinutes` — join that ticket instead of opening another:
 * no second number, no second chain of SMS. The repeated call is recorded on it as its own event
 * (`caller.called-again`, append-only like every step), and the answer says `duplicateOf`.
 *
 * 1. Authorize and resolve the park as opening would (the same 403 and 404 first).
 * 2. Look the caller's newest open ticket up on the sparse `openTicketsByCaller` index (one Query),
 *    then read it (consistently: the index may lag) and check it is still open and in the window.
 * 3. Append the event under the ticket's version; a concurrent change reads it again (a few times).
 * Otherwise, or with `allowDuplicate` (the desk's judgement), the ticket is opened as ever.
 * Two identical requests at the very same moment may both open: the index is eventually
 * consistent. The per-phone and per-token limits (rate-limits.ts) bound what that can cost.
 */
import type { CalledAgainEvent } from '../domain/called-again';
import { duplicateKey, duplicateKeyOfTicket, isOpenTicket } from '../domain/duplicates';
import { ConcurrentChange } from '../domain/errors';
import { limitSettings } from '../domain/limits';
import type { TicketSource } from '../domain/ticket';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import type { OpenTicketRequest } from '../schemas';
import type { Principal } from './access';
import { actorOf, authorize, openAction, resolvePark } from './access';
import type { CoreDeps } from './deps';
import { openTicket } from './open-ticket';
import { directoryForViews, viewFor } from './views';

/** Tries to record the repeated call on a ticket others are changing at the same moment. */
const APPEND_ATTEMPTS = 3;

export type Intake = { ticket: Ticket; duplicateOf?: string } & Record<string, unknown>;

/** Opens the ticket, or joins the caller's open one of the same kind (`duplicateOf`). */
export async function openUnlessDuplicate(
  deps: CoreDeps,
  principal: Principal,
  request: OpenTicketRequest,
  source?: TicketSource,
  /**
   * A check that must pass before anything is written (the token's allowance, rate-limits.ts),
   * already running: it runs alongside the lookup, so intake waits for one round trip, not two.
   */
  gate: Promise<void> = Promise.resolve(),
): Promise<Intake> {
  // Key requests and move-ins have no caller phoning in: nothing to join.
  if (!('caller' in request)) {
    await gate;
    return openTicket(deps, principal, request, source);
  }
  const { allowDuplicate, ...rest } = request;
  const fresh = rest as OpenTicketRequest;
  authorize(principal, openAction(request.kind));
  const parkId = resolvePark(principal, request.parkId);
  const key = duplicateKey({
    kind: request.kind,
    phone: request.caller?.phone,
    category: request.kind === 'emergency' ? request.category : undefined,
  });
  const park = await deps.directory.park(parkId);
  const { duplicateWindowMinutes } = limitSettings(park).settings;
  if (allowDuplicate || !key || !park || !request.caller || duplicateWindowMinutes === 0) {
    await gate;
    return openTicket(deps, principal, fresh, source);
  }
  const since = new Date(deps.clock.now().getTime() - duplicateWindowMinutes * 60_000).toISOString();
  const [id] = await Promise.all([deps.store.openTicketOfCaller(parkId, key, since), gate]);
  for (let attempt = 1; id && attempt <= APPEND_ATTEMPTS; attempt++) {
    const ticket = await deps.store.get(id);
    // The index may lag behind the table: the ticket as it is now decides.
    if (!ticket || !isOpenTicket(ticket) || duplicateKeyOfTicket(ticket) !== key || ticket.createdAt < since)
      break;
    // A replay of the same call (a provider's retry) is on record already.
    if (source?.callId && ticket.calledAgain?.lastCallId === source.callId) {
      return { ticket: await viewOf(deps, principal, ticket), duplicateOf: ticket.id };
    }
    const at = deps.clock.now().toISOString();
    const event: CalledAgainEvent = {
      seq: ticket.version + 1,
      type: 'caller.called-again',
      at,
      actor: actorOf(principal),
      data: {
        caller: request.caller,
        channel: source?.channel ?? 'desk',
        ...(source?.callId ? { callId: source.callId } : {}),
        description: request.description,
        ...(source?.transcript ? { transcript: source.transcript } : {}),
      },
    };
    const next = applyEvent(ticket, event as TicketEventOf);
    try {
      await deps.store.append(next, event as TicketEventOf, ticket);
      return { ticket: await viewOf(deps, principal, next), duplicateOf: ticket.id };
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= APPEND_ATTEMPTS) throw error;
    }
  }
  return openTicket(deps, principal, fresh, source);
}

/** The joined ticket as the principal may see it (a complaint's contact, views.ts). */
async function viewOf(deps: CoreDeps, principal: Principal, ticket: Ticket): Promise<Ticket> {
  return viewFor(principal, ticket, await directoryForViews(deps, principal, [ticket]));
}
