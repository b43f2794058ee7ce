/**
 * RP-5 / CH-11: register numbers in page order per park and day, across several containers (each
 * with its own store), gap-free and unique under a burst of 50 at once, and with no gap when a
 * request dies between taking its number and writing its ticket (ADR 010).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { keys } from '../../shared/adapters/dynamo/table';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { CoreDeps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { RECONCILE_DEFAULTS, reconcile } from '../../shared/app/reconcile';
import { IntakeConflict } from '../../shared/domain/errors';
import { awsDeps } from '../support/aws-deps';
import { dynamoClient, freshStore, logCalls } from '../support/store';

const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };
const repair = {
  kind: 'repair' as const,
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-27T15:00:00+08:00',
  decision: 'dispatch' as const,
};

let tableName: string;
const clock = new AdjustableClock();

/** A "container": its own client (with a call log) and its own store. */
function container() {
  const client = dynamoClient();
  const calls: string[] = [];
  logCalls(client, calls);
  const store = new DynamoTicketStore(documentClient(client), tableName);
  const deps: CoreDeps = { store, directory: store, clock, ids: new UlidIds(clock) };
  return { deps, calls };
}

beforeAll(async () => {
  tableName = (await freshStore()).tableName;
  clock.set(new Date('2026-11-27T10:00:00+08:00'));
});

describe('work-order numbers (RP-5)', () => {
  it('two containers interleaving get consecutive numbers: one UpdateItem takes the number, one transaction writes, no read of the register', async () => {
    const a = container();
    const b = container();
    const n1 = (await openTicket(a.deps, dispatcher, repair)).ticket.number;
    const n2 = (await openTicket(b.deps, dispatcher, repair)).ticket.number;
    a.calls.length = 0;
    // A knows nothing of B's number: the counter hands out 003 (ADR 010), no guess, no retry.
    const n3 = (await openTicket(a.deps, dispatcher, repair)).ticket.number;
    expect([n1, n2, n3]).toEqual(['R20261127-001', 'R20261127-002', 'R20261127-003']);
    // The one GetItem is the caller's unit, checked against the directory (issue 11 item 21).
    expect(a.calls.filter((c) => c !== 'QueryCommand')).toEqual([
      'GetItemCommand',
      'UpdateItemCommand',
      'TransactWriteItemsCommand',
    ]);
  });

  it('a new park-local day starts again at 001 (the day turns at midnight Asia/Shanghai, 16:00 UTC)', async () => {
    const a = container();
    clock.set(new Date('2026-11-27T15:59:59Z'));
    expect((await openTicket(a.deps, dispatcher, repair)).ticket.number).toBe('R20261127-004');
    clock.set(new Date('2026-11-27T16:00:00Z'));
    expect((await openTicket(a.deps, dispatcher, repair)).ticket.number).toBe('R20261128-001');
  });

  it('RP-5: a declined request takes no number', async () => {
    const a = container();
    clock.set(new Date('2026-11-29T10:00:00+08:00'));
    const declined = await openTicket(a.deps, dispatcher, {
      ...repair,
      decision: 'decline',
      declineReason: '不在服务范围内。',
    });
    expect(declined.ticket.number).toBeUndefined();
    expect((await openTicket(a.deps, dispatcher, repair)).ticket.number).toBe('R20261129-001');
  });
});

/** The register's pages for a day (one per number handed out), in page order. */
async function pagesOf(day: string): Promise<{ number: string; ticketId?: string; void?: boolean }[]> {
  const db = documentClient(dynamoClient());
  const out = await db.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :page)',
      ExpressionAttributeValues: { ':pk': keys.counter('park-1', 'R', day).pk, ':page': 'NUMBER#' },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map((item) => ({
    number: String(item.number),
    ...(item.ticketId ? { ticketId: String(item.ticketId) } : {}),
    ...(item.void ? { void: true } : {}),
  }));
}

const numbersOf = (day: string, count: number) =>
  Array.from({ length: count }, (_, i) => `R${day}-${String(i + 1).padStart(3, '0')}`);

