/**
 * What a ticket kind (repair, complaint, emergency) must tell the desk. Each kind's module exports
 * one `TicketKindRules`; `tickets.ts` puts them in one table. Everything here is pure.
 */
import type { Notification } from './notifications';
import type { Park, StaffMember } from './park';
import type { Actor, TicketBase, TicketEvent } from './ticket';

/** An event as a rule decides it; the use case adds `seq`, `at` and `actor`. */
export type EventDraft<E> = E extends TicketEvent<string, unknown> ? Omit<E, 'seq' | 'at' | 'actor'> : never;

/** A validated command: its name and its body's fields. */
export type CommandInput = { type: string } & Record<string, unknown>;

/** What a decision may look at besides the ticket. */
export interface RuleContext {
  now: Date;
  actor: Actor;
  park: Park;
  /** The park's directory. */
  staff: readonly StaffMember[];
}

export interface OpenInput<Intake> {
  id: string;
  parkId: string;
  /** The register number when `needsNumber` said so. */
  number?: string;
  intake: Intake;
}

export interface TicketKindRules<
  T extends TicketBase,
  E extends TicketEvent<string, unknown>,
  Intake = unknown,
> {
  /** Register letter of the kind's numbered record (RP-5, CH-11): `R`, `C`, `E`. */
  register: string;
  statuses: readonly string[];
  /** Does this intake get a register number? (A declined repair does not.) */
  needsNumber(intake: Intake): boolean;
  /** Opens the ticket: its first state, its opening event, and what to answer the caller. */
  open(input: OpenInput<Intake>, ctx: RuleContext): { ticket: T; event: E; reply: Record<string, unknown> };
  /** The commands the ticket accepts now (for clients, e.g. which buttons to show). */
  allowedCommands(ticket: T): string[];
  /** The event a command produces, or throws why it may not happen. */
  decide(ticket: T, command: CommandInput, ctx: RuleContext): EventDraft<E>;
  /** Folds an event into the ticket; must depend on the events alone (replays give the same state). */
  apply(ticket: T | undefined, event: E, opening?: { id: string; parkId: string }): T;
  /** What a due timer records: an event when its reason still stands, else nothing. */
  timerDue(ticket: T, timer: string, ctx: RuleContext): EventDraft<E> | undefined;
  /** Who gets which SMS for an event. */
  notifications(event: E, ticket: T, staff: readonly StaffMember[], park: Park): Notification[];
  /** Commands that field staff may only run on a ticket assigned to them. */
  assigneeOnly: readonly string[];
  /** Opening needs the directory (e.g. to name whom the report sheet goes to); repairs do not. */
  needsDirectory?: boolean;
}
