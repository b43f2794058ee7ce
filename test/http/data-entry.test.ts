/**
 * Issue 11 items 20–22 over HTTP on the local desk: clean data entry. Phones as people type them
 * are stored as E.164; what cannot be a phone is 400 naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  // The same resident's number many times over, each a ticket of its own: not joined (ADR 011).
  desk = await startTestDesk({ limits: { duplicateWindowMinutes: 0 } });
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

/** Opens a dispatched repair, has technician-1 take it, and completes it with `slip`. */
async function completeRepair(slip: string, unit = '3-2-1502') {
  const opened = await desk.call('POST', '/tickets', {
    token: dispatcher,
    body: repairBody({ caller: { name: '王先生', phone: '+8613800000001', unit } }),
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  const id = opened.body.ticket.id as string;
  const assigned = await desk.call('POST', `/tickets/${id}/assign`, {
    token: dispatcher,
    body: { staffId: 'technician-1' },
  });
  expect(assigned.status, JSON.stringify(assigned.body)).toBe(200);
  const tech = desk.token('technician-1');
  expect((await desk.call('POST', `/tickets/${id}/acknowledge`, { token: tech })).status).toBe(200);
  const res = await desk.call('POST', `/tickets/${id}/complete`, {
    token: tech,
    body: { serviceSlip: { number: slip, signedBy: '王先生' } },
  });
  return { id, number: opened.body.ticket.number as string, res };
}

describe('item 22: a service slip number is one ticket’s per park (RP-6, DS-6)', () => {
  it('a second repair completed with the same slip → 409 SERVICE_SLIP.TAKEN naming the first; nothing recorded', async () => {
    const first = await completeRepair('FW-2201');
    expect(first.res.status, JSON.stringify(first.res.body)).toBe(200);
    const second = await completeRepair('FW-2201');
    expect(second.res.status).toBe(409);
    expect(second.res.body.error.code).toBe('SERVICE_SLIP.TAKEN');
    expect(second.res.body.error.message).toContain(first.number);
    const view = await desk.call('GET', `/tickets/${second.id}`, { token: dispatcher });
    expect(view.body.status).toBe('acknowledged');
    expect(view.body.timeline.map((e: { type: string }) => e.type)).not.toContain('ticket.completed');
  });

  it('the same slip written another way (fw-2202, full-width ＦＷ－２２０２) is the same slip', async () => {
    expect((await completeRepair('FW-2202')).res.status).toBe(200);
    expect((await completeRepair('fw-2202')).res.body.error.code).toBe('SERVICE_SLIP.TAKEN');
    expect((await completeRepair('ＦＷ－２２０２')).res.body.error.code).toBe('SERVICE_SLIP.TAKEN');
    expect((await completeRepair('FW-2203')).res.status).toBe(200);
  });
});

describe('item 21: a unit the park’s directory lacks', () => {
  it('3-2-1520 → 422 UNIT.NOT_IN_DIRECTORY field caller.unit, naming 3-2-1502 as nearest; nothing opened', async () => {
    const before = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ caller: { name: '王先生', phone: '13800000001', unit: '3-2-1520' } }),
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'UNIT.NOT_IN_DIRECTORY', field: 'caller.unit' });
    expect(res.body.error.message).toMatch(/nearest: 3-2-1502/);
    const after = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    expect(after.body.tickets.length).toBe(before.body.tickets.length);
  });

  it('a complaint’s caller unit is checked the same way (5-1-801 → nearest 5-1-0801)', async () => {
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: {
        kind: 'complaint',
        caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-801' },
        occurredAt: '2026-11-27T09:40:00+08:00',
        place: '5号楼电梯',
        description: '电梯停运',
      },
    });
    expect([res.status, res.body.error.code]).toEqual([422, 'UNIT.NOT_IN_DIRECTORY']);
    expect(res.body.error.message).toContain('5-1-0801');
  });

  it('confirmed by the dispatcher (caller.unitConfirmed: true) → 201, the confirmation on the opening event', async () => {
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({
        caller: { name: '王先生', phone: '+8613800000001', unit: '9-9-9999', unitConfirmed: true },
      }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = await desk.call('GET', `/tickets/${res.body.ticket.id}`, { token: dispatcher });
    const opened = view.body.timeline.find((e: { type: string }) => e.type === 'repair.opened');
    expect(opened.data.caller).toMatchObject({ unit: '9-9-9999', unitConfirmed: true });
  });

  it('a unit in the directory needs no confirmation', async () => {
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  });
});
