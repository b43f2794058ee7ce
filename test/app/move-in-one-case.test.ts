/**
 * One open move-in case per unit (MI-1..MI-8 on one checklist; ADR 014) on DynamoDB Local: the
 * claim `MOVEIN#<park>#<unit>` rides in the case's opening transaction, so of two openings at once
 * exactly one lands, even when both read the claim before either wrote; the loser's reserved M
 * number gets a void page at once (no gap, ADR 010); completion releases the unit.
 */
import { DeleteCommand, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamo/table';
import type { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { CoreDeps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { IllegalTransition } from '../../shared/domain/errors';
import { moveInUnitKey } from '../../shared/domain/move-in';
import type { TicketEventOf } from '../../shared/domain/tickets';
import { freshStore } from '../support/store';

const office = { staffId: 'property-office-1', groups: ['office' as const], parks: ['park-1'] };
const moveIn = (unit: string) => ({
  kind: 'move-in' as const,
  unit,
  unitConfirmed: true,
  owner: { name: '王先生', phone: '+8613800000001' },
});

let store: DynamoTicketStore;
let db: Awaited<ReturnType<typeof freshStore>>['db'];
let tableName: string;
const clock = new AdjustableClock();
let deps: CoreDeps;

beforeAll(async () => {
  ({ store, db, tableName } = await freshStore());
  clock.set(new Date('2026-11-27T10:00:00+08:00'));
  deps = { store, directory: store, clock, ids: new UlidIds(clock) };
});

/** The M register's pages of the day: every number 1..counter is a ticket's page or a void one. */
async function registerOfDay() {
  const counter = keys.counter('park-1', 'M', '20261127');
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': counter.pk },
    }),
  );
  const items = out.Items ?? [];
  const value = Number(items.find((i) => i.sk === 'COUNTER')?.value ?? 0);
  const pages = items.filter((i) => String(i.sk).startsWith('NUMBER#'));
  return { value, pages: pages.map((p) => ({ number: String(p.number), void: p.void === true })) };
}

function settledOf(results: PromiseSettledResult<Awaited<ReturnType<typeof openTicket>>>[]) {
  const won = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ticket] : []));
  const lost = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
  return { won, lost };
}

