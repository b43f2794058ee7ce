/**
 * Key custody over HTTP on the local desk (KY-1..KY-4, MI-7): the register, a tenant's request from
 * KY-2 to the return, every refusal with its status and rule, and the ledger showing where a key is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let office: string;
let guard: string;

const TENANT = { type: 'tenant', name: '钱女士', phone: '+8613800000004' };
const KEY = { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'K-0153' };

async function register(body: Record<string, unknown>, token = guard) {
  return desk.call('POST', '/keys', { token, body });
}
async function request(keyId: string, requester: Record<string, unknown> = TENANT, reason = '看房') {
  return desk.call('POST', '/tickets', { token: office, body: { kind: 'key', keyId, requester, reason } });
}
async function step(id: string, command: string, body: Record<string, unknown> = {}, token = office) {
  return desk.call('POST', `/tickets/${id}/${command}`, { token, body });
}

beforeAll(async () => {
  desk = await startTestDesk();
  office = desk.token('property-office');
  guard = desk.token('security-guard-1');
  expect(
    (await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:40:00+08:00' } })).status,
  ).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

describe('the key register (KY-1)', () => {
  it('KY-1: security registers a key set: 201, in the cabinet, its first event in its history', async () => {
    const res = await register({ ...KEY, tag: 'K-0001' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.keySet).toMatchObject({ ...KEY, tag: 'K-0001', state: 'in', version: 1 });
    expect(res.body.keySet.history).toMatchObject([{ seq: 1, type: 'key.registered', by: '孙鹏' }]);
  });

  it('KY-1: a tag already on a ring is 409; a unit and an area at once is 422; a bad count is 400', async () => {
    await register({ ...KEY, tag: 'K-0002' });
    const again = await register({ ...KEY, tag: 'K-0002' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('KEY.TAG_TAKEN');
    const both = await register({ ...KEY, tag: 'K-0003', area: '水泵房' });
    expect([both.status, both.body.error.code]).toEqual([422, 'KEY.PLACE_REQUIRED']);
    const count = await register({ ...KEY, tag: 'K-0004', count: 0 });
    expect([count.status, count.body.error.field]).toEqual([400, 'count']);
  });

  it('a technician may not register keys (403); the desk may read the ledger, a technician may not', async () => {
    expect((await register({ ...KEY, tag: 'K-0005' }, desk.token('technician-1'))).status).toBe(403);
    expect((await desk.call('GET', '/keys', { token: desk.token('dispatcher') })).status).toBe(200);
    expect((await desk.call('GET', '/keys', { token: desk.token('technician-1') })).status).toBe(403);
  });

  it('MI-7: a key the owner leaves with security carries the signed agreement', async () => {
    const res = await register(
      {
        ...KEY,
        unit: '8-3-2201',
        tag: 'K-0006',
        retention: { agreementNo: 'LC-2026-001', ownerName: '孙女士', signedAt: '2026-11-27T09:00:00+08:00' },
      },
      office,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.keySet.retention).toEqual({
      agreementNo: 'LC-2026-001',
      ownerName: '孙女士',
      signedAt: '2026-11-27T09:00:00+08:00',
    });
  });

  it('an unknown key set is 404, a malformed id too; another park’s set is 404', async () => {
    expect((await desk.call('GET', '/keys/01J0000000000000000000000Z', { token: guard })).status).toBe(404);
    expect((await desk.call('GET', '/keys/nope', { token: guard })).status).toBe(404);
    const id = (await register({ ...KEY, tag: 'K-0007' })).body.keySet.id;
    const other = desk.customToken({ staffId: 'x', groups: ['security'], parks: 'park-2' });
    expect((await desk.call('GET', `/keys/${id}`, { token: other })).status).toBe(404);
  });
});

describe('a tenant’s key request, end to end (KY-2, KY-3, KY-4)', () => {
  let keyId: string;
  let id: string;

  it('KY-2: opened at the property office: K-numbered, requested', async () => {
    keyId = (await register(KEY)).body.keySet.id;
    const res = await request(keyId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ticket).toMatchObject({
      kind: 'key',
      number: 'K20261127-001',
      status: 'requested',
      requester: TENANT,
      key: { id: keyId, tag: 'K-0153', unit: '3-2-1502', owners: ['王先生'] },
    });
    id = res.body.ticket.id;
    const view = await desk.call('GET', `/tickets/${id}`, { token: office });
    expect(view.body.allowedCommands).toEqual(['verify', 'cancel']);
  });

  it('KY-3: no slip before KY-2 (409); KY-2: a check that does not fit a tenant is 422 naming the rule', async () => {
    const slip = await step(id, 'issue-slip');
    expect([slip.status, slip.body.error.code]).toEqual([409, 'TICKET.ILLEGAL_TRANSITION']);
    const wrong = await step(id, 'verify', { idChecked: true, idType: 'resident-id', idLast4: '1234' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({ code: 'KEY.CHECK_DOES_NOT_FIT', field: 'idChecked' });
    expect(wrong.body.error.message).toContain('KY-2');
    const whole = await step(id, 'verify', {
      ownerCall: { outcome: 'confirmed' },
      idLast4: '110101199003071234',
    });
    expect([whole.status, whole.body.error.field]).toEqual([400, 'idLast4']);
    expect(JSON.stringify(whole.body)).not.toContain('110101199003071234');
  });

  it('KY-2: security may not verify (403); the owner phoned and confirmed: verified', async () => {
    expect((await step(id, 'verify', { ownerCall: { outcome: 'confirmed' } }, guard)).status).toBe(403);
    const res = await step(id, 'verify', { ownerCall: { outcome: 'confirmed', note: '业主同意' } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket).toMatchObject({ status: 'verified', verification: { passed: true } });
  });

  it('KY-3: the slip, printable', async () => {
    const res = await step(id, 'issue-slip');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket.slip).toMatchObject({
      number: 'LY20261127-001',
      escortRequired: true,
      issuedBy: '黄磊',
    });
    expect(res.body.ticket.slip.printout[0]).toBe('物业部钥匙领用条 No.LY20261127-001');
  });

  it('KY-4: the office may not hand a key out (403); a tenant’s key needs an escort (422)', async () => {
    expect(
      (await step(id, 'hand-out', { guardId: 'security-guard-1', idChecked: true }, office)).status,
    ).toBe(403);
    const res = await step(id, 'hand-out', { guardId: 'security-guard-1', idChecked: true }, guard);
    expect([res.status, res.body.error.code]).toEqual([422, 'KEY.ESCORT_REQUIRED']);
  });

  it('KY-4: handed out with an escort; the ledger shows the key out, with whom, since when, on which slip', async () => {
    await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T10:00:00+08:00' } });
    const res = await step(
      id,
      'hand-out',
      { guardId: 'security-guard-1', idChecked: true, escortId: 'security-guard-2' },
      guard,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket.status).toBe('handed-out');
    const out = await desk.call('GET', '/keys?state=out', { token: guard });
    expect(out.body.keySets).toHaveLength(1);
    expect(out.body.keySets[0]).toMatchObject({
      id: keyId,
      state: 'out',
      holder: {
        name: '钱女士',
        slipNumber: 'LY20261127-001',
        guardName: '孙鹏',
        escortName: '马超',
        ticketId: id,
      },
    });
    expect(out.body.keySets[0].holder.since).toMatch(/^2026-11-27T10:00:00(\.\d{3})?\+08:00$/);
  });

  it('KY-1: a set that is out cannot go out on another request (409 naming its holder)', async () => {
    const owner = await request(keyId, { type: 'owner', name: '王先生', phone: '+8613800000001' }, '取物品');
    const other = owner.body.ticket.id;
    await step(other, 'verify', { idChecked: true, idType: 'resident-id', idLast4: '1234' });
    await step(other, 'issue-slip');
    const res = await step(
      other,
      'hand-out',
      { guardId: 'security-guard-1', idChecked: true, idType: 'resident-id', idLast4: '1234' },
      guard,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('KEY.NOT_IN_CUSTODY');
    expect(res.body.error.message).toContain('钱女士');
    // Nothing was written: the request still waits with its slip.
    expect((await desk.call('GET', `/tickets/${other}`, { token: office })).body.status).toBe('slip-issued');
  });

  it('KY-4: returned to security: the request is done, the key back in the cabinet, each step in its history', async () => {
    const res = await step(id, 'return', { receivedBy: 'security-guard-2' }, guard);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket).toMatchObject({
      status: 'returned',
      returned: { receivedByName: '马超', late: false },
    });
    const ledger = await desk.call('GET', '/keys?unit=3-2-1502&state=in', { token: office });
    const set = ledger.body.keySets.find((s: { id: string }) => s.id === keyId);
    expect(set.state).toBe('in');
    expect(set.holder).toBeUndefined();
    expect(set.history.map((h: { type: string }) => h.type)).toEqual([
      'key.registered',
      'key.handed-out',
      'key.returned',
    ]);
    const ticket = await desk.call('GET', `/tickets/${id}`, { token: office });
    expect(ticket.body.allowedCommands).toEqual([]);
    expect(ticket.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'key.requested',
      'key.verified',
      'key.slip-issued',
      'key.handed-out',
      'key.returned',
    ]);
    expect((await step(id, 'return', { receivedBy: 'security-guard-2' }, guard)).status).toBe(409);
  });

  it('the requests are listed by kind and status (Query on an index)', async () => {
    const res = await desk.call('GET', '/tickets?kind=key&status=returned', { token: office });
    expect(res.body.tickets.map((t: { id: string }) => t.id)).toEqual([id]);
  });
});

describe('asking for a key the register does not hold', () => {
  it('an unknown key set is 404 KEY.NOT_FOUND on keyId; a lost one is 409', async () => {
    const unknown = await request('01J0000000000000000000000Z');
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([
      404,
      'KEY.NOT_FOUND',
      'keyId',
    ]);
    const lost = (await register({ ...KEY, tag: 'K-0100' })).body.keySet.id;
    expect((await desk.call('POST', `/keys/${lost}/report-lost`, { token: guard, body: {} })).status).toBe(
      200,
    );
    const res = await request(lost);
    expect([res.status, res.body.error.code]).toEqual([409, 'KEY.NOT_IN_CUSTODY']);
  });
});

describe('who sees the requester’s phone', () => {
  it('the office and security see it; field staff who only read see it masked, in the timeline too', async () => {
    const keyId = (await register({ ...KEY, tag: 'K-0300' })).body.keySet.id;
    const id = (await request(keyId)).body.ticket.id;
    const seen = await desk.call('GET', `/tickets/${id}`, { token: guard });
    expect(seen.body.requester.phone).toBe('+8613800000004');
    const technician = await desk.call('GET', `/tickets/${id}`, { token: desk.token('technician-1') });
    expect(technician.body.requester.phone).toBe('138****0004');
    expect(JSON.stringify(technician.body)).not.toContain('+8613800000004');
  });
});

describe('KY-1: a key set’s unit is checked against the park’s directory (issue 12, checked on the desk)', () => {
  it('3-2-1520 → 422 UNIT.NOT_IN_DIRECTORY naming 3-2-1502: an owner could never be verified (KY-2) for a typo', async () => {
    const res = await register({ ...KEY, unit: '3-2-1520', tag: 'K-0990' });
    expect([res.status, res.body.error.code, res.body.error.field]).toEqual([
      422,
      'UNIT.NOT_IN_DIRECTORY',
      'unit',
    ]);
    expect(res.body.error.message).toMatch(/nearest: 3-2-1502/);
    const kept = await register({ ...KEY, unit: '3-2-1520', unitConfirmed: true, tag: 'K-0990' });
    expect(kept.status, JSON.stringify(kept.body)).toBe(201);
    expect(kept.body.keySet.unit).toBe('3-2-1520');
  });
});
