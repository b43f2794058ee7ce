/**
 * The phone call tree over HTTP against the local runtime, signed as Twilio signs: every menu
 * branch end to end, bad and partial input, and one call = one ticket under retries and replays.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { documentClient } from '../../shared/adapters/aws/core';
import { canOpenKind } from '../../shared/app/ivr-calls';
import { PROMPTS } from '../../shared/ivr/call-tree';
import { dynamoClient } from '../support/store';
import { callSid, dialled, type IvrTestDesk, said, startIvrDesk } from './support';
import { parseXml } from './xml';

let desk: IvrTestDesk;
let dispatcher: string;
const db = documentClient(dynamoClient());

/** Demo directory phones (infra/local/demo-park.ts): seat n has +86139000000nn. */
const PHONE = {
  dispatcher: '+8613900000001',
  dutyOfficer: '+8613900000002',
  officeManager: '+8613900000019',
  propertyOffice: '+8613900000005',
} as const;
const WANG = '+8613800000001'; // resident of 3-2-1502
const STRANGER = '+8613800009999';
/** A weekday morning in the park: the dispatcher answers the desk. */
const OFFICE_HOURS = new Date('2026-12-01T10:00:00+08:00');

let seed = 0x1000;
function newCall(from: string | null) {
  const sid = callSid(seed++);
  const base: Record<string, string> = {
    CallSid: sid,
    AccountSid: `AC${'b'.repeat(32)}`,
    To: '+862100000000',
    CallStatus: 'in-progress',
    ...(from ? { From: from } : {}),
  };
  return {
    sid,
    /** Posts one step with the call's fields plus `extra`; asserts a 200 TwiML answer. */
    post: async (path: string, extra: Record<string, string> = {}) => {
      const res = await desk.twilio(path, { ...base, ...extra });
      expect(res.status).toBe(200);
      expect(res.contentType).toBe('text/xml; charset=utf-8');
      parseXml(res.body);
      return res.body;
    },
  };
}

