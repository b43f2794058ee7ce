/** POST /tickets: a dispatcher opens a ticket of any kind the desk runs (repairs: RP-1..RP-5). */
import { openUnlessDuplicate } from '../../shared/app/duplicates';
import { limitWrites } from '../../shared/app/rate-limits';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';
import { openTicketBody } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const command = jsonBody(event, openTicketBody);
  // A body refused above wrote nothing, not even a count (ADR 011).
  await limitWrites(httpDeps(), principal);
  const opened = await openUnlessDuplicate(httpDeps(), principal, command);
  // The caller's open ticket of this kind, joined: nothing was created (200, `duplicateOf`).
  return json(opened.duplicateOf ? 200 : 201, opened);
});
