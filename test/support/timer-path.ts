/**
 * The AWS-shaped timer path for tests: the real adapters with Scheduler and SNS mocked
 * (aws-sdk-client-mock), a DynamoDB Local table with its stream drained by the effects Lambda, and a
 * SteppedClock. `useTimerPath()` registers the vitest hooks; its fields are set before the first test.
 */
import { CreateScheduleCommand, DeleteScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import type { Deps } from '../../shared/app/deps';
import { provideDeps } from '../../shared/runtime';
import { awsDeps, streamsClient } from './aws-deps';
import { SteppedClock } from './clock';
import { freshStore } from './store';

export const scheduler = mockClient(SchedulerClient);
export const sns = mockClient(SNSClient);

export interface TimerPath {
  env: Awaited<ReturnType<typeof freshStore>>;
  deps: Deps;
  clock: SteppedClock;
  poller: StreamPoller;
  streamArn: string;
}

/**
 * Before each test the effects of earlier tests are drained before the mocks are reset, so each test
 * sees only its own; with `clockAt` the clock is set there too.
 */
export function useTimerPath(options: { clockAt?: string } = {}): TimerPath {
  const path = {} as TimerPath;
  beforeAll(async () => {
    path.env = await freshStore();
    path.streamArn = (await ensureTable(path.env.client, path.env.tableName)).streamArn;
    path.clock = new SteppedClock();
    path.deps = awsDeps(path.env.store, path.clock);
    provideDeps(path.deps);
    path.poller = new StreamPoller(streamsClient(), path.streamArn, effectsHandler);
  });
  afterAll(() => provideDeps(undefined));
  beforeEach(async () => {
    await path.poller.pollOnce();
    scheduler.reset();
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
    if (options.clockAt) path.clock.set(new Date(options.clockAt));
  });
  return path;
}

/** The schedules created for a ticket (named `<ticketId>-<timer>`). */
export const schedulesCreatedFor = (ticketId: string) =>
  scheduler
    .commandCalls(CreateScheduleCommand)
    .map((c) => c.args[0].input)
    .filter((i) => i.Name?.startsWith(ticketId));

/** The names of the schedules deleted for a ticket. */
export const schedulesDeletedFor = (ticketId: string) =>
  scheduler
    .commandCalls(DeleteScheduleCommand)
    .map((c) => c.args[0].input.Name)
    .filter((n) => n?.startsWith(ticketId));

/** The SNS messages published to one phone. */
export const publishedTo = (phone: string | undefined) =>
  sns
    .commandCalls(PublishCommand)
    .map((c) => c.args[0].input)
    .filter((p) => p.PhoneNumber === phone);
