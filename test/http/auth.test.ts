/**
 * Who may call the API: a valid token for every route but /health, the right role for each step,
 * and a park's tickets visible only to tokens for that park (or to executives).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { signToken } from '../../infra/local/jwt';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;
/** A dispatched repair of park-1, untouched by the tests below. */
let ticketId: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
  const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
  expect(opened.status).toBe(201);
  ticketId = opened.body.ticket.id;
});
afterAll(async () => {
  await desk?.close();
});

async function openRepair(): Promise<string> {
  const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
  expect(opened.status).toBe(201);
  return opened.body.ticket.id;
}

async function ticketView(id: string) {
  const view = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
  expect(view.status).toBe(200);
  return view.body;
}

const claims = {
  sub: 'dispatcher-1',
  'custom:staffId': 'dispatcher-1',
  'cognito:groups': ['dispatcher' as const],
  'custom:parks': 'park-1',
};

/** The authorized routes, each with a request that would succeed with a dispatcher's token. */
function authorizedRoutes(): { name: string; method: string; path: () => string; body?: unknown }[] {
  return [
    { name: 'GET /staff', method: 'GET', path: () => '/staff' },
    { name: 'POST /tickets', method: 'POST', path: () => '/tickets', body: repairBody() },
    { name: 'GET /tickets', method: 'GET', path: () => '/tickets' },
    { name: 'GET /tickets/{id}', method: 'GET', path: () => `/tickets/${ticketId}` },
    {
      name: 'POST /tickets/{id}/assign',
      method: 'POST',
      path: () => `/tickets/${ticketId}/assign`,
      body: { staffId: 'technician-1' },
    },
  ];
}

/** Ways of presenting no valid token: each a function of the desk, giving headers. */
const badCredentials: { name: string; headers: () => Record<string, string> }[] = [
  { name: 'no Authorization header', headers: () => ({}) },
  { name: 'a garbage bearer token', headers: () => ({ authorization: 'Bearer not-a-jwt' }) },
  { name: 'three garbage segments', headers: () => ({ authorization: 'Bearer aaa.bbb.ccc' }) },
  {
    name: 'a token signed with another key',
    headers: () => ({ authorization: `Bearer ${signToken(claims, 'some-other-key-entirely')}` }),
  },
  {
    name: 'an expired token',
    headers: () => {
      // signToken stamps iat/exp from Date.now(): mint the token "yesterday" (12-hour lifetime).
      vi.useFakeTimers({ toFake: ['Date'] });
      try {
        vi.setSystemTime(Date.now() - 24 * 3600 * 1000);
        return {
          authorization: `Bearer ${desk.customToken({ staffId: 'dispatcher-1', groups: ['dispatcher'], parks: 'park-1' })}`,
        };
      } finally {
        vi.useRealTimers();
      }
    },
  },
  {
    name: 'a valid token whose claims were edited (parks → *, groups → executive)',
    headers: () => {
      const [header, payload, signature] = desk.token('dispatcher').split('.');
      const claimsJson = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8'));
      const forged = Buffer.from(
        JSON.stringify({ ...claimsJson, 'custom:parks': '*', 'cognito:groups': ['executive'] }),
      ).toString('base64url');
      return { authorization: `Bearer ${header}.${forged}.${signature}` };
    },
  },
  {
    name: 'an unsigned token (alg none)',
    headers: () => {
      const [, payload] = desk.token('dispatcher').split('.');
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      return { authorization: `Bearer ${header}.${payload}.` };
    },
  },
  {
    name: 'a valid token without the Bearer scheme',
    headers: () => ({ authorization: desk.token('dispatcher') }),
  },
  {
    name: 'a valid token in Basic scheme',
    headers: () => ({ authorization: `Basic ${desk.token('dispatcher')}` }),
  },
];

