/** Who may do what, and in which parks (shared/app/access.ts: pure, so tested with the domain). */
import { describe, expect, it } from 'vitest';
import {
  type Action,
  actorOf,
  authorize,
  canSeePark,
  isFieldStaffOnly,
  PERMISSIONS,
  type Principal,
  resolvePark,
} from '../../shared/app/access';
import { type DomainError, Forbidden, InvalidInput, NotFound } from '../../shared/domain/errors';
import { GROUPS, type Group } from '../../shared/domain/park';

function principal(groups: Group[], parks: Principal['parks'] = ['park-1']): Principal {
  return { staffId: 'someone-1', groups, parks };
}

function thrownBy(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error, nothing was thrown');
}

/** The access policy written out by hand: which groups may do each action. */
const POLICY: Record<Action, readonly Group[]> = {
  'ticket.read': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'staff.read': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'ticket.open': ['dispatcher', 'office', 'manager', 'executive'],
  // EM-1 (issue 11 item 18): guards and technicians open emergencies they find on patrol.
  'emergency.open': ['dispatcher', 'office', 'manager', 'executive', 'security', 'staff'],
  'repair.decide': ['dispatcher', 'manager'],
  // The repair lead (group staff) assigns too; the domain refuses other field staff.
  'repair.assign': ['dispatcher', 'manager', 'staff'],
  'repair.acknowledge': ['staff', 'dispatcher', 'manager'],
  'repair.complete': ['staff', 'dispatcher', 'manager'],
  'repair.close': ['dispatcher', 'manager'],
  // Issue 11 item 8 (CH-11 corrections): the desk, managers, the repair lead (the domain narrows staff).
  'repair.reschedule': ['dispatcher', 'manager', 'executive', 'staff'],
  'repair.cancel': ['dispatcher', 'manager', 'executive', 'staff'],
  'repair.reopen': ['dispatcher', 'manager', 'executive', 'staff'],
  'park.read': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'complaint.grade': ['dispatcher', 'manager'],
  'complaint.acknowledge': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'complaint.follow-ups': ['dispatcher', 'manager'],
  'complaint.reply': ['dispatcher', 'manager', 'executive'],
  'complaint.resolve': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'complaint.callback': ['dispatcher', 'manager', 'executive'],
  'complaint.service-slip': ['dispatcher', 'manager', 'executive'],
  'complaint.regrade': ['dispatcher', 'manager', 'executive'],
  'emergency.acknowledge': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'emergency.on-scene': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'emergency.report': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'emergency.hand-over': ['dispatcher', 'manager'],
  'emergency.accept-handover': ['dispatcher', 'office', 'manager', 'executive'],
  'emergency.instructions': ['dispatcher', 'manager', 'executive'],
  'emergency.instruction-done': ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'],
  'emergency.sign-off': ['manager'],
  'emergency.close': ['dispatcher', 'manager'],
  'key.verify': ['office', 'manager'],
  'key.issue-slip': ['office', 'manager'],
  'key.hand-out': ['security', 'manager'],
  'key.return': ['security', 'manager'],
  'key.cancel': ['office', 'manager'],
  'keys.read': ['dispatcher', 'security', 'office', 'manager', 'executive'],
  'keys.register': ['security', 'office', 'manager'],
  'keys.report-lost': ['security', 'office', 'manager'],
  'move-in.record-step': ['office', 'security', 'staff', 'manager'],
  'move-in.complete': ['office', 'manager'],
  // Issue 13: the managers' records are the desk's and management's; a technician gets 403.
  'records.read': ['dispatcher', 'office', 'manager', 'executive'],
  'records.export': ['dispatcher', 'office', 'manager', 'executive'],
  'review.record': ['dispatcher', 'manager'],
  'review.decide': ['manager'],
  'review.check': ['manager'],
  'report.write': ['dispatcher', 'manager'],
  'report.sign': ['manager'],
  'report.corrective': ['dispatcher', 'manager'],
};

const CELLS = (Object.keys(POLICY) as Action[]).flatMap((action) =>
  GROUPS.map((group): [Group, Action, boolean] => [group, action, POLICY[action].includes(group)]),
);