async function callItems(sid: string): Promise<Record<string, unknown>[]> {
  const out = await db.send(
    new QueryCommand({
      TableName: desk.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `CALL#twilio#${sid}` },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

// biome-ignore lint/suspicious/noExplicitAny: tickets as the API returns them
async function ticketsOfCall(sid: string): Promise<any[]> {
  // biome-ignore lint/suspicious/noExplicitAny: tickets as the API returns them
  const tickets: any[] = [];
  for (const kind of ['repair', 'complaint', 'emergency']) {
    const res = await desk.call('GET', `/tickets?kind=${kind}&limit=100`, { token: dispatcher });
    if (res.status === 200) tickets.push(...res.body.tickets);
  }
  return tickets.filter((t) => t.source?.callId === sid);
}

async function smsTo(phone: string, ticketId: string): Promise<string[]> {
  const res = await desk.call('GET', `/local/sms?ticketId=${ticketId}&to=${encodeURIComponent(phone)}`);
  return res.body.messages.map((m: { text: string }) => m.text);
}

beforeAll(async () => {
  // These calls come from the same few numbers in one minute of the desk's clock: the flows, not
  // the limits, are tested here (test/ivr/limits.test.ts has the duplicate and per-number rules).
  desk = await startIvrDesk({ limits: { duplicateWindowMinutes: 0, ivrCallsPerPhone: 1000 } });
  dispatcher = desk.token('dispatcher');
});
afterAll(async () => desk?.close());
beforeEach(() => {
  desk.clock.set(OFFICE_HOURS);
});

describe('RP-1: the call is answered with the greeting and the menu', () => {
  it('POST /ivr/twilio/voice answers TwiML: the RP-1 greeting and the menu in Mandarin, Gather for digits and speech', async () => {
    const body = await newCall(WANG).post('/ivr/twilio/voice');
    const gather = parseXml(body).children[0];

    expect(said(body)[0]).toMatch(/^您好!物业部,您有什么要求/);
    expect(said(body)[0]).toContain('报修请按1,投诉请按2,紧急情况请按3,钥匙或入住事宜请按4,人工服务请按0');
    expect(gather?.attributes).toMatchObject({
      action: `${desk.ivr.publicBaseUrl}/ivr/twilio/menu?n=1`,
      input: 'dtmf speech',
      language: 'zh-CN',
      numDigits: '1',
    });
    expect(gather?.children[0]?.attributes).toEqual({ voice: 'Polly.Zhiyu', language: 'cmn-CN' });
  });
});

describe('repair: received, the dispatcher told, the caller hears the number and RP-3', () => {
  it('a known resident: recognised by From, description by speech, ticket received with transcript and recording', async () => {
    // Prepare
    const call = newCall(WANG);
    const menu = await call.post('/ivr/twilio/voice');
    const describe = await call.post(desk.next(menu), { Digits: '1' });

    // Act
    const confirmed = await call.post(desk.next(describe), {
      SpeechResult: '厨房水管漏水 <急> & 漏电',
      Confidence: '0.91',
      RecordingUrl: 'https://api.twilio.example/Recordings/RE1',
    });

    // Assess
    expect(said(describe)).toEqual([PROMPTS.askRepair]);
    const [ticket] = await ticketsOfCall(call.sid);
    expect(ticket).toMatchObject({
      kind: 'repair',
      status: 'received',
      caller: { name: '王先生', phone: WANG, unit: '3-2-1502' },
      location: '3号楼2单元1502',
      description: '厨房水管漏水 <急> & 漏电',
      createdBy: { staffId: 'ivr', name: '电话语音' },
      source: {
        channel: 'ivr-twilio',
        callId: call.sid,
        transcript: '厨房水管漏水 <急> & 漏电',
        recordingUrl: 'https://api.twilio.example/Recordings/RE1',
      },
    });
    expect(ticket).not.toHaveProperty('decision');
    expect(ticket.number).toMatch(/^R20261201-\d{3}$/);
    const digits = ticket.number.slice(1).replace('-', '');
    const spoken = [...digits].map((d: string) => '零幺二三四五六七八九'[Number(d)]);
    const heard = said(confirmed).join('');
    expect(heard).toContain(`单号:R ${spoken.slice(0, 8).join(' ')},${spoken.slice(8).join(' ')}。`);
    expect(heard).toContain(
      '跟您确认一下:维修内容:厨房水管漏水 <急> & 漏电;地点:3号楼2单元1502;时间:尽快。请问还有什么要求。',
    );
    expect(confirmed).toContain('&lt;急&gt; &amp; 漏电');
    expect(await smsTo(PHONE.dispatcher, ticket.id)).toEqual([
      `【翠湖物业】新电话报修${ticket.number}待定:3-2-1502 厨房水管漏水 <急> & 漏电,请确认派工。`,
    ]);

    // the last menu: nothing more → goodbye; 0 → a person
    const bye = await call.post(desk.next(confirmed), { Digits: '' });
    expect(said(bye)).toEqual([PROMPTS.goodbye]);
    expect(bye).toContain('<Hangup/>');
  });

  it('an unknown caller types building, entrance and room; 801 finds unit 0801', async () => {
    // Prepare
    const call = newCall(STRANGER);
    const menu = await call.post('/ivr/twilio/voice');

    // Act
    const building = await call.post(desk.next(menu), { Digits: '1' });
    const entrance = await call.post(desk.next(building), { Digits: '5' });
    const room = await call.post(desk.next(entrance), { Digits: '1' });
    const describe = await call.post(desk.next(room), { Digits: '801' });
    await call.post(desk.next(describe), { SpeechResult: '卫生间灯不亮' });

    // Assess
    expect([building, entrance, room].map((b) => said(b).at(-1))).toEqual([
      PROMPTS.askBuilding,
      PROMPTS.askEntrance,
      PROMPTS.askRoom,
    ]);
    expect(parseXml(building).children[0]?.attributes).toMatchObject({ input: 'dtmf', finishOnKey: '#' });
    const [ticket] = await ticketsOfCall(call.sid);
    expect(ticket).toMatchObject({
      status: 'received',
      caller: { name: '来电人', phone: STRANGER, unit: '5-1-0801' },
      location: '5号楼1单元0801',
      description: '卫生间灯不亮',
    });
  });

  it('RP-2 after the call: the dispatcher decides dispatch; the 30-minute clock starts at the decision', async () => {
    // Prepare
    const call = newCall(WANG);
    const describe = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '1' });
    await call.post(desk.next(describe), { SpeechResult: '阳台门关不上' });
    const [received] = await ticketsOfCall(call.sid);
    desk.clock.set(new Date(OFFICE_HOURS.getTime() + 20 * 60_000));

    // Act
    const decided = await desk.call('POST', `/tickets/${received.id}/decide`, {
      token: dispatcher,
      body: { decision: 'dispatch' },
    });
    const again = await desk.call('POST', `/tickets/${received.id}/decide`, {
      token: dispatcher,
      body: { decision: 'dispatch' },
    });

    // Assess
    expect(decided.status).toBe(200);
    expect(decided.body.ticket).toMatchObject({
      status: 'dispatched',
      decision: 'dispatch',
      number: received.number,
    });
    const ack = decided.body.ticket.timers['ack-30m'];
    expect(ack.state).toBe('pending');
    // 10:20 decision + 30 minutes (the test desk's clock steps a millisecond per reading)
    expect(Date.parse(ack.dueAt) - Date.parse('2026-12-01T10:50:00+08:00')).toBeGreaterThanOrEqual(0);
    expect(Date.parse(ack.dueAt) - Date.parse('2026-12-01T10:50:00+08:00')).toBeLessThan(5_000);
    expect(again.status).toBe(409);
  });

  it('an address that is not found three times puts the caller through to a person, and opens nothing', async () => {
    const call = newCall(STRANGER);
    let body = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '1' });
    for (let i = 0; i < 3; i++) {
      body = await call.post(desk.next(body), { Digits: '99' });
      body = await call.post(desk.next(body), { Digits: '9' });
      body = await call.post(desk.next(body), { Digits: '9999' });
    }

    expect(said(body)).toEqual([PROMPTS.putThrough]);
    expect(dialled(body)).toBe(PHONE.dispatcher);
    expect(await ticketsOfCall(call.sid)).toEqual([]);
  });
});

