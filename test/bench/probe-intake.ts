/**
 * `npx tsx test/bench/probe-intake.ts`: where a `POST /tickets` spends its time on the local desk.
 * Interleaved blocks (like run.ts) of: the full request over HTTP; the open-ticket handler called
 * in-process (no HTTP); GET /health over HTTP (the HTTP hop + routing + middy floor); each DynamoDB call
 * the intake makes, alone (park Get, consistent counter Get, the three-item TransactWriteItems); and
 * the zod body validation alone.
 */
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { handler as openTicketHandler } from '../../functions/http/open-ticket';
import { openTicketBody } from '../../functions/http/lib/schemas';
import { type Desk, startDesk } from '../../infra/local/desk';
import { type DynamoLocal, startDynamoLocal } from '../../infra/local/dynamo';
import { DEMO_PARK } from '../../infra/local/seed';
import { tokenFor } from '../../infra/local/token';
import { documentClient } from '../../shared/adapters/aws/core';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { systemClock, UlidIds } from '../../shared/adapters/ids';
import type { RepairIntake } from '../../shared/domain/repair';
import { openRepair } from '../../shared/domain/repair';
import { localDay } from '../../shared/domain/time';

process.env.LOG_LEVEL ??= 'warn';
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const N = Number(process.env.BENCH_N) || 200;
const BLOCK = 25;
const BODY = {
  kind: 'repair',
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-27T15:00:00+08:00',
  decision: 'dispatch',
} as const;

const q = (values: number[], p: number) => {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.max(1, Math.ceil(p * s.length)) - 1] as number;
};

