/**
 * Issue 13 item 4: the monthly summary (DS-8, CH-10) through the HTTP handlers on the local desk
 * (DynamoDB Local): the 及时率 from the deadlines the tickets recorded, role and park checks, the
 * append-only entries (CH-11) and the CSV and printable forms in the park's zone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSV_BOM } from '../../shared/app/csv';
import { newCallerPhone, setLocalClock, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;
let late: { id: string; number: string };
let onTime: { id: string; number: string };
let complaintId: string;

const received = () => ({
  kind: 'repair',
  caller: { name: '王先生', phone: newCallerPhone(), unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-03T15:00:00+08:00',
});

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await setLocalClock(desk, '2026-11-03T09:00:00+08:00');
  // One received repair decided in time (RP-2 within the desk's 10 minutes), one left to miss it.
  const a = await desk.call('POST', '/tickets', { token: dispatcher, body: received() });
  const b = await desk.call('POST', '/tickets', { token: dispatcher, body: received() });
  expect([a.status, b.status]).toEqual([201, 201]);
  onTime = a.body.ticket;
  late = b.body.ticket;
  const decided = await desk.call('POST', `/tickets/${onTime.id}/decide`, {
    token: dispatcher,
    body: { decision: 'decline', declineReason: '不属于物业维修范围' },
  });
  expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  await setLocalClock(desk, '2026-11-03T09:15:00+08:00');
  const complaint = await desk.call('POST', '/tickets', {
    token: dispatcher,
    body: {
      kind: 'complaint',
      caller: { name: '李女士', phone: newCallerPhone(), unit: '5-1-0801' },
      occurredAt: '2026-11-03T09:00:00+08:00',
      place: '小区大门',
      about: { department: 'security' },
      description: '保安态度恶劣',
      valid: true,
      severity: 'minor',
    },
  });
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  complaintId = complaint.body.ticket.id;
  await setLocalClock(desk, '2026-12-01T10:00:00+08:00');
});

afterAll(async () => {
  await desk?.close();
});

describe('GET /reports/monthly (DS-8, issue 13 item 4)', () => {
  it('DS-8: the 及时率 counts the deadlines recorded met or missed in the month, with the misses listed', async () => {
    const res = await desk.call('GET', '/reports/monthly?month=2026-11', { token: dispatcher });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const report = res.body.report;
    expect(report.tickets.byKind).toEqual({ repair: 2, complaint: 1 });
    expect(report.repairs.byDecision).toEqual({ decline: 1, undecided: 1 });
    const decide = report.timeliness.byType.find((t: { type: string }) => t.type === 'repair-decide');
    expect(decide).toMatchObject({ label: '报修受理决定', due: 2, met: 1, missed: 1, rate: 50 });
    expect(report.timeliness.misses).toContainEqual(
      expect.objectContaining({ number: late.number, type: 'repair-decide', department: 'customer-service' }),
    );
    expect(report.timeliness.misses.map((m: { ticketId: string }) => m.ticketId)).not.toContain(onTime.id);
    expect(report.openAtMonthEnd.tickets.map((t: { ticketId: string }) => t.ticketId)).toContain(late.id);
    expect(report.read.tickets).toBeGreaterThanOrEqual(3);
  });

  it('a technician gets 403, another park 404, a bad month 400', async () => {
    const technician = await desk.call('GET', '/reports/monthly?month=2026-11', {
      token: desk.token('technician'),
    });
    const otherPark = await desk.call('GET', '/reports/monthly?month=2026-11&parkId=park-2', {
      token: dispatcher,
    });
    const badMonth = await desk.call('GET', '/reports/monthly?month=2026-13', { token: dispatcher });

    expect(technician.status).toBe(403);
    expect(otherPark.status).toBe(404);
    expect(badMonth.status).toBe(400);
    expect(badMonth.body.error.field).toBe('month');
  });
});

describe('the month’s entries (DS-8, CH-11)', () => {
  it('the dispatcher’s report is written once (a retry answers the same entry) and shows with who and when', async () => {
    const body = { text: '本月报修2件，1件超时未定派工。' };
    const first = await desk.call('POST', '/reports/monthly/2026-11/report', { token: dispatcher, body });
    const retry = await desk.call('POST', '/reports/monthly/2026-11/report', { token: dispatcher, body });
    const report = (await desk.call('GET', '/reports/monthly?month=2026-11', { token: dispatcher })).body
      .report;

    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(retry.status).toBe(200);
    expect(retry.body.entry.id).toBe(first.body.entry.id);
    expect(report.entries.reports).toHaveLength(1);
    expect(report.entries.reports[0]).toMatchObject({ text: body.text, by: { staffId: expect.any(String) } });
    expect(report.entries.reports[0].at).toMatch(/\+08:00$/);
  });

  it('DS-8: only the office’s head signs; a supervisor (manager group) gets 403, a technician 403', async () => {
    const manager = await desk.call('POST', '/reports/monthly/2026-11/sign', {
      token: desk.token('office-manager'),
      body: { comment: '同意。工程部须提高受理及时率。' },
    });
    const supervisor = await desk.call('POST', '/reports/monthly/2026-11/sign', {
      token: desk.token('supervisor'),
      body: { comment: '同意' },
    });
    const technician = await desk.call('POST', '/reports/monthly/2026-11/report', {
      token: desk.token('technician'),
      body: { text: '报告' },
    });

    expect(manager.status, JSON.stringify(manager.body)).toBe(201);
    expect(supervisor.status).toBe(403);
    expect(technician.status).toBe(403);
  });

  it('a complaint of the park is marked for 《纠正与预防措施》; a repair is refused and nothing is written', async () => {
    const marked = await desk.call('POST', '/reports/monthly/2026-11/corrective', {
      token: dispatcher,
      body: { ticketId: complaintId, text: '服务态度问题，保安部培训。' },
    });
    const repair = await desk.call('POST', '/reports/monthly/2026-11/corrective', {
      token: dispatcher,
      body: { ticketId: late.id, text: '不是投诉' },
    });
    const report = (await desk.call('GET', '/reports/monthly?month=2026-11', { token: dispatcher })).body
      .report;

    expect(marked.status, JSON.stringify(marked.body)).toBe(201);
    expect(repair.status).toBe(400);
    expect(repair.body.error.code).toBe('REPORT.NOT_A_COMPLAINT');
    expect(report.entries.correctives.map((e: { ticketId: string }) => e.ticketId)).toEqual([complaintId]);
  });
});

describe('CSV and the printable form', () => {
  it('format=csv: BOM, Chinese headers, the misses with park-local due times', async () => {
    const res = await fetch(`${desk.url}/reports/monthly?month=2026-11&format=csv`, {
      headers: { authorization: `Bearer ${dispatcher}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toContain('八、及时率');
    expect(text).toContain('报修受理决定,2,1,1,50%');
    // The received repair was due a decision at 09:10 Shanghai time (10 minutes after 09:00).
    expect(text).toContain(`${late.number},报修受理决定,2026-11-03 09:10`);
  });

  it('format=html: the 《投诉调度记录月总结表》 with the park, the month, the report, the comment and both signature lines', async () => {
    const res = await fetch(`${desk.url}/reports/monthly?month=2026-11&format=html`, {
      headers: { authorization: `Bearer ${dispatcher}` },
    });
    const page = await res.text();

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    for (const text of [
      '投诉调度记录月总结表',
      '翠湖园',
      '2026年11月',
      '本月报修2件，1件超时未定派工。',
      '同意。工程部须提高受理及时率。',
      '调度员（签字）',
      '管理处负责人（签字）',
    ]) {
      expect(page).toContain(text);
    }
  });
});
