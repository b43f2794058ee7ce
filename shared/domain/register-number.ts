/**
 * RP-5, CH-11: a register's page number, e.g. `R20261127-003`: the register's letter, the
 * park-local day, and the page (at least three digits). Pages are gap-free per register and day.
 */
export function registerNumber(register: string, day: string, value: number): string {
  return `${register}${day}-${String(value).padStart(3, '0')}`;
}

/** A register of one park on one park-local day, and how many numbers it has handed out. */
export interface RegisterDay {
  parkId: string;
  register: string;
  day: string;
  /** The last number handed out (every one of 1..value is a ticket or a voided page). */
  value: number;
}
