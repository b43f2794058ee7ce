/** KY-1 and MI-7: the key register's rules (places, retention, custody changes as events). */
import { describe, expect, it } from 'vitest';
import {
  applyKeySetEvent,
  handOutKeySet,
  type KeySet,
  type KeySetDraft,
  registerKeySet,
  releaseKeySetToOwner,
  reportKeySetLost,
  returnKeySet,
} from '../../../shared/domain/key';
import type { Actor } from '../../../shared/domain/ticket';
import { actorOf, thrownBy } from '../../support/fixtures';
import { MORNING, PARK, unitKeySet } from './driver';

const GUARD: Actor = actorOf('security-guard-1');
const RETENTION = { agreementNo: 'LC-2026-001', ownerName: '王先生', signedAt: '2026-11-01T10:00:00+08:00' };
const HOLDER = {
  name: '钱女士',
  requesterType: 'tenant',
  ticketId: 'T1',
  ticketNumber: 'K20261127-001',
  slipNumber: 'LY20261127-001',
  guardId: 'security-guard-1',
  guardName: '孙鹏',
  since: '2026-11-27T02:00:00.000Z',
  dueAt: '2026-11-27T04:00:00.000Z',
};

function then(set: KeySet, draft: KeySetDraft, at = MORNING): KeySet {
  return applyKeySetEvent(set, {
    ...draft,
    seq: set.version + 1,
    at: at.toISOString(),
    actor: GUARD,
  } as never);
}

describe('KY-1: registering a key set', () => {
  it('KY-1: a registered set is in security’s custody, version 1', () => {
    expect(unitKeySet()).toMatchObject({
      state: 'in',
      version: 1,
      tag: 'K-0153',
      unit: '3-2-1502',
      count: 2,
    });
  });

  it.each([
    ['neither unit nor area', { unit: undefined }, 'KEY.PLACE_REQUIRED'],
    ['both', { area: '水泵房' }, 'KEY.PLACE_REQUIRED'],
    ['a # in the place', { unit: '3#2' }, 'KEY.PLACE_INVALID'],
    [
      'a retention for an area',
      { unit: undefined, area: '水泵房', retention: RETENTION },
      'KEY.RETENTION_NEEDS_UNIT',
    ],
    [
      'a retention signed later',
      { retention: { ...RETENTION, signedAt: '2026-12-01T10:00:00+08:00' } },
      'KEY.RETENTION_NOT_SIGNED_YET',
    ],
  ])('%s is refused', (_what, overrides, code) => {
    expect(thrownBy(() => unitKeySet(overrides))).toMatchObject({ code });
  });

  it('MI-7: a retained key keeps its agreement', () => {
    expect(unitKeySet({ retention: RETENTION }).retention).toEqual(RETENTION);
  });
});

describe('KY-1: custody changes', () => {
  it('KY-4: out with its holder, back in, each an event with the next version', () => {
    const set = unitKeySet();
    const out = then(set, handOutKeySet(set, HOLDER));
    expect(out).toMatchObject({ state: 'out', version: 2, holder: HOLDER });
    const back = then(
      out,
      returnKeySet(
        out,
        { ticketId: 'T1', receivedBy: 'security-guard-2', receivedByName: '马超' },
        new Date('2026-11-27T12:30:00+08:00'),
      ),
    );
    expect(back).toMatchObject({ state: 'in', version: 3 });
    expect(back.holder).toBeUndefined();
  });

  it('KY-1: a set out cannot go out again, nor come back on another request (409 naming its holder)', () => {
    const set = unitKeySet();
    const out = then(set, handOutKeySet(set, HOLDER));
    const again = thrownBy(() => handOutKeySet(out, HOLDER));
    expect(again).toMatchObject({ code: 'KEY.NOT_IN_CUSTODY' });
    expect(again.message).toContain('钱女士');
    expect(
      thrownBy(() => returnKeySet(out, { ticketId: 'T2', receivedBy: 'x', receivedByName: 'x' }, MORNING)),
    ).toMatchObject({
      code: 'KEY.NOT_IN_CUSTODY',
    });
  });

  it('KY-4: a return after the due time is marked late', () => {
    const set = unitKeySet();
    const out = then(set, handOutKeySet(set, HOLDER));
    const draft = returnKeySet(
      out,
      { ticketId: 'T1', receivedBy: 'g', receivedByName: 'g' },
      new Date('2026-11-27T12:01:00+08:00'),
    );
    expect(draft.data).toMatchObject({ late: true, ticketNumber: 'K20261127-001' });
  });

  it('KY-1: a lost set stays in the register as lost, with who had it; it is lost only once', () => {
    const set = unitKeySet();
    const out = then(set, handOutKeySet(set, HOLDER));
    const draft = reportKeySetLost(out, '租户称丢失');
    expect(draft.data).toEqual({ note: '租户称丢失', wasWith: HOLDER });
    const lost = then(out, draft);
    expect(lost.state).toBe('lost');
    expect(thrownBy(() => reportKeySetLost(lost, undefined))).toMatchObject({ code: 'KEY.NOT_IN_CUSTODY' });
  });

  it('MI-5: a unit’s keys go to the owner for good; MI-7: a retained key never does', () => {
    const set = unitKeySet();
    const release = { ticketId: 'M1', ownerName: '王先生', guardId: 'security-guard-1' };
    expect(then(set, releaseKeySetToOwner(set, release))).toMatchObject({
      state: 'released',
      released: { to: '王先生' },
    });
    expect(thrownBy(() => releaseKeySetToOwner(unitKeySet({ retention: RETENTION }), release))).toMatchObject(
      {
        code: 'KEY.RETAINED_NEEDS_REQUEST',
      },
    );
  });

  it('replaying the events gives the same set', () => {
    const { keySet, event } = registerKeySet(
      { area: '水泵房', label: '门钥匙', count: 1, tag: 'K-0900' },
      { id: 'S2', parkId: PARK.id },
      MORNING,
      GUARD,
    );
    expect(applyKeySetEvent(undefined, event, { id: 'S2', parkId: PARK.id })).toEqual(keySet);
  });
});
