/**
 * Complaints at the HTTP edge: bad bodies are a clear 4xx that writes nothing and takes no
 * register number; who may do which step; the overdue filter; GET /parks/{id} with its calendar.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDesk, newCallerPhone, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:40:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
});

type Res = Awaited<ReturnType<TestDesk['call']>>;

function complaint(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    // A complainant of its own each time: the same one's second complaint would join the first (ADR 011);
    // no unit: complaints of one unit about one department are repeats (CH-1, ADR 016), not these tests' matter.
    caller: { name: '李女士', phone: newCallerPhone() },
    occurredAt: '2026-11-27T09:40:00+08:00',
    place: '5号楼电梯',
    about: { department: 'engineering' },
    description: '电梯停运两天无人处理',
    demand: '今天修好',
    valid: true,
    severity: 'important',
    ...overrides,
  };
}

function expectError(res: Res, status: number, code: string, field?: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body).toEqual({
    error: { code, message: expect.any(String), ...(field === undefined ? {} : { field }) },
  });
}

async function complaintCount(): Promise<number> {
  const res = await desk.call('GET', '/tickets?kind=complaint&limit=100', { token: dispatcher });
  return res.body.tickets.length;
}

async function openOne(overrides: Record<string, unknown> = {}): Promise<{ id: string; number: string }> {
  const res = await desk.call('POST', '/tickets', { token: dispatcher, body: complaint(overrides) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket;
}

describe('POST /tickets with kind "complaint"', () => {
  it('CH-3/CH-11: numbers complaints in page order in their own register (C + date + sequence)', async () => {
    const first = await openOne();
    const second = await openOne({ valid: false, severity: undefined });
    expect(first.number).toBe('C20261127-001');
    expect(second.number).toBe('C20261127-002');
  });

  it.each([
    ['a missing occurredAt', { occurredAt: undefined }, 400, 'REQUEST.MISSING_FIELD', 'occurredAt'],
    ['an unknown field', { complainant: '李女士' }, 400, 'REQUEST.UNKNOWN_FIELD', 'complainant'],
    ['an unknown severity', { severity: 'urgent' }, 400, 'REQUEST.INVALID_FIELD', 'severity'],
    ['an unknown department', { about: { department: 'gardening' } }, 400, 'REQUEST.INVALID_FIELD', 'about'],
    [
      'both a department and a person',
      { about: { department: 'engineering', staffId: 'technician-1' } },
      400,
      'REQUEST.INVALID_FIELD',
      'about',
    ],
    [
      'a time without offset',
      { residentDeadline: '2026-11-28 12:00' },
      400,
      'REQUEST.INVALID_FIELD',
      'residentDeadline',
    ],
    [
      'CH-1: valid without a severity',
      { severity: undefined },
      422,
      'COMPLAINT.SEVERITY_REQUIRED',
      'severity',
    ],
    ['CH-9: invalid with a severity', { valid: false }, 422, 'COMPLAINT.SEVERITY_NOT_EXPECTED', 'severity'],
    ['CH-2: a severity without validity', { valid: undefined }, 422, 'COMPLAINT.VALIDITY_REQUIRED', 'valid'],
    [
      'a person not in the directory',
      { about: { staffId: 'nobody-1' } },
      404,
      'STAFF.NOT_FOUND',
      'about.staffId',
    ],
  ])(
    'refuses %s (%d %s), writes nothing and takes no number',
    async (_what, overrides, status, code, field) => {
      const before = await complaintCount();
      expectError(
        await desk.call('POST', '/tickets', { token: dispatcher, body: complaint(overrides) }),
        status,
        code,
        field,
      );
      expect(await complaintCount()).toBe(before);
      const next = await openOne();
      expect(next.number).toBe(`C20261127-${String(before + 1).padStart(3, '0')}`);
    },
  );

  it('an unknown kind names the kinds there are', async () => {
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: complaint({ kind: 'praise' }),
    });
    expectError(res, 400, 'REQUEST.INVALID_FIELD', 'kind');
    expect(res.body.error.message).toContain('complaint');
  });

  it('field staff may not open a complaint (403)', async () => {
    expectError(
      await desk.call('POST', '/tickets', { token: desk.token('technician'), body: complaint() }),
      403,
      'AUTH.FORBIDDEN',
    );
  });
});

describe('complaint steps over HTTP', () => {
  it('refuses an unknown step name (404) and a repair step (409)', async () => {
    const { id } = await openOne();
    expectError(
      await desk.call('POST', `/tickets/${id}/follow-up`, { token: dispatcher, body: { note: 'x' } }),
      404,
      'ROUTE.NOT_FOUND',
    );
    expectError(
      await desk.call('POST', `/tickets/${id}/assign`, {
        token: dispatcher,
        body: { staffId: 'technician-1' },
      }),
      409,
      'TICKET.ILLEGAL_TRANSITION',
    );
  });

  it('refuses a bad step body (400), naming the field', async () => {
    const { id } = await openOne();
    expectError(
      await desk.call('POST', `/tickets/${id}/acknowledge`, { token: dispatcher, body: { step: 'manager' } }),
      400,
      'REQUEST.INVALID_FIELD',
      'step',
    );
    expectError(
      await desk.call('POST', `/tickets/${id}/follow-ups`, { token: dispatcher, body: {} }),
      400,
      'REQUEST.MISSING_FIELD',
      'note',
    );
    expectError(
      await desk.call('POST', `/tickets/${id}/resolve`, {
        token: dispatcher,
        body: { confirmedBy: '张伟', via: 'email' },
      }),
      400,
      'REQUEST.INVALID_FIELD',
      'via',
    );
  });

  it('CH-4: a guard may not sign engineering’s report sheet (403); its head may', async () => {
    const { id } = await openOne();
    expectError(
      await desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk.token('security-guard') }),
      403,
      'AUTH.FORBIDDEN',
    );
    const signed = await desk.call('POST', `/tickets/${id}/acknowledge`, {
      token: desk.token('engineering-manager'),
    });
    expect(signed.status).toBe(200);
    expect(signed.body.ticket.acknowledgements['report-sheet'].staffId).toBe('engineering-manager-1');
  });

  it('CH-2: grading is the dispatcher’s call: field staff may not grade (403)', async () => {
    const { id } = await openOne();
    expectError(
      await desk.call('POST', `/tickets/${id}/grade`, {
        token: desk.token('technician'),
        body: { valid: true, severity: 'minor' },
      }),
      403,
      'AUTH.FORBIDDEN',
    );
  });

  it('the ticket view lists the steps it accepts now', async () => {
    const { id } = await openOne();
    const view = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(view.body.allowedCommands).toEqual(['acknowledge', 'follow-ups', 'reply', 'resolve', 'regrade']);
  });
});

describe('GET /tickets?overdue=true', () => {
  it('lists only complaints owing something past a deadline, oldest first, page by page', async () => {
    // Prepare: a fresh day on a desk of its own (on this file's desk, moving the clock would first
    // fire every clock the complaints above left running); two complaints left unsigned, one signed in time.
    desk = await freshDesk(desk, '2026-11-29T09:00:00+08:00');
    const late1 = await openOne();
    const late2 = await openOne();
    const signed = await openOne({ severity: 'minor' });
    await desk.call('POST', `/tickets/${signed.id}/acknowledge`, {
      token: desk.token('engineering-manager'),
    });

    // Act: 11 minutes pass; the two unsigned ones missed CH-4.
    await desk.call('POST', '/local/clock', { body: { advance: 'PT11M' } });
    const first = await desk.call('GET', '/tickets?kind=complaint&overdue=true&limit=1', {
      token: dispatcher,
    });
    const second = await desk.call(
      'GET',
      `/tickets?kind=complaint&overdue=true&limit=1&cursor=${first.body.cursor}`,
      { token: dispatcher },
    );
    const all = await desk.call('GET', '/tickets?kind=complaint&overdue=true&limit=100', {
      token: dispatcher,
    });

    // Assess
    const ids = all.body.tickets.map((t: { id: string }) => t.id);
    expect(ids).toContain(late1.id);
    expect(ids).toContain(late2.id);
    expect(ids).not.toContain(signed.id);
    const created = all.body.tickets.map((t: { createdAt: string }) => t.createdAt);
    expect(created).toEqual([...created].sort());
    expect([...first.body.tickets, ...second.body.tickets].map((t: { id: string }) => t.id)).toEqual(
      ids.slice(0, 2),
    );
    expect(all.body.tickets.every((t: { overdue: string[] }) => t.overdue.length > 0)).toBe(true);
  });

  it.each([
    ['overdue=yes', 'REQUEST.INVALID_FIELD', 'overdue'],
    // Issue 13 (ADR 020): overdue without kind and with status are lifted; an emergency owes no deadline this way.
    ['kind=emergency&overdue=true', 'REQUEST.FILTER_NOT_FOR_KIND', 'overdue'],
  ])('refuses ?%s (400 %s)', async (query, code, field) => {
    expectError(await desk.call('GET', `/tickets?${query}`, { token: dispatcher }), 400, code, field);
  });
});

describe('GET /parks/{id}', () => {
  it('shows the park’s calendar: zone, office hours, working days, holidays, day counting', async () => {
    const res = await desk.call('GET', '/parks/park-1', { token: desk.token('technician') });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: 'park-1',
      name: '翠湖园',
      timeZone: 'Asia/Shanghai',
      officeOpens: '08:30',
      officeCloses: '17:30',
      workingDays: [1, 2, 3, 4, 5, 6, 7],
      holidays: [],
      dayCount: 'calendar',
      smsSignature: '【翠湖物业】',
    });
  });

  it('a park the token does not cover, or that does not exist, is 404', async () => {
    expectError(await desk.call('GET', '/parks/park-2', { token: dispatcher }), 404, 'PARK.NOT_FOUND', 'id');
    expectError(
      await desk.call('GET', '/parks/park-9', { token: desk.token('gm') }),
      404,
      'PARK.NOT_FOUND',
      'id',
    );
    expect((await desk.call('GET', '/parks/park-1', { token: desk.token('gm') })).status).toBe(200);
  });

  it('needs a token (401)', async () => {
    expectError(await desk.call('GET', '/parks/park-1'), 401, 'AUTH.UNAUTHENTICATED');
  });
});
