/**
 * The console's sign-in on AWS (ADR 024), its pure parts in Node: PKCE (RFC 7636 S256, checked
 * against the RFC's appendix B), the authorize URL, the state check, and the code exchange against a
 * fake token endpoint that checks the verifier as Cognito does; the runtime config the stack writes
 * and the local desk's.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleRuntimeConfig } from '../../infra/aws/console';
import { LOCAL_CONSOLE_CONFIG, serveConsole } from '../../infra/local/console';
import {
  authorizeUrl,
  base64Url,
  beginSignIn,
  challengeOf,
  completeSignIn,
  type KeyValueStore,
  logoutUrl,
  randomVerifier,
  SignInError,
} from '../../web/src/cognito';
import { apiRequestUrl, parseConfig } from '../../web/src/config';

const CLIENT_ID = 'console-client-1';
const REDIRECT = 'https://d111.cloudfront.net/sign-in';

function store(): KeyValueStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

function unsignedJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none' })}.${part(claims)}.sig`;
}

describe('PKCE (RFC 7636, S256)', () => {
  it('derives the challenge of the RFC’s appendix B example', async () => {
    // RFC 7636 appendix B: the 32 octets, their base64url verifier, and its S256 challenge.
    const octets = [
      116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
      191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
    ];
    expect(base64Url(new Uint8Array(octets))).toBe('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk');
    expect(await challengeOf('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('makes a fresh 43-character unreserved verifier each time', () => {
    const verifiers = new Set(Array.from({ length: 20 }, () => randomVerifier()));
    expect(verifiers.size).toBe(20);
    for (const verifier of verifiers) expect(verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('the managed sign-in round trip', () => {
  /** A stand-in for Cognito: `/oauth2/token` with the authorization codes it "issued". */
  let server: Server;
  let domain: string;
  const issued = new Map<
    string,
    { challenge: string; clientId: string; redirectUri: string; aud?: string }
  >();
  const requests: URLSearchParams[] = [];

  function tokenEndpoint(req: IncomingMessage, res: ServerResponse) {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const form = new URLSearchParams(body);
      requests.push(form);
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(json));
      };
      if (
        req.url !== '/oauth2/token' ||
        req.headers['content-type'] !== 'application/x-www-form-urlencoded'
      ) {
        return answer(400, { error: 'invalid_request' });
      }
      const grant = issued.get(form.get('code') ?? '');
      issued.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const challenge = createHash('sha256').update(verifier).digest('base64url');
      if (
        form.get('grant_type') !== 'authorization_code' ||
        !grant ||
        grant.challenge !== challenge ||
        grant.clientId !== form.get('client_id') ||
        grant.redirectUri !== form.get('redirect_uri')
      ) {
        return answer(400, { error: 'invalid_grant' });
      }
      return answer(200, {
        id_token: unsignedJwt({
          aud: grant.aud ?? grant.clientId,
          token_use: 'id',
          'custom:staffId': 'S-CHEN',
          name: '陈静',
          'cognito:groups': ['dispatcher'],
        }),
        access_token: 'access',
        token_type: 'Bearer',
        expires_in: 28_800,
      });
    });
  }

  beforeAll(async () => {
    server = createServer(tokenEndpoint);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    domain = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** What the managed login does with the authorize URL: remembers the challenge, issues a code. */
  function signInAtCognito(url: string, aud?: string): string {
    const query = new URL(url).searchParams;
    const code = `code-${issued.size}-${Math.random()}`;
    issued.set(code, {
      challenge: query.get('code_challenge')!,
      clientId: query.get('client_id')!,
      redirectUri: query.get('redirect_uri')!,
      ...(aud ? { aud } : {}),
    });
    return `?${new URLSearchParams({ code, state: query.get('state')! })}`;
  }

  it('sends the browser to /oauth2/authorize with code, S256 challenge of the kept verifier, state and zh-CN', async () => {
    const kept = store();
    const url = new URL(
      await beginSignIn(
        { domain, clientId: CLIENT_ID },
        { redirectUri: REDIRECT, next: '/intake', store: kept },
      ),
    );
    expect(`${url.origin}${url.pathname}`).toBe(`${domain}/oauth2/authorize`);
    const pending = JSON.parse(kept.items.get('estate-desk.sign-in')!) as { state: string; verifier: string };
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: CLIENT_ID,
      redirect_uri: REDIRECT,
      scope: 'openid profile email',
      state: pending.state,
      code_challenge: await challengeOf(pending.verifier),
      code_challenge_method: 'S256',
      lang: 'zh-CN',
    });
    // The verifier itself never leaves the browser before the exchange.
    expect(url.toString()).not.toContain(pending.verifier);
  });

  it('exchanges the code with its verifier for the ID token, and goes where the person was going', async () => {
    const config = { domain, clientId: CLIENT_ID };
    const kept = store();
    const search = signInAtCognito(
      await beginSignIn(config, { redirectUri: REDIRECT, next: '/intake', store: kept }),
    );
    const { idToken, next } = await completeSignIn(config, { search, redirectUri: REDIRECT, store: kept });
    expect(next).toBe('/intake');
    const claims = JSON.parse(Buffer.from(idToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ aud: CLIENT_ID, 'custom:staffId': 'S-CHEN', name: '陈静' });
    expect(requests.at(-1)?.get('code_verifier')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Used once: the pending sign-in is gone, so the same return cannot be replayed.
    expect(kept.items.size).toBe(0);
    await expect(completeSignIn(config, { search, redirectUri: REDIRECT, store: kept })).rejects.toThrow(
      SignInError,
    );
  });

  it('refuses a return whose state is not the one kept, without calling the token endpoint', async () => {
    const config = { domain, clientId: CLIENT_ID };
    const kept = store();
    const search = signInAtCognito(
      await beginSignIn(config, { redirectUri: REDIRECT, next: '/queue', store: kept }),
    );
    const forged = search.replace(/state=[^&]+/, 'state=forged');
    const before = requests.length;
    await expect(
      completeSignIn(config, { search: forged, redirectUri: REDIRECT, store: kept }),
    ).rejects.toThrow(/登录请求已失效/);
    expect(requests.length).toBe(before);
  });

  it('fails with the endpoint’s words when the verifier does not match the challenge', async () => {
    const config = { domain, clientId: CLIENT_ID };
    const kept = store();
    const search = signInAtCognito(
      await beginSignIn(config, { redirectUri: REDIRECT, next: '/queue', store: kept }),
    );
    const pending = JSON.parse(kept.items.get('estate-desk.sign-in')!);
    kept.setItem('estate-desk.sign-in', JSON.stringify({ ...pending, verifier: randomVerifier() }));
    await expect(completeSignIn(config, { search, redirectUri: REDIRECT, store: kept })).rejects.toThrow(
      /invalid_grant/,
    );
  });

  it('refuses an ID token issued to another client', async () => {
    const config = { domain, clientId: CLIENT_ID };
    const kept = store();
    const url = await beginSignIn(config, { redirectUri: REDIRECT, next: '/queue', store: kept });
    const search = signInAtCognito(url, 'some-other-client');
    await expect(completeSignIn(config, { search, redirectUri: REDIRECT, store: kept })).rejects.toThrow(
      /不属于本工作台/,
    );
  });

  it('shows the sign-in page’s own refusal (error=…) and the unreachable endpoint in words', async () => {
    const kept = store();
    await beginSignIn(
      { domain, clientId: CLIENT_ID },
      { redirectUri: REDIRECT, next: '/queue', store: kept },
    );
    await expect(
      completeSignIn(
        { domain, clientId: CLIENT_ID },
        { search: '?error=access_denied&error_description=denied', redirectUri: REDIRECT, store: kept },
      ),
    ).rejects.toThrow(/登录未完成\(denied\)/);
    const offline: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    const again = store();
    const search = signInAtCognito(
      await beginSignIn(
        { domain, clientId: CLIENT_ID },
        { redirectUri: REDIRECT, next: '/queue', store: again },
      ),
    );
    await expect(
      completeSignIn(
        { domain, clientId: CLIENT_ID },
        { search, redirectUri: REDIRECT, store: again, fetchFn: offline },
      ),
    ).rejects.toThrow(/无法连接登录服务/);
  });

  it('signs out through the managed login’s /logout, back to /sign-in', () => {
    expect(logoutUrl({ domain, clientId: CLIENT_ID }, REDIRECT)).toBe(
      `${domain}/logout?client_id=${CLIENT_ID}&logout_uri=${encodeURIComponent(REDIRECT)}`,
    );
    expect(
      authorizeUrl({ domain, clientId: CLIENT_ID }, { redirectUri: REDIRECT, state: 's', challenge: 'c' }),
    ).toContain('code_challenge_method=S256');
  });
});

