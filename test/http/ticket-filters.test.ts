/**
 * Issue 13 item 1 over HTTP on DynamoDB Local (ADR 020): GET /tickets filtered by from/to (park-local
 * days in Asia/Shanghai, or ISO times), department, severity, assigneeId, unit, phone, number and
 * overdue, alone and with kind/status; cursor paging; a reassigned repair and a regraded complaint
 * found under their new values only; the phone filter kept to the desk and management (CH-3).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DEFECTS } from '../../shared/domain/move-in';
import { PASSING } from '../domain/move-in/driver';
import { newCallerPhone, repairBody, setLocalClock, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
/** Ticket id → a name for readable assertions. */
const names = new Map<string, string>();
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};
const PHONE = newCallerPhone();

async function open(name: string, at: string, body: Record<string, unknown>): Promise<void> {
  await setLocalClock(desk, at);
  const res = await desk.call('POST', '/tickets', { token: desk.token('dispatcher'), body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.ticket.id;
  numbers[name] = res.body.ticket.number;
  names.set(res.body.ticket.id, name);
}

function complaint(overrides: Record<string, unknown>) {
  return {
    kind: 'complaint',
    caller: { name: '李女士', phone: newCallerPhone(), unit: '5-1-0801' },
    occurredAt: '2026-11-27T09:30:00+08:00',
    place: '5号楼电梯',
    about: { department: 'engineering' },
    description: '电梯停运两天无人处理',
    valid: true,
    severity: 'important',
    ...overrides,
  };
}

async function list(query: string, who = 'dispatcher') {
  return desk.call('GET', `/tickets?${query}`, { token: desk.token(who) });
}

/** The names of the tickets the list answers, in its order. */
async function found(query: string, who = 'dispatcher'): Promise<string[]> {
  const res = await list(query, who);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.tickets.map((t: { id: string }) => names.get(t.id) ?? t.id);
}

function expectError(
  res: { status: number; body: { error?: unknown } },
  status: number,
  code: string,
  field?: string,
) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error).toEqual({ code, message: expect.any(String), ...(field ? { field } : {}) });
}

beforeAll(async () => {
  desk = await startTestDesk();
  // The last moments of the 26th and the first of the 27th and 28th, park time (Asia/Shanghai).
  await open(
    'R0',
    '2026-11-26T23:59:59.900+08:00',
    repairBody({ caller: { name: '王先生', phone: PHONE, unit: '3-2-1502' } }),
  );
  await open(
    'R1',
    '2026-11-27T00:00:00+08:00',
    repairBody({ caller: { name: '赵先生', phone: newCallerPhone(), unit: '3-2-1502' } }),
  );
  await open(
    'C1',
    '2026-11-27T09:40:00+08:00',
    complaint({ caller: { name: '王先生', phone: PHONE, unit: '3-2-1502' } }),
  );
  await open(
    'C2',
    '2026-11-27T09:45:00+08:00',
    complaint({ about: { department: 'security' }, severity: 'minor', description: '=cmd|calc' }),
  );
  await open(
    'R2',
    '2026-11-27T23:59:59+08:00',
    repairBody({ caller: { name: '钱女士', phone: newCallerPhone(), unit: '3-2-1502' } }),
  );
  await open(
    'R3',
    '2026-11-28T00:00:00+08:00',
    repairBody({ caller: { name: '孙先生', phone: newCallerPhone(), unit: '8-3-2201' } }),
  );
}, 60_000);
afterAll(async () => {
  await desk?.close();
});

describe('from/to: opened between, park-local days whole, ISO times to the millisecond', () => {
  it('a park-local day is its whole day in Asia/Shanghai (to inclusive), newest first', async () => {
    expect(await found('from=2026-11-27&to=2026-11-27')).toEqual(['R2', 'C2', 'C1', 'R1']);
    expect(await found('to=2026-11-26')).toEqual(['R0']);
    expect(await found('from=2026-11-28')).toEqual(['R3']);
  });

  it('ISO times with offset: from inclusive, to inclusive', async () => {
    expect(await found('from=2026-11-27T00:00:00%2B08:00&to=2026-11-27T23:59:58%2B08:00')).toEqual([
      'C2',
      'C1',
      'R1',
    ]);
    expect(await found('from=2026-11-27T09:45:00Z')).toEqual(['R3', 'R2']);
    expect(await found('from=2026-11-26T15:59:59.900Z&to=2026-11-26T16:00:00.100Z')).toEqual(['R1', 'R0']);
  });

  it('with kind and with kind and status', async () => {
    expect(await found('kind=repair&from=2026-11-27&to=2026-11-27')).toEqual(['R2', 'R1']);
    expect(await found('kind=complaint&status=handed-off&from=2026-11-27&to=2026-11-27')).toEqual([
      'C2',
      'C1',
    ]);
  });
});

