/**
 * Issue 11 item 21: a caller's unit must be one of the park's, or confirmed by the dispatcher.
 * A unit the directory lacks is 422 `UNIT.NOT_IN_DIRECTORY` (field `caller.unit`) with the nearest
 * units, so a typo (`3-2-1520` for `3-2-1502`) is caught while the caller is still on the line.
 */
import { RuleViolation } from '../domain/errors';
import type { Directory } from '../ports';

/** How many near units the refusal names. */
export const NEAREST_UNITS = 3;

/** Levenshtein distance: the edits between two unit ids. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function sharedPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The `count` units nearest `typed`: fewest edits first, then the longest shared prefix, then id order. */
export function nearestUnits(typed: string, units: readonly string[], count = NEAREST_UNITS): string[] {
  return units
    .map((unit) => ({ unit, edits: editDistance(typed, unit), prefix: sharedPrefix(typed, unit) }))
    .sort((a, b) => a.edits - b.edits || b.prefix - a.prefix || a.unit.localeCompare(b.unit))
    .slice(0, count)
    .map((near) => near.unit);
}

/** Throws 422 when the request's caller names a unit the park lacks and nobody confirmed it. */
export async function checkCallerUnit(
  directory: Directory,
  parkId: string,
  caller: { unit?: string; unitConfirmed?: boolean } | undefined,
): Promise<void> {
  await checkUnit(directory, parkId, caller?.unit, caller?.unitConfirmed, 'caller.');
}

/**
 * Throws 422 `UNIT.NOT_IN_DIRECTORY` with the nearest units when `unit` is not the park's and
 * `confirmed` is not true. `prefix` places the fields in the body (`caller.` for a caller's unit;
 * '' for a move-in's own `unit`, MI-1..MI-8: a case for a unit the park lacks is a typo too).
 */
export async function checkUnit(
  directory: Directory,
  parkId: string,
  unit: string | undefined,
  confirmed: boolean | undefined,
  prefix = '',
): Promise<void> {
  if (unit === undefined || confirmed === true) return;
  if (await directory.unit(parkId, unit)) return;
  const nearest = nearestUnits(unit, await directory.unitIds(parkId));
  throw new RuleViolation(
    'UNIT.NOT_IN_DIRECTORY',
    `unit ${unit} is not in the park's directory${nearest.length ? `; nearest: ${nearest.join(', ')}` : ''}` +
      `; check it with the caller, or send ${prefix}unitConfirmed: true to keep it as given`,
    `${prefix}unit`,
  );
}
