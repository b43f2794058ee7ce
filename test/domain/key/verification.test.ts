/**
 * KY-2 by requester type (篇2 四 1): the check that fits each requester, what a check that does not
 * fit gets (422 naming the rule), and which outcomes decline the request. MI-7: a retained key.
 */
import { describe, expect, it } from 'vitest';
import type { KeyCommandBody, RequesterType } from '../../../shared/domain/key';
import { thrownBy } from '../../support/fixtures';
import { MORNING, officeAt, requestBy, step, unitKeySet } from './driver';

type Verify = Extract<KeyCommandBody, { type: 'verify' }>;
const ID = { idChecked: true, idType: 'resident-id', idLast4: '123X' } as const;
const CONFIRMED = { ownerCall: { outcome: 'confirmed' } } as const;
const HEAD = { departmentHead: { staffId: 'engineering-manager-1', outcome: 'confirmed' } } as const;

function verify(type: RequesterType, body: Omit<Verify, 'type'>) {
  return step(requestBy(type), { type: 'verify', ...body }, officeAt(MORNING)).ticket;
}

describe('KY-2: the check that fits each requester type passes', () => {
  it.each<[RequesterType, Omit<Verify, 'type'>, Record<string, unknown>]>([
    ['owner', ID, { id: { type: 'resident-id', last4: '123X' } }],
    ['tenant', CONFIRMED, { ownerCall: { outcome: 'confirmed' } }],
    [
      'agent',
      { ownerCall: { outcome: 'confirmed', viewingAllowed: true } },
      { ownerCall: { viewingAllowed: true } },
    ],
    ['other', CONFIRMED, { ownerCall: { outcome: 'confirmed' } }],
    [
      'staff',
      HEAD,
      { departmentHead: { staffId: 'engineering-manager-1', name: '吴军', outcome: 'confirmed' } },
    ],
  ])('KY-2 %s: verified', (type, body, recorded) => {
    const ticket = verify(type, body);
    expect(ticket.status).toBe('verified');
    expect(ticket.verification).toMatchObject({ requesterType: type, passed: true, ...recorded });
  });
});

describe('KY-2: a check that does not fit the requester type is 422 KEY.CHECK_DOES_NOT_FIT', () => {
  it.each<[RequesterType, Omit<Verify, 'type'>, string]>([
    ['owner', { ...ID, ...CONFIRMED }, 'ownerCall'],
    ['owner', { ...ID, ...HEAD }, 'departmentHead'],
    ['tenant', { ...CONFIRMED, ...ID }, 'idChecked'],
    ['tenant', HEAD, 'departmentHead'],
    ['agent', { ...ID }, 'idChecked'],
    ['other', { idType: 'passport', ...CONFIRMED }, 'idType'],
    ['staff', CONFIRMED, 'ownerCall'],
    ['staff', { idLast4: '1234', ...HEAD }, 'idLast4'],
  ])('KY-2 %s with %j: refused, naming %s', (type, body, field) => {
    const error = thrownBy(() => verify(type, body));
    expect(error).toMatchObject({ code: 'KEY.CHECK_DOES_NOT_FIT', field });
    expect(error.message).toContain('KY-2');
  });

  it('KY-2: viewingAllowed is an agent’s question only', () => {
    expect(
      thrownBy(() => verify('tenant', { ownerCall: { outcome: 'confirmed', viewingAllowed: true } })),
    ).toMatchObject({ code: 'KEY.CHECK_DOES_NOT_FIT', field: 'ownerCall.viewingAllowed' });
  });
});

describe('KY-2: a check with what it needs missing is 422', () => {
  it.each<[RequesterType, Omit<Verify, 'type'>, string, string]>([
    ['owner', {}, 'KEY.ID_CHECK_REQUIRED', 'idChecked'],
    [
      'owner',
      { idChecked: false, idType: 'resident-id', idLast4: '1234' },
      'KEY.ID_CHECK_REQUIRED',
      'idChecked',
    ],
    ['owner', { idChecked: true, idLast4: '1234' }, 'KEY.ID_CHECK_REQUIRED', 'idType'],
    ['owner', { idChecked: true, idType: 'resident-id' }, 'KEY.ID_CHECK_REQUIRED', 'idLast4'],
    ['tenant', {}, 'KEY.OWNER_CALL_REQUIRED', 'ownerCall'],
    ['other', { note: '来过' }, 'KEY.OWNER_CALL_REQUIRED', 'ownerCall'],
    ['agent', CONFIRMED, 'KEY.VIEWING_ANSWER_REQUIRED', 'ownerCall.viewingAllowed'],
    ['staff', {}, 'KEY.HEAD_CONFIRMATION_REQUIRED', 'departmentHead'],
  ])('KY-2 %s with %j: %s', (type, body, code, field) => {
    expect(thrownBy(() => verify(type, body))).toMatchObject({ code, field });
  });
});

