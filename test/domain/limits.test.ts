/** A park's limits (ADR 011): defaults, what a broken setting falls back to, the windows, the alert texts. */
import { describe, expect, it } from 'vitest';
import { LIMIT_DEFAULTS, limitSettings, secondsUntil, windowOf } from '../../shared/domain/limits';
import { budgetAlert, heldOverBudget } from '../../shared/domain/sms-budget';
import { STAFF, makePark } from '../support/fixtures';

describe('limitSettings', () => {
  it('a park that says nothing gets the defaults', () => {
    expect(limitSettings(makePark({ limits: undefined }))).toEqual({
      settings: LIMIT_DEFAULTS,
      warnings: [],
    });
  });

  it('a broken setting never turns a limit off: the default applies and a warning names it', () => {
    const { settings, warnings } = limitSettings(
      makePark({
        limits: { writesPerToken: 0, smsPerTicket: 2.5, duplicateWindowMinutes: 0, ivrCallsPerPhone: 9 },
      }),
    );
    expect(settings).toEqual({ ...LIMIT_DEFAULTS, duplicateWindowMinutes: 0, ivrCallsPerPhone: 9 });
    expect(warnings).toEqual([
      'limits.writesPerToken is not a whole number from 1 to 100000; the default is used',
      'limits.smsPerTicket is not a whole number from 1 to 10000; the default is used',
    ]);
  });
});

describe('fixed windows', () => {
  it('every instant of a minute is in the same window, which ends at the next whole minute', () => {
    const a = windowOf(new Date('2026-11-27T01:00:00.000Z'), 60);
    const b = windowOf(new Date('2026-11-27T01:00:59.999Z'), 60);
    expect(a).toEqual(b);
    expect(a.endsAt.toISOString()).toBe('2026-11-27T01:01:00.000Z');
    expect(secondsUntil(new Date('2026-11-27T01:00:10.001Z'), a.endsAt)).toBe(50);
    expect(secondsUntil(new Date('2026-11-27T01:01:00.000Z'), a.endsAt)).toBe(1);
  });
});

describe('SMS budgets', () => {
  it('EM-2/EM-3: an emergency chain or scene SMS is never held; its instructions are by its own budget only', () => {
    const emergency = { kind: 'emergency' as const };
    expect(heldOverBudget(emergency, 'ack-r1-L1', 'ticket')).toBe(false);
    expect(heldOverBudget(emergency, 'scene', 'ticket')).toBe(false);
    expect(heldOverBudget(emergency, 'unanswered', 'ticket')).toBe(false);
    expect(heldOverBudget(emergency, 'instruction-3', 'ticket')).toBe(true);
    expect(heldOverBudget(emergency, 'instruction-3', 'park-hour')).toBe(false);
    expect(heldOverBudget({ kind: 'repair' }, 'assigned', 'park-hour')).toBe(true);
  });

  it('the alert goes to the office manager and fits one segment at the largest budgets', () => {
    for (const kind of ['repair', 'complaint', 'emergency'] as const) {
      for (const [budget, limit] of [
        ['ticket', 100_000],
        ['park-hour', 1_000_000],
      ] as const) {
        const [alert, ...more] = budgetAlert(
          budget,
          limit,
          { kind, number: 'E20261128-999' },
          STAFF,
          makePark(),
        );
        expect(more).toEqual([]);
        expect(alert?.to.id).toBe('office-manager-1');
        expect(alert!.text.length).toBeLessThanOrEqual(70);
      }
    }
  });
});
