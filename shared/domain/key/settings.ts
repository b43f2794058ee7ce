/** A park's key custody clocks (KY-4), read when a key is handed out, with the desk's defaults. */
import type { KeySettings, Park } from '../park';

/** What a park that says nothing gets: two hours out, then half an hour before the manager hears. */
export const KEY_DEFAULTS: KeySettings = { loanMinutes: 120, managerAfterMinutes: 30 };

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The park's key settings with defaults. A broken setting never stops a key from being handed out:
 * it falls back to the default (a week at most out, a day at most before the manager is told).
 */
export function keySettings(park: Pick<Park, 'keys'>): KeySettings {
  const given = park.keys ?? {};
  return {
    loanMinutes: wholeIn(given.loanMinutes, 5, 7 * 1440) ? given.loanMinutes : KEY_DEFAULTS.loanMinutes,
    managerAfterMinutes: wholeIn(given.managerAfterMinutes, 1, 1440)
      ? given.managerAfterMinutes
      : KEY_DEFAULTS.managerAfterMinutes,
  };
}
