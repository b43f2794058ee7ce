/**
 * Local stand-in for Cognito: HS256 JWTs signed with a key kept in .data (never in the repo),
 * carrying the same claims the HTTP API's JWT authorizer hands the functions in AWS.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Group } from '../../shared/domain/park';

export const LOCAL_ISSUER = 'estate-desk-local';

export interface LocalClaims {
  sub: string;
  'custom:staffId': string;
  'cognito:groups': Group[];
  'custom:parks': string;
  name?: string;
  /** Always `id`: like a Cognito ID token, the one the API takes (an access token lacks custom:*). */
  token_use: 'id';
  iss: string;
  iat: number;
  exp: number;
}

/** What a caller of `signToken` chooses; the issuer, times and `token_use` are stamped by it. */
export type TokenClaims = Omit<LocalClaims, 'iss' | 'iat' | 'exp' | 'token_use'>;

const b64 = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function signToken(claims: TokenClaims, key: string, ttlSeconds = 12 * 3600): string {
  const iat = Math.floor(Date.now() / 1000);
  const header = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const payload = b64(
    JSON.stringify({ ...claims, token_use: 'id', iss: LOCAL_ISSUER, iat, exp: iat + ttlSeconds }),
  );
  const signature = createHmac('sha256', key).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

/** The token's claims when its signature, issuer and expiry hold; otherwise undefined. */
export function verifyToken(token: string, key: string): LocalClaims | undefined {
  const [header, payload, signature] = token.split('.');
  if (!header || !payload || !signature) return undefined;
  const expected = createHmac('sha256', key).update(`${header}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const head = JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as { alg?: string };
    if (head.alg !== 'HS256') return undefined;
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as LocalClaims;
    if (claims.iss !== LOCAL_ISSUER || typeof claims.exp !== 'number' || claims.exp * 1000 < Date.now())
      return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** The local signing key, made on first use. */
export function localSigningKey(path: string): string {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(path, 'utf8').trim();
}
