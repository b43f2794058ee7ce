/** GET /health: 200 once the function can answer; no token needed. */
import { httpHandler, json } from './lib/http';

export const handler = httpHandler(async () => json(200, { status: 'ok', service: 'estate-desk' }));
