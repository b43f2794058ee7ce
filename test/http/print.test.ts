/**
 * Issue 13 item 6 over HTTP on the local desk: `GET /tickets/{id}/print` answers each kind's filled
 * form as a printable A4 page — a repair opened through to completion (RP-1..RP-5), a complaint's
 * report sheet and disposal record with the contact masked for those who may not see it (CH-3,
 * CH-4, CH-6), a key slip (KY-3, KY-4), a move-in checklist, an emergency report — with the same
 * permission and park scoping as `GET /tickets/{id}`, and 400 for a form that is unknown or does
 * not fit the kind.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newCallerPhone, repairBody, setLocalClock, startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;

/** The page as a browser gets it: status, headers and the text. */
async function print(path: string, token: string | undefined) {
  const res = await fetch(
    `${desk.url}${path}`,
    token ? { headers: { authorization: `Bearer ${token}` } } : {},
  );
  return { status: res.status, headers: res.headers, text: await res.text() };
}

async function command(id: string, name: string, body: Record<string, unknown>, token = dispatcher) {
  const res = await desk.call('POST', `/tickets/${id}/${name}`, { token, body });
  expect(res.status, `${name}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  await setLocalClock(desk, '2026-11-27T09:40:00+08:00');
});
afterAll(async () => {
  await desk?.close();
});

describe('RP-5: a repair opened through to completion prints as 《报修派工单》', () => {
  let id: string;
  let number: string;
  let phone: string;

  beforeAll(async () => {
    const body = repairBody({ paidService: { fee: 80, consent: true } });
    phone = body.caller.phone;
    const opened = await desk.call('POST', '/tickets', { token: dispatcher, body });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    id = opened.body.ticket.id;
    number = opened.body.ticket.number;
    await command(id, 'assign', { staffId: 'technician-1' });
    await setLocalClock(desk, '2026-11-27T10:05:00+08:00');
    const tech = desk.token('technician-1');
    await command(id, 'acknowledge', {}, tech);
    await setLocalClock(desk, '2026-11-27T11:30:00+08:00');
    await command(id, 'complete', { serviceSlip: { number: 'FW-0101', signedBy: '王先生' } }, tech);
  });

  it('answers an HTML page with no script and nothing external, not cached', async () => {
    const page = await print(`/tickets/${id}/print`, dispatcher);
    expect(page.status, page.text).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.text).toMatch(/^<!doctype html><html lang="zh-CN">/);
    expect(page.text).toContain('@page{size:A4');
    expect(page.text.toLowerCase()).not.toContain('<script');
  });

  it('RP-1..RP-5: the park, the number, the content, RP-2, the fee, the assignee, the slip, the signature lines', async () => {
    const { text } = await print(`/tickets/${id}/print`, dispatcher);
    expect(text).toContain('<div class="park">翠湖园</div><h1>报修派工单</h1>');
    expect(number).toMatch(/^R20261127-\d{3}$/);
    expect(text).toContain(`编号：${number}`);
    for (const fact of [
      '厨房水管漏水',
      '3号楼2单元1502 厨房',
      '3-2-1502',
      `王先生(${phone})`,
      '有能力有人手:马上派人维修',
      '¥80.00',
      '张伟',
      'FW-0101',
      '已完工',
    ])
      expect(text, fact).toContain(fact);
    for (const line of ['派工人（签字）', '维修人（签字）', '住户确认（签字）']) expect(text).toContain(line);
  });

  it('times are the park’s: taken 10:05, done 11:30, printed 11:30 (never the UTC 02:05 / 03:30)', async () => {
    const { text } = await print(`/tickets/${id}/print`, dispatcher);
    expect(text).toContain('<th>接单时间</th><td>2026-11-27 10:05</td>');
    expect(text).toContain('<th>完工时间</th><td>2026-11-27 11:30</td>');
    expect(text).toContain('<th>报修时间</th><td>2026-11-27 09:40</td>');
    expect(text).toContain('打印时间：2026-11-27 11:30');
    expect(text).not.toContain('03:30');
    expect(text).not.toContain('02:05');
  });

  it('the technician may print the work order assigned to them (ticket.read, as GET /tickets/{id})', async () => {
    const page = await print(`/tickets/${id}/print`, desk.token('technician-1'));
    expect(page.status).toBe(200);
    expect(page.text).toContain('FW-0101');
  });

  it('an unknown form is 400 naming `form`; a form of another kind is 400; an unknown parameter is 400', async () => {
    const unknown = await desk.call('GET', `/tickets/${id}/print?form=invoice`, { token: dispatcher });
    expect([unknown.status, unknown.body.error.code, unknown.body.error.field]).toEqual([
      400,
      'REQUEST.INVALID_FIELD',
      'form',
    ]);
    const record = await desk.call('GET', `/tickets/${id}/print?form=record`, { token: dispatcher });
    expect([record.status, record.body.error.code, record.body.error.field]).toEqual([
      400,
      'PRINT.FORM_NOT_FOR_KIND',
      'form',
    ]);
    const extra = await desk.call('GET', `/tickets/${id}/print?copies=3`, { token: dispatcher });
    expect([extra.status, extra.body.error.code, extra.body.error.field]).toEqual([
      400,
      'REQUEST.UNKNOWN_FIELD',
      'copies',
    ]);
  });

  it('another park’s token, an unknown id and a malformed id are 404 TICKET.NOT_FOUND; no token is 401', async () => {
    const otherPark = desk.token('dispatcher', '--park', 'park-2');
    for (const [path, token] of [
      [`/tickets/${id}/print`, otherPark],
      ['/tickets/01J0000000000000000000000Z/print', dispatcher],
      ['/tickets/nope/print', dispatcher],
    ] as const) {
      const res = await desk.call('GET', path, { token });
      expect([res.status, res.body.error.code], path).toEqual([404, 'TICKET.NOT_FOUND']);
    }
    expect((await print(`/tickets/${id}/print`, undefined)).status).toBe(401);
  });
});

describe('CH-4, CH-6: a complaint prints as the report sheet and the disposal record, the contact as the view shows it (CH-3)', () => {
  let id: string;
  const CALLER = { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' };

  beforeAll(async () => {
    await setLocalClock(desk, '2026-11-27T13:00:00+08:00');
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: {
        kind: 'complaint',
        caller: CALLER,
        occurredAt: '2026-11-27T12:30:00+08:00',
        place: '5号楼电梯',
        about: { staffId: 'technician-1' },
        description: '维修工态度恶劣',
        demand: '当面道歉',
        valid: true,
        severity: 'important',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.ticket.id;
    await command(
      id,
      'acknowledge',
      { step: 'report-sheet', note: '已收到' },
      desk.token('engineering-manager'),
    );
    await command(id, 'follow-ups', { note: '工程部经理已约谈张伟' });
  });

  it('the desk prints 《投诉、维修呈报单》 with the contact, the person complained about and the department’s signature', async () => {
    const { status, text } = await print(`/tickets/${id}/print`, dispatcher);
    expect(status, text).toBe(200);
    expect(text).toContain('<h1>投诉、维修呈报单</h1>');
    expect(text).toMatch(/编号：C20261127-\d{3}/);
    for (const fact of [
      '李女士(+8613800000002)',
      '5-1-0801',
      '工程部',
      '张伟',
      '维修工态度恶劣',
      '当面道歉',
      '重要投诉',
      '吴军',
    ])
      expect(text, fact).toContain(fact);
    expect(text).toContain('<th>发生时间</th><td>2026-11-27 12:30</td>');
    expect(text).toContain('被投诉部门签收（签字）');
  });

  it.each([
    ['technician-1', 'the person complained about'],
    ['technician-2', 'a colleague'],
    ['security-guard', 'another team'],
  ])('%s (%s) prints it with the contact masked, on both forms', async (who) => {
    for (const form of ['', '?form=record']) {
      const { status, text } = await print(`/tickets/${id}/print${form}`, desk.token(who));
      expect(status, text).toBe(200);
      expect(text).toContain('李**(138****0002)');
      expect(text).not.toContain('13800000002');
      expect(text).not.toContain('李女士');
      expect(text).not.toContain('5-1-0801');
    }
  });

  it('?form=record prints 《投诉处置记录表》 with the hand-off, the signature and the follow-up (DS-4)', async () => {
    const { text } = await print(`/tickets/${id}/print?form=record`, dispatcher);
    expect(text).toContain('<h1>投诉处置记录表</h1>');
    expect(text).toContain('第1次跟进(DS-4、DS-5):工程部经理已约谈张伟');
    expect(text).toContain('被投诉部门签收(CH-4):吴军');
    expect(text).toContain('管理处负责人（签字）');
  });
});

describe('KY-3: a key request prints as 《物业部钥匙领用条》 once the slip is issued', () => {
  let id: string;
  const office = () => desk.token('property-office');

  beforeAll(async () => {
    const key = await desk.call('POST', '/keys', {
      token: desk.token('security-guard-1'),
      body: { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'P-0153' },
    });
    expect(key.status, JSON.stringify(key.body)).toBe(201);
    const res = await desk.call('POST', '/tickets', {
      token: office(),
      body: {
        kind: 'key',
        keyId: key.body.keySet.id,
        requester: { type: 'tenant', name: '钱女士', phone: newCallerPhone() },
        reason: '看房',
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    id = res.body.ticket.id;
    await command(id, 'verify', { ownerCall: { outcome: 'confirmed', note: '业主同意' } }, office());
  });

  it('before the slip is issued there is no slip to print: 409, nothing changes', async () => {
    const res = await desk.call('GET', `/tickets/${id}/print`, { token: office() });
    expect([res.status, res.body.error.code]).toEqual([409, 'PRINT.SLIP_NOT_ISSUED']);
  });

  it('the slip: who, which key, why, KY-2, due back, escort, the ID at security as type and last four only', async () => {
    await command(id, 'issue-slip', { dueAt: '2026-11-27T17:00:00+08:00' }, office());
    await command(
      id,
      'hand-out',
      {
        guardId: 'security-guard-1',
        idChecked: true,
        escortId: 'security-guard-2',
        idType: 'resident-id',
        idLast4: '567X',
      },
      desk.token('security-guard-1'),
    );
    const { status, text } = await print(`/tickets/${id}/print`, office());
    expect(status, text).toBe(200);
    expect(text).toContain('<h1>物业部钥匙领用条</h1>');
    expect(text).toMatch(/编号：LY20261127-\d{3}/);
    for (const fact of [
      '钱女士',
      '租户',
      'P-0153 3-2-1502入户门钥匙×2',
      '看房',
      '已电话联系业主,确认身份及领取原因(业主同意)',
      '需要(陪同看房)',
      '居民身份证(尾号567X)',
      '孙鹏',
      '马超',
    ])
      expect(text, fact).toContain(fact);
    expect(text).toContain('<th>归还时间</th><td>2026-11-27 17:00</td>');
    for (const line of ['开条人(物业部)（签字）', '领用人（签字）', '保安员（签字）'])
      expect(text).toContain(line);
  });

  it('a key request has no report sheet: 400 on `form`', async () => {
    const res = await desk.call('GET', `/tickets/${id}/print?form=report-sheet`, { token: office() });
    expect([res.status, res.body.error.field]).toEqual([400, 'form']);
  });
});

describe('the move-in checklist and the emergency report', () => {
  it('MI-1..MI-9: a move-in prints its steps, who recorded each and when, and the forms', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: desk.token('property-office'),
      body: { kind: 'move-in', unit: '3-2-1502', owner: { name: '陈女士', phone: newCallerPhone() } },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.ticket.id;
    await command(
      id,
      'record-step',
      { step: 'meters', coldWater: 12.5, hotWater: 3.2, ownerSigned: true },
      desk.token('technician-2'),
    );
    const { status, text } = await print(`/tickets/${id}/print`, desk.token('property-office'));
    expect(status, text).toBe(200);
    expect(text).toContain('<h1>业户入住手续清单</h1>');
    expect(text).toContain('冷水表 12.5;热水表 3.2;业主签字:是</td><td>李强</td><td>2026-11-27 13:00</td>');
    expect(text).toContain('MI-1');
    expect(text).toContain('《验房单》');
    expect(text).toContain('业主（签字）');
  });

  it('EM-1..EM-6: an emergency prints as 《紧急或重大事情呈报单》 with the chain it reached', async () => {
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: {
        kind: 'emergency',
        category: 'fire',
        location: '地下车库B区',
        description: '车库B区有烟冒出',
        caller: { name: '赵先生', phone: newCallerPhone() },
      },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const { status, text } = await print(
      `/tickets/${opened.body.ticket.id}/print`,
      desk.token('office-manager'),
    );
    expect(status, text).toBe(200);
    expect(text).toContain('<h1>紧急或重大事情呈报单</h1>');
    expect(text).toContain('(B) 火警');
    expect(text).toContain('第1轮第1级');
    expect(text).toContain('管理处负责人(同意销项)（签字）');
  });
});
