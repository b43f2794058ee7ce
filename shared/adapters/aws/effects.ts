/** The stream consumer's dependencies in AWS: the core ones plus Scheduler timers and SNS SMS. */
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SNSClient } from '@aws-sdk/client-sns';
import type { Deps } from '../../app/deps';
import { DEFAULT_SMS_SIGNATURE, ENV } from '../../config';
import { ssmAckLinkKeys } from './ack-link-keys';
import { awsCoreDeps, requiredEnv } from './core';
import { BACKGROUND_BUDGET, sdkClientConfig } from './sdk';
import { SchedulerTimers } from './scheduler-timers';
import { SnsSms } from './sns-sms';

/** The stream consumer's SNS and Scheduler clients: bounded attempts and timeouts (sdk.ts). */
export const snsClient = () => new SNSClient(sdkClientConfig(BACKGROUND_BUDGET));
export const schedulerClient = () => new SchedulerClient(sdkClientConfig(BACKGROUND_BUDGET));

export function awsEffectsDeps(): Deps {
  return {
    ...awsCoreDeps(),
    timers: new SchedulerTimers({
      client: schedulerClient(),
      groupName: requiredEnv(ENV.scheduleGroup),
      targetArn: requiredEnv(ENV.timerFunctionArn),
      roleArn: requiredEnv(ENV.schedulerRoleArn),
      deadLetterArn: requiredEnv(ENV.timerDeadLetterArn),
    }),
    sms: new SnsSms({
      client: snsClient(),
      signature: process.env[ENV.smsSignature] ?? DEFAULT_SMS_SIGNATURE,
    }),
    ackLinks: ssmAckLinkKeys(),
  };
}
