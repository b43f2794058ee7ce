/**
 * POST /tickets: a dispatcher opens a ticket of any kind the desk runs (repairs: RP-1..RP-5). With
 * an `Idempotency-Key` header, a copy of the request gets the first answer again (marked
 * `idempotent-replayed: true`) and opens nothing (shared/app/idempotent-intake.ts).
 */
import { openTicketOnce } from '../../shared/app/idempotent-intake';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';
import { openTicketBody } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const command = jsonBody(event, openTicketBody);
  // API Gateway hands header names over in lower case; a repeated header arrives comma-joined (refused).
  const key = event.headers?.['idempotency-key'];
  const answer = await openTicketOnce(httpDeps(), principal, command, key);
  const response = json(answer.status, undefined);
  return {
    ...response,
    headers: { ...response.headers, ...(answer.replayed ? { 'idempotent-replayed': 'true' } : {}) },
    body: answer.body,
  };
});
