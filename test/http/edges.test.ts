/**
 * Input that used to reach a 500 (or pass when it should not), each refused with a 400 naming the
 * field: forged list cursors, fees that are not yuan to the fen, times centuries away. And what a
 * resident is texted for a fee: a plain decimal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
  // Three repairs, so a page of one has a real cursor to forge from.
  for (let i = 0; i < 3; i++) {
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await desk?.close();
});

type Res = Awaited<ReturnType<TestDesk['call']>>;

function expectError(res: Res, status: number, code: string, field?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({
    error: { code, message: expect.any(String), ...(field === undefined ? {} : { field }) },
  });
}

const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
const list = (query: string) => desk.call('GET', `/tickets?${query}`, { token: dispatcher });

describe('GET /tickets: a cursor is checked key by key against the index queried', () => {
  it('a real cursor pages on (200)', async () => {
    const first = await list('kind=repair&limit=1');
    const next = await list(`kind=repair&limit=1&cursor=${first.body.cursor}`);

    expect(next.status).toBe(200);
    expect(next.body.tickets[0].id).not.toBe(first.body.tickets[0].id);
  });

  it('a forged cursor with empty values → 400 REQUEST.INVALID_CURSOR on cursor (was a 500)', async () => {
    const forged = cursorOf({ pk: '', sk: '', createdKey: '', parkKindKey: 'PARK#park-1#repair' });

    expectError(await list(`kind=repair&cursor=${forged}`), 400, 'REQUEST.INVALID_CURSOR', 'cursor');
  });

  it.each([
    ['a ticket key of another item type', { sk: 'EVENT#000001' }],
    ['a pk that is not a ticket', { pk: 'PARK#park-1' }],
    [
      'a createdKey for another ticket',
      { createdKey: '2026-11-27T01:00:00.000Z#01JDQ3V5W6X7Y8Z9A0B1C2D3E4' },
    ],
    ['a createdKey without a time', { createdKey: 'x#ID' }],
    ['a number for a key', { sk: 1 }],
    ['an id too long for a key', { pk: `TICKET#${'A'.repeat(1200)}` }],
  ])('%s → 400 REQUEST.INVALID_CURSOR', async (_what, change) => {
    const first = await list('kind=repair&limit=1');
    const real = JSON.parse(Buffer.from(first.body.cursor, 'base64url').toString('utf8'));

    expectError(
      await list(`kind=repair&cursor=${cursorOf({ ...real, ...change })}`),
      400,
      'REQUEST.INVALID_CURSOR',
      'cursor',
    );
  });

  it('a cursor that is JSON but not an object (null, an array) → 400', async () => {
    for (const value of [null, [], 'x', 42]) {
      expectError(await list(`cursor=${cursorOf(value)}`), 400, 'REQUEST.INVALID_CURSOR', 'cursor');
    }
  });
});
