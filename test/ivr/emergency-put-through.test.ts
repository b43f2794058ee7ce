/**
 * EM (issue 11 item 19) on the phone, through signed Twilio webhooks against the local desk: the
 * emergency branch says 119/120/110 first, the put-through rings the desk 20 seconds, and a desk
 * that does not answer hands the caller to the next person of the chain (the dial's action URL,
 * signature-checked like every step), until someone answers or the chain is done.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../infra/local/seed';
import { PROMPTS } from '../../shared/ivr/call-tree';
import { callSid, dialled, type IvrTestDesk, said, startIvrDesk } from './support';

let desk: IvrTestDesk;
const WANG = '+8613800000001';
/** A weekday morning: the dispatcher answers the desk. */
const OFFICE_HOURS = new Date('2026-12-01T10:00:00+08:00');
const phoneOf = (role: string) => DEMO_STAFF.find((s) => s.roles.includes(role as never))!.phone;

let seed = 0x9100;
function newCall() {
  const sid = callSid(seed++);
  const base = { CallSid: sid, AccountSid: `AC${'c'.repeat(32)}`, To: '+862100000000', From: WANG };
  return {
    sid,
    post: async (path: string, extra: Record<string, string> = {}, signature?: string | null) => {
      const res = await desk.twilio(
        path,
        { ...base, ...extra },
        signature === undefined ? {} : { signature },
      );
      return res;
    },
  };
}

/** The `<Dial>`'s action as a path and query, and its timeout. */
function dialOf(twiml: string): { action: string; timeout: string } {
  const m = /<Dial timeout="(\d+)" action="([^"]+)" method="POST">/.exec(twiml);
  expect(m, twiml).not.toBeNull();
  const url = new URL(m![2]!.replace(/&amp;/g, '&'));
  return { timeout: m![1]!, action: `${url.pathname}${url.search}` };
}

/** An emergency call up to its put-through: the TwiML that dials the desk. */
async function emergencyCall() {
  const call = newCall();
  const menu = (await call.post('/ivr/twilio/voice')).body;
  const category = (await call.post(desk.next(menu), { Digits: '3' })).body;
  const describe = (await call.post(desk.next(category), { Digits: '1' })).body;
  const put = (await call.post(desk.next(describe), { SpeechResult: '5号楼电梯里有人被困' })).body;
  return { call, category, put };
}

beforeAll(async () => {
  desk = await startIvrDesk({ limits: { duplicateWindowMinutes: 0, ivrCallsPerPhone: 1000 } });
});
afterAll(async () => desk?.close());
beforeEach(() => desk.clock.set(OFFICE_HOURS));

describe('EM: the emergency branch and its put-through (issue 11 item 19)', () => {
  it('the caller hears 119/120/110 first, and again with the register number', async () => {
    const { category, put } = await emergencyCall();
    expect(said(category)[0]).toBe(PROMPTS.lifeAtRisk);
    expect(PROMPTS.lifeAtRisk).toMatch(/119.*120.*110/);
    expect(said(put).join('')).toContain(PROMPTS.lifeAtRisk);
  });

  it('the desk rings 20 seconds; unanswered, the next of the chain is dialled, and so on; answered, the call ends with it', async () => {
    const { call, put } = await emergencyCall();
    expect(dialled(put)).toBe(phoneOf('dispatcher'));
    const first = dialOf(put);
    expect(first.timeout).toBe('20');
    expect(first.action).toMatch(/^\/ivr\/twilio\/fallback\?/);

    // The desk did not answer: the office manager, the first of the chain.
    const second = await call.post(first.action, { DialCallStatus: 'no-answer' });
    expect(second.status).toBe(200);
    expect(said(second.body)).toEqual([PROMPTS.nextOnChain]);
    expect(dialled(second.body)).toBe(phoneOf('office-manager'));

    // Busy too: the deputy GM.
    const third = await call.post(dialOf(second.body).action, { DialCallStatus: 'busy' });
    expect(dialled(third.body)).toBe(phoneOf('deputy-gm'));

    // The deputy GM answered and the conversation ended: nothing more.
    const done = await call.post(dialOf(third.body).action, { DialCallStatus: 'completed' });
    expect(done.body).toContain('<Hangup/>');
    expect(dialled(done.body)).toBeUndefined();
  });

  it('nobody of the chain answers: the caller is told the report stands, and 119/120/110', async () => {
    const { call, put } = await emergencyCall();
    let twiml = put;
    const rung: string[] = [];
    for (let i = 0; i < 10 && dialled(twiml); i++) {
      rung.push(dialled(twiml)!);
      twiml = (await call.post(dialOf(twiml).action, { DialCallStatus: 'no-answer' })).body;
    }
    expect(rung).toEqual([
      phoneOf('dispatcher'),
      phoneOf('office-manager'),
      phoneOf('deputy-gm'),
      phoneOf('gm'),
    ]);
    expect(said(twiml)).toEqual([PROMPTS.nobodyAnswered]);
    expect(twiml).toContain('<Hangup/>');
  });

  it('the fallback URL is signature-checked like every step: unsigned or forged, 403 and nothing dialled', async () => {
    const { call, put } = await emergencyCall();
    const { action } = dialOf(put);
    const unsigned = await call.post(action, { DialCallStatus: 'no-answer' }, null);
    expect(unsigned.status).toBe(403);
    const forged = await call.post(action, { DialCallStatus: 'no-answer' }, 'bm90IGEgc2lnbmF0dXJl');
    expect(forged.status).toBe(403);
    // The position in the chain travels in the signed URL: an edited one is refused too.
    const edited = await desk.twilio(
      action.replace('i=0', 'i=3'),
      { CallSid: call.sid, From: WANG, DialCallStatus: 'no-answer' },
      { signature: null },
    );
    expect(edited.status).toBe(403);
  });
});
