/**
 * The ticket kinds behind one interface: which events a kind has, how they fold, what a due timer
 * does and whom an event notifies. Repairs are the first kind; complaints and emergencies join here.
 */
import type { Park, StaffMember } from './park';
import type { RepairEvent, RepairTicket } from './repair';
import { applyRepairEvent, nextRepairCommands, REPAIR_STATUSES, repairTimerDue } from './repair';
import type { Notification } from './notifications';
import { repairNotifications } from './notifications';

export type Ticket = RepairTicket;

/** Every status any kind can be in (for validating filters). */
export const TICKET_STATUSES = [...REPAIR_STATUSES] as const;
export type TicketEventOf = RepairEvent;

/** Folds an event into its ticket. */
export function applyEvent(ticket: Ticket, event: TicketEventOf): Ticket {
  return applyRepairEvent(ticket, event);
}

/** The commands the ticket accepts now (for clients, e.g. which buttons to show). */
export function allowedCommands(ticket: Ticket): string[] {
  return nextRepairCommands(ticket.status);
}

export function timerDue(ticket: Ticket, timer: string, now: Date) {
  return repairTimerDue(ticket, timer, now);
}

export function notificationsFor(
  event: TicketEventOf,
  ticket: Ticket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  return repairNotifications(event, ticket, staff, park);
}
