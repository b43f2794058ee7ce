/**
 * `npm run bench`, part 3: bursts on one register (issue 10, item 5; ADR 010). Each round puts the
 * desk's clock on a day of its own (a fresh register) and fires, all at once:
 * - BURST × `POST /tickets` through the local desk's HTTP server (one process, as `npm start`);
 * - BURST × `openTicket` in BURST "containers", each with its own DynamoDB client and store, as
 *   Lambda runs one request per container (warmed first, as a burst meets warm containers);
 * - BURST × Amazon Connect contacts through the Connect function (Connect gives up at 8 s);
 * - BURST × Twilio webhooks at the step that opens the repair, signed (Twilio gives up at 15 s);
 * - the baseline: BURST × the intake's own two writes sent raw with the DocumentClient (the number's
 *   UpdateItem, then the ticket's TransactWriteItems) on another register of the same table.
 * Series rotate their order each round so drift hits each alike. Reported per series: p50/p95/p99/max,
 * how many were refused (409) or failed otherwise, and whether every round's numbers were
 * consecutive and unique; the desk's p99 against the baseline's p99 in the same run (a ratio), and
 * against the absolute target (p99 < 2 s, none refused).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { ConnectContactFlowEvent, ConnectContactFlowResult } from 'aws-lambda';
import type { Desk } from '../../infra/local/desk';
import type { DynamoLocal } from '../../infra/local/dynamo';
import { DEMO_PARK } from '../../infra/local/seed';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { systemClock, UlidIds } from '../../shared/adapters/ids';
import type { CoreDeps } from '../../shared/app/deps';
import { openTicket } from '../../shared/app/open-ticket';
import { ConcurrentChange } from '../../shared/domain/errors';
import { registerNumber } from '../../shared/domain/register-number';
import type { RepairIntake } from '../../shared/domain/repair';
import { openRepair } from '../../shared/domain/repair';
import { spellNumber } from '../../shared/ivr/call-tree';
import { expectedSignature } from '../../shared/ivr/twilio-signature';
import { connectContactEvent } from '../support/connect-event';

export const BURST = positiveInt(process.env.BENCH_BURST, 50);
const ROUNDS = positiveInt(process.env.BENCH_BURST_ROUNDS, 4);
export const BURST_TARGET_P99_MS = 2_000;
const CONNECT_LIMIT_MS = 8_000;
const TWILIO_LIMIT_MS = 15_000;
const REGION = 'ap-east-1';
/** The Connect instance the bench's desk is configured with (CONNECT_INSTANCES, set by run.ts). */
export const BENCH_CONNECT_INSTANCE = 'arn:aws:connect:ap-east-1:111122223333:instance/bench-0001';

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** The README's example repair (test/support/desk.ts repairBody needs vitest to load); run.ts uses it too. */
export const REPAIR = {
  kind: 'repair',
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-27T15:00:00+08:00',
  decision: 'dispatch',
} as const;

interface Outcome {
  ms: number;
  /** The number the client was given (heard, for the phones), if any. */
  number?: string;
  /** 409 (a refusal the old design gave), or what else went wrong. */
  refused?: boolean;
  failed?: string;
}

export interface BurstSeries {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  refused409: number;
  failed: number;
  /** Every round's numbers were unique and consecutive (no gap inside the burst). */
  gapFree: boolean;
  limitMs?: number;
  verdict?: string;
}

export interface BurstResult {
  burst: number;
  rounds: number;
  desk: BurstSeries;
  containers: BurstSeries;
  connect: BurstSeries;
  twilio: BurstSeries;
  rawWrites: BurstSeries;
  /** Desk p99 / raw-writes p99 in the same run. */
  ratioP99: number;
  containersRatioP99: number;
  targetP99Ms: number;
  verdict: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil(q * sorted.length)) - 1] ?? Number.NaN;
}

