/**
 * Open a ticket.
 *
 * Input: the principal, a request parsed by the edge's schema (`openTicketBody`, whether it came
 * from the desk or a phone call) and, for a call, where it came from. Output: the ticket and the
 * kind's reply (for a repair: the sentences the dispatcher says, RP-2/RP-3).
 * 1. Authorize and resolve the park.
 * 2. Ask the kind's rules to open it (RP-2, RP-4, … checked there).
 * 3. When the kind numbers this intake (RP-5, CH-11), reserve the next number of its register for
 *    the park-local day (one UpdateItem on the register's counter: a burst queues there, none
 *    fails), and open it with that number.
 * 4. Write ticket, opening event, register page (and the Idempotency-Key's answer) in ONE
 *    TransactWriteItems; they are new items, so no other intake contends with it (ADR 010).
 * Timers and SMS follow from the stored event (the stream), never from this request.
 */
import { ClaimTaken, IntakeConflict, NotFound } from '../domain/errors';
import { registerNumber } from '../domain/register-number';
import type { TicketSource } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';
import { rulesOf } from '../domain/tickets';
import { localDay } from '../domain/time';
import type { IntakeAnswer } from '../ports';
import type { OpenTicketRequest } from '../schemas';
import type { Principal } from './access';
import { actorOf, authorize, openAction, resolvePark } from './access';
import type { CoreDeps } from './deps';
import { intakeWithEarlier } from './complaint-repeats';
import { intakeWithKeySet } from './keys';
import { claimRefusal, claimsToOpen, refuseHeldClaims } from './move-in-claims';
import { checkCallerUnit, checkUnit } from './unit-check';

/** Numbers one intake may take: a second only when the first was voided under it (ADR 010). */
const NUMBER_ATTEMPTS = 2;

export interface OpenOptions {
  /**
   * What the register number is handed out to (default: the ticket id): copies of one request
   * with one claim get one number (the Idempotency-Key's scope, idempotent-intake.ts).
   */
  claim?: string;
  /** The answer to keep under the request's Idempotency-Key, written with the ticket. */
  keepAnswer?: (answer: { ticket: Ticket } & Record<string, unknown>, now: Date) => IntakeAnswer;
}

export async function openTicket(
  deps: CoreDeps,
  principal: Principal,
  request: OpenTicketRequest,
  /** The channel a call came in on (the phone paths); absent for the desk. */
  source?: TicketSource,
  options: OpenOptions = {},
): Promise<{ ticket: Ticket } & Record<string, unknown>> {
  authorize(principal, openAction(request.kind));
  const parkId = resolvePark(principal, request.parkId);
  const park = await deps.directory.park(parkId);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId} not found`, 'parkId');
  // Issue 11 item 21: a unit the park lacks is a typo until the dispatcher confirms it.
  if ('caller' in request) await checkCallerUnit(deps.directory, parkId, request.caller);
  // The same for a move-in's unit (MI-1..MI-8 are done for a unit of the park).
  if (request.kind === 'move-in')
    await checkUnit(deps.directory, parkId, request.unit, request.unitConfirmed);
  // One open move-in case per unit (ADR 014): refused here, before a number is reserved.
  const claims = claimsToOpen(parkId, request);
  await refuseHeldClaims(deps, request, claims);
  const rules = rulesOf(request.kind);
  const { kind: _kind, parkId: _park, ...fields } = request;
  const given = source ? { ...fields, source } : fields;
  // A key request names a key set of the register (KY-1): the rules open it with the set looked up.
  const intake = request.kind === 'key' ? await intakeWithKeySet(deps, parkId, request) : given;
  const staff = rules.needsDirectory ? await deps.directory.staff(parkId) : [];
  const id = deps.ids.next();
  const now = deps.clock.now();
  // CH-1 (ADR 016): a complaint graded at intake is linked to the unit's earlier ones about it.
  const ready =
    request.kind === 'complaint'
      ? await intakeWithEarlier(deps, parkId, intake as never, staff, now)
      : intake;
  const register = rules.register;
  const day = localDay(now, park.timeZone);
  const open = (value?: number) =>
    rules.open(
      {
        id,
        parkId,
        intake: ready,
        ...(value === undefined ? {} : { number: registerNumber(register, day, value) }),
      },
      { now, actor: actorOf(principal), park, staff },
    );
  const numbered = rules.needsNumber(ready);
  // Opened once before a number is taken: a request its rules refuse throws here and takes none.
  let opened = open(numbered ? 0 : undefined);
  for (let attempt = 1; ; attempt++) {
    const claim = attempt === 1 ? (options.claim ?? id) : `${options.claim ?? id}#${attempt}`;
    const value = numbered
      ? await deps.store.reserveNumber({ parkId, register, day }, claim, now)
      : undefined;
    if (value !== undefined) opened = open(value);
    const answer = { ...opened.reply, ticket: opened.ticket };
    try {
      await deps.store.create(
        opened.ticket,
        opened.event,
        value === undefined ? undefined : { register, day, value },
        options.keepAnswer?.(answer, now),
        claims,
      );
      return answer;
    } catch (error) {
      if (error instanceof ClaimTaken) throw claimRefusal(error, request);
      // Only the page was there: the reconciler voided the number this claim held (its request had
      // outlived the lease), so the claim takes a new one.
      const voided = error instanceof IntakeConflict && error.taken.join() === 'page';
      if (!voided || attempt >= NUMBER_ATTEMPTS) throw error;
    }
  }
}
