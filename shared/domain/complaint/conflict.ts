/**
 * Nobody settles a complaint about themselves (篇5 CH-4, CH-5; 篇4 DS-6). The person complained
 * about sends no command on it, whatever their role: the next in line acts (the desk's next
 * person on shift, the next head role, the routing's next role). The callback to the resident and
 * the service slip's copy are the desk's (调度人员要在此副本上签字) and management's above the
 * department — never the department complained about. A signature still owed is skipped only by
 * management above the department, recorded with its reason.
 */
import { Forbidden } from '../errors';
import type { RuleContext } from '../kind';
import { DEPARTMENT_LABELS, type StaffMember } from '../park';
import type { Actor } from '../ticket';
import type { ComplaintCommandBody, ComplaintTicket } from './model';

export const ACCUSED_MAY_NOT_ACT = 'COMPLAINT.ACCUSED_MAY_NOT_ACT';
export const DEPARTMENT_MAY_NOT_ACT = 'COMPLAINT.DEPARTMENT_MAY_NOT_ACT';

function inGroup(actor: Actor, ...groups: string[]): boolean {
  return (actor.groups as readonly string[]).some((g) => groups.includes(g));
}

/** The desk: dispatcher, duty officer, customer service (the `dispatcher` access group). */
export function isDesk(actor: Actor): boolean {
  return inGroup(actor, 'dispatcher');
}

/** Management: the office's managers (`manager`) and the company's leaders (`executive`). */
export function isManagement(actor: Actor): boolean {
  return inGroup(actor, 'manager', 'executive');
}

export function personOf(actor: Actor, staff: readonly StaffMember[]): StaffMember | undefined {
  return staff.find((s) => s.id === actor.staffId);
}

/** The person this complaint names (CH-3 被投诉人), when it names one. */
export function isAccused(ticket: Pick<ComplaintTicket, 'about'>, staffId: string): boolean {
  return ticket.about?.staffId !== undefined && ticket.about.staffId === staffId;
}

/**
 * CH-4, CH-5, DS-6: the person complained about never acts on it — no step of any kind, whatever
 * their role; grading a complaint so that it names the grader is the same. 403.
 */
export function refuseAccused(ticket: ComplaintTicket, command: ComplaintCommandBody, actor: Actor): void {
  const names = (about: unknown) =>
    typeof about === 'object' && about !== null && (about as { staffId?: unknown }).staffId === actor.staffId;
  if (isAccused(ticket, actor.staffId)) {
    throw new Forbidden(
      `CH-4/CH-5/DS-6: the person complained about never acts on it; this complaint is about you, so the next in line sends "${command.type}"`,
      ACCUSED_MAY_NOT_ACT,
    );
  }
  if ((command.type === 'grade' || command.type === 'regrade') && names(command.about)) {
    throw new Forbidden(
      'CH-2/CH-5: the person complained about never grades it; the next in line at the desk grades a complaint about you',
      ACCUSED_MAY_NOT_ACT,
    );
  }
}

/**
 * Management above the department complained about: a company leader always; an office manager
 * not of that department (the engineering manager heads engineering: not above it). Someone the
 * directory does not know cannot be placed, so is not.
 */
export function aboveDepartment(ticket: ComplaintTicket, ctx: RuleContext): boolean {
  if (inGroup(ctx.actor, 'executive')) return true;
  if (!inGroup(ctx.actor, 'manager')) return false;
  const person = personOf(ctx.actor, ctx.staff);
  return person !== undefined && person.department !== ticket.about?.department;
}

/**
 * DS-6, CH-6: the callback to the resident and the service slip's copy are the desk's (its next
 * person when the one at the desk is complained about) and management's above the department.
 */
export function requireDeskOrAbove(ticket: ComplaintTicket, ctx: RuleContext, what: string): void {
  if (isDesk(ctx.actor) || aboveDepartment(ticket, ctx)) return;
  const dept = ticket.about ? DEPARTMENT_LABELS[ticket.about.department] : 'the department';
  throw new Forbidden(
    `DS-6/CH-6: ${what} is the desk's or management's above the department, never the department complained about (${dept})`,
    DEPARTMENT_MAY_NOT_ACT,
  );
}
