/**
 * Twilio's request signature (X-Twilio-Signature), checked the way Twilio's own SDK does it: the URL
 * Twilio called (query included), then each POST parameter in sorted key order as `key + value`
 * (repeated keys: values de-duplicated and sorted), HMAC-SHA1 keyed by the auth token, base64. The
 * URL is tried as configured, with and without the scheme's default port. JSON bodies carry their
 * SHA-256 in the URL (`bodySHA256`) and are signed over the URL alone. Pure: no I/O, no clock.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Form parameters as posted: a repeated key keeps all its values. */
export type FormParams = Record<string, string | string[]>;

/** Parses an `application/x-www-form-urlencoded` body. */
export function parseForm(body: string): FormParams {
  const params: FormParams = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const seen = params[key];
    if (seen === undefined) params[key] = value;
    else params[key] = Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return params;
}

/** The string Twilio signs: the URL, then `key + value` for each parameter in sorted key order. */
export function signedPayload(url: string, params: FormParams): string {
  let data = url;
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (Array.isArray(value)) {
      for (const v of [...new Set(value)].sort()) data += key + v;
    } else {
      data += key + value;
    }
  }
  return data;
}

export function expectedSignature(authToken: string, url: string, params: FormParams): string {
  return createHmac('sha1', authToken)
    .update(Buffer.from(signedPayload(url, params), 'utf8'))
    .digest('base64');
}

/** `scheme://host[:port]rest` split without normalising anything (Twilio signs the exact characters). */
function splitUrl(url: string): { scheme: string; host: string; port: string; rest: string } | undefined {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)/i.exec(url);
  if (!match) return undefined;
  const [prefix, scheme = '', authority = ''] = match;
  const portStart = authority.indexOf(':', authority.lastIndexOf(']') + 1);
  return {
    scheme,
    host: portStart === -1 ? authority : authority.slice(0, portStart),
    port: portStart === -1 ? '' : authority.slice(portStart),
    rest: url.slice(prefix.length),
  };
}

/** The URL as given, without a port, and with the scheme's default port (Twilio may sign either). */
export function candidateUrls(url: string): string[] {
  const parts = splitUrl(url);
  if (!parts) return [url];
  const without = parts.scheme + parts.host + parts.rest;
  const withPort = parts.port
    ? url
    : parts.scheme + parts.host + (parts.scheme.toLowerCase() === 'https://' ? ':443' : ':80') + parts.rest;
  return [...new Set([url, without, withPort])];
}

/** Constant-time comparison of two base64 signatures (lengths differing is not secret). */
function sameSignature(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface SignedRequest {
  /** The public URL Twilio requested, query string included. */
  url: string;
  /** The X-Twilio-Signature header; absent or empty is invalid. */
  signature: string | undefined;
  /** The raw body, already decoded from base64 when the gateway encoded it. */
  body: string;
  /** `application/json` bodies are checked by `bodySHA256`; anything else is parsed as a form. */
  contentType?: string;
}

/** True when the request carries a valid signature for `authToken`. */
export function isValidTwilioRequest(authToken: string, request: SignedRequest): boolean {
  const signature = request.signature?.trim();
  if (!authToken || !signature) return false;
  const json = /^application\/json\b/i.test(request.contentType ?? '');
  let params: FormParams = {};
  if (json) {
    const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
    const hash = new URLSearchParams(query).get('bodySHA256');
    const actual = createHash('sha256').update(Buffer.from(request.body, 'utf8')).digest('hex');
    if (!hash || !sameSignature(hash.toLowerCase(), actual)) return false;
  } else {
    params = parseForm(request.body);
  }
  // Every candidate is computed and compared, whichever matches: no early exit on the first one.
  return candidateUrls(request.url)
    .map((url) => sameSignature(expectedSignature(authToken, url, params), signature))
    .reduce((a, b) => a || b, false);
}

/**
 * The public URL of a request: the configured base (which may carry a path such as an API
 * Gateway stage, `/prod`) joined with the request path and its raw query string. A path that
 * already starts with the base's path is not prefixed twice.
 */
export function publicUrl(baseUrl: string, rawPath: string, rawQuery: string | undefined): string {
  const base = baseUrl.replace(/\/+$/, '');
  const basePath = splitUrl(base)?.rest ?? '';
  const path =
    basePath && (rawPath === basePath || rawPath.startsWith(`${basePath}/`))
      ? rawPath.slice(basePath.length)
      : rawPath;
  return `${base}${path}${rawQuery ? `?${rawQuery}` : ''}`;
}
