/**
 * Issue 13 item 4 (DS-8's 及时率, ADR 021): a month counted by hand against summarizeMonth, and the
 * generic step that keeps each settled deadline although `timers` keeps only a name's latest state.
 */
import { describe, expect, it } from 'vitest';
import { reportMonth } from '../../shared/app/monthly/month';
import { summarizeMonth } from '../../shared/app/monthly/summary';
import { type SettledDeadline, withSettledDeadlines } from '../../shared/domain/deadlines';
import type { TicketBase } from '../../shared/domain/ticket';
import type { Ticket } from '../../shared/domain/tickets';

const Z = (local: string) => new Date(`${local}+08:00`).toISOString();
const d = (timer: string, dueLocal: string, state: 'met' | 'missed', atLocal: string): SettledDeadline => ({
  timer,
  dueAt: Z(dueLocal),
  state,
  at: Z(atLocal),
});

function ticket(fields: Record<string, unknown>): Ticket {
  return {
    version: 1,
    timers: {},
    createdBy: { staffId: 'd', groups: ['dispatcher'] },
    ...fields,
  } as unknown as Ticket;
}

/** A hand-counted November 2026 in Asia/Shanghai (the counts are in the test names' comments). */
const NOVEMBER: Ticket[] = [
  // T1 complaint about engineering: hand-off met, supervisor missed (its L2 rung missed too: not
  // counted again), the second follow-up met, the 3 days recorded met an hour late (counts missed).
  ticket({
    id: 'T1',
    number: 'C20261102-001',
    kind: 'complaint',
    parkId: 'park-1',
    status: 'acknowledged',
    createdAt: Z('2026-11-02T10:00:00'),
    updatedAt: Z('2026-11-05T11:00:00'),
    valid: true,
    severity: 'important',
    about: { department: 'engineering' },
    repeats: 1,
    deadlines: [
      d('handoff-10m', '2026-11-02T10:10:00', 'met', '2026-11-02T10:05:00'),
      d('supervisor-30m', '2026-11-02T10:30:00', 'missed', '2026-11-02T10:30:00'),
      d('supervisor-L2', '2026-11-02T11:00:00', 'missed', '2026-11-02T11:00:00'),
      d('follow-up-eod', '2026-11-02T17:30:00', 'met', '2026-11-02T16:00:00'),
      d('resolve-3d', '2026-11-05T10:00:00', 'met', '2026-11-05T11:00:00'),
    ],
  }),
  // T2 complaint about security opened in October (the look-back) and reopened (CH-6): its first
  // callback missed in October (not this month), the second met on 3 November; resolve-2d due at
  // 00:30 on 1 November Shanghai time (still 31 October in UTC) met: November's.
  ticket({
    id: 'T2',
    number: 'C20261025-004',
    kind: 'complaint',
    parkId: 'park-1',
    status: 'closed',
    createdAt: Z('2026-10-25T09:00:00'),
    updatedAt: Z('2026-11-03T15:00:00'),
    valid: true,
    severity: 'minor',
    about: { department: 'security' },
    deadlines: [
      d('callback-eod', '2026-10-28T17:30:00', 'missed', '2026-10-28T17:30:00'),
      d('resolve-2d', '2026-11-01T00:30:00', 'met', '2026-10-31T20:00:00'),
      d('callback-eod', '2026-11-03T17:30:00', 'met', '2026-11-03T15:00:00'),
    ],
  }),
  // T3 repair from the phone at 23:00 on 30 November: the desk's decision missed at 23:10 (November),
  // its ack-30m missed at 00:05 on 1 December Shanghai time (still November in UTC): December's.
  ticket({
    id: 'T3',
    number: 'R20261130-009',
    kind: 'repair',
    parkId: 'park-1',
    status: 'received',
    source: { channel: 'ivr-twilio', callId: 'CA1' },
    createdAt: Z('2026-11-30T23:00:00'),
    updatedAt: Z('2026-11-30T23:10:00'),
    deadlines: [
      d('received-desk', '2026-11-30T23:10:00', 'missed', '2026-11-30T23:10:00'),
      d('ack-30m', '2026-12-01T00:05:00', 'missed', '2026-12-01T00:05:00'),
    ],
  }),
  // T4 key: handed out on the 10th, back late on the 11th; return-due missed (its escalation is a rung).
  ticket({
    id: 'T4',
    number: 'K20261110-001',
    kind: 'key',
    parkId: 'park-1',
    status: 'returned',
    createdAt: Z('2026-11-10T09:00:00'),
    updatedAt: Z('2026-11-11T09:00:00'),
    handOut: { since: Z('2026-11-10T09:30:00'), dueAt: Z('2026-11-10T11:30:00') },
    returned: { at: Z('2026-11-11T09:00:00'), late: true },
    deadlines: [
      d('return-due', '2026-11-10T11:30:00', 'missed', '2026-11-10T11:30:00'),
      d('return-escalate', '2026-11-10T12:00:00', 'missed', '2026-11-10T12:00:00'),
    ],
  }),
  // T5 fire: the chain's first level missed, its second acknowledged 12 minutes after opening (a rung).
  ticket({
    id: 'T5',
    number: 'E20261112-001',
    kind: 'emergency',
    parkId: 'park-1',
    status: 'closed',
    category: 'fire',
    createdAt: Z('2026-11-12T02:00:00'),
    updatedAt: Z('2026-11-12T06:00:00'),
    chain: { acknowledgement: { at: Z('2026-11-12T02:12:00') } },
    deadlines: [
      d('escalate-r1-L1', '2026-11-12T02:05:00', 'missed', '2026-11-12T02:05:00'),
      d('escalate-r1-L2', '2026-11-12T02:15:00', 'met', '2026-11-12T02:12:00'),
    ],
  }),
  // T6 move-in completed in time.
  ticket({
    id: 'T6',
    number: 'M20261101-001',
    kind: 'move-in',
    parkId: 'park-1',
    status: 'completed',
    createdAt: Z('2026-11-01T09:00:00'),
    updatedAt: Z('2026-11-05T09:00:00'),
    completed: { at: Z('2026-11-05T09:00:00'), by: 'o' },
    deadlines: [d('open-too-long', '2026-11-08T09:00:00', 'met', '2026-11-05T09:00:00')],
  }),
  // T8 complaint about cleaning: its 2 days still pending past due (its timer not yet run): not in the rate.
  ticket({
    id: 'T8',
    number: 'C20261118-002',
    kind: 'complaint',
    parkId: 'park-1',
    status: 'handed-off',
    createdAt: Z('2026-11-18T10:00:00'),
    updatedAt: Z('2026-11-18T10:00:00'),
    valid: true,
    severity: 'minor',
    about: { department: 'cleaning' },
    timers: {
      'resolve-2d': { dueAt: Z('2026-11-20T10:00:00'), state: 'pending' },
      'follow-up-2h': {
        dueAt: Z('2026-11-18T12:00:00'),
        state: 'fired',
        settledAt: Z('2026-11-18T12:00:00'),
      },
    },
  }),
];

