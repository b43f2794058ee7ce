/**
 * Who records each move-in step (MI-1..MI-8): the staff of the department that does it, or the
 * property office lead and the management above it (物业部负责人, 管理处). A finance clerk records the
 * fees (MI-4), not the keys; a guard the keys (MI-5, MI-7), not the fees. Pure.
 */
import { Forbidden } from '../errors';
import type { Department, Role, StaffMember } from '../park';
import { DEPARTMENT_HEAD_ROLES, DEPARTMENT_LABELS } from '../park';
import type { Actor } from '../ticket';
import { CHECKLIST } from './checklist';
import type { MoveInStep } from './model';

/**
 * The departments whose staff record each step. MI-1 is the developer's confirmation, which the
 * property office sees and records; MI-6 is walked by property or engineering staff (篇3 四 6).
 */
export const STEP_RECORDERS: Record<MoveInStep, readonly Department[]> = {
  'developer-confirmation': ['property-office'],
  registration: ['property-office'],
  items: ['property-office'],
  fees: ['finance'],
  keys: ['security'],
  inspection: ['engineering', 'property-office'],
  'key-retention': ['security'],
  meters: ['engineering'],
};

/** The property office lead and the management above it: may record any step. */
export const MOVE_IN_OVERSEER_ROLES: readonly Role[] = [
  ...DEPARTMENT_HEAD_ROLES['property-office'],
  'office-director',
  'deputy-gm',
  'gm',
];

/** MI-1..MI-8: may `actor` record `step`? 403 naming the rule and the department when not. */
export function checkRecorder(step: MoveInStep, actor: Actor, staff: readonly StaffMember[]): void {
  const person = staff.find((s) => s.id === actor.staffId);
  if (person?.roles.some((r) => MOVE_IN_OVERSEER_ROLES.includes(r))) return;
  const departments = STEP_RECORDERS[step];
  if (person && departments.includes(person.department)) return;
  const named = departments.map((d) => DEPARTMENT_LABELS[d]).join('或');
  throw new Forbidden(
    `${CHECKLIST[step].rule}: ${step} is recorded by ${named} staff or the property office lead (物业部负责人); ` +
      `${person ? `${person.name} is ${DEPARTMENT_LABELS[person.department]}` : `${actor.staffId} is not in the park's directory`}`,
    'MOVE_IN.NOT_YOUR_STEP',
  );
}
