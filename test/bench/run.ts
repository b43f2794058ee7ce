/**
 * `npm run bench`: the two performance budgets, measured in one run (not part of `npm test`).
 *
 * 1. Intake latency: sequential `POST /tickets` (a dispatch repair) through the local desk's HTTP server
 *    against an in-memory DynamoDB Local, next to the raw floor — the same writes (the number's
 *    UpdateItem on the register counter, then the three-item TransactWriteItems: ticket, event and
 *    register page, shaped by the store itself; ADR 010) sent straight with the DocumentClient to the
 *    same engine and table. Interleaved in blocks so drift hits both alike.
 *    Target: intake/raw ≤ 1.3 at p50.
 *    Also: the Amazon Connect function answering new contacts (a repair each) on the same desk's table,
 *    invoked as Connect invokes it. Target: p99 under 1 s (Connect waits at most 8 s). This was a test
 *    assertion once; a timing bound only holds on an idle machine, so it is measured here.
 * 3. Bursts on one register (test/bench/burst.ts): 50 intakes at once through the desk, in 50
 *    containers, through Connect and through Twilio, next to the intake's own writes sent raw at once.
 *    Target: all opened (no 409), numbers gap-free, desk p99 under 2 s; the phones within their limits.
 * 4. CSV export (test/bench/csv-export.ts): a month of 1,000 tickets seeded, GET /tickets?format=csv
 *    timed end to end through the desk. Target: under 3 s.
 * 5. The queue with 1,000 tickets (test/bench/queue.ts): the console in headless Chromium on a desk of
 *    its own, navigation → first contentful paint → rows → interactive, measured in the page.
 *    Target: interactive under 1.5 s (median of 7).
 * 2. Bundles: every Lambda entry bundled with the CDK's esbuild options, next to a baseline bundle that
 *    holds only the AWS SDK clients that entry uses; init = `require()` time in a fresh node process
 *    (median of 20). Target: bundle/baseline ≤ 1.25.
 *
 * Prints a table and writes the figures to `.bench/results.json`. Exits 0 whether targets pass or miss.
 * Env: BENCH_N (default 300) requests per series, BENCH_INIT_RUNS (default 20) child processes per bundle,
 * BENCH_BURST (default 50) intakes per burst, BENCH_BURST_ROUNDS (default 4) bursts per series.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { ConnectContactFlowEvent, ConnectContactFlowResult } from 'aws-lambda';
import { GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { BACKGROUND_HANDLERS, HTTP_ROUTES, IVR_ROUTES } from '../../infra/routes';
import { type Desk, startDesk } from '../../infra/local/desk';
import { type DynamoLocal, startDynamoLocal } from '../../infra/local/dynamo';
import { DEMO_PARK } from '../../infra/local/seed';
import { tokenFor } from '../../infra/local/token';
import { documentClient } from '../../shared/adapters/aws/core';
import { ENV } from '../../shared/config';
import { keys } from '../../shared/adapters/dynamo/table';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { systemClock, UlidIds } from '../../shared/adapters/ids';
import type { RepairIntake } from '../../shared/domain/repair';
import { openRepair } from '../../shared/domain/repair';
import { registerNumber } from '../../shared/domain/register-number';
import { localDay } from '../../shared/domain/time';
import { BENCH_CONNECT_INSTANCE, type BurstResult, benchBurst, burstReport, REPAIR } from './burst';
import { connectContactEvent } from '../support/connect-event';
import { benchMonthly, type MonthlyResult, monthlyReportLines } from './monthly';
import { benchCsvExport, type CsvExportResult, csvExportReport } from './csv-export';
import { benchQueue, type QueueResult, queueReport } from './queue';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const OUT = join(ROOT, '.bench');

const N = positiveInt(process.env.BENCH_N, 300);
const WARMUP = 30;
const BLOCK = 25;
const INIT_RUNS = positiveInt(process.env.BENCH_INIT_RUNS, 20);
const INTAKE_TARGET = 1.3;
const CONNECT_N = positiveInt(process.env.BENCH_CONNECT_N, 60);
const CONNECT_TARGET_MS = 1000;
const INIT_TARGET = 1.25;
const REGION = 'ap-east-1';

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// ---------------------------------------------------------------- statistics

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // nearest rank
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[rank - 1] as number;
}
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
const verdict = (ratio: number, target: number) => (ratio <= target ? 'PASS' : 'MISS');

// ---------------------------------------------------------------- 1. intake latency

interface SeriesStats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

function stats(samples: number[]): SeriesStats {
  return {
    n: samples.length,
    p50: round(quantile(samples, 0.5), 3),
    p99: round(quantile(samples, 0.99), 3),
    mean: round(samples.reduce((a, b) => a + b, 0) / samples.length, 3),
    min: round(Math.min(...samples), 3),
    max: round(Math.max(...samples), 3),
  };
}

interface IntakeResult {
  n: number;
  warmup: number;
  block: number;
  intake: SeriesStats;
  rawTransactWrite: SeriesStats;
  /** Informational: the intake's own DynamoDB calls (park Get, the number's UpdateItem, the transaction) sent raw. */
  rawIntakeCalls: SeriesStats;
  ratioP50: number;
  ratioP99: number;
  /** Informational: intake / its own DynamoDB calls sent raw. */
  ratioToOwnCallsP50: number;
  target: number;
  verdict: string;
}

