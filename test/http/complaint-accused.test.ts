/**
 * Issue 10 item 1 over HTTP: the person complained about never settles it (CH-4, CH-5, DS-6) —
 * the three attacks, the next in line acting instead, the department kept from the callback and
 * the slip, resolve held until the signatures are in (or management's recorded override), and a
 * dissatisfied callback sending the case back to handling with its clocks (CH-6, CH-1).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCallerPhone, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;

beforeAll(async () => {
  desk = await startTestDesk();
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T09:40:00+08:00' } });
});
afterAll(async () => {
  await desk?.close();
});

type Res = Awaited<ReturnType<TestDesk['call']>>;

const RESOLVE = { confirmedBy: '张伟', via: 'phone' };
/** Each complaint its own slip: a number is one ticket's per park (issue 11 item 22). */
const slip = (id: string) => ({ number: `FW-${id.slice(-8)}`, signedBy: '陈静' });

function complaint(about: Record<string, string>) {
  return {
    kind: 'complaint',
    // A complainant of its own each time: the same one's second complaint would join the first (ADR 011);
    // no unit: complaints of one unit about one department are repeats (CH-1, ADR 016), not these tests' matter.
    caller: { name: '李女士', phone: newCallerPhone() },
    occurredAt: '2026-11-27T09:40:00+08:00',
    place: '5号楼电梯',
    about,
    description: '电梯停运两天无人处理',
    valid: true,
    severity: 'important',
  };
}

async function openAbout(about: Record<string, string>, opener = 'dispatcher-1'): Promise<string> {
  const res = await desk.call('POST', '/tickets', { token: desk.token(opener), body: complaint(about) });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket.id;
}

function send(id: string, command: string, who: string, body?: unknown): Promise<Res> {
  return desk.call('POST', `/tickets/${id}/${command}`, { token: desk.token(who), body: body ?? {} });
}

