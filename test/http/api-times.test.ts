/**
 * Issue 11 item 23: the API answers times as the park's clocks read them, with the offset
 * (`2026-11-27T15:00:00+08:00`), as its SMS do: the ticket, its timers, its timeline, the list, a
 * command's answer and an Idempotency-Key replay. Stored times stay UTC.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

const MORNING = '2026-11-27T09:00:00+08:00';
let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  expect((await desk.call('POST', '/local/clock', { body: { set: MORNING } })).status).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

/** Every string in an answer that is a whole ISO time, with the path it is at. */
function timesIn(value: unknown, path = '$'): [string, string][] {
  if (typeof value === 'string') {
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(value)
      ? [[path, value]]
      : [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => timesIn(item, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => timesIn(item, `${path}.${key}`));
  }
  return [];
}

/** Every time in the answer is in Shanghai's offset; none is UTC. */
function inShanghaiTime(answer: unknown): [string, string][] {
  const times = timesIn(answer);
  expect(times.length).toBeGreaterThan(0);
  expect(times.filter(([, time]) => !time.endsWith('+08:00'))).toEqual([]);
  return times;
}

describe("times in the API are the park's, with the offset", () => {
  it('opening a booked repair, reading it, listing it, assigning it', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }),
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    inShanghaiTime(opened.body);
    // The desk's stepped clock moves a few milliseconds a read.
    expect(opened.body.ticket.createdAt).toMatch(/^2026-11-27T09:00:00(\.\d{3})?\+08:00$/);
    expect(opened.body.ticket.appointmentAt).toBe('2026-11-28T10:00:00+08:00');
    const id = opened.body.ticket.id as string;

    const read = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(read.status).toBe(200);
    const times = inShanghaiTime(read.body);
    // The timers and the timeline too, not only the ticket's own fields.
    expect(times.some(([path]) => path.startsWith('$.timers.'))).toBe(true);
    expect(times.some(([path]) => path.startsWith('$.timeline['))).toBe(true);

    const listed = await desk.call('GET', '/tickets?kind=repair', { token: dispatcher });
    expect(listed.status).toBe(200);
    inShanghaiTime(listed.body);

    const assigned = await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
    inShanghaiTime(assigned.body);
  });

  it("an Idempotency-Key replay answers in the park's time as the first answer did", async () => {
    const request = {
      token: dispatcher,
      body: repairBody(),
      headers: { 'idempotency-key': 'api-times-replay-0001' },
    };
    const first = await desk.call('POST', '/tickets', request);
    const again = await desk.call('POST', '/tickets', request);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    inShanghaiTime(again.body);
    expect(again.body).toEqual(first.body);
  });

  it('an error answer is left as it is', async () => {
    const res = await desk.call('GET', '/tickets/01JDX0000000000000000000ZZ', { token: dispatcher });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBeDefined();
  });
});
