/**
 * What a ticket kind (repair, complaint, emergency, …) must tell the desk. Each kind's folder
 * exports one `TicketKindRules` from its `index.ts`; `tickets.ts` puts them in one table.
 * Everything here is pure.
 */
import { IllegalTransition } from './errors';
import type { Park, StaffMember } from './park';
import type { Notification } from './sms';
import type { Actor, TicketBase, TicketEvent } from './ticket';

/** An event as a rule decides it; the use case adds `seq`, `at` and `actor`. */
export type EventDraft<E> = E extends TicketEvent<string, unknown> ? Omit<E, 'seq' | 'at' | 'actor'> : never;

/** A validated command: its name (the last path segment) and its body's fields. */
export interface CommandBase {
  type: string;
}

/** What every entry point of a kind may look at besides the ticket. One shape for all of them. */
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

/**
 * A kind's lifecycle as data: for each status, the commands it accepts and the status each leads
 * to (a list when the command's content picks one, e.g. RP-2's three outcomes; the same status
 * when the command records something without moving the ticket). Anything missing is a 409.
 */
export type TransitionTable<S extends string, C extends string> = Record<
  S,
  Partial<Record<C, S | readonly S[]>>
>;

/** The commands a ticket in `status` accepts, in the kind's command order. */
export function commandsAllowed<S extends string, C extends string>(
  table: TransitionTable<S, C>,
  commands: readonly C[],
  status: S,
): C[] {
  return commands.filter((c) => table[status][c] !== undefined);
}

/** Where `command` leads from `status`, or the 409 naming what the ticket accepts instead. */
export function transition<S extends string, C extends string>(
  kindName: string,
  table: TransitionTable<S, C>,
  commands: readonly C[],
  status: S,
  command: C,
): S | readonly S[] {
  const next = table[status][command];
  if (next === undefined) {
    const allowed = commandsAllowed(table, commands, status);
    throw new IllegalTransition(
      `a ${status} ${kindName} cannot be sent "${command}"` +
        (allowed.length ? `; it accepts: ${allowed.join(', ')}` : '; it accepts no further steps'),
    );
  }
  return next;
}

/** One named decider per command: `{ assign, acknowledge, … }` instead of a long switch. */
export type Deciders<T, C extends CommandBase, E> = {
  [K in C['type']]: (ticket: T, command: Extract<C, { type: K }>, ctx: RuleContext) => EventDraft<E>;
};

/** Runs the decider named by the command. */
export function runDecider<T, C extends CommandBase, E>(
  deciders: Deciders<T, C, E>,
  ticket: T,
  command: C,
  ctx: RuleContext,
): EventDraft<E> {
  const decider = deciders[command.type as C['type']] as (
    ticket: T,
    command: C,
    ctx: RuleContext,
  ) => EventDraft<E>;
  return decider(ticket, command, ctx);
}

export interface TicketKindRules<
  T extends TicketBase,
  E extends TicketEvent<string, unknown>,
  Intake = unknown,
  C extends CommandBase = CommandBase,
> {
  /** Register letter of the kind's numbered record (RP-5, CH-11): `R`, `C`, `E`. */
  register: string;
  statuses: readonly string[];
  /** Every command the kind has, in lifecycle order. */
  commands: readonly C['type'][];
  /** Does this intake get a register number? (A declined repair does not.) */
  needsNumber(intake: Intake): boolean;
  /** Opens the ticket: its first state, its opening event, and what to answer the caller. */
  open(input: OpenInput<Intake>, ctx: RuleContext): { ticket: T; event: E; reply: Record<string, unknown> };
  /** The commands the ticket accepts now (for clients, e.g. which buttons to show). */
  allowedCommands(ticket: T): string[];
  /** The event a command produces, or throws why it may not happen. */
  decide(ticket: T, command: C, ctx: RuleContext): EventDraft<E>;
  /** Folds an event into the ticket; must depend on the events alone (replays give the same state). */
  apply(ticket: T | undefined, event: E, opening?: { id: string; parkId: string }): T;
  /** What a due timer records: an event when its reason still stands, else nothing. */
  timerDue(ticket: T, timer: string, ctx: RuleContext): EventDraft<E> | undefined;
  /**
   * Who gets which SMS for an event, given the ticket as it was right after that event (never as
   * it is now): a replayed event then derives the same list, and the SMS claims (event seq, index)
   * dedupe it.
   */
  notifications(event: E, ticket: T, staff: readonly StaffMember[], park: Park): Notification[];
  /**
   * Whether one of those SMS has become moot by the ticket's state now (e.g. an acknowledgement
   * stored before an escalation's SMS goes out): it is then not sent, and keeps its index. Once
   * true it must stay true as the ticket moves on, so a replay never sends what a first pass held
   * back. Absent: nothing becomes moot.
   */
  moot?(notification: Notification, current: T): boolean;
  /**
   * Whether the event a command decided would change nothing that matters (re-assigning the person
   * already assigned): then nothing is recorded and nobody is texted (ADR 011). Absent: every
   * decided event is recorded.
   */
  changesNothing?(ticket: T, draft: EventDraft<E>): boolean;
  /** Commands that field staff may only run on a ticket assigned to them. */
  assigneeOnly: readonly string[];
  /**
   * Commands that correct a finished record (a repair's `reopen`, CH-11): a ticket that accepts
   * only these is not open (duplicates.ts). Absent: every allowed command keeps a ticket open.
   */
  corrections?: readonly string[];
  /** Opening needs the directory (e.g. to name whom the report sheet goes to); repairs do not. */
  needsDirectory?: boolean;
}