describe('complaint: opened ungraded for the dispatcher to grade (CH-2)', () => {
  it('the complaint branch opens an ungraded complaint, or puts through to a person while complaints are not available', async () => {
    // Prepare
    const call = newCall(WANG);
    const next = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '2' });
    if (!canOpenKind('complaint')) {
      expect(dialled(next)).toBe(PHONE.dispatcher);
      return;
    }

    // Act
    const done = await call.post(desk.next(next), { SpeechResult: '楼上装修噪音很大,晚上十点还在施工' });

    // Assess
    expect(said(next)).toEqual([PROMPTS.askComplaint]);
    const [ticket] = await ticketsOfCall(call.sid);
    expect(ticket).toMatchObject({
      kind: 'complaint',
      caller: { name: '王先生', phone: WANG, unit: '3-2-1502' },
      place: '来电口述',
      description: '楼上装修噪音很大,晚上十点还在施工',
      source: { channel: 'ivr-twilio', callId: call.sid, transcript: '楼上装修噪音很大,晚上十点还在施工' },
    });
    expect(ticket).not.toHaveProperty('valid');
    expect(ticket).not.toHaveProperty('severity');
    expect(ticket.number).toMatch(/^C\d{8}-\d{3}$/);
    expect(said(done).join('')).toContain('您的投诉已登记。单号:C ');
    // CH-2 (issue 11 item 14): an apology, then what happens next.
    expect(said(done).join('')).toMatch(
      /给您带来不便,我们非常抱歉。我们会在10分钟内把您的投诉转交负责部门,处理完毕当天回访您/,
    );
    expect((await smsTo(PHONE.dispatcher, ticket.id)).length).toBeGreaterThan(0);
  });
});

