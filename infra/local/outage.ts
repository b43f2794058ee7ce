/**
 * Keeps a background loop quiet and patient while what it needs is down (DynamoDB Local stopped or
 * restarting): one warning when it starts failing, one line when it works again, and a growing
 * pause between tries instead of a failure logged on every tick.
 */
import { log } from '../../shared/log';

export class Outage {
  private failures = 0;
  private retryAt = 0;

  constructor(
    /** What is failing, for the log: "the local stream and timers". */
    private readonly what: string,
    private readonly firstPauseMs = 250,
    private readonly maxPauseMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** False while the pause after a failure runs. */
  due(): boolean {
    return this.now() >= this.retryAt;
  }

  get failing(): boolean {
    return this.failures > 0;
  }

  failed(error: unknown): void {
    if (this.failures === 0) log.warn(`${this.what}: failing; trying again with a growing pause`, { error });
    this.failures++;
    const pause = Math.min(this.maxPauseMs, this.firstPauseMs * 2 ** Math.min(this.failures - 1, 16));
    this.retryAt = this.now() + pause;
  }

  succeeded(): void {
    if (this.failures > 0) log.info(`${this.what}: working again`, { failedTries: this.failures });
    this.failures = 0;
    this.retryAt = 0;
  }
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);

/** A failed connection to DynamoDB Local (stopped, or being started again), not a bug. */
export function engineUnreachable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && UNREACHABLE.has(e.code)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => engineUnreachable(inner, depth + 1))) return true;
  return engineUnreachable(e.cause, depth + 1);
}
