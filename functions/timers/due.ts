/** Target of every ticket timer (EventBridge Scheduler in AWS, the local runner locally). */
import { awsCoreDeps } from '../../shared/adapters/aws/core';
import { fireTimer } from '../../shared/app/fire-timer';
import type { TimerPayload } from '../../shared/ports';
import { log } from '../../shared/log';
import { depsFrom } from '../runtime';

const deps = depsFrom(awsCoreDeps);

export async function handler(payload: TimerPayload): Promise<{ outcome: string }> {
  if (!payload || typeof payload.ticketId !== 'string' || typeof payload.timer !== 'string') {
    // A malformed payload will not get better on retry: log it and let it go.
    log.error('timer payload without ticketId/timer', { payload });
    return { outcome: 'invalid-payload' };
  }
  const outcome = await fireTimer(deps(), payload);
  log.info('timer handled', { ticketId: payload.ticketId, timer: payload.timer, outcome });
  return { outcome };
}
