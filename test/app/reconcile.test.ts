/**
 * Issue 9, item 3: the reconciler, through its Lambda handler (functions/timers/reconcile.ts), on
 * DynamoDB Local with SNS and Scheduler mocked. Each test has its own table, so a run sees only
 * what the test left. A crash is simulated where it hurts: the SMS claim is written, the process
 * dies before the send.
 */
import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { handler as reconcileHandler } from '../../functions/timers/reconcile';
import { handler as timerHandler } from '../../functions/timers/due';
import { Settler, RECONCILE_EVERY_MS } from '../../infra/local/settle';
import type { StreamPoller as Poller } from '../../infra/local/stream-poller';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import type { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { TimerRows } from '../../shared/adapters/local/timer-rows';
import type { Deps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { getTicket } from '../../shared/app/queries';
import type { ReconcileReport } from '../../shared/app/reconcile';
import { runTicketCommand } from '../../shared/app/ticket-command';
import { checkAckLinkToken, redactAckLinks } from '../../shared/domain/ack-link';
import type { SmsRecord } from '../../shared/ports';
import { provideDeps } from '../../shared/runtime';
import { awsDeps, streamsClient } from '../support/aws-deps';
import { freshStore, logCalls } from '../support/store';

const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);

const KEY = 'r'.repeat(40);
const BASE = 'https://desk.example.com';
const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };
const repair = {
  kind: 'repair' as const,
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-28T15:00:00+08:00',
  decision: 'dispatch' as const,
};
const fire = {
  kind: 'emergency' as const,
  category: 'fire' as const,
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
};
const NO_REPAIRS = {
  smsResent: 0,
  timersFired: 0,
  repairs: 0,
  smsFailed: 0,
  timersNotDue: 0,
  errors: 0,
  numbersVoided: 0,
};

interface Desk {
  env: Awaited<ReturnType<typeof freshStore>>;
  deps: Deps;
  clock: AdjustableClock;
  poller: Poller;
}

/** A fresh table with the demo park, the AWS adapters on it, and its stream. */
async function desk(): Promise<Desk> {
  const env = await freshStore();
  const { streamArn } = await ensureTable(env.client, env.tableName);
  const clock = new AdjustableClock();
  clock.set(new Date('2026-11-28T09:00:00+08:00'));
  const deps = awsDeps(env.store, clock, { key: async () => KEY, baseUrl: () => BASE });
  provideDeps(deps);
  return { env, deps, clock, poller: new StreamPoller(streamsClient(), streamArn, effectsHandler) };
}

/** The store, except that the first SMS claim "kills the process" right after it is written. */
function crashingAfterFirstClaim(store: DynamoTicketStore): DynamoTicketStore {
  let crashed = false;
  const crashing = Object.create(store) as DynamoTicketStore;
  crashing.claimSms = async (record: SmsRecord) => {
    const claimed = await store.claimSms(record);
    if (claimed && !crashed) {
      crashed = true;
      throw Object.assign(new Error('the process died after the claim'), { name: 'Runtime.ExitError' });
    }
    return claimed;
  };
  return crashing;
}

/** Runs the stream's effects once with the crash, then again (the stream's retry) without it. */
async function effectsWithCrash(d: Desk): Promise<void> {
  provideDeps({ ...d.deps, store: crashingAfterFirstClaim(d.env.store) });
  await d.poller.pollOnce();
  provideDeps(d.deps);
  await d.poller.pollOnce();
}

function published(): { to: string; text: string }[] {
  return sns
    .commandCalls(PublishCommand)
    .map((c) => ({ to: c.args[0].input.PhoneNumber ?? '', text: c.args[0].input.Message ?? '' }));
}

beforeEach(() => {
  scheduler.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});
afterAll(() => provideDeps(undefined));

