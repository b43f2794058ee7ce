/** The park's emergency settings: defaults, and a broken setting falling back with a warning. */
import { describe, expect, it } from 'vitest';
import { EMERGENCY_DEFAULTS, emergencySettings } from '../../../shared/domain/emergency';
import { DISPATCHER, NIGHT, PARK, STAFF, Story } from '../../support/emergency-story';

describe('settings: a broken setting never stops an emergency', () => {
  it('no settings → the procedure’s defaults', () => {
    expect(emergencySettings({})).toEqual({ settings: EMERGENCY_DEFAULTS, warnings: [] });
    expect(EMERGENCY_DEFAULTS.chain.map((l) => [l.role, l.waitMinutes])).toEqual([
      ['office-manager', 5],
      ['deputy-gm', 5],
      ['gm', 5],
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty chain', { chain: [] }, 'chain'],
    ['a role the directory does not know', { chain: [{ role: 'ceo', waitMinutes: 5 }] }, 'chain'],
    ['a wait of 0 minutes', { chain: [{ role: 'gm', waitMinutes: 0 }] }, 'chain'],
    ['a fractional wait', { chain: [{ role: 'gm', waitMinutes: 2.5 }] }, 'chain'],
    ['0 rounds', { rounds: 0 }, 'rounds'],
    ['11 rounds', { rounds: 11 }, 'rounds'],
    ['an unknown responder role', { responders: ['fireman'] }, 'responders'],
    ['nobody may sign off', { signOff: [] }, 'signOff'],
    ['links valid 1 minute', { ackLinkMinutes: 1 }, 'ackLinkMinutes'],
  ])('%s → the default, and a warning in the opening event', (_name, emergency, field) => {
    const { settings, warnings } = emergencySettings({ emergency: emergency as never });
    expect(settings[field as keyof typeof settings]).toEqual(
      EMERGENCY_DEFAULTS[field as keyof typeof EMERGENCY_DEFAULTS],
    );
    expect(warnings).toEqual([`emergency.${field} is not valid; the default is used`]);
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, { ...PARK, emergency: emergency as never });
    expect(story.events[0]?.data).toMatchObject({ warnings });
  });
});
