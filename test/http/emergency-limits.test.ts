/**
 * Issue 9 point 6, over HTTP against DynamoDB Local: an emergency at its cap of EM-5 instructions,
 * every text at its maximum, refuses the next one with a clear 422 and can still be signed off and
 * closed (313 instructions once made the item 427 KB and every later `close` a 500).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../shared/app/access';
import { runTicketCommand } from '../../shared/app/ticket-command';
import { MAX_INSTRUCTIONS } from '../../shared/domain/emergency';
import { startTestDesk, type TestDesk } from '../support/desk';

const max = (units: number) => '令'.repeat(units);
const instruction = (dueAt: string) => ({ from: max(50), to: 'security-captain-1', text: max(300), dueAt });

let desk: TestDesk;
let dispatcher: string;

beforeAll(async () => {
  desk = await startTestDesk();
  dispatcher = desk.token('dispatcher');
  const clock = await desk.call('POST', '/local/clock', { body: { set: '2026-11-28T02:00:00+08:00' } });
  expect(clock.status).toBe(200);
});
afterAll(async () => {
  await desk?.close();
});

describe(`an emergency with ${MAX_INSTRUCTIONS} instructions`, () => {
  it('the next instruction is 422 EMERGENCY.TOO_MANY_INSTRUCTIONS naming the limit; sign-off then close answer 200', async () => {
    // Prepare: an emergency, acknowledged, with every instruction but the last given through the
    // use case (the HTTP handler's own path, without a hundred round trips), then the last over HTTP.
    const opened = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: { kind: 'emergency', category: 'fire', location: max(200), description: max(500) },
    });
    expect(opened.status, JSON.stringify(opened.body)).toBe(201);
    const id = opened.body.ticket.id as string;
    const manager = desk.token('office-manager-1');
    expect((await desk.call('POST', `/tickets/${id}/acknowledge`, { token: manager })).status).toBe(200);
    const dueAt = '2026-11-28T06:00:00+08:00';
    const desk1: Principal = { staffId: 'dispatcher-1', groups: ['dispatcher'], parks: ['park-1'] };
    for (let n = 1; n < MAX_INSTRUCTIONS; n++) {
      await runTicketCommand(desk.deps, desk1, id, { type: 'instructions', ...instruction(dueAt) });
    }
    const last = await desk.call('POST', `/tickets/${id}/instructions`, {
      token: dispatcher,
      body: instruction(dueAt),
    });
    expect(last.status, JSON.stringify(last.body?.error)).toBe(200);
    expect(last.body.ticket.instructions).toHaveLength(MAX_INSTRUCTIONS);

    // Act
    const next = await desk.call('POST', `/tickets/${id}/instructions`, {
      token: dispatcher,
      body: instruction(dueAt),
    });
    const signedOff = await desk.call('POST', `/tickets/${id}/sign-off`, {
      token: manager,
      body: { comment: max(300) },
    });
    // EM-6 (issue 11 item 17): each open instruction closes with its note, every one at its maximum.
    const closed = await desk.call('POST', `/tickets/${id}/close`, {
      token: dispatcher,
      body: {
        instructions: Array.from({ length: MAX_INSTRUCTIONS }, (_, i) => ({ number: i + 1, note: max(150) })),
      },
    });

    // Assess
    expect(next.status).toBe(422);
    expect(next.body.error.code).toBe('EMERGENCY.TOO_MANY_INSTRUCTIONS');
    expect(next.body.error.message).toContain(`at most ${MAX_INSTRUCTIONS} instructions`);
    expect(signedOff.status, JSON.stringify(signedOff.body?.error)).toBe(200);
    expect(closed.status, JSON.stringify(closed.body?.error)).toBe(200);
    const ticket = await desk.call('GET', `/tickets/${id}`, { token: dispatcher });
    expect(ticket.body).toMatchObject({ status: 'closed', version: MAX_INSTRUCTIONS + 4 });
  }, 180_000);
});
