/**
 * The repair story over HTTP against the local runtime: a resident's call becomes a dispatched
 * work order, its SMS and timers fire as the desk's clock is moved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
});

async function sms(ticketId: string): Promise<{ to: string; text: string; at: string }[]> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}`);
  expect(res.status).toBe(200);
  return res.body.messages;
}

describe('the repair story, end to end', () => {
  it('RP-1..RP-5: dispatch, assign with SMS, 30-minute escalation, acknowledge, complete, close', async () => {
    // Prepare: the directory names the technician and the engineering lead.
    const staff = await desk.call('GET', '/staff', { token: dispatcher });
    expect(staff.status).toBe(200);
    const tech = staff.body.staff.find((s: { roles: string[] }) => s.roles.includes('technician'));
    const lead = staff.body.staff.find((s: { roles: string[] }) => s.roles.includes('repair-lead'));

    // Act: the dispatcher opens the repair (RP-2 dispatch).
    const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });

    // Assess: a numbered work order (RP-5) and the sentences to say (RP-2, RP-3).
    expect(opened.status).toBe(201);
    const { ticket, script } = opened.body;
    expect(ticket.number).toBe('R20261127-001');
    expect(ticket.status).toBe('dispatched');
    expect(script.decision).toBe('我们马上派人去维修。');
    expect(script.confirmation).toContain('厨房水管漏水');
    expect(script.confirmation).toContain('3号楼2单元1502 厨房');
    expect(script.confirmation).toContain('11月27日15:00');
    expect(script.confirmation.endsWith('请问还有什么要求。')).toBe(true);
    expect(await sms(ticket.id)).toEqual([]);

    // Assign: the technician gets the Chinese SMS with number, unit, what and when.
    const assigned = await desk.call('POST', `/tickets/${ticket.id}/assign`, {
      token: dispatcher,
      body: { staffId: tech.id },
    });
    expect(assigned.status).toBe(200);
    expect(assigned.body.ticket.status).toBe('assigned');
    const afterAssign = await sms(ticket.id);
    expect(afterAssign).toHaveLength(1);
    expect(afterAssign[0]?.to).toBe(tech.phone);
    // … and the resident to call ahead, and the work order link (ADR 012).
    expect(afterAssign[0]?.text).toMatch(
      /^【翠湖物业】派工单R20261127-001:3-2-1502 厨房水管漏水。王先生1\d{10},11月27日15:00,请尽快接单:http:\/\/127\.0\.0\.1:\d+\/ack\/[0-9A-Za-z]{12}$/,
    );

    // 29 minutes: nothing yet. 30: the engineering lead is told.
    await desk.call('POST', '/local/clock', { body: { advance: 'PT29M' } });
    expect(await sms(ticket.id)).toHaveLength(1);
    const moved = await desk.call('POST', '/local/clock', { body: { advance: 'PT2M' } });
    expect(moved.body.fired).toMatchObject([{ ticketId: ticket.id, timer: 'ack-30m', outcome: 'fired' }]);
    const afterTimer = await sms(ticket.id);
    expect(afterTimer).toHaveLength(2);
    expect(afterTimer[1]?.to).toBe(lead.phone);
    expect(afterTimer[1]?.text).toContain('30分钟未接单');
    expect(afterTimer[1]?.text).toContain('R20261127-001');

    // The technician acknowledges, completes with the signed service slip; the dispatcher closes.
    const techToken = desk.token(tech.id);
    expect((await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, { token: techToken })).status).toBe(
      200,
    );
    const completed = await desk.call('POST', `/tickets/${ticket.id}/complete`, {
      token: techToken,
      body: { serviceSlip: { number: 'FW-0001', signedBy: '王先生' } },
    });
    expect(completed.status).toBe(200);
    const closed = await desk.call('POST', `/tickets/${ticket.id}/close`, { token: dispatcher });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket.status).toBe('closed');

    // The timeline holds every step, append-only, with who and when, and the SMS in between.
    const view = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });
    expect(view.status).toBe(200);
    expect(view.body.timeline.map((e: { type: string }) => e.type)).toEqual([
      'repair.opened',
      'ticket.assigned',
      'sms',
      'timer.fired',
      'sms',
      'ticket.acknowledged',
      'ticket.completed',
      'ticket.closed',
    ]);
    expect(view.body.timeline[0].actor.staffId).toBe('dispatcher-1');
    // It fired at its due time (09:30 park time), not when the clock stopped.
    expect(view.body.timeline[3].at).toMatch(/^2026-11-27T09:30:0\d(\.\d{3})?\+08:00$/);
    expect(view.body.timeline[5].actor.staffId).toBe(tech.id);
    expect(view.body.timers['ack-30m'].state).toBe('missed');
    // Issue 11 item 8: a closed repair takes only the correction `reopen` (the resident calls back).
    expect(view.body.allowedCommands).toEqual(['reopen']);

    // Nothing fires later for a closed ticket.
    await desk.call('POST', '/local/clock', { body: { advance: 'P1D' } });
    expect(await sms(ticket.id)).toHaveLength(2);
  });

  it('RP-2 appointment: the assigned technician is reminded one hour before the agreed time', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ decision: 'appointment', appointmentAt: '2026-11-29T10:00:00+08:00' }),
    });
    expect(opened.status).toBe(201);
    const { ticket, script } = opened.body;
    expect(ticket.status).toBe('booked');
    expect(ticket.number).toMatch(/^R\d{8}-\d{3}$/);
    expect(script.decision).toBe('对不起,我们暂时没有人。我们约定11月29日10:00上门维修。');
    await desk.call('POST', `/tickets/${ticket.id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-2' },
    });

    await desk.call('POST', '/local/clock', { body: { set: '2026-11-29T08:59:00+08:00' } });
    expect(await sms(ticket.id)).toHaveLength(1);
    await desk.call('POST', '/local/clock', { body: { set: '2026-11-29T09:00:00+08:00' } });
    const messages = await sms(ticket.id);
    // The technician is reminded; not yet acknowledged, so the repair lead is told too (issue 11 item 5).
    expect(messages).toHaveLength(3);
    expect(messages[1]?.to).toBe('+8613900000008');
    expect(messages[1]?.text).toContain('预约11月29日10:00上门');
    expect(messages[2]?.text).toContain('尚未接单');
  });

  it('a timer whose reason has passed does nothing: acknowledged in time, no escalation', async () => {
    const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    const id = opened.body.ticket.id;
    await desk.call('POST', `/tickets/${id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    await desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk.token('technician-1') });
    await desk.call('POST', '/local/clock', { body: { advance: 'PT2H' } });
    expect((await sms(id)).map((m) => m.to)).toEqual(['+8613900000007']);
    const view = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(view.body.timers['ack-30m'].state).toBe('met');
  });

  it('RP-2 decline: no work-order number, no dispatch, no timers', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ decision: 'decline', declineReason: '中央空调主机不在物业维修范围内。' }),
    });
    expect(opened.status).toBe(201);
    expect(opened.body.ticket.number).toBeUndefined();
    expect(opened.body.ticket.status).toBe('declined');
    expect(opened.body.ticket.timers).toEqual({});
    expect(opened.body.script.decision).toBe('对不起,我们没有此项服务。中央空调主机不在物业维修范围内。');
    const assign = await desk.call('POST', `/tickets/${opened.body.ticket.id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    expect(assign.status).toBe(409);
    expect(assign.body.error.code).toBe('TICKET.ILLEGAL_TRANSITION');
  });

  it('lists a park’s repairs newest first through the index, page by page', async () => {
    const first = await desk.call('GET', '/tickets?kind=repair&limit=2', { token: dispatcher });
    expect(first.status).toBe(200);
    expect(first.body.tickets).toHaveLength(2);
    expect(first.body.cursor).toBeTypeOf('string');
    const second = await desk.call('GET', `/tickets?kind=repair&limit=2&cursor=${first.body.cursor}`, {
      token: dispatcher,
    });
    const all = [...first.body.tickets, ...second.body.tickets];
    expect(all).toHaveLength(4);
    const created = all.map((t: { createdAt: string }) => t.createdAt);
    expect(created).toEqual([...created].sort().reverse());
    const closed = await desk.call('GET', '/tickets?kind=repair&status=closed', { token: dispatcher });
    expect(closed.body.tickets.map((t: { status: string }) => t.status)).toEqual(['closed']);
  });
});
