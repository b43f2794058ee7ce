/**
 * `POST /tickets` with an `Idempotency-Key` header (issue 10, item 4; as Stripe's and Powertools'):
 * a client that did not hear the answer (a dropped connection, a timeout, a double tap) sends the
 * same request again with the same key and gets the same answer — same ticket, same number, same
 * status, the same bytes — and no second ticket, even when the copies arrive at the same moment.
 *
 * Input: the principal, the parsed request and the header's value (or none). Output: the status
 * and the body to send, and whether it is a replay.
 * 1. The key's format is checked (400 `IDEMPOTENCY.KEY_INVALID`); it is scoped to the park and the
 *    sender, so two people, or one person in two parks, never share one.
 * 2. An answer kept under the key is replayed when the request is the same (its SHA-256 as parsed),
 *    and refused with 422 `IDEMPOTENCY.KEY_REUSED` when it is another.
 * 3. Otherwise the ticket is opened (open-ticket.ts) with the answer written in the ticket's own
 *    transaction, only where no answer is kept under the key: there is no moment when the ticket
 *    exists and the key does not. Copies arriving together share one register number (the key is
 *    the number's claim, ADR 010); the one whose transaction lands wins, and every other finds the
 *    key taken, reads the winner's answer, and replays it (or refuses it, per step 2).
 * Answers are kept IDEMPOTENCY_KEY_HOURS; a failed request keeps nothing, so it can be sent again.
 */
import { createHash } from 'node:crypto';
import { IntakeConflict, InvalidInput, RuleViolation, ServiceUnavailable } from '../domain/errors';
import type { IntakeAnswer } from '../ports';
import type { OpenTicketRequest } from '../schemas';
import type { Principal } from './access';
import { authorize, openAction, resolvePark } from './access';
import type { CoreDeps } from './deps';
import { openTicket } from './open-ticket';

/** The header, as clients send it. */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Letters, digits and `-_.:`, 1 to 128 of them: a UUID or a ULID fits. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,128}$/;
/** How long an answer is kept under its key (at least; the table's TTL deletes it later). */
export const IDEMPOTENCY_KEY_HOURS = 24;

export interface IntakeResponse {
  status: number;
  /** The JSON body, exactly as sent the first time. */
  body: string;
  /** True when this is an answer kept under the key, sent again. */
  replayed: boolean;
}

/** Opens a ticket, at most once per Idempotency-Key (when one is given). */
export async function openTicketOnce(
  deps: CoreDeps,
  principal: Principal,
  request: OpenTicketRequest,
  key: string | undefined,
): Promise<IntakeResponse> {
  if (key === undefined) {
    return { status: 201, body: JSON.stringify(await openTicket(deps, principal, request)), replayed: false };
  }
  if (!IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new InvalidInput(
      'IDEMPOTENCY.KEY_INVALID',
      `${IDEMPOTENCY_HEADER} must be 1 to 128 letters, digits or -_.: (a UUID fits)`,
      IDEMPOTENCY_HEADER,
    );
  }
  authorize(principal, openAction(request.kind));
  const scope = { parkId: resolvePark(principal, request.parkId), staffId: principal.staffId, key };
  const requestHash = sha256(canonical(request));
  const kept = await deps.store.intakeAnswer(scope.parkId, scope.staffId, key, deps.clock.now());
  if (kept) return replay(kept, requestHash);

  let body: string | undefined;
  try {
    const answer = await openTicket(deps, principal, request, undefined, {
      claim: `key:${sha256(`${scope.parkId}\n${scope.staffId}\n${key}`).slice(0, 32)}`,
      keepAnswer: (opened, now): IntakeAnswer => {
        body = JSON.stringify(opened);
        return {
          ...scope,
          requestHash,
          ticketId: opened.ticket.id,
          status: 201,
          body,
          at: now.toISOString(),
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_KEY_HOURS * 3_600_000).toISOString(),
        };
      },
    });
    return { status: 201, body: body ?? JSON.stringify(answer), replayed: false };
  } catch (error) {
    // Another copy's transaction landed first (this one found its items there, or was cancelled
    // while that one held them): its answer is this request's too.
    if (!(error instanceof IntakeConflict || error instanceof ServiceUnavailable)) throw error;
    const winner = await deps.store.intakeAnswer(scope.parkId, scope.staffId, key, deps.clock.now());
    if (!winner) throw error;
    return replay(winner, requestHash);
  }
}

function replay(kept: IntakeAnswer, requestHash: string): IntakeResponse {
  if (kept.requestHash !== requestHash) {
    throw new RuleViolation(
      'IDEMPOTENCY.KEY_REUSED',
      `this ${IDEMPOTENCY_HEADER} was used at ${kept.at} with another request (ticket ${kept.ticketId}); ` +
        'send a new key for a new request',
      IDEMPOTENCY_HEADER,
    );
  }
  return { status: kept.status, body: kept.body, replayed: true };
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64url');

/** JSON with object keys in order: the same request gives the same text however it was written. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
