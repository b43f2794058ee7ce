/**
 * What keeps the local desk from being an open door: its own routes (`/local/*`) need a token, and
 * it will not start reachable from outside with the Twilio token everyone can read in the repo.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../shared/config';
import { problem } from './http-io';
import { verifyToken } from './jwt';

/**
 * Every `/local/*` route needs `Authorization: Bearer <token>` from `npm run token` (any role): the
 * outbox holds live acknowledgement links and residents' phone numbers, and the clock fires timers.
 * Answers 401 and returns false without one; the desk applies it to the whole `/local/` prefix, so
 * a route added there needs nothing of its own.
 */
export function requireLocalToken(req: IncomingMessage, res: ServerResponse, jwtKey: string): boolean {
  const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (token && verifyToken(token, jwtKey)) return true;
  problem(
    res,
    401,
    'AUTH.UNAUTHENTICATED',
    'the local routes need a bearer token: -H "authorization: Bearer $(npm run -s token)"',
  );
  return false;
}

/** http(s) URLs whose host is this machine only: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackUrl(value: string): boolean {
  let host: string;
  try {
    host = new URL(value).hostname.toLowerCase();
  } catch {
    return false;
  }
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host === '[::1]' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/**
 * Why the desk must not start, if it must not: a public base URL (a tunnel, a domain) with the
 * default Twilio token, which is in the repository — anyone could sign webhooks and open tickets.
 */
export function exposureProblem(settings: {
  publicBaseUrl: string | undefined;
  twilioAuthToken: string | undefined;
}): string | undefined {
  const { publicBaseUrl, twilioAuthToken } = settings;
  if (!publicBaseUrl || isLoopbackUrl(publicBaseUrl)) return undefined;
  if (twilioAuthToken && twilioAuthToken !== LOCAL_TWILIO_AUTH_TOKEN) return undefined;
  return (
    `PUBLIC_BASE_URL is ${publicBaseUrl} but TWILIO_AUTH_TOKEN is the public default; ` +
    'set TWILIO_AUTH_TOKEN to your Twilio auth token (or leave PUBLIC_BASE_URL unset)'
  );
}
