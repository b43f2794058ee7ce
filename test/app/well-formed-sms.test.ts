/**
 * Issue 9 point 5: SNS never receives text it cannot send. A ticket whose texts hold half a
 * character (stored before the edge refused it) still gets every SMS out, each well-formed,
 * through the effects Lambda and the real SNS adapter.
 */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Deps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { runTicketCommand } from '../../shared/app/ticket-command';
import { isWellFormed } from '../../shared/domain/formats';
import { provideDeps } from '../../shared/runtime';
import { awsDeps, streamsClient } from '../support/aws-deps';
import { freshStore } from '../support/store';

const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);
const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };

let env: Awaited<ReturnType<typeof freshStore>>;
let deps: Deps;
let streamArn: string;

beforeAll(async () => {
  env = await freshStore();
  streamArn = (await ensureTable(env.client, env.tableName)).streamArn;
  const clock = new AdjustableClock();
  clock.set(new Date('2026-11-28T02:00:00+08:00'));
  deps = awsDeps(env.store, clock, {
    key: async () => 'k'.repeat(40),
    baseUrl: () => 'https://desk.example.com',
  });
  provideDeps(deps);
});
afterAll(() => provideDeps(undefined));
beforeEach(() => {
  scheduler.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

describe('the SNS adapter never receives ill-formed text', () => {
  it('an emergency and an instruction holding lone surrogates: every SMS goes out, each well-formed', async () => {
    // Prepare: the use case takes what the edge parsed; here, texts the edge now refuses.
    const { ticket } = await openTicket(deps, dispatcher, {
      kind: 'emergency',
      category: 'fire',
      location: '3号楼\udc00车库',
      description: '车库B区冒烟\ud83d',
    });
    await runTicketCommand(deps, dispatcher, ticket.id, {
      type: 'instructions',
      from: '郑华\ud83d',
      to: 'security-captain-1',
      text: '疏散B区住户\ud83d',
      dueAt: '2026-11-28T03:00:00+08:00',
    });

    // Act
    await new StreamPoller(streamsClient(), streamArn, effectsHandler).pollOnce();

    // Assess: the manager, six responders, the instruction's person; all sent, none ill-formed.
    const messages = sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Message ?? '');
    expect(messages).toHaveLength(8);
    for (const text of messages) expect(isWellFormed(text), JSON.stringify(text)).toBe(true);
    expect(messages.some((m) => m.includes('车库B区冒烟\ufffd'))).toBe(true);
    const history = await env.store.history(ticket.id);
    expect(history?.sms.map((s) => s.state)).toEqual(Array(8).fill('sent'));
  });
});
