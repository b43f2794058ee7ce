/** The move-in's commands as named deciders: record-step (MI-1..MI-8), complete. */
import { IllegalTransition, InvalidInput } from '../errors';
import type { Deciders, EventDraft, RuleContext } from '../kind';
import { runDecider, transition } from '../kind';
import { CHECKLIST, checkComplete } from './checklist';
import type { MoveInCommand, MoveInCommandBody, MoveInEvent, MoveInStep, MoveInTicket } from './model';
import { MOVE_IN_COMMANDS, MOVE_IN_TRANSITIONS } from './model';
import { checkRecorder } from './recorders';
import { checkStep, refuseMoveInIdNumbers } from './steps';

type Command<K extends MoveInCommand> = Extract<MoveInCommandBody, { type: K }>;
type Draft = EventDraft<MoveInEvent>;

/**
 * Steps that move something for good are recorded once: MI-5 (the keys went to the owner), MI-6 (its
 * defects opened repairs; a defect found later is a repair of its own), MI-7 (a key set registered).
 * The others may be recorded again as a correction (a new event; the last one stands, CH-11).
 */
export const RECORDED_ONCE: readonly MoveInStep[] = ['keys', 'inspection', 'key-retention'];

function guard(ticket: MoveInTicket, command: MoveInCommand): void {
  transition('move-in', MOVE_IN_TRANSITIONS, MOVE_IN_COMMANDS, ticket.status, command);
}

/** MI-1..MI-8: one step with its own data, by its department (recorders.ts), checked by its rule. */
function recordStep(ticket: MoveInTicket, command: Command<'record-step'>, ctx: RuleContext): Draft {
  guard(ticket, 'record-step');
  checkRecorder(command.step, ctx.actor, ctx.staff);
  if (RECORDED_ONCE.includes(command.step) && ticket.steps[command.step]) {
    throw new IllegalTransition(
      `${CHECKLIST[command.step].rule}: ${command.step} was recorded already and is recorded once`,
      'MOVE_IN.STEP_RECORDED',
    );
  }
  const { step, record } = checkStep(command, ctx.park, ctx.staff);
  return { type: 'move-in.step-recorded', data: { step, record } };
}

/** Every mandatory step recorded (409 listing what is missing); the inspection's repairs may stay open. */
function complete(ticket: MoveInTicket, command: Command<'complete'>): Draft {
  // The edge's `complete` body is shared with repairs: a service slip is a repair's, not a move-in's.
  if ((command as { serviceSlip?: unknown }).serviceSlip !== undefined) {
    throw new InvalidInput(
      'REQUEST.UNKNOWN_FIELD',
      'serviceSlip: a move-in is completed without one',
      'serviceSlip',
    );
  }
  guard(ticket, 'complete');
  refuseMoveInIdNumbers({ note: command.note });
  checkComplete(ticket);
  return {
    type: 'move-in.completed',
    data: { ...(command.note ? { note: command.note } : {}), openRepairs: ticket.repairs.length },
  };
}

export const MOVE_IN_DECIDERS: Deciders<MoveInTicket, MoveInCommandBody, MoveInEvent> = {
  'record-step': recordStep,
  complete,
};

export function decideMoveIn(ticket: MoveInTicket, command: MoveInCommandBody, ctx: RuleContext): Draft {
  if (!(MOVE_IN_COMMANDS as readonly string[]).includes(command.type)) {
    throw new IllegalTransition(
      `a move-in has no step "${command.type}"; it accepts: ${MOVE_IN_COMMANDS.join(', ')}`,
    );
  }
  return runDecider(MOVE_IN_DECIDERS, ticket, command, ctx);
}
