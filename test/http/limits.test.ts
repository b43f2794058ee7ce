/**
 * Issue 10 point 3 over HTTP on the local desk (ADR 011): a caller who calls again joins their open
 * ticket (`duplicateOf`, 200, the repeated call on its timeline, no second SMS chain); a step that
 * changes nothing texts nobody. 20 emergency calls from one number once
 * opened 20 tickets and 160 SMS, and every repeated `assign` texted the technician again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMIT_DEFAULTS } from '../../shared/domain/limits';
import { newCallerPhone, repairBody, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  const clock = await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:00:00+08:00' } });
  expect(clock.status).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

const open = (body: unknown) => desk.call('POST', '/tickets', { token: dispatcher, body });
const smsOf = async (id: string) =>
  (await desk.call('GET', `/local/sms?ticketId=${id}`)).body.messages as { to: string; text: string }[];
const timelineOf = async (id: string) =>
  (await desk.call('GET', `/tickets/${id}`, { token: dispatcher })).body.timeline as {
    type: string;
    data: Record<string, unknown>;
  }[];
const fire = (phone: string, category = 'fire') => ({
  kind: 'emergency',
  category,
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
  caller: { name: '王先生', phone, unit: '3-2-1502' },
});

describe('the same caller again within the window (duplicateOf)', () => {
  it('a second repair joins the open one: 200, its number, the call on its timeline, no second SMS', async () => {
    // Prepare: a repair taken down without RP-2 (the desk on shift is texted once).
    const phone = newCallerPhone();
    const { decision: _none, ...received } = repairBody({
      caller: { name: '王先生', phone, unit: '3-2-1502' },
    });
    const first = await open(received);
    expect(first.status).toBe(201);
    const id = first.body.ticket.id as string;
    const texted = (await smsOf(id)).length;

    // Act: the same caller, the same kind, nine minutes later (before the desk's 10-minute RP-2
    // clock texts again, issue 11 item 4), about it again.
    await desk.call('POST', '/local/clock', { body: { advance: 'PT9M' } });
    const again = await open({ ...received, description: '厨房水管漏水,越来越严重' });

    // Assess
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(again.body.duplicateOf).toBe(id);
    expect(again.body.ticket.id).toBe(id);
    expect(again.body.ticket.number).toBe(first.body.ticket.number);
    expect(again.body.ticket.calledAgain).toMatchObject({ count: 1 });
    const list = await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher });
    expect(
      list.body.tickets.filter((t: { caller: { phone: string } }) => t.caller.phone === phone),
    ).toHaveLength(1);
    const timeline = await timelineOf(id);
    expect(timeline.filter((e) => e.type !== 'sms').map((e) => e.type)).toEqual([
      'repair.opened',
      'caller.called-again',
    ]);
    expect(timeline.find((e) => e.type === 'caller.called-again')?.data).toMatchObject({
      channel: 'desk',
      description: '厨房水管漏水,越来越严重',
      caller: { phone },
    });
    expect(await smsOf(id)).toHaveLength(texted);
  });

  it('twenty fire calls from one number: one emergency, one SMS chain; another category is its own', async () => {
    // Prepare
    const phone = newCallerPhone();
    const first = await open(fire(phone));
    expect(first.status).toBe(201);
    const id = first.body.ticket.id as string;
    const chain = (await smsOf(id)).length;

    // Act
    const repeats = [];
    for (let i = 0; i < 19; i++) repeats.push(await open(fire(phone)));
    const accident = await open(fire(phone, 'accident'));

    // Assess: nineteen answers naming the first; seven SMS (the office manager, six responders) in all.
    expect(repeats.map((r) => [r.status, r.body.duplicateOf])).toEqual(repeats.map(() => [200, id]));
    expect(chain).toBe(7);
    expect(await smsOf(id)).toHaveLength(7);
    const timeline = await timelineOf(id);
    expect(timeline.filter((e) => e.type === 'caller.called-again')).toHaveLength(19);
    expect(accident.status).toBe(201);
    expect(accident.body.ticket.id).not.toBe(id);
  });

  it('allowDuplicate: the desk judges it another matter, and a ticket of its own opens (201)', async () => {
    const phone = newCallerPhone();
    const body = repairBody({ caller: { name: '王先生', phone, unit: '3-2-1502' } });
    const first = await open(body);
    const second = await open({ ...body, description: '卫生间灯不亮', allowDuplicate: true });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.ticket.id).not.toBe(first.body.ticket.id);
    expect(second.body.ticket).not.toHaveProperty('allowDuplicate');
    expect(second.body).not.toHaveProperty('duplicateOf');
  });

  it('a ticket no longer open is not joined: after a declined repair the next opens (201)', async () => {
    const phone = newCallerPhone();
    const caller = { name: '王先生', phone, unit: '3-2-1502' };
    const declined = await open(repairBody({ caller, decision: 'decline', declineReason: '不在范围' }));
    expect(declined.body.ticket.status).toBe('declined');
    const next = await open(repairBody({ caller }));
    expect(next.status).toBe(201);
    expect(next.body.ticket.id).not.toBe(declined.body.ticket.id);
  });

  it(`after the window (${LIMIT_DEFAULTS.duplicateWindowMinutes} minutes) the same call opens a ticket of its own`, async () => {
    const phone = newCallerPhone();
    const body = repairBody({ caller: { name: '王先生', phone, unit: '3-2-1502' } });
    const first = await open(body);
    await desk.call('POST', '/local/clock', { body: { advance: 'PT31M' } });
    const later = await open(body);
    expect([first.status, later.status]).toEqual([201, 201]);
    expect(later.body.ticket.id).not.toBe(first.body.ticket.id);
  });
});

describe('a step that changes nothing texts nobody', () => {
  it('re-assigning the technician already on the job: 200 unchanged, no event, no second SMS', async () => {
    // Prepare
    const opened = await open(repairBody());
    const id = opened.body.ticket.id as string;
    const assign = () =>
      desk.call('POST', `/tickets/${id}/assign`, { token: dispatcher, body: { staffId: 'technician-1' } });
    const first = await assign();

    // Act
    const again = await assign();
    const third = await assign();

    // Assess
    expect(first.status).toBe(200);
    expect([again.status, again.body.unchanged, third.body.unchanged]).toEqual([200, true, true]);
    expect(again.body.ticket.version).toBe(first.body.ticket.version);
    const timeline = await timelineOf(id);
    expect(timeline.filter((e) => e.type === 'ticket.assigned')).toHaveLength(1);
    expect((await smsOf(id)).filter((m) => m.to === '+8613900000007')).toHaveLength(1);
  });

  it('EM-4: offering the hand-over again to the successor already asked records and texts nothing new', async () => {
    const opened = await open(fire(newCallerPhone()));
    const id = opened.body.ticket.id as string;
    const offer = () =>
      desk.call('POST', `/tickets/${id}/hand-over`, {
        token: dispatcher,
        body: { staffId: 'duty-officer-1' },
      });
    const first = await offer();
    const again = await offer();
    expect([first.status, again.status, again.body.unchanged]).toEqual([200, 200, true]);
    const timeline = await timelineOf(id);
    expect(timeline.filter((e) => e.type === 'emergency.handover-offered')).toHaveLength(1);
    expect((await smsOf(id)).filter((m) => m.to === '+8613900000002')).toHaveLength(1);
  });
});
