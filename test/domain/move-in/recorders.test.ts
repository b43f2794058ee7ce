/**
 * MI-1..MI-8 by role: each step is recorded by the staff of its department (the checklist names
 * it; MI-1 by the property office that sees the developer's confirmation, MI-6 by property or
 * engineering staff), or by the property office lead and the management above it. Anyone else is
 * 403 `MOVE_IN.NOT_YOUR_STEP` naming the rule, and nothing is recorded.
 */
import { describe, expect, it } from 'vitest';
import type { MoveInStep } from '../../../shared/domain/move-in';
import { decideMoveIn, MOVE_IN_STEPS } from '../../../shared/domain/move-in';
import { actorOf, ruleContext, STAFF, thrownBy } from '../../support/fixtures';
import { MORNING, openCase, PARK, PASSING } from './driver';

const ALL = [...MOVE_IN_STEPS];
const OFFICE: MoveInStep[] = ['developer-confirmation', 'registration', 'items', 'inspection'];

/** Who may record which steps; every other step is refused. */
const TABLE: [string, string, MoveInStep[]][] = [
  ['property-office-1', '物业部', OFFICE],
  ['finance-1', '财务部', ['fees']],
  ['security-guard-1', '保安部', ['keys', 'key-retention']],
  ['security-captain-1', '保安部', ['keys', 'key-retention']],
  ['security-manager-1', '保安部', ['keys', 'key-retention']],
  ['technician-1', '工程部', ['inspection', 'meters']],
  ['engineering-manager-1', '工程部', ['inspection', 'meters']],
  ['cleaner-1', '清洁部', []],
  ['dispatcher-1', '客服中心', []],
  ['supervisor-1', '物业部负责人', ALL],
  ['office-manager-1', '物业部负责人', ALL],
  ['office-director-1', '管理处', ALL],
];

describe('MI-1..MI-8: who records each step, by role', () => {
  const open = openCase();
  for (const [staffId, department, allowed] of TABLE) {
    it.each(ALL)(`${staffId} (${department}): %s`, (step) => {
      const ctx = ruleContext(MORNING, actorOf(staffId), PARK, STAFF);
      const command = PASSING[step];
      if (allowed.includes(step)) {
        expect(decideMoveIn(open, command, ctx).type).toBe('move-in.step-recorded');
        return;
      }
      const error = thrownBy(() => decideMoveIn(open, command, ctx));
      expect(error.code).toBe('MOVE_IN.NOT_YOUR_STEP');
      expect(error.message).toMatch(/^MI-\d: /);
      expect(error.message).toContain('物业部负责人');
    });
  }

  it('someone not in the park’s directory records nothing', () => {
    const ctx = ruleContext(MORNING, { staffId: 'stranger', groups: ['office'] }, PARK, STAFF);
    const error = thrownBy(() => decideMoveIn(open, PASSING.registration, ctx));
    expect([error.code, error.message]).toEqual([
      'MOVE_IN.NOT_YOUR_STEP',
      expect.stringContaining('stranger is not in the park'),
    ]);
  });
});
