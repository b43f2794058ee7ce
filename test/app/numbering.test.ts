/**
 * RP-5 / CH-11: register numbers in page order per park and day, across several containers (each
 * with its own store and cache), with no read of the counter when the container's guess is right.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { CoreDeps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
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
  it('two containers interleaving get consecutive numbers: one UpdateItem takes the number, one transaction writes, no read', async () => {
    const a = container();
    const b = container();
    const n1 = (await openTicket(a.deps, dispatcher, repair)).ticket.number;
    const n2 = (await openTicket(b.deps, dispatcher, repair)).ticket.number;
    a.calls.length = 0;
    // A knows nothing of B's number: the counter hands out 003 (ADR 010), no guess, no retry.
    const n3 = (await openTicket(a.deps, dispatcher, repair)).ticket.number;
    expect([n1, n2, n3]).toEqual(['R20261127-001', 'R20261127-002', 'R20261127-003']);
    expect(a.calls.filter((c) => c !== 'QueryCommand')).toEqual([
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
