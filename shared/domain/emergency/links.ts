/** Who may act through an emergency's personal SMS link: the ticket's answer, and the link's actor. */
import type { AckLinkPurpose } from '../ack-link';
import type { StaffMember } from '../park';
import { GROUP_OF_ROLE } from '../park';
import type { Actor } from '../ticket';
import type { Acknowledgement, EmergencyTicket } from './model';

/** Why a genuine, unexpired link still cannot act now; undefined when it can. */
export function linkRefusal(
  ticket: EmergencyTicket,
  staffId: string,
  purpose: AckLinkPurpose,
): { reason: 'closed' | 'not-yours' | 'acknowledged'; by?: Acknowledgement } | undefined {
  if (ticket.status === 'closed') return { reason: 'closed' };
  if (purpose === 'acknowledge') {
    if (!ticket.chain.notified.includes(staffId)) return { reason: 'not-yours' };
    if (ticket.chain.acknowledgement) return { reason: 'acknowledged', by: ticket.chain.acknowledgement };
    return undefined;
  }
  if (!ticket.responders.some((r) => r.staffId === staffId)) return { reason: 'not-yours' };
  return undefined;
}

/** The groups of a directory person, for an actor who acts through a link (no token, no claims). */
export function linkActor(member: StaffMember | undefined, staffId: string, name: string): Actor {
  const groups = member ? [...new Set(member.roles.map((r) => GROUP_OF_ROLE[r]))] : [];
  return { staffId, name, groups };
}
