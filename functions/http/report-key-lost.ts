/** POST /keys/{id}/report-lost: a lost key is an event, with an SMS to the security manager (KY-1). */
import { reportLost } from '../../shared/app/keys';
import { reportLostBody } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const body = jsonBody(event, reportLostBody);
  return json(200, { keySet: await reportLost(httpDeps(), principal, event.pathParameters?.id ?? '', body) });
});
