/**
 * The bench's "CSV export of a month of 1,000 tickets" (issue 13 item 2): 1,000 repairs seeded in
 * one month on the desk's table (DynamoDB Local), then `GET /tickets?format=csv&from=…&to=…` timed
 * end to end through the desk's HTTP server (the handler, every page read, the file built and
 * sent), several times. Target: under 3 s.
 */
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Desk } from '../../infra/local/desk';
import { documentClient } from '../../shared/adapters/aws/core';
import { seedRepairs } from '../support/seed-tickets';

export const CSV_TICKETS = 1_000;
export const CSV_RUNS = 5;
export const CSV_TARGET_MS = 3_000;
/** October 2026, park time (Asia/Shanghai): away from the other series' tickets (opened now). */
const MONTH = { from: '2026-09-30T16:00:00.000Z', to: '2026-10-31T16:00:00.000Z' };
const QUERY = 'parkId=park-1&format=csv&from=2026-10-01&to=2026-10-31';

export interface CsvExportResult {
  tickets: number;
  rows: number;
  bytes: number;
  runs: number;
  ms: { median: number; max: number; all: number[] };
  targetMs: number;
  verdict: 'PASS' | 'MISS';
}

export async function benchCsvExport(endpoint: string, desk: Desk, token: string): Promise<CsvExportResult> {
  const db = documentClient(
    new DynamoDBClient({
      endpoint,
      region: 'ap-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
  );
  await seedRepairs(db, desk.tableName, { count: CSV_TICKETS, ...MONTH });
  const all: number[] = [];
  let rows = 0;
  let bytes = 0;
  for (let run = 0; run < CSV_RUNS; run++) {
    const started = performance.now();
    const res = await fetch(`${desk.url}/tickets?${QUERY}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = Buffer.from(await res.arrayBuffer());
    all.push(Math.round(performance.now() - started));
    if (res.status !== 200)
      throw new Error(`CSV export answered ${res.status}: ${body.toString('utf8').slice(0, 300)}`);
    bytes = body.length;
    rows = body.toString('utf8').split('\r\n').filter(Boolean).length - 1;
  }
  const sorted = [...all].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return {
    tickets: CSV_TICKETS,
    rows,
    bytes,
    runs: CSV_RUNS,
    ms: { median, max: sorted.at(-1) ?? 0, all },
    targetMs: CSV_TARGET_MS,
    verdict: median < CSV_TARGET_MS && rows === CSV_TICKETS ? 'PASS' : 'MISS',
  };
}

export function csvExportReport(r: CsvExportResult): string[] {
  return [
    `### CSV export of a month of ${r.tickets.toLocaleString('en')} tickets (GET /tickets?format=csv via the local desk; DynamoDB Local)`,
    '',
    `${r.rows} rows, ${(r.bytes / 1024).toFixed(0)} KB: median ${r.ms.median} ms, max ${r.ms.max} ms of ${r.runs} runs ` +
      `(${r.ms.all.join(', ')}) — target < ${r.targetMs} ms: ${r.verdict}`,
  ];
}
