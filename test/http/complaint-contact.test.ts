/**
 * Issue 10 item 2 over HTTP: the complainant's contact (CH-3) is shown to the desk, management and
 * the head of the department handling it — not to the person complained about, nor to other
 * staff — on every read path: the ticket, its timeline, the lists, a command's answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let id: string;

const CALLER = { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' };
const MASKED = { name: '李**', phone: '138****0002', masked: true };

beforeAll(async () => {
  desk = await startTestDesk();
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:40:00+08:00' } });
  // A complaint about the technician 张伟 (engineering), handled by engineering's head.
  const res = await desk.call('POST', '/tickets', {
    token: desk.token('dispatcher'),
    body: {
      kind: 'complaint',
      caller: CALLER,
      occurredAt: '2026-11-27T09:40:00+08:00',
      place: '5号楼电梯',
      about: { staffId: 'technician-1' },
      description: '维修工态度恶劣',
      valid: true,
      severity: 'important',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  id = res.body.ticket.id;
});
afterAll(async () => {
  await desk?.close();
});

/** The caller as `who` reads it on the ticket, in the timeline's opening event and in the list. */
async function callerSeenBy(who: string) {
  const token = desk.token(who);
  const view = await desk.call('GET', `/tickets/${id}`, { token });
  expect(view.status, JSON.stringify(view.body)).toBe(200);
  const opened = view.body.timeline.find((e: { type: string }) => e.type === 'complaint.opened');
  const list = await desk.call('GET', '/tickets?kind=complaint&parkId=park-1', { token });
  expect(list.status, JSON.stringify(list.body)).toBe(200);
  const listed = list.body.tickets.find((t: { id: string }) => t.id === id);
  return { ticket: view.body.caller, timeline: opened.data.caller, list: listed.caller, view: view.body };
}

describe('who sees the complainant’s contact (CH-3)', () => {
  it.each([
    ['dispatcher', 'the desk'],
    ['engineering-manager', 'the head of the department handling it'],
    ['gm', 'management'],
  ])('%s (%s): in full, everywhere', async (who) => {
    const seen = await callerSeenBy(who);
    expect(seen.ticket).toEqual(CALLER);
    expect(seen.timeline).toEqual(CALLER);
    expect(seen.list).toEqual(CALLER);
  });

  it.each([
    ['technician-1', 'the person complained about'],
    ['technician-2', 'a colleague in the department'],
    ['security-guard', 'another team'],
  ])('%s (%s): masked, everywhere', async (who) => {
    const seen = await callerSeenBy(who);
    expect(seen.ticket).toEqual(MASKED);
    expect(seen.timeline).toEqual(MASKED);
    expect(seen.list).toEqual(MASKED);
    expect(JSON.stringify(seen.view)).not.toContain('13800000002');
    expect(JSON.stringify(seen.view)).not.toContain('5-1-0801');
  });

  it('the person complained about is offered no step; the others are', async () => {
    expect((await callerSeenBy('technician-1')).view.allowedCommands).toEqual([]);
    expect((await callerSeenBy('dispatcher')).view.allowedCommands).toContain('resolve');
  });

  it('a command’s answer is the same view: the department’s technician reporting it done sees it masked', async () => {
    const desk1 = desk.token('dispatcher');
    for (const step of ['report-sheet', 'supervisor']) {
      await desk.call('POST', `/tickets/${id}/acknowledge`, { token: desk1, body: { step } });
    }
    const res = await desk.call('POST', `/tickets/${id}/resolve`, {
      token: desk.token('technician-2'),
      body: { confirmedBy: '李强', via: 'in-person' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket.caller).toEqual(MASKED);
  });

  it('no SMS about it carries the contact, and none goes to the person complained about', async () => {
    const messages = (await desk.call('GET', `/local/sms?ticketId=${id}`)).body.messages as {
      to: string;
      text: string;
    }[];
    expect(messages.length).toBeGreaterThan(0);
    const staff = (await desk.call('GET', '/staff', { token: desk.token('dispatcher') })).body.staff;
    const technician = staff.find((s: { id: string }) => s.id === 'technician-1');
    for (const m of messages) {
      expect(m.text).not.toContain('13800000002');
      expect(m.text).not.toContain('李女士');
      expect(m.to).not.toBe(technician.phone);
    }
  });

  it('repairs are not masked: the technician needs the resident’s number to go there', async () => {
    const body = repairBody();
    const opened = await desk.call('POST', '/tickets', { token: desk.token('dispatcher'), body });
    const view = await desk.call('GET', `/tickets/${opened.body.ticket.id}`, {
      token: desk.token('technician'),
    });
    expect(view.body.caller).toEqual(body.caller);
  });
});