describe('an SMS claim a crash left `sending`', () => {
  it('is re-sent once by the reconciler after the lease, recorded truthfully, and not again on a second run', async () => {
    // Prepare: a repair assigned to a technician; the effects crash between claim and send, and
    // the stream's retry finds the claim and sends nothing (what at-most-once lost for good).
    const d = await desk();
    const { ticket } = await openTicket(d.deps, dispatcher, repair);
    await runTicketCommand(d.deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    await effectsWithCrash(d);
    const stuck = (await d.env.store.history(ticket.id))?.sms.filter((s) => s.state === 'sending') ?? [];
    expect(stuck).toHaveLength(1);
    const lost = stuck[0]!;
    // The technician's SMS ends in their work order link, hidden in the record.
    const sentAs = (p: { text: string }) => redactAckLinks(p.text);
    expect(published().filter((p) => p.to === lost.to && sentAs(p) === lost.text)).toEqual([]);

    // Act 1: within the lease nothing is touched (a send may still be under way).
    d.clock.advance(60_000);
    const early = await reconcileHandler();
    // Act 2: past the lease.
    d.clock.advance(90_000);
    const first = await reconcileHandler();
    const afterFirst = published();
    // Act 3: a second run.
    d.clock.advance(5 * 60_000);
    const second = await reconcileHandler();

    // Assess: sent exactly once, by the reconciler.
    expect(early).toEqual(NO_REPAIRS);
    expect(first).toMatchObject({ smsResent: 1, repairs: 1, errors: 0 });
    expect(afterFirst.map((p) => ({ to: p.to, text: sentAs(p) }))).toEqual([
      { to: lost.to, text: lost.text },
    ]);
    expect(afterFirst[0]?.text).toMatch(/\/ack\/[0-9A-Za-z]{12}$/);
    expect(second).toEqual(NO_REPAIRS);
    expect(published()).toHaveLength(1);
    // The record: sent, the second attempt, when it was re-sent; first claimed when it was.
    const record = (await d.env.store.history(ticket.id))?.sms.find(
      (s) => s.eventSeq === lost.eventSeq && s.index === lost.index,
    );
    expect(record).toMatchObject({ state: 'sent', messageId: 'm-1', attempts: 2, at: lost.at });
    expect(Date.parse(record!.resentAt!) - Date.parse(lost.at)).toBeGreaterThanOrEqual(150_000);
    expect(Object.keys(record!)).not.toContain('unsettledKey');
    // The timeline shows it.
    const view = await getTicket(d.deps, dispatcher, ticket.id);
    const sms = view.timeline.filter((e) => e.type === 'sms');
    expect(sms).toHaveLength(1);
    expect(sms[0]?.data).toMatchObject({ state: 'sent', attempts: 2, resentAt: record!.resentAt });
  });

  it('an emergency escalation SMS is re-sent with its personal link signed again', async () => {
    // Prepare: the opening's first SMS (the office manager's acknowledgement request) is lost.
    const d = await desk();
    const { ticket } = await openTicket(d.deps, dispatcher, fire);
    await effectsWithCrash(d);
    const lost = (await d.env.store.history(ticket.id))?.sms.find((s) => s.state === 'sending');
    expect(lost).toMatchObject({ staffId: 'office-manager-1', link: { purpose: 'acknowledge' } });
    expect(lost?.text).toContain('/ack/[已隐藏]');
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });

    // Act
    d.clock.advance(3 * 60_000);
    const report = await reconcileHandler();

    // Assess: one SMS to the office manager, with a link that works for them on this ticket.
    expect(report).toMatchObject({ smsResent: 1, repairs: 1 });
    const sent = published();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(lost?.to);
    const token = /\/ack\/(\S+)$/.exec(sent[0]!.text)?.[1] ?? '';
    const stored = await d.env.store.ackLink(token);
    const claims = stored && { ...stored, expiresAt: new Date(stored.expiresAt) };
    expect(checkAckLinkToken(token, claims, KEY, d.clock.now())).toMatchObject({
      ok: true,
      claims: { ticketId: ticket.id, staffId: 'office-manager-1', purpose: 'acknowledge' },
    });
    // What the history keeps still hides the token.
    const record = (await d.env.store.history(ticket.id))?.sms.find((s) => s.index === lost?.index);
    expect(record?.text).toBe(lost?.text);
    expect(record).toMatchObject({ state: 'sent', attempts: 2 });
  });
});