describe('one open move-in case per unit (MI, ADR 014)', () => {
  it('two openings for one unit at once: exactly one lands, the other is 409 MOVE_IN.UNIT_HAS_CASE naming it', async () => {
    const { won, lost } = settledOf(
      await Promise.allSettled([
        openTicket(deps, office, moveIn('3-2-1502')),
        openTicket(deps, office, moveIn('3-2-1502')),
      ]),
    );
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const error = lost[0] as IllegalTransition;
    expect(error).toBeInstanceOf(IllegalTransition);
    expect([error.code, error.field]).toEqual(['MOVE_IN.UNIT_HAS_CASE', 'unit']);
    expect(error.message).toContain(String(won[0]?.number));
    expect(error.message).toContain(String(won[0]?.id));
    // No gap: every number handed out is the case's page or a void one.
    const register = await registerOfDay();
    expect(register.pages).toHaveLength(register.value);
    expect(register.pages.filter((p) => !p.void).map((p) => p.number)).toEqual([won[0]?.number]);
  });

  it('both read the claim before either wrote: the transaction’s condition is the guard; the loser’s number is voided at once', async () => {
    // Both requests pass the read (as two containers can), so both reserve a number and write.
    const racing: CoreDeps = {
      ...deps,
      store: Object.assign(Object.create(store) as DynamoTicketStore, { claimHolder: async () => undefined }),
    };
    const before = await registerOfDay();
    const { won, lost } = settledOf(
      await Promise.allSettled([
        openTicket(racing, office, moveIn('5-1-0801')),
        openTicket(racing, office, moveIn(' ５-１-０８０１ ')),
      ]),
    );
    expect(won).toHaveLength(1);
    expect((lost[0] as IllegalTransition).code).toBe('MOVE_IN.UNIT_HAS_CASE');
    expect((lost[0] as Error).message).toContain(String(won[0]?.number));
    const after = await registerOfDay();
    expect(after.value).toBe(before.value + 2);
    // The refused one's page is void now, not when the reconciler comes round.
    expect(after.pages).toHaveLength(after.value);
    expect(after.pages.slice(before.value).filter((p) => p.void)).toHaveLength(1);
    const listed = await store.list({ parkId: 'park-1', kind: 'move-in', limit: 10 });
    expect(
      listed.tickets.filter((t) => t.kind === 'move-in' && moveInUnitKey(t.unit) === '5-1-0801'),
    ).toHaveLength(1);
  });

  it('the completion’s transaction releases the unit; a new case for it then opens', async () => {
    const first = (await openTicket(deps, office, moveIn('8-3-2201'))).ticket;
    await expect(openTicket(deps, office, moveIn('8-3-2201'))).rejects.toMatchObject({
      code: 'MOVE_IN.UNIT_HAS_CASE',
    });
    const event = {
      type: 'move-in.completed',
      data: { openRepairs: 0 },
      seq: first.version + 1,
      at: clock.now().toISOString(),
      actor: { staffId: 'property-office-1' },
    } as unknown as TicketEventOf;
    const done = { ...first, status: 'completed', version: first.version + 1 } as typeof first;
    await store.append(done, event, first.version, undefined, [
      { type: 'move-in-unit', parkId: 'park-1', value: '8-3-2201' },
    ]);
    const claim = await db.send(
      new GetCommand({ TableName: tableName, Key: keys.moveInClaim('park-1', '8-3-2201') }),
    );
    expect(claim.Item).toMatchObject({ ticketId: first.id, releasedBy: first.id, itemType: 'open-claim' });
    const second = (await openTicket(deps, office, moveIn('8-3-2201'))).ticket;
    expect(second.id).not.toBe(first.id);
    expect(await store.claimHolder({ type: 'move-in-unit', parkId: 'park-1', value: '8-3-2201' })).toEqual({
      ticketId: second.id,
      number: second.number,
    });
  });

  it('a case opened before claims existed completes all the same (its release finds no claim)', async () => {
    const old = (await openTicket(deps, office, moveIn('9-9-9999'))).ticket;
    const release = [{ type: 'move-in-unit' as const, parkId: 'park-1', value: 'NO-CLAIM-UNIT' }];
    const event = {
      type: 'move-in.completed',
      data: { openRepairs: 0 },
      seq: old.version + 1,
      at: clock.now().toISOString(),
      actor: { staffId: 'property-office-1' },
    } as unknown as TicketEventOf;
    await store.append(
      { ...old, status: 'completed', version: old.version + 1 } as typeof old,
      event,
      old.version,
      undefined,
      release,
    );
    expect(await store.claimHolder(release[0] as (typeof release)[0])).toBeUndefined();
  });

  it('a case opened before claims existed completes even when a newer case holds its unit (that claim stays)', async () => {
    const legacy = (await openTicket(deps, office, moveIn('7-7-0707'))).ticket;
    const claim = { type: 'move-in-unit' as const, parkId: 'park-1', value: '7-7-0707' };
    // As if `legacy` was opened before claims: the unit's claim is a newer case's.
    const newer = { ...legacy, id: '01NEWERCASE0000000000000000', number: 'M20261127-099' };
    await db.send(new DeleteCommand({ TableName: tableName, Key: keys.moveInClaim('park-1', '7-7-0707') }));
    await store.create(
      newer,
      { ...(await store.history(legacy.id))?.events[0], seq: 1 } as TicketEventOf,
      undefined,
      undefined,
      [claim],
    );
    const event = {
      type: 'move-in.completed',
      data: { openRepairs: 0 },
      seq: legacy.version + 1,
      at: clock.now().toISOString(),
      actor: { staffId: 'property-office-1' },
    } as unknown as TicketEventOf;
    await store.append(
      { ...legacy, status: 'completed', version: legacy.version + 1 } as typeof legacy,
      event,
      legacy.version,
      undefined,
      [claim],
    );
    expect((await store.get(legacy.id))?.status).toBe('completed');
    expect(await store.claimHolder(claim)).toEqual({ ticketId: newer.id, number: newer.number });
  });
});