/** A caller number of its own per request: the same caller's second repair would join the first (ADR 011). */
let benchCallers = 0;
const benchPhone = () => `+86135${String(++benchCallers).padStart(8, '0')}`;

async function benchIntake(dynamo: DynamoLocal, desk: Desk, jwtKey: string): Promise<IntakeResult> {
  const token = tokenFor(['dispatcher'], jwtKey);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

  async function intakeOnce(): Promise<number> {
    // Each its own caller: the duplicate Query runs (and finds nothing), as for a new call.
    const body = JSON.stringify({ ...REPAIR, caller: { ...REPAIR.caller, phone: benchPhone() } });
    const t = performance.now();
    const res = await fetch(`${desk.url}/tickets`, { method: 'POST', headers, body });
    const text = await res.text();
    const ms = performance.now() - t;
    if (res.status !== 201) throw new Error(`POST /tickets answered ${res.status}: ${text}`);
    return ms;
  }

  // The raw side: its own client, configured as the desk's (same endpoint, region, document options).
  const client = new DynamoDBClient({
    endpoint: dynamo.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const db = documentClient(client);
  const ids = new UlidIds(systemClock);
  const intake: RepairIntake = (({ kind: _k, ...rest }) => rest)(REPAIR) as unknown as RepairIntake;
  const actor = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], name: '陈静' };

  // The store builds the transaction; a capturing client hands us its input so the items are the store's own.
  let captured: TransactWriteCommandInput | undefined;
  const shaper = new DynamoTicketStore(
    {
      send: async (command: TransactWriteCommand) => {
        captured = command.input;
        return {};
      },
    } as unknown as DynamoDBDocumentClient,
    desk.tableName,
  );
  // Separate registers from the desk's 'R'; each series' numbers are its own counter's, in order.
  const counters: Record<string, number> = { B: 0, C: 0 };
  const rawStore = new DynamoTicketStore(db, desk.tableName);
  async function transactionFor(
    register: 'B' | 'C',
  ): Promise<{ input: TransactWriteCommandInput; id: string; now: Date; day: string; value: number }> {
    const now = new Date();
    const day = localDay(now, DEMO_PARK.timeZone);
    const value = ++counters[register]!;
    const id = ids.next();
    const { ticket, event } = openRepair(
      { id, parkId: DEMO_PARK.id, number: registerNumber(register, day, value), intake },
      { now, actor, park: DEMO_PARK, staff: [] },
    );
    captured = undefined;
    await shaper.create(ticket, event, { register, day, value });
    if (!captured) throw new Error('the store did not send a TransactWriteItems');
    return { input: captured, id, now, day, value };
  }

  /** The intake's writes (ADR 010): the number's UpdateItem, then the ticket's transaction. */
  async function writesOf(register: 'B' | 'C', shaped: Awaited<ReturnType<typeof transactionFor>>) {
    const where = { parkId: DEMO_PARK.id, register, day: shaped.day };
    const value = await rawStore.reserveNumber(where, shaped.id, shaped.now);
    if (value !== shaped.value)
      throw new Error(`register ${register} handed out ${value}, not ${shaped.value}`);
    await db.send(new TransactWriteCommand(shaped.input));
  }

  async function rawOnce(): Promise<number> {
    const shaped = await transactionFor('B');
    const t = performance.now();
    await writesOf('B', shaped);
    return performance.now() - t;
  }

  /** What the intake sends to DynamoDB, without HTTP/handler: park Get, the number's UpdateItem, the transaction. */
  async function rawCallsOnce(): Promise<number> {
    const shaped = await transactionFor('C');
    const t = performance.now();
    await db.send(new GetCommand({ TableName: desk.tableName, Key: keys.park(DEMO_PARK.id) }));
    await writesOf('C', shaped);
    return performance.now() - t;
  }

  try {
    for (let i = 0; i < WARMUP; i++) {
      await intakeOnce();
      await rawOnce();
      await rawCallsOnce();
    }
    const samples = { intake: [] as number[], raw: [] as number[], calls: [] as number[] };
    const series = [
      { run: intakeOnce, into: samples.intake },
      { run: rawOnce, into: samples.raw },
      { run: rawCallsOnce, into: samples.calls },
    ];
    for (let done = 0, b = 0; done < N; done += BLOCK, b++) {
      const size = Math.min(BLOCK, N - done);
      // Rotate which series goes first so none always follows the same neighbour.
      for (let s = 0; s < series.length; s++) {
        const { run, into } = series[(b + s) % series.length]!;
        for (let i = 0; i < size; i++) into.push(await run());
      }
    }
    const intakeStats = stats(samples.intake);
    const rawStats = stats(samples.raw);
    const callStats = stats(samples.calls);
    const ratioP50 = round(intakeStats.p50 / rawStats.p50);
    return {
      n: N,
      warmup: WARMUP,
      block: BLOCK,
      intake: intakeStats,
      rawTransactWrite: rawStats,
      rawIntakeCalls: callStats,
      ratioP50,
      ratioP99: round(intakeStats.p99 / rawStats.p99),
      ratioToOwnCallsP50: round(intakeStats.p50 / callStats.p50),
      target: INTAKE_TARGET,
      verdict: verdict(ratioP50, INTAKE_TARGET),
    };
  } finally {
    client.destroy();
  }
}

