/** GET /tickets/{id}: the ticket with its append-only timeline. */
import { getTicket } from '../../shared/app/queries';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(200, await getTicket(httpDeps(), principal, event.pathParameters?.id ?? ''));
});
