/** Target of every ticket timer (EventBridge Scheduler in AWS, the local runner locally). */
import { awsCoreDeps } from '../../shared/adapters/aws/core';
import { fireTimer } from '../../shared/app/fire-timer';
import type { TimerPayload } from '../../shared/ports';
import { log } from '../../shared/log';
import { timerPayload } from '../../shared/schemas';
import { depsFrom } from '../../shared/runtime';

const deps = depsFrom(awsCoreDeps);

export async function handler(input: unknown): Promise<{ outcome: string }> {
  const parsed = timerPayload.safeParse(input);
  if (!parsed.success) {
    // A malformed payload will not get better on retry: log it and let it go.
    log.error('timer payload without ticketId/timer', { payload: input });
    return { outcome: 'invalid-payload' };
  }
  const payload: TimerPayload = parsed.data;
  const outcome = await fireTimer(deps(), payload);
  log.info('timer handled', { ticketId: payload.ticketId, timer: payload.timer, outcome });
  return { outcome };
}
