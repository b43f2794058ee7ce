/**
 * EM-6: an emergency is closed (销项) only with the signed consent of the 管理处负责人, as the
 * park's settings name them; both steps record which instructions were still open.
 */
import { Forbidden } from '../errors';
import type { RuleContext } from '../kind';
import { openInstructions } from './instructions';
import type { EmergencyCommandBody, EmergencyDraft, EmergencyTicket } from './model';
import { person } from './people';

/** EM-6: the 管理处负责人 in person, as the park's directory names them, signs the case off. */
export function signOff(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'sign-off' }>,
  { actor, staff }: RuleContext,
): EmergencyDraft {
  const signer = staff.find((s) => s.id === actor.staffId);
  if (!signer?.roles.some((r) => ticket.procedure.signOff.includes(r))) {
    throw new Forbidden(`EM-6: only the ${ticket.procedure.signOff.join(' or ')} may sign an emergency off`);
  }
  return {
    type: 'emergency.signed-off',
    data: { ...person(signer), comment: command.comment, openInstructions: openInstructions(ticket) },
  };
}

/** EM-6: closing after the sign-off (the lifecycle table refuses it before). */
export function close(
  ticket: EmergencyTicket,
  _command: Extract<EmergencyCommandBody, { type: 'close' }>,
  _ctx: RuleContext,
): EmergencyDraft {
  return { type: 'emergency.closed', data: { openInstructions: openInstructions(ticket) } };
}