describe('authentication', () => {
  it('GET /health answers 200 without any token', async () => {
    const res = await desk.call('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'estate-desk' });
  });

  it('GET /health also answers 200 when a garbage token is sent along', async () => {
    const res = await desk.call('GET', '/health', { headers: { authorization: 'Bearer garbage' } });
    expect(res.status).toBe(200);
  });

  for (const credential of badCredentials) {
    it(`with ${credential.name}, every authorized route answers 401 AUTH.UNAUTHENTICATED`, async () => {
      const before = await ticketView(ticketId);
      const listBefore = await desk.call('GET', '/tickets?limit=100', { token: dispatcher });
      for (const route of authorizedRoutes()) {
        const res = await desk.call(route.method, route.path(), {
          headers: credential.headers(),
          ...(route.body === undefined ? {} : { body: route.body }),
        });
        expect(res.status, route.name).toBe(401);
        expect(res.body.error.code, route.name).toBe('AUTH.UNAUTHENTICATED');
        expect(res.body.error.message, route.name).toBeTypeOf('string');
        // Nothing about the desk leaks to an anonymous caller.
        expect(Object.keys(res.body), route.name).toEqual(['error']);
        expect(JSON.stringify(res.body), route.name).not.toMatch(/\.ts:\d|\n\s+at /);
      }
      // The refused POSTs wrote nothing.
      expect(await ticketView(ticketId)).toEqual(before);
      expect((await desk.call('GET', '/tickets?limit=100', { token: dispatcher })).body).toEqual(
        listBefore.body,
      );
    });
  }

  it('the same requests succeed with a valid dispatcher token (the 401s above are about the token only)', async () => {
    const id = await openRepair();
    const valid = authorizedRoutes().map((r) =>
      r.name === 'POST /tickets/{id}/assign' ? { ...r, path: () => `/tickets/${id}/assign` } : r,
    );
    for (const route of valid) {
      const res = await desk.call(route.method, route.path(), {
        token: dispatcher,
        ...(route.body === undefined ? {} : { body: route.body }),
      });
      expect([200, 201], route.name).toContain(res.status);
    }
  });

  it('a correctly signed token carrying no role of this desk is refused with 403 AUTH.FORBIDDEN', async () => {
    const token = desk.customToken({ staffId: 'dispatcher-1', groups: [], parks: 'park-1' });
    const res = await desk.call('GET', '/tickets', { token });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
  });
});

describe('roles', () => {
  it('a technician (group staff) may not open a ticket: 403 AUTH.FORBIDDEN, nothing written', async () => {
    const before = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    const res = await desk.call('POST', '/tickets', { token: desk.token('technician'), body: repairBody() });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
    const after = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    expect(after.body).toEqual(before.body);
  });

  it('a technician may not assign work: 403 AUTH.FORBIDDEN, the ticket stays dispatched', async () => {
    const id = await openRepair();
    const res = await desk.call('POST', `/tickets/${id}/assign`, {
      token: desk.token('technician'),
      body: { staffId: 'technician-1' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
    const view = await ticketView(id);
    expect(view.status).toBe('dispatched');
    expect(view.version).toBe(1);
  });

  it('the property office may open a ticket but not assign it', async () => {
    const office = desk.token('office');
    const opened = await desk.call('POST', '/tickets', { token: office, body: repairBody() });
    expect(opened.status).toBe(201);
    const res = await desk.call('POST', `/tickets/${opened.body.ticket.id}/assign`, {
      token: office,
      body: { staffId: 'technician-1' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
  });

  it('security may not close a completed repair (403), the dispatcher then can', async () => {
    const id = await openRepair();
    await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    const tech = desk.token('technician-1');
    expect((await desk.call('POST', `/tickets/${id}/acknowledge`, { token: tech })).status).toBe(200);
    const completed = await desk.call('POST', `/tickets/${id}/complete`, {
      token: tech,
      body: { serviceSlip: { number: 'FW-0100', signedBy: '王先生' } },
    });
    expect(completed.status).toBe(200);

    const refused = await desk.call('POST', `/tickets/${id}/close`, { token: desk.token('security') });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('AUTH.FORBIDDEN');
    expect((await ticketView(id)).status).toBe('completed');

    const closed = await desk.call('POST', `/tickets/${id}/close`, { token: dispatcher });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket.status).toBe('closed');
  });

  it('only the assigned technician may acknowledge: another technician gets 403, the assignee 200', async () => {
    const id = await openRepair();
    const assigned = await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    expect(assigned.status).toBe(200);

    const other = await desk.call('POST', `/tickets/${id}/acknowledge`, {
      token: desk.token('technician-2'),
    });
    expect(other.status).toBe(403);
    expect(other.body.error.code).toBe('AUTH.FORBIDDEN');
    const unchanged = await ticketView(id);
    expect(unchanged.status).toBe('assigned');
    expect(unchanged.version).toBe(2);

    const own = await desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk.token('technician-1') });
    expect(own.status).toBe(200);
    expect(own.body.ticket.status).toBe('acknowledged');
    const view = await ticketView(id);
    expect(view.timeline.at(-1)).toMatchObject({
      type: 'ticket.acknowledged',
      actor: { staffId: 'technician-1' },
    });
  });

  it('another technician may not complete someone else’s work order either (403)', async () => {
    const id = await openRepair();
    await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    await desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk.token('technician-1') });
    const res = await desk.call('POST', `/tickets/${id}/complete`, {
      token: desk.token('technician-2'),
      body: { serviceSlip: { number: 'FW-0101', signedBy: '王先生' } },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('AUTH.FORBIDDEN');
    expect((await ticketView(id)).status).toBe('acknowledged');
  });
});

describe('park isolation', () => {
  let otherPark: string;
  beforeAll(() => {
    otherPark = desk.token('dispatcher', '--park', 'park-2');
  });

  it('a park-1 ticket read with a park-2 token is 404 TICKET.NOT_FOUND, exactly like an unknown id', async () => {
    const hidden = await desk.call('GET', `/tickets/${ticketId}`, { token: otherPark });
    const unknownId = '01JZZZZZZZZZZZZZZZZZZZZZZZ';
    const missing = await desk.call('GET', `/tickets/${unknownId}`, { token: otherPark });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.body).toEqual({
      error: { code: 'TICKET.NOT_FOUND', message: `ticket ${ticketId} not found`, field: 'id' },
    });
    expect(missing.body).toEqual({
      error: { code: 'TICKET.NOT_FOUND', message: `ticket ${unknownId} not found`, field: 'id' },
    });
  });

  it('a park-2 dispatcher cannot assign a park-1 ticket: 404 TICKET.NOT_FOUND, nothing changes', async () => {
    const id = await openRepair();
    const res = await desk.call('POST', `/tickets/${id}/assign`, {
      token: otherPark,
      body: { staffId: 'technician-1' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('TICKET.NOT_FOUND');
    const view = await ticketView(id);
    expect(view.status).toBe('dispatched');
    expect(view.version).toBe(1);
  });

  it('a park-2 manager cannot close a completed park-1 repair (404, not 403)', async () => {
    const id = await openRepair();
    await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    await desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk.token('technician-1') });
    await desk.call('POST', `/tickets/${id}/complete`, {
      token: desk.token('technician-1'),
      body: { serviceSlip: { number: 'FW-0102', signedBy: '王先生' } },
    });
    const res = await desk.call('POST', `/tickets/${id}/close`, {
      token: desk.token('manager', '--park', 'park-2'),
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('TICKET.NOT_FOUND');
    expect((await ticketView(id)).status).toBe('completed');
  });

  it('listing with a park-2 token shows none of park-1’s tickets (park-2 is not in the directory: 404)', async () => {
    const own = await desk.call('GET', '/tickets', { token: otherPark });
    expect(own.status).toBe(404);
    expect(own.body.error).toMatchObject({ code: 'PARK.NOT_FOUND', field: 'parkId' });
    expect(JSON.stringify(own.body)).not.toContain('R20');
    const ownRepairs = await desk.call('GET', '/tickets?kind=repair&status=dispatched', { token: otherPark });
    expect(ownRepairs.status).toBe(404);
  });

  it('asking a park-2 token for parkId=park-1 is 404 PARK.NOT_FOUND on parkId', async () => {
    const res = await desk.call('GET', '/tickets?parkId=park-1', { token: otherPark });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'PARK.NOT_FOUND', field: 'parkId' });
    const staff = await desk.call('GET', '/staff?parkId=park-1', { token: otherPark });
    expect(staff.status).toBe(404);
    expect(staff.body.error.code).toBe('PARK.NOT_FOUND');
  });

  it('a park-2 token sees no park-1 staff in the directory', async () => {
    const res = await desk.call('GET', '/staff', { token: otherPark });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('PARK.NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain('+86139');
  });

  it('a park-2 dispatcher cannot open tickets in park-1 (parkId=park-1 → 404 PARK.NOT_FOUND)', async () => {
    const res = await desk.call('POST', '/tickets', {
      token: otherPark,
      body: repairBody({ parkId: 'park-1' }),
    });
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'PARK.NOT_FOUND', field: 'parkId' });
  });

  it('a park-2 dispatcher opening in its own park, which has no directory entry, gets 404 PARK.NOT_FOUND', async () => {
    const res = await desk.call('POST', '/tickets', { token: otherPark, body: repairBody() });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('PARK.NOT_FOUND');
  });

  it('an executive (parks *) reads any park’s ticket', async () => {
    const res = await desk.call('GET', `/tickets/${ticketId}`, { token: desk.token('gm') });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(ticketId);
    expect(res.body.parkId).toBe('park-1');
  });

  it('an executive must name the park to list: without parkId 400 REQUEST.PARK_REQUIRED, with it 200', async () => {
    const gm = desk.token('gm');
    const without = await desk.call('GET', '/tickets', { token: gm });
    expect(without.status).toBe(400);
    expect(without.body.error).toMatchObject({ code: 'REQUEST.PARK_REQUIRED', field: 'parkId' });
    const withPark = await desk.call('GET', '/tickets?parkId=park-1&limit=100', { token: gm });
    expect(withPark.status).toBe(200);
    expect(withPark.body.tickets.map((t: { id: string }) => t.id)).toContain(ticketId);
    expect(withPark.body.tickets.every((t: { parkId: string }) => t.parkId === 'park-1')).toBe(true);
  });

  it('a token for several parks must name the park too, and sees park-1 when it does', async () => {
    const token = desk.customToken({
      staffId: 'dispatcher-1',
      groups: ['dispatcher'],
      parks: 'park-1 park-2',
    });
    const without = await desk.call('GET', '/tickets', { token });
    expect(without.status).toBe(400);
    expect(without.body.error.code).toBe('REQUEST.PARK_REQUIRED');
    const withPark = await desk.call('GET', '/tickets?parkId=park-1&limit=100', { token });
    expect(withPark.status).toBe(200);
    expect(withPark.body.tickets.map((t: { id: string }) => t.id)).toContain(ticketId);
  });
});
