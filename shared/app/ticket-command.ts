/**
 * Run one lifecycle command on a ticket (assign, acknowledge, complete, close).
 *
 * Input: the principal, the ticket id and a validated command. Output: the ticket after it.
 * 1. Load the ticket; one the principal may not see is "not found".
 * 2. Authorize the command; field staff may only act on work assigned to them.
 * 3. Ask the domain for the event (the transitions table says whether the step is legal).
 * 4. Write ticket and event in ONE transaction conditioned on the version read in step 1: a
 *    concurrent change fails with 409 instead of being lost. A step that changes nothing (the
 *    kind's `changesNothing`, e.g. re-assigning the same technician) writes nothing.
 */
import { Forbidden, IllegalTransition, InvalidInput, NotFound } from '../domain/errors';
import type { EventDraft, RuleContext } from '../domain/kind';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { applyEvent, decide, rulesOf } from '../domain/tickets';
import type { Principal } from './access';
import { actorOf, authorize, canSeePark, isFieldStaffOnly, PERMISSIONS } from './access';
import type { CoreDeps } from './deps';
import type { TicketCommand } from '../schemas';
import { isUlid } from '../domain/formats';
import { commandWithEarlier } from './complaint-repeats';
import { keySetChangesFor } from './keys';
import { writeMoveInEvent } from './move-in';
import { slipKey, slipNumberOf } from './service-slips';
import { viewFor } from './views';

/** A validated command: its name (the last path segment) and its body. */
export type { TicketCommand } from '../schemas';

/** Ticket ids are ULIDs; anything else cannot name a ticket (and never reaches the table). */
export function isTicketId(id: string): boolean {
  return isUlid(id);
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
  return (await recordTicketCommand(deps, principal, ticketId, command)).ticket;
}

/**
 * The same, also answering with the stored event: what the desk says next travels in it (e.g. the
 * RP-2/RP-3 sentences of a repair decided after reception); and the ticket as the principal may
 * see it (views.ts), for the answer to the client.
 */
export async function recordTicketCommand(
  deps: CoreDeps,
  principal: Principal,
  ticketId: string,
  command: TicketCommand,
): Promise<{ ticket: Ticket; event?: TicketEventOf; view: Ticket }> {
  const ticket = await visibleTicket(deps, principal, ticketId);
  mayAttempt(principal, ticket, command);
  const [park, staff] = await Promise.all([
    deps.directory.park(ticket.parkId),
    deps.directory.staff(ticket.parkId),
  ]);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${ticket.parkId} not found`);
  const now = deps.clock.now();
  const actor = actorOf(principal);
  // CH-1 (ADR 016): a complaint's grading is told the unit's earlier complaints about the department.
  const ready = await commandWithEarlier(deps, ticket, command, staff, now);
  const draft = decide(ticket, ready, { now, actor, park, staff });
  // A step that changes nothing (the same person again): nothing recorded, nobody texted (ADR 011).
  if (rulesOf(ticket.kind).changesNothing?.(ticket, draft as never)) {
    return { ticket, view: viewFor(principal, ticket, staff) };
  }
  // MI-5..MI-7: a move-in's step is written with the repairs or key sets it moves (move-in.ts).
  if (ticket.kind === 'move-in') {
    const written = await writeMoveInEvent(deps, ticket, draft as never, { now, actor, park, staff });
    return { ...written, view: viewFor(principal, written.ticket, staff) };
  }
  const event = { ...draft, seq: ticket.version + 1, at: now.toISOString(), actor } as TicketEventOf;
  const next = applyEvent(ticket, event);
  // KY-4: a key leaving or coming back moves the register's key set in the same transaction.
  const changes = await keySetChangesFor(deps, next, event);
  if (changes.length > 0) await deps.store.appendWithKeySets(next, event, ticket, changes);
  else await deps.store.append(next, event, ticket, slipToClaim(event));
  return { ticket: next, event, view: viewFor(principal, next, staff) };
}

/** Issue 11 item 22: the folded service slip number the event records, claimed in its write. */
function slipToClaim(event: TicketEventOf): string | undefined {
  const number = slipNumberOf(event);
  return number === undefined ? undefined : slipKey(number);
}

/** Step 2: the command exists for the kind, the principal's groups may send it, field staff only on their own work. */
function mayAttempt(principal: Principal, ticket: Ticket, command: TicketCommand): void {
  const rules = rulesOf(ticket.kind);
  const action = `${ticket.kind}.${command.type}`;
  if (!Object.hasOwn(PERMISSIONS, action)) {
    throw new IllegalTransition(`a ${ticket.kind} has no step "${command.type}"`);
  }
  authorize(principal, action);
  // EM-6's notes on open instructions (ADR 017) are an emergency's; another kind refuses them, not ignores.
  if (command.type === 'close' && command.instructions !== undefined && ticket.kind !== 'emergency') {
    throw new InvalidInput(
      'REQUEST.NOT_FOR_KIND',
      `instructions are an emergency's; a ${ticket.kind} closes without them`,
      'instructions',
    );
  }
  if (
    rules.assigneeOnly.includes(command.type) &&
    isFieldStaffOnly(principal) &&
    ticket.assigneeId !== principal.staffId
  ) {
    throw new Forbidden(`only the assigned member of staff may ${command.type} this ticket`);
  }
}

/**
 * Steps 2 and 3 without a write: the event `principal` would record with `command` now, or why
 * not (thrown). The SMS link pages ask it before they offer a button.
 */
export function decideTicketCommand(
  principal: Principal,
  ticket: Ticket,
  command: TicketCommand,
  ctx: RuleContext,
): EventDraft<TicketEventOf> {
  mayAttempt(principal, ticket, command);
  return decide(ticket, command, ctx);
}
