/** POST /tickets: a dispatcher opens a ticket of any kind the desk runs (repairs: RP-1..RP-5). */
import { openUnlessDuplicate } from '../../shared/app/duplicates';
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
  const opened = await openUnlessDuplicate(httpDeps(), principal, command, undefined, allowance);
  // The caller's open ticket of this kind, joined: nothing was created (200, `duplicateOf`).
  return json(opened.duplicateOf ? 200 : 201, opened);
});
