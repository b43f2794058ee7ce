/**
 * Issue 13 item 2 over HTTP on DynamoDB Local: GET /tickets?format=csv (and Accept: text/csv) — the
 * register as Excel opens it: UTF-8 with the BOM, Chinese headers, park-local times, a formula-like
 * cell neutralised, a complainant's phone masked for a reader who may not see it (CH-3), every page
 * exported, and 422 past the row limit (never a truncated file). records.export: 403 for a technician.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { CSV_HEADERS, CSV_ROW_LIMIT } from '../../shared/app/ticket-register';
import { newCallerPhone, repairBody, setLocalClock, startTestDesk, type TestDesk } from '../support/desk';
import { seedRepairs } from '../support/seed-tickets';
import { dynamoClient } from '../support/store';

let desk: TestDesk;
const PHONE = newCallerPhone();
let complaintNumber: string;

/** The raw answer: bytes as sent (fetch's text() would drop the BOM). */
async function download(query: string, who = 'dispatcher', headers: Record<string, string> = {}) {
  const res = await fetch(`${desk.url}/tickets?${query}`, {
    headers: { authorization: `Bearer ${desk.token(who)}`, ...headers },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') };
}

const linesOf = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean);

beforeAll(async () => {
  desk = await startTestDesk();
  await setLocalClock(desk, '2026-11-27T09:40:00+08:00');
  const token = desk.token('dispatcher');
  const opened = await desk.call('POST', '/tickets', {
    token,
    body: {
      kind: 'complaint',
      caller: { name: '李女士', phone: PHONE, unit: '5-1-0801' },
      occurredAt: '2026-11-27T09:30:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运, "两天"无人处理',
      valid: true,
      severity: 'important',
    },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  complaintNumber = opened.body.ticket.number;
  const repair = await desk.call('POST', '/tickets', {
    token,
    body: repairBody({ description: '=cmd|"/c calc"!A1' }),
  });
  expect(repair.status, JSON.stringify(repair.body)).toBe(201);
});
afterAll(async () => {
  await desk?.close();
});

describe('GET /tickets?format=csv', () => {
  it('UTF-8 with the BOM, Chinese headers, park-local times, a formula neutralised, quotes escaped', async () => {
    const res = await download('format=csv&from=2026-11-27&to=2026-11-27');
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename=".*\.csv"; filename\*=UTF-8''/,
    );
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = linesOf(res.text);
    expect(header).toBe(CSV_HEADERS.join(','));
    expect(header?.startsWith('编号,类型,状态,登记时间,来电人,电话,房号')).toBe(true);
    expect(rows).toHaveLength(2);
    const [repairRow, complaintRow] = rows;
    expect(repairRow).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(repairRow).not.toMatch(/,=cmd/);
    expect(complaintRow).toContain(
      `${complaintNumber},投诉,已转交,2026-11-27 09:40,李女士,${PHONE.slice(3, 6)}-${PHONE.slice(6, 10)}-${PHONE.slice(10)},5-1-0801,5号楼电梯`,
    );
    expect(complaintRow).toContain('"电梯停运, ""两天""无人处理",工程部,重要');
  });

  it('Accept: text/csv asks for it too; the JSON list stays JSON', async () => {
    const res = await download('from=2026-11-27', 'dispatcher', { accept: 'text/csv' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const json = await desk.call('GET', '/tickets?from=2026-11-27', { token: desk.token('dispatcher') });
    expect(json.body.tickets).toHaveLength(2);
  });

  it('the complainant’s phone is masked for a reader who may not see it (CH-3); the desk sees it', async () => {
    const office = await download('format=csv&kind=complaint', 'property-office-1');
    expect(office.status, office.text).toBe(200);
    const masked = `${PHONE.slice(3, 6)}****${PHONE.slice(-4)}`;
    expect(office.text).toContain(masked);
    expect(office.text).not.toContain(PHONE);
    expect(office.text).not.toContain(PHONE.slice(3));
    expect(office.text).not.toContain(`${PHONE.slice(3, 6)}-${PHONE.slice(6, 10)}`);
    const desk_ = await download('format=csv&kind=complaint');
    expect(desk_.text).toContain(`${PHONE.slice(3, 6)}-${PHONE.slice(6, 10)}-${PHONE.slice(10)}`);
  });

  it('records.export: a technician gets 403; a cursor is refused (the file holds every page)', async () => {
    const denied = await download('format=csv', 'technician-1');
    expect(denied.status).toBe(403);
    const cursor = await download('format=csv&cursor=abc');
    expect(cursor.status).toBe(400);
    expect(JSON.parse(cursor.text).error).toMatchObject({
      code: 'REQUEST.CURSOR_NOT_FOR_CSV',
      field: 'cursor',
    });
  });

  it('walks every page: a month of 1,200 repairs in one file; past the row limit a 422, never a cut file', async () => {
    const db = documentClient(dynamoClient());
    const november = { from: '2026-10-31T16:00:00Z', to: '2026-11-26T16:00:00Z', facets: false };
    await seedRepairs(db, desk.tableName, { count: 1_200, ...november });
    const month = await download('format=csv&from=2026-11-01&to=2026-11-30');
    expect(month.status, month.text.slice(0, 300)).toBe(200);
    const rows = linesOf(month.text).slice(1);
    expect(rows).toHaveLength(1_202);
    expect(new Set(rows.map((r) => r.split(',').at(-1))).size).toBe(1_202);

    await seedRepairs(db, desk.tableName, { count: CSV_ROW_LIMIT - 1_200 + 1, ...november });
    const over = await download('format=csv&from=2026-11-01&to=2026-11-30');
    expect(over.status).toBe(422);
    expect(JSON.parse(over.text).error).toMatchObject({ code: 'EXPORT.TOO_MANY_ROWS', field: 'to' });
    expect(JSON.parse(over.text).error.message).toMatch(/narrow from\/to/);
    // The same month in halves fits.
    const half = await download('format=csv&from=2026-11-01&to=2026-11-15');
    expect(half.status).toBe(200);
    // Seeding 2,001 tickets and three exports: a loaded 2-core machine is slow, not failing.
  }, 240_000);
});
