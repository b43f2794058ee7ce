/**
 * The key register on DynamoDB Local (KY-1): key sets and their custody events as items, the
 * ledger by Query on `keySetsByParkState` (never a Scan), tags claimed once, a ticket event and its
 * key set in ONE transaction, one closing-time list per park and closing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import {
  applyKeySetEvent,
  handOutKeySet,
  type KeySet,
  registerKeySet,
  reportKeySetLost,
} from '../../shared/domain/key';
import type { KeySetChange } from '../../shared/ports';
import { RollCallTaken } from '../../shared/ports';
import { actorOf } from '../support/fixtures';
import { freshStore, logCalls } from '../support/store';
import { SteppedClock } from '../support/clock';

const GUARD = actorOf('security-guard-1');
const AT = new Date('2026-11-27T10:00:00+08:00');
const ids = new UlidIds(new SteppedClock(AT));
let store: DynamoTicketStore;
const calls: string[] = [];

function newSet(input: Partial<Parameters<typeof registerKeySet>[0]> = {}, parkId = 'park-1'): KeySetChange {
  const { keySet, event } = registerKeySet(
    { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: `K-${ids.next().slice(-6)}`, ...input },
    { id: ids.next(), parkId },
    AT,
    GUARD,
  );
  return { keySet, event, expectedVersion: 0 };
}

function handedOut(set: KeySet, ticketId = 'T1'): KeySetChange {
  const draft = handOutKeySet(set, {
    name: '钱女士',
    requesterType: 'tenant',
    ticketId,
    ticketNumber: 'K20261127-001',
    slipNumber: 'LY20261127-001',
    guardId: 'security-guard-1',
    guardName: '孙鹏',
    since: AT.toISOString(),
    dueAt: '2026-11-27T04:00:00.000Z',
  });
  const event = { ...draft, seq: set.version + 1, at: AT.toISOString(), actor: GUARD } as never;
  return { keySet: applyKeySetEvent(set, event), event, expectedVersion: set.version };
}

beforeAll(async () => {
  const fresh = await freshStore();
  store = fresh.store;
  logCalls(fresh.client, calls);
});

describe('registering', () => {
  it('KY-1: a set and its first event are written together; read back in custody, with its history', async () => {
    const change = newSet();
    await store.writeKeySets([change]);
    expect(await store.keySet(change.keySet.id)).toEqual(change.keySet);
    const history = await store.keySetHistory(change.keySet.id);
    expect(history?.events).toEqual([change.event]);
    expect(history?.keySet.state).toBe('in');
  });

  it('KY-1: a tag is on one set of a park only (409 KEY.TAG_TAKEN); another park may use it', async () => {
    const first = newSet({ tag: 'K-0001' });
    await store.writeKeySets([first]);
    await expect(store.writeKeySets([newSet({ tag: 'K-0001' })])).rejects.toMatchObject({
      code: 'KEY.TAG_TAKEN',
    });
    await expect(store.writeKeySets([newSet({ tag: 'K-0001' }, 'park-2')])).resolves.toBeUndefined();
  });

  it('a change decided on a stale version is a 409 and writes nothing', async () => {
    const change = newSet();
    await store.writeKeySets([change]);
    await store.writeKeySets([handedOut(change.keySet)]);
    await expect(store.writeKeySets([handedOut(change.keySet, 'T2')])).rejects.toMatchObject({
      code: 'TICKET.CONCURRENT_CHANGE',
    });
    expect((await store.keySetHistory(change.keySet.id))?.events).toHaveLength(2);
  });
});

describe('the ledger (Query on keySetsByParkState, never a Scan)', () => {
  const park = 'park-ledger';
  const sets: KeySet[] = [];

  beforeAll(async () => {
    for (const input of [
      { unit: '1-1-0101' },
      { unit: '1-1-0102' },
      { unit: '1-1-0101', label: '信报箱钥匙' },
      { unit: undefined, area: '水泵房' },
      { unit: '1-1-01011' },
    ]) {
      const change = newSet(input, park);
      await store.writeKeySets([change]);
      sets.push(change.keySet);
    }
    const out = handedOut(sets[1] as KeySet);
    await store.writeKeySets([out]);
    const lostDraft = reportKeySetLost(sets[4] as KeySet, '丢失');
    const lostEvent = { ...lostDraft, seq: 2, at: AT.toISOString(), actor: GUARD } as never;
    await store.writeKeySets([
      { keySet: applyKeySetEvent(sets[4] as KeySet, lostEvent), event: lostEvent, expectedVersion: 1 },
    ]);
  });

  it('every state, those out first, then by place; a unit’s own sets by prefix (0101 is not 01011)', async () => {
    calls.length = 0;
    const all = await store.listKeySets({ parkId: park, limit: 50 });
    expect(all.keySets.map((s) => [s.state, s.unit ?? s.area])).toEqual([
      ['out', '1-1-0102'],
      ['in', '水泵房'],
      ['in', '1-1-0101'],
      ['in', '1-1-0101'],
      ['lost', '1-1-01011'],
    ]);
    expect(all.cursor).toBeUndefined();
    const unit = await store.listKeySets({ parkId: park, unit: '1-1-0101', limit: 50 });
    expect(unit.keySets.map((s) => s.label).sort()).toEqual(['信报箱钥匙', '入户门钥匙']);
    const out = await store.listKeySets({ parkId: park, state: 'out', limit: 50 });
    expect(out.keySets.map((s) => s.holder?.name)).toEqual(['钱女士']);
    expect(calls.filter((c) => c.startsWith('Scan'))).toEqual([]);
    expect(calls.every((c) => c === 'QueryCommand')).toBe(true);
  });

  it('pages across states with a cursor, and refuses a cursor it did not hand out', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const got = await store.listKeySets({ parkId: park, limit: 2, ...(cursor ? { cursor } : {}) });
      seen.push(...got.keySets.map((s) => s.id));
      cursor = got.cursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(sets.map((s) => s.id).sort());
    const forged = Buffer.from(JSON.stringify({ s: 0, k: { pk: 'TICKET#x', sk: 'TICKET' } })).toString(
      'base64url',
    );
    await expect(store.listKeySets({ parkId: park, limit: 2, cursor: forged })).rejects.toMatchObject({
      code: 'REQUEST.INVALID_CURSOR',
    });
    await expect(store.listKeySets({ parkId: park, limit: 2, cursor: 'nonsense' })).rejects.toMatchObject({
      code: 'REQUEST.INVALID_CURSOR',
    });
  });
});

describe('with a ticket', () => {
  it('KY-4: the ticket event and the key set go in ONE TransactWriteItems; one closing list per closing', async () => {
    const { store: s, client } = await freshStore();
    const log: string[] = [];
    logCalls(client, log);
    const set = newSet();
    await s.writeKeySets([set]);
    const ticket = {
      id: ids.next(),
      parkId: 'park-1',
      kind: 'key',
      number: 'K20261127-001',
      status: 'requested',
      version: 1,
      createdAt: AT.toISOString(),
      updatedAt: AT.toISOString(),
      createdBy: GUARD,
      timers: {},
    } as never as Parameters<typeof s.create>[0];
    const opened = { seq: 1, type: 'key.requested', at: AT.toISOString(), actor: GUARD, data: {} } as never;
    await s.create(ticket, opened);
    const next = { ...ticket, version: 2 } as typeof ticket;
    const fired = { seq: 2, type: 'timer.fired', at: AT.toISOString(), actor: GUARD, data: {} } as never;
    const claim = {
      parkId: 'park-1',
      closingAt: '2026-11-27T09:30:00.000Z',
      ticketId: ticket.id,
      ticketNumber: 'K20261127-001',
    };
    log.length = 0;
    await s.appendWithKeySets(next, fired, 1, [handedOut(set.keySet, ticket.id)], claim);
    expect(log).toEqual(['TransactWriteItemsCommand']);
    expect((await s.keySet(set.keySet.id))?.state).toBe('out');
    expect((await s.get(ticket.id))?.version).toBe(2);

    const later = { ...next, version: 3 } as typeof ticket;
    const again = { ...(fired as object), seq: 3 } as never;
    const error = await s
      .appendWithKeySets(later, again, 2, [], { ...claim, ticketId: 'other', ticketNumber: 'K20261127-009' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RollCallTaken);
    expect((error as RollCallTaken).by).toBe('K20261127-001');
    expect((await s.get(ticket.id))?.version).toBe(2);
  });
});
