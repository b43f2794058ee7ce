/** The lifecycle table: which status accepts which command (EM-6: close only after sign-off). */
import { describe, expect, it } from 'vitest';
import {
  EMERGENCY_COMMANDS,
  EMERGENCY_STATUSES,
  EMERGENCY_TRANSITIONS,
  type EmergencyStatus,
  nextEmergencyCommands,
} from '../../../shared/domain/emergency';
import { Story } from '../../support/emergency-story';

describe('the lifecycle table', () => {
  it('close only from signed-off (EM-6); sign-off only after an acknowledgement; nothing after closed', () => {
    const closeFrom = EMERGENCY_STATUSES.filter((s) => EMERGENCY_TRANSITIONS[s].close);
    expect(closeFrom).toEqual(['signed-off']);
    const signOffFrom = EMERGENCY_STATUSES.filter((s) => EMERGENCY_TRANSITIONS[s]['sign-off']);
    expect(signOffFrom).toEqual(['acknowledged']);
    expect(EMERGENCY_TRANSITIONS.closed).toEqual({});
  });

  it.each<[EmergencyStatus, string[]]>([
    ['escalating', ['acknowledge', 'on-scene', 'report', 'hand-over', 'instructions']],
    ['unanswered', ['acknowledge', 'on-scene', 'report', 'hand-over', 'instructions']],
    ['acknowledged', ['on-scene', 'report', 'hand-over', 'instructions', 'sign-off']],
    ['signed-off', ['on-scene', 'report', 'hand-over', 'instructions', 'close']],
    ['closed', []],
  ])(
    'a %s emergency offers %j (accept-handover and instruction-done only when there is one)',
    (status, expected) => {
      const { ticket } = new Story();
      expect(nextEmergencyCommands({ ...ticket, status })).toEqual(expected);
      expect(EMERGENCY_COMMANDS).toHaveLength(9);
    },
  );
});