describe('emergency: opened at once, the manager told, the call put through to the desk on shift', () => {
  it('EM-1/EM-2: 3, then 1 for fire, then speech: an emergency, an SMS to the office manager, <Dial> to the desk on shift', async () => {
    // Prepare
    const call = newCall(WANG);
    const category = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '3' });
    if (!canOpenKind('emergency')) {
      expect(dialled(category)).toBe(PHONE.dutyOfficer);
      return;
    }
    const describe = await call.post(desk.next(category), { Digits: '1' });

    // Act
    const put = await call.post(desk.next(describe), { SpeechResult: '3号楼地下车库冒烟了' });

    // Assess
    // Issue 11 item 19: 119/120/110 first when a life is at risk.
    expect(said(category)).toEqual([PROMPTS.lifeAtRisk, PROMPTS.askCategory]);
    expect(said(describe)).toEqual([PROMPTS.askEmergency]);
    const [ticket] = await ticketsOfCall(call.sid);
    expect(ticket).toMatchObject({
      kind: 'emergency',
      category: 'fire',
      location: '来电口述',
      description: '3号楼地下车库冒烟了',
    });
    // EM-2/EM-4: put through to the desk on shift, who owns the case: the dispatcher in office hours.
    expect(dialled(put)).toBe(PHONE.dispatcher);
    expect(said(put).join('')).toContain('已记录紧急情况。单号:E ');
    expect((await smsTo(PHONE.officeManager, ticket.id)).length).toBeGreaterThan(0);
  });

  it('EM: two misses on the category keypad do not hold the caller up: public-safety is taken', async () => {
    const call = newCall(WANG);
    const category = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '3' });
    if (!canOpenKind('emergency')) return;
    const again = await call.post(desk.next(category), { Digits: '7' });
    const describe = await call.post(desk.next(again), { Digits: '' });

    expect(said(again)).toEqual([PROMPTS.notHeard, PROMPTS.askCategory]);
    expect(desk.next(describe)).toContain('cat=public-safety');
  });
});

describe('keys, move-in and a person', () => {
  it('0 (a person): said, then put through to the desk', async () => {
    const call = newCall(WANG);
    const body = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '0' });

    expect(said(body)).toEqual([PROMPTS.putThrough]);
    expect(dialled(body)).toBe(PHONE.dispatcher);
  });

  it.each([
    ['4', { Digits: '4' }],
    ['"我要领钥匙"', { SpeechResult: '我要领钥匙' }],
  ])(
    '%s (keys or move-in) in office hours: put through to the property office (物业部), not the dispatcher',
    async (_what, input) => {
      const call = newCall(WANG);
      const body = await call.post(desk.next(await call.post('/ivr/twilio/voice')), input);

      expect(said(body)).toEqual([PROMPTS.keysOffice]);
      expect(dialled(body)).toBe(PHONE.propertyOffice);
    },
  );

  it('4 outside office hours: the property office is closed, the duty officer takes the call', async () => {
    desk.clock.set(new Date('2026-12-01T21:00:00+08:00'));
    const call = newCall(WANG);
    const body = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '4' });

    expect(said(body)).toEqual([PROMPTS.keys]);
    expect(dialled(body)).toBe(PHONE.dutyOfficer);
  });

  it('outside office hours the person is the duty officer', async () => {
    desk.clock.set(new Date('2026-12-01T21:00:00+08:00'));
    const call = newCall(WANG);
    const body = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '0' });

    expect(dialled(body)).toBe(PHONE.dutyOfficer);
  });

  it('EM-2: an emergency at night is put through to the duty officer, who owns it', async () => {
    desk.clock.set(new Date('2026-12-01T02:00:00+08:00'));
    const call = newCall(WANG);
    const category = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '3' });
    if (!canOpenKind('emergency')) return;
    const describe = await call.post(desk.next(category), { Digits: '1' });
    const put = await call.post(desk.next(describe), { SpeechResult: '地下车库冒烟' });

    expect(dialled(put)).toBe(PHONE.dutyOfficer);
    const [ticket] = await ticketsOfCall(call.sid);
    expect(ticket?.owner?.staffId).toBe('duty-officer-1');
  });
});

