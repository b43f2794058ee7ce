/** The local desk's clock: real time plus an offset that `POST /local/clock` moves. */
import type { Clock } from '../../ports';

export class AdjustableClock implements Clock {
  /**
   * @param offsetMs where a previous run left it (the desk keeps it in the data folder)
   * @param onMoved called with the new offset after each move, to keep it
   */
  constructor(
    private offsetMs = 0,
    private readonly onMoved?: (offsetMs: number) => void,
  ) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  advance(ms: number): Date {
    this.offsetMs += ms;
    this.onMoved?.(this.offsetMs);
    return this.now();
  }

  set(instant: Date): Date {
    this.offsetMs = instant.getTime() - Date.now();
    this.onMoved?.(this.offsetMs);
    return this.now();
  }

  get offset(): number {
    return this.offsetMs;
  }
}