function gapFree(numbers: (string | undefined)[]): boolean {
  const values = numbers.map((n) => Number(/-(\d+)$/.exec(n ?? '')?.[1]));
  if (values.some((v) => !Number.isInteger(v))) return false;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.every((v, i) => i === 0 || v === (sorted[i - 1] as number) + 1);
}

function series(rounds: Outcome[][], limitMs?: number): BurstSeries {
  const all = rounds.flat();
  const ms = all.map((o) => o.ms);
  const refused = all.filter((o) => o.refused).length;
  const failed = all.filter((o) => o.failed).length;
  const out: BurstSeries = {
    n: all.length,
    p50: round2(quantile(ms, 0.5)),
    p95: round2(quantile(ms, 0.95)),
    p99: round2(quantile(ms, 0.99)),
    max: round2(Math.max(...ms)),
    refused409: refused,
    failed,
    gapFree: rounds.every((r) => r.every((o) => o.number) && gapFree(r.map((o) => o.number))),
  };
  if (limitMs !== undefined) {
    out.limitMs = limitMs;
    out.verdict = out.max < limitMs && refused + failed === 0 && out.gapFree ? 'PASS' : 'MISS';
  }
  return out;
}

async function timed(run: () => Promise<Omit<Outcome, 'ms'>>): Promise<Outcome> {
  const t = performance.now();
  try {
    const outcome = await run();
    return { ...outcome, ms: performance.now() - t };
  } catch (error) {
    return { ms: performance.now() - t, failed: String((error as Error).name ?? error) };
  }
}

