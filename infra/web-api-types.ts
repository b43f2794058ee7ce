/**
 * The web console's API types (web/src/api/schema.ts), generated from docs/openapi.json by
 * openapi-typescript: the console's client (openapi-fetch) is typed from the same document the API
 * is described by, never by hand (ADR 023).
 *
 *   npx tsx infra/web-api-types.ts   (part of `npm run openapi`) writes web/src/api/schema.ts
 *
 * test/web/api-types.test.ts fails when the committed file is not what this prints.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { OPENAPI_FILE } from './openapi';

export const WEB_API_TYPES_FILE = fileURLToPath(new URL('../web/src/api/schema.ts', import.meta.url));

const HEADER =
  '/**\n * Generated from docs/openapi.json by infra/web-api-types.ts (`npm run openapi`): do not edit.\n */\n\n';

export async function webApiTypes(openApiText = readFileSync(OPENAPI_FILE, 'utf8')): Promise<string> {
  const ast = await openapiTS(JSON.parse(openApiText) as Parameters<typeof openapiTS>[0]);
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(WEB_API_TYPES_FILE, await webApiTypes());
  console.log(`wrote ${WEB_API_TYPES_FILE}`);
}
