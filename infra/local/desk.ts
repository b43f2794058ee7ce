/**
 * The local desk: one Node process serving the same handlers as AWS over HTTP, with API Gateway v2
 * event shapes, against DynamoDB Local; its stream is polled into the effects handler, timers are
 * table rows fired by an adjustable clock, and SMS land in an outbox.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { z } from 'zod';
import { DynamoCallStore } from '../../shared/adapters/dynamo/call-store';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { SmsOutbox } from '../../shared/adapters/local/outbox';
import { TimerRows } from '../../shared/adapters/local/timer-rows';
import type { Deps } from '../../shared/app/deps';
import { ivrSettingsFromEnv } from '../../shared/app/ivr-calls';
import { DEFAULT_SMS_SIGNATURE, ENV, LOCAL_TWILIO_AUTH_TOKEN } from '../../shared/config';
import { parseDuration } from '../../shared/domain/time';
import { log } from '../../shared/log';
import { provideDeps, provideIvr } from '../../shared/runtime';
import { HTTP_ROUTES, type HttpRoute, handlerEntry, IVR_ROUTES } from '../routes';
import { backgroundHandlers, type HttpHandler, handlerIn } from './handlers';
import { verifyToken } from './jwt';
import { seedDemoPark } from './seed';
import { StreamPoller } from './stream-poller';
import { ensureTable } from './tables';

export interface DeskOptions {
  dynamoEndpoint: string;
  tableName: string;
  /** Key that signs local JWTs (see `npm run token`). */
  jwtKey: string;
  port?: number;
  host?: string;
  /** Write the demo park when it is missing (default true). */
  seed?: boolean;
  /** How often the stream and the timers are checked in the background; 0 = only on demand. */
  pollIntervalMs?: number;
  smsSignature?: string;
  /** The IVR's Twilio auth token; default TWILIO_AUTH_TOKEN, else LOCAL_TWILIO_AUTH_TOKEN. */
  twilioAuthToken?: string;
  /** The URL Twilio calls (signatures cover it); default PUBLIC_BASE_URL, else the desk's own URL. */
  publicBaseUrl?: string;
  /** Signs the links in emergency SMS (`npm start` keeps one in .data/); default: a fresh random key. */
  ackLinkKey?: string;
}

export interface Desk {
  url: string;
  port: number;
  tableName: string;
  clock: AdjustableClock;
  deps: Deps;
  /** What the IVR webhooks are checked with (the call player signs with the same). */
  ivr: { twilioAuthToken: string; publicBaseUrl: string };
  /** Applies every stored event's effects and fires every due timer, until nothing is left. */
  settle(): Promise<FiredTimer[]>;
  close(): Promise<void>;
}

export interface FiredTimer {
  ticketId: string;
  timer: string;
  dueAt: string;
  firedAt: string;
  outcome: string;
}

/** The most a body may be before the server refuses it outright; handlers enforce 64 KB. */
const HARD_BODY_LIMIT = 1024 * 1024;

const clockBody = z.union([
  z.strictObject({
    advance: z
      .string()
      .refine((d) => (parseDuration(d) ?? 0) > 0, 'must be a positive ISO-8601 duration, e.g. PT2H'),
  }),
  z.strictObject({ set: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time with offset' }) }),
]);

function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function problem(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message } });
}

class BadPath extends Error {}

function match(route: HttpRoute, path: string): Record<string, string> | undefined {
  const want = route.path.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith('{')) {
      if (!value) return undefined;
      try {
        params[part.slice(1, -1)] = decodeURIComponent(value);
      } catch {
        throw new BadPath();
      }
    } else if (part !== value) return undefined;
  }
  return params;
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= HARD_BODY_LIMIT) chunks.push(chunk as Buffer);
  }
  return size > HARD_BODY_LIMIT ? 'too-large' : Buffer.concat(chunks);
}

/** Claims as API Gateway's JWT authorizer passes them: arrays flattened to "[a b]". */
function gatewayClaims(claims: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(claims)) {
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'number' ? v : String(v);
  }
  return out;
}

