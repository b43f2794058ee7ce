/**
 * The key and move-in SMS links (ADR 012's mechanism, ADR 013 and 014), over HTTP on the local
 * desk: the SMS in the outbox → its link → the page (GET records nothing) → the form (POST records
 * through the desk's command path as the link's person) → the timeline says it came through the
 * link. KY-4/KY-1: the overdue key's guard records the return as himself; the captain's link then
 * shows who took it back. The move-in lead's link is read only (ADR 014): it lists what is missing
 * and whose each step is, and a POST records nothing. Tampered, expired, reused links record nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINK_SMS_LIMIT } from '../../shared/domain/sms';
import { PASSING } from '../domain/move-in/driver';
import { freshDesk, type TestDesk } from '../support/desk';

/** Demo directory phones (infra/local/demo-park.ts). */
const PHONE = {
  guard: '+8613900000012',
  captain: '+8613900000014',
  manager: '+8613900000016',
  supervisor: '+8613900000018',
} as const;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

let desk: TestDesk;
let office: string;
let guard: string;

async function clock(set: string) {
  const res = await desk.call('POST', '/local/clock', { body: { set } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
/** The newest SMS to `phone` about the ticket, and the path of the link it ends in. */
async function sms(ticketId: string, phone: string): Promise<{ text: string; path: string }> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}&to=${encodeURIComponent(phone)}`);
  const text: string = res.body.messages.at(-1)?.text ?? '';
  const match = /(\/ack\/[0-9A-Za-z]{12})$/.exec(text);
  expect(match, text).not.toBeNull();
  expect(text.length, text).toBeLessThanOrEqual(LINK_SMS_LIMIT);
  return { text, path: match![1]! };
}
const post = (path: string, fields: Record<string, string>) =>
  desk.call('POST', path, { rawBody: new URLSearchParams(fields).toString(), headers: FORM });
async function view(id: string) {
  const res = await desk.call('GET', `/tickets/${id}`, { token: office });
  expect(res.status).toBe(200);
  return res.body;
}
async function step(id: string, command: string, body: Record<string, unknown>, token: string) {
  const res = await desk.call('POST', `/tickets/${id}/${command}`, { token, body });
  expect(res.status, `${command}: ${JSON.stringify(res.body)}`).toBe(200);
}

/** A tenant's key for 3-2-1502 handed out at 10:00, due back at 12:00. */
async function keyOut(tag: string): Promise<{ id: string; keyId: string }> {
  const reg = await desk.call('POST', '/keys', {
    token: guard,
    body: { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag },
  });
  expect(reg.status, JSON.stringify(reg.body)).toBe(201);
  const keyId = reg.body.keySet.id;
  const res = await desk.call('POST', '/tickets', {
    token: office,
    body: {
      kind: 'key',
      keyId,
      requester: { type: 'tenant', name: '钱女士', phone: '+8613800000004' },
      reason: '看房',
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.ticket.id;
  await step(id, 'verify', { ownerCall: { outcome: 'confirmed' } }, office);
  await step(id, 'issue-slip', {}, office);
  await step(
    id,
    'hand-out',
    { guardId: 'security-guard-1', idChecked: true, escortId: 'security-guard-2' },
    guard,
  );
  return { id, keyId };
}

afterAll(async () => {
  await desk?.close();
});

describe('KY-4, KY-1: the overdue key’s return link', () => {
  let id: string;
  let keyId: string;
  let guardLink: { text: string; path: string };

  beforeAll(async () => {
    desk = await freshDesk(undefined, '2026-11-27T10:00:00+08:00');
    office = desk.token('property-office');
    guard = desk.token('security-guard-1');
    ({ id, keyId } = await keyOut('K-0153'));
    await clock('2026-11-27T12:01:00+08:00');
  }, 120_000);

  it('KY-1: the guard and the captain each get the overdue SMS with their own link, in two segments', async () => {
    guardLink = await sms(id, PHONE.guard);
    const captain = await sms(id, PHONE.captain);
    expect(guardLink.text).toMatch(
      /^【翠湖物业】钥匙K-0153\(3-2-1502入户门钥匙\)超时未还:钱女士\(租户\)领用,应11月27日12:00归还,请催还,收回后登记:https?:\/\/.+\/ack\/[0-9A-Za-z]{12}$/,
    );
    expect(captain.path).not.toBe(guardLink.path);
  });

  it('GET shows the key, its holder to call and the button, and records nothing (SMS apps prefetch)', async () => {
    const before = await view(id);
    for (let i = 0; i < 2; i++) {
      const page = await desk.call('GET', guardLink.path);
      expect(page.status).toBe(200);
      expect(page.body).toContain('钥匙已收回');
      expect(page.body).toContain('K-0153');
      expect(page.body).toContain('钱女士');
      expect(page.body).toContain('href="tel:+8613800000004"');
      expect(page.body).toContain('孙鹏');
    }
    expect((await view(id)).version).toBe(before.version);
  });

  it('tampered: one character changed → 403, nothing recorded; a form it does not offer → 400', async () => {
    const edited = `${guardLink.path.slice(0, -1)}${guardLink.path.endsWith('A') ? 'B' : 'A'}`;
    const res = await post(edited, { action: 'return' });
    expect(res.status).toBe(403);
    expect(res.body).toContain('已被改动');
    const wrong = await post(guardLink.path, { action: 'hand-out' });
    expect(wrong.status).toBe(400);
    expect((await view(id)).status).toBe('handed-out');
  });

  it('KY-4: POST records the return as the guard, via the link; the key set is back in the cabinet', async () => {
    await clock('2026-11-27T12:20:00+08:00');
    const res = await post(guardLink.path, { action: 'return', receivedBy: 'security-manager-1' });
    expect(res.status).toBe(200);
    expect(res.body).toContain('已登记钥匙由您收回');
    const after = await view(id);
    expect(after).toMatchObject({
      status: 'returned',
      returned: { receivedBy: 'security-guard-1', receivedByName: '孙鹏', late: true },
    });
    const returned = after.timeline.find((e: { type: string }) => e.type === 'key.returned');
    expect(returned.actor).toEqual({
      staffId: 'security-guard-1',
      groups: ['security'],
      name: '孙鹏',
      via: 'link',
    });
    const set = await desk.call('GET', `/keys/${keyId}`, { token: guard });
    expect(set.body.keySet.state).toBe('in');
  });

  it('reused: the guard’s link is done; the captain’s names who took it back; POSTs record nothing', async () => {
    const before = await view(id);
    const again = await post(guardLink.path, { action: 'return' });
    expect(again.status).toBe(409);
    expect(again.body).toContain('由您收回');
    const captain = await sms(id, PHONE.captain);
    const page = await desk.call('GET', captain.path);
    expect(page.status).toBe(200);
    expect(page.body).toContain('由孙鹏收回');
    expect((await post(captain.path, { action: 'return' })).status).toBe(409);
    expect((await view(id)).version).toBe(before.version);
    // No escalation to the manager: the key came back before it was due.
    await clock('2026-11-27T12:40:00+08:00');
    const manager = await desk.call(
      'GET',
      `/local/sms?ticketId=${id}&to=${encodeURIComponent(PHONE.manager)}`,
    );
    expect(manager.body.messages).toEqual([]);
  });

  it('the manager’s escalation carries a link that records the return as the manager', async () => {
    // Out at 12:40, due 14:40; the manager 30 minutes later.
    const other = await keyOut('K-0154');
    await clock('2026-11-27T15:11:00+08:00');
    const link = await sms(other.id, PHONE.manager);
    expect(link.text).toContain('逾期30分钟仍未归还');
    expect((await post(link.path, { action: 'return' })).status).toBe(200);
    expect((await view(other.id)).returned).toMatchObject({ receivedBy: 'security-manager-1' });
  });

  it('expired: a week after the SMS the link records nothing (410)', async () => {
    const other = await keyOut('K-0155');
    await clock('2026-11-27T17:12:00+08:00');
    const link = await sms(other.id, PHONE.guard);
    await clock('2026-12-04T17:13:00+08:00');
    const page = await desk.call('GET', link.path);
    expect(page.status).toBe(410);
    expect(page.body).toContain('链接已过期');
    expect((await post(link.path, { action: 'return' })).status).toBe(410);
    expect((await view(other.id)).status).toBe('handed-out');
  });
});

describe('the move-in lead’s link (read only, ADR 014)', () => {
  let id: string;
  let lead: { text: string; path: string };

  beforeAll(async () => {
    desk = await freshDesk(desk, '2026-11-27T09:00:00+08:00');
    office = desk.token('property-office');
    const res = await desk.call('POST', '/tickets', {
      token: office,
      body: { kind: 'move-in', unit: '3-2-1502', owner: { name: '王先生', phone: '+8613800000001' } },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.ticket.id;
    const record = async (s: keyof typeof PASSING, token: string) => {
      const { type: _type, ...body } = PASSING[s];
      const r = await desk.call('POST', `/tickets/${id}/record-step`, { token, body });
      expect(r.status, JSON.stringify(r.body)).toBe(200);
    };
    await record('developer-confirmation', office);
    await record('inspection', desk.token('technician-1'));
    await clock('2026-12-04T09:01:00+08:00');
  }, 120_000);

  it('the SMS says what to do and ends in the lead’s link, in two segments', async () => {
    lead = await sms(id, PHONE.supervisor);
    expect(lead.text).toMatch(
      /^【翠湖物业】入住超7天未办完:M20261127-001 3-2-1502,缺5步:MI-2\/3\/4\/5\/8,请督促各部门补办,详情:https?:\/\/.+\/ack\/[0-9A-Za-z]{12}$/,
    );
  });

  it('GET lists each missing step with its department, what is done, and the inspection’s repairs; records nothing', async () => {
    const before = await view(id);
    const page = await desk.call('GET', lead.path);
    expect(page.status).toBe(200);
    expect(page.body).toContain('未办 MI-4');
    expect(page.body).toContain('(财务部)');
    expect(page.body).toContain('(保安部)');
    expect(page.body).toContain('已办 MI-6');
    expect(page.body).toMatch(/验房报修 R20261127-001.*窗框渗水:待派工/s);
    expect(page.body).toContain('此页仅供查看');
    expect(page.body).not.toContain('<form');
    expect((await view(id)).version).toBe(before.version);
  });

  it('POST records nothing (409, saying the link is for viewing); tampered 403; a week later 410', async () => {
    const before = await view(id);
    const res = await post(lead.path, { action: 'complete' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('此链接仅供查看,未作任何记录');
    const edited = `${lead.path.slice(0, -1)}${lead.path.endsWith('A') ? 'B' : 'A'}`;
    expect((await desk.call('GET', edited)).status).toBe(403);
    expect((await view(id)).version).toBe(before.version);
    await clock('2026-12-11T09:02:00+08:00');
    expect((await desk.call('GET', lead.path)).status).toBe(410);
  });
});
