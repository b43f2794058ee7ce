/**
 * RP-5, CH-11: a register number handed out to a request that then died before writing its ticket
 * (a crash or timeout between the two writes, ADR 010) is not left as a gap: once its register has
 * been idle for the lease, the reconciler gives it a page marked void, as a spoilt page of a paper
 * register is kept and marked, never torn out. A late write of that ticket then takes a new number.
 */
import { log } from '../log';
import type { TicketStore } from '../ports';

export interface NumberGapReport {
  numbersVoided: number;
  errors: number;
}

export async function voidUnwrittenNumbers(
  deps: { store: TicketStore; clock: { now(): Date } },
  settings: { leaseMs: number; limit: number },
  report: NumberGapReport,
): Promise<void> {
  const now = deps.clock.now();
  const idleBefore = new Date(now.getTime() - settings.leaseMs);
  for (const register of await deps.store.registersIdleBefore(idleBefore, settings.limit)) {
    try {
      const voided = await deps.store.voidUnwrittenNumbers(register, now);
      report.numbersVoided += voided.length;
      if (voided.length) {
        log.warn('reconciler voided register numbers whose tickets were never written', {
          parkId: register.parkId,
          numbers: voided,
        });
      }
    } catch (error) {
      report.errors++;
      log.error('reconciler could not check a register for unwritten numbers', {
        error,
        parkId: register.parkId,
        register: register.register,
        day: register.day,
      });
    }
  }
}
