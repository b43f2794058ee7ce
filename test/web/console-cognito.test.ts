/**
 * The console as deployed on AWS (ADR 024), in Chromium against the local desk: `/config.json` says
 * cognito, so 登录 goes to the user pool's managed login (played here by route handlers on a test
 * origin: /oauth2/authorize answers with a code, /oauth2/token with an ID token when the PKCE
 * verifier fits the challenge), the console keeps that ID token, calls the API on its own origin
 * (`apiUrl`, here forwarded to the desk in place of API Gateway's JWT check) and signs out through
 * /logout. No console errors; axe on the sign-in page.
 */
import { createHash } from 'node:crypto';
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchChromium,
  screenshot,
  seriousA11yViolations,
  type WatchedPage,
  watchedPage,
} from '../support/browser';
import { startTestDesk, type TestDesk } from '../support/desk';

const SIGN_IN = 'https://signin.example.test';
const API = 'https://api.example.test';
const CLIENT_ID = 'console-client';

let desk: TestDesk;
let browser: Browser;
let watched: WatchedPage;

beforeAll(async () => {
  desk = await startTestDesk({ console: true });
  browser = await launchChromium();
  watched = await watchedPage(browser);
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await desk?.close();
});

function unsignedIdToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.`;
}

describe('the console on AWS: managed login with PKCE', () => {
  it('signs in through the managed login, calls the API at apiUrl with the ID token, and signs out through /logout', async () => {
    const { page } = watched;
    const origin = desk.url;
    const cors = { 'access-control-allow-origin': origin, vary: 'origin' };
    const idToken = unsignedIdToken({
      aud: CLIENT_ID,
      token_use: 'id',
      'custom:staffId': 'dispatcher-1',
      name: '陈静',
      'cognito:groups': ['dispatcher'],
    });
    let challenge = '';
    const authorizations: string[] = [];
    const logouts: string[] = [];

    await page.route(`${origin}/config.json`, (route) =>
      route.fulfill({
        json: {
          mode: 'cognito',
          region: 'ap-southeast-1',
          apiUrl: `${API}/`,
          cognito: { domain: SIGN_IN, clientId: CLIENT_ID },
        },
      }),
    );
    await page.route(`${SIGN_IN}/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        authorizations.push(url.search);
        challenge = url.searchParams.get('code_challenge') ?? '';
        const back = `${url.searchParams.get('redirect_uri')}?code=the-code&state=${url.searchParams.get('state')}`;
        return route.fulfill({ status: 302, headers: { location: back } });
      }
      if (url.pathname === '/oauth2/token') {
        const form = new URLSearchParams(route.request().postData() ?? '');
        const fits =
          form.get('code') === 'the-code' &&
          form.get('client_id') === CLIENT_ID &&
          createHash('sha256')
            .update(form.get('code_verifier') ?? '')
            .digest('base64url') === challenge;
        return route.fulfill({
          status: fits ? 200 : 400,
          headers: cors,
          json: fits
            ? { id_token: idToken, access_token: 'a', token_type: 'Bearer' }
            : { error: 'invalid_grant' },
        });
      }
      if (url.pathname === '/logout') {
        logouts.push(url.search);
        return route.fulfill({ status: 302, headers: { location: url.searchParams.get('logout_uri')! } });
      }
      return route.fulfill({ status: 404 });
    });
    // API Gateway's part: the JWT authorizer checks the Cognito token; here the desk's own token for
    // the same person stands in for it, after recording what the console sent.
    const sentTokens = new Set<string>();
    await page.route(`${API}/**`, async (route: Route) => {
      const request = route.request();
      if (request.method() === 'OPTIONS') {
        return route.fulfill({
          status: 204,
          headers: { ...cors, 'access-control-allow-headers': 'authorization,content-type' },
        });
      }
      sentTokens.add(request.headers().authorization ?? '');
      const url = new URL(request.url());
      const response = await route.fetch({
        url: `${origin}${url.pathname}${url.search}`,
        headers: { ...request.headers(), authorization: `Bearer ${desk.token('dispatcher')}` },
      });
      return route.fulfill({ response, headers: { ...response.headers(), ...cors } });
    });

    await page.goto(`${origin}/queue`);
    const signIn = page.getByRole('button', { name: /登\s?录/ });
    await signIn.waitFor();
    expect(page.url()).toContain('/sign-in');
    await expect(page.getByRole('button', { name: /以.+登录/ }).count()).resolves.toBe(0);
    await screenshot(page, 'sign-in-aws');
    expect(await seriousA11yViolations(page)).toEqual([]);

    await signIn.click();
    await page.getByRole('button', { name: '切换用户' }).waitFor();
    await page.getByText('陈静').first().waitFor();
    // Back where the person was going, the code gone from the address bar.
    await page.waitForURL(`${origin}/queue`);
    const query = new URLSearchParams(authorizations[0]);
    expect(Object.fromEntries(query)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: `${origin}/sign-in`,
      code_challenge_method: 'S256',
      scope: 'openid profile email',
      lang: 'zh-CN',
    });
    // The queue's requests went to the API's origin with the ID token from the managed login.
    await expect.poll(() => sentTokens.size).toBeGreaterThan(0);
    expect([...sentTokens]).toEqual([`Bearer ${idToken}`]);

    await page.getByRole('button', { name: '切换用户' }).click();
    await signIn.waitFor();
    expect(new URLSearchParams(logouts[0])).toEqual(
      new URLSearchParams({ client_id: CLIENT_ID, logout_uri: `${origin}/sign-in` }),
    );
    expect(watched.errors).toEqual([]);
  });
});
