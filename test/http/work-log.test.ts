/**
 * Issue 13 item 5 (DS-9 《工作日志》, ADR 022) over HTTP on the local desk and DynamoDB Local: a
 * park's day of desk entries in time order from the `eventsByParkDay` index — intakes, hand-offs,
 * SMS with the recipient's name and a masked phone — the park-local day's edges (23:59 and 00:00
 * Asia/Shanghai), paging, the printable page, and the role and park checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDesk, newCallerPhone, repairBody, setLocalClock, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;
const numbers: Record<string, string> = {};

const log = (query: string, token = dispatcher) => desk.call('GET', `/work-log?${query}`, { token });

beforeAll(async () => {
  desk = await freshDesk(undefined, '2026-11-27T23:58:00+08:00');
  dispatcher = desk.token('dispatcher');
  const repair = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
  expect(repair.status, JSON.stringify(repair.body)).toBe(201);
  numbers.repair = repair.body.ticket.number;
  await setLocalClock(desk, '2026-11-27T23:59:00+08:00');
  const assign = await desk.call('POST', `/tickets/${repair.body.ticket.id}/assign`, {
    token: dispatcher,
    body: { staffId: 'technician-1' },
  });
  expect(assign.status, JSON.stringify(assign.body)).toBe(200);
  await desk.settle();
  await setLocalClock(desk, '2026-11-28T00:00:00+08:00');
  const complaint = await desk.call('POST', '/tickets', {
    token: dispatcher,
    body: {
      kind: 'complaint',
      caller: { name: '李女士', phone: newCallerPhone() },
      occurredAt: '2026-11-27T21:40:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运无人处理',
      valid: true,
      severity: 'important',
    },
  });
  expect(complaint.status, JSON.stringify(complaint.body)).toBe(201);
  numbers.complaint = complaint.body.ticket.number;
  await desk.settle();
}, 120_000);
afterAll(async () => {
  await desk?.close();
});

describe('GET /work-log (DS-9)', () => {
  it('the park-local day in time order: the 23:58 intake and 23:59 hand-off in, the 00:00 intake on the next day', async () => {
    const res = await log('date=2026-11-27');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ parkId: 'park-1', parkName: '翠湖园', date: '2026-11-27' });
    const entries = res.body.entries as {
      at: string;
      number?: string;
      kindLabel?: string;
      what: string;
      by: string;
      type: string;
    }[];
    const ats = entries.map((e) => Date.parse(e.at));
    expect(ats).toEqual([...ats].sort((a, b) => a - b));
    expect(entries.every((e) => e.at.startsWith('2026-11-27T23:5'))).toBe(true);
    expect(entries[0]).toMatchObject({
      number: numbers.repair,
      kind: 'repair',
      kindLabel: '报修',
      type: 'event:repair.opened',
      what: '受理报修',
      by: '陈静',
    });
    expect(entries.map((e) => e.type)).toContain('event:ticket.assigned');
    expect(entries.some((e) => e.number === numbers.complaint)).toBe(false);
    const next = await log('date=2026-11-28');
    expect(next.body.entries[0]).toMatchObject({
      number: numbers.complaint,
      kindLabel: '投诉',
      type: 'event:complaint.opened',
      at: expect.stringMatching(/^2026-11-28T00:00:00(\.\d+)?\+08:00$/),
    });
  });

  it('an SMS sent shows its recipient’s name and a masked phone, never the whole number', async () => {
    const all = [
      ...(await log('date=2026-11-27')).body.entries,
      ...(await log('date=2026-11-28')).body.entries,
    ];
    const sms = all.filter((e: { type: string }) => e.type.startsWith('sms:'));
    expect(sms.length).toBeGreaterThan(0);
    const toTechnician = sms.find((e: { sms: { to: string } }) => e.sms.to.startsWith('张伟'));
    expect(toTechnician, JSON.stringify(sms)).toBeDefined();
    expect(toTechnician.number).toBe(numbers.repair);
    expect(toTechnician.sms.phone).not.toBe('+8613900000008');
    expect(toTechnician.sms.phone).toMatch(/\*/);
    expect(JSON.stringify(all)).not.toContain('13900000008');
  });

  it('pages with limit and cursor: the pages together are the day', async () => {
    const whole = (await log('date=2026-11-27')).body.entries;
    const paged: unknown[] = [];
    let cursor: string | undefined;
    do {
      const res = await log(`date=2026-11-27&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      paged.push(...res.body.entries);
      cursor = res.body.cursor;
    } while (cursor);
    expect(paged).toEqual(whole);
    const bad = await log('date=2026-11-27&cursor=bm90LWEtY3Vyc29y');
    expect([bad.status, bad.body.error.field]).toEqual([400, 'cursor']);
  });

  it('format=html: the printable 《工作日志》 with the park, the date, the entries and the dispatcher’s signature line', async () => {
    const res = await fetch(`${desk.url}/work-log?date=2026-11-27&format=html`, {
      headers: { authorization: `Bearer ${dispatcher}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    for (const text of [
      '<h1>工作日志</h1>',
      '翠湖园',
      '2026年11月27日',
      numbers.repair ?? '?',
      '受理报修',
      '23:58',
      '值班调度员',
    ]) {
      expect(html, text).toContain(text);
    }
    expect(html).not.toContain('13900000008');
    expect(html).not.toContain(numbers.complaint ?? '?');
  });

  it('a technician gets 403, another park 404, a date that is not one 400 naming `date`', async () => {
    expect((await log('date=2026-11-27', desk.token('technician-1'))).status).toBe(403);
    expect((await log('date=2026-11-27&parkId=park-2')).status).toBe(404);
    for (const bad of ['2026-02-30', '2026-13-01', '27-11-2026', '']) {
      const res = await log(`date=${bad}`);
      expect([res.status, res.body.error.field], bad).toEqual([400, 'date']);
    }
    expect((await log('')).status).toBe(400);
  });
});
