/** The timer bookkeeping every ticket kind shares. */
import { describe, expect, it } from 'vitest';
import { pendingTimers, settleTimers, type TimerState } from '../../shared/domain/ticket';

const AT = '2026-11-27T06:12:00.000Z';
const TIMERS: Record<string, TimerState> = {
  'ack-30m': { dueAt: '2026-11-27T06:30:00.000Z', state: 'pending' },
  'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' },
  'follow-up-2h': {
    dueAt: '2026-11-27T05:00:00.000Z',
    state: 'fired',
    settledAt: '2026-11-27T05:00:01.000Z',
  },
};

describe('settleTimers', () => {
  it('settles only the named pending timers, stamping when', () => {
    const settled = settleTimers(TIMERS, ['ack-30m'], 'met', AT);

    expect(settled).toEqual({
      ...TIMERS,
      'ack-30m': { dueAt: '2026-11-27T06:30:00.000Z', state: 'met', settledAt: AT },
    });
  });

  it("'all' settles every pending timer and leaves settled ones as they were", () => {
    const settled = settleTimers(TIMERS, 'all', 'cancelled', AT);

    expect(settled['ack-30m']).toEqual({
      dueAt: '2026-11-27T06:30:00.000Z',
      state: 'cancelled',
      settledAt: AT,
    });
    expect(settled['appointment-reminder']?.state).toBe('cancelled');
    expect(settled['follow-up-2h']).toEqual(TIMERS['follow-up-2h']);
  });

  it('a settled timer is never settled again (a met deadline stays met)', () => {
    const met = settleTimers(TIMERS, ['ack-30m'], 'met', AT);

    expect(settleTimers(met, ['ack-30m'], 'missed', '2026-11-27T06:30:00.000Z')['ack-30m']).toEqual(
      met['ack-30m'],
    );
  });

  it('does not change the timers it was given', () => {
    const before = structuredClone(TIMERS);

    settleTimers(TIMERS, 'all', 'cancelled', AT);

    expect(TIMERS).toEqual(before);
  });
});

describe('pendingTimers', () => {
  it('lists the timers still waiting, with their due time', () => {
    expect(pendingTimers(TIMERS)).toEqual(
      new Map([
        ['ack-30m', '2026-11-27T06:30:00.000Z'],
        ['appointment-reminder', '2026-11-28T01:00:00.000Z'],
      ]),
    );
    expect(pendingTimers(settleTimers(TIMERS, 'all', 'cancelled', AT)).size).toBe(0);
  });
});