describe('DS-8 及时率 against a hand-counted month', () => {
  const month = reportMonth('2026-11', 'Asia/Shanghai');
  const figures = summarizeMonth(NOVEMBER, month, new Date(Z('2026-12-01T09:00:00')));

  it('10 deadlines fell due in November (park-local): 5 met, 5 missed; rungs and other months left out', () => {
    expect(figures.timeliness).toMatchObject({ due: 10, met: 5, missed: 5, rate: 50, pendingPastDue: 1 });
  });

  it('per type, with the Chinese labels', () => {
    const byType = Object.fromEntries(figures.timeliness.byType.map((t) => [t.type, [t.met, t.missed]]));
    expect(byType).toEqual({
      handoff: [1, 0],
      supervisor: [0, 1],
      'follow-up': [1, 0],
      'resolve-2d': [1, 0],
      'resolve-3d': [0, 1],
      callback: [1, 0],
      'repair-decide': [0, 1],
      'key-return': [0, 1],
      'move-in-open': [1, 0],
      'emergency-ack': [0, 1],
    });
    expect(figures.timeliness.byType.find((t) => t.type === 'supervisor')?.label).toBe('主管到场(30分钟)');
  });

  it('per department: the complained-about one for its signatures and resolution, the desk for its own', () => {
    const byDept = Object.fromEntries(
      figures.timeliness.byDepartment.map((t) => [t.department, [t.met, t.missed, t.rate]]),
    );
    expect(byDept).toEqual({
      engineering: [1, 2, 33.3],
      'customer-service': [2, 2, 50],
      security: [1, 1, 50],
      'property-office': [1, 0, 100],
    });
  });

  it('the misses in due order, the late one marked', () => {
    expect(figures.timeliness.misses.map((m) => [m.number, m.timer, m.late ?? false])).toEqual([
      ['C20261102-001', 'supervisor-30m', false],
      ['C20261102-001', 'resolve-3d', true],
      ['K20261110-001', 'return-due', false],
      ['E20261112-001', 'escalate-r1-L1', false],
      ['R20261130-009', 'received-desk', false],
    ]);
  });

  it('the month’s counts: opened in the month only, keys and move-ins by when they happened, open at the end', () => {
    expect(figures.tickets).toMatchObject({
      total: 6,
      byKind: { complaint: 2, repair: 1, key: 1, emergency: 1, 'move-in': 1 },
      bySource: { phone: 1, desk: 5 },
    });
    expect(figures.complaints).toMatchObject({
      total: 2,
      bySeverity: { important: 1, minor: 1 },
      byDepartment: { engineering: 1, cleaning: 1 },
      validity: { valid: 2, invalid: 0, ungraded: 0 },
      repeats: { tickets: 1, dissatisfied: 1 },
    });
    expect(figures.emergencies).toMatchObject({
      byCategory: { fire: 1 },
      firstAck: { count: 1, medianMinutes: 12, maxMinutes: 12 },
    });
    expect(figures.keys).toEqual({ handedOut: 1, returnedLate: 1 });
    expect(figures.moveIns).toEqual({ completed: 1 });
    expect(figures.openAtMonthEnd.tickets.map((t) => t.ticketId)).toEqual(['T1', 'T8', 'T3']);
  });
});

