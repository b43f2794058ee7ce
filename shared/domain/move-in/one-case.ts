/**
 * One open move-in case per unit (篇3: a unit's owner walks MI-1..MI-8 through ONE checklist; ADR 014).
 * A second case while the first is open would split the steps, the key hand-over (MI-5) and the
 * inspection's repairs (MI-6) between two records: it is refused, naming the case to use.
 */
import { IllegalTransition } from '../errors';

/**
 * The unit as the claim keys it: `3-2-1502`, ` 3-2-1502 ` and full-width `３-２-１５０２` are one
 * unit (NFKC, no spaces, upper case), so a typing variant cannot open a second case.
 */
export function moveInUnitKey(unit: string): string {
  return unit.normalize('NFKC').trim().replace(/\s+/g, '').toUpperCase();
}

/** 409 `MOVE_IN.UNIT_HAS_CASE` (field `unit`): the unit's open case, by number and id. */
export function unitHasCase(unit: string, holder: { ticketId: string; number?: string }): IllegalTransition {
  const name = holder.number ? `${holder.number} (id ${holder.ticketId})` : holder.ticketId;
  return new IllegalTransition(
    `unit ${unit} already has an open move-in case ${name}; record the steps there, ` +
      'or complete it before opening another (one case per unit)',
    'MOVE_IN.UNIT_HAS_CASE',
    'unit',
  );
}
