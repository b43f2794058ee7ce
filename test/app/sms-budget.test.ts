/**
 * Issue 10 point 3, SMS budgets (ADR 011), through the effects Lambda handler as AWS invokes it:
 * DynamoDB Streams records (NEW_AND_OLD_IMAGES) read off DynamoDB Local's stream, SNS mocked.
 * Beyond a ticket's or the park's hourly budget an SMS is held: recorded `held` with the reason on
 * the ticket's timeline, not sent; the SMS that breaks a budget sends the office manager one alert;
 * a replayed stream counts nothing twice. An emergency's EM-2 chain and EM-3 scene SMS are never
 * held (a real fire is not muted), nor is any emergency SMS held by the park's hour.
 */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Principal } from '../../shared/app/access';
import type { Deps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { getTicket } from '../../shared/app/queries';
import { runTicketCommand } from '../../shared/app/ticket-command';
import type { LimitSettings } from '../../shared/domain/park';
import { provideDeps } from '../../shared/runtime';
import { awsDeps, streamsClient } from '../support/aws-deps';
import { freshStore } from '../support/store';

mockClient(SchedulerClient);
const sns = mockClient(SNSClient);

const OFFICE_MANAGER = '+8613900000019';
const dispatcher: Principal = { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: ['park-1'] };
const repair = (n: number) => ({
  kind: 'repair' as const,
  caller: { name: '王先生', phone: `+861360000${String(n).padStart(4, '0')}`, unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-27T15:00:00+08:00',
  decision: 'dispatch' as const,
});
const fire = {
  kind: 'emergency' as const,
  category: 'fire' as const,
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
};

/** A table of its own with the park's `limits`, the effects handler reading its stream. */
async function world(limits: Partial<LimitSettings>) {
  const env = await freshStore({ limits });
  const { streamArn } = await ensureTable(env.client, env.tableName);
  const clock = new AdjustableClock();
  clock.set(new Date('2026-11-27T09:00:00+08:00'));
  const deps: Deps = awsDeps(env.store, clock, {
    key: async () => 'k'.repeat(40),
    baseUrl: () => 'https://desk.example.com',
  });
  provideDeps(deps);
  const poller = new StreamPoller(streamsClient(), streamArn, effectsHandler);
  return {
    env,
    deps,
    /** Runs the effects of everything stored so far; `replay` reads the whole stream again. */
    settle: async (replay = false) => {
      await poller.pollOnce();
      if (replay) await new StreamPoller(streamsClient(), streamArn, effectsHandler).pollOnce();
    },
  };
}

function published(): { to: string; text: string }[] {
  return sns
    .commandCalls(PublishCommand)
    .map((c) => ({ to: c.args[0].input.PhoneNumber ?? '', text: c.args[0].input.Message ?? '' }));
}
const alerts = () => published().filter((p) => p.text.includes('短信超额'));

beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});
afterAll(() => provideDeps(undefined));

describe('a ticket over its SMS budget', () => {
  it('holds the SMS beyond it, records each `held` on the timeline, and alerts the office manager once', async () => {
    // Prepare: a budget of 2 SMS per ticket; assign (1 SMS), reassign (2: the new and the old technician).
    const { deps, settle } = await world({ smsPerTicket: 2 });
    const { ticket } = await openTicket(deps, dispatcher, repair(1));
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-2' });

    // Act: the stream, then the same stream again (a retried batch), then two more SMS.
    await settle(true);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    await settle();

    // Assess: 2 sent, then the 3rd held and the alert sent, then 2 more held without a second alert.
    const texts = published().filter((p) => !p.text.includes('短信超额'));
    expect(texts).toHaveLength(2);
    expect(alerts()).toEqual([
      {
        to: OFFICE_MANAGER,
        text: `【翠湖物业】短信超额:${ticket.number}已发满2条短信,之后的短信暂停发送,已记录在工单上,请查看。`,
      },
    ]);
    expect(alerts()[0]!.text.length).toBeLessThanOrEqual(70);
    const view = await getTicket(deps, dispatcher, ticket.id);
    const sms = view.timeline.filter((e) => e.type === 'sms').map((e) => e.data);
    expect(sms.map((s) => [s.purpose, s.state])).toEqual([
      ['assigned', 'sent'],
      ['assigned', 'sent'],
      ['unassigned', 'held'],
      ['sms-budget-ticket', 'sent'],
      ['assigned', 'held'],
      ['unassigned', 'held'],
    ]);
    for (const held of sms.filter((s) => s.state === 'held')) {
      expect(held.heldBy).toMatch(/2 SMS; held, not sent/);
    }
  });
});

