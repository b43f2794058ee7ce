import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  ResourceNotFoundException,
} from '@aws-sdk/client-scheduler';
import { describe, expect, it } from 'vitest';
import { handler as effectsHandler } from '../../functions/streams/effects';
import { handler as timerHandler } from '../../functions/timers/due';
import { StreamPoller } from '../../infra/local/stream-poller';
import type { Principal } from '../../shared/app/access';
import { openTicket } from '../../shared/app/open-ticket';
import { runTicketCommand } from '../../shared/app/ticket-command';
import { streamsClient } from '../support/aws-deps';
import {
  publishedTo,
  scheduler,
  schedulesCreatedFor,
  schedulesDeletedFor,
  useTimerPath,
} from '../support/timer-path';

const DISPATCHER: Principal = { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: ['park-1'] };
const HEAD: Principal = { staffId: 'engineering-manager-1', groups: ['manager'], parks: ['park-1'] };
const OFFICE_MANAGER: Principal = { staffId: 'office-manager-1', groups: ['manager'], parks: ['park-1'] };
const COMPLAINT = {
  kind: 'complaint' as const,
  caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
  occurredAt: '2026-11-27T09:40:00+08:00',
  place: '5号楼电梯',
  about: { department: 'engineering' as const },
  description: '电梯停运两天无人处理',
  valid: true,
  severity: 'important' as const,
};

// Effects of earlier tests are drained before the mocks are reset, so each test sees only its own.
const aws = useTimerPath({ clockAt: '2026-11-27T09:40:00+08:00' });

const schedulesOf = schedulesCreatedFor;
const deletesOf = schedulesDeletedFor;
const textsTo = publishedTo;

