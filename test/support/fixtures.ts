/** Fixtures every domain test shares: a park, its directory, actors, a context, what a rule threw. */
import { DEMO_PARK, DEMO_STAFF } from '../../infra/local/demo-park';
import type { DomainError } from '../../shared/domain/errors';
import type { RuleContext } from '../../shared/domain/kind';
import { GROUP_OF_ROLE, type Park, type Role, type StaffMember } from '../../shared/domain/park';
import type { Actor } from '../../shared/domain/ticket';

/** The park every domain test runs in unless it says otherwise: 翠湖园, Asia/Shanghai, 08:30–17:30. */
export function makePark(overrides: Partial<Park> = {}): Park {
  return { ...DEMO_PARK, ...overrides };
}

/** The demo directory (every role of DOMAIN.md). */
export const STAFF: readonly StaffMember[] = DEMO_STAFF;

/** A member of staff for a test's own directory. */
export function makeStaff(
  id: string,
  name: string,
  roles: Role[],
  overrides: Partial<StaffMember> = {},
): StaffMember {
  return {
    id,
    parkId: DEMO_PARK.id,
    name,
    roles,
    department: 'engineering',
    phone: '+8613900000099',
    ...overrides,
  };
}

/** The actor a member of staff of `staff` is when they send a command. */
export function actorOf(staffId: string, staff: readonly StaffMember[] = STAFF): Actor {
  const person = staff.find((s) => s.id === staffId);
  if (!person) throw new Error(`no ${staffId} in the directory`);
  return { staffId, groups: [...new Set(person.roles.map((r) => GROUP_OF_ROLE[r]))], name: person.name };
}

/** What every kind's entry points take: `now`, who acts, the park and its directory. */
export function ruleContext(
  now: Date,
  actor: Actor = actorOf('dispatcher-1'),
  park: Park = DEMO_PARK,
  staff: readonly StaffMember[] = STAFF,
): RuleContext {
  return { now, actor, park, staff };
}

/** What `act` threw, or fails the test when it threw nothing. */
export function thrownBy(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error, nothing was thrown');
}
