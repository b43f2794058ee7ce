/** POST /keys: security or the property office registers a key set (KY-1; MI-7 with `retention`). */
import { registerKeys } from '../../shared/app/keys';
import { registerKeySetBody } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { httpHandler, json, jsonBody, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  return json(201, {
    keySet: await registerKeys(httpDeps(), principal, jsonBody(event, registerKeySetBody)),
  });
});
