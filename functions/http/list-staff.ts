/** GET /staff: the park's directory (id, name, roles, department, phone). */
import { listStaff } from '../../shared/app/queries';
import { httpDeps } from './lib/deps';
import { httpHandler, json, principalOf, queryOf } from './lib/http';
import { parkQuery } from '../../shared/schemas';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(200, await listStaff(httpDeps(), principal, queryOf(event, parkQuery)));
});