describe('the generic step after apply (ADR 021)', () => {
  const base = (timers: TicketBase['timers'], extra: Partial<TicketBase> = {}): TicketBase =>
    ({
      id: 'X',
      parkId: 'park-1',
      kind: 'complaint',
      updatedAt: Z('2026-11-02T10:00:00'),
      timers,
      ...extra,
    }) as TicketBase;

  it('CH-6: a re-armed name keeps both outcomes, though `timers` keeps only the latest', () => {
    const first = Z('2026-11-02T17:30:00');
    const second = Z('2026-11-04T17:30:00');
    let t = base({ 'callback-eod': { dueAt: first, state: 'pending' } });
    t = withSettledDeadlines(t, {
      ...t,
      timers: { 'callback-eod': { dueAt: first, state: 'missed', settledAt: first } },
    });
    // Reopened: the same name started again, then met.
    t = withSettledDeadlines(t, { ...t, timers: { 'callback-eod': { dueAt: second, state: 'pending' } } });
    t = withSettledDeadlines(t, {
      ...t,
      timers: { 'callback-eod': { dueAt: second, state: 'met', settledAt: Z('2026-11-04T15:00:00') } },
    });

    expect(t.timers['callback-eod']?.state).toBe('met');
    expect(t.deadlines?.map((e) => [e.dueAt, e.state])).toEqual([
      [first, 'missed'],
      [second, 'met'],
    ]);
  });

  it('reminders, daily re-texts and cancelled clocks are not deadlines', () => {
    const due = Z('2026-11-02T12:00:00');
    const before = base({
      'follow-up-2h': { dueAt: due, state: 'pending' },
      'overdue-day-1': { dueAt: due, state: 'pending' },
      'resolve-2d': { dueAt: due, state: 'pending' },
    });
    const after = withSettledDeadlines(
      before,
      base({
        'follow-up-2h': { dueAt: due, state: 'fired', settledAt: due },
        'overdue-day-1': { dueAt: due, state: 'fired', settledAt: due },
        'resolve-2d': { dueAt: due, state: 'cancelled', settledAt: due },
      }),
    );

    expect(after.deadlines).toBeUndefined();
  });
});
