/** KY-3 (the slip, only after KY-2) and KY-4 (the hand-out at security, the escort, the return). */
import { describe, expect, it } from 'vitest';
import {
  keyRefFor,
  nextKeyCommands,
  openKeyRequest,
  reportKeySetLost,
  applyKeySetEvent,
} from '../../../shared/domain/key';
import { actorOf, thrownBy } from '../../support/fixtures';
import {
  guardAt,
  MORNING,
  NUMBER,
  officeAt,
  PARK,
  REQUESTERS,
  requestBy,
  step,
  tenantHandedOut,
  tenantWithSlip,
  unitKeySet,
} from './driver';

const AT_10 = new Date('2026-11-27T10:00:00+08:00');
const HAND_OUT = {
  type: 'hand-out',
  guardId: 'security-guard-1',
  idChecked: true,
  escortId: 'security-guard-2',
} as const;

describe('opening a request', () => {
  it('is numbered in the K register and waits for KY-2', () => {
    const ticket = requestBy('tenant');
    expect(ticket).toMatchObject({
      kind: 'key',
      number: NUMBER,
      status: 'requested',
      reason: '看房',
      slips: 0,
    });
    expect(ticket.key).toMatchObject({ id: 'KEYSET-1', tag: 'K-0153', unit: '3-2-1502', owners: ['王先生'] });
    expect(nextKeyCommands(ticket.status)).toEqual(['verify', 'cancel']);
  });

  it('KY-2: staff give their staff id; nobody else does', () => {
    const open = (requester: (typeof REQUESTERS)[keyof typeof REQUESTERS]) =>
      openKeyRequest(
        {
          id: 'T',
          parkId: PARK.id,
          number: NUMBER,
          intake: { keyId: 'KEYSET-1', requester, reason: '维修', key: keyRefFor(unitKeySet(), []) },
        },
        officeAt(MORNING),
      );
    expect(thrownBy(() => open({ ...REQUESTERS.staff, staffId: undefined }))).toMatchObject({
      code: 'KEY.STAFF_ID_REQUIRED',
    });
    expect(thrownBy(() => open({ ...REQUESTERS.tenant, staffId: 'technician-1' }))).toMatchObject({
      code: 'KEY.STAFF_ID_NOT_EXPECTED',
    });
  });

  it('KY-2: an area’s keys have no owner to ask: staff only', () => {
    const pumpRoom = unitKeySet({ unit: undefined, area: '水泵房', label: '水泵房门钥匙', tag: 'K-0900' });
    expect(thrownBy(() => requestBy('other', pumpRoom))).toMatchObject({ code: 'KEY.AREA_KEYS_FOR_STAFF' });
    expect(requestBy('staff', pumpRoom).key.area).toBe('水泵房');
  });

  it('KY-1: a lost key set cannot be asked for (409)', () => {
    const set = unitKeySet();
    const lost = applyKeySetEvent(set, {
      ...reportKeySetLost(set, undefined),
      seq: 2,
      at: MORNING.toISOString(),
      actor: actorOf('security-guard-1'),
    } as never);
    expect(thrownBy(() => keyRefFor(lost, []))).toMatchObject({ code: 'KEY.NOT_IN_CUSTODY' });
  });
});

