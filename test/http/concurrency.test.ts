/**
 * Requests that race: two commands on the same ticket version never both land as if the other had
 * not happened (one wins, the other is told 409, or they serialize), and repairs opened at the same
 * moment still get distinct, consecutive work-order numbers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDesk, repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  const clock = await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
  expect(clock.status).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

type Res = Awaited<ReturnType<TestDesk['call']>>;

describe('racing commands on one ticket', () => {
  const ROUNDS = 6;

  it(`two assigns fired at once on the same version: never a lost update (${ROUNDS} fresh tickets)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
      expect(opened.status).toBe(201);
      const id: string = opened.body.ticket.id;

      const staffIds = ['technician-1', 'technician-2'];
      const results: Res[] = await Promise.all(
        staffIds.map((staffId) =>
          desk.call('POST', `/tickets/${id}/assign`, { token: dispatcher, body: { staffId } }),
        ),
      );

      const ok = results.flatMap((r, i) => (r.status === 200 ? [staffIds[i]] : []));
      const refused = results.filter((r) => r.status !== 200);
      // Either one won and the other was told, or both went through one after the other.
      expect(ok.length + refused.length).toBe(2);
      expect(ok.length).toBeGreaterThanOrEqual(1);
      for (const r of refused) {
        expect(r.status, JSON.stringify(r.body)).toBe(409);
        expect(r.body.error.code).toBe('TICKET.CONCURRENT_CHANGE');
        expect(r.body.error.message).not.toMatch(/\.ts:\d|\n\s+at /);
      }

      const view = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
      expect(view.status).toBe(200);
      // Every 200 is one version step and one event in the timeline; nothing more, nothing less.
      expect(view.body.version).toBe(1 + ok.length);
      const events = view.body.timeline.filter((e: { type: string }) => e.type !== 'sms');
      expect(events.map((e: { type: string }) => e.type)).toEqual([
        'repair.opened',
        ...ok.map(() => 'ticket.assigned'),
      ]);
      expect(events.map((e: { seq: number }) => e.seq)).toEqual(events.map((_: unknown, i: number) => i + 1));
      const assignedTo = events.slice(1).map((e: { data: { staffId: string } }) => e.data.staffId);
      expect([...assignedTo].sort()).toEqual([...ok].sort());
      // The ticket shows the assignee of its last event, and each 200 answered with its own version.
      expect(view.body.assigneeId).toBe(assignedTo.at(-1));
      const answeredVersions = results.filter((r) => r.status === 200).map((r) => r.body.ticket.version);
      expect([...answeredVersions].sort()).toEqual(ok.map((_, i) => 2 + i));
    }
  });

  it('two different commands racing (acknowledge by the assignee vs reassign by the dispatcher): no lost update', async () => {
    for (let round = 0; round < 4; round++) {
      const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
      const id: string = opened.body.ticket.id;
      const assigned = await desk.call('POST', `/tickets/${id}/assign`, {
        token: dispatcher,
        body: { staffId: 'technician-1' },
      });
      expect(assigned.status).toBe(200);

      const [ack, reassign] = await Promise.all([
        desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk.token('technician-1') }),
        desk.call('POST', `/tickets/${id}/assign`, { token: dispatcher, body: { staffId: 'technician-2' } }),
      ]);
      const statuses = [ack.status, reassign.status];
      for (const r of [ack, reassign]) {
        if (r.status !== 200)
          expect(r.body.error.code).toMatch(/^(TICKET\.CONCURRENT_CHANGE|AUTH\.FORBIDDEN)$/);
      }
      const wins = statuses.filter((s) => s === 200).length;
      expect(wins).toBeGreaterThanOrEqual(1);

      const view = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
      expect(view.body.version).toBe(2 + wins);
      const events = view.body.timeline.filter((e: { type: string }) => e.type !== 'sms');
      expect(events).toHaveLength(2 + wins);
    }
  });
});

describe('repairs opened at the same moment', () => {
  /** Every ticket of the park (all kinds), following cursors. */
  async function allTickets(): Promise<{ id: string; number?: string }[]> {
    const out: { id: string; number?: string }[] = [];
    let cursor: string | undefined;
    do {
      const res = await desk.call('GET', `/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
        token: dispatcher,
      });
      expect(res.status).toBe(200);
      out.push(...res.body.tickets);
      cursor = res.body.cursor;
    } while (cursor);
    return out;
  }

  const numbersOf = (day: string, count: number) =>
    Array.from({ length: count }, (_, i) => `R${day}-${String(i + 1).padStart(3, '0')}`);

  const openTen = () =>
    Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        desk.call('POST', '/tickets', {
          token: dispatcher,
          body: repairBody({ description: `并发报修 ${i}` }),
        }),
      ),
    );

  it('10 repairs opened at once: distinct numbers without gaps, a refusal is a 409 that wrote nothing, a resend fills 001..010', async () => {
    // A desk of its own: the next day would first fire the clocks of the repairs opened above.
    desk = await freshDesk(desk, '2026-11-28T09:00:00+08:00');
    const before = await allTickets();

    const results = await openTen();
    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status !== 201);
    for (const r of refused) {
      expect(r.status, JSON.stringify(r.body)).toBe(409);
      expect(r.body.error.code).toBe('TICKET.CONCURRENT_CHANGE');
    }
    // The numbers handed out are 001..N: distinct, consecutive, none skipped by a refused request.
    expect(created.map((r) => r.body.ticket.number).sort()).toEqual(numbersOf('20261128', created.length));
    // Refused requests stored nothing.
    const after = await allTickets();
    expect(after).toHaveLength(before.length + created.length);
    const stored = new Map(after.map((t) => [t.id, t.number] as const));
    for (const r of created) expect(stored.get(r.body.ticket.id)).toBe(r.body.ticket.number);

    // Sending the refused ones again, one at a time, completes the day's sequence.
    for (let i = 0; i < refused.length; i++) {
      const again = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
      expect(again.status).toBe(201);
      expect(again.body.ticket.number).toBe(numbersOf('20261128', created.length + i + 1).at(-1));
    }
    const day = (await allTickets())
      .flatMap((t) => (t.number?.startsWith('R20261128-') ? [t.number] : []))
      .sort();
    expect(day).toEqual(numbersOf('20261128', 10));
  });

  // A burst on one register: each request retries with a short random pause until it gets a number.
  // Three bursts, each a test of its own (one burst is the unit of work; three catch a flaky race).
  it.each(['20261201', '20261202', '20261203'])(
    '10 repairs opened concurrently all get 201 with R<day>-001..010 (%s)',
    async (day) => {
      // Each day's burst on a desk of its own, for the same reason.
      desk = await freshDesk(desk, `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T09:00:00+08:00`);
      const results = await openTen();
      for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
      expect(results.map((r) => r.body.ticket.number).sort()).toEqual(numbersOf(day, 10));
      expect(new Set(results.map((r) => r.body.ticket.id)).size).toBe(10);
    },
  );
});
