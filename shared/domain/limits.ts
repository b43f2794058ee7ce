/**
 * What one caller, one token or one ticket may cost (ADR 011): a park's limits with their
 * defaults, and the fixed windows the counters run in. Pure.
 */
import type { LimitSettings, Park } from './park';

/** What a park that says nothing gets (ADR 011 gives the reasons for each figure). */
export const LIMIT_DEFAULTS: LimitSettings = {
  // A resident calling back about the same leak within half an hour.
  duplicateWindowMinutes: 30,
  // Five calls an hour from one number; the sixth reaches a person (never nobody).
  ivrCallsPerPhone: 5,
  ivrCallWindowMinutes: 60,
  // A person at the desk sends a step every few seconds at most; 100 intakes in 4.3 s is not a person.
  writesPerToken: 60,
  writeWindowSeconds: 60,
  // A complaint left alone through every clock sends at most 19; a reopened one about twice that.
  smsPerTicket: 50,
  // The worst real emergency sends 316: three rounds of the chain, six responders, and 100
  // instructions (MAX_INSTRUCTIONS), each issued and overdue to its person and the owner.
  emergencySmsPerTicket: 400,
  // Tens in a busy hour; an emergency's SMS count here but are never held by it.
  smsPerParkHour: 200,
};

/** The range each setting may take; anything else falls back to its default (and says so). */
const RANGES: Record<keyof LimitSettings, [number, number]> = {
  duplicateWindowMinutes: [0, 24 * 60],
  ivrCallsPerPhone: [1, 1000],
  ivrCallWindowMinutes: [1, 24 * 60],
  writesPerToken: [1, 100_000],
  writeWindowSeconds: [1, 3600],
  smsPerTicket: [1, 10_000],
  emergencySmsPerTicket: [1, 100_000],
  smsPerParkHour: [1, 1_000_000],
};

/**
 * The park's limits with defaults. A broken setting never turns a limit off: it falls back to the
 * default, and `warnings` names it (GET /parks/{id} shows them).
 */
export function limitSettings(park: Pick<Park, 'limits'> | undefined): {
  settings: LimitSettings;
  warnings: string[];
} {
  const given = park?.limits ?? {};
  const settings = { ...LIMIT_DEFAULTS };
  const warnings: string[] = [];
  for (const key of Object.keys(RANGES) as (keyof LimitSettings)[]) {
    const value = given[key];
    if (value === undefined) continue;
    const [min, max] = RANGES[key];
    if (Number.isInteger(value) && value >= min && value <= max) settings[key] = value;
    else warnings.push(`limits.${key} is not a whole number from ${min} to ${max}; the default is used`);
  }
  return { settings, warnings };
}

/** A fixed window of `seconds`: its number (the same for every instant in it) and when it ends. */
export function windowOf(now: Date, seconds: number): { index: number; endsAt: Date } {
  const ms = seconds * 1000;
  const index = Math.floor(now.getTime() / ms);
  return { index, endsAt: new Date((index + 1) * ms) };
}

/** Whole seconds until `endsAt`, at least 1: what `Retry-After` says. */
export function secondsUntil(now: Date, endsAt: Date): number {
  return Math.max(1, Math.ceil((endsAt.getTime() - now.getTime()) / 1000));
}
