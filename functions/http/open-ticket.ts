/**
 * POST /tickets: a dispatcher opens a ticket of any kind the desk runs (repairs: RP-1..RP-5). With
 * an `Idempotency-Key` header, a copy of the request gets the first answer again (marked
 * `idempotent-replayed: true`) and opens nothing (shared/app/idempotent-intake.ts); without one, a
 * caller's repeated request joins their open ticket (`duplicateOf`, ADR 011).
 */
import { openUnlessDuplicate } from '../../shared/app/duplicates';
import { openTicketOnce } from '../../shared/app/idempotent-intake';
import { limitWrites } from '../../shared/app/rate-limits';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';
import { openTicketBody } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const command = jsonBody(event, openTicketBody);
  // A body refused above wrote nothing, not even a count (ADR 011). The token's allowance is taken
  // alongside the duplicate lookup (a read); nothing is written before it is granted.
  const allowance = limitWrites(httpDeps(), principal);
  // Awaited by the intake below; a refusal that comes first (403, 404) must not leave it unhandled.
  allowance.catch(() => undefined);
  // API Gateway hands header names over in lower case; a repeated header arrives comma-joined (refused).
  const key = event.headers?.['idempotency-key'];
  if (key !== undefined) {
    // The client's key says which requests are copies: its answer is replayed, nothing is joined.
    await allowance;
    const answer = await openTicketOnce(httpDeps(), principal, command, key);
    const response = json(answer.status, undefined);
    return {
      ...response,
      headers: { ...response.headers, ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}) },
      body: answer.body,
    };
  }
  const opened = await openUnlessDuplicate(httpDeps(), principal, command, undefined, allowance);
  // The caller's open ticket of this kind, joined: nothing was created (200, `duplicateOf`).
  return json(opened.duplicateOf ? 200 : 201, opened);
});