describe('KY-3: the slip', () => {
  it('KY-3: is refused before KY-2 (409) and after a decline (409)', () => {
    expect(
      thrownBy(() => step(requestBy('tenant'), { type: 'issue-slip' }, officeAt(MORNING))),
    ).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
    const declined = step(
      requestBy('tenant'),
      { type: 'verify', ownerCall: { outcome: 'refused' } },
      officeAt(MORNING),
    ).ticket;
    expect(thrownBy(() => step(declined, { type: 'issue-slip' }, officeAt(MORNING)))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });

  it('KY-3: after KY-2 the slip carries its number, the key, who, why, the check and the escort', () => {
    const ticket = tenantWithSlip();
    expect(ticket.status).toBe('slip-issued');
    expect(ticket.slip).toMatchObject({ number: 'LY20261127-001', escortRequired: true, issuedBy: '黄磊' });
    expect(ticket.slip?.printout).toEqual([
      '物业部钥匙领用条 No.LY20261127-001',
      '申请单号:K20261127-001',
      '钥匙:K-0153 3-2-1502入户门钥匙×2',
      '领用人:钱女士(租户) 电话:138****0004',
      '领用原因:看房',
      '核实:已电话联系业主确认身份及领取原因',
      '归还时间:领用后2小时内',
      '保安部:请领用人出示本人有效证件,与本条核对;保安员携带钥匙陪同看房。',
      '开单:黄磊 11月27日09:45',
    ]);
  });

  it('KY-3: a reissued slip takes the next number and its own return time', () => {
    const again = step(
      tenantWithSlip(),
      { type: 'issue-slip', dueAt: '2026-11-27T15:00:00+08:00' },
      officeAt(new Date('2026-11-27T09:50:00+08:00')),
    ).ticket;
    expect(again.slip).toMatchObject({ number: 'LY20261127-001-2', dueAt: '2026-11-27T07:00:00.000Z' });
    expect(again.slip?.printout).toContain('归还时间:11月27日15:00');
  });

  it('KY-3: the return time must be ahead, and at most 7 days ahead', () => {
    const verified = step(
      requestBy('tenant'),
      { type: 'verify', ownerCall: { outcome: 'confirmed' } },
      officeAt(MORNING),
    ).ticket;
    expect(
      thrownBy(() =>
        step(verified, { type: 'issue-slip', dueAt: '2026-11-27T09:00:00+08:00' }, officeAt(MORNING)),
      ),
    ).toMatchObject({ code: 'KEY.DUE_IN_PAST', field: 'dueAt' });
    expect(
      thrownBy(() =>
        step(verified, { type: 'issue-slip', dueAt: '2026-12-05T09:00:00+08:00' }, officeAt(MORNING)),
      ),
    ).toMatchObject({ code: 'KEY.DUE_TOO_FAR', field: 'dueAt' });
  });

  it('KY-4: an owner’s slip needs no escort, and carries the ID seen', () => {
    let t = requestBy('owner');
    t = step(
      t,
      { type: 'verify', idChecked: true, idType: 'resident-id', idLast4: '1234' },
      officeAt(MORNING),
    ).ticket;
    t = step(t, { type: 'issue-slip' }, officeAt(MORNING)).ticket;
    expect(t.slip?.escortRequired).toBe(false);
    expect(t.slip?.printout).toContain('核实:业主出示居民身份证(尾号1234),已确认业主身份');
  });
});

describe('KY-4: the hand-out at security', () => {
  it('KY-4: the guard checks the ID, escorts, and the key is out until two hours later', () => {
    const ticket = tenantHandedOut();
    expect(ticket.status).toBe('handed-out');
    expect(ticket.handOut).toMatchObject({
      name: '钱女士',
      slipNumber: 'LY20261127-001',
      guardId: 'security-guard-1',
      guardName: '孙鹏',
      escortId: 'security-guard-2',
      escortName: '马超',
      since: '2026-11-27T02:00:00.000Z',
      dueAt: '2026-11-27T04:00:00.000Z',
    });
    expect(nextKeyCommands(ticket.status)).toEqual(['return']);
  });

  it('KY-4: the slip’s own return time wins over the park’s two hours', () => {
    expect(tenantHandedOut('2026-11-27T16:00:00+08:00').handOut?.dueAt).toBe('2026-11-27T08:00:00.000Z');
  });

  it.each([
    ['no ID check', { ...HAND_OUT, idChecked: false }, 'KEY.ID_CHECK_REQUIRED', 'idChecked'],
    ['no escort for a tenant', { ...HAND_OUT, escortId: undefined }, 'KEY.ESCORT_REQUIRED', 'escortId'],
    ['a guard who is not security', { ...HAND_OUT, guardId: 'technician-1' }, 'KEY.NOT_SECURITY', 'guardId'],
    ['an escort who is not security', { ...HAND_OUT, escortId: 'cleaner-1' }, 'KEY.NOT_SECURITY', 'escortId'],
    ['a guard not in the directory', { ...HAND_OUT, guardId: 'ghost' }, 'STAFF.NOT_FOUND', 'guardId'],
  ])('KY-4: %s is refused', (_what, body, code, field) => {
    expect(thrownBy(() => step(tenantWithSlip(), body, guardAt(AT_10)))).toMatchObject({ code, field });
  });

  it('KY-4: an owner shows the ID on the slip: another one is refused', () => {
    let t = requestBy('owner');
    t = step(
      t,
      { type: 'verify', idChecked: true, idType: 'resident-id', idLast4: '1234' },
      officeAt(MORNING),
    ).ticket;
    t = step(t, { type: 'issue-slip' }, officeAt(MORNING)).ticket;
    const owner = { type: 'hand-out', guardId: 'security-guard-1', idChecked: true } as const;
    expect(thrownBy(() => step(t, owner, guardAt(AT_10)))).toMatchObject({ code: 'KEY.ID_LAST4_REQUIRED' });
    expect(
      thrownBy(() => step(t, { ...owner, idType: 'resident-id', idLast4: '9999' }, guardAt(AT_10))),
    ).toMatchObject({ code: 'KEY.ID_MISMATCH', field: 'idLast4' });
    const out = step(t, { ...owner, idType: 'resident-id', idLast4: '1234' }, guardAt(AT_10)).ticket;
    expect(out.handOut).toMatchObject({ idType: 'resident-id', idLast4: '1234' });
    expect(out.handOut?.escortId).toBeUndefined();
  });

  it('KY-3/KY-4: a slip whose return time has passed is refused: issue a new one', () => {
    const t = tenantWithSlip('2026-11-27T10:30:00+08:00');
    expect(thrownBy(() => step(t, HAND_OUT, guardAt(new Date('2026-11-27T11:00:00+08:00'))))).toMatchObject({
      code: 'KEY.SLIP_EXPIRED',
    });
  });

  it('KY-4: no key leaves without a slip (409)', () => {
    const verified = step(
      requestBy('tenant'),
      { type: 'verify', ownerCall: { outcome: 'confirmed' } },
      officeAt(MORNING),
    ).ticket;
    expect(thrownBy(() => step(verified, HAND_OUT, guardAt(AT_10)))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });
});

describe('KY-4: the return', () => {
  it('KY-4: security takes the key back; the request is done and its clocks stop', () => {
    const { ticket } = step(
      tenantHandedOut(),
      { type: 'return', receivedBy: 'security-guard-2' },
      guardAt(new Date('2026-11-27T11:00:00+08:00')),
    );
    expect(ticket.status).toBe('returned');
    expect(ticket.returned).toMatchObject({
      receivedBy: 'security-guard-2',
      receivedByName: '马超',
      late: false,
    });
    expect(Object.values(ticket.timers).map((t) => t.state)).not.toContain('pending');
    expect(ticket.timers['return-due']?.state).toBe('met');
    expect(nextKeyCommands(ticket.status)).toEqual([]);
  });

  it('KY-1: only security takes a key back', () => {
    expect(
      thrownBy(() => step(tenantHandedOut(), { type: 'return', receivedBy: 'dispatcher-1' }, guardAt(AT_10))),
    ).toMatchObject({ code: 'KEY.NOT_SECURITY', field: 'receivedBy' });
  });

  it('a request is cancelled before the key leaves, not after', () => {
    const cancelled = step(tenantWithSlip(), { type: 'cancel', reason: '租户改期' }, officeAt(AT_10)).ticket;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelled: { reason: '租户改期' } });
    expect(
      thrownBy(() => step(tenantHandedOut(), { type: 'cancel', reason: 'x' }, officeAt(AT_10))),
    ).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });
});
