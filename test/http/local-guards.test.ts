/**
 * The local desk is not an open door: `/local/*` needs a token from `npm run token` (the outbox holds
 * live acknowledgement links and phone numbers), the desk listens on loopback unless told otherwise,
 * and it refuses to start reachable from outside with the Twilio token that is in the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startDesk } from '../../infra/local/desk';
import { exposureProblem, isLoopbackUrl } from '../../infra/local/guards';
import { signToken } from '../../infra/local/jwt';
import { LOCAL_TWILIO_AUTH_TOKEN } from '../../shared/config';
import { startTestDesk, type TestDesk } from '../support/desk';
import { uniqueTableName } from '../support/store';

let desk: TestDesk;

beforeAll(async () => {
  desk = await startTestDesk();
});
afterAll(async () => {
  await desk?.close();
});

const LOCAL_ROUTES: [string, string, unknown?][] = [
  ['GET', '/local/sms'],
  ['GET', '/local/sms?ticketId=x'],
  ['GET', '/local/clock'],
  ['POST', '/local/clock', { advance: 'PT1M' }],
  // A route added under /local/ later is covered by the same check (the whole prefix is guarded).
  ['GET', '/local/anything-new'],
];

describe('the local routes need a token', () => {
  it.each(LOCAL_ROUTES)('%s %s without a token → 401 AUTH.UNAUTHENTICATED', async (method, path, body) => {
    const res = await desk.call(method, path, { token: '', ...(body ? { body } : {}) });

    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'AUTH.UNAUTHENTICATED', message: expect.any(String) } });
  });

  it('a token signed with another key, or not a token at all → 401', async () => {
    const forged = signToken(
      { sub: 'x', 'custom:staffId': 'x', 'cognito:groups': ['dispatcher'], 'custom:parks': '*' },
      'another key',
    );
    for (const token of [forged, 'not-a-jwt']) {
      expect((await desk.call('GET', '/local/sms', { token })).status).toBe(401);
    }
  });

  it('a refused POST /local/clock does not move the clock', async () => {
    const before = (await desk.call('GET', '/local/clock')).body.now;
    await desk.call('POST', '/local/clock', { token: '', body: { advance: 'PT5H' } });
    const after = (await desk.call('GET', '/local/clock')).body.now;

    expect(Date.parse(after) - Date.parse(before)).toBeLessThan(3_600_000);
  });

  it('any role’s token from npm run token will do (200)', async () => {
    for (const who of ['technician', 'dispatcher', 'gm']) {
      const res = await desk.call('GET', '/local/clock', { token: desk.token(who) });
      expect(res.status, who).toBe(200);
    }
  });
});

describe('requests Node refuses before any handler', () => {
  it('a request line over 16 KB → 431 with the desk’s error shape (was a bare status line)', async () => {
    const res = await desk.call('GET', `/tickets?kind=${'漏'.repeat(2000)}`, {
      token: desk.token('dispatcher'),
    });

    expect(res.status).toBe(431);
    expect(res.body).toEqual({ error: { code: 'REQUEST.HEADERS_TOO_LARGE', message: expect.any(String) } });
  });

  it('a request that is not HTTP → 400 with the error shape', async () => {
    const { connect } = await import('node:net');
    const answer = await new Promise<string>((done, fail) => {
      const socket = connect(desk.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk.toString();
      });
      socket.on('end', () => done(text));
      socket.on('error', fail);
    });

    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual({
      error: { code: 'REQUEST.MALFORMED', message: expect.any(String) },
    });
  });
});

/** An address of this machine that is not loopback, when it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;

describe('the desk listens on loopback unless told otherwise', () => {
  it.skipIf(!outside)('by default it cannot be reached on the machine’s other addresses', async () => {
    const reached = await fetch(`http://${outside}:${desk.port}/health`).then(
      () => true,
      () => false,
    );
    expect(reached).toBe(false);
    expect((await fetch(`${desk.url}/health`)).status).toBe(200);
  });

  it.skipIf(!outside)('with host 0.0.0.0 (HOST=0.0.0.0 npm start) it can', async () => {
    const open = await startDesk({
      dynamoEndpoint: inject('dynamoEndpoint'),
      tableName: uniqueTableName('host'),
      jwtKey: 'k'.repeat(32),
      port: 0,
      pollIntervalMs: 0,
      host: '0.0.0.0',
    });
    try {
      expect((await fetch(`http://${outside}:${open.port}/health`)).status).toBe(200);
    } finally {
      await open.close();
    }
  });
});

describe('no public base URL with the public Twilio token', () => {
  it.each([
    ['http://127.0.0.1:3000', true],
    ['http://localhost:3000/', true],
    ['http://127.1.2.3', true],
    ['http://[::1]:3000', true],
    ['https://abc.ngrok-free.app', false],
    ['http://192.168.1.10:3000', false],
    ['http://127.0.0.1.example.com', false],
    ['not a url', false],
  ])('%s is loopback: %s', (url, loopback) => {
    expect(isLoopbackUrl(url)).toBe(loopback);
  });

  it('a tunnel with the default token (unset or spelled out) is a problem; with a real token or on loopback it is not', () => {
    const tunnel = 'https://abc.ngrok-free.app';
    expect(exposureProblem({ publicBaseUrl: tunnel, twilioAuthToken: undefined })).toMatch(
      /TWILIO_AUTH_TOKEN/,
    );
    expect(
      exposureProblem({ publicBaseUrl: tunnel, twilioAuthToken: LOCAL_TWILIO_AUTH_TOKEN }),
    ).toBeDefined();
    expect(exposureProblem({ publicBaseUrl: tunnel, twilioAuthToken: 'f'.repeat(32) })).toBeUndefined();
    expect(
      exposureProblem({ publicBaseUrl: 'http://127.0.0.1:3000', twilioAuthToken: undefined }),
    ).toBeUndefined();
    expect(exposureProblem({ publicBaseUrl: undefined, twilioAuthToken: undefined })).toBeUndefined();
  });

  it('startDesk refuses it', async () => {
    await expect(
      startDesk({
        dynamoEndpoint: inject('dynamoEndpoint'),
        tableName: uniqueTableName('exposed'),
        jwtKey: 'k'.repeat(32),
        port: 0,
        publicBaseUrl: 'https://abc.ngrok-free.app',
      }),
    ).rejects.toThrow(/TWILIO_AUTH_TOKEN/);
  });

  it('npm start refuses it with one line and exit 1, before starting DynamoDB Local', () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const dataDir = join(tmpdir(), `estate-desk-never-started-${process.pid}`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PUBLIC_BASE_URL: 'https://abc.ngrok-free.app',
      // A data folder that must stay untouched: nothing starts.
      ESTATE_DESK_DATA: dataDir,
    };
    delete env.TWILIO_AUTH_TOKEN;
    const out = spawnSync(process.execPath, [tsx, 'infra/local/start.ts'], {
      env,
      encoding: 'utf8',
      timeout: 60_000,
    });

    expect(out.status).toBe(1);
    const lines = out.stderr
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('estate-desk'));
    expect(lines).toEqual([expect.stringMatching(/^estate-desk: refusing to start: .*TWILIO_AUTH_TOKEN/)]);
    expect(existsSync(dataDir)).toBe(false);
  }, 60_000);
});
