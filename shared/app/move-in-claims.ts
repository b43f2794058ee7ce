/**
 * One open move-in case per unit (ADR 014): the claim `MOVEIN#<park>#<unit>` is taken in the
 * case's opening transaction and released in its completion's (`move-in.completed`, the only
 * event that ends a case: model.ts). The claim is read before a number is reserved, so a plain
 * second request takes no number; two at once both pass the read, and the transaction's condition
 * lets one land (the other's reserved page is voided at once: ticket-store.ts, open-claims.ts).
 */
import { ClaimTaken } from '../domain/errors';
import { moveInUnitKey, unitHasCase } from '../domain/move-in';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import type { OpenClaim } from '../ports';
import type { OpenTicketRequest } from '../schemas';
import type { CoreDeps } from './deps';

function unitClaim(parkId: string, unit: string): OpenClaim {
  return { type: 'move-in-unit', parkId, value: moveInUnitKey(unit) };
}

/** What a new ticket claims while it is open: a move-in case its unit. */
export function claimsToOpen(parkId: string, request: OpenTicketRequest): OpenClaim[] {
  return request.kind === 'move-in' ? [unitClaim(parkId, request.unit)] : [];
}

/** 409 `MOVE_IN.UNIT_HAS_CASE` before any number is reserved, when an open case holds the unit. */
export async function refuseHeldClaims(deps: CoreDeps, request: OpenTicketRequest, claims: OpenClaim[]) {
  for (const claim of claims) {
    const holder = await deps.store.claimHolder(claim);
    if (holder && request.kind === 'move-in') throw unitHasCase(request.unit, holder);
  }
}

/** The store's ClaimTaken (lost the race to another opening) as the client's 409; else as it was. */
export function claimRefusal(error: unknown, request: OpenTicketRequest): unknown {
  if (error instanceof ClaimTaken && request.kind === 'move-in')
    return unitHasCase(request.unit, error.holder);
  return error;
}

/** What the event ends: the completed move-in lets go of its unit. */
export function claimsToRelease(ticket: Ticket, event: TicketEventOf): OpenClaim[] {
  if (ticket.kind === 'move-in' && event.type === 'move-in.completed') {
    return [unitClaim(ticket.parkId, ticket.unit)];
  }
  return [];
}
