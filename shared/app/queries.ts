/** Read-side use cases: a ticket with its timeline, a park's ticket list, the staff directory. */
import { NotFound } from '../domain/errors';
import type { Park, StaffMember } from '../domain/park';
import type { TicketFilter } from '../domain/ticket-filter';
import type { Actor } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';
import { allowedCommands } from '../domain/tickets';
import type { TicketPage } from '../ports';
import type { Principal } from './access';
import { authorize, canSeePark, resolvePark } from './access';
import { withRepairStates } from './move-in';
import { isTicketId, ticketNotFound } from './ticket-command';
import type { TimerChanges } from './timer-changes';
import { timerChangesByEvent } from './timer-changes';
import type { CoreDeps } from './deps';
import { directoryForViews, viewFor } from './views';
import { type ListTicketsQuery, resolveFilter, seesEveryCallerPhone } from './ticket-filters';

export interface TimelineEntry {
  at: string;
  /** An event type (`repair.opened`, `ticket.assigned`, `timer.fired`, …) or `sms`. */
  type: string;
  seq?: number;
  actor?: Actor;
  data: Record<string, unknown>;
  /** What the event did to the ticket's clocks: set (with due times), met, missed, fired, cancelled. */
  timers?: TimerChanges;
}

export type TicketView = Ticket & { allowedCommands: string[]; timeline: TimelineEntry[] };

/**
 * One ticket with its whole history: every event (append-only, CH-11) and every SMS it caused,
 * in time order, as the principal may see it (views.ts: a complaint's contact, CH-3).
 */
export async function getTicket(deps: CoreDeps, principal: Principal, ticketId: string): Promise<TicketView> {
  authorize(principal, 'ticket.read');
  const history = isTicketId(ticketId) ? await deps.store.history(ticketId) : undefined;
  if (!history || !canSeePark(principal, history.ticket.parkId)) throw ticketNotFound(ticketId);
  const clocks = timerChangesByEvent(history.ticket, history.events);
  const timeline: TimelineEntry[] = [
    ...history.events.map((e) => ({
      at: e.at,
      type: e.type,
      seq: e.seq,
      actor: e.actor,
      data: e.data as Record<string, unknown>,
      ...(clocks.has(e.seq) ? { timers: clocks.get(e.seq) } : {}),
    })),
    ...history.sms.map((s) => ({
      at: s.at,
      type: 'sms',
      data: {
        to: s.to,
        staffId: s.staffId,
        purpose: s.purpose,
        text: s.text,
        state: s.state,
        afterEvent: s.eventSeq,
        // Sent more than once: the reconciler re-sent a claim a crash had left unsent.
        ...(s.attempts ? { attempts: s.attempts, resentAt: s.resentAt } : {}),
        // Over an SMS budget (ADR 011): which one, and that it was not sent.
        ...(s.state === 'held' && s.error ? { heldBy: s.error } : {}),
      },
    })),
  ];
  // Stable: events keep their order, an SMS follows the event that caused it.
  timeline.sort(
    (a, b) => a.at.localeCompare(b.at) || (a.type === 'sms' ? 1 : 0) - (b.type === 'sms' ? 1 : 0),
  );
  // MI-6: a move-in shows the state of the repairs its inspection opened.
  const shown = await withRepairStates(deps, history.ticket);
  const view = { ...shown, allowedCommands: allowedCommands(history.ticket), timeline };
  return viewFor(principal, view, await directoryForViews(deps, principal, [history.ticket]));
}

/** The park a read acts in; a park the directory does not know is "not found", not an empty list. */
export async function existingPark(
  deps: CoreDeps,
  principal: Principal,
  parkId: string | undefined,
): Promise<Park> {
  const id = resolvePark(principal, parkId);
  const park = await deps.directory.park(id);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${id} not found`, 'parkId');
  return park;
}

/**
 * A park's tickets with the list's filters (issue 13 item 1, ADR 020): one page as the store reads
 * it (pages may be short: a page stops at the read budget), each ticket as the principal may see it.
 */
export async function listTickets(
  deps: CoreDeps,
  principal: Principal,
  query: ListTicketsQuery,
): Promise<TicketPage> {
  authorize(principal, 'ticket.read');
  const park = await existingPark(deps, principal, query.parkId);
  const filter = resolveFilter(principal, park, query);
  const page = await deps.store.list({
    ...filter,
    parkId: park.id,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { ...page, tickets: await visibleMatches(deps, principal, filter, page.tickets) };
}

/**
 * The page's tickets as `principal` may see them (views.ts). A unit filter never finds a complaint
 * whose contact the reader does not see (CH-3): the list would confirm the masked unit.
 */
export async function visibleMatches(
  deps: CoreDeps,
  principal: Principal,
  filter: TicketFilter,
  tickets: readonly Ticket[],
): Promise<Ticket[]> {
  // One park per page: at most one directory read for the whole page.
  const staff = await directoryForViews(deps, principal, tickets);
  const views = tickets.map((t) => viewFor(principal, t, staff));
  if (!filter.unit || seesEveryCallerPhone(principal)) return views;
  return views.filter((v) => v.kind !== 'complaint' || !(v.caller as { masked?: boolean }).masked);
}

export async function listStaff(
  deps: CoreDeps,
  principal: Principal,
  query: { parkId?: string },
): Promise<{ parkId: string; staff: StaffMember[] }> {
  authorize(principal, 'staff.read');
  const { id: parkId } = await existingPark(deps, principal, query.parkId);
  return { parkId, staff: await deps.directory.staff(parkId) };
}
