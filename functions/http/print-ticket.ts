/** GET /tickets/{id}/print?form=: the ticket's filled form, a printable A4 page in Chinese (issue 13 item 6). */
import { printTicket } from '../../shared/app/print-ticket';
import { printTicketQuery } from '../../shared/schemas/print';
import { httpDeps } from './lib/deps';
import { html, httpHandler, principalOf, queryOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const { form } = queryOf(event, printTicketQuery);
  return html(200, await printTicket(httpDeps(), principal, event.pathParameters?.id ?? '', form));
});
