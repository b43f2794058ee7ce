/**
 * GET /health: 200 when the function can answer and reach the table, 503 (with Retry-After) when it
 * cannot. No token needed. The probe is a DescribeTable with a short timeout (the store's `ping`):
 * it reads no item, so this unauthenticated route still sees no tenant data.
 */
import { ServiceUnavailable } from '../../shared/domain/errors';
import { httpDeps } from './lib/deps';
import { httpHandler, json } from './lib/http';

export const handler = httpHandler(async () => {
  try {
    await httpDeps().store.ping();
  } catch (error) {
    throw new ServiceUnavailable('the table cannot be reached', { retryAfterSeconds: 5, cause: error });
  }
  return json(200, { status: 'ok', service: 'estate-desk' });
});
