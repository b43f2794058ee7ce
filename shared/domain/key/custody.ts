/**
 * KY-4 at security: the requester shows their own valid ID against the slip, a guard hands the key
 * out and escorts a viewing (陪同看房) when the requester is not the owner (or staff); the key goes
 * back to security afterwards. KY-1: security keeps the keys and takes them back.
 */
import { NotFound, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import type { Role, StaffMember } from '../park';
import { addMinutes } from '../time';
import type { KeyCommandBody, KeyTicket } from './model';
import type { KeyHolder } from './register';
import { keySettings } from './settings';
import { escortRequired } from './slip';

/** KY-1: who keeps, hands out and takes back keys: security (保安部/保卫部). */
export const SECURITY_ROLES: readonly Role[] = [
  'security-guard',
  'security-captain',
  'security-shift-lead',
  'security-manager',
];

/** A member of security from the directory, or why not. */
export function securityMember(staff: readonly StaffMember[], staffId: string, field: string): StaffMember {
  const person = staff.find((s) => s.id === staffId);
  if (!person)
    throw new NotFound('STAFF.NOT_FOUND', `staff ${staffId} is not in this park's directory`, field);
  if (!person.roles.some((r) => SECURITY_ROLES.includes(r))) {
    throw new RuleViolation(
      'KEY.NOT_SECURITY',
      `KY-1: ${person.name} is not security (保安部); security keeps, hands out and takes back keys`,
      field,
    );
  }
  return person;
}

type HandOutBody = Extract<KeyCommandBody, { type: 'hand-out' }>;

/** KY-4: the checks at the cabinet, and who holds the key from now until when. */
export function handOut(
  ticket: KeyTicket,
  body: HandOutBody,
  ctx: RuleContext,
): KeyHolder & { idType?: HandOutBody['idType']; idLast4?: string } {
  const slip = ticket.slip;
  if (!slip) throw new Error(`key request ${ticket.id} is slip-issued without a slip`);
  const guard = securityMember(ctx.staff, body.guardId, 'guardId');
  if (body.idChecked !== true) {
    throw new RuleViolation(
      'KEY.ID_CHECK_REQUIRED',
      'KY-4: the requester shows their own valid ID at security, checked against the slip: send idChecked: true',
      'idChecked',
    );
  }
  // The owner's ID was seen at the office (KY-2) and is on the slip: the same ID must be shown here.
  const seen = ticket.verification?.id;
  if (seen && (body.idType !== seen.type || body.idLast4?.toUpperCase() !== seen.last4.toUpperCase())) {
    throw new RuleViolation(
      body.idLast4 === undefined || body.idType === undefined ? 'KEY.ID_LAST4_REQUIRED' : 'KEY.ID_MISMATCH',
      'KY-4: the ID shown at security must be the one on the slip (its type and last 4 characters)',
      body.idType === undefined ? 'idType' : 'idLast4',
    );
  }
  const escort = body.escortId ? securityMember(ctx.staff, body.escortId, 'escortId') : undefined;
  if (escortRequired(ticket) && !escort) {
    throw new RuleViolation(
      'KEY.ESCORT_REQUIRED',
      'KY-4: a guard takes the key and escorts the viewing (陪同看房) when the requester is not the owner: send escortId',
      'escortId',
    );
  }
  const dueAt = slip.dueAt ?? addMinutes(ctx.now, keySettings(ctx.park).loanMinutes).toISOString();
  if (Date.parse(dueAt) <= ctx.now.getTime()) {
    throw new RuleViolation(
      'KEY.SLIP_EXPIRED',
      `KY-3: slip ${slip.number} gave ${dueAt} as the return time, already past: issue a new slip`,
      'slip',
    );
  }
  return {
    name: ticket.requester.name,
    requesterType: ticket.requester.type,
    ticketId: ticket.id,
    ticketNumber: ticket.number ?? ticket.id,
    slipNumber: slip.number,
    guardId: guard.id,
    guardName: guard.name,
    ...(escort ? { escortId: escort.id, escortName: escort.name } : {}),
    since: ctx.now.toISOString(),
    dueAt,
    ...(body.idType ? { idType: body.idType } : {}),
    ...(body.idLast4 ? { idLast4: body.idLast4 } : {}),
  };
}

/** KY-4, KY-1: the key is back with security; `late` when past its due time. */
export function takeBack(
  ticket: KeyTicket,
  body: { receivedBy: string },
  ctx: RuleContext,
): { receivedBy: string; receivedByName: string; late: boolean } {
  const guard = securityMember(ctx.staff, body.receivedBy, 'receivedBy');
  const due = ticket.handOut ? Date.parse(ticket.handOut.dueAt) : Number.POSITIVE_INFINITY;
  return { receivedBy: guard.id, receivedByName: guard.name, late: ctx.now.getTime() > due };
}