// ---------------------------------------------------------------- 1b. Amazon Connect

interface ConnectResult {
  n: number;
  latency: SeriesStats;
  targetP99Ms: number;
  verdict: string;
}

/** The Connect instance the bench's contacts come through, configured for the demo park before the desk starts. */

/** A contact flow's "Invoke AWS Lambda function" event: a resident of 3-2-1502 reports a repair, each from a number of its own. */
function contactEvent(contactId: string, description: string): ConnectContactFlowEvent {
  return connectContactEvent({
    contactId,
    phone: benchPhone(),
    instanceArn: BENCH_CONNECT_INSTANCE,
    parameters: { kind: 'repair', description, unit: REPAIR.caller.unit },
  });
}

/** New contacts one after another through the Connect handler, on the IVR deps the desk provided. */
async function benchConnect(): Promise<ConnectResult> {
  const { handler } = (await import('../../functions/ivr/connect')) as {
    handler: (event: ConnectContactFlowEvent) => Promise<ConnectContactFlowResult>;
  };
  async function once(i: number): Promise<number> {
    const t = performance.now();
    const answer = await handler(contactEvent(randomUUID(), `第${i}次报修:水管漏水`));
    const ms = performance.now() - t;
    if (answer.status !== 'opened') throw new Error(`Connect answered ${JSON.stringify(answer)}`);
    return ms;
  }
  for (let i = 0; i < 5; i++) await once(i);
  const samples: number[] = [];
  for (let i = 0; i < CONNECT_N; i++) samples.push(await once(i));
  const latency = stats(samples);
  return {
    n: CONNECT_N,
    latency,
    targetP99Ms: CONNECT_TARGET_MS,
    verdict: latency.p99 < CONNECT_TARGET_MS ? 'PASS' : 'MISS',
  };
}

// ---------------------------------------------------------------- 2. bundles and init

