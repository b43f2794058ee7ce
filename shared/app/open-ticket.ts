/**
 * Open a ticket.
 *
 * Input: the principal and a validated intake (only repairs so far). Output: the ticket and the
 * sentences the dispatcher says (RP-2, RP-3).
 * 1. Authorize and resolve the park.
 * 2. When the decision needs a work order (RP-5), read the park-local day's register counter.
 * 3. Ask the domain to open the repair (RP-2, RP-4 checked there).
 * 4. Write counter, ticket and opening event in ONE TransactWriteItems; if another request took
 *    the number meanwhile, take the next one and write again.
 * Timers and SMS follow from the stored event (the stream), never from this request.
 */
import { ConcurrentChange, NotFound } from '../domain/errors';
import type { RepairIntake, RepairScript, RepairTicket } from '../domain/repair';
import { needsWorkOrder, openRepair } from '../domain/repair';
import { localDay } from '../domain/time';
import type { CoreDeps } from './deps';
import type { Principal } from './access';
import { actorOf, authorize, resolvePark } from './access';

export interface OpenRepairCommand extends RepairIntake {
  kind: 'repair';
  parkId?: string;
}

/** Enough for a burst of simultaneous calls to the same register; each retry waits a little, at random. */
const NUMBER_ATTEMPTS = 25;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function openTicket(
  deps: CoreDeps,
  principal: Principal,
  command: OpenRepairCommand,
): Promise<{ ticket: RepairTicket; script: RepairScript }> {
  authorize(principal, 'ticket.open');
  const parkId = resolvePark(principal, command.parkId);
  const park = await deps.directory.park(parkId);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId} not found`, 'parkId');
  const { kind: _kind, parkId: _park, ...intake } = command;
  const id = deps.ids.next();
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    const day = localDay(now, park.timeZone);
    const register = 'R';
    const value = needsWorkOrder(intake.decision) ? await deps.store.nextNumber(parkId, register, day) : undefined;
    const number = value === undefined ? undefined : `${register}${day}-${String(value).padStart(3, '0')}`;
    const { ticket, event, script } = openRepair(
      { id, parkId, intake, timeZone: park.timeZone, ...(number ? { number } : {}) },
      actorOf(principal),
      now,
    );
    try {
      await deps.store.create(ticket, event, value === undefined ? undefined : { register, day, value });
      return { ticket, script };
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= NUMBER_ATTEMPTS) throw error;
      await pause(Math.random() * 10 * Math.min(attempt, 5));
    }
  }
}
