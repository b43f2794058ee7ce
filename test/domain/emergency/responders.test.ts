/** EM-3: who is sent to the scene, and who may report on it. */
import { describe, expect, it } from 'vitest';
import { Forbidden, IllegalTransition } from '../../../shared/domain/errors';
import {
  CAPTAIN,
  DISPATCHER,
  expectRefusal,
  NIGHT,
  person,
  type RefusalCase,
  STAFF,
  Story,
  TECH,
} from '../../support/emergency-story';

describe('EM-1: opening an emergency', () => {
  it('EM-3: responders are everyone the directory names for the six roles, each once, in the procedure’s order', () => {
    const twoHats = [...STAFF, person('guard-lead-2', '马超', 'security-captain', 'security-shift-lead')];
    const { ticket } = new Story({}, NIGHT, DISPATCHER, twoHats);
    expect(ticket.responders.map((r) => [r.staffId, r.role])).toEqual([
      ['security-manager-1', 'security-manager'],
      ['engineering-manager-1', 'engineering-manager'],
      ['security-captain-1', 'security-captain'],
      ['guard-lead-2', 'security-captain'],
      ['elevator-lead-1', 'elevator-lead'],
      ['repair-lead-1', 'repair-lead'],
      ['security-shift-lead-1', 'security-shift-lead'],
    ]);
    expect(ticket.responders.every((r) => r.reports === 0 && !r.onSceneAt)).toBe(true);
  });
});

describe('commands and their refusals', () => {
  const cases: RefusalCase[] = [
    [
      'EM-3: somebody not sent to the scene may not report on scene',
      (s) => s.run({ type: 'on-scene' }, NIGHT, TECH),
      Forbidden,
      /EM-3/,
    ],
    [
      'EM-3: field staff may not record another person',
      (s) => s.run({ type: 'on-scene', staffId: 'security-manager-1' }, NIGHT, CAPTAIN),
      Forbidden,
      /desk/,
    ],
    [
      'EM-3: on the scene twice → 409',
      (s) => {
        s.run({ type: 'on-scene' }, NIGHT, CAPTAIN);
        s.run({ type: 'on-scene' }, NIGHT, CAPTAIN);
      },
      IllegalTransition,
      /on the scene since/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => expectRefusal(act, type, message));
});
