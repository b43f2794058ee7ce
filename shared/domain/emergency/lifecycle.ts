/**
 * Which steps an emergency accepts now, and the 409 for a step it does not: the lifecycle table
 * with the two refusals the procedure words itself (EM-6's close before sign-off, EM-2's second
 * acknowledgement).
 */
import { IllegalTransition } from '../errors';
import { transition } from '../kind';
import type { EmergencyCommand, EmergencyTicket } from './model';
import { EMERGENCY_COMMANDS, EMERGENCY_TRANSITIONS } from './model';

/** The commands the ticket accepts now, leaving out those with nothing to act on. */
export function nextEmergencyCommands(ticket: EmergencyTicket): EmergencyCommand[] {
  return EMERGENCY_COMMANDS.filter((c) => {
    if (EMERGENCY_TRANSITIONS[ticket.status][c] === undefined) return false;
    if (c === 'accept-handover') return ticket.handover !== undefined || !ticket.owner.acceptedAt;
    if (c === 'instruction-done') return ticket.instructions.some((i) => i.state !== 'done');
    if (c === 'on-scene' || c === 'report') return ticket.responders.length > 0;
    return true;
  });
}

/**
 * Throws the 409 when the ticket's status does not accept `command`. EM-6: an emergency closes
 * only after the 管理处负责人 signed it off, and the refusal says how to get there.
 */
export function guardStep(ticket: EmergencyTicket, command: EmergencyCommand): void {
  if (EMERGENCY_TRANSITIONS[ticket.status][command] !== undefined) return;
  if (command === 'close' && ticket.status !== 'closed') {
    throw new IllegalTransition(
      'EM-6: an emergency is closed only with the signed consent of the 管理处负责人: ' +
        `POST /tickets/${ticket.id}/sign-off with a comment first` +
        (ticket.status === 'acknowledged' ? '' : ' (after an acknowledgement)'),
    );
  }
  if (command === 'acknowledge' && ticket.chain.acknowledgement) {
    const a = ticket.chain.acknowledgement;
    throw new IllegalTransition(`already acknowledged by ${a.name} at ${a.at}`);
  }
  // The refusal names what the ticket accepts now, not every command its status lists.
  transition('emergency', EMERGENCY_TRANSITIONS, nextEmergencyCommands(ticket), ticket.status, command);
}
