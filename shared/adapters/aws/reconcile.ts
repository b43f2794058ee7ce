/**
 * The reconciler's dependencies in AWS: the core ones plus SNS SMS and the link key. No Scheduler:
 * it fires overdue timers itself and never makes a schedule.
 */
import { SNSClient } from '@aws-sdk/client-sns';
import type { ReconcileDeps } from '../../app/reconcile';
import { DEFAULT_SMS_SIGNATURE, ENV } from '../../config';
import { ssmAckLinkKeys } from './ack-link-keys';
import { awsCoreDeps } from './core';
import { SnsSms } from './sns-sms';

export function awsReconcileDeps(): ReconcileDeps {
  return {
    ...awsCoreDeps(),
    sms: new SnsSms({
      client: new SNSClient({}),
      signature: process.env[ENV.smsSignature] ?? DEFAULT_SMS_SIGNATURE,
    }),
    ackLinks: ssmAckLinkKeys(),
  };
}