async function ok(id: string, command: string, who: string, body?: unknown) {
  const res = await send(id, command, who, body);
  expect(res.status, `${who} ${command}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body.ticket;
}

function expectError(res: Res, status: number, code: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error.code).toBe(code);
}

/** The desk's `who` records both signatures (given by phone), then reports the work done. */
async function signAndResolve(id: string, who = 'dispatcher-1') {
  await ok(id, 'acknowledge', who, { step: 'report-sheet' });
  await ok(id, 'acknowledge', who, { step: 'supervisor' });
  return ok(id, 'resolve', who, RESOLVE);
}

describe('the person complained about never acts on it (CH-4, CH-5, DS-6)', () => {
  it('attack 1: the technician resolving the complaint about himself before anyone signed → 403; nothing changes', async () => {
    const id = await openAbout({ staffId: 'technician-1' });
    const res = await send(id, 'resolve', 'technician-1', RESOLVE);
    expectError(res, 403, 'COMPLAINT.ACCUSED_MAY_NOT_ACT');
    expect(res.body.error.message).toContain('never acts on it');
    const view = await desk.call('GET', `/tickets/${id}`, { token: desk.token('dispatcher') });
    expect(view.body.status).toBe('handed-off');
    expect(view.body.version).toBe(1);
    expect(view.body.timers['supervisor-30m'].state).toBe('pending');
  });

  it('attack 2: the engineering manager may not follow up, resolve, call back, file the slip or close one about himself; the desk does', async () => {
    const id = await openAbout({ staffId: 'engineering-manager-1' });
    for (const [command, body] of [
      ['follow-ups', { note: '已处理' }],
      ['acknowledge', {}],
      ['reply', { note: '已答复' }],
      ['resolve', RESOLVE],
    ] as const) {
      expectError(
        await send(id, command, 'engineering-manager-1', body),
        403,
        'COMPLAINT.ACCUSED_MAY_NOT_ACT',
      );
    }
    // The next head (the repair lead) signs the report sheet; the supervisor the routing.
    await ok(id, 'acknowledge', 'repair-lead-1');
    await ok(id, 'acknowledge', 'supervisor-1');
    await ok(id, 'resolve', 'dispatcher-1', RESOLVE);
    expectError(
      await send(id, 'callback', 'engineering-manager-1', { outcome: 'satisfied' }),
      403,
      'COMPLAINT.ACCUSED_MAY_NOT_ACT',
    );
    // The callback made, the slip would close it (DS-6): not by him either.
    await ok(id, 'callback', 'dispatcher-1', { outcome: 'satisfied' });
    expectError(
      await send(id, 'service-slip', 'engineering-manager-1', slip(id)),
      403,
      'COMPLAINT.ACCUSED_MAY_NOT_ACT',
    );
    expect((await ok(id, 'service-slip', 'dispatcher-1', slip(id))).status).toBe('closed');
  });

  it('attack 3: the dispatcher may send nothing on one about her; the duty officer and the customer-service lead act instead', async () => {
    const id = await openAbout({ staffId: 'dispatcher-1' }, 'duty-officer-1');
    expectError(
      await send(id, 'follow-ups', 'dispatcher-1', { note: '跟进' }),
      403,
      'COMPLAINT.ACCUSED_MAY_NOT_ACT',
    );
    expectError(await send(id, 'resolve', 'dispatcher-1', RESOLVE), 403, 'COMPLAINT.ACCUSED_MAY_NOT_ACT');
    await ok(id, 'follow-ups', 'duty-officer-1', { note: '跟进' });
    await signAndResolve(id, 'duty-officer-1');
    expectError(
      await send(id, 'callback', 'dispatcher-1', { outcome: 'satisfied' }),
      403,
      'COMPLAINT.ACCUSED_MAY_NOT_ACT',
    );
    expectError(
      await send(id, 'service-slip', 'dispatcher-1', slip(id)),
      403,
      'COMPLAINT.ACCUSED_MAY_NOT_ACT',
    );
    await ok(id, 'callback', 'customer-service-lead-1', { outcome: 'satisfied' });
    expect((await ok(id, 'service-slip', 'duty-officer-1', slip(id))).status).toBe('closed');
  });

  it('DS-6: the head of the department complained about may not call back or file the slip (403)', async () => {
    const id = await openAbout({ department: 'engineering' });
    await signAndResolve(id);
    expectError(
      await send(id, 'callback', 'engineering-manager-1', { outcome: 'satisfied' }),
      403,
      'COMPLAINT.DEPARTMENT_MAY_NOT_ACT',
    );
    expectError(
      await send(id, 'service-slip', 'engineering-manager-1', slip(id)),
      403,
      'COMPLAINT.DEPARTMENT_MAY_NOT_ACT',
    );
    await ok(id, 'service-slip', 'office-manager-1', slip(id));
    expect((await ok(id, 'callback', 'gm-1', { outcome: 'satisfied' })).status).toBe('closed');
  });
});

describe('resolve waits for the signatures owed (CH-4, CH-5)', () => {
  it('409 naming them; management above the department may override, recorded on the timeline', async () => {
    const id = await openAbout({ department: 'engineering' });
    const owed = await send(id, 'resolve', 'dispatcher-1', RESOLVE);
    expectError(owed, 409, 'COMPLAINT.SIGNATURE_OWED');
    expect(owed.body.error.message).toContain('report-sheet');
    expect(owed.body.error.message).toContain('supervisor');
    await ok(id, 'acknowledge', 'engineering-manager-1');
    expect((await send(id, 'resolve', 'technician-1', RESOLVE)).body.error.message).not.toContain(
      'report-sheet',
    );

    const override = { reason: '主管休假,经理确认已处理' };
    expectError(
      await send(id, 'resolve', 'dispatcher-1', { ...RESOLVE, override }),
      403,
      'COMPLAINT.OVERRIDE_FORBIDDEN',
    );
    expectError(
      await send(id, 'resolve', 'engineering-manager-1', { ...RESOLVE, override }),
      403,
      'COMPLAINT.OVERRIDE_FORBIDDEN',
    );
    const resolved = await ok(id, 'resolve', 'office-manager-1', { ...RESOLVE, override });
    expect(resolved.resolution.override).toEqual({ ...override, skipped: ['supervisor'] });
    const view = await desk.call('GET', `/tickets/${id}`, { token: desk.token('dispatcher') });
    const entry = view.body.timeline.find((e: { type: string }) => e.type === 'complaint.resolved');
    expect(entry).toMatchObject({
      actor: { staffId: 'office-manager-1' },
      data: { override: { reason: override.reason, skipped: ['supervisor'] } },
      timers: { cancelled: expect.arrayContaining(['supervisor-30m']) },
    });
  });
});

describe('a dissatisfied callback does not close the case (CH-6, CH-1)', () => {
  it('back to handling with its own event, the clocks restarted from now, a repeat; the department is told', async () => {
    await desk.call('POST', '/local/clock', { body: { set: '2026-11-28T09:00:00+08:00' } });
    const id = await openAbout({ department: 'engineering' });
    await signAndResolve(id);
    await desk.call('POST', '/local/clock', { body: { set: '2026-11-28T10:00:00+08:00' } });
    const before = (await desk.call('GET', `/local/sms?ticketId=${id}`)).body.messages.length;

    const reopened = await ok(id, 'callback', 'dispatcher-1', {
      outcome: 'dissatisfied',
      note: '电梯又停了',
    });

    expect(reopened).toMatchObject({ status: 'acknowledged', repeats: 1 });
    expect(reopened.resolution).toBeUndefined();
    expect(reopened.timers['callback-eod'].state).toBe('met');
    expect(reopened.timers['resolve-3d']).toMatchObject({ state: 'pending' });
    expect(reopened.timers['resolve-3d'].dueAt).toMatch(/^2026-12-01T10:00:0\d(\.\d{3})?\+08:00$/);
    expect(reopened.timers['follow-up-2h'].dueAt).toMatch(/^2026-11-28T12:00:0\d(\.\d{3})?\+08:00$/);
    expect(reopened.timers['follow-up-eod']).toEqual({
      dueAt: '2026-11-28T17:30:00+08:00',
      state: 'pending',
    });
    const view = await desk.call('GET', `/tickets/${id}`, { token: desk.token('dispatcher') });
    const entry = view.body.timeline.find((e: { type: string }) => e.type === 'complaint.reopened');
    expect(entry).toMatchObject({ data: { outcome: 'dissatisfied', repeats: 1 } });
    expect(Object.keys(entry.timers.set)).toEqual(
      expect.arrayContaining(['follow-up-2h', 'follow-up-eod', 'resolve-3d', 'escalate-1m']),
    );
    expect(view.body.allowedCommands).toEqual(['follow-ups', 'reply', 'resolve', 'regrade']);
    const texts = (await desk.call('GET', `/local/sms?ticketId=${id}`)).body.messages.slice(before);
    // The department reports it handled again through its link (ADR 012).
    expect(texts.map((m: { text: string }) => m.text)).toEqual([
      expect.stringMatching(
        /^【翠湖物业】投诉C20261128-001回访业主不满意,退回重新处理\(工程部\):5号楼电梯 电梯停运两天无人处理。处理完毕请点:http:\/\/127\.0\.0\.1:\d+\/ack\/[0-9A-Za-z]{12}$/,
      ),
    ]);

    // The next round: reported done again, the resident satisfied, the slip → closed; still one repeat.
    await ok(id, 'resolve', 'dispatcher-1', RESOLVE);
    await ok(id, 'callback', 'dispatcher-1', { outcome: 'satisfied' });
    const closed = await ok(id, 'service-slip', 'dispatcher-1', slip(id));
    expect(closed).toMatchObject({ status: 'closed', repeats: 1 });
  });
});
