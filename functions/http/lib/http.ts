/**
 * The thin HTTP adapter every API handler shares: claims → principal, JSON body and query parsing
 * with zod, and one table that maps expected errors to statuses. Anything unexpected is a plain
 * 500 with a reference, never a stack trace.
 */
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { $ZodType } from 'zod/v4/core';
import { safeParse } from 'zod/mini';
import type { Principal } from '../../../shared/app/access';
import {
  ConcurrentChange,
  DomainError,
  Forbidden,
  IllegalTransition,
  InvalidInput,
  NotFound,
  RateLimited,
  RuleViolation,
  ServiceUnavailable,
} from '../../../shared/domain/errors';
import { asServiceUnavailable } from '../../../shared/adapters/aws/sdk';
import { GROUPS, type Group } from '../../../shared/domain/park';
import { log } from '../../../shared/log';
import { answerTimeZone, inParkTime } from '../../../shared/app/api-times';
import { attachment } from '../../../shared/app/csv';
import { httpDeps } from './deps';

/** An HTTP-level refusal that is not a domain error (no token, body too large, unknown route). */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'HttpProblem';
  }
}

/** Expected errors → HTTP status, by class (class names do not survive minification). */
const STATUS_BY_CLASS: [new (...args: never[]) => DomainError, number][] = [
  [InvalidInput, 400],
  [Forbidden, 403],
  [NotFound, 404],
  [IllegalTransition, 409],
  [ConcurrentChange, 409],
  [RuleViolation, 422],
  [ServiceUnavailable, 503],
];

export const MAX_BODY_BYTES = 64 * 1024;

type Event = APIGatewayProxyEventV2 & {
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims?: Record<string, string | number | boolean | string[]> } };
  };
};

export function json(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(body),
  };
}

/** Headers of a printable page: no script, nothing external, not cached, not indexed. */
const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'x-robots-tag': 'noindex, nofollow',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
} as const;

/** A printable page (shared/app/print/html.ts). Its times are written in the park's zone already. */
export function html(statusCode: number, body: string): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { ...HTML_HEADERS }, body };
}

/** A CSV download (shared/app/csv.ts); `body` starts with the BOM. */
export function csv(filename: string, body: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body,
  };
}

function errorBody(code: string, message: string, field?: string) {
  return { error: { code, message, ...(field ? { field } : {}) } };
}

/** API Gateway hands JWT array claims over as "[a b]"; local tokens may carry real arrays. */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  const trimmed = value.trim().replace(/^\[|\]$/g, '');
  return trimmed.split(/[\s,]+/).filter(Boolean);
}

/** The caller as the (already verified) JWT describes them. */
export function principalOf(event: Event): Principal {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) throw new HttpProblem(401, 'AUTH.UNAUTHENTICATED', 'a bearer token is required');
  // The HTTP API's JWT authorizer accepts the user pool client's access token as well as its ID
  // token, but only the ID token carries custom:parks and custom:staffId. Cognito marks each with
  // `token_use`; a token without the claim (none of Cognito's) is judged by its claims below.
  const tokenUse = claims.token_use;
  if (tokenUse !== undefined && tokenUse !== 'id') {
    throw new HttpProblem(
      401,
      'AUTH.ID_TOKEN_REQUIRED',
      `this is a Cognito ${String(tokenUse)} token; send the ID token (IdToken of the sign-in result) as the bearer token`,
    );
  }
  const groups = listClaim(claims['cognito:groups']).filter((g): g is Group =>
    (GROUPS as readonly string[]).includes(g),
  );
  const parksClaim = String(claims['custom:parks'] ?? '');
  const parks = parksClaim.trim() === '*' ? '*' : listClaim(parksClaim);
  const staffId = String(claims['custom:staffId'] ?? claims.sub ?? '');
  if (!staffId || groups.length === 0) {
    throw new HttpProblem(403, 'AUTH.FORBIDDEN', 'the token carries no staff id or no role of this desk');
  }
  const name = claims.name === undefined ? undefined : String(claims.name);
  return { staffId, groups, parks, ...(name ? { name } : {}) };
}

function issueField(path: readonly PropertyKey[]): string | undefined {
  return path.length ? path.map(String).join('.') : undefined;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let here: unknown = value;
  for (const key of path) {
    if (here === null || typeof here !== 'object' || !Object.hasOwn(here, key)) return undefined;
    here = (here as Record<PropertyKey, unknown>)[key];
  }
  return here;
}