async function main(): Promise<void> {
  let dynamo: DynamoLocal | undefined;
  let desk: Desk | undefined;
  let client: DynamoDBClient | undefined;
  try {
    dynamo = await startDynamoLocal();
    const jwtKey = randomBytes(16).toString('hex');
    desk = await startDesk({
      dynamoEndpoint: dynamo.endpoint,
      tableName: 'probe',
      jwtKey,
      port: 0,
      pollIntervalMs: 0,
    });
    const url = desk.url;
    const tableName = desk.tableName;
    const token = tokenFor(['dispatcher'], jwtKey);
    const body = JSON.stringify(BODY);
    const refused = JSON.stringify({ ...BODY, unexpected: true });
    client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'ap-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    const db = documentClient(client);
    const store = new DynamoTicketStore(db, tableName);
    const ids = new UlidIds(systemClock);
    const { kind: _kind, ...intake } = BODY;
    const actor = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], name: '陈静' };
    let captured: TransactWriteCommandInput | undefined;
    const shaper = new DynamoTicketStore(
      {
        send: async (c: TransactWriteCommand) => {
          captured = c.input;
          return {};
        },
      } as unknown as DynamoDBDocumentClient,
      tableName,
    );
    let counter = 0;
    const event = (): APIGatewayProxyEventV2 =>
      ({
        version: '2.0',
        routeKey: 'POST /tickets',
        rawPath: '/tickets',
        rawQueryString: '',
        headers: { 'content-type': 'application/json' },
        requestContext: {
          http: { method: 'POST', path: '/tickets' },
          requestId: 'probe',
          authorizer: {
            jwt: {
              claims: {
                sub: 'dispatcher-1',
                'custom:staffId': 'dispatcher-1',
                'cognito:groups': '[dispatcher]',
                'custom:parks': DEMO_PARK.id,
                name: '陈静',
              },
              scopes: null,
            },
          },
        },
        body,
        isBase64Encoded: false,
      }) as unknown as APIGatewayProxyEventV2;
    const context = { awsRequestId: 'probe', functionName: 'probe' } as Context;

    const series: Record<string, () => Promise<number>> = {
      'POST /tickets over HTTP (full intake)': async () => {
        serverSide.armed = true;
        const t = performance.now();
        const res = await fetch(`${url}/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        await res.text();
        if (res.status !== 201) throw new Error(`status ${res.status}`);
        serverSide.armed = false;
        return performance.now() - t;
      },
      'open-ticket handler in-process (no HTTP)': async () => {
        const e = event();
        const t = performance.now();
        const out = (await openTicketHandler(e, context)) as APIGatewayProxyStructuredResultV2;
        if (out.statusCode !== 201) throw new Error(`handler ${out.statusCode}: ${out.body}`);
        return performance.now() - t;
      },
      'POST /tickets over HTTP, refused by zod (400, no DB)': async () => {
        const t = performance.now();
        const res = await fetch(`${url}/tickets`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: refused,
        });
        await res.text();
        if (res.status !== 400) throw new Error(`status ${res.status}`);
        return performance.now() - t;
      },
      'GET /health over HTTP (HTTP hop floor)': async () => {
        const t = performance.now();
        const res = await fetch(`${url}/health`);
        await res.text();
        return performance.now() - t;
      },
      'park GetItem': async () => {
        const t = performance.now();
        await store.park(DEMO_PARK.id);
        return performance.now() - t;
      },
      'counter GetItem (consistent)': async () => {
        const t = performance.now();
        await store.nextNumber(DEMO_PARK.id, 'R', localDay(new Date(), DEMO_PARK.timeZone));
        return performance.now() - t;
      },
      'TransactWriteItems (3 items)': async () => {
        const now = new Date();
        const day = localDay(now, DEMO_PARK.timeZone);
        const value = ++counter;
        const { ticket, event: ev } = openRepair(
          {
            id: ids.next(),
            parkId: DEMO_PARK.id,
            number: `P${day}-${value}`,
            intake: intake as RepairIntake,
            timeZone: DEMO_PARK.timeZone,
          },
          actor,
          now,
        );
        await shaper.create(ticket, ev, { register: 'P', day, value });
        const input = captured!;
        const t = performance.now();
        await db.send(new TransactWriteCommand(input));
        return performance.now() - t;
      },
    };
    // Server-side time of the full intake (request received → response finished), via node's http channels.
    const serverSide = { armed: false, start: 0, times: [] as number[] };
    diagnostics.subscribe('http.server.request.start', () => {
      if (serverSide.armed) serverSide.start = performance.now();
    });
    diagnostics.subscribe('http.server.response.finish', () => {
      if (serverSide.armed && serverSide.start) serverSide.times.push(performance.now() - serverSide.start);
      serverSide.start = 0;
    });
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(series).map((k) => [k, []]));
    const names = Object.keys(series);
    for (const name of names) for (let i = 0; i < 30; i++) await series[name]!(); // warm-up
    for (let done = 0, b = 0; done < N; done += BLOCK, b++) {
      for (let s = 0; s < names.length; s++) {
        const name = names[(b + s) % names.length]!;
        for (let i = 0; i < BLOCK; i++) samples[name]!.push(await series[name]!());
      }
    }
    // zod validation of the body, alone (µs scale: averaged over many calls).
    const parsedBody = JSON.parse(body);
    for (let i = 0; i < 2000; i++) openTicketBody.safeParse(parsedBody);
    const t = performance.now();
    const loops = 20000;
    for (let i = 0; i < loops; i++) openTicketBody.safeParse(parsedBody);
    const zodUs = ((performance.now() - t) / loops) * 1000;

    const w = Math.max(...names.map((n) => n.length));
    console.log(`${'series'.padEnd(w)} |  p50 ms |  p99 ms   (N=${N} each, blocks of ${BLOCK} interleaved)`);
    for (const name of names) {
      const s = samples[name]!;
      console.log(
        `${name.padEnd(w)} | ${q(s, 0.5).toFixed(3).padStart(7)} | ${q(s, 0.99).toFixed(3).padStart(7)}`,
      );
    }
    const st = serverSide.times.slice(-N);
    console.log(
      `${'  of which server side (request → response finish)'.padEnd(w)} | ${q(st, 0.5).toFixed(3).padStart(7)} | ${q(st, 0.99).toFixed(3).padStart(7)}`,
    );
    console.log(`zod openTicketBody.safeParse of the body: ${zodUs.toFixed(1)} µs per call`);
  } finally {
    client?.destroy();
    await desk?.close();
    await dynamo?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
