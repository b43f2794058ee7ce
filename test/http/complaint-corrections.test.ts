/**
 * Issue 11 items 9, 10 and 14 over HTTP on DynamoDB Local (ADR 016): `POST /tickets/{id}/regrade`
 * corrects a grading or moves a complaint (CH-1 应按其危害程度来划分); a unit's third complaint
 * about a department within 30 days is major, linked to the earlier ones found by one Query on the
 * `complaintsByUnitSubject` index (CH-1 经业主多次提出而得不到解决); the reply to opening a
 * complaint carries the dispatcher's sentences (CH-2 先处理心情).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCallerPhone, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await startTestDesk();
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:40:00+08:00' } });
});
afterAll(async () => desk?.close());

function complaint(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'complaint',
    caller: { name: '李女士', phone: newCallerPhone() },
    occurredAt: '2026-11-27T09:30:00+08:00',
    place: '5号楼电梯',
    about: { department: 'engineering' },
    description: '电梯停运两天无人处理',
    valid: true,
    severity: 'important',
    ...overrides,
  };
}

async function openOne(overrides: Record<string, unknown> = {}) {
  const res = await desk.call('POST', '/tickets', {
    token: desk.token('dispatcher'),
    body: complaint(overrides),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const smsOf = async (id: string): Promise<{ text: string; to: string }[]> =>
  (await desk.call('GET', `/local/sms?ticketId=${id}`)).body.messages;

describe('item 14: the reply to opening a complaint carries the call script (CH-2)', () => {
  it('feelings first, the matter read back, what happens next', async () => {
    const body = await openOne({ demand: '今天修好' });
    expect(body.script).toEqual({
      comfort: expect.stringContaining('给您带来不便,我们非常抱歉。'),
      confirmation: '跟您确认一下:地点:5号楼电梯;情况:电梯停运两天无人处理;您的要求:今天修好。对吗?',
      next: expect.stringMatching(
        /^投诉单号C20261127-\d{3},已转交工程部负责人,会三天内处理完毕,处理完毕当天回访您。$/,
      ),
    });
  });
});

describe('item 9: POST /tickets/{id}/regrade (ADR 016)', () => {
  it('moves a complaint to another department: the new head gets the report sheet with their link; the old clocks are cancelled', async () => {
    const { ticket } = await openOne();
    const before = (await smsOf(ticket.id)).length;

    const res = await desk.call('POST', `/tickets/${ticket.id}/regrade`, {
      token: desk.token('dispatcher'),
      body: { about: { department: 'security' }, severity: 'minor', reason: '实为保安拦车,非工程问题' },
    });

    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.ticket).toMatchObject({
      status: 'handed-off',
      severity: 'minor',
      about: { department: 'security' },
    });
    const texts = (await smsOf(ticket.id)).slice(before);
    expect(texts.map((m) => m.text)).toEqual([
      expect.stringMatching(
        /^【翠湖物业】投诉呈报单C20261127-\d{3}\(保安部\):5号楼电梯 电梯停运两天无人处理,.*http:\/\/127\.0\.0\.1:\d+\/ack\/[0-9A-Za-z]{12}$/,
      ),
    ]);
    const view = await desk.call('GET', `/tickets/${ticket.id}`, { token: desk.token('dispatcher') });
    const entry = view.body.timeline.find((e: { type: string }) => e.type === 'complaint.regraded');
    expect(entry).toMatchObject({
      data: { reason: '实为保安拦车,非工程问题', moved: true, before: { severity: 'important' } },
      timers: { cancelled: expect.arrayContaining(['supervisor-30m', 'resolve-3d']) },
    });
    expect(Object.keys(entry.timers.set)).toEqual(expect.arrayContaining(['handoff-10m', 'resolve-2d']));
  });

  it('only the desk or a manager (403 for a technician); a reason is required (400); nothing changes on a refusal', async () => {
    const { ticket } = await openOne();
    const denied = await desk.call('POST', `/tickets/${ticket.id}/regrade`, {
      token: desk.token('technician-1'),
      body: { severity: 'minor', reason: '更正' },
    });
    expect(denied.status).toBe(403);
    const bad = await desk.call('POST', `/tickets/${ticket.id}/regrade`, {
      token: desk.token('dispatcher'),
      body: { severity: 'minor' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ field: 'reason' });
    const same = await desk.call('POST', `/tickets/${ticket.id}/regrade`, {
      token: desk.token('office-manager'),
      body: { severity: 'important', reason: '更正' },
    });
    expect(same.status).toBe(422);
    expect(same.body.error.code).toBe('COMPLAINT.REGRADE_CHANGES_NOTHING');
    const view = await desk.call('GET', `/tickets/${ticket.id}`, { token: desk.token('dispatcher') });
    expect(view.body.version).toBe(1);
  });
});

describe('item 10: repeats of one unit about one department (CH-1)', () => {
  it('the third complaint within 30 days is major and linked to the earlier two; another department’s is not counted', async () => {
    const unit = { name: '孙女士', unit: '8-3-2201' };
    const first = await openOne({ caller: { ...unit, phone: newCallerPhone() } });
    await openOne({ caller: { ...unit, phone: newCallerPhone() }, about: { department: 'security' } });
    const second = await openOne({ caller: { ...unit, phone: newCallerPhone() } });
    expect(second.ticket).toMatchObject({
      severity: 'important',
      repeatOf: [{ id: first.ticket.id, number: first.ticket.number, times: 1 }],
    });

    await desk.call('POST', '/local/clock', { body: { advance: 'P3D' } });
    const third = await openOne({ caller: { ...unit, phone: newCallerPhone() } });

    expect(third.ticket).toMatchObject({ severity: 'major', repeatRaisedFrom: 'important' });
    expect(third.ticket.repeatOf.map((l: { id: string }) => l.id)).toEqual([
      second.ticket.id,
      first.ticket.id,
    ]);
    expect(third.script.next).toContain('您多次反映此事');
    const texts = await smsOf(third.ticket.id);
    expect(texts.some((m) => m.text.includes('重大投诉'))).toBe(true);

    // 30 days on, the first no longer counts: a new complaint is linked to the later ones only.
    await desk.call('POST', '/local/clock', { body: { set: '2026-12-28T10:00:00+08:00' } });
    const later = await openOne({ caller: { ...unit, phone: newCallerPhone() } });
    expect(later.ticket.repeatOf.map((l: { id: string }) => l.id)).toEqual([third.ticket.id]);
    // Generous: moving the desk a month on settles every clock of four open complaints (25 s on a
    // loaded 2-core machine, 60 s beside a full suite, a hog and two agents).
  }, 180_000);

  it('a phone complaint graded later is linked too (the grade looks the earlier ones up)', async () => {
    const unit = { name: '王先生', unit: '3-2-1502' };
    await openOne({ caller: { ...unit, phone: newCallerPhone() } });
    await openOne({ caller: { ...unit, phone: newCallerPhone() } });
    const { ticket } = await openOne({
      caller: { ...unit, phone: newCallerPhone() },
      valid: undefined,
      severity: undefined,
      about: undefined,
    });
    const graded = await desk.call('POST', `/tickets/${ticket.id}/grade`, {
      token: desk.token('dispatcher'),
      body: { valid: true, severity: 'minor', about: { department: 'engineering' } },
    });
    expect(graded.status, JSON.stringify(graded.body)).toBe(200);
    expect(graded.body.ticket).toMatchObject({ severity: 'major', repeatRaisedFrom: 'minor' });
    expect(graded.body.ticket.repeatOf).toHaveLength(2);
  });
});
