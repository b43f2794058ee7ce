/** The local desk's clock: real time plus an offset that `POST /local/clock` moves. */
import type { Clock } from '../../ports';

export class AdjustableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    this.offsetMs += ms;
    return this.now();
  }

  set(instant: Date): Date {
    this.offsetMs = instant.getTime() - Date.now();
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}
