/**
 * CH-3 records the resident's contact (业主的联系方式) so that the desk can phone back (CH-6) and
 * the department can reach the resident. It is shown to those who need it — the desk, management,
 * the head of the department handling the complaint — and never to the person complained about;
 * everyone else sees a masked form.
 */
import type { StaffMember } from '../park';
import type { Actor, Caller } from '../ticket';
import { isAccused, isDesk, isManagement } from './conflict';
import type { ComplaintTicket } from './model';
import { departmentHeads } from './signatures';

/** A caller as shown to someone who does not need the contact. */
export interface MaskedCaller {
  name: string;
  phone: string;
  /** The contact is hidden from this reader (the unit is left out). */
  masked: true;
}

/** Whether deciding needs the directory (only a department head outside the desk and management). */
export function contactNeedsDirectory(ticket: Pick<ComplaintTicket, 'about'>, viewer: Actor): boolean {
  return (
    !isAccused(ticket, viewer.staffId) &&
    !isDesk(viewer) &&
    !isManagement(viewer) &&
    ticket.about !== undefined
  );
}

/**
 * CH-3, CH-6: who sees the resident's contact. The person complained about never (whatever their
 * role); the desk and management always; the head of the department handling it (the one the
 * report sheet went to: the next head when the first is complained about); nobody else.
 */
export function seesContact(ticket: ComplaintTicket, viewer: Actor, staff: readonly StaffMember[]): boolean {
  if (isAccused(ticket, viewer.staffId)) return false;
  if (isDesk(viewer) || isManagement(viewer)) return true;
  return departmentHeads(ticket, staff).some((s) => s.id === viewer.staffId);
}

/**
 * `+8613800000001` → `138****0001`: a mainland number as its 11-digit national number with the
 * middle four hidden; any other number keeps only its last four digits.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = phone.startsWith('+86') ? digits.slice(2) : undefined;
  if (national?.length === 11) return `${national.slice(0, 3)}****${national.slice(7)}`;
  return `****${digits.slice(-4)}`;
}

/** `李女士` → `李**`, `李明` → `李*`: the first character and at most two stars; a one-character name is `*`. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 2))}`;
}

export function maskCaller(caller: Caller): MaskedCaller {
  return { name: maskName(caller.name), phone: maskPhone(caller.phone), masked: true };
}
