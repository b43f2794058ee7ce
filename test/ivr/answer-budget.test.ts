/**
 * Issue 10, item 5: a caller is never left waiting past the provider's give-up (Connect 8 s, Twilio
 * 15 s). When a step (here, the one opening the ticket) is not answered within the call's budget
 * (ANSWER_BUDGET_MS, inside the functions' timeouts), the caller is put through to a person. Here the table never answers the
 * number's write at all, so nothing races: the budget (shortened for the test) is all that ends it.
 */
import { describe, expect, it, vi } from 'vitest';
import { answerConnect, answerTwilio, type IvrDeps } from '../../shared/app/ivr-calls';
import { ANSWER_BUDGET_MS } from '../../shared/app/ivr-calls/context';
import { PROMPTS } from '../../shared/ivr/call-tree';
import { makePark, STAFF } from '../support/fixtures';
import { dialled, said } from './support';

const NOW = new Date('2026-11-27T10:00:00+08:00');
const WANG = '+8613800000001';
const DESK_PHONE = STAFF.find((s) => s.id === 'dispatcher-1')?.phone ?? '';
const INSTANCE = 'arn:aws:connect:ap-east-1:111122223333:instance/8f2b1c3d-0000-4000-8000-000000000001';
const HOME = {
  parkId: 'park-1',
  unit: '3-2-1502',
  address: '3号楼2单元1502',
  residents: [{ name: '王先生', phone: WANG, relation: 'owner' }],
};

/** IVR dependencies whose table takes the call's claim, then never answers the register's number. */
function stuckDeps() {
  const kept = vi.fn(async (_call: unknown, _step: string, answer: string) => answer);
  const create = vi.fn();
  const reserveNumber = vi.fn(() => new Promise<number>(() => {}));
  const deps = {
    store: {
      get: async () => undefined,
      reserveNumber,
      create,
      // The limits (ADR 011) let the call through: no earlier call, no open ticket of this caller.
      takeUnder: async () => true,
      countUp: async () => 1,
      openTicketOfCaller: async () => undefined,
    },
    directory: { park: async () => makePark(), staff: async () => STAFF, unit: async () => HOME },
    clock: { now: () => NOW },
    ids: { next: () => '01JDESK0000000000000000000' },
    calls: {
      answerOf: async () => undefined,
      keepAnswer: kept,
      claimTicket: async (_call: unknown, ticketId: string, at: string) => ({ ticketId, at, mine: true }),
      unitsOfPhone: async () => [HOME],
    },
    ivr: {
      parkId: 'park-1',
      baseUrl: 'https://desk.example.com',
      voice: { sayLanguage: 'cmn-CN', voice: 'Polly.Zhiyu', speechLanguage: 'zh-CN' },
      connectInstances: { [INSTANCE]: 'park-1' },
      answerBudgetMs: { connect: 30, twilio: 30 },
    },
  } as unknown as IvrDeps;
  return { deps, kept, create, reserveNumber };
}

describe('the call’s budget for answering a step', () => {
  it('sits inside each function’s timeout, which sits inside the provider’s give-up', () => {
    expect(ANSWER_BUDGET_MS.connect).toBeLessThan(6_000);
    expect(ANSWER_BUDGET_MS.twilio).toBeLessThan(10_000);
  });

  it('Connect: past it, the flow is told to transfer the caller to a person; nothing is kept as the answer', async () => {
    const { deps, kept, create, reserveNumber } = stuckDeps();

    const answer = await answerConnect(deps, {
      contactId: '5d3b7a30-0000-4000-8000-00000000b0d1',
      phone: WANG,
      instanceArn: INSTANCE,
      parameters: { kind: 'repair', description: '厨房水管漏水' },
    });

    expect(reserveNumber).toHaveBeenCalledOnce();
    expect(answer).toEqual({ status: 'transfer', reason: 'slow', prompt: PROMPTS.putThrough });
    expect(kept).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });

  it('Twilio: past it, the caller hears that they are put through, and is put through to the desk', async () => {
    const { deps, kept, reserveNumber } = stuckDeps();

    const xml = await answerTwilio(deps, {
      step: 'describe',
      query: { kind: 'repair', unit: '3-2-1502', n: '1' },
      form: { CallSid: `CA${'b0d1'.padStart(32, '0')}`, From: WANG, SpeechResult: '厨房水管漏水' },
    });

    expect(reserveNumber).toHaveBeenCalledOnce();
    expect(said(xml)).toEqual([PROMPTS.putThrough]);
    expect(dialled(xml)).toBe(DESK_PHONE);
    expect(kept).not.toHaveBeenCalled();
  });
});
