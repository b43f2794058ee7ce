/** Starts the local desk (the real HTTP server and runtime) on a free port against the run's DynamoDB Local. */
import { randomBytes } from 'node:crypto';
import { expect, inject } from 'vitest';
import { CONSOLE_DIST, ensureConsoleBuilt } from '../../infra/local/console';
import { startDesk, type Desk } from '../../infra/local/desk';
import { signToken } from '../../infra/local/jwt';
import { tokenFor } from '../../infra/local/token';
import type { Group } from '../../shared/domain/park';
import { documentClient } from '../../shared/adapters/aws/core';
import type { LimitSettings } from '../../shared/domain/park';
import { SteppedClock } from './clock';
import { dynamoClient, setParkLimits, uniqueTableName } from './store';

export interface TestDesk extends Desk {
  /** A token as `npm run token -- <who>` prints it (role, group or staff id; `--park` works too). */
  token(...args: string[]): string;
  /** A token with exactly these claims. */
  customToken(claims: { staffId: string; groups: Group[]; parks: string }): string;
  /**
   * fetch against the desk with JSON in and out. `/local/*` calls carry a dispatcher's token unless
   * `token` says otherwise (`token: ''` sends none), as the local routes need one.
   */
  call(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answers
  ): Promise<{ status: number; body: any }>;
}

/** One signing key per test file: a token minted for one of its desks works on the next. */
const jwtKey = randomBytes(16).toString('hex');

/**
 * A desk on a fresh table with the demo park; `limits` replaces the park's limits (ADR 011) before
 * anything reads the park (its settings are cached a minute once read).
 */
export async function startTestDesk(
  options: {
    limits?: Partial<LimitSettings> /** Serve the web console (built when stale). */;
    console?: boolean;
  } = {},
): Promise<TestDesk> {
  if (options.console) await ensureConsoleBuilt();
  const desk = await startDesk({
    ...(options.console ? { consoleDir: CONSOLE_DIST } : {}),
    dynamoEndpoint: inject('dynamoEndpoint'),
    tableName: uniqueTableName('desk'),
    jwtKey,
    port: 0,
    pollIntervalMs: 0,
    clock: new SteppedClock(),
  });
  if (options.limits) await setParkLimits(documentClient(dynamoClient()), desk.tableName, options.limits);
  const localToken = tokenFor(['dispatcher'], jwtKey);
  return {
    ...desk,
    token: (...args) => tokenFor(args, jwtKey),
    customToken: ({ staffId, groups, parks }) =>
      signToken(
        { sub: staffId, 'custom:staffId': staffId, 'cognito:groups': groups, 'custom:parks': parks },
        jwtKey,
      ),
    call: async (method, path, options = {}) => {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const token = options.token ?? (path.startsWith('/local/') ? localToken : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      let body: string | undefined = options.rawBody;
      if (options.body !== undefined) {
        body = JSON.stringify(options.body);
        headers['content-type'] = 'application/json';
      }
      const res = await fetch(`${desk.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body } : {}),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed };
    },
  };
}

/**
 * Closes `old` and starts a desk on a fresh table, for tests that move the clock far: moving it
 * fires every timer due on the way, and on a desk the file's other tests used that is every
 * escalation they left running, each settled in turn. One desk runs at a time: the handlers read
 * the process-wide deps the last started desk provided.
 */
export async function freshDesk(old: TestDesk | undefined, clockAt?: string): Promise<TestDesk> {
  await old?.close();
  const desk = await startTestDesk();
  if (clockAt) {
    const res = await desk.call('POST', '/local/clock', { body: { set: clockAt } });
    if (res.status !== 200) throw new Error(`the clock did not move: ${JSON.stringify(res.body)}`);
  }
  return desk;
}

/** Caller numbers handed out so far (+86137…, no resident of the demo park has one). */
let callers = 0;

/**
 * A caller number of its own: the same caller's second ticket of a kind within the park's window
 * joins the first (ADR 011), and tests that open several tickets mean several callers.
 */
export function newCallerPhone(): string {
  callers += 1;
  return `+86137${String(callers).padStart(8, '0')}`;
}

/**
 * The example repair body from the README, each from a number of its own (`newCallerPhone`); tests
 * of the duplicate rule give the phone themselves.
 */
export function repairBody(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'repair',
    caller: { name: '王先生', phone: newCallerPhone(), unit: '3-2-1502' },
    description: '厨房水管漏水',
    location: '3号楼2单元1502 厨房',
    wantedAt: '2026-11-27T15:00:00+08:00',
    decision: 'dispatch',
    ...overrides,
  };
}

/** An SMS as the local desk recorded it (`GET /local/sms`). */
export type LocalSms = { to: string; text: string; ticketId?: string };

/** The SMS the local desk sent for one ticket. */
export async function localSmsOf(desk: TestDesk, ticketId: string): Promise<LocalSms[]> {
  return (await desk.call('GET', `/local/sms?ticketId=${ticketId}`)).body.messages;
}

/** Sets the local desk's clock (`POST /local/clock`); the test fails if it did not move. */
export async function setLocalClock(desk: TestDesk, set: string): Promise<void> {
  const res = await desk.call('POST', '/local/clock', { body: { set } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}
