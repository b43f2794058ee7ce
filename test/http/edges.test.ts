/**
 * Input that used to reach a 500 (or pass when it should not), each refused with a 400 naming the
 * field: forged list cursors, fees that are not yuan to the fen, times centuries away. And what a
 * resident is texted for a fee: a plain decimal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EARLIEST_TIME, LATEST_TIME, MAX_FEE_YUAN } from '../../shared/schemas';
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

describe('POST /tickets: a fee is yuan with at most two decimals, at most MAX_FEE_YUAN', () => {
  const withFee = (fee: unknown) => repairBody({ paidService: { fee, consent: true } });

  it.each([
    ['1e-320 (was a 500: DynamoDB cannot store it)', 1e-320],
    ['1e-7 (was accepted and texted as 有偿1e-7元)', 1e-7],
    ['80.555 (three decimals)', 80.555],
    [`${MAX_FEE_YUAN + 0.01} (over the maximum)`, MAX_FEE_YUAN + 0.01],
    ['1e21', 1e21],
  ])('a fee of %s → 400 REQUEST.INVALID_FIELD on paidService.fee', async (_what, fee) => {
    expectError(
      await desk.call('POST', '/tickets', { token: dispatcher, body: withFee(fee) }),
      400,
      'REQUEST.INVALID_FIELD',
      'paidService.fee',
    );
  });

  it('the same bounds hold on POST /tickets/{id}/decide', async () => {
    const { decision: _none, ...undecided } = repairBody();
    const received = await desk.call('POST', '/tickets', { token: dispatcher, body: undecided });
    const res = await desk.call('POST', `/tickets/${received.body.ticket.id}/decide`, {
      token: dispatcher,
      body: { decision: 'dispatch', paidService: { fee: 1e-320, consent: true } },
    });

    expectError(res, 400, 'REQUEST.INVALID_FIELD', 'paidService.fee');
  });

  it(`80.5 and ${MAX_FEE_YUAN} are fees (201); the technician is texted 有偿80.50元`, async () => {
    expect(
      (await desk.call('POST', '/tickets', { token: dispatcher, body: withFee(MAX_FEE_YUAN) })).status,
    ).toBe(201);
    const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: withFee(80.5) });
    expect(opened.status).toBe(201);
    expect(opened.body.script.confirmation).toContain('费用80.50元');

    const id = opened.body.ticket.id;
    await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    const sms = await desk.call('GET', `/local/sms?ticketId=${id}`);

    expect(sms.body.messages.map((m: { text: string }) => m.text).join('\n')).toContain('有偿80.50元');
  });
});

describe(`times are between ${EARLIEST_TIME} and ${LATEST_TIME}`, () => {
  it.each([
    ['wantedAt', repairBody({ wantedAt: '9999-12-31T23:59:59+08:00' })],
    ['wantedAt', repairBody({ wantedAt: '1999-12-31T23:59:59Z' })],
    ['appointmentAt', repairBody({ decision: 'appointment', appointmentAt: '2100-01-01T08:00:00+08:00' })],
    [
      'occurredAt',
      {
        kind: 'complaint',
        caller: { name: '李女士', phone: '+8613800000002' },
        occurredAt: '0001-01-01T00:00:00Z',
        place: '5号楼电梯',
        description: '电梯停运',
      },
    ],
  ])('%s out of bounds → 400 REQUEST.INVALID_FIELD naming it', async (field, body) => {
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body });

    expectError(res, 400, 'REQUEST.INVALID_FIELD', field);
    expect(res.body.error.message).toContain('2000-01-01');
  });

  it('the last moment before 2100 UTC is still a time (201)', async () => {
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ wantedAt: '2100-01-01T07:59:59+08:00' }),
    });

    expect(res.status).toBe(201);
  });
});
