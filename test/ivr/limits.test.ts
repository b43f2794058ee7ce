/**
 * Issue 10 point 3 on the phone paths (ADR 011), with the park's default limits: a caller who calls
 * again about the same kind joins their open ticket (they hear its number; no second ticket, no
 * second SMS chain; the call is on the ticket's timeline), and a number over its calls per hour is
 * put through to a person before anything opens. Twilio over HTTP on the local desk, signed as
 * Twilio signs; Amazon Connect through its Lambda handler with ContactFlowEvents.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { ConnectContactFlowEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as connect } from '../../functions/ivr/connect';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { IvrDeps } from '../../shared/app/ivr-calls';
import { DEFAULT_IVR_VOICE } from '../../shared/config';
import { LIMIT_DEFAULTS } from '../../shared/domain/limits';
import { PROMPTS, spellNumber } from '../../shared/ivr/call-tree';
import { provideIvr } from '../../shared/runtime';
import { freshStore, logCalls } from '../support/store';
import { callSid, dialled, type IvrTestDesk, ivrDeps, said, startIvrDesk } from './support';
import { connectContactEvent } from '../support/connect-event';

const WANG = '+8613800000001'; // resident of 3-2-1502
const DISPATCHER = '+8613900000001';

describe('Twilio: the same caller again, then too often', () => {
  let desk: IvrTestDesk;
  let dispatcher: string;
  let seed = 0x5000;

  beforeAll(async () => {
    desk = await startIvrDesk();
    dispatcher = desk.token('dispatcher');
    desk.clock.set(new Date('2026-12-01T10:00:00+08:00'));
  });
  afterAll(async () => desk?.close());

  function newCall(from: string) {
    const base = {
      CallSid: callSid(seed++),
      AccountSid: `AC${'b'.repeat(32)}`,
      To: '+862100000000',
      From: from,
    };
    return {
      sid: base.CallSid,
      post: async (path: string, extra: Record<string, string> = {}) => {
        const res = await desk.twilio(path, { ...base, ...extra });
        expect(res.status).toBe(200);
        return res.body;
      },
    };
  }

  /** A whole repair call: the menu, 1, what is wrong; the last answer. */
  async function repairCall(from: string, speech: string) {
    const call = newCall(from);
    const menu = await call.post('/ivr/twilio/voice');
    const describe = await call.post(desk.next(menu), { Digits: '1' });
    return { sid: call.sid, heard: await call.post(desk.next(describe), { SpeechResult: speech }) };
  }

  // biome-ignore lint/suspicious/noExplicitAny: tickets as the API returns them
  const repairsOf = async (phone: string): Promise<any[]> =>
    (await desk.call('GET', '/tickets?kind=repair&limit=100', { token: dispatcher })).body.tickets.filter(
      (t: { caller: { phone: string } }) => t.caller.phone === phone,
    );

  it('a second repair call joins the first: the caller hears its number, and nothing new opens or texts', async () => {
    // Prepare: the first call opens a received repair; the desk on shift is texted.
    await repairCall(WANG, '厨房水管漏水');
    const [ticket] = await repairsOf(WANG);
    const texted = (await desk.call('GET', `/local/sms?ticketId=${ticket.id}`)).body.messages.length;

    // Act: five minutes later, the same caller about it again.
    desk.clock.advance(5 * 60_000);
    const again = await repairCall(WANG, '水越漏越多了');

    // Assess
    expect(await repairsOf(WANG)).toHaveLength(1);
    const heard = said(again.heard).join('');
    expect(heard).toContain(PROMPTS.calledAgain);
    expect(heard).toContain(`单号:${spellNumber(ticket.number)}`);
    const view = await desk.call('GET', `/tickets/${ticket.id}`, { token: dispatcher });
    expect(
      view.body.timeline.find((e: { type: string }) => e.type === 'caller.called-again')?.data,
    ).toMatchObject({
      channel: 'ivr-twilio',
      callId: again.sid,
      transcript: '水越漏越多了',
    });
    expect((await desk.call('GET', `/local/sms?ticketId=${ticket.id}`)).body.messages).toHaveLength(texted);
  });

  it(`the ${LIMIT_DEFAULTS.ivrCallsPerPhone + 1}th call in the hour from one number is put through to a person at once`, async () => {
    // Prepare: two calls above; three more reach the menu.
    for (let i = 0; i < LIMIT_DEFAULTS.ivrCallsPerPhone - 2; i++) {
      expect(said(await newCall(WANG).post('/ivr/twilio/voice'))[0]).toMatch(/^您好!物业部/);
    }

    // Act
    const over = await newCall(WANG).post('/ivr/twilio/voice');
    const other = await newCall('+8613800000002').post('/ivr/twilio/voice');

    // Assess: said why, dialled the desk on shift; another number still gets the menu.
    expect(said(over)).toEqual([PROMPTS.manyCalls]);
    expect(dialled(over)).toBe(DISPATCHER);
    expect(said(other)[0]).toMatch(/^您好!物业部/);
  });
});

