/**
 * What a caller sees when a request is wrong: a 4xx with a stable code (and the field when there is
 * one), never a stack trace, and never a trace in the data: a refused request writes nothing and
 * consumes no work-order number.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

const DAY = '20261127';

let desk: TestDesk;
let dispatcher: string;
/** The number the last successfully opened dispatched/booked repair got (R<day>-NNN). */
let lastNumber = 0;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  const clock = await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
  expect(clock.status).toBe(200);
  await openNumbered();
});
afterAll(async () => {
  await desk?.close();
});

type Res = Awaited<ReturnType<TestDesk['call']>>;

const number = (n: number) => `R${DAY}-${String(n).padStart(3, '0')}`;

/** Every repair of the park, newest first, following cursors. */
async function allRepairs(): Promise<unknown[]> {
  const tickets: unknown[] = [];
  let cursor: string | undefined;
  do {
    const res = await desk.call('GET', `/tickets?kind=repair&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token: dispatcher,
    });
    expect(res.status).toBe(200);
    tickets.push(...res.body.tickets);
    cursor = res.body.cursor;
  } while (cursor);
  return tickets;
}

/** Opens a valid dispatched repair and checks it got the next number in the day's sequence. */
async function openNumbered(overrides: Record<string, unknown> = {}): Promise<Res> {
  const res = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody(overrides) });
  expect(res.status).toBe(201);
  lastNumber++;
  expect(res.body.ticket.number).toBe(number(lastNumber));
  return res;
}

/** Asserts the shape of an error answer: status, code, field, and nothing internal in it. */
function expectError(res: Res, status: number, code: string, field?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({
    error: { code, message: expect.any(String), ...(field === undefined ? {} : { field }) },
  });
  expectNoInternals(res);
}

function expectNoInternals(res: Res): void {
  const text = typeof res.body === 'string' ? res.body : JSON.stringify(res.body);
  expect(text).not.toMatch(/\bat .+:\d+:\d+/); // a stack frame
  expect(text).not.toMatch(/\n\s+at /);
  expect(text).not.toMatch(/\.ts:\d/);
  expect(text).not.toContain('node_modules');
  expect(text).not.toContain('/work/');
  expect(text).not.toMatch(/Exception|TypeError|ZodError/);
}

/**
 * Sends a request that must be refused, and proves it left no trace: the list of repairs is the
 * same, and the next repair opened gets the very next number.
 */
async function refusedWithoutTrace(
  send: () => Promise<Res>,
  expected: { status: number; code: string; field?: string },
): Promise<Res> {
  const before = await allRepairs();
  const res = await send();
  expectError(res, expected.status, expected.code, expected.field);
  expect(await allRepairs()).toEqual(before);
  await openNumbered();
  return res;
}

const post = (body: unknown) => () => desk.call('POST', '/tickets', { token: dispatcher, body });
const postRaw = (rawBody: string) => () =>
  desk.call('POST', '/tickets', {
    token: dispatcher,
    rawBody,
    headers: { 'content-type': 'application/json' },
  });

const withCaller = (caller: Record<string, unknown>) =>
  repairBody({ caller: { ...repairBody().caller, ...caller } });
function without(key: string): Record<string, unknown> {
  const body: Record<string, unknown> = repairBody();
  delete body[key];
  return body;
}

/** A valid repair body padded with trailing whitespace to exactly `bytes` bytes. */
function paddedBody(bytes: number): string {
  const json = JSON.stringify(repairBody());
  const pad = bytes - Buffer.byteLength(json, 'utf8');
  expect(pad).toBeGreaterThan(0);
  return json + ' '.repeat(pad);
}

describe('POST /tickets: malformed or mistyped bodies are 400 and write nothing', () => {
  it('malformed JSON → 400 REQUEST.MALFORMED_JSON', async () => {
    await refusedWithoutTrace(postRaw('{"kind":"repair","caller":'), {
      status: 400,
      code: 'REQUEST.MALFORMED_JSON',
    });
  });

  it('a body that is not JSON at all (form-encoded) → 400 REQUEST.MALFORMED_JSON', async () => {
    await refusedWithoutTrace(
      () =>
        desk.call('POST', '/tickets', {
          token: dispatcher,
          rawBody: 'kind=repair&description=leak',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      { status: 400, code: 'REQUEST.MALFORMED_JSON' },
    );
  });

  it('no body at all → 400 naming kind', async () => {
    const res = await refusedWithoutTrace(() => desk.call('POST', '/tickets', { token: dispatcher }), {
      status: 400,
      code: 'REQUEST.MISSING_FIELD',
      field: 'kind',
    });
    expect(res.body.error.message).toBe('kind: required');
  });

  it('a JSON array or null instead of an object → 400', async () => {
    for (const raw of ['[]', 'null', '"repair"', '42']) {
      const before = await allRepairs();
      const res = await postRaw(raw)();
      expect(res.status, raw).toBe(400);
      expect(res.body.error.code, raw).toMatch(/^REQUEST\./);
      expectNoInternals(res);
      expect(await allRepairs()).toEqual(before);
    }
    await openNumbered();
  });

  it('an unknown top-level field → 400 REQUEST.UNKNOWN_FIELD naming it', async () => {
    const res = await refusedWithoutTrace(post(repairBody({ priority: 'high' })), {
      status: 400,
      code: 'REQUEST.UNKNOWN_FIELD',
      field: 'priority',
    });
    expect(res.body.error.message).toContain('priority');
  });

  it('an unknown nested field caller.foo → 400 REQUEST.UNKNOWN_FIELD field caller.foo', async () => {
    await refusedWithoutTrace(post(withCaller({ foo: 'bar' })), {
      status: 400,
      code: 'REQUEST.UNKNOWN_FIELD',
      field: 'caller.foo',
    });
  });

  it('an unknown field inside paidService → 400 REQUEST.UNKNOWN_FIELD field paidService.currency', async () => {
    await refusedWithoutTrace(
      post(repairBody({ paidService: { fee: 80, consent: true, currency: 'CNY' } })),
      {
        status: 400,
        code: 'REQUEST.UNKNOWN_FIELD',
        field: 'paidService.currency',
      },
    );
  });

  it('a __proto__ key is an unknown field, not a way into the object', async () => {
    const raw = JSON.stringify(repairBody()).replace(/^\{/, '{"__proto__":{"parkId":"park-2","admin":true},');
    await refusedWithoutTrace(postRaw(raw), {
      status: 400,
      code: 'REQUEST.UNKNOWN_FIELD',
      field: '__proto__',
    });
  });

  it('a missing description → 400 REQUEST.MISSING_FIELD field description', async () => {
    const res = await refusedWithoutTrace(post(without('description')), {
      status: 400,
      code: 'REQUEST.MISSING_FIELD',
      field: 'description',
    });
    expect(res.body.error.message).toBe('description: required');
  });

  it('a missing nested field caller.phone → 400 REQUEST.MISSING_FIELD field caller.phone', async () => {
    const body = repairBody({ caller: { name: '王先生', unit: '3-2-1502' } });
    await refusedWithoutTrace(post(body), {
      status: 400,
      code: 'REQUEST.MISSING_FIELD',
      field: 'caller.phone',
    });
  });

  it('wantedAt: 42 → 400 REQUEST.INVALID_FIELD field wantedAt', async () => {
    await refusedWithoutTrace(post(repairBody({ wantedAt: 42 })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'wantedAt',
    });
  });

  it('wantedAt without an offset → 400 field wantedAt (park-local wall clock is ambiguous)', async () => {
    const res = await refusedWithoutTrace(post(repairBody({ wantedAt: '2026-11-27T15:00:00' })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'wantedAt',
    });
    expect(res.body.error.message).toContain('offset');
  });

  it('paidService.fee: "x" → 400 REQUEST.INVALID_FIELD field paidService.fee', async () => {
    await refusedWithoutTrace(post(repairBody({ paidService: { fee: 'x', consent: true } })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'paidService.fee',
    });
  });

  it('a negative fee → 400 field paidService.fee', async () => {
    await refusedWithoutTrace(post(repairBody({ paidService: { fee: -5, consent: true } })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'paidService.fee',
    });
  });

  it('what cannot be a phone number (1380000) → 400 field caller.phone', async () => {
    const res = await refusedWithoutTrace(post(withCaller({ phone: '1380000' })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'caller.phone',
    });
    expect(res.body.error.message).toContain('phone number');
  });

  it('a blank description → 400 field description', async () => {
    await refusedWithoutTrace(post(repairBody({ description: '   ' })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'description',
    });
  });

  it('a description over 500 characters → 400 field description', async () => {
    await refusedWithoutTrace(post(repairBody({ description: '漏'.repeat(501) })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'description',
    });
  });

  it('an unknown decision → 400 field decision', async () => {
    await refusedWithoutTrace(post(repairBody({ decision: 'later' })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'decision',
    });
  });

  it('an unknown kind ("praise") → 400 field kind, listing the kinds there are', async () => {
    const res = await refusedWithoutTrace(post(repairBody({ kind: 'praise' })), {
      status: 400,
      code: 'REQUEST.INVALID_FIELD',
      field: 'kind',
    });
    expect(res.body.error.message).toMatch(/^kind: must be one of: repair/);
  });

  it('a body over 64 KB → 413 REQUEST.TOO_LARGE', async () => {
    await refusedWithoutTrace(postRaw(paddedBody(64 * 1024 + 1)), { status: 413, code: 'REQUEST.TOO_LARGE' });
  });

  it('a body over 1 MB → 413 REQUEST.TOO_LARGE (refused before it reaches the handler)', async () => {
    await refusedWithoutTrace(postRaw(paddedBody(1024 * 1024 + 1)), {
      status: 413,
      code: 'REQUEST.TOO_LARGE',
    });
  });

  it('a body of exactly 64 KB is accepted (201)', async () => {
    const res = await postRaw(paddedBody(64 * 1024))();
    expect(res.status).toBe(201);
    lastNumber++;
    expect(res.body.ticket.number).toBe(number(lastNumber));
  });

  it('a parkId the token does not cover → 404 PARK.NOT_FOUND on parkId', async () => {
    await refusedWithoutTrace(post(repairBody({ parkId: 'park-9' })), {
      status: 404,
      code: 'PARK.NOT_FOUND',
      field: 'parkId',
    });
  });
});

describe('POST /tickets: the repair rules (RP-2, RP-4) are 422 and write nothing', () => {
  it('decision appointment without appointmentAt → 422 REPAIR.APPOINTMENT_REQUIRED', async () => {
    await refusedWithoutTrace(post(repairBody({ decision: 'appointment' })), {
      status: 422,
      code: 'REPAIR.APPOINTMENT_REQUIRED',
      field: 'appointmentAt',
    });
  });

  it('an appointment in the past → 422 REPAIR.APPOINTMENT_IN_PAST', async () => {
    await refusedWithoutTrace(
      post(repairBody({ decision: 'appointment', appointmentAt: '2026-11-26T10:00:00+08:00' })),
      { status: 422, code: 'REPAIR.APPOINTMENT_IN_PAST', field: 'appointmentAt' },
    );
  });

  it('appointmentAt on a dispatch → 422 REPAIR.APPOINTMENT_NOT_EXPECTED', async () => {
    await refusedWithoutTrace(post(repairBody({ appointmentAt: '2026-11-29T10:00:00+08:00' })), {
      status: 422,
      code: 'REPAIR.APPOINTMENT_NOT_EXPECTED',
      field: 'appointmentAt',
    });
  });

  it('decline without a reason → 422 REPAIR.DECLINE_REASON_REQUIRED', async () => {
    await refusedWithoutTrace(post(repairBody({ decision: 'decline' })), {
      status: 422,
      code: 'REPAIR.DECLINE_REASON_REQUIRED',
      field: 'declineReason',
    });
  });

  it('a decline reason on a dispatch → 422 REPAIR.DECLINE_REASON_NOT_EXPECTED', async () => {
    await refusedWithoutTrace(post(repairBody({ declineReason: '不在范围内' })), {
      status: 422,
      code: 'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      field: 'declineReason',
    });
  });

  it('RP-4: a paid service without consent → 422 REPAIR.PAID_SERVICE_CONSENT_REQUIRED', async () => {
    await refusedWithoutTrace(post(repairBody({ paidService: { fee: 80, consent: false } })), {
      status: 422,
      code: 'REPAIR.PAID_SERVICE_CONSENT_REQUIRED',
      field: 'paidService.consent',
    });
  });

  it('RP-4: a booked paid service without consent → 422 too', async () => {
    await refusedWithoutTrace(
      post(
        repairBody({
          decision: 'appointment',
          appointmentAt: '2026-11-29T10:00:00+08:00',
          paidService: { fee: 80, consent: false },
        }),
      ),
      { status: 422, code: 'REPAIR.PAID_SERVICE_CONSENT_REQUIRED', field: 'paidService.consent' },
    );
  });

  it('RP-4: a paid service with consent → 201 with the next number and the fee in the confirmation', async () => {
    const res = await openNumbered({ paidService: { fee: 80, consent: true } });
    expect(res.body.ticket.paidService).toEqual({ fee: 80, consent: true });
    expect(res.body.script.confirmation).toContain('费用80元');
  });

  it('a decline is stored but takes no number: the next repair continues the sequence', async () => {
    const declined = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ decision: 'decline', declineReason: '不在物业维修范围内。' }),
    });
    expect(declined.status).toBe(201);
    expect(declined.body.ticket.number).toBeUndefined();
    await openNumbered();
  });

  it('after all the refusals above, the day’s numbers have no gaps', async () => {
    const numbers = ((await allRepairs()) as { number?: string }[])
      .map((t) => t.number)
      .filter((n): n is string => n !== undefined)
      .sort();
    expect(numbers).toEqual(Array.from({ length: lastNumber }, (_, i) => number(i + 1)));
  });
});

describe('ticket commands: wrong ticket, command or body', () => {
  let id: string;

  beforeAll(async () => {
    id = (await openNumbered()).body.ticket.id;
  });

  async function view(ticketId: string) {
    const res = await desk.call('GET', `/tickets/${ticketId}`, { token: dispatcher });
    expect(res.status).toBe(200);
    return res.body;
  }

  /** A refused command leaves the ticket exactly as it was (status, version, timeline). */
  async function refusedCommand(
    ticketId: string,
    send: () => Promise<Res>,
    expected: { status: number; code: string; field?: string },
  ): Promise<Res> {
    const before = await view(ticketId);
    const res = await send();
    expectError(res, expected.status, expected.code, expected.field);
    expect(await view(ticketId)).toEqual(before);
    return res;
  }

  const command = (ticketId: string, name: string, body?: unknown) => () =>
    desk.call('POST', `/tickets/${ticketId}/${name}`, {
      token: dispatcher,
      ...(body === undefined ? {} : { body }),
    });

  it('an unknown ticket id → 404 TICKET.NOT_FOUND', async () => {
    const res = await command('01JNOSUCHTICKET00000000000', 'assign', { staffId: 'technician-1' })();
    expectError(res, 404, 'TICKET.NOT_FOUND', 'id');
  });

  it('an unknown command (/explode) → 404 ROUTE.NOT_FOUND listing the commands', async () => {
    const res = await refusedCommand(id, command(id, 'explode'), { status: 404, code: 'ROUTE.NOT_FOUND' });
    expect(res.body.error.message).toContain('assign, acknowledge, complete, close');
  });

  it('a command named like an object property (/constructor, /__proto__) → 404 ROUTE.NOT_FOUND', async () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      await refusedCommand(id, command(id, name), { status: 404, code: 'ROUTE.NOT_FOUND' });
    }
  });

  it('assign to an unknown staffId → 404 STAFF.NOT_FOUND field staffId', async () => {
    await refusedCommand(id, command(id, 'assign', { staffId: 'technician-99' }), {
      status: 404,
      code: 'STAFF.NOT_FOUND',
      field: 'staffId',
    });
  });

  it('assign to someone who is not a technician (cleaner-1) → 422 REPAIR.NOT_A_TECHNICIAN', async () => {
    await refusedCommand(id, command(id, 'assign', { staffId: 'cleaner-1' }), {
      status: 422,
      code: 'REPAIR.NOT_A_TECHNICIAN',
      field: 'staffId',
    });
  });

  it('assign without staffId → 400 REQUEST.MISSING_FIELD field staffId', async () => {
    await refusedCommand(id, command(id, 'assign', {}), {
      status: 400,
      code: 'REQUEST.MISSING_FIELD',
      field: 'staffId',
    });
  });

  it('assign with malformed JSON → 400 REQUEST.MALFORMED_JSON', async () => {
    await refusedCommand(
      id,
      () =>
        desk.call('POST', `/tickets/${id}/assign`, {
          token: dispatcher,
          rawBody: '{"staffId":',
          headers: { 'content-type': 'application/json' },
        }),
      { status: 400, code: 'REQUEST.MALFORMED_JSON' },
    );
  });

  it('a body on a command that takes none (close {note}) → 400 REQUEST.UNKNOWN_FIELD field note', async () => {
    await refusedCommand(id, command(id, 'close', { note: 'done' }), {
      status: 400,
      code: 'REQUEST.UNKNOWN_FIELD',
      field: 'note',
    });
  });

  it('complete without serviceSlip → 400 REQUEST.MISSING_FIELD field serviceSlip', async () => {
    await refusedCommand(id, command(id, 'complete', {}), {
      status: 400,
      code: 'REQUEST.MISSING_FIELD',
      field: 'serviceSlip',
    });
  });

  it('complete with a slip missing signedBy → 400 field serviceSlip.signedBy', async () => {
    await refusedCommand(id, command(id, 'complete', { serviceSlip: { number: 'FW-1' } }), {
      status: 400,
      code: 'REQUEST.MISSING_FIELD',
      field: 'serviceSlip.signedBy',
    });
  });

  it('an illegal step (close a dispatched repair) → 409 TICKET.ILLEGAL_TRANSITION saying what it accepts', async () => {
    const res = await refusedCommand(id, command(id, 'close'), {
      status: 409,
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
    expect(res.body.error.message).toContain('assign');
  });

  it('complete before acknowledge → 409 TICKET.ILLEGAL_TRANSITION', async () => {
    await refusedCommand(
      id,
      command(id, 'complete', { serviceSlip: { number: 'FW-2', signedBy: '王先生' } }),
      {
        status: 409,
        code: 'TICKET.ILLEGAL_TRANSITION',
      },
    );
  });

  it('a closed repair accepts nothing but the correction reopen: assign → 409', async () => {
    const closedId = (await openNumbered()).body.ticket.id;
    const tech = desk.token('technician-1');
    expect((await command(closedId, 'assign', { staffId: 'technician-1' })()).status).toBe(200);
    expect((await desk.call('POST', `/tickets/${closedId}/acknowledge`, { token: tech })).status).toBe(200);
    const completed = await desk.call('POST', `/tickets/${closedId}/complete`, {
      token: tech,
      body: { serviceSlip: { number: 'FW-3', signedBy: '王先生' } },
    });
    expect(completed.status).toBe(200);
    expect((await command(closedId, 'close')()).status).toBe(200);
    const res = await refusedCommand(closedId, command(closedId, 'assign', { staffId: 'technician-2' }), {
      status: 409,
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
    // Issue 11 item 8: only `reopen` (the resident calls back), a correction.
    expect(res.body.error.message).toContain('it accepts: reopen');
  });

  it('a long (2041-character) unknown ticket id on a command → 404 TICKET.NOT_FOUND', async () => {
    const res = await command('x'.repeat(2041), 'close')();
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('TICKET.NOT_FOUND');
  });

  // Ids are ULIDs: anything else is "not found" without reaching DynamoDB (keys over 2048 bytes would be a 500).
  it('an over-long ticket id (2042+ characters) on a command is a 4xx, not 500', async () => {
    const res = await command('x'.repeat(2042), 'close')();
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('the refused commands above left the ticket at version 1, dispatched, one event', async () => {
    const v = await view(id);
    expect(v.version).toBe(1);
    expect(v.status).toBe('dispatched');
    expect(v.timeline.map((e: { type: string }) => e.type)).toEqual(['repair.opened']);
  });
});

describe('GET /tickets: bad query parameters', () => {
  const list = (query: string) => desk.call('GET', `/tickets?${query}`, { token: dispatcher });

  for (const limit of ['0', 'abc', '101', '1.5', '-1', '']) {
    it(`limit=${limit} → 400 REQUEST.INVALID_FIELD field limit`, async () => {
      expectError(await list(`limit=${limit}`), 400, 'REQUEST.INVALID_FIELD', 'limit');
    });
  }

  it('limit=1 and limit=100 are fine', async () => {
    expect((await list('limit=1')).status).toBe(200);
    expect((await list('limit=100')).status).toBe(200);
  });

  it('a forged cursor → 400 REQUEST.INVALID_CURSOR', async () => {
    expectError(await list('kind=repair&cursor=not-a-cursor'), 400, 'REQUEST.INVALID_CURSOR', 'cursor');
    const forged = Buffer.from(
      JSON.stringify({ pk: 'TICKET#x', sk: 'TICKET', parkKindKey: 'PARK#park-2#repair', createdKey: 'x' }),
    ).toString('base64url');
    expectError(await list(`kind=repair&cursor=${forged}`), 400, 'REQUEST.INVALID_CURSOR', 'cursor');
    const injected = Buffer.from(JSON.stringify({ pk: { S: 'x' }, sk: 1 })).toString('base64url');
    expectError(await list(`kind=repair&cursor=${injected}`), 400, 'REQUEST.INVALID_CURSOR', 'cursor');
  });

  it('a real cursor used for a different list (other filter) → 400 REQUEST.INVALID_CURSOR', async () => {
    const first = await list('kind=repair&limit=1');
    expect(first.body.cursor).toBeTypeOf('string');
    expectError(await list(`cursor=${first.body.cursor}`), 400, 'REQUEST.INVALID_CURSOR', 'cursor');
    expectError(
      await list(`kind=repair&status=dispatched&cursor=${first.body.cursor}`),
      400,
      'REQUEST.INVALID_CURSOR',
      'cursor',
    );
  });

  it('status several kinds have, without kind → 400 REQUEST.KIND_REQUIRED field kind', async () => {
    expectError(await list('status=closed'), 400, 'REQUEST.KIND_REQUIRED', 'kind');
  });

  it('an unknown kind → 400 field kind; a known kind with no tickets yet → 200 empty', async () => {
    expectError(await list('kind=parcel'), 400, 'REQUEST.INVALID_FIELD', 'kind');
    const complaints = await list('kind=complaint');
    expect(complaints.status).toBe(200);
    expect(complaints.body.tickets).toEqual([]);
  });

  it('an unknown query parameter → 400 REQUEST.UNKNOWN_FIELD', async () => {
    expectError(await list('sort=asc'), 400, 'REQUEST.UNKNOWN_FIELD', 'sort');
    expectError(
      await desk.call('GET', '/staff?role=technician', { token: dispatcher }),
      400,
      'REQUEST.UNKNOWN_FIELD',
      'role',
    );
  });
});

describe('routing', () => {
  it('an unknown route → 404 ROUTE.NOT_FOUND (with or without a token)', async () => {
    expectError(await desk.call('GET', '/nothing-here', { token: dispatcher }), 404, 'ROUTE.NOT_FOUND');
    expectError(await desk.call('GET', '/nothing-here'), 404, 'ROUTE.NOT_FOUND');
    expectError(await desk.call('GET', '/tickets/', { token: dispatcher }), 404, 'ROUTE.NOT_FOUND');
    expectError(await desk.call('GET', '/tickets/a/b/c', { token: dispatcher }), 404, 'ROUTE.NOT_FOUND');
  });

  it('a wrong method on a known path → 405 ROUTE.METHOD_NOT_ALLOWED', async () => {
    expectError(
      await desk.call('DELETE', '/tickets', { token: dispatcher }),
      405,
      'ROUTE.METHOD_NOT_ALLOWED',
    );
    expectError(await desk.call('POST', '/health'), 405, 'ROUTE.METHOD_NOT_ALLOWED');
    expectError(
      await desk.call('GET', '/tickets/x/assign', { token: dispatcher }),
      405,
      'ROUTE.METHOD_NOT_ALLOWED',
    );
  });

  it('a malformed percent-escape in the path (/tickets/%E0%A4%A) is a 4xx, not 500', async () => {
    const res = await desk.call('GET', '/tickets/%E0%A4%A', { token: dispatcher });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('even the 500 for a malformed percent-escape carries no stack trace or file path', async () => {
    const res = await desk.call('POST', '/tickets/abc/%ZZ', { token: dispatcher });
    expect(res.body.error.code).toBeTypeOf('string');
    expectNoInternals(res);
  });

  it('no endpoint deletes or overwrites a ticket: DELETE/PUT/PATCH /tickets/{id} → 405, the ticket stays', async () => {
    const { id } = (await openNumbered()).body.ticket;
    const before = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    for (const method of ['DELETE', 'PUT', 'PATCH']) {
      const res = await desk.call(method, `/tickets/${id}`, {
        token: dispatcher,
        body: { status: 'closed' },
      });
      expectError(res, 405, 'ROUTE.METHOD_NOT_ALLOWED');
    }
    const after = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  });
});