type OptionsFor = (entryPath: string, outfile: string) => BuildOptions;

/** The CDK's esbuild options (infra/aws/bundling.ts); the same settings locally if that module is missing. */
async function bundlingOptions(): Promise<{ optionsFor: OptionsFor; source: string }> {
  try {
    const mod = (await import('../../infra/aws/bundling')) as { esbuildOptionsFor?: OptionsFor };
    if (typeof mod.esbuildOptionsFor === 'function') {
      return { optionsFor: mod.esbuildOptionsFor, source: 'infra/aws/bundling.ts esbuildOptionsFor' };
    }
  } catch {
    // fall through to the local copy
  }
  return {
    optionsFor: (entryPath, outfile) => ({
      entryPoints: [entryPath],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      minify: true,
      sourcemap: false,
      external: [],
      logLevel: 'warning',
    }),
    source: 'local copy in test/bench/run.ts (infra/aws/bundling.ts had no esbuildOptionsFor)',
  };
}

/**
 * The AWS SDK packages a baseline may hold, with what it exports from each so it is not tree-shaken
 * away. An entry's baseline holds exactly those of them that its own bundle contains.
 */
const BASELINE_EXPORT: Record<string, string> = {
  '@aws-sdk/client-dynamodb': 'DynamoDBClient',
  '@aws-sdk/lib-dynamodb': 'DynamoDBDocumentClient',
  '@aws-sdk/client-scheduler': 'SchedulerClient',
  '@aws-sdk/client-sns': 'SNSClient',
  '@aws-sdk/client-ssm': 'SSMClient',
  '@aws-sdk/util-dynamodb': 'unmarshall',
};

interface Entry {
  name: string;
  entry: string;
}

function lambdaEntries(): Entry[] {
  const named = (entry: string) => ({
    name: entry
      .replace(/^functions\/(http\/)?/, '')
      .replace(/\.ts$/, '')
      .replace('/', '-'),
    entry,
  });
  const http = [...new Set(HTTP_ROUTES.map((r) => r.handler))].map((h) => named(`functions/http/${h}.ts`));
  const ivr = [...new Set(IVR_ROUTES.map((r) => r.handler))].map((h) =>
    named(`functions/http/${h}.ts`.replace('http/../', '')),
  );
  const background = Object.values(BACKGROUND_HANDLERS).map(named);
  return [...http, ...ivr, named('functions/ivr/connect.ts'), ...background];
}

/** The inputs of a one-output bundle, by path. */
const inputsOf = (meta: Metafile) => Object.values(meta.outputs)[0]?.inputs ?? {};

/** The baseline packages an entry's bundle uses. */
function sdkIn(metafile: Metafile): string[] {
  const used = new Set(Object.keys(inputsOf(metafile)).map(packageOf));
  return Object.keys(BASELINE_EXPORT).filter((p) => used.has(p));
}

/** The package an esbuild input path belongs to ('app' for our own code). */
function packageOf(path: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? (m[1] as string) : 'app';
}

/** Output bytes of the bundle that the baseline does not have, by package: what the entry adds to the SDK. */
function extraOverBaseline(
  bundle: Metafile,
  baseline: Metafile,
): { extra: Record<string, number>; shared: number } {
  const base = new Set(Object.keys(inputsOf(baseline)));
  const extra: Record<string, number> = {};
  let shared = 0;
  for (const [path, { bytesInOutput }] of Object.entries(inputsOf(bundle))) {
    if (base.has(path)) shared += bytesInOutput;
    else extra[packageOf(path)] = (extra[packageOf(path)] ?? 0) + bytesInOutput;
  }
  return { extra: Object.fromEntries(Object.entries(extra).sort((a, b) => b[1] - a[1])), shared };
}

const CHILD =
  'const p=process.argv[1];const t=performance.now();require(p);process.stdout.write(String(performance.now()-t));';

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_REGION: REGION,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  delete env.NODE_OPTIONS; // no tsx loader in the children
  return env;
}

function initOnce(bundle: string, env: NodeJS.ProcessEnv): number {
  const out = spawnSync(process.execPath, ['-e', CHILD, bundle], { env, encoding: 'utf8' });
  const ms = Number(out.stdout);
  if (out.status !== 0 || !Number.isFinite(ms)) {
    throw new Error(`require(${bundle}) failed (exit ${out.status}): ${out.stderr || out.stdout}`);
  }
  return ms;
}