/** Validates `value` against `schema`; the first problem becomes a 400 naming its field. */
export function validate<T>(schema: $ZodType<T>, value: unknown, where: 'body' | 'query'): T {
  const parsed = safeParse(schema, value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  if (!issue) throw new HttpProblem(400, 'REQUEST.INVALID', `invalid ${where}`);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const field = [...issue.path.map(String), key].join('.');
    throw new HttpProblem(400, 'REQUEST.UNKNOWN_FIELD', `${field}: unknown field`, field);
  }
  const field = issueField(issue.path);
  const missing = valueAt(value, issue.path) === undefined;
  throw new HttpProblem(
    400,
    missing ? 'REQUEST.MISSING_FIELD' : 'REQUEST.INVALID_FIELD',
    `${field ?? where}: ${missing ? 'required' : issue.message}`,
    field,
  );
}

/** The JSON body, size-checked (64 KB) and validated. An absent body is `{}`. */
export function jsonBody<T>(event: Event, schema: $ZodType<T>): T {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) {
    throw new HttpProblem(413, 'REQUEST.TOO_LARGE', `the body is over ${MAX_BODY_BYTES / 1024} KB`);
  }
  const text = bytes.toString('utf8').trim();
  let value: unknown = {};
  if (text) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpProblem(400, 'REQUEST.MALFORMED_JSON', 'the body is not valid JSON');
    }
  }
  return validate(schema, value, 'body');
}

export function queryOf<T>(event: Event, schema: $ZodType<T>): T {
  return validate(schema, event.queryStringParameters ?? {}, 'query');
}

/** The answer to a failed request: an expected error with its status, anything else a logged 500. */
function errorResponse({
  error,
  event,
  context,
}: middy.Request<Event, APIGatewayProxyResultV2>): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpProblem)
    return json(error.status, errorBody(error.code, error.message, error.field));
  const reference = context?.awsRequestId ?? event.requestContext?.requestId ?? 'unknown';
  // Throttling, a conflict that outlived its retries, an outage or a timeout: answered after the
  // SDK's own retries, as 503 with when to try again, never as a 500.
  const unavailable = asServiceUnavailable(error);
  if (unavailable) {
    log.warn('service unavailable', { error, reference, route: event.routeKey });
    const response = json(503, errorBody(unavailable.code, unavailable.message));
    return {
      ...response,
      headers: { ...response.headers, 'retry-after': String(unavailable.retryAfterSeconds) },
    };
  }
  if (error instanceof RateLimited) {
    // Over a limit of the park's (ADR 011): when to try again, as for a 503.
    const response = json(429, errorBody(error.code, error.message));
    return { ...response, headers: { ...response.headers, 'retry-after': String(error.retryAfterSeconds) } };
  }
  if (error instanceof DomainError) {
    const status = STATUS_BY_CLASS.find(([type]) => error instanceof type)?.[1] ?? 400;
    return json(status, errorBody(error.code, error.message, error.field));
  }
  log.error('unexpected error', { error, reference, route: event.routeKey });
  return json(500, errorBody('INTERNAL', `internal error; reference ${reference}`));
}

/**
 * The error mapping as middy's `onError` rather than a try/catch, so that Powertools middlewares
 * (logger, idempotency) can be added around it (ADR 008).
 */
const errorResponses: middy.MiddlewareObj<Event, APIGatewayProxyResultV2> = {
  onError: async (request) => {
    request.response = errorResponse(request);
  },
};

/**
 * A JSON answer's times as the park's clocks read them, with the offset (issue 11 item 23): every
 * read and command path goes through here, so none can answer UTC. Errors carry no stored times.
 */
const parkTimes: middy.MiddlewareObj<Event, APIGatewayProxyResultV2> = {
  after: async (request) => {
    const response = request.response;
    if (typeof response !== 'object' || response === null || typeof response.body !== 'string') return;
    const status = response.statusCode ?? 200;
    const type = String(response.headers?.['content-type'] ?? '');
    if (status >= 300 || !type.startsWith('application/json') || !response.body) return;
    const answer: unknown = JSON.parse(response.body);
    const timeZone = await answerTimeZone(httpDeps, answer);
    request.response = { ...response, body: JSON.stringify(inParkTime(answer, timeZone)) };
  },
};

/**
 * An API handler: errors become `{ error: { code, message, field } }` with the right status.
 * `stored: false` for an answer that holds no stored times (a static document): left as it is.
 */
export function httpHandler(
  body: (event: Event) => Promise<APIGatewayProxyStructuredResultV2>,
  options: { stored?: boolean } = {},
) {
  // middy runs `after` middlewares last-registered first, and `onError` if one throws.
  const handler = middy<Event, APIGatewayProxyResultV2>().use(errorResponses);
  if (options.stored !== false) handler.use(parkTimes);
  return handler.handler(body);
}
