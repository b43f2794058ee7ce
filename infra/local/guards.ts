/**
 * What keeps the local desk from being an open door: its own routes (`/local/*`) need a token, and
 * it will not start reachable from outside with the Twilio token everyone can read in the repo.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
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

/**
 * Requests Node refuses before any handler sees them — a request line and headers over 16 KB (431),
 * a request that is not HTTP (400) — answered with the desk's error shape instead of Node's bare
 * status line. (API Gateway has its own limits in AWS: 10 KB of request line and headers.)
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify({
      error: tooLarge
        ? { code: 'REQUEST.HEADERS_TOO_LARGE', message: 'the request line and headers are over 16 KB' }
        : { code: 'REQUEST.MALFORMED', message: 'the request is not valid HTTP' },
    });
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json; charset=utf-8\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    );
  });
}