interface BundleResult {
  name: string;
  entry: string;
  sdk: string[];
  sizeKB: number;
  baselineSizeKB: number;
  initMs: number;
  baselineInitMs: number;
  ratio: number;
  target: number;
  verdict: string;
  /** KB of the bundle's code that the baseline also has (the SDK clients and their dependencies). */
  sharedWithBaselineKB: number;
  /** KB of the bundle's code the baseline does not have, by package ('app' = this repository). */
  extraKB: Record<string, number>;
}

async function benchBundles(): Promise<{ optionsSource: string; bundles: BundleResult[] }> {
  const { optionsFor, source } = await bundlingOptions();
  const dir = join(OUT, 'bundles');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'baseline-src'), { recursive: true });
  const env = childEnv();
  const results: BundleResult[] = [];
  for (const e of lambdaEntries()) {
    const bundle = join(dir, `${e.name}.cjs`);
    const built = await build({ ...optionsFor(join(ROOT, e.entry), bundle), metafile: true });
    const baselineSrc = join(dir, 'baseline-src', `${e.name}.ts`);
    const sdk = sdkIn(built.metafile);
    writeFileSync(baselineSrc, sdk.map((p) => `export { ${BASELINE_EXPORT[p]} } from '${p}';\n`).join(''));
    const baseline = join(dir, `${e.name}.baseline.cjs`);
    const builtBaseline = await build({ ...optionsFor(baselineSrc, baseline), metafile: true });
    const { extra, shared } = extraOverBaseline(built.metafile, builtBaseline.metafile);

    // Alternate bundle and baseline so drift affects both alike; one untimed run each warms the page cache.
    initOnce(bundle, env);
    initOnce(baseline, env);
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < INIT_RUNS; i++) {
      a.push(initOnce(bundle, env));
      b.push(initOnce(baseline, env));
    }
    const initMs = round(median(a));
    const baselineInitMs = round(median(b));
    const ratio = round(initMs / baselineInitMs);
    results.push({
      name: e.name,
      entry: e.entry,
      sdk,
      sizeKB: round(statSync(bundle).size / 1024, 1),
      baselineSizeKB: round(statSync(baseline).size / 1024, 1),
      initMs,
      baselineInitMs,
      ratio,
      target: INIT_TARGET,
      // A bundle without any SDK client (health) has nothing to be measured against.
      verdict: sdk.length ? verdict(ratio, INIT_TARGET) : 'PASS (no SDK)',
      sharedWithBaselineKB: round(shared / 1024, 1),
      extraKB: Object.fromEntries(Object.entries(extra).map(([k, v]) => [k, round(v / 1024, 1)])),
    });
    process.stderr.write(`  bundled and timed ${e.name}\n`);
  }
  return { optionsSource: source, bundles: results };
}

// ---------------------------------------------------------------- 3. report

function table(rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map(String));
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const sep = `|${widths.map((w, i) => (i === 0 ? `:${'-'.repeat(w + 1)}` : `${'-'.repeat(w + 1)}:`)).join('|')}|`;
  return [line(cells[0]!), sep, ...cells.slice(1).map(line)].join('\n');
}

/** 1-minute load average when each phase started and when the run ended (other work on the box skews timings). */
const LOAD: Record<string, number> = {};
const markLoad = (phase: string) => {
  LOAD[phase] = round(loadavg()[0] ?? 0);
};

