/** Who is who in an emergency: a person of the directory as the ticket records them, and the desk. */
import { NotFound } from '../errors';
import type { StaffMember } from '../park';
import type { Actor } from '../ticket';
import type { Person } from './model';

export const person = (s: StaffMember): Person => ({ staffId: s.id, name: s.name });

/** The directory's person named in `field`, or the 404 saying the park has nobody of that id. */
export function directoryPerson(staff: readonly StaffMember[], staffId: string, field: string): StaffMember {
  const found = staff.find((s) => s.id === staffId);
  if (!found)
    throw new NotFound('STAFF.NOT_FOUND', `staff ${staffId} is not in this park's directory`, field);
  return found;
}

const DESK_GROUPS = new Set(['dispatcher', 'manager', 'executive']);

/** The desk and the managers may record a step for someone who phoned it in. */
export const actsForTheDesk = (actor: Actor) => (actor.groups as string[]).some((g) => DESK_GROUPS.has(g));
