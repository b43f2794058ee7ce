/**
 * The complaint story over HTTP against the local runtime: an important complaint driven through
 * every clock with `POST /local/clock`, reading the SMS outbox and the ticket's timeline; and a
 * complaint from the phone, received ungraded and graded by the dispatcher.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTicket } from '../../shared/app/open-ticket';
import { startTestDesk, type TestDesk } from '../support/desk';

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

/** The README's complaint: 李女士 about the lift, important. */
const COMPLAINT = {
  kind: 'complaint',
  caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
  occurredAt: '2026-11-27T09:40:00+08:00',
  place: '5号楼电梯',
  about: { department: 'engineering' },
  description: '电梯停运两天无人处理',
  demand: '今天修好',
  valid: true,
  severity: 'important',
};

interface Sms {
  to: string;
  text: string;
  at: string;
}

/** The directory's phones of the demo park, by staff id. */
const PHONE: Record<string, string> = {};

async function sms(ticketId: string): Promise<Sms[]> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}`);
  expect(res.status).toBe(200);
  return res.body.messages;
}

/**
 * Moves the desk's clock to a park-local time; every clock due on the way fires at its own time.
 * The desk's clock keeps running in real time, so a clock started at 09:40 is due a few
 * milliseconds after 09:50: the story moves to the second after a deadline.
 */
async function clockTo(time: string) {
  const res = await desk.call('POST', '/local/clock', { body: { set: time } });
  expect(res.status).toBe(200);
  return res.body.fired as { timer: string; outcome: string }[];
}

/** A time the API answers (the park's, +08:00) within the second `localSecond` (the stepped clock adds milliseconds). */
const near = (localSecond: string) =>
  expect.stringMatching(new RegExp(`^${localSecond}(\\.\\d{3})?\\+08:00$`));

async function step(id: string, command: string, token: string, body?: unknown) {
  const res = await desk.call('POST', `/tickets/${id}/${command}`, { token, ...(body ? { body } : {}) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.ticket;
}

async function overdueIds(): Promise<string[]> {
  const res = await desk.call('GET', '/tickets?kind=complaint&overdue=true', { token: dispatcher });
  expect(res.status).toBe(200);
  return res.body.tickets.map((t: { id: string }) => t.id);
}

/**
 * The README's complaint through every clock, every SMS and the timeline (CH-4..CH-7, DS-4..DS-6),
 * told in chapters that run in order on one ticket: each chapter is a test of its own, so no test
 * carries the whole story's work.
 */
describe('the complaint story, end to end', () => {
  /** The story's ticket, opened in the first chapter. */
  let id: string;
  /** The texts sent from the `from`th on, each personal link (ADR 012) shown as `{link}`. */
  const texts = async (ticketId: string, from: number) =>
    (await sms(ticketId))
      .slice(from)
      .map((m) => [m.to, m.text.replace(/http:\/\/127\.0\.0\.1:\d+\/ack\/[0-9A-Za-z]{12}$/, '{link}')]);

  it('CH-4: opened at 09:40 and handed off; the report sheet unsigned at 09:50 is escalated; the head signs', async () => {
    // Prepare: the directory's phones.
    const staff = await desk.call('GET', '/staff', { token: dispatcher });
    for (const s of staff.body.staff as { id: string; phone: string }[]) PHONE[s.id] = s.phone;

    // 09:40 — the dispatcher opens the graded complaint: register number, handed off at once.
    const opened = await desk.call('POST', '/tickets', { token: dispatcher, body: COMPLAINT });
    expect(opened.status).toBe(201);
    const ticket = opened.body.ticket;
    id = ticket.id;
    expect(ticket).toMatchObject({
      number: 'C20261127-001',
      status: 'handed-off',
      valid: true,
      severity: 'important',
    });
    expect(Object.keys(ticket.timers).sort()).toEqual(
      ['escalate-1m', 'follow-up-2h', 'follow-up-eod', 'handoff-10m', 'resolve-3d', 'supervisor-30m'].sort(),
    );
    // CH-4 the report sheet to the department head; CH-5 the routing to a supervisor.
    expect(await texts(id, 0)).toEqual([
      [
        PHONE['engineering-manager-1'],
        '【翠湖物业】投诉呈报单C20261127-001(工程部):5号楼电梯 电梯停运两天无人处理,请签收:{link}',
      ],
      [
        PHONE['supervisor-1'],
        '【翠湖物业】重要投诉C20261127-001(工程部):电梯停运两天无人处理,请11月27日10:10前签收:{link}',
      ],
    ]);
    expect(await overdueIds()).not.toContain(id);

    // 09:49:59 nothing; 09:50 — CH-4: not signed in 10 minutes → the dispatcher and the department head.
    expect(await clockTo('2026-11-27T09:49:59+08:00')).toEqual([]);
    expect(await sms(id)).toHaveLength(2);
    expect(await clockTo('2026-11-27T09:50:01+08:00')).toMatchObject([
      { timer: 'handoff-10m', outcome: 'fired' },
    ]);
    expect(await texts(id, 2)).toEqual([
      [
        PHONE['dispatcher-1'],
        '【翠湖物业】投诉呈报单C20261127-001已10分钟未签收(工程部):电梯停运两天无人处理,请跟进。',
      ],
      // The head, who must sign, gets a fresh link to do it.
      [
        PHONE['engineering-manager-1'],
        '【翠湖物业】投诉呈报单C20261127-001已10分钟未签收(工程部):电梯停运两天无人处理,请即签收:{link}',
      ],
    ]);
    expect(await overdueIds()).toContain(id);

    // 09:55 — the engineering manager signs: the level-2 clock stops, nothing is owed.
    await clockTo('2026-11-27T09:55:00+08:00');
    const head = desk.token('engineering-manager-1');
    expect((await step(id, 'acknowledge', head, { note: '已安排张伟' })).status).toBe('acknowledged');
    await clockTo('2026-11-27T10:05:00+08:00');
    expect(await sms(id)).toHaveLength(4);
    expect(await overdueIds()).not.toContain(id);
  });

  it('CH-5, DS-4: no supervisor by 10:10 → the office manager; at 11:40 the dispatcher is reminded to follow up', async () => {
    // 10:10 — CH-5: no supervisor within 30 minutes of reception → the office manager.
    await clockTo('2026-11-27T10:10:01+08:00');
    expect(await texts(id, 4)).toEqual([
      [
        PHONE['office-manager-1'],
        '【翠湖物业】重要投诉C20261127-001已30分钟未获主管签收:电梯停运两天无人处理,请督办。',
      ],
    ]);
    // 10:15 the supervisor signs; at 10:40 the deputy GM is not bothered.
    await clockTo('2026-11-27T10:15:00+08:00');
    await step(id, 'acknowledge', desk.token('supervisor-1'));
    await clockTo('2026-11-27T10:45:00+08:00');
    expect(await sms(id)).toHaveLength(5);

    // 11:40 — DS-4: the dispatcher is reminded to follow up, and records it.
    await clockTo('2026-11-27T11:40:01+08:00');
    expect(await texts(id, 5)).toEqual([
      [
        PHONE['dispatcher-1'],
        '【翠湖物业】投诉C20261127-001已呈报2小时,请跟进进度并记录:电梯停运两天无人处理',
      ],
    ]);
    await step(id, 'follow-ups', dispatcher, { note: '工程部已派张伟,等配件' });
  });

  it('DS-5: no second follow-up by 17:30 → the office manager, and the ticket owes it until it is made', async () => {
    // 17:30 — DS-5: no second follow-up by closing → the office manager, and the ticket shows it.
    await clockTo('2026-11-27T17:30:00+08:00');
    expect(await texts(id, 6)).toEqual([
      [
        PHONE['office-manager-1'],
        '【翠湖物业】投诉C20261127-001下班前未做第二次跟进:电梯停运两天无人处理,请督办。',
      ],
    ]);
    expect(await overdueIds()).toContain(id);
    await clockTo('2026-11-28T09:00:00+08:00');
    // Still owed at the next opening (ADR 016): one level up, the office director.
    expect(await texts(id, 7)).toEqual([
      [
        PHONE['office-director-1'],
        '【翠湖物业】投诉C20261127-001逾期第1个工作日仍未跟进(工程部):电梯停运两天无人处理,请督办。',
      ],
    ]);
    await step(id, 'follow-ups', dispatcher, { note: '配件周一到' });
    expect(await overdueIds()).not.toContain(id);
  });

  it('CH-7, DS-6, CH-6: not done in 3 days; resolved by phone; no callback by closing; then closed for good', async () => {
    // Monday 09:40 — CH-7: not done within 3 days → the department head and the office manager.
    await clockTo('2026-11-30T09:40:01+08:00');
    expect(await texts(id, 8)).toEqual([
      // The head, who reports the work done, gets the link that does it.
      [
        PHONE['engineering-manager-1'],
        '【翠湖物业】重要投诉C20261127-001超3天未处置完毕(工程部):电梯停运两天无人处理,处理完毕请点:{link}',
      ],
      [
        PHONE['office-manager-1'],
        '【翠湖物业】重要投诉C20261127-001超3天未处置完毕(工程部):电梯停运两天无人处理,请督办。',
      ],
    ]);

    // 10:00 — DS-6: the technician's word by phone; the supervisor is told, the callback is due by 17:30 today.
    await clockTo('2026-11-30T10:00:00+08:00');
    const resolved = await step(id, 'resolve', dispatcher, {
      confirmedBy: '张伟',
      via: 'phone',
      note: '已更换控制板',
    });
    expect(resolved.status).toBe('resolved');
    expect(resolved.timers['callback-eod']).toEqual({ dueAt: '2026-11-30T17:30:00+08:00', state: 'pending' });
    expect(await texts(id, 10)).toEqual([
      [
        PHONE['supervisor-1'],
        '【翠湖物业】投诉C20261127-001已处理完毕(工程部):电梯停运两天无人处理,请11月30日17:30前回访业主。',
      ],
    ]);

    // 17:30 — CH-6: no callback by closing → the customer-service lead.
    await clockTo('2026-11-30T17:30:00+08:00');
    expect(await texts(id, 11)).toEqual([
      [
        PHONE['customer-service-lead-1'],
        '【翠湖物业】投诉C20261127-001已处理,当日未回访业主:电梯停运两天无人处理,请即回访。',
      ],
    ]);

    // The callback, then the service slip copy: only now is the complaint closed (DS-6).
    await clockTo('2026-11-30T17:45:00+08:00');
    expect((await step(id, 'callback', dispatcher, { outcome: 'satisfied' })).status).toBe('resolved');
    const closed = await step(id, 'service-slip', dispatcher, { number: 'FW-0101', signedBy: '陈静' });
    expect(closed.status).toBe('closed');
    expect(await overdueIds()).not.toContain(id);

    // A month later nothing fires: the one-month clock was met when it was resolved.
    await clockTo('2026-12-28T10:00:00+08:00');
    expect(await sms(id)).toHaveLength(12);
  });

  it('the timeline holds every step, the clocks each set, met, missed or cancelled, and every SMS', async () => {
    const view = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(view.status).toBe(200);
    const timeline = view.body.timeline as {
      type: string;
      at: string;
      data: Record<string, unknown>;
      timers?: Record<string, unknown>;
    }[];
    expect(timeline.map((e) => (e.type === 'sms' ? `sms:${e.data.purpose}` : e.type))).toEqual([
      'complaint.opened',
      'sms:report-sheet',
      'sms:supervisor',
      'complaint.escalated',
      'sms:handoff-10m',
      'sms:handoff-10m',
      'complaint.acknowledged',
      'complaint.escalated',
      'sms:supervisor-30m',
      'complaint.acknowledged',
      'complaint.reminded',
      'sms:follow-up-2h',
      'complaint.followed-up',
      'complaint.escalated',
      'sms:follow-up-eod',
      'complaint.still-overdue',
      'sms:overdue-day-1',
      'complaint.followed-up',
      'complaint.escalated',
      'sms:resolve-3d',
      'sms:resolve-3d',
      'complaint.resolved',
      'sms:resolved',
      'complaint.escalated',
      'sms:callback-eod',
      'complaint.called-back',
      'complaint.service-slip-filed',
    ]);
    const entry = (type: string, n = 0) => timeline.filter((e) => e.type === type)[n]!;
    expect(entry('complaint.opened').timers?.set).toMatchObject({
      'handoff-10m': near('2026-11-27T09:50:00'),
    });
    expect(entry('complaint.escalated', 0)).toMatchObject({
      at: near('2026-11-27T09:50:00'),
      data: { timer: 'handoff-10m', owes: 'report-sheet' },
      timers: { missed: ['handoff-10m'], set: { 'handoff-L2': near('2026-11-27T10:00:00') } },
    });
    // Owing nothing more, the daily text of a deadline still missed is called off (ADR 016).
    expect(entry('complaint.acknowledged', 0).timers).toEqual({
      met: ['handoff-L2'],
      cancelled: ['overdue-day-1'],
    });
    expect(entry('complaint.acknowledged', 1).timers).toEqual({
      met: ['supervisor-L2'],
      cancelled: ['overdue-day-1'],
    });
    expect(entry('complaint.reminded').timers).toEqual({ fired: ['follow-up-2h'] });
    expect(entry('complaint.escalated', 2).data).toMatchObject({
      timer: 'follow-up-eod',
      reasons: ['second-follow-up-missing'],
    });
    expect(entry('complaint.resolved').timers).toEqual({
      met: ['escalate-1m'],
      cancelled: ['overdue-day-1'],
      set: { 'callback-eod': '2026-11-30T17:30:00+08:00' },
    });
    expect(entry('complaint.service-slip-filed').data).toMatchObject({
      number: 'FW-0101',
      signedBy: '陈静',
      closes: true,
    });
    // Timeliness (及时率): every deadline missed is on the ticket for the monthly summary.
    expect(view.body.missedDeadlines).toEqual([
      'handoff-10m',
      'supervisor-30m',
      'follow-up-eod',
      'resolve-3d',
      'callback-eod',
    ]);
    expect(view.body.overdue).toEqual([]);
    expect(view.body.allowedCommands).toEqual([]);
  });

  it('CH-2: a complaint from the phone is received ungraded; the dispatcher grades it and the clocks start', async () => {
    // Prepare: the phone engineer's intake, as the IVR calls the use case.
    await clockTo('2026-12-28T09:00:00+08:00');
    const { ticket } = await openTicket(
      desk.deps,
      { staffId: 'ivr', groups: ['dispatcher'], parks: ['park-1'] },
      {
        kind: 'complaint',
        parkId: 'park-1',
        caller: { name: '来电', phone: '+8613800000005' },
        occurredAt: '2026-12-28T09:00:00+08:00',
        place: '电话投诉',
        description: '楼道灯坏了一周',
      },
      { channel: 'ivr-connect', callId: 'contact-1', transcript: '楼道灯坏了一周' },
    );
    expect(ticket).toMatchObject({ status: 'received', number: 'C20261228-001' });
    expect(await sms(ticket.id)).toMatchObject([
      {
        to: PHONE['dispatcher-1'],
        text: '【翠湖物业】电话投诉C20261228-001待定性:楼道灯坏了一周,请10分钟内定性呈报。',
      },
    ]);

    // Act: graded at 09:06 — minor, about engineering, the resident wants it by tomorrow noon.
    await clockTo('2026-12-28T09:06:00+08:00');
    const graded = await step(ticket.id, 'grade', dispatcher, {
      valid: true,
      severity: 'minor',
      about: { department: 'engineering' },
      demand: '明天中午前修好',
      residentDeadline: '2026-12-29T12:00:00+08:00',
    });

    // Assess: handed off; the reception clock met; the resident's deadline is the minor deadline.
    expect(graded).toMatchObject({
      status: 'handed-off',
      severity: 'minor',
      source: { channel: 'ivr-connect' },
    });
    expect(graded.timers['grade-10m'].state).toBe('met');
    expect(graded.timers['resolve-by-resident']).toEqual({
      dueAt: '2026-12-29T12:00:00+08:00',
      state: 'pending',
    });
    expect(graded.timers['handoff-10m'].dueAt).toEqual(near('2026-12-28T09:16:00'));
    await clockTo('2026-12-28T09:10:00+08:00');
    const messages = await sms(ticket.id);
    expect(messages.map((m) => m.to)).toEqual([PHONE['dispatcher-1'], PHONE['engineering-manager-1']]);
  });
});
