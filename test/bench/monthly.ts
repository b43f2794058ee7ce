/**
 * `npm run bench`, part 4 (issue 13 item 4, ADR 021): the monthly summary on a park with 10,000
 * tickets spread over 12 months. The tickets are written as the store builds them (ticket-items.ts
 * `writeItems`: the ticket's item with its index keys; not its events, which no report reads) with BatchWriteItem,
 * each with the deadlines a repair records; then `GET /reports/monthly` for one month through the
 * local desk, timed, and its read capacity (ReturnConsumedCapacity, the report's `read`) set against
 * reading all 10,000 with the same Query over the whole park.
 * Targets: the month's report under 2 s (p50 of BENCH_MONTHLY_RUNS), and its read capacity
 * proportional to the month's tickets (month + look-back), not to all of them.
 * Alone: `npx tsx test/bench/monthly.ts` (starts its own DynamoDB Local and desk).
 */
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Desk } from '../../infra/local/desk';
import { startDesk } from '../../infra/local/desk';
import { type DynamoLocal, startDynamoLocal } from '../../infra/local/dynamo';
import { DEMO_PARK } from '../../infra/local/seed';
import { tokenFor } from '../../infra/local/token';
import { documentClient } from '../../shared/adapters/aws/core';
import { systemClock, UlidIds } from '../../shared/adapters/ids';
import { writeItems } from '../../shared/adapters/dynamo/ticket-items';
import { queryTicketsOpenedBetween } from '../../shared/adapters/dynamo/monthly';
import type { SettledDeadline } from '../../shared/domain/deadlines';
import { openRepair } from '../../shared/domain/repair';
import { registerNumber } from '../../shared/domain/register-number';
import type { Ticket } from '../../shared/domain/tickets';
import { localDay } from '../../shared/domain/time';

const TICKETS = positiveInt(process.env.BENCH_MONTHLY_TICKETS, 10_000);
const RUNS = positiveInt(process.env.BENCH_MONTHLY_RUNS, 5);
const MONTH = '2026-06';
/** The 12 months the tickets are spread over (Shanghai time), December 2025 to November 2026. */
const FIRST = Date.parse('2025-12-01T00:00:00+08:00');
const LAST = Date.parse('2026-12-01T00:00:00+08:00');
export const MONTHLY_TARGET_MS = 2_000;
const REGION = 'ap-east-1';

function positiveInt(raw: string | undefined, fallback: number): number {
  const n = Number(raw);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface MonthlyResult {
  tickets: number;
  month: string;
  monthTickets: number;
  seedSeconds: number;
  reportMs: { p50: number; max: number; runs: number };
  /** What the report read: tickets (month + look-back + older still open) and read capacity units. */
  reportRead: { tickets: number; capacityUnits: number };
  allRead: { tickets: number; capacityUnits: number };
  /** reportRead.capacityUnits ÷ allRead.capacityUnits, next to monthTickets ÷ tickets. */
  capacityRatio: number;
  monthShare: number;
  timeliness: { due: number; met: number; missed: number; rate: number | null };
  /** 1-minute load average before the reports were timed (other work on the box skews them). */
  load: number;
  verdict: 'PASS' | 'MISS';
}

/** A closed repair opened at `at`: dispatched, its ack-30m met or missed, its completion met. */
function seededRepair(
  ids: UlidIds,
  at: Date,
  n: number,
): { ticket: Ticket; event: Parameters<typeof writeItems>[1] } {
  const day = localDay(at, DEMO_PARK.timeZone);
  const { ticket, event } = openRepair(
    {
      id: ids.next(),
      parkId: DEMO_PARK.id,
      number: registerNumber('R', day, (n % 999) + 1),
      intake: {
        caller: { name: '王先生', phone: `+86138${String(n).padStart(8, '0')}`, unit: '3-2-1502' },
        description: '厨房水管漏水',
        location: '3号楼2单元1502 厨房',
        wantedAt: at.toISOString(),
        decision: 'dispatch',
      },
    },
    { now: at, actor: { staffId: 'dispatcher-1', groups: ['dispatcher'] }, park: DEMO_PARK, staff: [] },
  );
  const ack = ticket.timers['ack-30m']?.dueAt ?? at.toISOString();
  const complete = ticket.timers['complete-by']?.dueAt ?? at.toISOString();
  const deadlines: SettledDeadline[] = [
    n % 5 === 0
      ? { timer: 'ack-30m', dueAt: ack, state: 'missed', at: ack }
      : { timer: 'ack-30m', dueAt: ack, state: 'met', at: new Date(at.getTime() + 600_000).toISOString() },
    { timer: 'complete-by', dueAt: complete, state: 'met', at: complete },
  ];
  const closed = {
    ...ticket,
    status: 'closed',
    timers: Object.fromEntries(
      Object.entries(ticket.timers).map(([name, t]) => [name, { ...t, state: 'cancelled' as const }]),
    ),
    deadlines,
  } as Ticket;
  return { ticket: closed, event };
}

async function batchWrite(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) {
  let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
    [tableName]: items.map((Item) => ({ PutRequest: { Item } })),
  };
  while (request && Object.keys(request).length > 0) {
    const out = await db.send(new BatchWriteCommand({ RequestItems: request }));
    request = out.UnprocessedItems as typeof request;
  }
}

