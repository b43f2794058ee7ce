/**
 * Issue 10, item 4: `POST /tickets` with an `Idempotency-Key`. The same key and request give the
 * same answer (same ticket, same number, same status, the same bytes) and one ticket, even when 20
 * copies arrive at once; the same key with another request is refused (422); a key is checked
 * (400), scoped to its sender, and kept 24 hours. Through the local desk on DynamoDB Local.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { keys, TTL_ATTRIBUTE } from '../../shared/adapters/dynamo/table';
import { freshDesk, repairBody, startTestDesk, type TestDesk } from '../support/desk';
import { dynamoClient } from '../support/store';

let desk: TestDesk;
let dispatcher: string;
let seq = 0;

/** A key of this test run's own (keys are scoped per sender, not per test file). */
const newKey = (what: string) => `${what}-${Date.now().toString(36)}-${++seq}`;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await setClock('2026-12-14T09:00:00+08:00');
});
afterAll(async () => {
  await desk?.close();
});

async function setClock(iso: string) {
  const res = await desk.call('POST', '/local/clock', { body: { set: iso } });
  expect(res.status).toBe(200);
}

/** POST /tickets with the key as given (`null`: no header), the raw text kept. */
async function intake(key: string | null, body: unknown, token = dispatcher) {
  const headers: Record<string, string> = {
    authorization: `Bearer ${token}`,
    'content-type': 'application/json',
  };
  if (key !== null) headers['idempotency-key'] = key;
  const res = await fetch(`${desk.url}/tickets`, { method: 'POST', headers, body: JSON.stringify(body) });
  const text = await res.text();
  return {
    status: res.status,
    text,
    // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the API answers
    json: JSON.parse(text) as any,
    replayed: res.headers.get('idempotent-replayed') === 'true',
  };
}

/** The numbers of the park's repairs opened on `day`, sorted. */
async function repairNumbers(day: string): Promise<string[]> {
  const res = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
  expect(res.status).toBe(200);
  return res.body.tickets
    .flatMap((t: { number?: string }) => (t.number?.startsWith(`R${day}-`) ? [t.number] : []))
    .sort();
}