describe('the runtime config', () => {
  const deployed: ConsoleRuntimeConfig = {
    mode: 'cognito',
    region: 'ap-southeast-1',
    apiUrl: 'https://abc123.execute-api.ap-southeast-1.amazonaws.com/',
    cognito: {
      domain: 'https://estatedesk-123456789012.auth.ap-southeast-1.amazoncognito.com',
      clientId: 'c1',
    },
  };

  it('reads what the stack writes into the bucket (the API on its own origin, the sign-in)', () => {
    expect(parseConfig(deployed)).toEqual({
      ...deployed,
      apiUrl: 'https://abc123.execute-api.ap-southeast-1.amazonaws.com',
    });
    expect(apiRequestUrl('https://d111.cloudfront.net/tickets?status=open', deployed.apiUrl)).toBe(
      'https://abc123.execute-api.ap-southeast-1.amazonaws.com/tickets?status=open',
    );
  });

  it('is the local desk for the local config, nothing, or an incomplete Cognito config', () => {
    expect(parseConfig(LOCAL_CONSOLE_CONFIG)).toEqual({ mode: 'local' });
    expect(parseConfig(undefined)).toEqual({ mode: 'local' });
    expect(parseConfig({ ...deployed, apiUrl: 'http://plain.example' })).toEqual({ mode: 'local' });
    expect(parseConfig({ ...deployed, cognito: { domain: deployed.cognito.domain } })).toEqual({
      mode: 'local',
    });
  });

  it('is answered by the local desk as { mode: "local" }, never cached', () => {
    const headers: Record<string, string> = {};
    let body = '';
    const res = {
      writeHead(status: number, h: Record<string, string>) {
        headers.status = String(status);
        Object.assign(headers, h);
      },
      end(chunk?: string) {
        body = chunk ?? '';
      },
    } as unknown as ServerResponse;
    const served = serveConsole(
      '/nonexistent-dist',
      { method: 'GET' } as IncomingMessage,
      res,
      new URL('http://127.0.0.1/config.json'),
    );
    expect(served).toBe(true);
    expect(headers.status).toBe('200');
    expect(headers['cache-control']).toBe('no-cache');
    expect(JSON.parse(body)).toEqual({ mode: 'local' });
  });
});
