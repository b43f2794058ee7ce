/**
 * Signing in through the user pool's managed login (ADR 024): OAuth 2.0 authorization code with PKCE
 * (RFC 7636, S256), the console being a public client (no secret). The verifier and a random
 * `state` wait in sessionStorage for the way back to /sign-in; the code is exchanged at the token
 * endpoint for the ID token the API expects. Pure functions over their inputs (storage, fetch), so
 * they are tested in Node as well.
 */
import type { CognitoConfig } from './config';
import { claimsOf } from './jwt';

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What waits for the browser's return from the sign-in page. */
interface PendingSignIn {
  state: string;
  verifier: string;
  next: string;
}

const PENDING_KEY = 'estate-desk.sign-in';
const SCOPES = 'openid profile email';

/** A failed sign-in, in words for the person signing in. */
export class SignInError extends Error {}

export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes: a 43-character verifier (RFC 7636 §4.1 allows 43–128). */
export function randomVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** The S256 code challenge: BASE64URL(SHA-256(ASCII(verifier))) (RFC 7636 §4.2). */
export async function challengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

export function authorizeUrl(
  config: CognitoConfig,
  request: { redirectUri: string; state: string; challenge: string },
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: request.redirectUri,
    scope: SCOPES,
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    // The managed login in Chinese.
    lang: 'zh-CN',
  });
  return `${config.domain}/oauth2/authorize?${query}`;
}

/** The sign-out through the managed login: it ends the user pool's session, then comes back to `logoutUri`. */
export function logoutUrl(config: CognitoConfig, logoutUri: string): string {
  return `${config.domain}/logout?${new URLSearchParams({ client_id: config.clientId, logout_uri: logoutUri })}`;
}

/** Starts a sign-in: keeps verifier, state and where to go afterwards; answers the URL to send the browser to. */
export async function beginSignIn(
  config: CognitoConfig,
  options: { redirectUri: string; next: string; store: KeyValueStore },
): Promise<string> {
  const pending: PendingSignIn = { state: randomVerifier(), verifier: randomVerifier(), next: options.next };
  options.store.setItem(PENDING_KEY, JSON.stringify(pending));
  return authorizeUrl(config, {
    redirectUri: options.redirectUri,
    state: pending.state,
    challenge: await challengeOf(pending.verifier),
  });
}

/** Exchanges an authorization code (with its verifier) at the token endpoint: the ID token. */
export async function exchangeCode(
  config: CognitoConfig,
  grant: { code: string; verifier: string; redirectUri: string },
  fetchFn: typeof fetch = fetch,
): Promise<string> {
  let response: Response;
  try {
    response = await fetchFn(`${config.domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId,
        code: grant.code,
        redirect_uri: grant.redirectUri,
        code_verifier: grant.verifier,
      }).toString(),
    });
  } catch {
    throw new SignInError('无法连接登录服务,请检查网络后重新登录');
  }
  const answer = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!response.ok || typeof answer.id_token !== 'string') {
    throw new SignInError(`登录未完成(${String(answer.error ?? response.status)}),请重新登录`);
  }
  const claims = claimsOf(answer.id_token);
  if (claims.aud !== config.clientId || claims.token_use !== 'id') {
    throw new SignInError('登录服务返回的令牌不属于本工作台,请重新登录');
  }
  return answer.id_token;
}

/**
 * The way back from the sign-in page (`/sign-in?code=…&state=…`): checks the state against the one
 * kept, exchanges the code, and answers the ID token and where to go. A pending sign-in is used once.
 */
export async function completeSignIn(
  config: CognitoConfig,
  options: { search: string; redirectUri: string; store: KeyValueStore; fetchFn?: typeof fetch },
): Promise<{ idToken: string; next: string }> {
  const query = new URLSearchParams(options.search);
  const kept = options.store.getItem(PENDING_KEY);
  options.store.removeItem(PENDING_KEY);
  const error = query.get('error');
  if (error) throw new SignInError(`登录未完成(${query.get('error_description') ?? error})`);
  let pending: PendingSignIn | undefined;
  try {
    pending = kept ? (JSON.parse(kept) as PendingSignIn) : undefined;
  } catch {
    pending = undefined;
  }
  const code = query.get('code');
  if (!code || !pending || query.get('state') !== pending.state) {
    throw new SignInError('登录请求已失效或不是从本页发起的,请重新登录');
  }
  const idToken = await exchangeCode(
    config,
    { code, verifier: pending.verifier, redirectUri: options.redirectUri },
    options.fetchFn,
  );
  return { idToken, next: pending.next };
}

/** Whether the page is the way back from the sign-in page. */
export function isSignInReturn(search: string): boolean {
  const query = new URLSearchParams(search);
  return query.has('code') || query.has('error');
}
