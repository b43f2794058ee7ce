/**
 * Issue 10 point 3, writes per token (ADR 011): beyond the park's `writesPerToken` in its window a
 * POST is refused with 429 `REQUEST.RATE_LIMITED` and `Retry-After`, and writes nothing. The count
 * is an item in the table (one conditional UpdateItem), so every Lambda container counts together:
 * tested on the local desk over HTTP and through the handler with API Gateway v2 events on two
 * "containers" (two stores) over one table. 100 intakes from one token once took 4.3 s, no 429.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as openTicketHandler } from '../../functions/http/open-ticket';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { LIMIT_DEFAULTS } from '../../shared/domain/limits';
import { provideDeps } from '../../shared/runtime';
import { awsDeps } from '../support/aws-deps';
import { SteppedClock } from '../support/clock';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';
import { apiEvent, DISPATCHER_ID_TOKEN_CLAIMS, invoke } from '../support/http-event';
import { freshStore } from '../support/store';

describe('on the local desk, over HTTP', () => {
  let desk: TestDesk;
  let dispatcher: string;

  beforeAll(async () => {
    // Three writes a minute per token; and one limit set wrong (0), which falls back to its default.
    desk = await startTestDesk({ limits: { writesPerToken: 3, writeWindowSeconds: 60, smsPerTicket: 0 } });
    dispatcher = desk.token('dispatcher');
    await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:10+08:00' } });
  });
  afterAll(async () => {
    await desk?.close();
  });

  const post = (path: string, body: unknown, token = dispatcher) =>
    fetch(`${desk.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const count = async () =>
    (await desk.call('GET', '/tickets?limit=100', { token: dispatcher })).body.tickets.length as number;

  it('the fourth write in the minute is 429 REQUEST.RATE_LIMITED with Retry-After, and writes nothing', async () => {
    // Prepare: three writes (two intakes, one assignment); a body refused with 400 costs nothing.
    const first = (await (await post('/tickets', repairBody())).json()) as { ticket: { id: string } };
    expect((await post('/tickets', repairBody())).status).toBe(201);
    expect((await post('/tickets', { kind: 'repair' })).status).toBe(400);
    const assign = await post(`/tickets/${first.ticket.id}/assign`, { staffId: 'technician-1' });
    expect(assign.status).toBe(200);
    const before = await count();

    // Act
    const refused = await post('/tickets', repairBody());
    const refusedStep = await post(`/tickets/${first.ticket.id}/close`, {});

    // Assess: 50 s left of the minute (09:00:10 → 09:01:00); reads and other tokens go on.
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('50');
    const body = await refused.json();
    expect(body).toEqual({
      error: { code: 'REQUEST.RATE_LIMITED', message: expect.stringMatching(/3 .* 60 s/) },
    });
    expect(refusedStep.status).toBe(429);
    expect(await count()).toBe(before);
    expect((await post('/tickets', repairBody(), desk.token('duty-officer'))).status).toBe(201);

    // The next window: the token writes again.
    await desk.call('POST', '/local/clock', { body: { advance: 'PT50S' } });
    expect((await post('/tickets', repairBody())).status).toBe(201);
  });

  it("GET /parks/{id} shows the limits in force: the park's own, a default for one set wrong, and a warning", async () => {
    const park = await desk.call('GET', '/parks/park-1', { token: dispatcher });
    expect(park.status).toBe(200);
    expect(park.body.limits).toEqual({ ...LIMIT_DEFAULTS, writesPerToken: 3 });
    expect(park.body.limitWarnings).toEqual([
      'limits.smsPerTicket is not a whole number from 1 to 10000; the default is used',
    ]);
  });
});

describe('through the Lambda handler, on two containers', () => {
  afterAll(() => provideDeps(undefined));

  it('counts in the table: four writes across both containers, the fifth 429 with Retry-After', async () => {
    // Prepare: four writes a minute; two stores on one table, as two warm containers would have.
    const env = await freshStore({ limits: { writesPerToken: 4 } });
    // A clock only the test moves: Retry-After must not depend on how fast the machine is.
    const clock = new SteppedClock(new Date('2026-11-27T09:00:30+08:00'));
    const containers = [
      awsDeps(env.store, clock),
      awsDeps(new DynamoTicketStore(env.db, env.tableName), clock),
    ];
    const intake = (container: number) => {
      provideDeps(containers[container]);
      return invoke(
        openTicketHandler,
        apiEvent('POST /tickets', { claims: DISPATCHER_ID_TOKEN_CLAIMS, body: repairBody() }),
      );
    };

    // Act: alternately on each container.
    const statuses = [];
    for (const container of [0, 1, 0, 1]) statuses.push((await intake(container)).status);
    const fifth = await intake(0);
    clock.advance(30_000);
    const nextMinute = await intake(1);

    // Assess
    expect(statuses).toEqual([201, 201, 201, 201]);
    expect(fifth.status).toBe(429);
    expect(fifth.headers['retry-after']).toBe('30');
    expect(fifth.body.error.code).toBe('REQUEST.RATE_LIMITED');
    expect(nextMinute.status).toBe(201);
  });
});