describe('bad or partial input: a sensible TwiML answer, never a 500, never a half-written ticket', () => {
  it('digits out of range: the menu again with "not heard", then after three tries a person', async () => {
    const call = newCall(WANG);
    const first = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '9' });
    const second = await call.post(desk.next(first), { Digits: '' });
    const third = await call.post(desk.next(second), { Digits: '#' });

    expect(said(first)[0]).toBe(PROMPTS.notHeard);
    expect(desk.next(first)).toBe('/ivr/twilio/menu?n=2');
    expect(desk.next(second)).toBe('/ivr/twilio/menu?n=3');
    expect(dialled(third)).toBe(PHONE.dispatcher);
  });

  it('empty speech: asked again, then a person; no ticket', async () => {
    const call = newCall(WANG);
    const describe = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '1' });
    const again = await call.post(desk.next(describe), { SpeechResult: '   ' });
    const person = await call.post(desk.next(again), {});

    expect(said(again)).toEqual([PROMPTS.notHeard, PROMPTS.askRepair]);
    expect(dialled(person)).toBe(PHONE.dispatcher);
    expect(await ticketsOfCall(call.sid)).toEqual([]);
  });

  it('no From (number withheld): put through to a person', async () => {
    const call = newCall(null);
    const body = await call.post('/ivr/twilio/voice');

    expect(said(body)).toEqual([PROMPTS.noCallerId]);
    expect(dialled(body)).toBe(PHONE.dispatcher);
  });

  it('a From that is not a phone number is treated as withheld', async () => {
    const call = newCall('anonymous');
    const body = await call.post('/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1', {
      SpeechResult: '漏水',
    });

    expect(dialled(body)).toBe(PHONE.dispatcher);
    expect(await ticketsOfCall(call.sid)).toEqual([]);
  });

  it.each([['CA123'], [`XX${'a'.repeat(32)}`], [`CA${'g'.repeat(32)}`], ['']])(
    'a CallSid of the wrong shape (%j): a person, and nothing written',
    async (sid) => {
      const res = await desk.twilio('/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1', {
        CallSid: sid,
        From: WANG,
        SpeechResult: '漏水',
      });

      expect(res.status).toBe(200);
      expect(dialled(res.body)).toBe(PHONE.dispatcher);
      expect(await callItems(sid)).toEqual([]);
    },
  );

  it('a huge body (100 KB of speech), validly signed: a person, nothing written', async () => {
    const call = newCall(WANG);
    const res = await desk.twilio('/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1', {
      CallSid: call.sid,
      From: WANG,
      SpeechResult: '漏'.repeat(35_000),
    });

    expect(res.status).toBe(200);
    expect(dialled(res.body)).toBe(PHONE.dispatcher);
    expect(await callItems(call.sid)).toEqual([]);
    expect(await ticketsOfCall(call.sid)).toEqual([]);
  });

  it('a long description is cut to what a ticket takes; the whole transcript is kept', async () => {
    const call = newCall(WANG);
    const speech = '漏水'.repeat(400);
    await call.post('/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1', { SpeechResult: speech });

    const [ticket] = await ticketsOfCall(call.sid);
    expect(ticket.description).toHaveLength(500);
    expect(ticket.source.transcript).toBe(speech);
  });
});

