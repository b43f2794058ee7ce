/**
 * Open a ticket.
 *
 * Input: the principal, a request parsed by the edge's schema (`openTicketBody`, whether it came
 * from the desk or a phone call) and, for a call, where it came from. Output: the ticket and the
 * kind's reply (for a repair: the sentences the dispatcher says, RP-2/RP-3).
 * 1. Authorize and resolve the park.
 * 2. When the kind numbers this intake (RP-5, CH-11), take the next number of its register for
 *    the park-local day.
 * 3. Ask the kind's rules to open it (RP-2, RP-4, … checked there).
 * 4. Write counter, ticket and opening event in ONE TransactWriteItems; if another request took
 *    the number meanwhile, take the next one and write again.
 * Timers and SMS follow from the stored event (the stream), never from this request.
 */
import { ConcurrentChange, NotFound } from '../domain/errors';
import type { TicketSource } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';
import { rulesOf } from '../domain/tickets';
import { localDay } from '../domain/time';
import type { OpenTicketRequest } from '../schemas';
import type { Principal } from './access';
import { actorOf, authorize, resolvePark } from './access';
import type { CoreDeps } from './deps';
import { intakeWithKeySet } from './keys';
import { checkCallerUnit } from './unit-check';

/** Enough for a burst of simultaneous calls to the same register; each retry waits a little, at random. */
const NUMBER_ATTEMPTS = 25;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

export async function openTicket(
  deps: CoreDeps,
  principal: Principal,
  request: OpenTicketRequest,
  /** The channel a call came in on (the phone paths); absent for the desk. */
  source?: TicketSource,
): Promise<{ ticket: Ticket } & Record<string, unknown>> {
  authorize(principal, 'ticket.open');
  const parkId = resolvePark(principal, request.parkId);
  const park = await deps.directory.park(parkId);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId} not found`, 'parkId');
  // Issue 11 item 21: a unit the park lacks is a typo until the dispatcher confirms it.
  if ('caller' in request) await checkCallerUnit(deps.directory, parkId, request.caller);
  const rules = rulesOf(request.kind);
  const { kind: _kind, parkId: _park, ...fields } = request;
  const given = source ? { ...fields, source } : fields;
  // A key request names a key set of the register (KY-1): the rules open it with the set looked up.
  const intake = request.kind === 'key' ? await intakeWithKeySet(deps, parkId, request) : given;
  const staff = rules.needsDirectory ? await deps.directory.staff(parkId) : [];
  const id = deps.ids.next();
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    const day = localDay(now, park.timeZone);
    const register = rules.register;
    const value = rules.needsNumber(intake) ? await deps.store.nextNumber(parkId, register, day) : undefined;
    const number = value === undefined ? undefined : `${register}${day}-${String(value).padStart(3, '0')}`;
    const { ticket, event, reply } = rules.open(
      { id, parkId, intake, ...(number ? { number } : {}) },
      { now, actor: actorOf(principal), park, staff },
    );
    try {
      await deps.store.create(ticket, event, value === undefined ? undefined : { register, day, value });
      return { ...reply, ticket };
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= NUMBER_ATTEMPTS) throw error;
      await pause(Math.random() * 10 * Math.min(attempt, 5));
    }
  }
}
