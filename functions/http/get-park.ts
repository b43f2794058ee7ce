/** GET /parks/{id}: the park's settings, with the office calendar every complaint clock runs on. */
import { getPark } from '../../shared/app/parks';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(200, await getPark(httpDeps(), principal, event.pathParameters?.id ?? ''));
});
