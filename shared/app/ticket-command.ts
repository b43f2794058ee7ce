/**
 * Run one lifecycle command on a ticket (assign, acknowledge, complete, close).
 *
 * Input: the principal, the ticket id and a validated command. Output: the ticket after it.
 * 1. Load the ticket; one the principal may not see is "not found".
 * 2. Authorize the command; field staff may only act on work assigned to them.
 * 3. Ask the domain for the event (the transitions table says whether the step is legal).
 * 4. Write ticket and event in ONE transaction conditioned on the version read in step 1: a
 *    concurrent change fails with 409 instead of being lost.
 */
import { Forbidden, NotFound } from '../domain/errors';
import type { ServiceSlip } from '../domain/repair';
import { decideRepair } from '../domain/repair';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import type { Action, Principal } from './access';
import { actorOf, authorize, canSeePark, isFieldStaffOnly } from './access';
import type { CoreDeps } from './deps';

export type TicketCommand =
  | { type: 'assign'; staffId: string }
  | { type: 'acknowledge' }
  | { type: 'complete'; serviceSlip: ServiceSlip }
  | { type: 'close' };

/** Ticket ids are ULIDs; anything else cannot name a ticket (and never reaches the table). */
export function isTicketId(id: string): boolean {
  return /^[0-9A-HJKMNP-TV-Z]{26}$/.test(id);
}

export function ticketNotFound(ticketId: string): NotFound {
  const shown = ticketId.length <= 40 ? ticketId : `${ticketId.slice(0, 40)}…`;
  return new NotFound('TICKET.NOT_FOUND', `ticket ${shown} not found`, 'id');
}

/** Loads a ticket the principal may see, or throws the same "not found" as for a missing one. */
export async function visibleTicket(deps: CoreDeps, principal: Principal, ticketId: string): Promise<Ticket> {
  const ticket = isTicketId(ticketId) ? await deps.store.get(ticketId) : undefined;
  if (!ticket || !canSeePark(principal, ticket.parkId)) {
    throw ticketNotFound(ticketId);
  }
  return ticket;
}

export async function runTicketCommand(
  deps: CoreDeps,
  principal: Principal,
  ticketId: string,
  command: TicketCommand,
): Promise<Ticket> {
  const ticket = await visibleTicket(deps, principal, ticketId);
  authorize(principal, `${ticket.kind}.${command.type}` as Action);
  if (command.type !== 'assign' && isFieldStaffOnly(principal) && ticket.assigneeId !== principal.staffId) {
    throw new Forbidden(`only the assigned technician may ${command.type} this work order`);
  }
  let draft: Omit<TicketEventOf, 'seq' | 'at' | 'actor'>;
  if (command.type === 'assign') {
    const staff = await deps.directory.staff(ticket.parkId);
    const technician = staff.find((s) => s.id === command.staffId);
    if (!technician) {
      throw new NotFound('STAFF.NOT_FOUND', `staff ${command.staffId} is not in this park's directory`, 'staffId');
    }
    draft = decideRepair(ticket, { type: 'assign', technician });
  } else {
    draft = decideRepair(ticket, command);
  }
  const event = {
    ...draft,
    seq: ticket.version + 1,
    at: deps.clock.now().toISOString(),
    actor: actorOf(principal),
  } as TicketEventOf;
  const next = applyEvent(ticket, event);
  await deps.store.append(next, event, ticket.version);
  return next;
}
