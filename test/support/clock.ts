/**
 * The tests' clock for the local desk. It stands still unless the test moves it (`set`, `advance`,
 * `POST /local/clock`), so what a test sees never depends on how fast the machine runs: a ticket
 * opened "at 09:40" is due at 09:50 however long the machine took to open it, and a timer fires at
 * its own time however long the settling before it took. Each reading moves it on by one
 * millisecond, so readings stay strictly increasing as a running clock's are between two writes
 * (createdAt keys and ULIDs keep the order things happened in).
 */
import { AdjustableClock } from '../../shared/adapters/local/clock';

export class SteppedClock extends AdjustableClock {
  private instant: number;

  constructor(start: Date = new Date()) {
    super();
    this.instant = start.getTime();
  }

  override now(): Date {
    this.instant += 1;
    return new Date(this.instant);
  }

  override advance(ms: number): Date {
    this.instant += ms;
    return new Date(this.instant);
  }

  override set(instant: Date): Date {
    this.instant = instant.getTime();
    return new Date(this.instant);
  }

  /** How far the clock is from real time, as `GET /local/clock` reports it. */
  override get offset(): number {
    return this.instant - Date.now();
  }
}
