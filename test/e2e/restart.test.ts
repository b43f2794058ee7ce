/**
 * The local desk stopped and started again on the same data folder, as `npm start` does it: the
 * stream resumes after its checkpoint (nothing processed is replayed, no SMS is sent again, no fired
 * timer comes back) and the desk's clock keeps the time it was moved to.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localSigningKey } from '../../infra/local/jwt';
import { dataPaths } from '../../infra/local/paths';
import { type LocalRun, runLocal } from '../../infra/local/run';
import { tokenFor } from '../../infra/local/token';
import { repairBody } from '../support/desk';

const temp = mkdtempSync(join(tmpdir(), 'estate-desk-restart-'));
const dataDir = join(temp, 'data');
let run: LocalRun | undefined;
afterAll(async () => {
  await run?.stop();
  rmSync(temp, { recursive: true, force: true });
});

/** Starts the desk on the data folder, with the background loop off: the test settles on demand. */
async function start() {
  run = await runLocal({ dataDir, port: 0, pollIntervalMs: 0 });
  const { desk } = run;
  const token = (who: string) => tokenFor([who], localSigningKey(dataPaths(dataDir).jwtKeyFile));
  // biome-ignore lint/suspicious/noExplicitAny: the test reads whatever JSON the desk answers
  const call = async (method: string, path: string, body?: unknown, as?: string): Promise<any> => {
    // The local routes take a token like every other (any role's).
    const who = as ?? (path.startsWith('/local/') ? 'dispatcher' : undefined);
    const res = await fetch(`${desk.url}${path}`, {
      method,
      headers: {
        ...(who ? { authorization: `Bearer ${token(who)}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };
  return { desk, call };
}

describe('a restart of the local desk', () => {
  it('replays nothing already processed and keeps the clock where it was moved', async () => {
    // Prepare: a repair assigned (the technician's SMS), then 31 minutes (the lead's escalation SMS).
    const first = await start();
    await first.call('POST', '/local/clock', { set: '2026-11-27T09:00:00+08:00' });
    const staff = await first.call('GET', '/staff', undefined, 'dispatcher');
    const tech = staff.body.staff.find((s: { roles: string[] }) => s.roles.includes('technician'));
    const opened = await first.call('POST', '/tickets', repairBody(), 'dispatcher');
    const ticketId = opened.body.ticket.id;
    await first.call('POST', `/tickets/${ticketId}/assign`, { staffId: tech.id }, 'dispatcher');
    const moved = await first.call('POST', '/local/clock', { advance: 'PT31M' });
    expect(moved.body.fired).toMatchObject([{ ticketId, timer: 'ack-30m', outcome: 'fired' }]);
    const before = await first.call('GET', '/local/sms');
    expect(before.body.messages).toHaveLength(2);
    const clockBefore = await first.call('GET', '/local/clock');

    // Act: stop everything, start again on the same folder.
    await run?.stop();
    run = undefined;
    const second = await start();
    const firedAfter = await second.desk.settle();
    const after = await second.call('GET', '/local/sms');
    const clockAfter = await second.call('GET', '/local/clock');
    const ticket = await second.call('GET', `/tickets/${ticketId}`, undefined, 'dispatcher');

    // Assess: no SMS again, no timer fired again or brought back, the clock still past the escalation.
    expect(firedAfter).toEqual([]);
    expect(after.body.messages).toEqual(before.body.messages);
    expect(clockAfter.body.offsetMs).toBe(clockBefore.body.offsetMs);
    expect(new Date(clockAfter.body.now).getTime()).toBeGreaterThanOrEqual(
      new Date(moved.body.now).getTime(),
    );
    expect(clockAfter.body.pendingTimers).toEqual(clockBefore.body.pendingTimers);
    expect(ticket.status).toBe(200);
    expect(ticket.body.status).toBe('assigned');
  }, 240_000);
});