describe('a burst on one register (RP-5, CH-11; ADR 010)', () => {
  it('50 intakes at once, each in a container of its own as Lambda runs them: all opened, 001..050, one page each', async () => {
    clock.set(new Date('2026-12-05T10:00:00+08:00'));
    const containers = Array.from({ length: 50 }, () => container());

    const results = await Promise.allSettled(
      containers.map((c, i) => openTicket(c.deps, dispatcher, { ...repair, description: `并发报修 ${i}` })),
    );

    const refused = results.flatMap((r) => (r.status === 'rejected' ? [String(r.reason)] : []));
    expect(refused).toEqual([]);
    const tickets = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value.ticket] : []));
    expect(tickets.map((t) => t.number).sort()).toEqual(numbersOf('20261205', 50));
    expect(new Set(tickets.map((t) => t.id)).size).toBe(50);
    // Every number's page names the ticket that holds it.
    const byNumber = new Map(tickets.map((t) => [t.number, t.id] as const));
    const pages = await pagesOf('20261205');
    expect(pages.map((p) => p.number)).toEqual(numbersOf('20261205', 50));
    for (const page of pages) expect(page.ticketId).toBe(byNumber.get(page.number));
  }, 120_000);

  it('two copies of one request (one claim) hold one number; the second write finds the ticket there', async () => {
    clock.set(new Date('2026-12-06T10:00:00+08:00'));
    const a = container();
    const b = container();
    const id = new UlidIds(clock).next();
    const sameId = (deps: CoreDeps): CoreDeps => ({ ...deps, ids: { next: () => id } });

    const [first, second] = await Promise.allSettled([
      openTicket(sameId(a.deps), dispatcher, repair),
      openTicket(sameId(b.deps), dispatcher, repair),
    ]);
    const next = await openTicket(a.deps, dispatcher, repair);

    const opened = [first, second].filter((r) => r.status === 'fulfilled');
    const lost = [first, second].flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
    expect(opened).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]).toBeInstanceOf(IntakeConflict);
    expect((lost[0] as IntakeConflict).taken).toContain('ticket');
    // No number was lost to the copy: the next intake takes 002.
    expect(next.ticket.number).toBe('R20261206-002');
    expect((await pagesOf('20261206')).map((p) => p.number)).toEqual(numbersOf('20261206', 2));
  });

  it('a number whose request died before writing its ticket gets a void page from the reconciler: no gap', async () => {
    clock.set(new Date('2026-12-07T10:00:00+08:00'));
    const a = container();
    await openTicket(a.deps, dispatcher, repair);
    // A request takes 002 and dies before its transaction (a crash or a timeout between the writes).
    const dead = new UlidIds(clock).next();
    expect(
      await a.deps.store.reserveNumber(
        { parkId: 'park-1', register: 'R', day: '20261207' },
        dead,
        clock.now(),
      ),
    ).toBe(2);
    await openTicket(a.deps, dispatcher, repair);
    const deps = awsDeps(a.deps.store as DynamoTicketStore, clock);

    // Within the lease the register is left alone: the request may still be writing.
    clock.advance(60_000);
    expect((await reconcile(deps)).numbersVoided).toBe(0);
    clock.advance(RECONCILE_DEFAULTS.leaseMs);
    const report = await reconcile(deps);
    const again = await reconcile(deps);

    expect(report).toMatchObject({ numbersVoided: 1, errors: 0 });
    expect(again).toMatchObject({ numbersVoided: 0, errors: 0 });
    expect(await pagesOf('20261207')).toEqual([
      { number: 'R20261207-001', ticketId: expect.any(String) },
      { number: 'R20261207-002', void: true },
      { number: 'R20261207-003', ticketId: expect.any(String) },
    ]);
  });

  it('a request that outlived the lease finds its number voided and takes the next one', async () => {
    clock.set(new Date('2026-12-08T10:00:00+08:00'));
    const a = container();
    const late = new UlidIds(clock).next();
    const where = { parkId: 'park-1', register: 'R', day: '20261208' };
    expect(await a.deps.store.reserveNumber(where, late, clock.now())).toBe(1);
    clock.advance(RECONCILE_DEFAULTS.leaseMs + 60_000);
    expect((await reconcile(awsDeps(a.deps.store as DynamoTicketStore, clock))).numbersVoided).toBe(1);
    clock.set(new Date('2026-12-08T10:00:00+08:00'));

    // The same claim again (an IVR call's ticket id): 001 is void, so it is written as 002.
    const opened = await openTicket({ ...a.deps, ids: { next: () => late } }, dispatcher, repair);

    expect(opened.ticket.number).toBe('R20261208-002');
    expect(await pagesOf('20261208')).toEqual([
      { number: 'R20261208-001', void: true },
      { number: 'R20261208-002', ticketId: late },
    ]);
  });
});
