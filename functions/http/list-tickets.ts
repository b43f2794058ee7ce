/**
 * GET /tickets?kind=&status=&from=&to=&department=&…&limit=&cursor=: a park's tickets, newest first
 * (Query on the most selective index, ADR 020); `format=csv` or `Accept: text/csv`: every page as the
 * register's spreadsheet.
 */
import { listTickets } from '../../shared/app/queries';
import { exportTickets } from '../../shared/app/ticket-register';
import { httpDeps } from './lib/deps';
import { csv, httpHandler, json, principalOf, queryOf } from './lib/http';
import { listTicketsQuery } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const query = queryOf(event, listTicketsQuery);
  const accept = String(event.headers?.accept ?? '');
  if (query.format === 'csv' || (query.format === undefined && /\btext\/csv\b/i.test(accept))) {
    const file = await exportTickets(httpDeps(), principal, query);
    return csv(file.filename, file.body);
  }
  return json(200, await listTickets(httpDeps(), principal, query));
});
