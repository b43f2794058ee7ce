/**
 * The table of ticket kinds: every kind's rules behind one interface. The use cases only talk to
 * this module; a new kind is a new module plus one row here.
 */
import type { ComplaintCommandBody, ComplaintEvent, ComplaintTicket } from './complaint';
import { complaintRules } from './complaint';
import type { EmergencyCommandBody, EmergencyEvent, EmergencyTicket } from './emergency';
import { emergencyRules } from './emergency';
import type { KeyCommandBody, KeyEvent, KeyTicket } from './key';
import { keyRules } from './key';
import { withSettledDeadlines } from './deadlines';
import type { EventDraft, RuleContext, TicketKindRules } from './kind';
import type { MoveInCommandBody, MoveInEvent, MoveInTicket } from './move-in';
import { moveInRules } from './move-in';
import type { Notification } from './sms';
import type { Park, StaffMember } from './park';
import type { RepairCommandBody, RepairEvent, RepairTicket } from './repair';
import { repairRules } from './repair';
import type { TicketKind } from './ticket';

export type Ticket = RepairTicket | ComplaintTicket | EmergencyTicket | KeyTicket | MoveInTicket;
export type TicketEventOf = RepairEvent | ComplaintEvent | EmergencyEvent | KeyEvent | MoveInEvent;

// biome-ignore lint/suspicious/noExplicitAny: each row is checked against its own kind's types where it is defined
type AnyRules = TicketKindRules<any, any, any>;

/** The kinds the desk runs today; a kind missing here is refused at intake. */
export const KIND_RULES: Partial<Record<TicketKind, AnyRules>> = {
  repair: repairRules,
  complaint: complaintRules,
  emergency: emergencyRules,
  key: keyRules,
  'move-in': moveInRules,
};

/** Every status any kind can be in (for validating filters). */
export const TICKET_STATUSES = [...new Set(Object.values(KIND_RULES).flatMap((r) => r?.statuses ?? []))] as [
  string,
  ...string[],
];

export function rulesOf(kind: TicketKind): AnyRules {
  const rules = KIND_RULES[kind];
  if (!rules) throw new Error(`no rules for ticket kind ${kind}`);
  return rules;
}

/** The kind's apply, then the generic step that keeps the settled deadlines (deadlines.ts, ADR 021). */
export function applyEvent(ticket: Ticket, event: TicketEventOf): Ticket {
  return withSettledDeadlines(ticket, rulesOf(ticket.kind).apply(ticket, event) as Ticket);
}

export function allowedCommands(ticket: Ticket): string[] {
  return rulesOf(ticket.kind).allowedCommands(ticket);
}

/** A command body of any kind, as the kinds' deciders take them. */
export type TicketCommandBody =
  | RepairCommandBody
  | ComplaintCommandBody
  | EmergencyCommandBody
  | KeyCommandBody
  | MoveInCommandBody;

export function decide(
  ticket: Ticket,
  command: TicketCommandBody,
  ctx: RuleContext,
): EventDraft<TicketEventOf> {
  return rulesOf(ticket.kind).decide(ticket, command, ctx);
}

export function timerDue(
  ticket: Ticket,
  timer: string,
  ctx: RuleContext,
): EventDraft<TicketEventOf> | undefined {
  return rulesOf(ticket.kind).timerDue(ticket, timer, ctx);
}

/**
 * The ticket as it was right after the last of `events`: its history from the opening event on,
 * in order, folded with the kind's `apply` (which depends on the events alone).
 */
export function ticketAfter(
  kind: TicketKind,
  events: readonly TicketEventOf[],
  opening: { id: string; parkId: string },
): Ticket {
  const rules = rulesOf(kind);
  let ticket: Ticket | undefined;
  for (const event of events) {
    ticket = withSettledDeadlines(ticket, rules.apply(ticket, event, opening) as Ticket);
  }
  if (!ticket) throw new Error(`ticket ${opening.id} has no events to fold`);
  return ticket;
}

/** Whether an SMS derived from an earlier event is moot by the ticket's state now (see `moot`). */
export function isMoot(notification: Notification, current: Ticket): boolean {
  return rulesOf(current.kind).moot?.(notification, current) ?? false;
}

/** Who gets which SMS for `event`; `ticket` is the ticket as it was right after that event. */
export function notificationsFor(
  event: TicketEventOf,
  ticket: Ticket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  return rulesOf(ticket.kind).notifications(event, ticket, staff, park);
}
