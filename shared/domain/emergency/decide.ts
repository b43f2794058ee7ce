/**
 * An emergency's commands and timers: one named decider per command, each in the module of its
 * rule, behind the lifecycle table's guard.
 */
import { IllegalTransition } from '../errors';
import type { Deciders, RuleContext } from '../kind';
import { runDecider } from '../kind';
import { acknowledge, chainTimerDue } from './chain';
import { close, signOff } from './closing';
import { instructionDone, instructionTimerDue, issueInstruction } from './instructions';
import { guardStep } from './lifecycle';
import type { EmergencyCommandBody, EmergencyDraft, EmergencyEvent, EmergencyTicket } from './model';
import { EMERGENCY_COMMANDS } from './model';
import { acceptHandover, handOver } from './owner';
import { onScene, report, SCENE_TIMER, sceneTimerDue } from './responders';

export const EMERGENCY_DECIDERS: Deciders<EmergencyTicket, EmergencyCommandBody, EmergencyEvent> = {
  acknowledge, // EM-2
  'on-scene': onScene, // EM-3
  report, // EM-3
  'hand-over': handOver, // EM-4
  'accept-handover': acceptHandover, // EM-4
  instructions: issueInstruction, // EM-5
  'instruction-done': instructionDone, // EM-5
  'sign-off': signOff, // EM-6
  close, // EM-6
};

/** The event a command produces, or why it may not happen (an unknown step, an illegal one, a rule). */
export function decideEmergency(
  ticket: EmergencyTicket,
  command: EmergencyCommandBody,
  ctx: RuleContext,
): EmergencyDraft {
  // The desk routes every kind's commands here by the ticket's kind: a repair's step is no step here.
  if (!(EMERGENCY_COMMANDS as readonly string[]).includes(command.type)) {
    throw new IllegalTransition(
      `an emergency has no step "${command.type}"; it accepts: ${EMERGENCY_COMMANDS.join(', ')}`,
    );
  }
  guardStep(ticket, command.type);
  return runDecider(EMERGENCY_DECIDERS, ticket, command, ctx);
}

/**
 * A due timer: the chain's next level (EM-2), the responders not on the scene (EM-3) or an
 * instruction's follow-up (EM-5); else nothing.
 */
export function emergencyTimerDue(
  ticket: EmergencyTicket,
  timer: string,
  ctx: RuleContext,
): EmergencyDraft | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending' || ctx.now.getTime() < Date.parse(state.dueAt)) return undefined;
  if (timer.startsWith('escalate-')) return chainTimerDue(ticket, timer, ctx);
  if (timer === SCENE_TIMER) return sceneTimerDue(ticket);
  return instructionTimerDue(ticket, timer);
}