describe('authorize', () => {
  it('the permission table names exactly the actions of the policy', () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(POLICY).sort());
  });

  it.each(CELLS.filter(([, , allowed]) => allowed))('the %s group may %s', (group, action) => {
    expect(() => authorize(principal([group]), action)).not.toThrow();
  });

  it.each(CELLS.filter(([, , allowed]) => !allowed))(
    'the %s group may not %s: AUTH.FORBIDDEN',
    (group, action) => {
      const error = thrownBy(() => authorize(principal([group]), action));

      expect(error).toBeInstanceOf(Forbidden);
      expect(error.code).toBe('AUTH.FORBIDDEN');
      expect(error.message).toContain(action);
    },
  );

  it('one permitted group among several is enough', () => {
    expect(() => authorize(principal(['security', 'manager']), 'repair.close')).not.toThrow();
  });

  it('a token with no group may do nothing, not even read', () => {
    expect(() => authorize(principal([]), 'ticket.read')).toThrow(Forbidden);
  });
});

describe('isFieldStaffOnly: staff act only on work assigned to them', () => {
  it.each<[Group[], boolean]>([
    [['staff'], true],
    [['security'], true],
    [['staff', 'security'], true],
    [['staff', 'dispatcher'], false],
    [['manager'], false],
    [['executive'], false],
  ])('%j → %s', (groups, fieldOnly) => {
    expect(isFieldStaffOnly(principal(groups))).toBe(fieldOnly);
  });
});

describe('canSeePark', () => {
  it.each<[Principal['parks'], string, boolean]>([
    [['park-1'], 'park-1', true],
    [['park-1'], 'park-2', false],
    [['park-1', 'park-2'], 'park-2', true],
    [[], 'park-1', false],
    ['*', 'park-1', true],
    ['*', 'park-99', true],
  ])('parks %j see %s: %s', (parks, parkId, visible) => {
    expect(canSeePark(principal(['dispatcher'], parks), parkId)).toBe(visible);
  });
});

describe('resolvePark', () => {
  it.each<[string, Principal['parks'], string | undefined, string]>([
    ['a token for one park acts in it when none is named', ['park-1'], undefined, 'park-1'],
    ['a token for one park acts in it when it is named', ['park-1'], 'park-1', 'park-1'],
    ['a token for several parks acts in the one named', ['park-1', 'park-2'], 'park-2', 'park-2'],
    ["an executive's '*' spans every park named", '*', 'park-7', 'park-7'],
  ])('%s', (_rule, parks, named, resolved) => {
    expect(resolvePark(principal(['dispatcher'], parks), named)).toBe(resolved);
  });

  it.each<[string, Principal['parks']]>([
    ['a token for one park', ['park-1']],
    ['a token for several parks', ['park-1', 'park-2']],
  ])('%s does not see a park it is not for: PARK.NOT_FOUND, as if it did not exist', (_case, parks) => {
    const error = thrownBy(() => resolvePark(principal(['dispatcher'], parks), 'park-3'));

    expect(error).toBeInstanceOf(NotFound);
    expect(error.code).toBe('PARK.NOT_FOUND');
    expect(error.field).toBe('parkId');
  });

  it.each<[string, Principal['parks']]>([
    ['several parks', ['park-1', 'park-2']],
    ["'*' (every park)", '*'],
    ['no park at all', []],
  ])('a token for %s must name the park: REQUEST.PARK_REQUIRED', (_case, parks) => {
    const error = thrownBy(() => resolvePark(principal(['executive'], parks), undefined));

    expect(error).toBeInstanceOf(InvalidInput);
    expect(error.code).toBe('REQUEST.PARK_REQUIRED');
    expect(error.field).toBe('parkId');
  });
});

describe('actorOf', () => {
  it('records who acted: staff id, groups and the name when the token has one', () => {
    expect(actorOf({ staffId: 'technician-1', groups: ['staff'], parks: ['park-1'], name: '张伟' })).toEqual({
      staffId: 'technician-1',
      groups: ['staff'],
      name: '张伟',
    });
    expect(actorOf({ staffId: 'technician-1', groups: ['staff'], parks: ['park-1'] })).not.toHaveProperty(
      'name',
    );
  });
});
