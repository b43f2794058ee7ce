/**
 * The emergency story over HTTP against the local runtime: a fire reported at 2 a.m., nobody answers
 * the SMS, the chain climbs office manager → deputy GM → GM and starts a second round; the GM
 * acknowledges through the link in his SMS and the SMS stop. Then the case is signed off and closed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dutyOfficer: string;

interface Sms {
  to: string;
  text: string;
  at: string;
}

const PHONE = {
  officeManager: '+8613900000019',
  deputyGm: '+8613900000021',
  gm: '+8613900000022',
};

beforeAll(async () => {
  desk = await startTestDesk();
  dutyOfficer = desk.token('duty-officer');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-28T02:00:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
});

async function sms(ticketId: string): Promise<Sms[]> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}`);
  expect(res.status).toBe(200);
  return res.body.messages;
}

/** The path of the personal link at the end of an SMS (`/ack/<token>`). */
function linkIn(text: string): string {
  const match = /(\/ack\/[A-Za-z0-9._~-]+)$/.exec(text);
  expect(match, text).not.toBeNull();
  return match![1]!;
}

async function advance(duration: string) {
  const res = await desk.call('POST', '/local/clock', { body: { advance: duration } });
  expect(res.status).toBe(200);
  return res.body.fired as { timer: string; outcome: string; dueAt: string }[];
}

