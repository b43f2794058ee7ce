/** Who may do what, and in which parks: the access rules in one table. */
import { Forbidden, InvalidInput, NotFound } from '../domain/errors';
import type { Group } from '../domain/park';
import type { Actor } from '../domain/ticket';

/** The authenticated caller, as the token describes them. */
export interface Principal {
  staffId: string;
  groups: Group[];
  /** Park ids the token may see, or `*` for every park (executives). */
  parks: string[] | '*';
  name?: string;
  /** `link`: the person acts through their signed SMS link (no token; ADR 012). */
  via?: 'link';
}

const EVERYONE: readonly Group[] = ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'];

/** Which groups may perform each action. `staff` may only act on work assigned to them. */
export const PERMISSIONS = {
  'ticket.read': EVERYONE,
  'staff.read': EVERYONE,
  'ticket.open': ['dispatcher', 'office', 'manager', 'executive'],
  // EM-1 (issue 11 item 18): guards and technicians find the fires on patrol and report them
  // themselves; the desk on shift owns what they open (emergency/owner.ts).
  'emergency.open': ['dispatcher', 'office', 'manager', 'executive', 'security', 'staff'],
  // RP-2 decided after reception (a received repair, e.g. from the IVR): the desk's call.
  'repair.decide': ['dispatcher', 'manager'],
  // The repair lead (field staff) too, whom ack-30m texts when nobody took the job; the domain
  // keeps every other field member out (repair/decide.ts).
  'repair.assign': ['dispatcher', 'manager', 'staff'],
  'repair.acknowledge': ['staff', 'dispatcher', 'manager'],
  'repair.complete': ['staff', 'dispatcher', 'manager'],
  'repair.close': ['dispatcher', 'manager'],
  // Corrections (CH-11): the desk, managers, and of the field staff the repair lead (repair/decide.ts).
  'repair.reschedule': ['dispatcher', 'manager', 'executive', 'staff'],
  'repair.cancel': ['dispatcher', 'manager', 'executive', 'staff'],
  'repair.reopen': ['dispatcher', 'manager', 'executive', 'staff'],
  'park.read': EVERYONE,
  // Complaints (CH, DS). The domain narrows further (complaint/conflict.ts, signatures.ts): the
  // person complained about sends nothing on it; who signs which step, who reports it done; the
  // callback and the slip are the desk's and management's above the department, never the
  // department complained about (DS-6: 调度人员要在此副本上签字).
  'complaint.grade': ['dispatcher', 'manager'],
  'complaint.acknowledge': EVERYONE,
  'complaint.follow-ups': ['dispatcher', 'manager'],
  'complaint.reply': ['dispatcher', 'manager', 'executive'],
  'complaint.resolve': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'complaint.callback': ['dispatcher', 'manager', 'executive'],
  'complaint.service-slip': ['dispatcher', 'manager', 'executive'],
  // ADR 016: the desk or a manager corrects a grading after the hand-off (CH-1, CH-2).
  'complaint.regrade': ['dispatcher', 'manager', 'executive'],
  // Emergencies (EM-2..EM-6). The domain narrows further: only people the chain told acknowledge,
  // only responders (or the desk for them) report, only the owner hands over, only the
  // 管理处负责人 signs off.
  'emergency.acknowledge': EVERYONE,
  'emergency.on-scene': EVERYONE,
  'emergency.report': EVERYONE,
  'emergency.hand-over': ['dispatcher', 'manager'],
  'emergency.accept-handover': ['dispatcher', 'office', 'manager', 'executive'],
  'emergency.instructions': ['dispatcher', 'manager', 'executive'],
  'emergency.instruction-done': EVERYONE,
  'emergency.sign-off': ['manager'],
  'emergency.close': ['dispatcher', 'manager'],
  // Key requests (KY-2..KY-4): the property office checks and issues the slip; security hands
  // the key out and takes it back (the domain checks who is security: key/custody.ts).
  'key.verify': ['office', 'manager'],
  'key.issue-slip': ['office', 'manager'],
  'key.hand-out': ['security', 'manager'],
  'key.return': ['security', 'manager'],
  'key.cancel': ['office', 'manager'],
  // The key register (KY-1, MI-7): security and the property office register and report losses.
  'keys.read': ['dispatcher', 'security', 'office', 'manager', 'executive'],
  'keys.register': ['security', 'office', 'manager'],
  'keys.report-lost': ['security', 'office', 'manager'],
  // Move-in (MI-1..MI-8): the office records most steps; finance (office group), security (MI-5,
  // MI-7) and engineering (MI-6, MI-8) record their own; the office completes the case.
  'move-in.record-step': ['office', 'security', 'staff', 'manager'],
  'move-in.complete': ['office', 'manager'],
  // The managers' records (DS-7..DS-9, CH-10; issue 13): the desk's and management's, never the
  // field staff's. The domain narrows who decides and signs to the office's head (管理处负责人).
  'records.read': ['dispatcher', 'office', 'manager', 'executive'],
  'records.export': ['dispatcher', 'office', 'manager', 'executive'],
  'review.record': ['dispatcher', 'manager'],
  'review.decide': ['manager'],
  'review.check': ['manager'],
  'report.write': ['dispatcher', 'manager'],
  'report.sign': ['manager'],
  'report.corrective': ['dispatcher', 'manager'],
} as const satisfies Record<string, readonly Group[]>;
export type Action = keyof typeof PERMISSIONS;

export function authorize(principal: Principal, action: Action | string): void {
  const allowed: readonly Group[] = (PERMISSIONS as Record<string, readonly Group[]>)[action] ?? [];
  if (!principal.groups.some((g) => allowed.includes(g))) {
    throw new Forbidden(
      allowed.length
        ? `${action} needs one of the roles: ${allowed.join(', ')}`
        : `${action} is not open to any role`,
    );
  }
}

/** Which action opening a ticket of this kind needs: an emergency may be opened from patrol (EM-1). */
export function openAction(kind: string): Action {
  return kind === 'emergency' ? 'emergency.open' : 'ticket.open';
}

/** True when the principal acts only as field staff (not as desk or management). */
export function isFieldStaffOnly(principal: Principal): boolean {
  return principal.groups.every((g) => g === 'staff' || g === 'security');
}

export function canSeePark(principal: Principal, parkId: string): boolean {
  return principal.parks === '*' || principal.parks.includes(parkId);
}

/** The park a request acts in: the one named, or the token's only park. */
export function resolvePark(principal: Principal, parkId: string | undefined): string {
  if (parkId) {
    if (!canSeePark(principal, parkId))
      throw new NotFound('PARK.NOT_FOUND', `park ${parkId} not found`, 'parkId');
    return parkId;
  }
  if (principal.parks !== '*' && principal.parks.length === 1 && principal.parks[0])
    return principal.parks[0];
  throw new InvalidInput(
    'REQUEST.PARK_REQUIRED',
    'parkId is required: the token is valid for several parks',
    'parkId',
  );
}

export function actorOf(principal: Principal): Actor {
  return {
    staffId: principal.staffId,
    groups: principal.groups,
    ...(principal.name ? { name: principal.name } : {}),
    ...(principal.via ? { via: principal.via } : {}),
  };
}