export async function benchBurst(dynamo: DynamoLocal, desk: Desk, token: string): Promise<BurstResult> {
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const clients: DynamoDBClient[] = [];
  const newClient = () => {
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    clients.push(client);
    return client;
  };
  const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: [DEMO_PARK.id] };
  const containers: CoreDeps[] = Array.from({ length: BURST }, () => {
    const store = new DynamoTicketStore(documentClient(newClient()), desk.tableName);
    return { store, directory: store, clock: desk.clock, ids: new UlidIds(desk.clock) };
  });
  const raw = documentClient(newClient());
  const rawStore = new DynamoTicketStore(raw, desk.tableName);
  const { handler: connect } = (await import('../../functions/ivr/connect')) as {
    handler: (event: ConnectContactFlowEvent) => Promise<ConnectContactFlowResult>;
  };

  const deskBurst = () =>
    Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        timed(async () => {
          const res = await fetch(`${desk.url}/tickets`, {
            method: 'POST',
            headers,
            body: JSON.stringify({ ...REPAIR, description: `并发报修 ${i}` }),
          });
          const body = (await res.json()) as { ticket?: { number?: string } };
          if (res.status === 201) return { number: body.ticket?.number ?? '' };
          return res.status === 409 ? { refused: true } : { failed: `HTTP ${res.status}` };
        }),
      ),
    );

  const containerBurst = () =>
    Promise.all(
      containers.map((deps, i) =>
        timed(async () => {
          try {
            const opened = await openTicket(deps, dispatcher, { ...REPAIR, description: `并发报修 ${i}` });
            return { number: opened.ticket.number ?? '' };
          } catch (error) {
            if (error instanceof ConcurrentChange) return { refused: true };
            throw error;
          }
        }),
      ),
    );

  const connectBurst = () =>
    Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        timed(async () => {
          const answer = await connect(contactEvent(randomUUID(), `第${i}次报修:水管漏水`));
          if (answer.status !== 'opened') return { failed: `Connect ${answer.status}: ${answer.reason}` };
          return { number: answer.ticketNumber ?? '' };
        }),
      ),
    );

  const twilioBurst = async (day: string) => {
    const answers = await Promise.all(
      Array.from({ length: BURST }, (_, i) =>
        timed(async () => {
          const path = '/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=1';
          const params = {
            CallSid: `CA${randomUUID().replaceAll('-', '')}`,
            AccountSid: `AC${'b'.repeat(32)}`,
            From: REPAIR.caller.phone,
            To: '+862100000000',
            CallStatus: 'in-progress',
            SpeechResult: `第${i}次报修,水管漏水`,
          };
          const url = `${desk.ivr.publicBaseUrl}${path}`;
          const res = await fetch(`${desk.url}${path}`, {
            method: 'POST',
            headers: {
              'content-type': 'application/x-www-form-urlencoded',
              'x-twilio-signature': expectedSignature(desk.ivr.twilioAuthToken, url, params),
            },
            body: new URLSearchParams(params).toString(),
          });
          const twiml = await res.text();
          if (res.status !== 200 || twiml.includes('<Dial')) return { failed: 'put through to a person' };
          return { number: twiml };
        }),
      ),
    );
    // Which number each caller heard, digit by digit (after the clock stopped: a fresh register).
    const spoken = Array.from({ length: BURST * 2 }, (_, i) => registerNumber('R', day, i + 1));
    return answers.map((answer) => {
      if (answer.failed || answer.number === undefined) return answer;
      const twiml = answer.number;
      const heard = spoken.find((number) => twiml.includes(spellNumber(number)));
      return heard ? { ms: answer.ms, number: heard } : { ms: answer.ms, failed: 'no number heard' };
    });
  };

  // The baseline: the intake's own two writes, sent raw, on register B of the same day.
  const ids = new UlidIds(systemClock);
  const intake = (({ kind: _k, ...rest }) => rest)(REPAIR) as unknown as RepairIntake;
  const actor = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], name: '陈静' };
  const rawBurst = (day: string) =>
    Promise.all(
      Array.from({ length: BURST }, () =>
        timed(async () => {
          const id = ids.next();
          const now = desk.clock.now();
          const where = { parkId: DEMO_PARK.id, register: 'B', day };
          const value = await rawStore.reserveNumber(where, id, now);
          const number = registerNumber('B', day, value);
          const { ticket, event } = openRepair(
            { id, parkId: DEMO_PARK.id, number, intake },
            { now, actor, park: DEMO_PARK, staff: [] },
          );
          await raw.send(
            new TransactWriteCommand(await transactionOf(desk.tableName, ticket, event, value, day)),
          );
          return { number };
        }),
      ),
    );

  try {
    // Warm every container's connection and park cache, as a burst meets warm Lambdas.
    await Promise.all(containers.map((deps) => deps.directory.park(DEMO_PARK.id)));
    const rounds: Record<'desk' | 'containers' | 'connect' | 'twilio' | 'raw', Outcome[][]> = {
      desk: [],
      containers: [],
      connect: [],
      twilio: [],
      raw: [],
    };
    const start = Date.parse('2027-03-01T10:00:00+08:00');
    for (let r = 0; r < ROUNDS; r++) {
      const kinds = ['desk', 'containers', 'connect', 'twilio', 'raw'] as const;
      for (let s = 0; s < kinds.length; s++) {
        const kind = kinds[(r + s) % kinds.length]!;
        // A register of its own per burst: a day of its own on the desk's clock.
        const at = new Date(start + (r * kinds.length + s) * 86_400_000);
        desk.clock.set(at);
        const day = at.toLocaleDateString('sv-SE', { timeZone: DEMO_PARK.timeZone }).replaceAll('-', '');
        const outcomes =
          kind === 'desk'
            ? await deskBurst()
            : kind === 'containers'
              ? await containerBurst()
              : kind === 'connect'
                ? await connectBurst()
                : kind === 'twilio'
                  ? await twilioBurst(day)
                  : await rawBurst(day);
        rounds[kind].push(outcomes);
        process.stderr.write(`  burst round ${r + 1}/${ROUNDS}: ${kind}\n`);
      }
    }
    const deskSeries = series(rounds.desk, BURST_TARGET_P99_MS);
    deskSeries.verdict =
      deskSeries.p99 < BURST_TARGET_P99_MS &&
      deskSeries.refused409 + deskSeries.failed === 0 &&
      deskSeries.gapFree
        ? 'PASS'
        : 'MISS';
    const containersSeries = series(rounds.containers);
    const rawSeries = series(rounds.raw);
    return {
      burst: BURST,
      rounds: ROUNDS,
      desk: deskSeries,
      containers: containersSeries,
      connect: series(rounds.connect, CONNECT_LIMIT_MS),
      twilio: series(rounds.twilio, TWILIO_LIMIT_MS),
      rawWrites: rawSeries,
      ratioP99: round2(deskSeries.p99 / rawSeries.p99),
      containersRatioP99: round2(containersSeries.p99 / rawSeries.p99),
      targetP99Ms: BURST_TARGET_P99_MS,
      verdict: deskSeries.verdict,
    };
  } finally {
    for (const client of clients) client.destroy();
  }
}

