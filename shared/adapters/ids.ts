/** ULIDs: 26 characters, time-ordered, safe in keys and Scheduler names. */
import { randomBytes } from 'node:crypto';
import type { Clock, Ids } from '../ports';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(time: number, random: Uint8Array = randomBytes(16)): string {
  let out = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    out = ALPHABET[t % 32] + out;
    t = Math.floor(t / 32);
  }
  for (let i = 0; i < 16; i++) out += ALPHABET[(random[i] ?? 0) % 32];
  return out;
}

export class UlidIds implements Ids {
  constructor(private readonly clock: Clock) {}
  next(): string {
    return ulid(this.clock.now().getTime());
  }
}

export const systemClock: Clock = { now: () => new Date() };
