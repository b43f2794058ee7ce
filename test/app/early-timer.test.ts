/**
 * Issue 9, item 1: EventBridge Scheduler runs a one-time `at()` schedule anywhere inside its minute.
 * A timer is scheduled at the next whole minute at or after its due time, and a firing that still
 * comes early (a schedule written with seconds before this fix) is taken as the timer's own,
 * through the timer function as Scheduler invokes it (its `Target.Input`), on DynamoDB Local.
 */
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { handler as timerHandler } from '../../functions/timers/due';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Deps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { provideDeps } from '../../shared/runtime';
import { awsDeps, streamsClient } from '../support/aws-deps';
import { freshStore } from '../support/store';

const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);

const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };
const repair = {
  kind: 'repair' as const,
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-27T15:00:00+08:00',
  decision: 'dispatch' as const,
};

let env: Awaited<ReturnType<typeof freshStore>>;
let deps: Deps;
let clock: AdjustableClock;
let streamArn: string;

function poll() {
  return new StreamPoller(streamsClient(), streamArn, effectsHandler).pollOnce();
}

/** The schedule the effects consumer asked Scheduler to create for `name`. */
function createdSchedule(name: string) {
  const inputs = scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input);
  const found = inputs.find((i) => i.Name === name);
  expect(found, `a CreateSchedule for ${name}`).toBeDefined();
  return found!;
}

beforeAll(async () => {
  env = await freshStore();
  streamArn = (await ensureTable(env.client, env.tableName)).streamArn;
  clock = new AdjustableClock();
  deps = awsDeps(env.store, clock);
  provideDeps(deps);
});
afterAll(() => provideDeps(undefined));
beforeEach(async () => {
  // Whatever earlier tests left on the stream is applied before the mocks are reset.
  await poll();
  scheduler.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

describe('a timer is scheduled at the next whole minute at or after its due time', () => {
  it('a repair opened at 09:00:45 gets at(09:31:00) for its 09:30:45 acknowledgement deadline', async () => {
    // Prepare: 45 s into the minute, so the deadline has seconds.
    clock.set(new Date('2026-11-27T09:00:45+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, repair);
    const dueAt = ticket.timers['ack-30m']!.dueAt;

    // Act
    await poll();

    // Assess: never the minute that starts before the due time (09:30 could run at 09:30:00).
    const schedule = createdSchedule(`${ticket.id}-ack-30m`);
    expect(dueAt.startsWith('2026-11-27T01:30:45')).toBe(true);
    expect(schedule.ScheduleExpression).toBe('at(2026-11-27T09:31:00)');
    expect(schedule.ScheduleExpressionTimezone).toBe('Asia/Shanghai');
    expect(JSON.parse(schedule.Target!.Input!)).toEqual({
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'ack-30m',
      dueAt,
    });
  });
});

describe('a firing inside the at()-minute before the due time', () => {
  it('fires the timer, recorded at its due time, and its SMS go out', async () => {
    // Prepare: a deadline at 09:30:45; its schedule's Target.Input is what Scheduler delivers.
    clock.set(new Date('2026-11-27T09:00:45+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, repair);
    await poll();
    const input = createdSchedule(`${ticket.id}-ack-30m`).Target!.Input!;
    const dueAt = ticket.timers['ack-30m']!.dueAt;
    // Scheduler runs a schedule of minute 09:30 (as the old at(09:30:46) was) at 09:30:00: 45 s early.
    clock.set(new Date(Date.parse(dueAt) - 45_000));

    // Act: the timer function as Scheduler invokes it, then the stream's effects.
    const { outcome } = await timerHandler(JSON.parse(input));
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    await poll();

    // Assess: fired, and the record reads as if on time.
    expect(outcome).toBe('fired');
    const history = await env.store.history(ticket.id);
    const fired = history?.events.filter((e) => e.type === 'timer.fired') ?? [];
    expect(fired).toHaveLength(1);
    expect(fired[0]?.at).toBe(new Date(dueAt).toISOString());
    expect(fired[0]?.data).toMatchObject({ timer: 'ack-30m', dueAt });
    // A repair's acknowledgement deadline that fires is a missed one.
    expect(history?.ticket.timers['ack-30m']?.state).toBe('missed');
    // The escalation SMS of the missed deadline went to SNS and is on the ticket's history.
    const texts = sns.commandCalls(PublishCommand).map((c) => c.args[0].input.Message ?? '');
    expect(texts.some((t) => t.includes('派出30分钟未接单'))).toBe(true);
    const firedSms = history?.sms.filter((s) => s.eventSeq === fired[0]?.seq) ?? [];
    expect(firedSms.length).toBeGreaterThan(0);
    expect(firedSms.every((s) => s.purpose === 'ack-30m')).toBe(true);
  });

  it('a second delivery of the same schedule changes nothing (Scheduler delivers at least once)', async () => {
    clock.set(new Date('2026-11-27T10:00:20+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, repair);
    await poll();
    const input = JSON.parse(createdSchedule(`${ticket.id}-ack-30m`).Target!.Input!);
    clock.set(new Date(Date.parse(input.dueAt) - 20_000));

    const outcomes = [(await timerHandler(input)).outcome, (await timerHandler(input)).outcome];

    expect(outcomes).toEqual(['fired', 'not-due']);
  });

  it('a firing more than 90 s ahead is not the timer’s (it was moved): not due, nothing recorded', async () => {
    clock.set(new Date('2026-11-27T11:00:00+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, repair);
    const payload = {
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'ack-30m',
      dueAt: '2026-11-27T03:00:00Z',
    };
    clock.set(new Date(Date.parse(ticket.timers['ack-30m']!.dueAt) - 120_000));

    expect((await timerHandler(payload)).outcome).toBe('not-due');
    const history = await env.store.history(ticket.id);
    expect(history?.events.map((e) => e.type)).not.toContain('timer.fired');
  });
});
