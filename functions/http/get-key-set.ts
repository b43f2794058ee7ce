/** GET /keys/{id}: one key set, where it is, its whole custody history and its SMS. */
import { getKeySet } from '../../shared/app/keys';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(200, { keySet: await getKeySet(httpDeps(), principal, event.pathParameters?.id ?? '') });
});