describe('the emergency story, end to end', () => {
  it('EM-1..EM-6: nobody answers → manager, deputy GM, GM, round two; the GM acknowledges by link and the SMS stop', async () => {
    // Prepare + Act: at 2 a.m. the duty officer opens a fire report (EM-1 B).
    const opened = await desk.call('POST', '/tickets', {
      token: dutyOfficer,
      body: {
        kind: 'emergency',
        category: 'fire',
        location: '3号楼地下车库',
        description: '车库B区冒烟,有焦味',
        caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
      },
    });

    // Assess: a numbered case in the dispatch record, owned by whoever opened it (EM-4).
    expect(opened.status).toBe(201);
    const { ticket } = opened.body;
    expect(ticket.number).toBe('E20261128-001');
    expect(ticket.status).toBe('escalating');
    expect(ticket.owner).toMatchObject({ staffId: 'duty-officer-1', how: 'opened' });
    expect(opened.body.notified.chain.map((p: { staffId: string }) => p.staffId)).toEqual([
      'office-manager-1',
    ]);
    expect(opened.body.notified.responders).toHaveLength(6);
    expect(ticket.timers['escalate-r1-L1']).toMatchObject({
      state: 'pending',
      dueAt: expect.stringMatching(/^2026-11-28T02:05:00(\.\d{3})?\+08:00$/),
    });

    // EM-2 at once: the office manager, with place, category and a personal link; EM-3 right after.
    const first = await sms(ticket.id);
    expect(first).toHaveLength(7);
    expect(first[0]?.to).toBe(PHONE.officeManager);
    expect(first[0]?.text).toMatch(
      /^【翠湖物业】紧急E20261128-001火警:3号楼地下车库。车库B区冒烟,有焦味。请速处理,点链接确认:http:\/\/127\.0\.0\.1:\d+\/ack\//,
    );
    expect(first.slice(1).every((m) => m.text.includes('请立即赶赴现场'))).toBe(true);

    // Four minutes: nobody else yet.
    expect(await advance('PT4M')).toEqual([]);
    expect(await sms(ticket.id)).toHaveLength(7);

    // 5, 10, 15, 20, 25 minutes: deputy GM, GM, then the second round from the top.
    const fired = await advance('PT21M');
    // EM-3 at 15 minutes: nobody reported on the scene (issue 11 item 16).
    expect(fired.map((f) => [f.timer, f.outcome]).filter(([t]) => t !== 'scene-due')).toEqual([
      ['escalate-r1-L1', 'fired'],
      ['escalate-r1-L2', 'fired'],
      ['escalate-r1-L3', 'fired'],
      ['escalate-r2-L1', 'fired'],
      ['escalate-r2-L2', 'fired'],
    ]);
    expect(fired.filter((f) => f.timer === 'scene-due').map((f) => f.outcome)).toEqual(['fired']);
    const later = (await sms(ticket.id)).slice(7);
    // The owner (the duty officer) hears of each level nobody answered, with whom to phone
    // (issue 11 item 15), and of the responders not on the scene at 15 minutes (item 16).
    const toOwner = later.filter((m) => m.to === '+8613900000002').map((m) => m.text);
    expect(toOwner.filter((t) => t.includes('未确认,请电话联系'))).toHaveLength(5);
    expect(toOwner.filter((t) => t.includes('未到场'))).toHaveLength(1);
    const climbed = later.filter((m) => m.to !== '+8613900000002');
    expect(climbed.map((m) => m.to)).toEqual([
      PHONE.deputyGm,
      PHONE.gm,
      PHONE.officeManager,
      PHONE.deputyGm,
      PHONE.gm,
    ]);
    expect(climbed[0]?.text).toContain('管理处经理未确认');
    expect(climbed[2]?.text).toContain('第2轮,上轮各级均未确认');
    // Each SMS carries its own link.
    expect(new Set(climbed.map((m) => linkIn(m.text))).size).toBe(5);

    // The GM opens his round-two link: a GET shows the page and records nothing (link previewers).
    const gmLink = linkIn(climbed[4]!.text);
    const before = await desk.call('GET', `/tickets/${ticket.id}`, { token: dutyOfficer });
    const page = await desk.call('GET', gmLink);
    expect(page.status).toBe(200);
    expect(page.body).toContain('确认收到,立即处理');
    expect(page.body).toContain('梁思远');
    expect(page.body).toContain('3号楼地下车库');
    expect(page.body).toContain('<form method="post">');
    const unchanged = await desk.call('GET', `/tickets/${ticket.id}`, { token: dutyOfficer });
    expect(unchanged.body.version).toBe(before.body.version);

    // He presses the button: a POST records who and when, and the chain stops.
    const confirmed = await desk.call('POST', gmLink, {
      rawBody: 'action=acknowledge',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toContain('已记录您于11月28日02:25的确认');

    // Reused link, or the deputy GM's older link: a clear page, nothing recorded.
    const again = await desk.call('POST', gmLink, {
      rawBody: 'action=acknowledge',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(again.status).toBe(409);
    expect(again.body).toContain('您已于11月28日02:25确认');
    const deputy = await desk.call('POST', linkIn(climbed[3]!.text), {
      rawBody: 'action=acknowledge',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(deputy.status).toBe(409);
    expect(deputy.body).toContain('本事件已由梁思远于11月28日02:25确认');

    // No SMS after the acknowledgement, however long the clock runs.
    const sentBefore = (await sms(ticket.id)).length;
    expect(await advance('PT2H')).toEqual([]);
    expect(await sms(ticket.id)).toHaveLength(sentBefore);

    // The timeline holds every level reached, the acknowledgement, and each SMS (links hidden).
    const view = await desk.call('GET', `/tickets/${ticket.id}`, { token: dutyOfficer });
    expect(view.body.status).toBe('acknowledged');
    expect(view.body.chain.acknowledgement).toMatchObject({
      staffId: 'gm-1',
      round: 2,
      level: 3,
      via: 'link',
    });
    const events = view.body.timeline.filter((e: { type: string }) => e.type !== 'sms');
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'emergency.opened',
      'emergency.escalated',
      'emergency.escalated',
      // EM-3 at 15 minutes (issue 11 item 16), beside the chain's third level.
      'emergency.not-on-scene',
      'emergency.escalated',
      'emergency.escalated',
      'emergency.escalated',
      'emergency.acknowledged',
    ]);
    // Each escalation stamped with its own due time, not when the clock stopped.
    expect(
      events
        .filter((e: { type: string }) => e.type === 'emergency.escalated')
        .map((e: { at: string }) => e.at.slice(11, 16)),
    ).toEqual(['02:05', '02:10', '02:15', '02:20', '02:25']);
    expect(events.at(-1).actor).toMatchObject({ staffId: 'gm-1', name: '梁思远' });
    const smsEntries = view.body.timeline.filter((e: { type: string }) => e.type === 'sms');
    // 7 at opening, 5 up the chain, 5 to the owner about them (item 15), 1 about the scene (item 16).
    expect(smsEntries).toHaveLength(18);
    expect(JSON.stringify(smsEntries)).not.toMatch(/\/ack\/[0-9A-Z]{26}\./);
    expect(view.body.timers['escalate-r2-L3'].state).toBe('met');

    // EM-6: no close without the office manager's sign-off.
    const early = await desk.call('POST', `/tickets/${ticket.id}/close`, { token: dutyOfficer });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('EM-6');
    const manager = desk.token('office-manager-1');
    const signed = await desk.call('POST', `/tickets/${ticket.id}/sign-off`, {
      token: manager,
      body: { comment: '火情已排除,同意销项。' },
    });
    expect(signed.status).toBe(200);
    expect(signed.body.ticket.signOff).toMatchObject({
      staffId: 'office-manager-1',
      comment: '火情已排除,同意销项。',
    });
    const closed = await desk.call('POST', `/tickets/${ticket.id}/close`, { token: dutyOfficer });
    expect(closed.status).toBe(200);
    expect(closed.body.ticket.status).toBe('closed');
  });
});
