/**
 * Issue 11 items 20–22 over HTTP on the local desk: clean data entry. Phones as people type them
 * are stored as E.164; what cannot be a phone is 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

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

function withPhone(phone: unknown) {
  return repairBody({ caller: { name: '王先生', phone, unit: '3-2-1502' } });
}

describe('item 20: phones as people type them', () => {
  it.each([
    ['13800000001'],
    ['138-0000-0001'],
    ['+86 138 0000 0001'],
    ['0086 138 0000 0001'],
    ['１３８０００００００１'],
  ])('%s → 201, stored and shown as +8613800000001', async (typed) => {
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body: withPhone(typed) });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await desk.call('GET', `/tickets/${res.body.ticket.id}`, { token: dispatcher });
    expect(view.body.caller.phone).toBe('+8613800000001');
    const opened = view.body.timeline.find((e: { type: string }) => e.type === 'repair.opened');
    expect(opened.data.caller.phone).toBe('+8613800000001');
  });

  it('a landline with its area code (021-6123 4567) → +862161234567', async () => {
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body: withPhone('021-6123 4567') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ticket.caller.phone).toBe('+862161234567');
  });

  it.each([
    ['1380000000', 'a mobile one digit short'],
    ['138000000012', 'one digit too many'],
    ['13800000001 ext 5', 'words'],
    ['王先生', 'a name'],
    ['+8610000000000', 'no such number range'],
  ])('%s (%s) → 400 REQUEST.INVALID_FIELD caller.phone, nothing opened', async (typed) => {
    const before = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body: withPhone(typed) });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'REQUEST.INVALID_FIELD', field: 'caller.phone' });
    expect(res.body.error.message).toContain('phone number');
    const after = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    expect(after.body.tickets.length).toBe(before.body.tickets.length);
  });

  it('a key requester’s phone is normalised the same way (requester.phone)', async () => {
    const office = desk.token('property-office');
    const guard = desk.token('security-guard-1');
    const key = await desk.call('POST', '/keys', {
      token: guard,
      body: { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'K-2001' },
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const body = (phone: string) => ({
      kind: 'key',
      keyId: key.body.keySet.id,
      requester: { type: 'tenant', name: '钱女士', phone },
      reason: '看房',
    });
    const bad = await desk.call('POST', '/tickets', { token: office, body: body('138-0000') });
    expect([bad.status, bad.body.error.field]).toEqual([400, 'requester.phone']);
    const res = await desk.call('POST', '/tickets', { token: office, body: body('138 0000 0004') });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await desk.call('GET', `/tickets/${res.body.ticket.id}`, { token: office });
    expect(JSON.stringify(view.body)).toContain('+8613800000004');
  });
});