describe('Idempotency-Key on POST /tickets', () => {
  it('sent twice: the second gets the first answer byte for byte, marked as a replay; one ticket, no number lost', async () => {
    await setClock('2026-12-14T09:00:00+08:00');
    const key = newKey('twice');
    const body = repairBody({ description: '阳台漏水' });

    const first = await intake(key, body);
    const second = await intake(key, body);
    const next = await intake(null, repairBody());

    expect(first.status).toBe(201);
    expect(first.replayed).toBe(false);
    expect(second.status).toBe(201);
    expect(second.replayed).toBe(true);
    expect(second.text).toBe(first.text);
    expect(first.json.ticket.number).toBe('R20261214-001');
    expect(next.json.ticket.number).toBe('R20261214-002');
    expect(await repairNumbers('20261214')).toEqual(['R20261214-001', 'R20261214-002']);
  });

  it('20 copies at the same moment: all 201 with the same ticket and number, one ticket stored, one number used', async () => {
    await setClock('2026-12-15T09:00:00+08:00');
    const key = newKey('twenty');
    const body = repairBody({ description: '电梯按钮失灵' });

    const answers = await Promise.all(Array.from({ length: 20 }, () => intake(key, body)));
    const next = await intake(null, repairBody());

    for (const a of answers) expect(a.status, a.text).toBe(201);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers.filter((a) => !a.replayed)).toHaveLength(1);
    expect(answers[0]!.json.ticket.number).toBe('R20261215-001');
    // The copies shared one number (the key is its claim): the next intake takes 002, no gap.
    expect(next.json.ticket.number).toBe('R20261215-002');
    expect(await repairNumbers('20261215')).toEqual(['R20261215-001', 'R20261215-002']);
  });

  it('the same key with another request: 422 IDEMPOTENCY.KEY_REUSED, and nothing written', async () => {
    await setClock('2026-12-16T09:00:00+08:00');
    const key = newKey('reused');
    const first = await intake(key, repairBody({ description: '门禁坏了' }));

    const other = await intake(key, repairBody({ description: '路灯不亮' }));

    expect(first.status).toBe(201);
    expect(other.status).toBe(422);
    expect(other.json).toEqual({
      error: { code: 'IDEMPOTENCY.KEY_REUSED', message: expect.any(String), field: 'Idempotency-Key' },
    });
    expect(await repairNumbers('20261216')).toEqual(['R20261216-001']);
  });

  it('the same request written differently (key order, spacing) is the same request', async () => {
    await setClock('2026-12-16T10:00:00+08:00');
    const key = newKey('order');
    const body = repairBody({ description: '水龙头滴水' });
    const first = await intake(key, body);
    const reordered = Object.fromEntries(Object.entries(body).reverse());

    const again = await intake(key, reordered);

    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
  });

  it('10 + 10 copies of two different requests under one key at once: one ticket; its copies get it, the others 422', async () => {
    await setClock('2026-12-17T09:00:00+08:00');
    const key = newKey('mixed');
    const a = repairBody({ description: '甲:楼道灯坏' });
    const b = repairBody({ description: '乙:窗户关不上' });

    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => intake(key, i % 2 ? a : b)));

    const opened = answers.filter((r) => r.status === 201);
    const refused = answers.filter((r) => r.status !== 201);
    expect(new Set(opened.map((r) => r.text)).size).toBe(1);
    const winner = opened[0]!.json.ticket.description;
    expect(opened).toHaveLength(10);
    for (const r of refused) {
      expect(r.status, r.text).toBe(422);
      expect(r.json.error.code).toBe('IDEMPOTENCY.KEY_REUSED');
    }
    expect(['甲:楼道灯坏', '乙:窗户关不上']).toContain(winner);
    expect(await repairNumbers('20261217')).toEqual(['R20261217-001']);
  });

  it.each([
    ['over-long (129 characters)', 'k'.repeat(129)],
    ['empty', ''],
    ['with a space', 'my key'],
    ['not ASCII', 'cl\u00e9-0001'],
    ['two keys (a repeated header, comma-joined)', 'a-1, a-2'],
  ])('a key %s: 400 IDEMPOTENCY.KEY_INVALID, nothing written', async (_what, key) => {
    await setClock('2026-12-18T09:00:00+08:00');

    const res = await intake(key, repairBody());

    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: 'IDEMPOTENCY.KEY_INVALID', message: expect.any(String), field: 'Idempotency-Key' },
    });
    expect(await repairNumbers('20261218')).toEqual([]);
  });

  it('a key of 128 characters (a UUID, a ULID, letters, digits, -_.:) is taken', async () => {
    await setClock('2026-12-18T10:00:00+08:00');
    const res = await intake(
      `${newKey('long')}:${'x'.repeat(100)}`.slice(0, 128).padEnd(128, '.'),
      repairBody(),
    );

    expect(res.status).toBe(201);
  });

  it('a key is the sender’s own: another person sending the same key opens a ticket of their own', async () => {
    await setClock('2026-12-19T09:00:00+08:00');
    const key = newKey('scoped');
    const body = repairBody({ description: '地下车库积水' });

    const mine = await intake(key, body);
    const theirs = await intake(key, body, desk.token('manager'));

    expect(theirs.status).toBe(201);
    expect(theirs.replayed).toBe(false);
    expect(theirs.json.ticket.id).not.toBe(mine.json.ticket.id);
    expect(await repairNumbers('20261219')).toEqual(['R20261219-001', 'R20261219-002']);
  });
});

describe('how long a key is kept', () => {
  it('24 hours: the answer is replayed a minute before, a new ticket is opened after; the item carries its TTL', async () => {
    // A desk of its own: a day later, the clocks of the repair fire.
    desk = await freshDesk(desk, '2026-12-20T09:00:00+08:00');
    dispatcher = desk.token('dispatcher');
    const key = newKey('ttl');
    const body = repairBody({ description: '热水器不热' });
    const first = await intake(key, body);
    const item = await documentClient(dynamoClient()).send(
      new GetCommand({
        TableName: desk.tableName,
        Key: keys.idempotency('park-1', 'dispatcher-1', key),
        ConsistentRead: true,
      }),
    );

    await setClock('2026-12-21T08:59:00+08:00');
    const before = await intake(key, body);
    await setClock('2026-12-21T09:00:01+08:00');
    const after = await intake(key, body);

    expect(first.status).toBe(201);
    expect(item.Item?.[TTL_ATTRIBUTE]).toBeGreaterThanOrEqual(Date.parse('2026-12-21T09:00:00+08:00') / 1000);
    expect(before.text).toBe(first.text);
    expect(after.status).toBe(201);
    expect(after.replayed).toBe(false);
    expect(after.json.ticket.id).not.toBe(first.json.ticket.id);
  });
});
