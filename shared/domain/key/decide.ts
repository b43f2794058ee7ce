/** The key request's commands as named deciders: KY-2 verify, KY-3 issue-slip, KY-4 hand-out and return, cancel. */
import { IllegalTransition } from '../errors';
import type { Deciders, EventDraft, RuleContext } from '../kind';
import { runDecider, transition } from '../kind';
import { handOutClocks } from './clocks';
import { handOut as handOutChecks, takeBack } from './custody';
import type { KeyCommand, KeyCommandBody, KeyEvent, KeyTicket } from './model';
import { KEY_COMMANDS, KEY_TRANSITIONS } from './model';
import { issueSlip as slipFor } from './slip';
import { refuseIdNumbers, verifyRequest } from './verification';

type Command<K extends KeyCommand> = Extract<KeyCommandBody, { type: K }>;
type Draft = EventDraft<KeyEvent>;

/** The 409 when the lifecycle table has no `command` for the ticket's status (KY-3 before KY-2, …). */
function guard(ticket: KeyTicket, command: KeyCommand): void {
  transition('key request', KEY_TRANSITIONS, KEY_COMMANDS, ticket.status, command);
}

/** KY-2 (and MI-7): the check that fits the requester; a refused or unreachable owner declines it. */
function verify(ticket: KeyTicket, command: Command<'verify'>, ctx: RuleContext): Draft {
  guard(ticket, 'verify');
  return { type: 'key.verified', data: verifyRequest(ticket, command, ctx) };
}

/** KY-3: the slip, only after KY-2 passed. */
function issueSlip(ticket: KeyTicket, command: Command<'issue-slip'>, ctx: RuleContext): Draft {
  guard(ticket, 'issue-slip');
  return { type: 'key.slip-issued', data: slipFor(ticket, command, ctx) };
}

/** KY-4: the key leaves with the requester (the register's set leaves in the same write). */
function handOut(ticket: KeyTicket, command: Command<'hand-out'>, ctx: RuleContext): Draft {
  guard(ticket, 'hand-out');
  const holder = handOutChecks(ticket, command, ctx);
  return {
    type: 'key.handed-out',
    data: { ...holder, clocks: handOutClocks(holder.dueAt, ctx.now, ctx.park) },
  };
}

/** KY-4: the key is back with security; the request is done. */
function giveBack(ticket: KeyTicket, command: Command<'return'>, ctx: RuleContext): Draft {
  guard(ticket, 'return');
  return { type: 'key.returned', data: takeBack(ticket, command, ctx) };
}

/** The requester no longer needs the key (before it was handed out). */
function cancel(ticket: KeyTicket, command: Command<'cancel'>): Draft {
  guard(ticket, 'cancel');
  refuseIdNumbers({ reason: command.reason });
  return { type: 'key.cancelled', data: { reason: command.reason } };
}

export const KEY_DECIDERS: Deciders<KeyTicket, KeyCommandBody, KeyEvent> = {
  verify,
  'issue-slip': issueSlip,
  'hand-out': handOut,
  return: giveBack,
  cancel,
};

/** Decides the event a command produces, or throws why it may not happen. */
export function decideKey(ticket: KeyTicket, command: KeyCommandBody, ctx: RuleContext): Draft {
  // The table of kinds hands over any kind's command: another kind's step is a 409 here.
  if (!(KEY_COMMANDS as readonly string[]).includes(command.type)) {
    throw new IllegalTransition(
      `a key request has no step "${command.type}"; it accepts: ${KEY_COMMANDS.join(', ')}`,
    );
  }
  return runDecider(KEY_DECIDERS, ticket, command, ctx);
}
