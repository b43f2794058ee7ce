/**
 * Emergencies, found in review at the HTTP edge: EM-4 handovers only to people who can take the
 * desk's post (the successor must be able to accept, else the owner believes they handed over and
 * the successor is texted to take on a case the desk will never let them accept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../shared/app/access';
import { HANDOVER_GROUPS } from '../../shared/domain/emergency';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-28T02:00:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
});

async function open() {
  const res = await desk.call('POST', '/tickets', {
    token: dispatcher,
    body: { kind: 'emergency', category: 'accident', location: '南门车道', description: '电动车与轿车相撞' },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; version: number };
}

describe('EM-4: a handover names somebody who can accept it', () => {
  it('the groups the domain hands over to are exactly those allowed to accept', () => {
    expect([...HANDOVER_GROUPS].sort()).toEqual([...PERMISSIONS['emergency.accept-handover']].sort());
  });

  it.each([
    ['technician-1', '+8613900000007'],
    ['security-manager-1', '+8613900000016'],
  ])('to %s (cannot accept: 403) → 422, nothing written, no SMS', async (staffId, phone) => {
    // Prepare
    const ticket = await open();
    const before = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });

    // Act
    const res = await desk.call('POST', `/tickets/${ticket.id}/hand-over`, {
      token: dispatcher,
      body: { staffId },
    });

    // Assess
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'EMERGENCY.HANDOVER_NOT_DESK', field: 'staffId' });
    const after = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });
    expect(after.body.version).toBe(before.body.version);
    expect(after.body.handover).toBeUndefined();
    const sms = await desk.call('GET', `/local/sms?ticketId=${ticket.id}&to=${encodeURIComponent(phone)}`);
    expect(sms.body.messages.map((m: { text: string }) => m.text).join('\n')).not.toContain('接替调度');
  });

  it('to the duty officer → offered, and the duty officer accepts', async () => {
    const ticket = await open();
    const offered = await desk.call('POST', `/tickets/${ticket.id}/hand-over`, {
      token: dispatcher,
      body: { staffId: 'duty-officer-1' },
    });
    expect(offered.status).toBe(200);
    const accepted = await desk.call('POST', `/tickets/${ticket.id}/accept-handover`, {
      token: desk.token('duty-officer'),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.ticket.owner).toMatchObject({ staffId: 'duty-officer-1', how: 'handover' });
  });
});
