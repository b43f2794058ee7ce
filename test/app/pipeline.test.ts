import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  SchedulerClient,
} from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as openTicketHandler } from '../../functions/http/open-ticket';
import { provideDeps } from '../../shared/runtime';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { handler as timerHandler } from '../../functions/timers/due';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Deps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { runTicketCommand } from '../../shared/app/ticket-command';
import { StreamPoller } from '../../infra/local/stream-poller';
import { ensureTable } from '../../infra/local/tables';
import { awsDeps, streamsClient } from '../support/aws-deps';
import { freshStore, logCalls } from '../support/store';

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
const writes: string[] = [];

const streams = streamsClient;

beforeAll(async () => {
  env = await freshStore();
  streamArn = (await ensureTable(env.client, env.tableName)).streamArn;
  // Count every DynamoDB call the handlers make, by command name.
  logCalls(env.client, writes);
  clock = new AdjustableClock();
  clock.set(new Date('2026-11-27T09:00:00+08:00'));
  deps = awsDeps(env.store, clock);
  provideDeps(deps);
});
afterAll(() => provideDeps(undefined));
beforeEach(() => {
  scheduler.reset();
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
  writes.length = 0;
});

describe('intake reserves its number, then writes the ticket, and calls nothing else', () => {
  it("POST /tickets makes three DynamoDB write calls (the token's allowance and the number's UpdateItems, the TransactWriteItems; ADR 010, ADR 011) and no Scheduler or SNS call", async () => {
    // Prepare: an API Gateway v2 event as the HTTP API hands it over after the JWT authorizer.
    const event = {
      version: '2.0',
      routeKey: 'POST /tickets',
      rawPath: '/tickets',
      headers: { 'content-type': 'application/json' },
      requestContext: {
        requestId: 'r-1',
        authorizer: {
          jwt: {
            claims: { sub: 'dispatcher-1', 'cognito:groups': '[dispatcher]', 'custom:parks': 'park-1' },
          },
        },
      },
      body: JSON.stringify(repair),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;

    // Act
    const result = (await openTicketHandler(event, {} as Context)) as { statusCode: number; body: string };

    // Assess
    expect(result.statusCode).toBe(201);
    const writeCalls = writes.filter((w) => /Put|Update|Delete|TransactWrite|BatchWrite/.test(w));
    // The token's allowance is one conditional UpdateItem of its own (ADR 011), the number another
    // (ADR 010); the ticket, its event and its register page are one transaction.
    expect(writeCalls).toEqual(['UpdateItemCommand', 'UpdateItemCommand', 'TransactWriteItemsCommand']);
    expect(scheduler.calls()).toHaveLength(0);
    expect(sns.calls()).toHaveLength(0);
  });
});

describe('effects from the stream', () => {
  it('schedules the 30-minute timer and texts the technician once, even when the stream is replayed', async () => {
    // Prepare: open and assign a repair through the use cases.
    const { ticket } = await openTicket(deps, dispatcher, repair);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });

    // Act: read the stream once, then replay it from the start (a retried batch).
    await new StreamPoller(streams(), streamArn, effectsHandler).pollOnce();
    scheduler
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    await new StreamPoller(streams(), streamArn, effectsHandler).pollOnce();

    // Assess: one SMS to the technician, in Chinese, transactional, with the signature.
    const publishes = sns.commandCalls(PublishCommand).map((c) => c.args[0].input);
    const toTech = publishes.filter((p) => p.Message?.includes(ticket.number ?? '?'));
    expect(toTech).toHaveLength(1);
    expect(toTech[0]).toMatchObject({
      PhoneNumber: '+8613900000007',
      MessageAttributes: { 'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' } },
    });
    expect(toTech[0]?.Message?.startsWith('【翠湖物业】派工单')).toBe(true);
    // The timer: one-time, in the park's zone, 30 minutes after opening (09:00 → 09:30 Shanghai).
    const creates = scheduler.commandCalls(CreateScheduleCommand).map((c) => c.args[0].input);
    const ack = creates.filter((c) => c.Name === `${ticket.id}-ack-30m`);
    expect(ack.length).toBeGreaterThanOrEqual(1);
    expect(ack[0]).toMatchObject({
      // The next whole minute at or after the due time (09:30 and a few ms): Scheduler may run a
      // schedule from the first second of its minute.
      ScheduleExpression: expect.stringMatching(/^at\(2026-11-27T09:3[01]:00\)$/),
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
    });
    // The SMS is on the ticket's history.
    const history = await env.store.history(ticket.id);
    expect(history?.sms.map((s) => [s.staffId, s.state])).toEqual([['technician-1', 'sent']]);
  });

  it('cancels the acknowledgement timer when the technician acknowledges (DeleteSchedule)', async () => {
    const { ticket } = await openTicket(deps, dispatcher, repair);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    const tech = { staffId: 'technician-1', groups: ['staff' as const], parks: ['park-1'] };
    await runTicketCommand(deps, tech, ticket.id, { type: 'acknowledge' });
    await new StreamPoller(streams(), streamArn, effectsHandler).pollOnce();
    const deletes = scheduler.commandCalls(DeleteScheduleCommand).map((c) => c.args[0].input);
    expect(deletes).toContainEqual({ Name: `${ticket.id}-ack-30m`, GroupName: 'estate-desk-timers' });
  });

  it('an SMS that SNS cannot deliver is recorded as failed and does not block the stream', async () => {
    const { ticket } = await openTicket(deps, dispatcher, repair);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-2' });
    sns.on(PublishCommand).rejects(Object.assign(new Error('opted out'), { name: 'OptedOutException' }));
    const handled = await new StreamPoller(streams(), streamArn, effectsHandler).pollOnce();
    expect(handled).toBeGreaterThan(0);
    const history = await env.store.history(ticket.id);
    expect(history?.sms.map((s) => s.state)).toEqual(['failed']);
  });
});

