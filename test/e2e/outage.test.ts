/**
 * DynamoDB Local stops under a running desk: requests fail at once with the error shape (5xx, no
 * hang), the background stream-and-timers loop says so once instead of on every tick, and when the
 * engine is back (here started again by the test, on the same port and folder) requests succeed and
 * the loop picks the stream up again by itself.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Desk, startDesk } from '../../infra/local/desk';
import { type DynamoLocal, processAlive, startDynamoLocal } from '../../infra/local/dynamo';
import { tokenFor } from '../../infra/local/token';
import type { SmsOutbox } from '../../shared/adapters/local/outbox';
import { repairBody } from '../support/desk';

// biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the desk answers
type Json = any;

const temp = mkdtempSync(join(tmpdir(), 'estate-desk-outage-'));
let engine: DynamoLocal | undefined;
let desk: Desk | undefined;
afterAll(async () => {
  await desk?.close();
  await engine?.stop();
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(temp, { recursive: true, force: true });
});

/** The desk's log lines, caught on stdout and stderr. */
const lines: string[] = [];
beforeEach(() => {
  vi.stubEnv('LOG_LEVEL', 'info');
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    });
  }
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`not true within ${timeoutMs} ms: ${condition}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('DynamoDB Local stops under a running desk', () => {
  it('answers 5xx with the error shape, warns once, and works again once the engine is back', async () => {
    // Prepare: an engine on a folder (no watchdog: the test decides when it is back), a desk whose
    // background loop runs, and an assigned repair whose SMS the loop sent.
    const dynamoDir = join(temp, 'dynamodb');
    engine = await startDynamoLocal({ dataDir: dynamoDir });
    const jwtKey = randomBytes(16).toString('hex');
    desk = await startDesk({
      dynamoEndpoint: engine.endpoint,
      tableName: 'estate-desk',
      jwtKey,
      port: 0,
      pollIntervalMs: 50,
      dataDir: temp,
    });
    const { url } = desk;
    const outbox = desk.deps.sms as SmsOutbox;
    const token = tokenFor(['dispatcher'], jwtKey);
    const call = async (
      method: string,
      path: string,
      body?: unknown,
    ): Promise<{ status: number; body: Json }> => {
      const res = await fetch(`${url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(60_000),
      });
      return { status: res.status, body: await res.json() };
    };
    const repairWithSms = async (description: string) => {
      const staff = await call('GET', '/staff');
      const tech = staff.body.staff.find((s: { roles: string[] }) => s.roles.includes('technician'));
      const opened = await call('POST', '/tickets', repairBody({ description }));
      const ticketId: string = opened.body.ticket.id;
      await call('POST', `/tickets/${ticketId}/assign`, { staffId: tech.id });
      return ticketId;
    };
    const sent = async (ticketId: string) => (await outbox.list()).some((m) => m.ticketId === ticketId);
    const before = await repairWithSms('厨房水管漏水');
    await until(() => sent(before), 60_000);

    // Act 1: the engine dies.
    const port = engine.port;
    const pid = engine.pid ?? 0;
    process.kill(pid, 'SIGKILL');
    await until(() => !processAlive(pid), 30_000);
    const staff = await call('GET', '/staff');
    const open = await call('POST', '/tickets', repairBody());
    const sms = await call('GET', '/local/sms');
    const loopWarnings = () => lines.filter((l) => l.includes('the local stream and timers: failing'));
    await until(() => loopWarnings().length > 0, 60_000);
    // The loop keeps trying meanwhile (a pause of 250 ms, growing); it must not say so each time.
    await new Promise((r) => setTimeout(r, 3_000));

    // Assess 1
    for (const answer of [staff, open, sms]) {
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(answer.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    }
    expect(sms.status).toBe(503);
    expect(sms.body.error.code).toBe('LOCAL.DYNAMODB_UNAVAILABLE');
    expect(loopWarnings()).toHaveLength(1);

    // Act 2: the engine is back on the same port and folder.
    engine = await startDynamoLocal({ dataDir: dynamoDir, port });
    await until(async () => (await call('GET', '/staff')).status === 200, 60_000);
    const after = await repairWithSms('卫生间漏水');

    // Assess 2: the background loop sends the new SMS without being asked, and says it works again.
    await until(() => sent(after), 60_000);
    await until(() => lines.some((l) => l.includes('the local stream and timers: working again')), 60_000);
    expect(loopWarnings()).toHaveLength(1);
  }, 300_000);
});
