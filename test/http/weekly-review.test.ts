/**
 * Issue 13 item 3 (DS-7, DS-8, ADR 022) over HTTP on the local desk and DynamoDB Local: the week's
 * complaints still not handled, the dispatcher's notes, the office head's decisions and weekly
 * check (append-only, with who and when), the role, park and week checks; and the Monday SMS, sent
 * by the reconciler once per park and week at the office's opening (Asia/Shanghai), with the
 * dispatcher's signed link to the list and its form.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PARK } from '../../infra/local/seed';
import { documentClient } from '../../shared/adapters/aws/core';
import { keys } from '../../shared/adapters/dynamo/table';
import { reconcile } from '../../shared/app/reconcile';
import { freshDesk, newCallerPhone, repairBody, type TestDesk } from '../support/desk';
import { dynamoClient } from '../support/store';

let desk: TestDesk;
let dispatcher: string;
const ids: Record<string, string> = {};
const numbers: Record<string, string> = {};

function complaint(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    caller: { name: '李女士', phone: newCallerPhone() },
    occurredAt: '2026-11-24T09:40:00+08:00',
    place: '5号楼电梯',
    about: { department: 'engineering' },
    description: '电梯停运两天无人处理',
    valid: true,
    severity: 'important',
    ...overrides,
  };
}

/**
 * The desk's clock set to `at` without firing the timers on the way (what the review reads is the
 * tickets as opened; a week of escalations would only slow the file down).
 */
function at(instant: string): void {
  desk.clock.set(new Date(instant));
}

async function open(name: string, when: string, body: Record<string, unknown> = complaint()) {
  at(when);
  const res = await desk.call('POST', '/tickets', { token: dispatcher, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  ids[name] = res.body.ticket.id;
  numbers[name] = res.body.ticket.number;
}

/** The weekly review SMS the local desk sent (its outbox). */
async function reviewSms(): Promise<{ to: string; text: string }[]> {
  const all: { to: string; text: string }[] = (await desk.call('GET', '/local/sms')).body.messages;
  return all.filter((m) => m.text.includes('投诉周检'));
}

const review = (week: string, token = dispatcher, extra = '') =>
  desk.call('GET', `/reviews/weekly?week=${week}${extra}`, { token });
const post = (week: string, entry: string, body: unknown, token = dispatcher) =>
  desk.call('POST', `/reviews/weekly/${week}/${entry}`, { token, body });

beforeAll(async () => {
  desk = await freshDesk(undefined, '2026-11-24T10:00:00+08:00');
  dispatcher = desk.token('dispatcher');
  // Week 48 is Monday 23 to Sunday 29 November, park time.
  await open('tuesday', '2026-11-24T10:00:00+08:00');
  await open('repair', '2026-11-24T10:05:00+08:00', repairBody());
  await open('lastMinute', '2026-11-29T23:59:00+08:00');
  await open('nextWeek', '2026-11-30T00:00:00+08:00');
}, 120_000);
afterAll(async () => {
  await desk?.close();
});

describe('GET /reviews/weekly (DS-7)', () => {
  it('lists the week’s complaints still not handled, by park-local week edges, with what each owes and by when', async () => {
    const res = await review('2026-W48');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      parkId: 'park-1',
      week: '2026-W48',
      from: '2026-11-23T00:00:00+08:00',
      to: '2026-11-30T00:00:00+08:00',
      reviewDueAt: '2026-11-30T08:30:00+08:00',
    });
    const listed = res.body.cases.map((c: { id: string }) => c.id);
    // Sunday 23:59 is in week 48, Monday 00:00 is not; a repair is no complaint.
    expect(listed).toEqual([ids.tuesday, ids.lastMinute]);
    const first = res.body.cases[0];
    expect(first).toMatchObject({
      number: numbers.tuesday,
      severity: 'important',
      department: 'engineering',
      departmentLabel: '工程部',
      recorded: false,
      entries: [],
    });
    expect(first.status).not.toMatch(/resolved|closed/);
    expect(Array.isArray(first.owes)).toBe(true);
    expect((await review('2026-W49')).body.cases.map((c: { id: string }) => c.id)).toEqual([ids.nextWeek]);
  });

  it('a technician gets 403, another park 404, a week that is not one 400 naming `week`', async () => {
    expect((await review('2026-W48', desk.token('technician-1'))).status).toBe(403);
    expect((await review('2026-W48', dispatcher, '&parkId=park-2')).status).toBe(404);
    for (const bad of ['2026-W54', '2026-W00', '2026-48', 'W48']) {
      const res = await review(bad);
      expect([res.status, res.body.error.field], bad).toEqual([400, 'week']);
    }
    // 2026 begins on a Thursday: it has an ISO week 53; 2025 does not.
    expect((await review('2026-W53')).status).toBe(200);
    expect((await review('2025-W53')).status).toBe(400);
  });
});

