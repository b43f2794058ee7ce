/**
 * EM-4: one owner at the desk at all times (值班负责). Whoever of the directory opens an emergency
 * owns it; one the phone line opens goes to the desk on shift, who accepts it; the owner leaves the
 * post only to a named successor who accepts.
 */
import { Forbidden, IllegalTransition, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import type { Park, StaffMember } from '../park';
import { GROUP_OF_ROLE } from '../park';
import { deskOnShift } from '../shift';
import type { Actor } from '../ticket';
import type { EmergencyCommandBody, EmergencyDraft, EmergencyTicket, Owner } from './model';
import { directoryPerson, person } from './people';

/**
 * EM-4's owner. A person of the directory who could hold the desk's post (HANDOVER_GROUPS) and
 * opens an emergency owns it at once. A system (the phone line) cannot own one, nor can a guard or
 * technician who reports it from patrol (issue 11 item 18): they are at the scene, not at the desk.
 * The desk on shift (shift.ts) is named owner then and must accept it; until then the ticket shows
 * an owner who has not yet accepted. With nobody at the desk in the directory at all, the opener
 * stays owner, so the case is never ownerless.
 */
export function initialOwner(actor: Actor, park: Park, staff: readonly StaffMember[], now: Date): Owner {
  const opener = staff.find((s) => s.id === actor.staffId);
  if (opener?.roles.some((r) => HANDOVER_GROUPS.has(GROUP_OF_ROLE[r]))) {
    return { staffId: opener.id, name: opener.name, acceptedAt: now.toISOString(), how: 'opened' };
  }
  const duty = deskOnShift(now, park, staff)[0];
  if (duty) return { staffId: duty.id, name: duty.name, how: 'on-duty' };
  return {
    staffId: actor.staffId,
    name: actor.name ?? actor.staffId,
    acceptedAt: now.toISOString(),
    how: 'opened',
  };
}

/**
 * EM-4: who can take over the desk's post (接替), i.e. whom a handover may name: the groups that
 * may accept one (access.ts, `emergency.accept-handover`; a test keeps the two equal). Field staff
 * and responders are at the scene, not at the desk, and could never accept the offer.
 */
export const HANDOVER_GROUPS: ReadonlySet<string> = new Set(['dispatcher', 'office', 'manager', 'executive']);

/** EM-4: the owner does not leave the post without a named successor who accepts. */
export function handOver(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'hand-over' }>,
  { actor, staff }: RuleContext,
): EmergencyDraft {
  if (actor.staffId !== ticket.owner.staffId && !(actor.groups as string[]).includes('manager')) {
    throw new Forbidden(
      `EM-4: only the owner (${ticket.owner.name}) or a manager may hand this emergency over`,
    );
  }
  const to = directoryPerson(staff, command.staffId, 'staffId');
  if (!to.roles.some((r) => HANDOVER_GROUPS.has(GROUP_OF_ROLE[r]))) {
    throw new RuleViolation(
      'EMERGENCY.HANDOVER_NOT_DESK',
      `EM-4: ${to.name} cannot take over the desk's post (a handover names the desk, a manager or an executive)`,
      'staffId',
    );
  }
  if (to.id === ticket.owner.staffId) {
    throw new RuleViolation(
      'EMERGENCY.HANDOVER_TO_OWNER',
      `${to.name} owns this emergency already`,
      'staffId',
    );
  }
  return {
    type: 'emergency.handover-offered',
    data: { from: { staffId: ticket.owner.staffId, name: ticket.owner.name }, to: person(to) },
  };
}

/** EM-4: the named successor takes the post, or the desk on shift takes what the phone line opened. */
export function acceptHandover(
  ticket: EmergencyTicket,
  _command: Extract<EmergencyCommandBody, { type: 'accept-handover' }>,
  { actor }: RuleContext,
): EmergencyDraft {
  if (ticket.handover) {
    if (ticket.handover.to.staffId !== actor.staffId) {
      throw new Forbidden(
        `EM-4: this emergency is offered to ${ticket.handover.to.name}; only they may accept it`,
      );
    }
    return {
      type: 'emergency.handover-accepted',
      data: { ...ticket.handover.to, from: { staffId: ticket.owner.staffId, name: ticket.owner.name } },
    };
  }
  if (!ticket.owner.acceptedAt) {
    if (ticket.owner.staffId !== actor.staffId) {
      throw new Forbidden(`EM-4: this emergency waits for ${ticket.owner.name} (on duty) to accept it`);
    }
    return {
      type: 'emergency.handover-accepted',
      data: { staffId: ticket.owner.staffId, name: ticket.owner.name },
    };
  }
  throw new IllegalTransition('no handover is waiting to be accepted');
}
