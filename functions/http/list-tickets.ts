/** GET /tickets?kind=&status=&limit=&cursor=: a park's tickets, newest first (Query on an index). */
import { listTickets } from '../../shared/app/queries';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf, queryOf } from './lib/http';
import { listTicketsQuery } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const query = queryOf(event, listTicketsQuery);
  return json(200, await listTickets(httpDeps(), principal, query));
});
