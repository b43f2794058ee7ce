/**
 * Issue 11 (items 3, 5, 8 with item 1's links): the repair lead's dispatch link over HTTP on the
 * local desk. His SMS about a job nobody has taken (ack-30m, a booking not taken by the reminder, a
 * reopened repair) ends in his own signed link: the page lists the technicians (GET records
 * nothing), the form gives the job out through the desk's `assign` as him, the timeline says it came
 * through the link; once a technician has taken it the link records nothing; a tampered, an expired
 * or a wrong form records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_SMS_LIMIT } from '../../shared/domain/sms';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const LEAD = '+8613900000009';
const TECH_LI = '+8613900000008';
const LEAK = '厨房水管接头爆裂漏水,水已流到客厅地板,楼下天花板也开始渗水';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
});
afterAll(async () => desk?.close());

async function clock(set: string) {
  const res = await desk.call('POST', '/local/clock', { body: { set } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
async function texts(ticketId: string, phone: string): Promise<string[]> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}&to=${encodeURIComponent(phone)}`);
  return res.body.messages.map((m: { text: string }) => m.text);
}
async function linkIn(ticketId: string, phone: string): Promise<{ text: string; path: string }> {
  const text = (await texts(ticketId, phone)).at(-1) ?? '';
  const match = /(\/ack\/[0-9A-Za-z]{12})$/.exec(text);
  expect(match, text).not.toBeNull();
  return { text, path: match?.[1] ?? '' };
}
const post = (path: string, fields: Record<string, string>) =>
  desk.call('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: FORM });
async function view(id: string) {
  return (await desk.call('GET', `/tickets/${id}`, { token: dispatcher })).body;
}
async function open(body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await desk.call('POST', '/tickets', { token: dispatcher, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket;
}

describe('the repair lead’s dispatch link (派工/改派)', () => {
  it('ack-30m with nobody on the job → his SMS and link → page → 派工 → the technician’s SMS; timeline via the link', async () => {
    await clock('2026-11-27T09:40:00+08:00');
    const ticket = await open(repairBody({ description: LEAK }));
    await clock('2026-11-27T10:11:00+08:00');

    const { text, path } = await linkIn(ticket.id, LEAD);
    expect(text).toContain('派出30分钟未接单(未派人):3-2-1502');
    expect(text).toContain(LEAK);
    expect(text.length).toBeLessThanOrEqual(LINK_SMS_LIMIT);
    const before = await view(ticket.id);
    const page = await desk.call('GET', path);
    expect(page.status).toBe(200);
    expect(page.body).toContain('派工');
    expect(page.body).toContain('<option value="technician-2">李强</option>');
    expect((await view(ticket.id)).version).toBe(before.version);

    const wrong = await post(path, { action: 'assign', staffId: 'security-guard-1' });
    expect(wrong.status).toBe(400);
    const res = await post(path, { action: 'assign', staffId: 'technician-2' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('已派给李强');

    const after = await view(ticket.id);
    expect(after).toMatchObject({ status: 'assigned', assigneeId: 'technician-2' });
    const assigned = after.timeline.filter((e: { type: string }) => e.type === 'ticket.assigned');
    expect(assigned.map((e: { actor: object }) => e.actor)).toEqual([
      { staffId: 'repair-lead-1', groups: ['staff'], name: '王刚', via: 'link' },
    ]);
    await clock('2026-11-27T10:12:00+08:00');
    expect((await texts(ticket.id, TECH_LI)).at(-1)).toMatch(/接单:http.*\/ack\//);

    // Taken by the technician: the lead's link records nothing any more (409 when posted).
    await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, { token: desk.token('technician-2') });
    const reused = await post(path, { action: 'assign', staffId: 'technician-1' });
    expect(reused.status).toBe(409);
    expect(reused.body).toContain('李强已接单');
    expect((await view(ticket.id)).assigneeId).toBe('technician-2');
  });

  it('a booking not taken by the reminder: the lead reassigns from the SMS; tampered and expired links record nothing', async () => {
    await clock('2026-11-27T09:40:00+08:00');
    const ticket = await open(
      repairBody({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }),
    );
    await desk.call('POST', `/tickets/${ticket.id}/assign`, {
      token: dispatcher,
      body: { staffId: 'technician-1' },
    });
    await clock('2026-11-28T09:01:00+08:00');

    const { text, path } = await linkIn(ticket.id, LEAD);
    expect(text).toContain('预约11月28日10:00上门,张伟尚未接单');
    const edited = `${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`;
    expect((await post(edited, { action: 'assign', staffId: 'technician-2' })).status).toBe(403);
    expect((await desk.call('GET', path)).body).toContain('改派');
    expect((await post(path, { action: 'assign', staffId: 'technician-2' })).status).toBe(200);
    expect((await view(ticket.id)).assigneeId).toBe('technician-2');

    // A day later the link has expired.
    await clock('2026-11-29T09:30:00+08:00');
    const late = await post(path, { action: 'assign', staffId: 'technician-1' });
    expect(late.status).toBe(410);
    expect((await view(ticket.id)).assigneeId).toBe('technician-2');
  });
});
