/**
 * Issue 11 item 22: a service slip number (the repair's completion slip, RP-6; a complaint's slip
 * copy, DS-6) belongs to one ticket of the park. The command's write transaction claims
 * `SLIP#<park>#<number>`; a second use is 409 `SERVICE_SLIP.TAKEN` naming the ticket that has it.
 */
import type { TicketEventOf } from '../domain/tickets';

/** Folded so `fw-0001`, `FW-0001` and full-width `ＦＷ－０００１` are one slip. */
export function slipKey(number: string): string {
  return number.normalize('NFKC').trim().replace(/\s+/g, '').toUpperCase();
}

/** The slip number the event records, if it records one. */
export function slipNumberOf(event: TicketEventOf): string | undefined {
  const data = event.data as { serviceSlip?: { number?: unknown }; number?: unknown } | undefined;
  if (event.type === 'ticket.completed' && typeof data?.serviceSlip?.number === 'string') {
    return data.serviceSlip.number;
  }
  if (event.type === 'complaint.service-slip-filed' && typeof data?.number === 'string') return data.number;
  return undefined;
}