describe('one filter at a time, and with kind and status', () => {
  it('unit (folded: full-width digits, spaces), with kind', async () => {
    expect(await found('unit=3-2-1502')).toEqual(['R2', 'C1', 'R1', 'R0']);
    expect(await found(`unit=${encodeURIComponent(' ３-２-１５０２ ')}&kind=repair`)).toEqual([
      'R2',
      'R1',
      'R0',
    ]);
    expect(await found('unit=3-2-1502&kind=complaint&status=handed-off')).toEqual(['C1']);
  });

  it('phone: as people type it (normalised to E.164), across kinds, with kind', async () => {
    const local = PHONE.replace('+86', '');
    expect(await found(`phone=${local}`)).toEqual(['C1', 'R0']);
    expect(await found(`phone=${encodeURIComponent(PHONE)}&kind=repair`)).toEqual(['R0']);
  });

  it('number: one ticket (case folded)', async () => {
    expect(await found(`number=${numbers.C2}`)).toEqual(['C2']);
    expect(await found(`number=${numbers.R1?.toLowerCase()}&kind=repair`)).toEqual(['R1']);
  });

  it('department and severity (complaints), with status', async () => {
    expect(await found('department=security')).toEqual(['C2']);
    expect(await found('department=engineering&kind=complaint')).toEqual(['C1']);
    expect(await found('severity=important&status=handed-off')).toEqual(['C1']);
  });

  it('a status only one kind has needs no kind (handed-off: complaints)', async () => {
    expect(await found('status=handed-off')).toEqual(['C2', 'C1']);
  });

  it('overdue without kind (every kind), with status, oldest first', async () => {
    // By now (the 28th) both complaints missed the 10-minute hand-off signature (CH-4).
    const all = await found('overdue=true');
    expect(all.filter((n) => n.startsWith('C'))).toEqual(['C1', 'C2']);
    expect(await found('overdue=true&kind=complaint&status=handed-off')).toEqual(['C1', 'C2']);
    expect(await found('overdue=true&department=security')).toEqual(['C2']);
  });
});

