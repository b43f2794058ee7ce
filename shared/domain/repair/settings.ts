/** A park's repair clocks (issue 11 items 4 and 6), with the desk's defaults. */
import type { Park, RepairSettings } from '../park';

/**
 * What a park that says nothing gets: the desk after 10 minutes, the office manager after 30, a
 * dispatched job done the same working day, a booked one on the appointment's day, the engineering
 * manager an hour after a missed completion.
 */
export const REPAIR_DEFAULTS: RepairSettings = {
  receivedDeskMinutes: 10,
  receivedManagerMinutes: 30,
  dispatchedCompleteHours: 0,
  bookedCompleteHours: 0,
  completeManagerAfterMinutes: 60,
};

const wholeIn = (value: unknown, min: number, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= min && (value as number) <= max;

/**
 * The park's repair settings with defaults. A broken setting never stops a repair from being taken
 * down: it falls back to its default (as keys.ts does). The manager's clock never runs before the desk's.
 */
export function repairSettings(park: Pick<Park, 'repair'>): RepairSettings {
  const given = park.repair ?? {};
  const pick = (name: keyof RepairSettings, min: number, max: number): number => {
    const value = given[name];
    return wholeIn(value, min, max) ? value : REPAIR_DEFAULTS[name];
  };
  const receivedDeskMinutes = pick('receivedDeskMinutes', 1, 1440);
  const manager = pick('receivedManagerMinutes', 1, 2880);
  return {
    receivedDeskMinutes,
    receivedManagerMinutes:
      manager > receivedDeskMinutes
        ? manager
        : Math.max(REPAIR_DEFAULTS.receivedManagerMinutes, receivedDeskMinutes + 1),
    dispatchedCompleteHours: pick('dispatchedCompleteHours', 0, 24 * 14),
    bookedCompleteHours: pick('bookedCompleteHours', 0, 24 * 14),
    completeManagerAfterMinutes: pick('completeManagerAfterMinutes', 1, 7 * 1440),
  };
}