describe("the park's hour over its SMS budget", () => {
  it('holds repair SMS beyond it with one alert; an emergency still reaches its chain and the scene', async () => {
    // Prepare: 3 SMS an hour for the park; four repairs, each assigned (one SMS each).
    const { deps, settle } = await world({ smsPerParkHour: 3 });
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++) {
      const { ticket } = await openTicket(deps, dispatcher, repair(n));
      await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
      ids.push(ticket.id);
    }
    await settle();
    const repairsSent = published().length;
    const alerted = alerts();

    // Act: a fire in the same hour.
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    const { ticket: emergency } = await openTicket(deps, dispatcher, fire);
    await settle();

    // Assess: three repair SMS and the alert went, the fourth was held; the fire's chain (office
    // manager) and its six responders were all texted, though the hour is over its budget.
    expect(repairsSent).toBe(4);
    expect(alerted).toHaveLength(1);
    expect(alerted[0]!.text).toBe(
      '【翠湖物业】短信超额:本小时已发满3条短信,之后的维修和投诉短信暂停发送,已记录在工单上,请查看。',
    );
    const last = await deps.store.history(ids[3]!);
    expect(last?.sms.map((s) => [s.purpose, s.state])).toEqual([
      ['assigned', 'held'],
      ['sms-budget-park-hour', 'sent'],
    ]);
    expect(published().filter((p) => p.text.includes('紧急'))).toHaveLength(7);
    const fireSms = await deps.store.history(emergency.id);
    expect(fireSms?.sms.every((s) => s.state === 'sent')).toBe(true);
  });
});

describe('an emergency over its own, larger budget', () => {
  it('never holds its chain and scene SMS, holds an instruction SMS beyond it, and alerts once', async () => {
    // Prepare: an emergency budget of 3; opening sends 7 (the office manager and six responders).
    const { deps, settle } = await world({ emergencySmsPerTicket: 3 });
    const { ticket } = await openTicket(deps, dispatcher, fire);
    await settle();
    const opening = published();

    // Act: a leader's instruction (EM-5), whose SMS counts against the emergency's budget.
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-3' });
    await runTicketCommand(deps, dispatcher, ticket.id, {
      type: 'instructions',
      from: '郑华(主管副总)',
      to: 'security-captain-1',
      text: '疏散B区住户',
      dueAt: '2026-11-27T10:00:00+08:00',
    });
    await settle();

    // Assess: all seven opening SMS went, with one alert when the fourth broke the budget; the
    // instruction's SMS is held.
    expect(opening.filter((p) => !p.text.includes('短信超额'))).toHaveLength(7);
    expect(opening.filter((p) => p.text.includes('短信超额'))).toEqual([
      {
        to: OFFICE_MANAGER,
        text: `【翠湖物业】短信超额:${ticket.number}已发满3条短信,之后除通知链和到场通知外暂停发送,已记录在工单上,请查看。`,
      },
    ]);
    expect(published()).toEqual([]);
    const history = await deps.store.history(ticket.id);
    expect(history?.sms.filter((s) => s.purpose.startsWith('instruction-')).map((s) => s.state)).toEqual([
      'held',
    ]);
  });
});