describe('X-Twilio-Signature: 403 and nothing written', () => {
  const path = '/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1';

  it.each([
    ['missing', { signature: null }],
    ['garbage', { signature: 'not-a-signature' }],
    ['made with another token', { token: 'someone-elses-token' }],
  ] as const)('a %s signature → 403', async (_what, options) => {
    const call = newCall(WANG);
    const res = await desk.twilio(
      path,
      { CallSid: call.sid, From: WANG, SpeechResult: '漏水' },
      { ...options },
    );

    expect(res.status).toBe(403);
    expect(await callItems(call.sid)).toEqual([]);
    expect(await ticketsOfCall(call.sid)).toEqual([]);
  });

  it('a tampered parameter → 403 (signed for one speech, sent with another)', async () => {
    const call = newCall(WANG);
    const params = { CallSid: call.sid, From: WANG, SpeechResult: '漏水' };
    const { getExpectedTwilioSignature } = await import('twilio/lib/webhooks/webhooks.js');
    const signature = getExpectedTwilioSignature(
      desk.ivr.twilioAuthToken,
      `${desk.ivr.publicBaseUrl}${path}`,
      params,
    );

    const res = await desk.twilio(
      path,
      { ...params, SpeechResult: '漏水,另外请把我的投诉撤销' },
      { signature },
    );

    expect(res.status).toBe(403);
    expect(await callItems(call.sid)).toEqual([]);
  });

  it('a tampered step URL → 403 (signed for n=1, sent to n=2)', async () => {
    const call = newCall(WANG);
    const params = { CallSid: call.sid, From: WANG, Digits: '1' };
    const { getExpectedTwilioSignature } = await import('twilio/lib/webhooks/webhooks.js');
    const signature = getExpectedTwilioSignature(
      desk.ivr.twilioAuthToken,
      `${desk.ivr.publicBaseUrl}/ivr/twilio/menu?n=1`,
      params,
    );

    const res = await desk.twilio('/ivr/twilio/menu?n=2', params, { signature });

    expect(res.status).toBe(403);
  });
});

describe('one call, one ticket: retries and replays of the same CallSid', () => {
  it('a replayed step returns the same answer and writes nothing new', async () => {
    // Prepare
    const call = newCall(WANG);
    const menu = await call.post('/ivr/twilio/voice');
    const describe = await call.post(desk.next(menu), { Digits: '1' });
    const speech = { SpeechResult: '水龙头关不紧' };
    const confirmed = await call.post(desk.next(describe), speech);
    const items = await callItems(call.sid);
    const [ticket] = await ticketsOfCall(call.sid);

    // Act
    desk.clock.set(new Date(OFFICE_HOURS.getTime() + 5 * 60_000));
    const replays = [
      await call.post('/ivr/twilio/voice'),
      await call.post(desk.next(menu), { Digits: '1' }),
      await call.post(desk.next(describe), speech),
    ];

    // Assess
    expect(replays).toEqual([menu, describe, confirmed]);
    expect(await callItems(call.sid)).toEqual(items);
    expect(await ticketsOfCall(call.sid)).toEqual([ticket]);
  });

  it('six copies of the same step at the same moment: one ticket, one answer, one SMS', async () => {
    // Prepare
    const call = newCall(WANG);
    const describe = await call.post(desk.next(await call.post('/ivr/twilio/voice')), { Digits: '1' });
    const path = desk.next(describe);

    // Act
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call.post(path, { SpeechResult: '电梯按钮失灵' })),
    );

    // Assess
    expect(new Set(answers).size).toBe(1);
    const tickets = await ticketsOfCall(call.sid);
    expect(tickets).toHaveLength(1);
    expect(await smsTo(PHONE.dispatcher, tickets[0].id)).toHaveLength(1);
  });
});
