/** POST /tickets: a dispatcher opens a ticket of any kind the desk runs (repairs: RP-1..RP-5). */
import { openTicket } from '../../shared/app/open-ticket';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';
import { openTicketBody } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const command = jsonBody(event, openTicketBody);
  return json(201, await openTicket(httpDeps(), principal, command));
});
