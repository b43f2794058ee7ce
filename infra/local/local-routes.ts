/**
 * The local desk's own routes, which AWS does not have: `/local/sms` (the outbox: every SMS the
 * desk sent), `/local/clock` (read the clock, or move it and fire the timers due on the way) and
 * `/local/failures` (stream records skipped after their last attempt: the on-failure queue).
 * Each settles first, so what it shows includes every effect of the requests before it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { AdjustableClock } from '../../shared/adapters/local/clock';
import type { SmsOutbox } from '../../shared/adapters/local/outbox';
import type { TimerRows } from '../../shared/adapters/local/timer-rows';
import { parseDuration } from '../../shared/domain/time';
import type { FailureLog } from './failures';
import { problem, send } from './http-io';
import type { Settler } from './settle';

export interface LocalRoutesDeps {
  clock: AdjustableClock;
  outbox: SmsOutbox;
  timerRows: TimerRows;
  settler: Settler;
  failures: FailureLog;
}

const clockBody = z.union([
  z.strictObject({
    advance: z
      .string()
      .refine((d) => (parseDuration(d) ?? 0) > 0, 'must be a positive ISO-8601 duration, e.g. PT2H'),
  }),
  z.strictObject({ set: z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time with offset' }) }),
]);

/** Answers a request under `/local/`. */
export async function serveLocal(
  deps: LocalRoutesDeps,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): Promise<void> {
  const { clock, outbox, timerRows, settler, failures } = deps;
  if (url.pathname === '/local/sms' && req.method === 'GET') {
    await settler.settle();
    const ticketId = url.searchParams.get('ticketId');
    const to = url.searchParams.get('to');
    const messages = (await outbox.list()).filter(
      (m) => (!ticketId || m.ticketId === ticketId) && (!to || m.to === to),
    );
    return send(res, 200, { messages });
  }
  if (url.pathname === '/local/failures' && req.method === 'GET') {
    await settler.settle();
    return send(res, 200, { failures: await failures.list() });
  }
  if (url.pathname === '/local/clock' && req.method === 'GET') {
    await settler.settle();
    return send(res, 200, {
      now: clock.now().toISOString(),
      offsetMs: clock.offset,
      pendingTimers: await timerRows.pending(),
    });
  }
  if (url.pathname === '/local/clock' && req.method === 'POST') {
    let parsed: z.infer<typeof clockBody>;
    try {
      const result = clockBody.safeParse(JSON.parse(body.toString('utf8') || '{}'));
      if (!result.success) {
        return problem(
          res,
          400,
          'REQUEST.INVALID',
          'send {"advance":"PT2H"} or {"set":"2026-11-27T15:00:00+08:00"}',
        );
      }
      parsed = result.data;
    } catch {
      return problem(res, 400, 'REQUEST.MALFORMED_JSON', 'the body is not valid JSON');
    }
    const target =
      'advance' in parsed
        ? new Date(clock.now().getTime() + (parseDuration(parsed.advance) ?? 0))
        : new Date(parsed.set);
    const fired = await settler.moveClock(target);
    return send(res, 200, { now: clock.now().toISOString(), offsetMs: clock.offset, fired });
  }
  return problem(res, 404, 'ROUTE.NOT_FOUND', `no local route ${req.method} ${url.pathname}`);
}