describe('the week’s entries (DS-7, DS-8, CH-11)', () => {
  it('DS-7: the dispatcher records a case; a correction is a new entry; both shown with who and when', async () => {
    at('2026-11-30T09:00:00+08:00');
    const first = await post('2026-W48', 'items', {
      ticketId: ids.tuesday,
      note: '需更换整段排水管,条件不具备',
    });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.entry).toMatchObject({
      type: 'item',
      ticketId: ids.tuesday,
      ticketNumber: numbers.tuesday,
      by: { staffId: 'dispatcher-1', name: '陈静' },
      at: expect.stringMatching(/^2026-11-30T09:00:00(\.\d+)?\+08:00$/),
    });
    const again = await post('2026-W48', 'items', {
      ticketId: ids.tuesday,
      note: '更正:需业委会同意动用维修基金',
    });
    expect(again.status).toBe(201);
    const res = await review('2026-W48');
    const tuesday = res.body.cases.find((c: { id: string }) => c.id === ids.tuesday);
    expect(tuesday.recorded).toBe(true);
    expect(tuesday.entries.map((e: { text: string }) => e.text)).toEqual([
      '需更换整段排水管,条件不具备',
      '更正:需业委会同意动用维修基金',
    ]);
  });

  it('DS-7: only a complaint of that park and week: a repair 422, another week 422, an unknown ticket 404 (field ticketId)', async () => {
    const repair = await post('2026-W48', 'items', { ticketId: ids.repair, note: '报修' });
    expect([repair.status, repair.body.error.code, repair.body.error.field]).toEqual([
      422,
      'REVIEW.NOT_A_COMPLAINT',
      'ticketId',
    ]);
    const later = await post('2026-W48', 'items', { ticketId: ids.nextWeek, note: '下周的' });
    expect([later.status, later.body.error.code]).toEqual([422, 'REVIEW.NOT_IN_WEEK']);
    const unknown = await post('2026-W48', 'items', { ticketId: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ', note: '无' });
    expect([unknown.status, unknown.body.error.field]).toEqual([404, 'ticketId']);
    const badWeek = await post('2026-W60', 'items', { ticketId: ids.tuesday, note: '无' });
    expect([badWeek.status, badWeek.body.error.field]).toEqual([400, 'week']);
    expect((await post('2026-W48', 'items', { ticketId: ids.tuesday, note: '' })).status).toBe(400);
    expect(
      (await post('2026-W48', 'items', { ticketId: ids.tuesday, note: 'x' }, desk.token('technician-1')))
        .status,
    ).toBe(403);
  });

  it('DS-7: the office head decides a recorded case; a supervisor (manager, not the head) gets 403; an unrecorded case 422', async () => {
    const supervisor = await post(
      '2026-W48',
      'decisions',
      { ticketId: ids.tuesday, decision: '同意' },
      desk.token('supervisor'),
    );
    expect([supervisor.status, supervisor.body.error.code]).toEqual([403, 'REVIEW.OFFICE_HEAD_ONLY']);
    const manager = desk.token('office-manager');
    const unrecorded = await post(
      '2026-W48',
      'decisions',
      { ticketId: ids.lastMinute, decision: '同意' },
      manager,
    );
    expect([unrecorded.status, unrecorded.body.error.code]).toEqual([422, 'REVIEW.NOT_RECORDED']);
    const decided = await post(
      '2026-W48',
      'decisions',
      { ticketId: ids.tuesday, decision: '先做临时引流,周五前提交业委会' },
      manager,
    );
    expect(decided.status, JSON.stringify(decided.body)).toBe(201);
    expect(decided.body.entry).toMatchObject({
      type: 'decision',
      by: { staffId: 'office-manager-1', name: '林涛' },
    });
    expect((await post('2026-W48', 'decisions', { ticketId: ids.tuesday, decision: 'x' })).status).toBe(403);
  });

  it('DS-8: the office manager’s weekly check is a signed entry on the week, shown on the GET', async () => {
    expect((await post('2026-W48', 'check', { note: '检查' })).status).toBe(403);
    const check = await post(
      '2026-W48',
      'check',
      { note: '本周投诉处理及时,回访记录需补全' },
      desk.token('office-director'),
    );
    expect(check.status, JSON.stringify(check.body)).toBe(201);
    const res = await review('2026-W48');
    expect(res.body.checks).toMatchObject([
      {
        type: 'check',
        text: '本周投诉处理及时,回访记录需补全',
        by: { staffId: 'office-director-1', name: '罗晨' },
      },
    ]);
    expect(res.body.entries.map((e: { type: string }) => e.type)).toEqual([
      'item',
      'item',
      'decision',
      'check',
    ]);
  });
});

describe('the Monday SMS (DS-7): a step of the reconciler', () => {
  it('not before the opening; at 08:30 park time one SMS per dispatcher, however often the reconciler runs; its link lists the cases and records', async () => {
    const fresh = await freshDesk(desk, '2026-11-24T10:00:00+08:00');
    desk = fresh;
    dispatcher = desk.token('dispatcher');
    await open('a', '2026-11-24T10:00:00+08:00');
    await open('b', '2026-11-25T10:00:00+08:00');
    at('2026-11-30T08:29:00+08:00');
    await reconcile(desk.deps);
    expect(await reviewSms()).toEqual([]);
    at('2026-11-30T08:30:00+08:00');
    await reconcile(desk.deps);
    await reconcile(desk.deps);
    const sent = await reviewSms();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe('+8613900000001');
    expect(sent[0]?.text).toMatch(/上周\(11月23日-11月29日\)投诉周检:仍有2宗未处理完毕/);
    // Two concatenated segments with the link (LINK_SMS_LIMIT), the signature included.
    expect(sent[0]?.text.length).toBeLessThanOrEqual(134);
    const link = /\/ack\/([0-9A-Za-z]{12})/.exec(sent[0]?.text ?? '')?.[1];
    expect(link).toBeDefined();
    const page = await fetch(`${desk.url}/ack/${link}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('投诉周检 2026-W48');
    expect(html).toContain(numbers.a);
    const recorded = await fetch(`${desk.url}/ack/${link}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'record', ticketId: ids.a ?? '', note: '条件不具备' }).toString(),
    });
    expect(await recorded.text()).toContain('已记录');
    const res = await review('2026-W48');
    expect(res.body.entries).toMatchObject([
      { type: 'item', ticketId: ids.a, by: { staffId: 'dispatcher-1' } },
    ]);
  });

  it('a holiday Monday: the next working day’s opening', async () => {
    desk = await freshDesk(desk, '2026-11-24T10:00:00+08:00');
    dispatcher = desk.token('dispatcher');
    await documentClient(dynamoClient()).send(
      new UpdateCommand({
        TableName: desk.tableName,
        Key: keys.park(DEMO_PARK.id),
        UpdateExpression: 'SET holidays = :h',
        ExpressionAttributeValues: { ':h': ['2026-11-30'] },
      }),
    );
    await open('c', '2026-11-24T10:00:00+08:00');
    at('2026-11-30T09:00:00+08:00');
    await reconcile(desk.deps);
    expect(await reviewSms()).toEqual([]);
    at('2026-12-01T08:29:00+08:00');
    await reconcile(desk.deps);
    expect(await reviewSms()).toEqual([]);
    at('2026-12-01T08:30:00+08:00');
    await reconcile(desk.deps);
    expect(await reviewSms()).toHaveLength(1);
  });
});
