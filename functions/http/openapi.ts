/**
 * GET /openapi.json: the API description, generated at build time by infra/openapi.ts (ADR 019).
 * The handler only serves the committed file, bundled as JSON: no zod-to-JSON-Schema at run time.
 * No token: it describes the API and holds no data.
 */
import document from '../../docs/openapi.json';
import { httpHandler, json } from './lib/http';

const body = JSON.stringify(document);

export const handler = httpHandler(
  async () => {
    const response = json(200, undefined);
    return { ...response, headers: { ...response.headers, 'cache-control': 'public, max-age=300' }, body };
  },
  // Its examples are written as the API answers them already (+08:00); nothing stored to rewrite.
  { stored: false },
);
