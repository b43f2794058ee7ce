/**
 * Review findings on phone intake: where an emergency or complaint happened is what the caller
 * said, not their home; and who takes the call follows the park's calendar (working days,
 * holidays), as every other desk hand-off does.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/adapters/dynamo/table';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { answerTwilio, canOpenKind, type IvrDeps } from '../../shared/app/ivr-calls';
import { DEFAULT_IVR_VOICE } from '../../shared/config';
import { freshStore } from '../support/store';
import { callSid, dialled, type IvrTestDesk, ivrDeps, said, startIvrDesk } from './support';

const WANG = '+8613800000001'; // resident of 3-2-1502
const PHONE = {
  dispatcher: '+8613900000001',
  dutyOfficer: '+8613900000002',
  officeManager: '+8613900000019',
};

describe('over HTTP: what the caller said is where it happened', () => {
  let desk: IvrTestDesk;
  let seed = 0x7e0000;

  beforeAll(async () => {
    desk = await startIvrDesk();
    desk.clock.set(new Date('2026-12-01T10:00:00+08:00'));
  });
  afterAll(async () => desk?.close());

  async function call(digits: string[], speech: string) {
    const base = { CallSid: callSid(seed++), AccountSid: `AC${'c'.repeat(32)}`, From: WANG };
    let twiml = (await desk.twilio('/ivr/twilio/voice', base)).body;
    for (const d of digits) twiml = (await desk.twilio(desk.next(twiml), { ...base, Digits: d })).body;
    const last = await desk.twilio(desk.next(twiml), { ...base, SpeechResult: speech });
    const token = desk.token('dispatcher');
    for (const kind of ['emergency', 'complaint']) {
      const res = await desk.call('GET', `/tickets?kind=${kind}&limit=100`, { token });
      // biome-ignore lint/suspicious/noExplicitAny: tickets as the API returns them
      const ticket = res.body.tickets?.find((t: any) => t.source?.callId === base.CallSid);
      if (ticket) return { ticket, twiml: last.body };
    }
    throw new Error('no ticket for the call');
  }

  it('EM-1: a fire reported by a resident is not sent to their flat: the location is the caller’s account', async () => {
    if (!canOpenKind('emergency')) return;
    const { ticket, twiml } = await call(['3', '1'], '地下车库冒烟');

    expect(ticket.location).not.toBe('3号楼2单元1502');
    expect(ticket.location).toBe('来电口述');
    expect(ticket.description).toBe('地下车库冒烟');
    expect(dialled(twiml)).toBe(PHONE.dispatcher); // the desk on shift at 10:00, who owns the case
    // GET /local/sms settles first: the SMS of the opening are sent by then, however long that takes.
    const sms = await desk.call('GET', `/local/sms?ticketId=${ticket.id}&to=%2B8613900000019`);
    expect(sms.body.messages[0]?.text).toContain('火警:来电口述。地下车库冒烟。');
  });

  it('CH-3: a complaint’s place is the one the caller told, not the caller’s home', async () => {
    if (!canOpenKind('complaint')) return;
    const { ticket } = await call(['2'], '5号楼电梯停运两天');

    expect(ticket.place).toBe('来电口述');
  });
});

describe('the desk on shift follows the park calendar', () => {
  let deps: IvrDeps;
  const clock = new AdjustableClock();

  beforeAll(async () => {
    const { db, tableName, store } = await freshStore();
    // 2026-12-01 (a Tuesday) is a holiday of the park: nobody is in the office at 10:00.
    await db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.park('park-1'),
        UpdateExpression: 'SET holidays = :h',
        ExpressionAttributeValues: { ':h': ['2026-12-01'] },
      }),
    );
    deps = ivrDeps({ store, db, tableName }, clock, {
      parkId: 'park-1',
      baseUrl: 'https://desk.example.test',
      voice: { ...DEFAULT_IVR_VOICE },
    });
  });

  it('a caller asking for a person on a holiday morning is put through to the duty officer', async () => {
    clock.set(new Date('2026-12-01T10:00:00+08:00'));

    const xml = await answerTwilio(deps, {
      step: 'menu',
      query: { n: '1' },
      form: { CallSid: callSid(0x7e1000), From: WANG, Digits: '0' },
    });

    expect(said(xml)).toEqual(['正在为您转接人工服务,请稍候。']);
    expect(dialled(xml)).toBe(PHONE.dutyOfficer);
  });

  it('the next working morning the dispatcher answers again', async () => {
    clock.set(new Date('2026-12-02T10:00:00+08:00'));

    const xml = await answerTwilio(deps, {
      step: 'menu',
      query: { n: '1' },
      form: { CallSid: callSid(0x7e1001), From: WANG, Digits: '0' },
    });

    expect(dialled(xml)).toBe(PHONE.dispatcher);
  });
});