describe('complaint clocks in AWS', () => {
  it('CH-4/CH-5/DS-4: every clock of the hand-off is a one-time schedule at its park-local time', async () => {
    // Act
    const { ticket } = await openTicket(aws.deps, DISPATCHER, COMPLAINT);
    await aws.poller.pollOnce();

    // Assess
    const byTimer = new Map(schedulesOf(ticket.id).map((s) => [s.Name?.slice(ticket.id.length + 1), s]));
    expect([...byTimer.keys()].sort()).toEqual(
      ['escalate-1m', 'follow-up-2h', 'follow-up-eod', 'handoff-10m', 'resolve-3d', 'supervisor-30m'].sort(),
    );
    expect(byTimer.get('follow-up-eod')).toMatchObject({
      ScheduleExpression: 'at(2026-11-27T17:30:00)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      ActionAfterCompletion: 'DELETE',
    });
    // Opened a moment after 09:40:00, so due a moment after 09:50:00: Scheduler may run an at() as
    // early as its minute's 0th second, so the schedule is the next whole minute, never earlier (ADR 001).
    expect(byTimer.get('handoff-10m')?.ScheduleExpression).toBe('at(2026-11-27T09:51:00)');
    expect(byTimer.get('resolve-3d')?.ScheduleExpression).toBe('at(2026-11-30T09:41:00)');
  });

  it('cancelled clocks are deleted: the signature deletes the 10-minute schedule, resolving deletes the rest', async () => {
    // Prepare
    const { ticket } = await openTicket(aws.deps, DISPATCHER, COMPLAINT);
    await aws.poller.pollOnce();

    // Act: the head signs; later the work is reported done (one schedule is gone already: not found).
    await runTicketCommand(aws.deps, HEAD, ticket.id, { type: 'acknowledge' });
    await aws.poller.pollOnce();
    expect(deletesOf(ticket.id)).toEqual([`${ticket.id}-handoff-10m`]);
    scheduler
      .on(DeleteScheduleCommand, { Name: `${ticket.id}-follow-up-2h` })
      .rejects(new ResourceNotFoundException({ message: 'gone', Message: 'gone', $metadata: {} }));
    // The supervisor never signed: the office manager reports it done over that (CH-5 override).
    await runTicketCommand(aws.deps, OFFICE_MANAGER, ticket.id, {
      type: 'resolve',
      confirmedBy: '张伟',
      via: 'phone',
      override: { reason: '主管休假,经理确认已处理' },
    });
    const handled = await aws.poller.pollOnce();

    // Assess: every clock that stopped pending is deleted; not-found counted as done (nothing retried).
    expect(handled).toBeGreaterThan(0);
    expect(deletesOf(ticket.id).sort()).toEqual(
      ['handoff-10m', 'follow-up-2h', 'follow-up-eod', 'supervisor-30m', 'resolve-3d', 'escalate-1m']
        .map((t) => `${ticket.id}-${t}`)
        .sort(),
    );
    expect(schedulesOf(ticket.id).map((s) => s.Name)).toContain(`${ticket.id}-callback-eod`);
  });

  it('a duplicate and a late delivery change nothing twice, and text nobody twice (even with the stream replayed)', async () => {
    // Prepare
    const { ticket } = await openTicket(aws.deps, DISPATCHER, COMPLAINT);
    await aws.poller.pollOnce();
    aws.clock.advance(11 * 60_000);
    const payload = {
      ticketId: ticket.id,
      parkId: 'park-1',
      timer: 'handoff-10m',
      dueAt: ticket.timers['handoff-10m']!.dueAt,
    };

    // Act: Scheduler delivers twice at once, then once more much later.
    const outcomes = await Promise.all([timerHandler(payload), timerHandler(payload)]);
    aws.clock.advance(60 * 60_000);
    const late = await timerHandler(payload);
    await aws.poller.pollOnce();
    scheduler
      .on(CreateScheduleCommand)
      .rejects(new ConflictException({ message: 'exists', Message: 'exists', $metadata: {} }));
    await new StreamPoller(streamsClient(), aws.streamArn, effectsHandler).pollOnce();

    // Assess
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['fired', 'not-due']);
    expect(late.outcome).toBe('not-due');
    const history = await aws.env.store.history(ticket.id);
    expect(history?.events.filter((e) => e.type === 'complaint.escalated')).toHaveLength(1);
    const toDesk = textsTo('+8613900000001').filter((p) => p.Message?.includes('已10分钟未签收'));
    expect(toDesk).toHaveLength(1);
    expect(history?.sms.filter((s) => s.purpose === 'handoff-10m').map((s) => s.staffId)).toEqual([
      'dispatcher-1',
      'engineering-manager-1',
    ]);
  });

  it('an acknowledgement racing the 10-minute escalation: exactly one wins, both recorded truthfully', async () => {
    for (let round = 0; round < 4; round++) {
      // Prepare: at the very minute the report sheet is due.
      aws.clock.set(new Date('2026-11-27T09:40:00+08:00'));
      const { ticket } = await openTicket(aws.deps, DISPATCHER, COMPLAINT);
      aws.clock.set(new Date(ticket.timers['handoff-10m']!.dueAt));
      const payload = {
        ticketId: ticket.id,
        parkId: 'park-1',
        timer: 'handoff-10m',
        dueAt: ticket.timers['handoff-10m']!.dueAt,
      };

      // Act
      const [ack, fired] = await Promise.allSettled([
        runTicketCommand(aws.deps, HEAD, ticket.id, { type: 'acknowledge' }),
        timerHandler(payload),
      ]);

      // Assess: versions consecutive, nothing lost; the outcome says who won.
      const history = (await aws.env.store.history(ticket.id))!;
      const types = history.events.map((e) => e.type);
      expect(history.events.map((e) => e.seq)).toEqual(types.map((_, i) => i + 1));
      if (ack.status === 'fulfilled') {
        // The signature landed first (the timer re-read it and stood down) — or the timer landed first
        // and the signature, on the ticket it read, came after; either way in that order.
        if (types.includes('complaint.escalated')) {
          expect(types).toEqual(['complaint.opened', 'complaint.escalated', 'complaint.acknowledged']);
        } else {
          expect(types).toEqual(['complaint.opened', 'complaint.acknowledged']);
          expect(history.ticket.timers['handoff-10m']?.state).toBe('met');
          expect(fired.status === 'fulfilled' && fired.value.outcome).toBe('not-due');
        }
      } else {
        // The escalation won; the signature was refused (409), not lost silently; signing again lands.
        expect((ack.reason as Error).name).toBe('ConcurrentChange');
        expect(types).toEqual(['complaint.opened', 'complaint.escalated']);
        await runTicketCommand(aws.deps, HEAD, ticket.id, { type: 'acknowledge' });
        const after = (await aws.env.store.history(ticket.id))!;
        expect(after.ticket.timers['handoff-10m']?.state).toBe('missed');
        expect(after.ticket.timers['handoff-L2']?.state).toBe('met');
      }
    }
  });
});
