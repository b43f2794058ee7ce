/**
 * A park's emergency procedure (EM-2's chain, EM-3's responders, EM-6's sign-off, link lifetimes),
 * read when an emergency opens, with the procedure's own defaults.
 */
import type { EmergencySettings, Park, Role } from '../park';
import { ROLES } from '../park';

/** EM-3's list, in the original's order. */
export const EM3_RESPONDERS: readonly Role[] = [
  'security-manager',
  'engineering-manager',
  'security-captain',
  'elevator-lead',
  'repair-lead',
  'security-shift-lead',
];

/** What a park that says nothing gets: EM-2's order, 5 minutes a level, three rounds. */
export const EMERGENCY_DEFAULTS: EmergencySettings = {
  chain: [
    { role: 'office-manager', waitMinutes: 5 },
    { role: 'deputy-gm', waitMinutes: 5 },
    { role: 'gm', waitMinutes: 5 },
  ],
  rounds: 3,
  responders: [...EM3_RESPONDERS],
  // 管理处负责人 is the office manager or the supervisor in charge of complaints (篇4 2); which
  // supervisor that is the directory cannot tell, so a park adds 'supervisor' when it wants to.
  signOff: ['office-manager'],
  ackLinkMinutes: 120,
  sceneLinkMinutes: 720,
  sceneMinutes: 15,
};

const isRole = (value: unknown): value is Role => (ROLES as readonly string[]).includes(value as string);
const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The park's emergency settings with defaults. A broken setting never stops an emergency from being
 * opened: it falls back to the default and the opening event says so (`warnings`).
 */
export function emergencySettings(park: Pick<Park, 'emergency'>): {
  settings: EmergencySettings;
  warnings: string[];
} {
  const given = park.emergency ?? {};
  const d = EMERGENCY_DEFAULTS;
  const warnings: string[] = [];
  const pick = <K extends keyof EmergencySettings>(
    key: K,
    ok: (v: unknown) => boolean,
  ): EmergencySettings[K] => {
    const value = given[key];
    if (value === undefined) return d[key];
    if (ok(value)) return value as EmergencySettings[K];
    warnings.push(`emergency.${key} is not valid; the default is used`);
    return d[key];
  };
  const roles = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every(isRole);
  return {
    settings: {
      chain: pick(
        'chain',
        (v) =>
          Array.isArray(v) &&
          v.length > 0 &&
          v.length <= 10 &&
          v.every((l) => isRole(l?.role) && wholeIn(l?.waitMinutes, 1, 1440)),
      ),
      rounds: pick('rounds', (v) => wholeIn(v, 1, 10)),
      responders: pick('responders', (v) => Array.isArray(v) && v.every(isRole)),
      signOff: pick('signOff', roles),
      ackLinkMinutes: pick('ackLinkMinutes', (v) => wholeIn(v, 5, 7 * 1440)),
      sceneLinkMinutes: pick('sceneLinkMinutes', (v) => wholeIn(v, 5, 7 * 1440)),
      sceneMinutes: pick('sceneMinutes', (v) => wholeIn(v, 1, 1440)),
    },
    warnings,
  };
}
