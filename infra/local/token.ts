/**
 * `npm run token -- <role|group|staff-id> [staff-id] [--park park-1|*]`: prints a JWT for the local
 * desk. A role (technician, repair-lead, …) or group (dispatcher, staff, manager, …) picks the first
 * such person of the demo directory; a staff id picks that person.
 */
import {
  GROUP_OF_ROLE,
  GROUPS,
  type Group,
  ROLES,
  type Role,
  type StaffMember,
} from '../../shared/domain/park';
import { localSigningKey, signToken } from './jwt';
import { JWT_KEY_FILE } from './paths';
import { DEMO_PARK, DEMO_STAFF } from './demo-park';

export function tokenFor(args: string[], key: string): string {
  const parkFlag = args.indexOf('--park');
  const park = parkFlag >= 0 ? args[parkFlag + 1] : undefined;
  const words = parkFlag < 0 ? args : args.filter((_, i) => i !== parkFlag && i !== parkFlag + 1);
  const [who = 'dispatcher', staffId] = words;
  let person: StaffMember | undefined;
  let groups: Group[];
  const byId = (id: string) => DEMO_STAFF.find((s) => s.id === id);
  if (byId(who)) {
    person = byId(who);
  } else if ((ROLES as readonly string[]).includes(who)) {
    person = staffId ? byId(staffId) : DEMO_STAFF.find((s) => s.roles.includes(who as Role));
    if (person && !person.roles.includes(who as Role)) {
      throw new Error(`${person.id} does not hold the role ${who}`);
    }
  } else if ((GROUPS as readonly string[]).includes(who)) {
    person = staffId ? byId(staffId) : DEMO_STAFF.find((s) => s.roles.some((r) => GROUP_OF_ROLE[r] === who));
  } else {
    throw new Error(
      `unknown role, group or staff id "${who}". Roles: ${ROLES.join(', ')}. Groups: ${GROUPS.join(', ')}`,
    );
  }
  if (!person) throw new Error(`no staff member "${staffId ?? who}" in the demo directory`);
  if ((GROUPS as readonly string[]).includes(who) && !(ROLES as readonly string[]).includes(who)) {
    groups = [who as Group];
  } else {
    groups = [...new Set(person.roles.map((r) => GROUP_OF_ROLE[r]))];
  }
  const parks = park ?? (groups.includes('executive') ? '*' : DEMO_PARK.id);
  return signToken(
    {
      sub: person.id,
      'custom:staffId': person.id,
      'cognito:groups': groups,
      'custom:parks': parks,
      name: person.name,
    },
    key,
  );
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() ?? '')) {
  try {
    console.log(tokenFor(process.argv.slice(2), localSigningKey(JWT_KEY_FILE)));
  } catch (error) {
    console.error(`token: ${(error as Error).message}`);
    process.exit(2);
  }
}
