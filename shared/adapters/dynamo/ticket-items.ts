/** How tickets and their events are laid out as items (the ticket store and the key register write them). */
import { COMPLAINT_SUBJECT_ATTRIBUTES, complaintSubjectKeys } from './complaint-subjects';
import { OPEN_CALLER_ATTRIBUTES, openCallerKeys } from './limits';
import type { Ticket, TicketEventOf } from '../../domain/tickets';
import { refuseOversized } from './item-size';
import { keys } from './table';
import { UNSETTLED_ATTRIBUTES, unsettledTicketKeys } from './unsettled';

export const TICKET_INTERNAL = [
  'pk',
  'sk',
  'itemType',
  'parkKey',
  'parkKindKey',
  'parkKindStatusKey',
  'overdueKey',
  'createdKey',
  ...UNSETTLED_ATTRIBUTES,
  ...OPEN_CALLER_ATTRIBUTES,
  ...COMPLAINT_SUBJECT_ATTRIBUTES,
];

/** A ticket owing something past its deadline (complaints keep `overdue`, the obligations owed). */
function isOverdue(ticket: Ticket): boolean {
  const owed = (ticket as { overdue?: unknown }).overdue;
  return Array.isArray(owed) && owed.length > 0;
}

export function strip<T>(item: Record<string, unknown>, names: readonly string[]): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!names.includes(k)) out[k] = v;
  return out as T;
}

function ticketItem(ticket: Ticket): Record<string, unknown> {
  return {
    ...keys.ticket(ticket.id),
    itemType: 'ticket',
    ...ticket,
    parkKey: `PARK#${ticket.parkId}`,
    parkKindKey: `PARK#${ticket.parkId}#${ticket.kind}`,
    parkKindStatusKey: `PARK#${ticket.parkId}#${ticket.kind}#${ticket.status}`,
    // Sparse: the index holds only overdue tickets; a Put without the key takes a ticket out.
    ...(isOverdue(ticket) ? { overdueKey: `PARK#${ticket.parkId}#${ticket.kind}` } : {}),
    createdKey: `${ticket.createdAt}#${ticket.id}`,
    // Sparse: in the reconciler's index while a timer is pending (unsettled.ts).
    ...unsettledTicketKeys(ticket),
    // Sparse: in the index of open tickets by caller while open (limits.ts, ADR 011).
    ...openCallerKeys(ticket),
    // Sparse: complaints by caller unit and department, for CH-1's repeats (complaint-subjects.ts, ADR 016).
    ...complaintSubjectKeys(ticket),
  };
}

function eventItem(ticket: Ticket, event: TicketEventOf): Record<string, unknown> {
  return {
    ...keys.event(ticket.id, event.seq),
    itemType: 'event',
    ticketId: ticket.id,
    parkId: ticket.parkId,
    ...event,
  };
}

/**
 * The ticket's item and its event's (and any item written with them, e.g. an Idempotency-Key's
 * answer); one too large for DynamoDB is refused with a 422.
 */
export const writeItems = (ticket: Ticket, event: TicketEventOf, ...with_: Record<string, unknown>[]) =>
  refuseOversized(`ticket ${ticket.id}: ${event.type}`, [
    ticketItem(ticket),
    eventItem(ticket, event),
    ...with_,
  ]);
