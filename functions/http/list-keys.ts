/** GET /keys?unit=&area=&state=&limit=&cursor=: the key register's ledger (Query on an index). */
import { listKeys } from '../../shared/app/keys';
import { listKeysQuery } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf, queryOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(200, await listKeys(httpDeps(), principal, queryOf(event, listKeysQuery)));
});