/** Writes TICKETS tickets spread evenly over the 12 months, 25 items a batch, 8 batches at a time. */
async function seed(db: DynamoDBDocumentClient, tableName: string): Promise<number> {
  const ids = new UlidIds(systemClock);
  const items: Record<string, unknown>[] = [];
  let monthTickets = 0;
  for (let n = 0; n < TICKETS; n++) {
    const at = new Date(FIRST + Math.floor(((LAST - FIRST) * (n + 0.5)) / TICKETS));
    if (at.toISOString() >= '2026-05-31T16:00:00.000Z' && at.toISOString() < '2026-06-30T16:00:00.000Z')
      monthTickets++;
    const { ticket, event } = seededRepair(ids, at, n);
    // The ticket's item as the store builds it (its index keys included); its event is not read by
    // the report, so it is left out: half the writes.
    const [item] = writeItems(ticket, event) as Record<string, unknown>[];
    if (item) items.push(item);
  }
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < batches.length) {
        const batch = batches[next++];
        if (batch) await batchWrite(db, tableName, batch);
      }
    }),
  );
  return monthTickets;
}

export async function benchMonthly(dynamo: DynamoLocal, desk: Desk, token: string): Promise<MonthlyResult> {
  const db = documentClient(
    new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  const seedStarted = performance.now();
  const monthTickets = await seed(db, desk.tableName);
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  const times: number[] = [];
  const load = Math.round((loadavg()[0] ?? 0) * 10) / 10;
  let report: {
    read: MonthlyResult['reportRead'];
    timeliness: MonthlyResult['timeliness'];
    tickets: { total: number };
  } = {
    read: { tickets: 0, capacityUnits: 0 },
    timeliness: { due: 0, met: 0, missed: 0, rate: null },
    tickets: { total: 0 },
  };
  for (let run = 0; run <= RUNS; run++) {
    const started = performance.now();
    const res = await fetch(`${desk.url}/reports/monthly?month=${MONTH}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = (await res.json()) as { report: typeof report };
    if (res.status !== 200)
      throw new Error(`GET /reports/monthly answered ${res.status}: ${JSON.stringify(body)}`);
    // The first is a warm-up (the handler's first load).
    if (run > 0) times.push(performance.now() - started);
    report = body.report;
  }
  if (report.tickets.total !== monthTickets) {
    throw new Error(
      `the report counted ${report.tickets.total} tickets in ${MONTH}, ${monthTickets} were written`,
    );
  }
  const all = await queryTicketsOpenedBetween(
    db,
    desk.tableName,
    DEMO_PARK.id,
    new Date('2000-01-01T00:00:00Z'),
    new Date('2100-01-01T00:00:00Z'),
  );
  const sorted = [...times].sort((a, b) => a - b);
  const p50 = sorted[Math.max(0, Math.ceil(sorted.length / 2) - 1)] ?? Number.NaN;
  const capacityRatio = all.capacityUnits ? report.read.capacityUnits / all.capacityUnits : Number.NaN;
  return {
    tickets: TICKETS,
    month: MONTH,
    monthTickets,
    seedSeconds: Math.round(seedSeconds * 10) / 10,
    reportMs: { p50: Math.round(p50), max: Math.round(Math.max(...times)), runs: times.length },
    reportRead: report.read,
    allRead: { tickets: all.tickets.length, capacityUnits: all.capacityUnits },
    capacityRatio: Math.round(capacityRatio * 1000) / 1000,
    monthShare: Math.round((monthTickets / TICKETS) * 1000) / 1000,
    timeliness: {
      due: report.timeliness.due,
      met: report.timeliness.met,
      missed: report.timeliness.missed,
      rate: report.timeliness.rate,
    },
    load,
    // Proportional: the month and its look-back are about 2 of the 12 months; far under reading all.
    verdict: p50 < MONTHLY_TARGET_MS && capacityRatio < 0.25 ? 'PASS' : 'MISS',
  };
}

export function monthlyReportLines(m: MonthlyResult): string[] {
  return [
    `### Monthly summary (issue 13 item 4): ${m.tickets} tickets over 12 months, seeded by BatchWriteItem in ${m.seedSeconds} s`,
    '',
    `GET /reports/monthly?month=${m.month} (${m.monthTickets} tickets opened that month): p50 ${m.reportMs.p50} ms, ` +
      `max ${m.reportMs.max} ms over ${m.reportMs.runs} runs (load avg ${m.load}) — target < ${MONTHLY_TARGET_MS} ms`,
    `read capacity: the report ${m.reportRead.capacityUnits} RCU (${m.reportRead.tickets} tickets: month + 31-day look-back + older still open); ` +
      `all ${m.allRead.tickets} tickets ${m.allRead.capacityUnits} RCU; ratio ${m.capacityRatio} (the month alone is ${m.monthShare} of the tickets) — ${m.verdict}`,
    `及时率 of ${m.month}: ${m.timeliness.met}/${m.timeliness.due} = ${m.timeliness.rate}%`,
  ];
}

/** Alone: its own DynamoDB Local and desk. */
async function main(): Promise<void> {
  process.env.LOG_LEVEL ??= 'warn';
  const dynamo = await startDynamoLocal();
  const jwtKey = randomBytes(16).toString('hex');
  const desk = await startDesk({
    dynamoEndpoint: dynamo.endpoint,
    tableName: `bench-monthly-${Date.now()}`,
    jwtKey,
    port: 0,
    pollIntervalMs: 0,
  });
  try {
    const result = await benchMonthly(dynamo, desk, tokenFor(['dispatcher'], jwtKey));
    console.log(monthlyReportLines(result).join('\n'));
    console.log(JSON.stringify(result));
  } finally {
    await desk.close();
    await dynamo.stop();
  }
}

if (process.argv[1]?.endsWith('monthly.ts')) {
  main().then(
    () => process.exit(0),
    (error) => {
      console.error('bench failed:', error);
      process.exit(1);
    },
  );
}