describe('a pending timer past due whose schedule never existed', () => {
  it('gets its timer.fired event from the reconciler, and its SMS from the stream', async () => {
    // Prepare: a dispatched repair; nothing ever created its schedule (the effects never ran).
    const d = await desk();
    const { ticket } = await openTicket(d.deps, dispatcher, repair);
    const dueAt = ticket.timers['ack-30m']!.dueAt;

    // Act: within the grace nothing happens; past it the reconciler fires the timer.
    d.clock.set(new Date(Date.parse(dueAt) + 60_000));
    const withinGrace = await reconcileHandler();
    d.clock.set(new Date(Date.parse(dueAt) + 3 * 60_000));
    const report = await reconcileHandler();
    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(0);
    await d.poller.pollOnce();
    const again = await reconcileHandler();

    // Assess
    expect(withinGrace).toEqual(NO_REPAIRS);
    expect(report).toMatchObject({ timersFired: 1, repairs: 1, errors: 0 });
    expect(again).toEqual(NO_REPAIRS);
    const history = await d.env.store.history(ticket.id);
    const fired = history?.events.filter((e) => e.type === 'timer.fired') ?? [];
    expect(fired).toHaveLength(1);
    expect(fired[0]?.data).toMatchObject({ timer: 'ack-30m', dueAt });
    expect(history?.ticket.timers['ack-30m']?.state).not.toBe('pending');
    expect(published().some((p) => p.text.includes('派出30分钟未接单'))).toBe(true);
    expect(history?.sms.filter((s) => s.eventSeq === fired[0]?.seq).length).toBeGreaterThan(0);
    // The scheduled firing, should it come after all, changes nothing.
    const late = await timerHandler({ ticketId: ticket.id, parkId: 'park-1', timer: 'ack-30m', dueAt });
    expect(late.outcome).toBe('not-due');
  });
});

describe('a healthy table', () => {
  it('a run repairs nothing and writes nothing', async () => {
    // Prepare: one repair whose timer fired on time and whose SMS all went, one still waiting.
    const d = await desk();
    const { ticket: done } = await openTicket(d.deps, dispatcher, repair);
    await runTicketCommand(d.deps, dispatcher, done.id, { type: 'assign', staffId: 'technician-1' });
    await d.poller.pollOnce();
    const dueAt = done.timers['ack-30m']!.dueAt;
    d.clock.set(new Date(dueAt));
    const onTime = await timerHandler({ ticketId: done.id, parkId: 'park-1', timer: 'ack-30m', dueAt });
    expect(onTime.outcome).toBe('fired');
    await openTicket(d.deps, dispatcher, repair);
    await d.poller.pollOnce();
    sns.reset();
    d.clock.advance(10 * 60_000);
    const calls: string[] = [];
    logCalls(d.env.client, calls);

    // Act
    const report = await reconcileHandler();

    // Assess: Queries (no Scan), no SMS; the one write marks the day's register checked (every
    // number it handed out has its page), which takes it out of the reconciler's index (ADR 010).
    expect(report).toEqual(NO_REPAIRS);
    expect(calls.filter((call) => call !== 'QueryCommand')).toEqual(['UpdateItemCommand']);
    calls.length = 0;
    expect(await reconcileHandler()).toEqual(NO_REPAIRS);
    expect(new Set(calls)).toEqual(new Set(['QueryCommand']));
    expect(sns.calls()).toHaveLength(0);
  });
});

describe('the run’s log line', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  it('counts the repairs as the EMF metric EstateDesk/ReconcilerRepairs', async () => {
    const d = await desk();
    const { ticket } = await openTicket(d.deps, dispatcher, repair);
    d.clock.set(new Date(Date.parse(ticket.timers['ack-30m']!.dueAt) + 5 * 60_000));
    vi.stubEnv('LOG_LEVEL', 'info');
    const lines: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });

    const report: ReconcileReport = await reconcileHandler();

    const entry = lines.map((l) => JSON.parse(l)).find((l) => l.message === 'reconciler repaired');
    expect(report.repairs).toBe(1);
    expect(entry).toMatchObject({
      level: 'info',
      repairs: 1,
      timersFired: 1,
      smsResent: 0,
      ReconcilerRepairs: 1,
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [
          {
            Namespace: 'EstateDesk',
            Dimensions: [[]],
            Metrics: [{ Name: 'ReconcilerRepairs', Unit: 'Count' }],
          },
        ],
      },
    });
  });
});

describe('the local desk', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs the reconciler from the background loop, between settles', async () => {
    vi.useFakeTimers();
    const poller = { pollOnce: vi.fn(async () => 0) } as unknown as Poller;
    const timerRows = { due: async () => [], pending: async () => [] } as unknown as TimerRows;
    const reconcile = vi.fn(async () => NO_REPAIRS);
    const settler = new Settler(
      poller,
      timerRows,
      async () => ({ outcome: 'fired' }),
      new AdjustableClock(),
      reconcile,
    );

    settler.startLoop(1_000);
    await vi.advanceTimersByTimeAsync(RECONCILE_EVERY_MS - 1);
    const before = reconcile.mock.calls.length;
    await vi.advanceTimersByTimeAsync(2 * RECONCILE_EVERY_MS);
    settler.stopLoop();
    await settler.idle();

    expect(before).toBe(0);
    expect(reconcile).toHaveBeenCalledTimes(2);
  });
});
