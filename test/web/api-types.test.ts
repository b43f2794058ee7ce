/** The console's API types (ADR 023) are generated from docs/openapi.json and must be current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WEB_API_TYPES_FILE, webApiTypes } from '../../infra/web-api-types';

describe('web/src/api/schema.ts', () => {
  it('is what openapi-typescript makes of docs/openapi.json now: regenerate with `npm run openapi`', async () => {
    expect(
      readFileSync(WEB_API_TYPES_FILE, 'utf8'),
      'web/src/api/schema.ts is stale: run npm run openapi',
    ).toBe(await webApiTypes());
  });

  it('changes when the document does (so a stale file is caught)', async () => {
    const doc = JSON.parse(readFileSync('docs/openapi.json', 'utf8'));
    doc.paths['/tickets'].get.parameters.push({ name: 'extra', in: 'query', schema: { type: 'string' } });
    expect(await webApiTypes(JSON.stringify(doc))).not.toBe(readFileSync(WEB_API_TYPES_FILE, 'utf8'));
  });
});
