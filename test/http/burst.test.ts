/**
 * Issue 10, item 5: a burst of 50 intakes on one register, all at the same moment, through the
 * local desk (the desk's HTTP API, Amazon Connect's function, Twilio's webhooks): every one is
 * opened (no 409), and the day's numbers are 001..050, each held by one ticket (RP-5, CH-11).
 * Speed is not asserted here (`npm run bench` measures it); only that nobody is turned away.
 */
import type { ConnectContactFlowEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as connect } from '../../functions/ivr/connect';
import { spellNumber } from '../../shared/ivr/call-tree';
import { repairBody } from '../support/desk';
import { callSid, dialled, type IvrTestDesk, said, startIvrDesk } from '../ivr/support';
import { connectContactEvent } from '../support/connect-event';

const BURST = 50;
/** Generous: a loaded machine may take a while; the tests assert outcomes, never speed. */
const TIMEOUT_MS = 120_000;
const INSTANCE = 'arn:aws:connect:ap-east-1:111122223333:instance/8f2b1c3d-0000-4000-8000-0000000000b5';
const WANG = '+8613800000001';

let desk: IvrTestDesk;

/** A desk of its own for each burst, its clock at 10:00 on `day` (the register starts at 001). */
async function deskOn(day: string): Promise<void> {
  await desk?.close();
  // The burst is about numbering: one phone calling 50 times would be joined and then put through
  // (ADR 011, test/ivr/limits.test.ts), so those two limits are off here.
  desk = await startIvrDesk({ limits: { duplicateWindowMinutes: 0, ivrCallsPerPhone: 1000 } });
  const iso = `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}T10:00:00+08:00`;
  const res = await desk.call('POST', '/local/clock', { body: { set: iso } });
  expect(res.status).toBe(200);
}

beforeAll(() => {
  // The desk reads its Connect instances from the environment, as the function does in AWS.
  vi.stubEnv('CONNECT_INSTANCES', JSON.stringify({ [INSTANCE]: 'park-1' }));
});
afterAll(async () => {
  await desk?.close();
  vi.unstubAllEnvs();
});

const numbersOf = (day: string) =>
  Array.from({ length: BURST }, (_, i) => `R${day}-${String(i + 1).padStart(3, '0')}`);

/** The day's repairs as the desk lists them: number → ticket id. */
async function stored(day: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const res = await desk.call('GET', `/tickets?kind=repair&limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      token: desk.token('dispatcher'),
    });
    expect(res.status).toBe(200);
    for (const t of res.body.tickets) if (t.number?.startsWith(`R${day}-`)) found.set(t.number, t.id);
    cursor = res.body.cursor;
  } while (cursor);
  return found;
}

describe(`${BURST} intakes on one register at the same moment (RP-5, CH-11)`, () => {
  it(
    `POST /tickets ×${BURST}: all 201, numbers 001..${BURST} without gaps, each stored once`,
    async () => {
      await deskOn('20261210');
      const token = desk.token('dispatcher');

      const results = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          desk.call('POST', '/tickets', { token, body: repairBody({ description: `并发报修 ${i}` }) }),
        ),
      );

      for (const r of results) expect(r.status, JSON.stringify(r.body)).toBe(201);
      const numbers = results.map((r) => r.body.ticket.number as string);
      expect([...numbers].sort()).toEqual(numbersOf('20261210'));
      const byNumber = await stored('20261210');
      expect(byNumber.size).toBe(BURST);
      for (const r of results) expect(byNumber.get(r.body.ticket.number)).toBe(r.body.ticket.id);
    },
    TIMEOUT_MS,
  );

  it(
    `Amazon Connect ×${BURST} contacts: each caller is told a number of their own, 001..${BURST}`,
    async () => {
      await deskOn('20261211');

      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          connect(
            contactEvent(
              `5d3b7a30-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
              `第${i}次报修:水管漏水`,
            ),
          ),
        ),
      );

      for (const answer of answers) expect(answer.status, JSON.stringify(answer)).toBe('opened');
      expect(answers.map((a) => a.ticketNumber).sort()).toEqual(numbersOf('20261211'));
      for (const answer of answers) expect(answer.prompt).toContain(spellNumber(answer.ticketNumber!));
      expect((await stored('20261211')).size).toBe(BURST);
    },
    TIMEOUT_MS,
  );

  it(
    `Twilio ×${BURST} calls describing their repair at once: each caller hears a number of their own`,
    async () => {
      await deskOn('20261212');

      const answers = await Promise.all(
        Array.from({ length: BURST }, (_, i) =>
          desk.twilio('/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1', {
            CallSid: callSid(0xb0000 + i),
            AccountSid: `AC${'b'.repeat(32)}`,
            From: WANG,
            To: '+862100000000',
            CallStatus: 'in-progress',
            SpeechResult: `第${i}次报修,水管漏水`,
          }),
        ),
      );

      const heard = answers.map((res) => {
        expect(res.status).toBe(200);
        expect(dialled(res.body), 'put through to a person instead').toBeUndefined();
        const text = said(res.body).join('');
        return numbersOf('20261212').filter((n) => text.includes(spellNumber(n)));
      });
      for (const numbers of heard) expect(numbers).toHaveLength(1);
      expect(heard.map(([n]) => n).sort()).toEqual(numbersOf('20261212'));
    },
    TIMEOUT_MS,
  );
});

function contactEvent(contactId: string, description: string): ConnectContactFlowEvent {
  return connectContactEvent({
    contactId,
    phone: WANG,
    instanceArn: INSTANCE,
    parameters: { kind: 'repair', description },
  });
}
