/**
 * Settling the local desk: what the table's stream and EventBridge Scheduler do in AWS, done on
 * demand. Each round polls the stream into the effects handler and fires the timer rows that are
 * due; rounds repeat until nothing is left. One settle runs at a time: the background loop, the
 * local routes and the tests share it.
 */
import type { AdjustableClock } from '../../shared/adapters/local/clock';
import type { TimerRows } from '../../shared/adapters/local/timer-rows';
import { log } from '../../shared/log';
import type { ReconcileHandler, TimerHandler } from './handlers';
import { Outage } from './outage';
import type { StreamPoller } from './stream-poller';

export interface FiredTimer {
  ticketId: string;
  timer: string;
  dueAt: string;
  firedAt: string;
  outcome: string;
}

/** Enough for any chain of events and timers a story produces; a loop beyond it is a bug. */
const MAX_ROUNDS = 50;
/** Stops on the way to a moved clock: one per timer that falls due before the target. */
const MAX_CLOCK_STOPS = 1000;
/** How often the background loop runs the reconciler (every five minutes in AWS). */
export const RECONCILE_EVERY_MS = 60_000;

export class Settler {
  private queue: Promise<unknown> = Promise.resolve();
  private loop: ReturnType<typeof setInterval> | undefined;
  private reconcileLoop: ReturnType<typeof setInterval> | undefined;
  private stopped = false;
  private readonly outage = new Outage('the local stream and timers');

  constructor(
    private readonly poller: StreamPoller,
    private readonly timerRows: TimerRows,
    private readonly timerDue: TimerHandler,
    private readonly clock: AdjustableClock,
    /** The AWS reconciler's handler: repairs what a crash left (ADR 001), between settles. */
    private readonly reconcile?: ReconcileHandler,
  ) {}

  /** Applies every stored event's effects and fires every due timer, until nothing is left. */
  settle(): Promise<FiredTimer[]> {
    return this.serial(() => this.settleNow());
  }

  /** Moves the clock to `target`, stopping at each due timer on the way so each fires at its time. */
  moveClock(target: Date): Promise<FiredTimer[]> {
    return this.serial(async () => {
      const fired: FiredTimer[] = [];
      fired.push(...(await this.settleNow()));
      for (let step = 0; step < MAX_CLOCK_STOPS; step++) {
        // The earliest one only: reading every pending timer at every stop grew with the backlog.
        const [next] = await this.timerRows.due(target, 1);
        if (!next) break;
        // Timers due at the same instant fire together, at this one stop.
        const due = new Date(next.payload.dueAt);
        if (due > this.clock.now()) this.clock.set(due);
        fired.push(...(await this.settleNow()));
      }
      this.clock.set(target);
      fired.push(...(await this.settleNow()));
      return fired;
    });
  }

  /** Settles every `intervalMs` in the background, as the stream and Scheduler would; 0 = never. */
  startLoop(intervalMs: number): void {
    if (intervalMs <= 0) return;
    let running = false;
    this.loop = setInterval(() => {
      // One background settle at a time; while DynamoDB Local is down, a growing pause and one warning.
      if (this.stopped || running || !this.outage.due()) return;
      running = true;
      this.settle()
        .then(
          () => this.outage.succeeded(),
          (error) => this.outage.failed(error),
        )
        .finally(() => {
          running = false;
        });
    }, intervalMs);
    this.startReconcileLoop();
  }

  /** Runs the reconciler every RECONCILE_EVERY_MS beside the settle loop, never during a settle. */
  private startReconcileLoop(): void {
    const reconcile = this.reconcile;
    if (!reconcile) return;
    this.reconcileLoop = setInterval(() => {
      if (this.stopped) return;
      this.serial(() => reconcile()).catch((error) => log.warn('background reconcile failed', { error }));
    }, RECONCILE_EVERY_MS);
  }

  stopLoop(): void {
    this.stopped = true;
    if (this.loop) clearInterval(this.loop);
    if (this.reconcileLoop) clearInterval(this.reconcileLoop);
  }

  /** Resolves once the settle under way (if any) is over. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async fireDue(fired: FiredTimer[]): Promise<number> {
    let count = 0;
    for (const { name, payload } of await this.timerRows.due(this.clock.now())) {
      const { outcome } = await this.timerDue(payload);
      await this.timerRows.fired(name);
      fired.push({ ...payload, firedAt: this.clock.now().toISOString(), outcome });
      count++;
    }
    return count;
  }

  private async settleNow(): Promise<FiredTimer[]> {
    const fired: FiredTimer[] = [];
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const handled = await this.poller.pollOnce();
      // Nothing new since the last round's look at the timers: it saw every effect there is.
      if (handled === 0 && round > 0) break;
      const count = await this.fireDue(fired);
      if (handled === 0 && count === 0) break;
    }
    return fired;
  }
}