describe('Amazon Connect: the same caller again, then too often', () => {
  const INSTANCE = 'arn:aws:connect:ap-east-1:111122223333:instance/8f2b1c3d-0000-4000-8000-000000000009';
  const CALLER = '+8613800000005';
  let deps: IvrDeps;
  let dynamo: DynamoDBClient;
  let contacts = 0;

  beforeAll(async () => {
    const { client, db, tableName, store } = await freshStore();
    dynamo = client;
    const clock = new AdjustableClock();
    clock.set(new Date('2026-12-01T10:00:00+08:00'));
    deps = ivrDeps({ store, db, tableName }, clock, {
      parkId: 'park-1',
      baseUrl: 'https://desk.example.test',
      voice: { ...DEFAULT_IVR_VOICE },
      connectInstances: { [INSTANCE]: 'park-1' },
    });
    provideIvr({ deps, authToken: async () => 'unused' });
  });
  afterAll(() => provideIvr(undefined));

  const contact = (parameters: Record<string, string>, phone = CALLER): ConnectContactFlowEvent => {
    const id = `6e4c8b41-0000-4000-8000-${String(++contacts).padStart(12, '0')}`;
    return connectContactEvent({ contactId: id, phone, instanceArn: INSTANCE, parameters });
  };
  const fire = { kind: 'emergency', category: 'fire', description: '地下车库冒烟' };

  it('a second fire call joins the first emergency (duplicateOf); over the limit a contact is transferred, opening nothing', async () => {
    // Prepare
    const first = await connect(contact(fire));
    expect(first.status).toBe('opened');

    // Act: four more fire calls (the limit is five an hour), then a sixth.
    const again = [];
    for (let i = 0; i < LIMIT_DEFAULTS.ivrCallsPerPhone - 1; i++) again.push(await connect(contact(fire)));
    const over = await connect(contact({ kind: 'repair', description: '门禁坏了' }));

    // Assess
    for (const answer of again) {
      expect(answer).toMatchObject({
        status: 'opened',
        duplicateOf: first.ticketId,
        ticketNumber: first.ticketNumber,
      });
      expect(answer.prompt).toContain(PROMPTS.emergencyCalledAgain);
    }
    expect(over).toMatchObject({ status: 'transfer', reason: 'many-calls', prompt: PROMPTS.manyCalls });
    const history = await deps.store.history(first.ticketId!);
    expect(history?.events.filter((e) => e.type === 'caller.called-again')).toHaveLength(
      LIMIT_DEFAULTS.ivrCallsPerPhone - 1,
    );
    const page = await deps.store.list({ parkId: 'park-1', limit: 100 });
    expect(page.tickets).toHaveLength(1);
  });

  it('a new contact with the limits on: at most 10 DynamoDB round trips, none a scan', async () => {
    // The number's count (one UpdateItem) and the caller's open tickets (one Query on a keys-only
    // index) come on top of intake's own trips; `npm run bench` times new contacts.
    const calls: string[] = [];
    logCalls(dynamo, calls);
    try {
      const answer = await connect(contact({ kind: 'repair', description: '水管漏水' }, '+8613800000002'));
      expect(answer.status).toBe('opened');
    } finally {
      dynamo.middlewareStack.remove('logCalls');
    }
    console.log(`connect, a new contact: ${calls.length} DynamoDB round trips (${calls.join(', ')})`);
    expect(calls.length).toBeLessThanOrEqual(10);
    expect(calls).not.toContain('ScanCommand');
  });
});
