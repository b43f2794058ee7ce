/** The desk on shift (shift.ts) and the chain of roles it is read from (firstHolders). */
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../shared/domain/park';
import { firstHolders } from '../../shared/domain/park';
import { ENGINEERING_LEAD_ROLES } from '../../shared/domain/repair';
import { deskRolesOnShift } from '../../shared/domain/shift';
import { makePark, makeStaff } from '../support/fixtures';

const PARK = makePark();
/** 14:00 in the park, a weekday afternoon: office hours. */
const OPENED_AT = new Date('2026-11-27T06:00:00.000Z');

const TECH_ZHANG = makeStaff('technician-1', '张伟', ['technician']);
const TECH_LI = makeStaff('technician-2', '李强', ['technician']);
const REPAIR_LEAD = makeStaff('repair-lead-1', '王刚', ['repair-lead']);
const ENGINEERING_MANAGER = makeStaff('engineering-manager-1', '吴军', ['engineering-manager']);
const DISPATCHER_CHEN = makeStaff('dispatcher-1', '陈静', ['dispatcher']);
const DUTY_OFFICER = makeStaff('duty-officer-1', '刘洋', ['duty-officer']);
const GUARD = makeStaff('security-guard-1', '孙鹏', ['security-guard']);

const STAFF: StaffMember[] = [
  GUARD,
  DISPATCHER_CHEN,
  DUTY_OFFICER,
  TECH_ZHANG,
  TECH_LI,
  REPAIR_LEAD,
  ENGINEERING_MANAGER,
];
const without = (...gone: StaffMember[]) => STAFF.filter((s) => !gone.includes(s));

describe('firstHolders', () => {
  it('takes the holders of the first role in the chain that anybody holds, in directory order', () => {
    const twoDispatchers = [...STAFF, makeStaff('dispatcher-2', '黄磊', ['dispatcher'])];

    // The desk's roles in office hours (14:00): the dispatcher first, as the old two-role list began.
    expect(firstHolders(twoDispatchers, deskRolesOnShift(OPENED_AT, PARK)).map((s) => s.id)).toEqual([
      'dispatcher-1',
      'dispatcher-2',
    ]);
    expect(firstHolders(without(REPAIR_LEAD), ENGINEERING_LEAD_ROLES)).toEqual([ENGINEERING_MANAGER]);
    expect(firstHolders([GUARD], ENGINEERING_LEAD_ROLES)).toEqual([]);
  });
});
