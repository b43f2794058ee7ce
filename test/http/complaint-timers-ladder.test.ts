/**
 * Issue 11 items 11–13 through the AWS-shaped timer path (ADR 016): Scheduler one-time schedules,
 * the timer Lambda with Scheduler's Target.Input, the stream's effects Lambda, SNS — on DynamoDB
 * Local with a SteppedClock. Office work waits for office hours; an escalation passes by who just
 * missed it; a deadline still missed is texted again at the next working day's opening.
 */
import { describe, expect, it } from 'vitest';
import { handler as timerHandler } from '../../functions/timers/due';
import type { Principal } from '../../shared/app/access';
import { openTicket } from '../../shared/app/open-ticket';
import { STAFF } from '../support/fixtures';
import { publishedTo, schedulesCreatedFor, sns, useTimerPath } from '../support/timer-path';

const DISPATCHER: Principal = { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: ['park-1'] };
const phoneOf = (id: string) => STAFF.find((s) => s.id === id)!.phone;

let callers = 0;

function complaint(overrides: Record<string, unknown> = {}) {
  callers += 1;
  return {
    kind: 'complaint' as const,
    caller: { name: '李女士', phone: `+86136000000${String(callers).padStart(2, '0')}` },
    occurredAt: '2026-11-27T09:30:00+08:00',
    place: '5号楼大堂',
    about: { department: 'engineering' as const },
    description: '保洁未按时清理大堂',
    valid: true,
    severity: 'minor' as const,
    ...overrides,
  };
}

const aws = useTimerPath();

const scheduleOf = (ticketId: string, timer: string) =>
  schedulesCreatedFor(ticketId).find((i) => i.Name === `${ticketId}-${timer}`);
const textsTo = (phone: string) => publishedTo(phone).map((p) => p.Message ?? '');

/** Scheduler delivers `timer` at its due time: the timer Lambda, then the stream's effects. */
async function deliver(ticketId: string, timer: string) {
  const ticket = (await aws.env.store.get(ticketId))!;
  const dueAt = ticket.timers[timer]!.dueAt;
  aws.clock.set(new Date(dueAt));
  const out = await timerHandler({ ticketId, parkId: 'park-1', timer, dueAt });
  await aws.poller.pollOnce();
  return out;
}

describe('complaint escalations in AWS (ADR 016)', () => {
  it('item 13: an important complaint about a rude guard at 21:00 is scheduled for office hours; nobody is texted up the chain at night', async () => {
    aws.clock.set(new Date('2026-11-27T21:00:00+08:00'));
    const { ticket } = await openTicket(
      aws.deps,
      DISPATCHER,
      complaint({
        about: { staffId: 'security-guard-2' },
        severity: 'important',
        occurredAt: '2026-11-27T20:50:00+08:00',
      }),
    );
    await aws.poller.pollOnce();
    expect(scheduleOf(ticket.id, 'handoff-10m')?.ScheduleExpression).toBe('at(2026-11-28T08:40:00)');
    expect(scheduleOf(ticket.id, 'supervisor-30m')?.ScheduleExpression).toBe('at(2026-11-28T09:00:00)');
    expect(scheduleOf(ticket.id, 'follow-up-2h')?.ScheduleExpression).toBe('at(2026-11-28T10:30:00)');

    await deliver(ticket.id, 'supervisor-30m');
    await deliver(ticket.id, 'supervisor-L2');
    // The deputy GM hears of it at 09:30 the next morning (the clock steps a few ms per write).
    expect(aws.clock.now().toISOString()).toMatch(/^2026-11-28T01:30:00\.\d{3}Z$/);
    expect(textsTo(phoneOf('deputy-gm-1'))).toEqual([expect.stringContaining('重要投诉')]);
  });

  it('item 11: a cleaning complaint’s 20-minute escalation goes past the supervisor who missed the 10-minute one', async () => {
    aws.clock.set(new Date('2026-11-27T09:40:00+08:00'));
    const { ticket } = await openTicket(
      aws.deps,
      DISPATCHER,
      complaint({ about: { department: 'cleaning' } }),
    );
    await aws.poller.pollOnce();
    await deliver(ticket.id, 'handoff-10m');
    sns.resetHistory();

    await deliver(ticket.id, 'handoff-L2');

    expect(textsTo(phoneOf('office-manager-1'))).toEqual([
      expect.stringContaining('已20分钟仍未签收(清洁部)'),
    ]);
    expect(textsTo(phoneOf('supervisor-1'))).toEqual([]);
  });

  it('item 12: still missed at the next opening, the next level up is texted; each working day one more, three at most', async () => {
    aws.clock.set(new Date('2026-11-27T09:40:00+08:00'));
    const { ticket } = await openTicket(aws.deps, DISPATCHER, complaint());
    await aws.poller.pollOnce();
    for (const timer of ['handoff-10m', 'handoff-L2', 'follow-up-2h', 'follow-up-eod'])
      await deliver(ticket.id, timer);
    expect(scheduleOf(ticket.id, 'overdue-day-1')?.ScheduleExpression).toBe('at(2026-11-28T08:30:00)');
    sns.resetHistory();

    expect((await deliver(ticket.id, 'overdue-day-1')).outcome).toBe('fired');
    expect(textsTo(phoneOf('office-director-1'))).toEqual([
      expect.stringMatching(/^【翠湖物业】投诉C20261127-\d{3}逾期第1个工作日仍未签收呈报单、跟进\(工程部\):/),
    ]);
    expect(scheduleOf(ticket.id, 'overdue-day-2')?.ScheduleExpression).toBe('at(2026-11-29T08:30:00)');
    await deliver(ticket.id, 'overdue-day-2');
    await deliver(ticket.id, 'overdue-day-3');
    expect(textsTo(phoneOf('deputy-gm-1')).filter((t) => t.includes('逾期第2个工作日'))).toHaveLength(1);
    expect(textsTo(phoneOf('gm-1')).filter((t) => t.includes('逾期第3个工作日'))).toHaveLength(1);
    const after = (await aws.env.store.get(ticket.id))!;
    expect(
      Object.keys(after.timers)
        .filter((t) => t.startsWith('overdue-day-'))
        .sort(),
    ).toEqual(['overdue-day-1', 'overdue-day-2', 'overdue-day-3']);
    const history = (await aws.env.store.history(ticket.id))!;
    expect(history.events.filter((e) => e.type === 'complaint.still-overdue')).toHaveLength(3);
  });
});
