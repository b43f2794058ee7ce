/**
 * The desk's dependencies as the AWS functions have them — Scheduler timers and SNS SMS through the
 * real adapters (their clients mocked by the test with aws-sdk-client-mock) — on a DynamoDB Local
 * table, with the test's own clock.
 */
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { SchedulerClient } from '@aws-sdk/client-scheduler';
import { SNSClient } from '@aws-sdk/client-sns';
import { inject } from 'vitest';
import { SchedulerTimers } from '../../shared/adapters/aws/scheduler-timers';
import { SnsSms } from '../../shared/adapters/aws/sns-sms';
import type { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { UlidIds } from '../../shared/adapters/ids';
import type { AdjustableClock } from '../../shared/adapters/local/clock';
import type { Deps } from '../../shared/app/deps';
import type { AckLinkKeys } from '../../shared/ports';

export const TEST_SCHEDULER = {
  groupName: 'estate-desk-timers',
  targetArn: 'arn:aws:lambda:cn-north-1:123456789012:function:timer',
  roleArn: 'arn:aws:iam::123456789012:role/scheduler',
  deadLetterArn: 'arn:aws:sqs:cn-north-1:123456789012:timer-dlq',
} as const;

/** Repairs and complaints send no links: a key that is never read. */
const UNUSED_LINKS: AckLinkKeys = {
  key: async () => 'k'.repeat(32),
  baseUrl: () => 'https://desk.example.test',
};

export function awsDeps(
  store: DynamoTicketStore,
  clock: AdjustableClock,
  ackLinks: AckLinkKeys = UNUSED_LINKS,
): Deps {
  return {
    store,
    directory: store,
    clock,
    ids: new UlidIds(clock),
    timers: new SchedulerTimers({
      client: new SchedulerClient({ region: 'cn-north-1' }),
      ...TEST_SCHEDULER,
      now: () => clock.now(),
    }),
    sms: new SnsSms({ client: new SNSClient({ region: 'cn-north-1' }), signature: '【翠湖物业】' }),
    ackLinks,
  };
}

/** A streams client on the run's DynamoDB Local. */
export function streamsClient(): DynamoDBStreamsClient {
  return new DynamoDBStreamsClient({
    endpoint: inject('dynamoEndpoint'),
    region: 'ap-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}
