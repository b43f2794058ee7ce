/**
 * The local desk: one Node process serving the same handlers as AWS over HTTP, with API Gateway v2
 * event shapes, against DynamoDB Local; its stream is polled into the effects handler, timers are
 * table rows fired by an adjustable clock, and SMS land in an outbox. This module wires it; the
 * parts are api-gateway.ts (routes, authorizer, events), local-routes.ts (/local/sms, /local/clock,
 * /local/failures), settle.ts (stream and timers) and handlers.ts (the handlers, loaded by their
 * entry files). Given a data folder, the stream checkpoint and the clock's offset are kept there.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoCallStore } from '../../shared/adapters/dynamo/call-store';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { SmsOutbox } from '../../shared/adapters/local/outbox';
import { TimerRows } from '../../shared/adapters/local/timer-rows';
import type { Deps } from '../../shared/app/deps';
import { ivrSettingsFromEnv } from '../../shared/app/ivr-calls';
import { DEFAULT_SMS_SIGNATURE, ENV, LOCAL_TWILIO_AUTH_TOKEN } from '../../shared/config';
import { log } from '../../shared/log';
import { provideDeps, provideIvr } from '../../shared/runtime';
import { serveApi } from './api-gateway';
import { serveConsole } from './console';
import { answerClientErrors, exposureProblem, requireLocalToken } from './guards';
import { backgroundHandlers } from './handlers';
import { FailureLog } from './failures';
import { problem, readBody, send } from './http-io';
import { serveLocal } from './local-routes';
import { engineUnreachable } from './outage';
import { dataPaths } from './paths';
import { seedDemoPark } from './seed';
import { SIGN_IN_PATH, serveSignIn } from './sign-in';
import { type FiredTimer, Settler } from './settle';
import { readState, writeState } from './state-file';
import { StreamPoller } from './stream-poller';
import { ensureTable } from './tables';

export type { FiredTimer } from './settle';

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
  /** The desk's clock; default real time plus the offset `POST /local/clock` moves. */
  clock?: AdjustableClock;
  /** Keeps the stream checkpoint and the clock's offset in this folder across restarts; none = in memory. */
  dataDir?: string;
  /** The built web console (web/dist) to serve at `/` beside the API (ADR 023); none = the API only. */
  consoleDir?: string;
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

const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The clock where the last run left it (ADR 003): tickets stay in order across restarts. */
function keptClock(file: string | undefined): AdjustableClock {
  if (!file) return new AdjustableClock();
  const kept = readState<{ offsetMs?: unknown }>(file)?.offsetMs;
  const offsetMs = typeof kept === 'number' && Number.isFinite(kept) ? kept : 0;
  return new AdjustableClock(offsetMs, (moved) => writeState(file, { offsetMs: moved }));
}

export async function startDesk(options: DeskOptions): Promise<Desk> {
  const exposed = exposureProblem({
    publicBaseUrl: options.publicBaseUrl ?? process.env[ENV.publicBaseUrl],
    twilioAuthToken: options.twilioAuthToken ?? process.env[ENV.twilioAuthToken],
  });
  if (exposed) throw new Error(exposed);
  const dynamo = new DynamoDBClient({
    endpoint: options.dynamoEndpoint,
    region: 'ap-east-1',
    credentials: LOCAL_CREDENTIALS,
  });
  const db = documentClient(dynamo);
  const { streamArn } = await ensureTable(dynamo, options.tableName);
  if (options.seed !== false) await seedDemoPark(db, options.tableName);

  const files = options.dataDir ? dataPaths(options.dataDir) : undefined;
  const clock = options.clock ?? keptClock(files?.clockFile);
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
    credentials: LOCAL_CREDENTIALS,
  });
  const handlers = await backgroundHandlers();
  const failures = new FailureLog(db, options.tableName);
  const poller = new StreamPoller(streams, streamArn, handlers.effects, {
    failures,
    ...(files ? { checkpointFile: files.checkpointFile } : {}),
  });
  const settler = new Settler(poller, timerRows, handlers.timerDue, clock, handlers.reconcile);

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    // The console's files and pages (never an API path: console.ts).
    if (options.consoleDir && serveConsole(options.consoleDir, req, res, url)) return;
    const signIn = url.pathname === SIGN_IN_PATH;
    if (url.pathname.startsWith('/local/') && !signIn && !requireLocalToken(req, res, options.jwtKey)) return;
    const body = await readBody(req);
    if (body === 'too-large') return problem(res, 413, 'REQUEST.TOO_LARGE', 'the body is over 64 KB');
    if (signIn) return serveSignIn(options.jwtKey, req, res, body);
    if (url.pathname.startsWith('/local/')) {
      return serveLocal({ clock, outbox, timerRows, settler, failures }, req, res, url, body);
    }
    return serveApi(options.jwtKey, req, res, url, body);
  }

  const server = createServer((req, res) => {
    serve(req, res).catch((error) => {
      if (res.headersSent) return res.end();
      if (engineUnreachable(error)) {
        return send(
          res,
          503,
          {
            error: {
              code: 'LOCAL.DYNAMODB_UNAVAILABLE',
              message: 'DynamoDB Local is not answering; try again shortly',
            },
          },
          { 'retry-after': '5' },
        );
      }
      log.error('local server error', { error });
      problem(res, 500, 'INTERNAL', 'internal error');
    });
  });
  await new Promise<void>((done) => server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', done));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 3000);
  answerClientErrors(server);
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

  settler.startLoop(options.pollIntervalMs ?? 250);

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    tableName: options.tableName,
    clock,
    deps,
    ivr,
    settle: () => settler.settle(),
    close: async () => {
      settler.stopLoop();
      const closed = new Promise<void>((done) => server.close(() => done()));
      server.closeAllConnections();
      await closed;
      await settler.idle();
      provideDeps(undefined);
      provideIvr(undefined);
      dynamo.destroy();
      streams.destroy();
    },
  };
}
