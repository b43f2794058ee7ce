/**
 * Emergencies, found in review at the HTTP edge: EM-4 handovers only to people who can take the
 * desk's post (the successor must be able to accept, else the owner believes they handed over and
 * the successor is texted to take on a case the desk will never let them accept).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../shared/app/access';
import { HANDOVER_GROUPS } from '../../shared/domain/emergency';
import { freshDesk, startTestDesk, type TestDesk } from '../support/desk';

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

describe('EM-2 "by the fastest means": the desk records an acknowledgement given by phone', () => {
  it('the office manager answers the duty officer’s call: the chain stops, recorded as by phone, by the desk', async () => {
    // Prepare: the chain has told the office manager, on a desk of its own (the 30 minutes below
    // would escalate every chain the tests above left running).
    desk = await freshDesk(desk, '2026-11-28T02:00:00+08:00');
    const ticket = await open();
    const smsBefore = (await desk.call('GET', `/local/sms?ticketId=${ticket.id}`)).body.messages.length;

    // Act
    const res = await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, {
      token: dispatcher,
      body: { staffId: 'office-manager-1', note: '电话确认,10分钟到' },
    });

    // Assess: acknowledged by him, via phone, recorded by the dispatcher; nobody further up is texted.
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket.chain.acknowledgement).toMatchObject({
      staffId: 'office-manager-1',
      via: 'phone',
      recordedBy: 'dispatcher-1',
      note: '电话确认,10分钟到',
    });
    await desk.call('POST', '/local/clock', { body: { advance: 'PT30M' } });
    const sms = (await desk.call('GET', `/local/sms?ticketId=${ticket.id}`)).body.messages;
    // Only the owner's EM-3 call about responders not on the scene (issue 11 item 16) follows.
    expect(sms.filter((m: { text: string }) => !m.text.includes('未到场'))).toHaveLength(smsBefore);
  });

  it('only for a person the chain has told, and only by the desk or a manager', async () => {
    const ticket = await open();
    const notTold = await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, {
      token: dispatcher,
      body: { staffId: 'gm-1' },
    });
    expect(notTold.status).toBe(403);
    const byResponder = await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, {
      token: desk.token('security-manager-1'),
      body: { staffId: 'office-manager-1' },
    });
    expect(byResponder.status).toBe(403);
    const after = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });
    expect(after.body.status).toBe('escalating');
  });
});

describe('acknowledge on other kinds takes no staffId', () => {
  it('a repair: 422 naming staffId, nothing written', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: {
        kind: 'repair',
        caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
        description: '厨房水管漏水',
        location: '3号楼2单元1502 厨房',
        wantedAt: '2026-11-28T15:00:00+08:00',
        decision: 'dispatch',
      },
    });
    const id = opened.body.ticket.id;
    await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    const res = await desk.call('POST', `/tickets/${id}/acknowledge`, {
      token: dispatcher,
      body: { staffId: 'technician-2' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'REPAIR.FIELD_NOT_TAKEN', field: 'staffId' });
    expect((await desk.call('GET', `/tickets/${id}`, { token: dispatcher })).body.status).toBe('assigned');
  });

  it('a complaint: 422 naming staffId (the desk signs with its own token)', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: {
        kind: 'complaint',
        caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
        occurredAt: '2026-11-28T01:40:00+08:00',
        place: '5号楼电梯',
        about: { department: 'engineering' },
        description: '电梯停运两天无人处理',
        demand: '今天修好',
        valid: true,
        severity: 'important',
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const res = await desk.call('POST', `/tickets/${opened.body.ticket.id}/acknowledge`, {
      token: dispatcher,
      body: { staffId: 'engineering-manager-1' },
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'COMPLAINT.FIELD_NOT_TAKEN', field: 'staffId' });
  });
});
