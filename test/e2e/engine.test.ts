/**
 * `npm start` and its DynamoDB Local (a Java process): the desk killed with `kill -9` leaves the
 * engine running, and the next start stops that one before it starts its own (never two engines on
 * one data folder); an engine that dies under a running desk is started again by the desk, which
 * stays up and serves again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../../infra/local/dynamo';
import { localSigningKey } from '../../infra/local/jwt';
import { dataPaths } from '../../infra/local/paths';
import { tokenFor } from '../../infra/local/token';
import { repairBody } from '../support/desk';

const temp = mkdtempSync(join(tmpdir(), 'estate-desk-engine-'));
const dataDir = join(temp, 'data');
const paths = dataPaths(dataDir);
const started: ChildProcess[] = [];

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.pid) kill(-child.pid, 'SIGINT');
  await until(() => engines().length === 0, 30_000).catch(() => undefined);
  for (const pid of engines()) kill(pid, 'SIGKILL');
  rmSync(temp, { recursive: true, force: true });
});

function kill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // gone already
  }
}

function alive(pid: number): boolean {
  try {
    return !readFileSync(`/proc/${pid}/stat`, 'utf8').includes(') Z ');
  } catch {
    return false;
  }
}

/** The Java processes serving this test's data folder, read from /proc. */
function engines(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
        return (
          args.some((a) => a.endsWith('DynamoDBLocal.jar')) &&
          args[args.indexOf('-dbPath') + 1] === paths.dynamoDir
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
}

/** The engine's pid file: Java's pid and port, and the desk that started it. */
function pidFile(): { pid: number; port: number; owner: { pid: number } } | undefined {
  const file = join(paths.dynamoDir, 'dynamodb-local.pid');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : undefined;
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${condition}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** `npm start` in its own process group (as in a terminal), on this test's data folder. */
async function npmStart(port: number): Promise<ChildProcess & { output: () => string }> {
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), ESTATE_DESK_DATA: dataDir, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  started.push(child);
  let output = '';
  child.stdout?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    output += c.toString();
  });
  return Object.assign(child, { output: () => output });
}

async function status(url: string, token?: string): Promise<number> {
  return fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {}).then(
    (r) => r.status,
    () => 0,
  );
}

describe('the desk and its DynamoDB Local', () => {
  it('after kill -9 of the desk, the next start stops the engine left behind; a dead engine is started again', async () => {
    // Prepare: a desk with a ticket in it.
    const port = await freePort();
    const desk = `http://127.0.0.1:${port}`;
    const first = await npmStart(port);
    await until(async () => (await status(`${desk}/health`)) === 200, 90_000);
    const token = tokenFor(['dispatcher'], localSigningKey(paths.jwtKeyFile));
    const opened = await fetch(`${desk}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(repairBody()),
    }).then((r) => r.json() as Promise<{ ticket: { id: string } }>);
    expect(engines()).toHaveLength(1);
    const leftBehind = engines()[0] ?? 0;

    // Act 1: kill -9 the desk's own process (Java's parent, not npm or tsx); its engine stays, as after a crash.
    const deskPid = parentOf(leftBehind);
    expect(readFileSync(`/proc/${deskPid}/cmdline`, 'utf8')).toContain('infra/local/start.ts');
    kill(deskPid, 'SIGKILL');
    await until(() => first.exitCode !== null || first.signalCode !== null, 30_000);
    expect(alive(leftBehind)).toBe(true);
    const second = await npmStart(port);
    await until(async () => (await status(`${desk}/health`)) === 200, 90_000);

    // Assess 1: one engine on the folder, not the one left behind, named by the pid file; the data is there.
    expect(alive(leftBehind)).toBe(false);
    const serving = pidFile();
    expect(engines()).toEqual([serving?.pid]);
    expect(serving?.pid).not.toBe(leftBehind);
    expect(serving?.owner.pid).toBe(parentOf(serving?.pid ?? 0));
    expect(await status(`${desk}/tickets/${opened.ticket.id}`, token)).toBe(200);
    expect(second.output()).toContain('stopping the DynamoDB Local a stopped desk left running');

    // Act 2: the engine dies under the running desk.
    kill(serving?.pid ?? 0, 'SIGKILL');
    await until(() => pidFile()?.pid !== serving?.pid && engines().length === 1, 90_000);
    await until(async () => (await status(`${desk}/staff`, token)) === 200, 90_000);

    // Assess 2: the same desk process serves again, on a new engine, and the stream goes on.
    expect(second.exitCode).toBeNull();
    expect(alive(serving?.owner.pid ?? 0)).toBe(true);
    expect(engines()).toEqual([pidFile()?.pid]);
    const ticket = await fetch(`${desk}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(repairBody({ description: '卫生间漏水' })),
    });
    expect(ticket.status).toBe(201);
    expect(second.output().match(/DynamoDB Local exited; starting it again/g)).toHaveLength(1);

    // Ctrl-C stops the desk and its engine.
    const exited = new Promise<void>((done) => second.once('exit', () => done()));
    kill(-(second.pid ?? 0), 'SIGINT');
    await exited;
    await until(() => engines().length === 0, 30_000);
    expect(existsSync(join(paths.dynamoDir, 'dynamodb-local.pid'))).toBe(false);
  }, 420_000);
});