describe('timers', () => {
  it('a duplicate or late delivery changes nothing twice (Scheduler delivers at least once)', async () => {
    const { ticket } = await openTicket(deps, dispatcher, repair);
    clock.advance(31 * 60_000);
    const payload = {
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'ack-30m',
      dueAt: ticket.timers['ack-30m']!.dueAt,
    };
    const outcomes = await Promise.all([timerHandler(payload), timerHandler(payload)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['fired', 'not-due']);
    expect((await timerHandler(payload)).outcome).toBe('not-due');
    const history = await env.store.history(ticket.id);
    expect(history?.events.filter((e) => e.type === 'timer.fired')).toHaveLength(1);
  });

  it('a timer that fires early does nothing', async () => {
    const { ticket } = await openTicket(deps, dispatcher, repair);
    const payload = {
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'ack-30m',
      dueAt: ticket.timers['ack-30m']!.dueAt,
    };
    expect((await timerHandler(payload)).outcome).toBe('not-due');
  });

  it('an acknowledgement racing the 30-minute escalation: one outcome, recorded truthfully', async () => {
    const { ticket } = await openTicket(deps, dispatcher, repair);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    clock.advance(30 * 60_000);
    const tech = { staffId: 'technician-1', groups: ['staff' as const], parks: ['park-1'] };
    const payload = {
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'ack-30m',
      dueAt: ticket.timers['ack-30m']!.dueAt,
    };
    const [ack] = await Promise.allSettled([
      runTicketCommand(deps, tech, ticket.id, { type: 'acknowledge' }),
      timerHandler(payload),
    ]);
    const history = await env.store.history(ticket.id);
    const types = history?.events.map((e) => e.type) ?? [];
    // Versions are consecutive: nothing was lost or overwritten.
    expect(history?.events.map((e) => e.seq)).toEqual(types.map((_, i) => i + 1));
    if (ack.status === 'rejected') {
      // The escalation won; the acknowledgement was refused with a 409, not lost silently.
      expect((ack.reason as Error).name).toBe('ConcurrentChange');
      expect(history?.ticket.timers['ack-30m']?.state).toBe('missed');
    } else {
      expect(types).toContain('ticket.acknowledged');
      expect(history?.ticket.status).toBe('acknowledged');
    }
  });
});
