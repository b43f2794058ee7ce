/**
 * Issue 11 items 4, 6 and 8 on the AWS path: the repair's new clocks are one-time EventBridge
 * schedules at park-local times (made from the DynamoDB stream), a firing comes in as Scheduler's
 * Target.Input to the timer Lambda and goes out as SNS SMS, and a cancellation deletes the
 * schedules still pending. SNS and Scheduler are mocked; everything else is real (DynamoDB Local).
 */
import { describe, expect, it } from 'vitest';
import { handler as timerHandler } from '../../functions/timers/due';
import { DEMO_STAFF } from '../../infra/local/demo-park';
import type { Principal } from '../../shared/app/access';
import { openTicket } from '../../shared/app/open-ticket';
import { runTicketCommand } from '../../shared/app/ticket-command';
import { newCallerPhone } from '../support/desk';
import { publishedTo, schedulesCreatedFor, schedulesDeletedFor, useTimerPath } from '../support/timer-path';
const DISPATCHER: Principal = { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: ['park-1'] };
const phone = (id: string) => DEMO_STAFF.find((s) => s.id === id)?.phone;
const repair = (extra: Record<string, unknown> = {}) => ({
  kind: 'repair' as const,
  caller: { name: '王先生', phone: newCallerPhone(), unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502',
  wantedAt: '2026-11-27T09:40:00+08:00',
  ...extra,
});

const aws = useTimerPath({ clockAt: '2026-11-27T09:40:00+08:00' });

const schedulesOf = (ticketId: string) =>
  new Map(schedulesCreatedFor(ticketId).map((i) => [i.Name?.slice(ticketId.length + 1), i]));
const deletesOf = schedulesDeletedFor;
const textsTo = publishedTo;

describe('repair clocks in AWS (issue 11)', () => {
  it('item 4: a received repair schedules the desk’s and the office manager’s clocks; the firing texts the desk by SNS', async () => {
    // Act
    const { ticket } = await openTicket(aws.deps, DISPATCHER, repair());
    await aws.poller.pollOnce();
    const schedules = schedulesOf(ticket.id);
    aws.clock.advance(11 * 60_000);
    const payload = JSON.parse(schedules.get('received-desk')?.Target?.Input ?? '{}');
    const fired = await timerHandler(payload);
    const again = await timerHandler(payload);
    await aws.poller.pollOnce();

    // Assess
    expect([...schedules.keys()].sort()).toEqual(['received-desk', 'received-manager']);
    expect(schedules.get('received-desk')).toMatchObject({
      ScheduleExpression: 'at(2026-11-27T09:51:00)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
    });
    expect(schedules.get('received-manager')?.ScheduleExpression).toBe('at(2026-11-27T10:11:00)');
    expect(fired.outcome).toBe('fired');
    expect(again.outcome).toBe('not-due');
    const toDesk = textsTo(phone('dispatcher-1')).filter((p) => p.Message?.includes('10分钟未定派工'));
    expect(toDesk).toHaveLength(1);
    expect((await aws.env.store.get(ticket.id)) as { overdue?: string[] }).toMatchObject({
      overdue: ['decide'],
    });
  });

  it('item 6: a dispatch schedules its completion clocks at the end of the working day', async () => {
    const { ticket } = await openTicket(aws.deps, DISPATCHER, repair({ decision: 'dispatch' }));
    await aws.poller.pollOnce();

    const schedules = schedulesOf(ticket.id);

    expect(schedules.get('complete-by')?.ScheduleExpression).toBe('at(2026-11-27T17:30:00)');
    expect(schedules.get('complete-L2')?.ScheduleExpression).toBe('at(2026-11-27T18:30:00)');
  });

  it('item 8: cancel deletes every schedule still pending; a late firing changes nothing', async () => {
    // Prepare
    const { ticket } = await openTicket(aws.deps, DISPATCHER, repair({ decision: 'dispatch' }));
    await aws.poller.pollOnce();

    // Act
    await runTicketCommand(aws.deps, DISPATCHER, ticket.id, { type: 'cancel', reason: '住户取消' });
    await aws.poller.pollOnce();
    aws.clock.set(new Date('2026-11-27T17:31:00+08:00'));
    const late = await timerHandler({
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'complete-by',
      dueAt: ticket.timers['complete-by']?.dueAt ?? '',
    });

    // Assess
    expect(deletesOf(ticket.id).sort()).toEqual(
      ['ack-30m', 'complete-by', 'complete-L2'].map((t) => `${ticket.id}-${t}`).sort(),
    );
    expect(late.outcome).toBe('not-due');
    expect(textsTo(phone('repair-lead-1')).filter((p) => p.Message?.includes('前完工'))).toEqual([]);
  });
});
