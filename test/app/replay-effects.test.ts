/**
 * Issue 9 point 4: replays derive the same effects. Each ticket is driven through its steps with
 * every SMS sent as the stream delivers them; then every stored event of the ticket is handed to
 * the effects Lambda again, as DynamoDB Streams INSERT records (NEW_AND_OLD_IMAGES): no new SMS.
 */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { handler as timerHandler } from '../../functions/timers/due';
import { keys } from '../../shared/adapters/dynamo/table';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Principal } from '../../shared/app/access';
import type { Deps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { runTicketCommand, type TicketCommand } from '../../shared/app/ticket-command';
import type { Group } from '../../shared/domain/park';
import type { Ticket } from '../../shared/domain/tickets';
import { provideDeps } from '../../shared/runtime';
import { awsDeps } from '../support/aws-deps';
import { freshStore } from '../support/store';

const scheduler = mockClient(SchedulerClient);
const sns = mockClient(SNSClient);

let env: Awaited<ReturnType<typeof freshStore>>;
let deps: Deps;
let clock: AdjustableClock;
let sequence = 0;
/** The highest event seq handed to the effects Lambda so far, per ticket. */
const delivered = new Map<string, number>();

const as = (staffId: string, group: Group): Principal => ({ staffId, groups: [group], parks: ['park-1'] });
const dispatcher = as('dispatcher-1', 'dispatcher');
/** `close` takes an empty body: `{}` as the edge parses it. */
const CLOSE = { type: 'close' } as TicketCommand;

/** Every SMS SNS was asked to send so far. */
function published(): { to: string; text: string }[] {
  return sns
    .commandCalls(PublishCommand)
    .map((c) => ({ to: c.args[0].input.PhoneNumber ?? '', text: c.args[0].input.Message ?? '' }));
}

/** The ticket's stored event items as the table holds them, in seq order. */
async function eventItems(ticketId: string): Promise<Record<string, unknown>[]> {
  const out = await env.db.send(
    new QueryCommand({
      TableName: env.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :event)',
      ExpressionAttributeValues: { ':pk': keys.ticket(ticketId).pk, ':event': 'EVENT#' },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

/** An event item's INSERT as DynamoDB Streams hands it to the effects Lambda. */
function insertRecord(item: Record<string, unknown>): DynamoDBRecord {
  sequence += 1;
  const image = marshall(item, { removeUndefinedValues: true });
  return {
    eventID: `e-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(clock.now().getTime() / 1000),
      Keys: { pk: image.pk!, sk: image.sk! } as never,
      NewImage: image as never,
      SequenceNumber: String(sequence).padStart(21, '0'),
      SizeBytes: JSON.stringify(item).length,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: `arn:aws-cn:dynamodb:cn-north-1:123456789012:table/${env.tableName}/stream/2026-11-27T00:00:00.000`,
  };
}

/** Hands the ticket's events with seq above `fromSeq` to the effects Lambda, in one batch. */
async function deliver(ticketId: string, fromSeq: number) {
  const items = (await eventItems(ticketId)).filter((i) => Number(i.seq) > fromSeq);
  const event: DynamoDBStreamEvent = { Records: items.map(insertRecord) };
  const result = await effectsHandler(event);
  const last = Math.max(fromSeq, ...items.map((i) => Number(i.seq)));
  delivered.set(ticketId, Math.max(delivered.get(ticketId) ?? 0, last));
  return result;
}

/** The stream catches up with the ticket: its new events' effects run, each exactly once. */
async function settle(ticket: { id: string }): Promise<void> {
  const result = await deliver(ticket.id, delivered.get(ticket.id) ?? 0);
  expect(result.batchItemFailures).toEqual([]);
}

async function current(ticketId: string): Promise<Ticket> {
  const ticket = await env.store.get(ticketId);
  if (!ticket) throw new Error(`no ticket ${ticketId}`);
  return ticket;
}

/** A timer as Scheduler delivers it (its Target.Input), at the clock's time. */
async function fire(ticketId: string, timer: string): Promise<string> {
  const ticket = await current(ticketId);
  const dueAt = ticket.timers[timer]?.dueAt;
  expect(dueAt, `timer ${timer}`).toBeDefined();
  return (await timerHandler({ ticketId, parkId: ticket.parkId, timer, dueAt })).outcome;
}

/** Every stored event of the ticket, replayed: what SNS is asked to send on top of what it was. */
async function replayAll(ticketId: string): Promise<{ to: string; text: string }[]> {
  const before = published().length;
  const result = await deliver(ticketId, 0);
  expect(result.batchItemFailures).toEqual([]);
  return published().slice(before);
}

beforeAll(async () => {
  env = await freshStore();
  clock = new AdjustableClock();
  clock.set(new Date('2026-11-27T09:00:00+08:00'));
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

describe('replaying every stored event of a ticket that moved on sends no SMS', () => {
  it('a repair: assigned, ack-30m missed, reassigned, done and closed', async () => {
    clock.set(new Date('2026-11-27T09:00:00+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, {
      kind: 'repair',
      caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
      description: '厨房水管漏水',
      location: '3号楼2单元1502 厨房',
      wantedAt: '2026-11-27T15:00:00+08:00',
      decision: 'dispatch',
    });
    await settle(ticket);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    await settle(ticket);
    clock.advance(31 * 60_000);
    expect(await fire(ticket.id, 'ack-30m')).toBe('fired');
    await settle(ticket);
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-2' });
    await settle(ticket);
    const tech = as('technician-2', 'staff');
    await runTicketCommand(deps, tech, ticket.id, { type: 'acknowledge' });
    await runTicketCommand(deps, tech, ticket.id, {
      type: 'complete',
      serviceSlip: { number: 'S-001', signedBy: '王先生' },
    });
    await runTicketCommand(deps, dispatcher, ticket.id, CLOSE);
    await settle(ticket);
    // Assigned, the lead told of the missed ack-30m, reassigned (new and old technician).
    expect(published().length).toBeGreaterThanOrEqual(4);

    expect(await replayAll(ticket.id)).toEqual([]);
  });

  it('a complaint opened minor, raised to major a month on: its opening event sends nothing new', async () => {
    // Prepare: the case. Opened minor; at the month mark CH-1 raises it to major.
    clock.set(new Date('2026-11-27T09:40:00+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, {
      kind: 'complaint',
      caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
      occurredAt: '2026-11-27T09:30:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运两天无人处理',
      valid: true,
      severity: 'minor',
    });
    await settle(ticket);
    await runTicketCommand(deps, as('engineering-manager-1', 'manager'), ticket.id, {
      type: 'acknowledge',
      step: 'report-sheet',
    });
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'follow-ups', note: '已联系工程部' });
    await settle(ticket);
    clock.set(new Date('2026-12-27T09:41:00+08:00'));
    expect(await fire(ticket.id, 'escalate-1m')).toBe('fired');
    await settle(ticket);
    expect((await current(ticket.id)) as { severity?: string }).toMatchObject({ severity: 'major' });
    const raised = published().filter((p) => p.text.includes('升为重大投诉'));
    expect(raised.length).toBeGreaterThanOrEqual(1);

    // Act + Assess: the opening event alone, then every event.
    const before = published().length;
    expect((await deliver(ticket.id, 0)).batchItemFailures).toEqual([]);
    const fromOpening = published().slice(before);
    expect(fromOpening.filter((p) => p.text.includes('重大投诉'))).toEqual([]);
    expect(fromOpening).toEqual([]);
    expect(await replayAll(ticket.id)).toEqual([]);
  });

  it('an emergency: chain escalated and acknowledged, on the scene, an instruction overdue then done, signed off and closed', async () => {
    clock.set(new Date('2026-11-28T02:00:00+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, {
      kind: 'emergency',
      category: 'fire',
      location: '3号楼地下车库',
      description: '车库B区冒烟,有焦味',
    });
    await settle(ticket);
    const captain = as('security-captain-1', 'security');
    await runTicketCommand(deps, captain, ticket.id, { type: 'on-scene' });
    await runTicketCommand(deps, captain, ticket.id, { type: 'report', text: '现场有烟,已疏散' });
    await settle(ticket);
    clock.advance(5 * 60_000 + 1_000);
    expect(await fire(ticket.id, 'escalate-r1-L1')).toBe('fired');
    await settle(ticket);
    await runTicketCommand(deps, as('deputy-gm-1', 'executive'), ticket.id, { type: 'acknowledge' });
    await settle(ticket);
    const manager = as('office-manager-1', 'manager');
    await runTicketCommand(deps, manager, ticket.id, {
      type: 'instructions',
      from: '郑华',
      to: 'security-captain-1',
      text: '疏散B区车辆',
      dueAt: new Date(clock.now().getTime() + 30 * 60_000).toISOString(),
    });
    await settle(ticket);
    clock.advance(31 * 60_000);
    expect(await fire(ticket.id, 'instruction-1-due')).toBe('fired');
    await settle(ticket);
    await runTicketCommand(deps, captain, ticket.id, {
      type: 'instruction-done',
      number: 1,
      result: '已疏散',
    });
    await runTicketCommand(deps, manager, ticket.id, { type: 'sign-off', comment: '同意销项' });
    await runTicketCommand(deps, dispatcher, ticket.id, CLOSE);
    await settle(ticket);
    const texts = published().map((p) => p.text);
    expect(texts.filter((t) => t.includes('请速处理'))).toHaveLength(2);
    expect(texts.filter((t) => t.includes('已到期未完成'))).toHaveLength(2);

    expect(await replayAll(ticket.id)).toEqual([]);
  });
});

describe('a replay re-sends a failed SMS with the text of its own event', () => {
  it('the lead’s ack-30m SMS, refused by SNS then replayed after a reassignment, still names the technician of that time', async () => {
    // Prepare: assigned to 张伟; ack-30m missed; SNS throttles the lead's SMS, so it is `failed`.
    clock.set(new Date('2026-11-27T11:00:00+08:00'));
    const { ticket } = await openTicket(deps, dispatcher, {
      kind: 'repair',
      caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
      description: '卫生间地漏堵塞',
      location: '3号楼2单元1502 卫生间',
      wantedAt: '2026-11-27T15:00:00+08:00',
      decision: 'dispatch',
    });
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-1' });
    await settle(ticket);
    clock.advance(31 * 60_000);
    expect(await fire(ticket.id, 'ack-30m')).toBe('fired');
    sns
      .on(PublishCommand)
      .rejectsOnce(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' }));
    const failed = await deliver(ticket.id, delivered.get(ticket.id) ?? 0);
    expect(failed.batchItemFailures).not.toEqual([]);
    sns.reset();
    sns.on(PublishCommand).resolves({ MessageId: 'm-2' });
    // The desk reassigns to 李强 meanwhile.
    await runTicketCommand(deps, dispatcher, ticket.id, { type: 'assign', staffId: 'technician-2' });

    // Act: the stream retries from the failed record on (here: every event again).
    const sent = await replayAll(ticket.id);

    // Assess: the lead gets the ack-30m SMS of its event (张伟), besides the reassignment's two.
    const toLead = sent.filter((p) => p.text.includes('30分钟未接单'));
    expect(toLead).toHaveLength(1);
    expect(toLead[0]?.text).toContain('张伟');
    expect(toLead[0]?.text).not.toContain('李强');
    expect(await replayAll(ticket.id)).toEqual([]);
  });
});
