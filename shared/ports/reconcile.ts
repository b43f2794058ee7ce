/**
 * What the reconciler (shared/app/reconcile.ts) reads and re-takes on the ticket store. Every read
 * is a Query on an index of what could be left unsettled, never a Scan: such items are few, and a
 * Scan's cost grows with everything ever stored.
 */
import type { RegisterDay } from '../domain/register-number';
import type { SmsRecord } from './index';

export interface UnsettledQueries {
  /** SMS claims still `sending` that were claimed (or last re-taken) before `before`, oldest first. */
  smsSendingBefore(before: Date, limit: number): Promise<SmsRecord[]>;
  /**
   * Takes over a claim still `sending` since before `staleBefore`, to send it again at `now`: its
   * lease moves to `now`, `attempts` counts the send and `resentAt` says when. Undefined when it
   * settled meanwhile or another run took it first.
   */
  retakeSms(record: SmsRecord, staleBefore: Date, now: Date): Promise<SmsRecord | undefined>;
  /** Ids of tickets whose earliest pending timer was due before `before`, earliest first. */
  ticketsWithTimerDueBefore(before: Date, limit: number): Promise<string[]>;
  /** Registers whose latest number was handed out before `before` and not checked since (ADR 010). */
  registersIdleBefore(before: Date, limit: number): Promise<RegisterDay[]>;
  /**
   * Gives a void page to each number of the register with no page (its ticket was never written)
   * and marks the register checked; returns the numbers voided (RP-5, CH-11: none goes missing).
   */
  voidUnwrittenNumbers(register: RegisterDay, at: Date): Promise<string[]>;
}