describe('KY-2: what ends the request (declined, no key leaves)', () => {
  it.each<[RequesterType, Omit<Verify, 'type'>, string]>([
    ['tenant', { ownerCall: { outcome: 'refused', note: '不认识此人' } }, '业主不同意'],
    ['tenant', { ownerCall: { outcome: 'unreachable' } }, '无法联系业主'],
    ['agent', { ownerCall: { outcome: 'unreachable' } }, '无法联系业主'],
    ['agent', { ownerCall: { outcome: 'confirmed', viewingAllowed: false } }, '业主不同意看房'],
    ['other', { ownerCall: { outcome: 'refused' } }, '业主不同意'],
    ['staff', { departmentHead: { staffId: 'repair-lead-1', outcome: 'refused' } }, '部门负责人不同意'],
  ])('KY-2 %s with %j: declined (%s)', (type, body, why) => {
    const ticket = verify(type, body);
    expect(ticket.status).toBe('declined');
    expect(ticket.verification).toMatchObject({ passed: false, declinedBecause: why });
    expect(ticket.slip).toBeUndefined();
  });
});

describe('KY-2: who the check is with', () => {
  it('an owner must be an owner of that unit in the directory (else ask as "other")', () => {
    const ticket = requestBy('owner', unitKeySet(), MORNING, ['赵先生']);
    const error = thrownBy(() => step(ticket, { type: 'verify', ...ID }, officeAt(MORNING)));
    expect(error).toMatchObject({ code: 'KEY.NOT_AN_OWNER', field: 'requester.name' });
  });

  it('MI-7: the owner who signed a retention agreement counts as the owner', () => {
    const retained = unitKeySet({
      retention: { agreementNo: 'LC-2026-001', ownerName: '王先生', signedAt: '2026-11-01T10:00:00+08:00' },
    });
    const ticket = step(
      requestBy('owner', retained, MORNING, []),
      { type: 'verify', ...ID },
      officeAt(MORNING),
    ).ticket;
    expect(ticket.status).toBe('verified');
  });

  it('staff: the head must head the requester’s own department, and nobody confirms their own request', () => {
    const security = { departmentHead: { staffId: 'security-manager-1', outcome: 'confirmed' } } as const;
    expect(thrownBy(() => verify('staff', security))).toMatchObject({
      code: 'KEY.NOT_DEPARTMENT_HEAD',
      field: 'departmentHead.staffId',
    });
    const self = { departmentHead: { staffId: 'technician-1', outcome: 'confirmed' } } as const;
    expect(thrownBy(() => verify('staff', self))).toMatchObject({ code: 'KEY.NOT_DEPARTMENT_HEAD' });
    const nobody = { departmentHead: { staffId: 'ghost-1', outcome: 'confirmed' } } as const;
    expect(thrownBy(() => verify('staff', nobody))).toMatchObject({ code: 'STAFF.NOT_FOUND' });
  });

  it('MI-7: a key the owner left with security does not leave on a department head’s word', () => {
    const retained = unitKeySet({
      retention: { agreementNo: 'LC-2026-001', ownerName: '王先生', signedAt: '2026-11-01T10:00:00+08:00' },
    });
    const ticket = requestBy('staff', retained);
    const error = thrownBy(() => step(ticket, { type: 'verify', ...HEAD }, officeAt(MORNING)));
    expect(error).toMatchObject({ code: 'KEY.RETAINED_NEEDS_OWNER' });
    expect(error.message).toContain('MI-7');
  });

  it('MI-7: a retained key leaves through a tenant’s request once the owner is phoned', () => {
    const retained = unitKeySet({
      retention: { agreementNo: 'LC-2026-001', ownerName: '王先生', signedAt: '2026-11-01T10:00:00+08:00' },
    });
    const ticket = step(
      requestBy('tenant', retained),
      { type: 'verify', ...CONFIRMED },
      officeAt(MORNING),
    ).ticket;
    expect(ticket.status).toBe('verified');
  });
});

describe('KY-2: ID numbers are never kept whole', () => {
  it.each([
    ['note', { ...ID, note: '身份证110101199003071234' }],
    ['ownerCall.note', { ownerCall: { outcome: 'confirmed', note: '11010119900307123X' } }],
  ])('a whole resident ID number in %s is refused', (field, body) => {
    const type: RequesterType = field === 'note' ? 'owner' : 'tenant';
    expect(thrownBy(() => verify(type, body as Omit<Verify, 'type'>))).toMatchObject({
      code: 'KEY.ID_NUMBER_NOT_KEPT',
      field,
    });
  });

  it('only the type and the last 4 characters are recorded', () => {
    const ticket = verify('owner', ID);
    expect(JSON.stringify(ticket)).not.toMatch(/\d{15}/);
    expect(ticket.verification?.id).toEqual({ type: 'resident-id', last4: '123X' });
  });
});

describe('KY-2: only a requested request is verified', () => {
  it('verifying again is 409', () => {
    const ticket = verify('tenant', CONFIRMED);
    expect(thrownBy(() => step(ticket, { type: 'verify', ...CONFIRMED }, officeAt(MORNING)))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });
});