export async function startDesk(options: DeskOptions): Promise<Desk> {
  const dynamo = new DynamoDBClient({
    endpoint: options.dynamoEndpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = documentClient(dynamo);
  const { streamArn } = await ensureTable(dynamo, options.tableName);
  if (options.seed !== false) await seedDemoPark(db, options.tableName);

  const clock = new AdjustableClock();
  const store = new DynamoTicketStore(db, options.tableName);
  const timerRows = new TimerRows(db, options.tableName);
  const outbox = new SmsOutbox(db, options.tableName, clock, options.smsSignature ?? DEFAULT_SMS_SIGNATURE);
  // Emergency SMS links point at the public base URL, known once the server listens.
  let linkBaseUrl = options.publicBaseUrl ?? '';
  const ackLinkKey = options.ackLinkKey ?? randomBytes(32).toString('hex');
  const deps: Deps = {
    store,
    directory: store,
    clock,
    ids: new UlidIds(clock),
    timers: timerRows,
    sms: outbox,
    ackLinks: { key: async () => ackLinkKey, baseUrl: () => linkBaseUrl },
  };
  provideDeps(deps);

  const streams = new DynamoDBStreamsClient({
    endpoint: options.dynamoEndpoint,
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const handlers = await backgroundHandlers();
  const poller = new StreamPoller(streams, streamArn, handlers.effects);

  // One settle at a time: the background loop and requests share it.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  async function fireDue(fired: FiredTimer[]): Promise<number> {
    let count = 0;
    for (const { name, payload } of await timerRows.due(clock.now())) {
      const { outcome } = await handlers.timerDue(payload);
      await timerRows.fired(name);
      fired.push({ ...payload, firedAt: clock.now().toISOString(), outcome });
      count++;
    }
    return count;
  }

  async function settleNow(): Promise<FiredTimer[]> {
    const fired: FiredTimer[] = [];
    for (let round = 0; round < 50; round++) {
      const handled = await poller.pollOnce();
      const count = await fireDue(fired);
      if (handled === 0 && count === 0) break;
    }
    return fired;
  }

  const settle = () => serial(settleNow);

  /** Moves the clock to `target`, stopping at each due timer on the way so each fires at its time. */
  const moveClock = (target: Date) =>
    serial(async () => {
      const fired: FiredTimer[] = [];
      fired.push(...(await settleNow()));
      for (let step = 0; step < 1000; step++) {
        const next = (await timerRows.pending()).find((t) => new Date(t.dueAt) <= target);
        if (!next) break;
        const due = new Date(next.dueAt);
        if (due > clock.now()) clock.set(due);
        fired.push(...(await settleNow()));
      }
      clock.set(target);
      fired.push(...(await settleNow()));
      return fired;
    });

  async function local(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<void> {
    if (url.pathname === '/local/sms' && req.method === 'GET') {
      await settle();
      const ticketId = url.searchParams.get('ticketId');
      const to = url.searchParams.get('to');
      const messages = (await outbox.list()).filter(
        (m) => (!ticketId || m.ticketId === ticketId) && (!to || m.to === to),
      );
      return send(res, 200, { messages });
    }
    if (url.pathname === '/local/clock' && req.method === 'GET') {
      await settle();
      return send(res, 200, {
        now: clock.now().toISOString(),
        offsetMs: clock.offset,
        pendingTimers: await timerRows.pending(),
      });
    }
    if (url.pathname === '/local/clock' && req.method === 'POST') {
      let parsed: z.infer<typeof clockBody>;
      try {
        const result = clockBody.safeParse(JSON.parse(body.toString('utf8') || '{}'));
        if (!result.success) {
          return problem(
            res,
            400,
            'REQUEST.INVALID',
            'send {"advance":"PT2H"} or {"set":"2026-11-27T15:00:00+08:00"}',
          );
        }
        parsed = result.data;
      } catch {
        return problem(res, 400, 'REQUEST.MALFORMED_JSON', 'the body is not valid JSON');
      }
      const target =
        'advance' in parsed
          ? new Date(clock.now().getTime() + (parseDuration(parsed.advance) ?? 0))
          : new Date(parsed.set);
      const fired = await moveClock(target);
      return send(res, 200, { now: clock.now().toISOString(), offsetMs: clock.offset, fired });
    }
    return problem(res, 404, 'ROUTE.NOT_FOUND', `no local route ${req.method} ${url.pathname}`);
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const body = await readBody(req);
    if (body === 'too-large') return problem(res, 413, 'REQUEST.TOO_LARGE', 'the body is over 64 KB');
    if (url.pathname.startsWith('/local/')) return local(req, res, url, body);

    let candidates: { route: HttpRoute; params: Record<string, string> | undefined }[];
    try {
      candidates = [...HTTP_ROUTES, ...IVR_ROUTES]
        .map((route) => ({ route, params: match(route, url.pathname) }))
        .filter((c) => c.params);
    } catch (error) {
      if (error instanceof BadPath)
        return problem(res, 400, 'REQUEST.MALFORMED_PATH', 'the path has a malformed %-escape');
      throw error;
    }
    const hit = candidates.find((c) => c.route.method === req.method);
    if (!hit?.params) {
      if (!candidates.length)
        return problem(res, 404, 'ROUTE.NOT_FOUND', `no route ${req.method} ${url.pathname}`);
      const allow = [...new Set(candidates.map((c) => c.route.method))].join(', ');
      res.setHeader('allow', allow);
      return problem(
        res,
        405,
        'ROUTE.METHOD_NOT_ALLOWED',
        `${req.method} is not allowed on ${url.pathname}; use ${allow}`,
      );
    }
    const { route, params } = hit;

    let claims: Record<string, string | number> | undefined;
    if (route.authorized) {
      const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const verified = token ? verifyToken(token, options.jwtKey) : undefined;
      if (!verified) {
        return problem(
          res,
          401,
          'AUTH.UNAUTHENTICATED',
          'a valid bearer token is required (npm run token -- dispatcher)',
        );
      }
      claims = gatewayClaims(verified as unknown as Record<string, unknown>);
    }

    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
    const query: Record<string, string> = {};
    for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
    const requestId = randomUUID();
    const event = {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
      ...(Object.keys(params).length ? { pathParameters: params } : {}),
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: {
          method: route.method,
          path: url.pathname,
          protocol: 'HTTP/1.1',
          sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
          userAgent: headers['user-agent'] ?? '',
        },
        requestId,
        routeKey: `${route.method} ${route.path}`,
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
      },
      ...(body.length ? { body: body.toString('utf8') } : {}),
      isBase64Encoded: false,
    } as unknown as APIGatewayProxyEventV2;
    const context = { awsRequestId: requestId, functionName: `local-${route.handler}` } as Context;
    const result = await (await handlerIn<HttpHandler>(handlerEntry(route.handler)))(event, context);
    res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
    res.end(result.body ?? '');
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error) => {
      log.error('local server error', { error });
      if (!res.headersSent) problem(res, 500, 'INTERNAL', 'internal error');
      else res.end();
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);
  linkBaseUrl = options.publicBaseUrl ?? (process.env[ENV.publicBaseUrl] || `http://127.0.0.1:${port}`);
  const ivr = {
    twilioAuthToken: options.twilioAuthToken ?? (process.env[ENV.twilioAuthToken] || LOCAL_TWILIO_AUTH_TOKEN),
    publicBaseUrl: options.publicBaseUrl ?? (process.env[ENV.publicBaseUrl] || `http://127.0.0.1:${port}`),
  };
  provideIvr({
    deps: {
      ...deps,
      calls: new DynamoCallStore(db, options.tableName),
      ivr: ivrSettingsFromEnv(process.env, ivr.publicBaseUrl),
    },
    authToken: async () => ivr.twilioAuthToken,
  });

  const interval = options.pollIntervalMs ?? 250;
  let stopped = false;
  const loop =
    interval > 0
      ? setInterval(() => {
          if (!stopped) settle().catch((error) => log.error('background settle failed', { error }));
        }, interval)
      : undefined;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tableName: options.tableName,
    clock,
    deps,
    ivr,
    settle,
    close: async () => {
      stopped = true;
      if (loop) clearInterval(loop);
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await queue.catch(() => undefined);
      provideDeps(undefined);
      provideIvr(undefined);
      dynamo.destroy();
      streams.destroy();
    },
  };
}