/** The store's own TransactWriteItems for a new ticket, captured from `create` without sending it. */
async function transactionOf(
  tableName: string,
  ticket: Parameters<DynamoTicketStore['create']>[0],
  event: Parameters<DynamoTicketStore['create']>[1],
  value: number,
  day: string,
): Promise<TransactWriteCommandInput> {
  let captured: TransactWriteCommandInput | undefined;
  const shaper = new DynamoTicketStore(
    {
      send: async (command: TransactWriteCommand) => {
        captured = command.input;
        return {};
      },
    } as unknown as DynamoDBDocumentClient,
    tableName,
  );
  await shaper.create(ticket, event, { register: 'B', day, value });
  if (!captured) throw new Error('the store did not send a TransactWriteItems');
  return captured;
}

function contactEvent(contactId: string, description: string): ConnectContactFlowEvent {
  return connectContactEvent({
    contactId,
    phone: REPAIR.caller.phone,
    instanceArn: BENCH_CONNECT_INSTANCE,
    parameters: { kind: 'repair', description },
  });
}

/** The burst's lines of the bench's report. */
export function burstReport(b: BurstResult): string[] {
  const row = (name: string, s: BurstSeries) =>
    `| ${name.padEnd(44)} | ${String(s.p50).padStart(8)} | ${String(s.p95).padStart(8)} | ${String(s.p99).padStart(8)} | ${String(s.max).padStart(8)} | ${String(s.refused409).padStart(4)} | ${String(s.failed).padStart(6)} | ${(s.gapFree ? 'yes' : 'NO').padStart(8)} |`;
  return [
    `### Bursts on one register (${b.burst} at once, ${b.rounds} rounds each, a fresh register per burst; ADR 010)`,
    '',
    `| ${'series'.padEnd(44)} |   p50 ms |   p95 ms |   p99 ms |   max ms |  409 | failed | gap-free |`,
    `|:${'-'.repeat(45)}|---------:|---------:|---------:|---------:|-----:|-------:|---------:|`,
    row('POST /tickets via local desk', b.desk),
    row(`openTicket in ${b.burst} containers (as Lambda)`, b.containers),
    row('Amazon Connect function', b.connect),
    row('Twilio webhook (the step that opens)', b.twilio),
    row('baseline: raw UpdateItem + TransactWriteItems', b.rawWrites),
    '',
    `desk burst: p99 ${b.desk.p99} ms (target < ${b.targetP99Ms} ms), ${b.desk.refused409} × 409, ` +
      `${b.desk.failed} failed, gap-free ${b.desk.gapFree ? 'yes' : 'NO'}: ${b.verdict}; ` +
      `p99 / raw-writes p99 = ${b.ratioP99.toFixed(2)} (containers ${b.containersRatioP99.toFixed(2)})`,
    `phones: Connect max ${b.connect.max} ms (gives up at ${b.connect.limitMs} ms): ${b.connect.verdict}; ` +
      `Twilio max ${b.twilio.max} ms (gives up at ${b.twilio.limitMs} ms): ${b.twilio.verdict}`,
  ];
}
