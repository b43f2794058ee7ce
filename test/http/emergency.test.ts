/**
 * Emergencies at the HTTP edge of the local desk: the personal link pages (GET reads, POST records;
 * tampered, expired, reused or somebody else's links record nothing; the token never reaches a
 * log), and the API: bad input, who may do what, EM-4 handovers, EM-5 instructions, EM-6 closing.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { chineseShort } from '../../shared/domain/time';
import { freshDesk, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const PHONE = { officeManager: '+8613900000019', captain: '+8613900000014', deputyGm: '+8613900000021' };

function fire(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'emergency',
    category: 'fire',
    location: '3号楼地下车库',
    description: '车库B区冒烟,有焦味',
    ...overrides,
  };
}

async function open(token = dispatcher, body = fire()) {
  const res = await desk.call('POST', '/tickets', { token, body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; number: string; version: number };
}

async function view(id: string) {
  const res = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
  expect(res.status).toBe(200);
  return res.body;
}

/** The link path (`/ack/<token>`) in the SMS this ticket sent to `phone`; the last one when several. */
async function link(ticket: { id: string }, phone: string): Promise<string> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticket.id}&to=${encodeURIComponent(phone)}`);
  const text: string | undefined = res.body.messages.at(-1)?.text;
  const match = text ? /(\/ack\/\S+)$/.exec(text) : null;
  expect(match, text).not.toBeNull();
  return match![1]!;
}

const post = (path: string, form: string) => desk.call('POST', path, { rawBody: form, headers: FORM });

/** A Saturday night: out of office hours. */
const NIGHT = '2026-11-28T02:00:00+08:00';

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: NIGHT } });
});
afterAll(async () => {
  await desk?.close();
});

describe('the link page: GET shows, POST records', () => {
  it('EM-2: any number of GETs (link previewers) record nothing; the page is plain, uncached and sends no referrer', async () => {
    const ticket = await open();
    const path = await link(ticket, PHONE.officeManager);
    for (let i = 0; i < 3; i++) {
      const page = await fetch(`${desk.url}${path}`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(page.headers.get('cache-control')).toBe('no-store');
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
      const html = await page.text();
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).not.toContain('<script');
    }
    expect((await view(ticket.id)).version).toBe(ticket.version);
  });

  it('escapes what the ticket says: a description cannot inject markup into the page', async () => {
    const ticket = await open(dispatcher, fire({ description: '<script>alert(1)</script>"冒烟"' }));
    const page = await desk.call('GET', await link(ticket, PHONE.officeManager));
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot;冒烟&quot;');
    expect(page.body).not.toContain('<script>');
  });

  it('EM-3: a responder marks "on scene" once and reports back as often as needed, through their own link', async () => {
    const ticket = await open();
    const path = await link(ticket, PHONE.captain);
    const form = await desk.call('GET', path);
    expect(form.body).toContain('我已到达现场');
    expect((await post(path, 'action=on-scene')).status).toBe(200);
    const twice = await post(path, 'action=on-scene');
    expect(twice.status).toBe(409);
    expect(twice.body).toContain('本次未作记录');
    expect((await post(path, `action=report&text=${encodeURIComponent('明火已扑灭,正在排烟')}`)).status).toBe(
      200,
    );
    const second = await post(path, `action=report&text=${encodeURIComponent('烟已散尽')}`);
    expect(second.body).toContain('第2次');
    const empty = await post(path, 'action=report&text=%20');
    expect(empty.status).toBe(400);
    const { responders, timeline } = await view(ticket.id);
    expect(responders.find((r: { staffId: string }) => r.staffId === 'security-captain-1')).toMatchObject({
      reports: 2,
      lastReport: { text: '烟已散尽' },
      onSceneAt: expect.any(String),
    });
    const mine = timeline.filter(
      (e: { type: string }) => e.type === 'emergency.on-scene' || e.type === 'emergency.reported',
    );
    expect(mine.map((e: { type: string; data: { via: string } }) => [e.type, e.data.via])).toEqual([
      ['emergency.on-scene', 'link'],
      ['emergency.reported', 'link'],
      ['emergency.reported', 'link'],
    ]);
    expect(mine[0].actor).toMatchObject({
      staffId: 'security-captain-1',
      name: '朱斌',
      groups: ['security'],
    });
  });
});

describe('links that may not act: a clear page, nothing recorded', () => {
  it('tampered: an edited token, a cut-off or lengthened one, a guessed one, a v1 token with another person’s id', async () => {
    const ticket = await open();
    const path = await link(ticket, PHONE.officeManager);
    const token = path.slice('/ack/'.length);
    expect(token).toMatch(/^[0-9A-Za-z]{12}$/);
    const swapped = `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`;
    const edits = [
      `/ack/${swapped}`,
      `/ack/${token.slice(0, 11)}`,
      `/ack/${token}x`,
      '/ack/AAAAAAAAAAAA',
      // The old, long format names its person: putting another id in breaks its MAC.
      `/ack/${ticket.id}.gm-1.a${(Math.floor(Date.now() / 1000) + 3600).toString(36)}.AAAAAAAAAAAAAAAA`,
      '/ack/nonsense',
    ];
    for (const edited of edits) {
      for (const res of [await desk.call('GET', edited), await post(edited, 'action=acknowledge')]) {
        expect(res.status, edited).toBe(403);
        expect(res.body).toContain('链接无效');
        expect(res.body).toContain('已被改动');
      }
    }
    const after = await view(ticket.id);
    expect(after.version).toBe(ticket.version);
    expect(after.status).toBe('escalating');
  });

  it('another person’s link: a responder’s scene link cannot acknowledge for the chain', async () => {
    const ticket = await open();
    const res = await post(await link(ticket, PHONE.captain), 'action=acknowledge');
    expect(res.status).toBe(400);
    expect(res.body).toContain('未作任何记录');
    expect((await view(ticket.id)).status).toBe('escalating');
  });

  it('expired: the office manager’s first link after its 120 minutes', async () => {
    // A desk of its own: two hours on, every chain the tests above left running would escalate too.
    desk = await freshDesk(desk, NIGHT);
    const ticket = await open();
    const path = await link(ticket, PHONE.officeManager);
    await desk.call('POST', '/local/clock', { body: { advance: 'PT121M' } });
    const page = await desk.call('GET', path);
    expect(page.status).toBe(410);
    expect(page.body).toContain('链接已过期');
    const res = await post(path, 'action=acknowledge');
    expect(res.status).toBe(410);
    const after = await view(ticket.id);
    expect(after.chain.acknowledgement).toBeUndefined();
    expect(after.timeline.some((e: { type: string }) => e.type === 'emergency.acknowledged')).toBe(false);
    // The later rounds' links still work: the office manager acknowledges with the newest one.
    const newest = await link(ticket, PHONE.officeManager);
    expect(newest).not.toBe(path);
    expect((await post(newest, 'action=acknowledge')).status).toBe(200);
  });

  it('reused after acknowledging, and a closed case', async () => {
    const ticket = await open();
    const path = await link(ticket, PHONE.officeManager);
    expect((await post(path, 'action=acknowledge')).status).toBe(200);
    const again = await post(path, 'action=acknowledge');
    expect(again.status).toBe(409);
    expect(again.body).toContain('无需再次确认');
    const version = (await view(ticket.id)).version;
    const manager = desk.token('office-manager-1');
    await desk.call('POST', `/tickets/${ticket.id}/sign-off`, {
      token: manager,
      body: { comment: '同意销项' },
    });
    await desk.call('POST', `/tickets/${ticket.id}/close`, { token: dispatcher });
    const scene = await post(await link(ticket, PHONE.captain), 'action=on-scene');
    expect(scene.status).toBe(409);
    expect(scene.body).toContain('本事件已结案');
    expect((await view(ticket.id)).version).toBe(version + 2);
  });

  it('a form this page never sends (unknown action, no body, JSON) records nothing', async () => {
    const ticket = await open();
    const path = await link(ticket, PHONE.officeManager);
    expect((await post(path, 'action=close')).status).toBe(400);
    expect((await desk.call('POST', path)).status).toBe(400);
    expect((await desk.call('POST', path, { body: { action: 'acknowledge' } })).status).toBe(400);
    expect((await view(ticket.id)).version).toBe(ticket.version);
  });
});

describe('the link’s token never reaches a log', () => {
  it('not on success, not on refusal, not when something breaks and the error quotes the request', async () => {
    // Prepare: every log line written while links are sent, opened, used, refused, and fail.
    const lines: string[] = [];
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    const capture = (chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    };
    const out = vi.spyOn(process.stdout, 'write').mockImplementation(capture);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(capture);
    const get = desk.deps.store.get.bind(desk.deps.store);
    let token = '';
    try {
      const ticket = await open();
      const path = await link(ticket, PHONE.officeManager);
      token = path.slice('/ack/'.length);
      await desk.call('GET', path);
      await post(`${path}x`, 'action=acknowledge');

      // Act: the store fails with an error that quotes the token.
      desk.deps.store.get = async () => {
        throw new Error(`lookup failed for /ack/${token}`);
      };
      const broken = await post(path, 'action=acknowledge');
      desk.deps.store.get = get;

      // Assess
      expect(broken.status).toBe(500);
      expect(broken.body).toContain('系统出错,未作任何记录');
      expect(broken.body).not.toContain('lookup failed');
      expect((await post(path, 'action=acknowledge')).status).toBe(200);
    } finally {
      desk.deps.store.get = get;
      out.mockRestore();
      err.mockRestore();
      process.env.LOG_LEVEL = level;
    }
    const logged = lines.join('');
    expect(logged).toContain('unexpected error on an SMS link');
    expect(logged).toContain('lookup failed for /ack/[token]');
    expect(token).toHaveLength(12);
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(token.split('.').at(-1));
  });
});

describe('the API', () => {
  it.each<[string, Record<string, unknown>, number, string, string | undefined]>([
    ['no category', fire({ category: undefined }), 400, 'REQUEST.MISSING_FIELD', 'category'],
    [
      'EM-1: a category outside (A)..(D)',
      fire({ category: 'flood' }),
      400,
      'REQUEST.INVALID_FIELD',
      'category',
    ],
    ['an empty location', fire({ location: '  ' }), 400, 'REQUEST.INVALID_FIELD', 'location'],
    [
      'a description over 500 characters',
      fire({ description: '烟'.repeat(501) }),
      400,
      'REQUEST.INVALID_FIELD',
      'description',
    ],
    [
      'a caller without a phone',
      fire({ caller: { name: '王先生' } }),
      400,
      'REQUEST.MISSING_FIELD',
      'caller.phone',
    ],
    [
      'a source (only the phone line sets one)',
      fire({ source: { channel: 'desk' } }),
      400,
      'REQUEST.UNKNOWN_FIELD',
      'source',
    ],
  ])('POST /tickets with %s → 400, nothing written', async (_name, body, status, code, field) => {
    const res = await desk.call('POST', '/tickets', { token: dispatcher, body });
    expect(res.status).toBe(status);
    expect(res.body.error).toMatchObject({ code, ...(field ? { field } : {}) });
  });

  it('EM-1 (issue 11 item 18): field staff may open an emergency they find on patrol, as the desk, managers and executives may', async () => {
    const res = await desk.call('POST', '/tickets', { token: desk.token('technician'), body: fire() });
    expect(res.status).toBe(201);
    await open(desk.token('office-manager'));
  });

  it('EM-4: opened by the phone line (a system principal), the desk’s person on duty owns it and must accept', async () => {
    const ivr = desk.customToken({ staffId: 'ivr', groups: ['dispatcher'], parks: 'park-1' });
    const ticket = await open(ivr);
    const before = await view(ticket.id);
    expect(before.owner).toEqual({ staffId: 'duty-officer-1', name: '刘洋', how: 'on-duty' });
    expect(before.allowedCommands).toContain('accept-handover');
    const owner = await desk.call('GET', `/local/sms?ticketId=${ticket.id}&to=%2B8613900000002`);
    expect(owner.body.messages.map((m: { text: string }) => m.text)).toEqual([
      expect.stringContaining('经电话转入:3号楼地下车库。车库B区冒烟,有焦味。请您负责调度,接手请点:'),
    ]);
    expect(
      (await desk.call('POST', `/tickets/${ticket.id}/accept-handover`, { token: dispatcher })).status,
    ).toBe(403);
    const accepted = await desk.call('POST', `/tickets/${ticket.id}/accept-handover`, {
      token: desk.token('duty-officer'),
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.ticket.owner).toMatchObject({
      staffId: 'duty-officer-1',
      acceptedAt: expect.any(String),
    });
  });

  it('EM-2: acknowledge through the API: the office manager may, the GM (not told yet) may not', async () => {
    const ticket = await open();
    const gm = await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, { token: desk.token('gm') });
    expect(gm.status).toBe(403);
    expect(gm.body.error.message).toContain('EM-2');
    const ok = await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, {
      token: desk.token('office-manager'),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.ticket.chain.acknowledgement).toMatchObject({ staffId: 'office-manager-1', via: 'api' });
  });

  it('EM-4 handover, EM-5 instructions with their own timers and SMS, EM-6 sign-off and close', async () => {
    // Prepare: a desk of its own, so the 31 minutes below escalate no other test's chain.
    desk = await freshDesk(desk, NIGHT);
    const ticket = await open();
    const manager = desk.token('office-manager-1');
    await desk.call('POST', `/tickets/${ticket.id}/acknowledge`, { token: manager });

    // EM-4: the owner names a successor, who accepts; both steps on the timeline.
    const offered = await desk.call('POST', `/tickets/${ticket.id}/hand-over`, {
      token: dispatcher,
      body: { staffId: 'duty-officer-1' },
    });
    expect(offered.status).toBe(200);
    expect(offered.body.ticket.owner.staffId).toBe('dispatcher-1');
    const duty = desk.token('duty-officer');
    expect((await desk.call('POST', `/tickets/${ticket.id}/accept-handover`, { token: duty })).status).toBe(
      200,
    );

    // EM-5: an instruction is its own item, with a due timer and an SMS to its person.
    const now = new Date((await desk.call('GET', '/local/clock')).body.now);
    const dueAt = new Date(now.getTime() + 30 * 60_000);
    const bad = await desk.call('POST', `/tickets/${ticket.id}/instructions`, {
      token: duty,
      body: { from: '郑华', to: 'security-captain-1', text: '疏散B区住户', dueAt: 'soon' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('dueAt');
    const issued = await desk.call('POST', `/tickets/${ticket.id}/instructions`, {
      token: duty,
      body: {
        from: '郑华(主管副总)',
        to: 'security-captain-1',
        text: '疏散B区住户',
        dueAt: dueAt.toISOString(),
      },
    });
    expect(issued.status).toBe(200);
    expect(issued.body.ticket.instructions).toMatchObject([
      { number: 1, state: 'open', to: { staffId: 'security-captain-1' } },
    ]);
    const toCaptain = await desk.call('GET', `/local/sms?ticketId=${ticket.id}&to=%2B8613900000014`);
    expect(toCaptain.body.messages.at(-1).text).toContain(
      `指示#1(郑华(主管副总)):疏散B区住户,请于${chineseShort(dueAt, 'Asia/Shanghai')}前完成并回报。`,
    );

    // Not done in time: overdue, and the captain and the owner are told.
    await desk.call('POST', '/local/clock', { body: { advance: 'PT31M' } });
    const overdue = await view(ticket.id);
    expect(overdue.instructions[0].state).toBe('overdue');
    expect(overdue.timers['instruction-1-due'].state).toBe('missed');
    const late = await desk.call('GET', `/local/sms?ticketId=${ticket.id}`);
    expect(
      late.body.messages
        .filter((m: { text: string }) => m.text.includes('指示#1已到期未完成'))
        .map((m: { to: string }) => m.to),
    ).toEqual([PHONE.captain, '+8613900000002']);
    const done = await desk.call('POST', `/tickets/${ticket.id}/instruction-done`, {
      token: desk.token('security-captain'),
      body: { number: 1, result: '已疏散' },
    });
    expect(done.status).toBe(200);
    expect(done.body.ticket.instructions[0]).toMatchObject({ state: 'done', result: '已疏散' });

    // EM-6: no close without sign-off; only the office manager signs, with a comment.
    expect((await desk.call('POST', `/tickets/${ticket.id}/close`, { token: duty })).status).toBe(409);
    const noComment = await desk.call('POST', `/tickets/${ticket.id}/sign-off`, { token: manager, body: {} });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.field).toBe('comment');
    const supervisor = await desk.call('POST', `/tickets/${ticket.id}/sign-off`, {
      token: desk.token('supervisor'),
      body: { comment: '同意' },
    });
    expect(supervisor.status).toBe(403);
    const signed = await desk.call('POST', `/tickets/${ticket.id}/sign-off`, {
      token: manager,
      body: { comment: '同意销项' },
    });
    expect(signed.status).toBe(200);
    const closed = await desk.call('POST', `/tickets/${ticket.id}/close`, { token: duty });
    expect(closed.status).toBe(200);

    const { timeline } = await view(ticket.id);
    expect(
      timeline.filter((e: { type: string }) => e.type !== 'sms').map((e: { type: string }) => e.type),
    ).toEqual([
      'emergency.opened',
      'emergency.acknowledged',
      'emergency.handover-offered',
      'emergency.handover-accepted',
      'emergency.instruction-issued',
      // EM-3 (issue 11 item 16): nobody reported on the scene within 15 minutes.
      'emergency.not-on-scene',
      'emergency.instruction-overdue',
      'emergency.instruction-done',
      'emergency.signed-off',
      'emergency.closed',
    ]);
  });

  it('lists emergencies by status through the index', async () => {
    await open();
    const res = await desk.call('GET', '/tickets?kind=emergency&status=escalating&limit=100', {
      token: dispatcher,
    });
    expect(res.status).toBe(200);
    expect(res.body.tickets.length).toBeGreaterThan(0);
    expect(
      res.body.tickets.every(
        (t: { kind: string; status: string }) => t.kind === 'emergency' && t.status === 'escalating',
      ),
    ).toBe(true);
  });

  it('a repair has no emergency steps: 409', async () => {
    const repair = await desk.call('POST', '/tickets', {
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
    const res = await desk.call('POST', `/tickets/${repair.body.ticket.id}/sign-off`, {
      token: dispatcher,
      body: { comment: 'x' },
    });
    expect(res.status).toBe(409);
  });
});
