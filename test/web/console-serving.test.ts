/**
 * The console beside the API on the local desk (ADR 023): built files and the SPA fallback for the
 * console's own paths, the API keeping precedence, the local-only sign-in, the build when stale.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_DIST, CONSOLE_PAGES, consoleIsStale } from '../../infra/local/console';
import { HTTP_ROUTES, IVR_ROUTES } from '../../infra/routes';
import { startTestDesk, type TestDesk } from '../support/desk';

let desk: TestDesk;
beforeAll(async () => {
  desk = await startTestDesk({ console: true });
});
afterAll(async () => {
  await desk?.close();
});

describe('the console on the local desk', () => {
  it('serves index.html at / and at every console page (SPA fallback), and the built assets', async () => {
    for (const path of [
      '/',
      '/sign-in',
      '/queue',
      '/intake',
      '/local-desk',
      '/ticket/01ABC',
      '/records',
      '/records/monthly',
      '/key-ledger',
      '/move-in',
    ]) {
      const res = await fetch(`${desk.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('<div id="root"></div>');
    }
    const asset = readdirSync(join(CONSOLE_DIST, 'assets')).find((f) => f.endsWith('.js'));
    const res = await fetch(`${desk.url}/assets/${asset}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('cache-control')).toContain('immutable');
  });

  it('keeps the API first: its routes, unknown paths and files outside dist answer as before', async () => {
    expect((await desk.call('GET', '/tickets')).status).toBe(401);
    expect((await desk.call('GET', '/health')).status).toBe(200);
    const unknown = await desk.call('GET', '/no-such-page');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('ROUTE.NOT_FOUND');
    const outside = await fetch(`${desk.url}/assets/%2e%2e/%2e%2e/package.json`);
    expect(outside.status).toBe(404);
    expect(await outside.text()).not.toContain('estate-desk');
    // No console page is an API path: every route's path with its parameters filled in.
    for (const route of [...HTTP_ROUTES, ...IVR_ROUTES]) {
      const path = route.path.replace(/\{[^}]+\}/g, 'x');
      expect(
        CONSOLE_PAGES.some((p) => p.test(path)),
        path,
      ).toBe(false);
    }
  });

  it('signs in locally: the demo directory, a token for the person picked that the API takes', async () => {
    const list = await desk.call('GET', '/local/sign-in', { token: '' });
    expect(list.status).toBe(200);
    expect(list.body.staff).toContainEqual(expect.objectContaining({ id: 'dispatcher-1', name: '陈静' }));
    expect(JSON.stringify(list.body)).not.toContain('+86'); // no phones before signing in

    const signed = await desk.call('POST', '/local/sign-in', {
      token: '',
      body: { staffId: 'technician-1' },
    });
    expect(signed.status).toBe(200);
    const claims = JSON.parse(Buffer.from(signed.body.token.split('.')[1], 'base64url').toString('utf8'));
    expect(claims).toMatchObject({
      'custom:staffId': 'technician-1',
      token_use: 'id',
      'cognito:groups': ['staff'],
    });
    expect((await desk.call('GET', '/tickets', { token: signed.body.token })).status).toBe(200);

    const nobody = await desk.call('POST', '/local/sign-in', { token: '', body: { staffId: 'ghost' } });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.field).toBe('staffId');
    expect((await desk.call('POST', '/local/sign-in', { token: '', rawBody: '{' })).status).toBe(400);
    // The other local routes still need a token.
    expect((await desk.call('GET', '/local/sms', { token: '' })).status).toBe(401);
  });

  it('the sign-in is local only: no route of the table (what the CDK stack deploys) is under /local', () => {
    const local = [...HTTP_ROUTES, ...IVR_ROUTES].filter((r) => r.path.startsWith('/local'));
    expect(local).toEqual([]);
  });
});

describe('building the console when stale', () => {
  const web = mkdtempSync(join(tmpdir(), 'estate-desk-web-'));
  afterAll(() => rmSync(web, { recursive: true, force: true }));

  it('is stale without a build, or with a build older than a source; fresh otherwise', () => {
    mkdirSync(join(web, 'src'));
    writeFileSync(join(web, 'src', 'main.tsx'), '');
    expect(consoleIsStale(web)).toBe(true);
    mkdirSync(join(web, 'dist'));
    writeFileSync(join(web, 'dist', 'index.html'), '');
    const old = new Date(Date.now() - 60_000);
    utimesSync(join(web, 'src', 'main.tsx'), old, old);
    expect(consoleIsStale(web)).toBe(false);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(web, 'src', 'main.tsx'), later, later);
    expect(consoleIsStale(web)).toBe(true);
  });
});
