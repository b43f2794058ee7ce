/**
 * Which tickets a repeated call joins (ADR 011): the same caller phone, the same kind and, for an
 * emergency, the same category (a fire is not a duplicate of an accident), while that ticket is
 * still open. Pure.
 */
import type { TicketKind } from './ticket';
import type { Ticket } from './tickets';
import { allowedCommands, rulesOf } from './tickets';

/** What a ticket or a request is a duplicate by; undefined without a caller phone (nothing to match). */
export function duplicateKey(of: {
  kind: TicketKind;
  phone: string | undefined;
  category?: string | undefined;
}): string | undefined {
  if (!of.phone) return undefined;
  return of.kind === 'emergency' && of.category
    ? `${of.kind}#${of.category}#${of.phone}`
    : `${of.kind}#${of.phone}`;
}

/** A ticket's duplicate key, from its own fields. */
export function duplicateKeyOfTicket(ticket: Ticket): string | undefined {
  return duplicateKey({
    kind: ticket.kind,
    phone: ticket.caller?.phone,
    category: ticket.kind === 'emergency' ? ticket.category : undefined,
  });
}

/**
 * Still open: it accepts a further step (a closed, declined or finished ticket accepts none); a
 * correction of a finished record (reopening a closed repair) does not count.
 */
export function isOpenTicket(ticket: Ticket): boolean {
  const corrections = rulesOf(ticket.kind).corrections ?? [];
  return allowedCommands(ticket).some((c) => !corrections.includes(c));
}