describe('a changed value moves the ticket', () => {
  it('a reassigned repair is found under its new assignee, not the old one', async () => {
    const dispatcher = desk.token('dispatcher');
    for (const staffId of ['technician-1', 'technician-2']) {
      const res = await desk.call('POST', `/tickets/${ids.R1}/assign`, {
        token: dispatcher,
        body: { staffId },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    expect(await found('assigneeId=technician-2')).toEqual(['R1']);
    expect(await found('assigneeId=technician-1')).toEqual([]);
    expect(await found('assigneeId=technician-2&kind=repair&status=assigned')).toEqual(['R1']);
    expect(await found('assigneeId=technician-2&status=dispatched&kind=repair')).toEqual([]);
  });

  it('a regraded complaint is found under its new severity and department only (ADR 016)', async () => {
    const res = await desk.call('POST', `/tickets/${ids.C1}/regrade`, {
      token: desk.token('dispatcher'),
      body: { severity: 'major', about: { department: 'cleaning' }, reason: '更正' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await found('severity=major')).toEqual(['C1']);
    expect(await found('severity=important')).toEqual([]);
    expect(await found('department=cleaning&kind=complaint')).toEqual(['C1']);
    expect(await found('department=engineering')).toEqual([]);
  });
});

describe('MI-6: a full inspection (MAX_DEFECTS repairs in one write) leaves every repair findable', () => {
  it('by unit and by number, past what one transaction holds', async () => {
    const office = desk.token('property-office');
    const opened = await desk.call('POST', '/tickets', {
      token: office,
      body: { kind: 'move-in', unit: '5-1-0802', owner: { name: '吴先生', phone: newCallerPhone() } },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { type: _type, ...inspection } = PASSING.inspection;
    const defects = Array.from({ length: MAX_DEFECTS }, (_, i) => ({
      location: `房间${i + 1}`,
      description: '墙面开裂',
    }));
    const res = await desk.call('POST', `/tickets/${opened.body.ticket.id}/record-step`, {
      token: desk.token('technician-1'),
      body: { ...inspection, defects },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const repairs: { ticketId: string; number: string }[] = res.body.ticket.repairs;
    expect(repairs).toHaveLength(MAX_DEFECTS);
    const byUnit = await list('unit=5-1-0802&kind=repair&limit=100');
    expect(byUnit.body.tickets.map((t: { id: string }) => t.id).sort()).toEqual(
      repairs.map((r) => r.ticketId).sort(),
    );
    const last = repairs.at(-1) as { ticketId: string; number: string };
    const byNumber = await list(`number=${last.number}`);
    expect(byNumber.body.tickets.map((t: { id: string }) => t.id)).toEqual([last.ticketId]);
    expect(await found('unit=5-1-0802&kind=move-in')).toHaveLength(1);
  });
});

describe('paging', () => {
  it('limit=1 pages through a filtered list by cursor, each ticket once, in order', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const res = await list(`unit=3-2-1502&kind=repair&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      seen.push(...res.body.tickets.map((t: { id: string }) => names.get(t.id)));
      cursor = res.body.cursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(['R2', 'R1', 'R0']);
  });

  it('a cursor of another filter or range is refused (400)', async () => {
    const first = await list('unit=3-2-1502&limit=1');
    expectError(
      await list(`unit=5-1-0801&cursor=${first.body.cursor}`),
      400,
      'REQUEST.INVALID_CURSOR',
      'cursor',
    );
    const byDay = await list('from=2026-11-27&limit=1');
    expectError(
      await list(`from=2026-11-27&to=2026-11-27T01:00:00Z&cursor=${byDay.body.cursor}`),
      400,
      'REQUEST.INVALID_CURSOR',
      'cursor',
    );
  });
});

describe('who may filter by what (CH-3)', () => {
  it('phone: the desk and management; anyone else 403, nothing read', async () => {
    expect(await found(`parkId=park-1&phone=${encodeURIComponent(PHONE)}`, 'gm')).toEqual(['C1', 'R0']);
    for (const who of ['technician-1', 'security-guard', 'property-office-1']) {
      expectError(await list(`phone=${encodeURIComponent(PHONE)}`, who), 403, 'FILTER.PHONE_NOT_ALLOWED');
    }
  });

  it('unit: a reader who may not see a complainant’s contact never finds the complaint by it; the rest masked as ever', async () => {
    expect(await found('unit=3-2-1502', 'technician-2')).toEqual(['R2', 'R1', 'R0']);
    const res = await list('department=security', 'technician-2');
    expect(res.body.tickets[0].caller).toMatchObject({ masked: true });
  });
});

describe('bad input is a 400 naming the field; another park a 404', () => {
  it.each([
    ['from=2026-02-30', 'REQUEST.INVALID_FIELD', 'from'],
    ['to=27/11/2026', 'REQUEST.INVALID_FIELD', 'to'],
    ['from=2026-11-27T10:00:00', 'REQUEST.INVALID_FIELD', 'from'],
    ['from=2026-11-28&to=2026-11-27', 'REQUEST.INVALID_RANGE', 'to'],
    ['department=plumbing', 'REQUEST.INVALID_FIELD', 'department'],
    ['severity=huge', 'REQUEST.INVALID_FIELD', 'severity'],
    ['phone=12', 'REQUEST.INVALID_FIELD', 'phone'],
    ['kind=repair&severity=major', 'REQUEST.FILTER_NOT_FOR_KIND', 'severity'],
    ['kind=emergency&assigneeId=technician-1', 'REQUEST.FILTER_NOT_FOR_KIND', 'assigneeId'],
    ['kind=emergency&overdue=true', 'REQUEST.FILTER_NOT_FOR_KIND', 'overdue'],
    ['kind=repair&status=handed-off', 'REQUEST.FILTER_NOT_FOR_KIND', 'status'],
    ['status=closed', 'REQUEST.KIND_REQUIRED', 'kind'],
  ])('?%s → 400 %s', async (query, code, field) => {
    expectError(await list(query), 400, code, field);
  });

  it('another park → 404', async () => {
    expectError(await list('parkId=park-2&unit=3-2-1502', 'gm'), 404, 'PARK.NOT_FOUND', 'parkId');
  });
});