function report(
  intake: IntakeResult,
  connect: ConnectResult,
  burst: BurstResult,
  bundles: { optionsSource: string; bundles: BundleResult[] },
  seconds: number,
  csvExport: CsvExportResult,
  monthly?: MonthlyResult,
  queue?: QueueResult,
) {
  const i = intake;
  const out: string[] = [];
  out.push('');
  out.push(
    `## estate-desk bench — ${new Date().toISOString()}, node ${process.version}, ${seconds.toFixed(0)} s, ` +
      `load avg (1 min) ${Object.entries(LOAD)
        .map(([k, v]) => `${k} ${v}`)
        .join(' / ')}`,
  );
  out.push('');
  out.push(
    `### Intake latency (N=${i.n} each, warm-up ${i.warmup}, blocks of ${i.block} interleaved; DynamoDB Local in memory)`,
  );
  out.push('');
  out.push(
    table([
      ['series', 'p50 ms', 'p99 ms', 'mean ms'],
      ['POST /tickets via local desk', i.intake.p50, i.intake.p99, i.intake.mean],
      [
        'raw UpdateItem + TransactWriteItems (3 items)',
        i.rawTransactWrite.p50,
        i.rawTransactWrite.p99,
        i.rawTransactWrite.mean,
      ],
      [
        '(info) raw park Get + UpdateItem + Tx',
        i.rawIntakeCalls.p50,
        i.rawIntakeCalls.p99,
        i.rawIntakeCalls.mean,
      ],
    ]),
  );
  out.push('');
  out.push(
    `intake/raw: p50 ${i.ratioP50.toFixed(2)}, p99 ${i.ratioP99.toFixed(2)} — target ≤ ${i.target} at p50: ${i.verdict}` +
      ` (intake / its own 3 DynamoDB calls sent raw: p50 ${i.ratioToOwnCallsP50.toFixed(2)})`,
  );
  out.push('');
  out.push(
    `Amazon Connect, new contacts (N=${connect.n}, a repair each): p50 ${connect.latency.p50} ms, ` +
      `p99 ${connect.latency.p99} ms, max ${connect.latency.max} ms — target p99 < ${connect.targetP99Ms} ms: ${connect.verdict}`,
  );
  out.push('');
  out.push(...burstReport(burst));
  out.push('');
  if (monthly) out.push(...monthlyReportLines(monthly), '');
  out.push(...csvExportReport(csvExport));
  out.push('');
  if (queue) out.push(...queueReport(queue), '');
  out.push(
    `### Bundles (esbuild options: ${bundles.optionsSource}; init = require() in a fresh node, median of ${INIT_RUNS})`,
  );
  out.push('');
  out.push(
    table([
      ['entry', 'size KB', 'base KB', 'init ms', 'base ms', 'ratio', `≤${INIT_TARGET}`, 'KB not in baseline'],
      ...bundles.bundles.map((b) => {
        const extra = Object.entries(b.extraKB)
          .filter(([, v]) => v >= 0.5)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ');
        return [
          b.name,
          b.sizeKB,
          b.baselineSizeKB,
          b.initMs,
          b.baselineInitMs,
          b.ratio.toFixed(2),
          b.verdict,
          extra,
        ];
      }),
    ]),
  );
  out.push('');
  const misses = bundles.bundles.filter((b) => b.verdict === 'MISS').length;
  out.push(
    `Summary: intake ${i.verdict} (p50 ratio ${i.ratioP50.toFixed(2)}, target ≤ ${i.target}); ` +
      `Connect ${connect.verdict} (p99 ${connect.latency.p99} ms, target < ${connect.targetP99Ms} ms); ` +
      `burst ${burst.verdict} (desk p99 ${burst.desk.p99} ms, ${burst.desk.refused409} × 409, target < ${burst.targetP99Ms} ms; ` +
      `Connect ${burst.connect.verdict}, Twilio ${burst.twilio.verdict}); ` +
      `CSV export ${csvExport.verdict} (median ${csvExport.ms.median} ms, target < ${csvExport.targetMs} ms); ` +
      `init ${misses === 0 ? 'PASS' : 'MISS'} (${bundles.bundles.length - misses}/${bundles.bundles.length} entries ≤ ${INIT_TARGET}, ` +
      `worst ${Math.max(...bundles.bundles.filter((b) => b.sdk.length).map((b) => b.ratio)).toFixed(2)})`,
  );
  out.push(`Figures: .bench/results.json`);
  console.log(out.join('\n'));
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  const started = performance.now();
  mkdirSync(OUT, { recursive: true });
  process.env.LOG_LEVEL ??= 'warn';
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  let dynamo: DynamoLocal | undefined;
  let desk: Desk | undefined;
  const stopAll = async () => {
    const d = desk;
    const e = dynamo;
    desk = undefined;
    dynamo = undefined;
    await d?.close().catch((error) => console.error('desk close failed:', error));
    await e?.stop().catch((error) => console.error('DynamoDB Local stop failed:', error));
  };
  const onSignal = (signal: NodeJS.Signals) => {
    interrupted = signal;
    process.stderr.write(`${signal}: stopping the desk and DynamoDB Local…\n`);
    stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  let intake: IntakeResult;
  let connect: ConnectResult;
  let burst: BurstResult;
  let monthly: MonthlyResult | undefined;
  let csvExport: CsvExportResult;
  let queue: QueueResult | undefined;
  // The Connect function takes contacts only from a configured instance (the desk reads this at start).
  process.env.CONNECT_INSTANCES ??= JSON.stringify({ [BENCH_CONNECT_INSTANCE]: DEMO_PARK.id });
  try {
    process.stderr.write('starting DynamoDB Local and the desk…\n');
    // Connect contacts are taken only from a configured instance (the park is the instance's).
    process.env[ENV.connectInstances] = JSON.stringify({ [BENCH_CONNECT_INSTANCE]: DEMO_PARK.id });
    dynamo = await startDynamoLocal();
    // First, on a desk of its own (one desk at a time: the handlers read the last started desk's deps).
    process.stderr.write('measuring the queue with 1,000 tickets in Chromium…\n');
    markLoad('queue');
    queue = await benchQueue(dynamo.endpoint);
    const jwtKey = randomBytes(16).toString('hex');
    desk = await startDesk({
      dynamoEndpoint: dynamo.endpoint,
      tableName: `bench-${Date.now()}`,
      jwtKey,
      port: 0,
      pollIntervalMs: 0,
    });
    // One token sends every request: its allowance is still counted on each (one UpdateItem, ADR
    // 011, measured with the rest), but set past what the bench sends.
    await documentClient(
      new DynamoDBClient({
        endpoint: dynamo.endpoint,
        region: REGION,
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      }),
    ).send(
      new UpdateCommand({
        TableName: desk.tableName,
        Key: keys.park(DEMO_PARK.id),
        UpdateExpression: 'SET limits = :limits',
        ExpressionAttributeValues: { ':limits': { ...DEMO_PARK.limits, writesPerToken: 100_000 } },
      }),
    );
    process.stderr.write(`measuring intake (N=${N})…\n`);
    markLoad('intake');
    intake = await benchIntake(dynamo, desk, jwtKey);
    process.stderr.write(`measuring Amazon Connect (N=${CONNECT_N})…\n`);
    markLoad('connect');
    connect = await benchConnect();
    process.stderr.write('measuring bursts on one register…\n');
    markLoad('burst');
    burst = await benchBurst(dynamo, desk, tokenFor(['dispatcher'], jwtKey));
    process.stderr.write('measuring the monthly summary on 10,000 tickets…\n');
    markLoad('monthly');
    monthly = await benchMonthly(dynamo, desk, tokenFor(['dispatcher'], jwtKey));
    process.stderr.write('measuring the CSV export of a month of 1,000 tickets…\n');
    markLoad('csv');
    csvExport = await benchCsvExport(dynamo.endpoint, desk, tokenFor(['manager'], jwtKey));
  } finally {
    // Stop the JVM before timing child processes: it would compete for the 2 cores.
    await stopAll();
  }

  process.stderr.write('bundling and timing init…\n');
  markLoad('init');
  const bundles = await benchBundles();
  const seconds = (performance.now() - started) / 1000;
  markLoad('end');
  writeFileSync(
    join(OUT, 'results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, seconds: round(seconds, 1), loadAverage1m: LOAD, intake, connect, burst, csvExport, monthly, queue, ...bundles }, null, 2)}\n`,
  );
  report(intake, connect, burst, bundles, seconds, csvExport, monthly, queue);
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
}

/** Set on SIGINT/SIGTERM: requests then fail because the desk is closing, which is no news. */
let interrupted: NodeJS.Signals | undefined;

main().then(
  () => process.exit(0),
  (error) => {
    if (interrupted) return; // the signal handler exits once everything is stopped
    console.error('bench failed:', error);
    process.exit(1);
  },
);
