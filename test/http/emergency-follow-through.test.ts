/**
 * Issue 11 items 15..18 at the HTTP edge of the local desk (real handlers, DynamoDB Local, timers
 * fired by moving the desk's SteppedClock): the owner's SMS at each unanswered level (EM-2) and
 * about responders not on the scene (EM-3), closing with notes on open instructions and the
 * leader told (EM-5, EM-6), guards and technicians opening emergencies (EM-1, EM-4).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDesk, repairBody, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

/** Demo directory phones (infra/local/demo-park.ts). */
const PHONE = {
  dispatcher: '+8613900000001',
  dutyOfficer: '+8613900000002',
  officeManager: '+8613900000019',
  deputyGm: '+8613900000021',
  captain: '+8613900000014',
} as const;
/** A Saturday night: out of office hours (the duty officer has the desk). */
const NIGHT = '2026-11-28T02:00:00+08:00';

const fire = {
  kind: 'emergency',
  category: 'fire',
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
};

async function open(token = dispatcher) {
  const res = await desk.call('POST', '/tickets', { token, body: fire });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.ticket as { id: string; number: string };
}

async function smsTo(ticketId: string, phone: string): Promise<string[]> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}&to=${encodeURIComponent(phone)}`);
  return res.body.messages.map((m: { text: string }) => m.text);
}

const advance = (duration: string) => desk.call('POST', '/local/clock', { body: { advance: duration } });
const command = (id: string, name: string, token: string, body: unknown = {}) =>
  desk.call('POST', `/tickets/${id}/${name}`, { token, body });

beforeAll(async () => {
  desk = await freshDesk(undefined, NIGHT);
  dispatcher = desk.token('dispatcher');
});
afterAll(async () => desk?.close());

describe('EM-2 (item 15): the owner is told at each level nobody answered', () => {
  it('5 minutes: the office manager named with their phone and the owner’s link; 10 minutes: the deputy GM', async () => {
    desk = await freshDesk(desk, NIGHT);
    dispatcher = desk.token('dispatcher');
    const ticket = await open();
    expect(await smsTo(ticket.id, PHONE.dispatcher)).toEqual([]);
    await advance('PT5M');
    const [first] = await smsTo(ticket.id, PHONE.dispatcher);
    expect(first).toContain('第1轮管理处经理林涛13900000019未确认');
    const path = /(\/ack\/\S+)$/.exec(first ?? '')?.[1];
    expect(path, first).toBeDefined();
    // The owner's link opens the case's page (a GET records nothing).
    const page = await desk.call('GET', path!);
    expect(page.status).toBe(200);
    expect(page.body).toContain('3号楼地下车库');
    // The owner's page: who owes an answer now (the deputy GM) and who is not on the scene, each a tap to call.
    expect(page.body).toContain('href="tel:+8613900000021"');
    expect(page.body).toContain('郑华 13900000021');
    expect(page.body).toContain('未到场(保安队长)');
    await advance('PT5M');
    const texts = await smsTo(ticket.id, PHONE.dispatcher);
    expect(texts).toHaveLength(2);
    expect(texts[1]).toContain('主管副总经理郑华13900000021未确认');
    // Once somebody answers, no more of them.
    expect((await command(ticket.id, 'acknowledge', desk.token('gm-1'))).status).toBe(200);
    await advance('PT10M');
    expect((await smsTo(ticket.id, PHONE.dispatcher)).filter((t) => t.includes('未确认'))).toHaveLength(2);
  });
});

describe('EM-3 (item 16): responders not on the scene, and their arrival, told to the owner', () => {
  it('the captain arrives (the owner is told); at 15 minutes the others are named, not the captain', async () => {
    desk = await freshDesk(desk, NIGHT);
    dispatcher = desk.token('dispatcher');
    const ticket = await open();
    await command(ticket.id, 'acknowledge', desk.token('office-manager-1'));
    expect((await command(ticket.id, 'on-scene', desk.token('security-captain-1'))).status).toBe(200);
    expect(await smsTo(ticket.id, PHONE.dispatcher)).toEqual([
      '【翠湖物业】紧急E20261128-001火警:朱斌(保安队长)已到达现场(3号楼地下车库)。',
    ]);
    await command(ticket.id, 'report', desk.token('security-captain-1'), { text: '明火已扑灭' });
    expect((await smsTo(ticket.id, PHONE.dispatcher)).at(-1)).toContain('朱斌(保安队长)报回:明火已扑灭');
    await advance('PT15M');
    const late = (await smsTo(ticket.id, PHONE.dispatcher)).at(-1) ?? '';
    expect(late).toContain('已过15分钟,未到场:郭勇');
    expect(late).not.toContain('朱斌');
    expect(late).toMatch(/\/ack\/\S+$/);
    const view = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });
    expect(view.body.timers['scene-due'].state).toBe('missed');
    expect(view.body.timeline.map((e: { type: string }) => e.type)).toContain('emergency.not-on-scene');
  });
});

describe('EM-5/EM-6 (item 17): open instructions need a note to close; the leader is told', () => {
  it('close without notes is 422 naming them; with notes it closes, and the GM hears of both outcomes', async () => {
    desk = await freshDesk(desk, NIGHT);
    dispatcher = desk.token('dispatcher');
    const ticket = await open();
    await command(ticket.id, 'acknowledge', desk.token('office-manager-1'));
    const now = new Date((await desk.call('GET', '/local/clock')).body.now);
    const dueAt = new Date(now.getTime() + 60 * 60_000).toISOString();
    const gm = desk.token('gm-1');
    const one = await command(ticket.id, 'instructions', dispatcher, {
      from: '梁总',
      fromStaffId: 'gm-1',
      to: 'security-captain-1',
      text: '疏散3号楼住户',
      dueAt,
    });
    expect(one.status, JSON.stringify(one.body)).toBe(200);
    const unknown = await command(ticket.id, 'instructions', dispatcher, {
      from: '梁总',
      fromStaffId: 'nobody-9',
      to: 'security-captain-1',
      text: 'x',
      dueAt,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.field).toBe('fromStaffId');
    expect(
      (
        await command(ticket.id, 'instructions', gm, {
          from: '梁总',
          to: 'engineering-manager-1',
          text: '关闭B区电源',
          dueAt,
        })
      ).status,
    ).toBe(200);

    expect(
      (
        await command(ticket.id, 'instruction-done', desk.token('security-captain-1'), {
          number: 1,
          result: '已全部疏散',
        })
      ).status,
    ).toBe(200);
    expect(await smsTo(ticket.id, '+8613900000022')).toContainEqual(
      '【翠湖物业】紧急E20261128-001火警指示#1(朱斌)已完成:已全部疏散',
    );

    expect(
      (await command(ticket.id, 'sign-off', desk.token('office-manager-1'), { comment: '同意销项' })).status,
    ).toBe(200);
    const refused = await command(ticket.id, 'close', dispatcher);
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'EMERGENCY.OPEN_INSTRUCTIONS', field: 'instructions' });
    expect(refused.body.error.message).toContain('#2 吴军: 关闭B区电源');
    const badShape = await command(ticket.id, 'close', dispatcher, { instructions: [{ number: 2 }] });
    expect(badShape.status).toBe(400);
    const wrong = await command(ticket.id, 'close', dispatcher, {
      instructions: [{ number: 1, note: '已完成' }],
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.message).toContain('#1 is not open');
    const still = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });
    expect(still.body.status).toBe('signed-off');

    const closed = await command(ticket.id, 'close', dispatcher, {
      instructions: [{ number: 2, note: '供电局已切断B区电源' }],
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    expect(closed.body.ticket.instructions[1]).toMatchObject({
      state: 'closed',
      closeNote: '供电局已切断B区电源',
    });
    expect(await smsTo(ticket.id, '+8613900000022')).toContainEqual(
      '【翠湖物业】紧急E20261128-001火警已结案,指示#2(吴军)未完成即关闭:供电局已切断B区电源',
    );
  });

  it('another kind refuses closing notes (400), it does not ignore them', async () => {
    const repair = await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody() });
    expect(repair.status).toBe(201);
    const res = await command(repair.body.ticket.id, 'close', dispatcher, {
      instructions: [{ number: 1, note: 'x' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'REQUEST.NOT_FOR_KIND', field: 'instructions' });
  });
});

describe('EM-1/EM-4 (item 18): guards and technicians open emergencies from patrol', () => {
  it('a guard and a technician open one; they are recorded as its openers, the desk on shift owns it', async () => {
    for (const who of ['security-guard-1', 'technician-1']) {
      const token = desk.token(who);
      const res = await desk.call('POST', '/tickets', {
        token,
        body: { ...fire, location: `${who}巡逻发现` },
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const ticket = res.body.ticket;
      expect(ticket.createdBy).toMatchObject({ staffId: who });
      // At night the duty officer holds the desk: asked to accept, with their link.
      expect(ticket.owner).toEqual({ staffId: 'duty-officer-1', name: '刘洋', how: 'on-duty' });
      const owner = await smsTo(ticket.id, PHONE.dutyOfficer);
      expect(owner.at(-1)).toMatch(/现场报告:.*巡逻发现.*接手请点:/);
    }
    // Other kinds stay the desk's: a guard opens no repair.
    const repair = await desk.call('POST', '/tickets', {
      token: desk.token('security-guard-1'),
      body: repairBody(),
    });
    expect(repair.status).toBe(403);
  });
});
