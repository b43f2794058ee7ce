/**
 * Issue 9 point 5: text SNS cannot send is refused at the edge. A lone surrogate (half an emoji)
 * travels in JSON as `"\ud83d"`; stored, every SMS repeating it would fail at SNS. Each text field
 * answers 400 naming the field; a whole emoji is text like any other.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WELL_FORMED_MESSAGE } from '../../shared/schemas';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

const HALF_EMOJI = '\ud83d';

let desk: TestDesk;
let dispatcher: string;

type Res = Awaited<ReturnType<TestDesk['call']>>;

function expectIllFormed(res: Res, field: string): void {
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toEqual({
    error: { code: 'REQUEST.INVALID_FIELD', message: `${field}: ${WELL_FORMED_MESSAGE}`, field },
  });
}

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  const clock = await desk.call('POST', '/local/clock', { body: { set: '2026-11-28T02:00:00+08:00' } });
  expect(clock.status).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

describe('POST /tickets', () => {
  it('a description that is half an emoji: 400 naming description; nothing is opened', async () => {
    const before = await desk.call('GET', '/tickets?kind=repair', { token: dispatcher });

    expectIllFormed(
      await desk.call('POST', '/tickets', {
        token: dispatcher,
        body: repairBody({ description: HALF_EMOJI }),
      }),
      'description',
    );
    expectIllFormed(
      await desk.call('POST', '/tickets', {
        token: dispatcher,
        body: repairBody({ description: `厨房水管漏水${HALF_EMOJI}` }),
      }),
      'description',
    );

    const after = await desk.call('GET', '/tickets?kind=repair', { token: dispatcher });
    expect(after.body.tickets).toEqual(before.body.tickets);
  });

  it('nested and other kinds’ text fields too: caller.name, an emergency’s location', async () => {
    const caller = { name: `王${HALF_EMOJI}`, phone: '+8613800000001', unit: '3-2-1502' };
    expectIllFormed(
      await desk.call('POST', '/tickets', { token: dispatcher, body: repairBody({ caller }) }),
      'caller.name',
    );
    expectIllFormed(
      await desk.call('POST', '/tickets', {
        token: dispatcher,
        body: { kind: 'emergency', category: 'fire', location: `\udc00车库`, description: '冒烟' },
      }),
      'location',
    );
  });

  it('a whole emoji (a surrogate pair) is well-formed text: opened', async () => {
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: repairBody({ description: '厨房水管漏水😀' }),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.ticket.description).toBe('厨房水管漏水😀');
  });
});

describe('POST /tickets/{id}/{command}', () => {
  it('a report, an instruction and an acknowledgement’s note holding half an emoji: 400 naming the field; nothing recorded', async () => {
    // Prepare: an emergency.
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: { kind: 'emergency', category: 'fire', location: '3号楼地下车库', description: '车库B区冒烟' },
    });
    expect(opened.status).toBe(201);
    const id = opened.body.ticket.id as string;
    const version = opened.body.ticket.version as number;

    // Act + Assess
    expectIllFormed(
      await desk.call('POST', `/tickets/${id}/report`, {
        token: dispatcher,
        body: { text: `现场有烟${HALF_EMOJI}`, staffId: 'security-captain-1' },
      }),
      'text',
    );
    expectIllFormed(
      await desk.call('POST', `/tickets/${id}/instructions`, {
        token: dispatcher,
        body: {
          from: '郑华',
          to: 'security-captain-1',
          text: HALF_EMOJI,
          dueAt: '2026-11-28T03:00:00+08:00',
        },
      }),
      'text',
    );
    expectIllFormed(
      await desk.call('POST', `/tickets/${id}/acknowledge`, {
        token: desk.token('office-manager-1'),
        body: { note: `10分钟到${HALF_EMOJI}` },
      }),
      'note',
    );
    const ticket = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(ticket.body.version).toBe(version);
  });
});
