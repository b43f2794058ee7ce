/**
 * What `cdk synth` / `cdk deploy` refuse before building anything: a deploy whose alarms would reach
 * no one, and a region the desk cannot run in. Both read CDK context (`-c key=value`).
 */
import type { IConstruct } from 'constructs';
import { contextString } from './context';

export const DEPLOY_CONTEXT = {
  alarmEmail: 'alarmEmail',
  alarmTopicArn: 'alarmTopicArn',
  /** `none`: the documented opt-out (alarms are still created, notifying no one). */
  alarms: 'alarms',
  smsSpendAlarmUsd: 'smsSpendAlarmUsd',
  region: 'region',
  tableIndexes: 'tableIndexes',
} as const;

/** Where the alarms go: an email address (a new topic), an existing SNS topic, both, or nowhere on purpose. */
export type AlarmDestination = { email?: string; topicArn?: string } | 'none';

const TOPIC_ARN = /^arn:aws(-[a-z]+)*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** The alarm destination the context names, or an error saying how to give one. */
export function alarmDestination(scope: IConstruct): AlarmDestination {
  const email = contextString(scope, DEPLOY_CONTEXT.alarmEmail);
  const topicArn = contextString(scope, DEPLOY_CONTEXT.alarmTopicArn);
  const alarms = contextString(scope, DEPLOY_CONTEXT.alarms);
  if (alarms !== undefined && alarms !== 'none') {
    throw new Error(
      `estate-desk: -c alarms=${alarms} is not understood; the only value is "none" (notify no one).`,
    );
  }
  if (alarms === 'none') {
    if (email || topicArn) {
      throw new Error(
        'estate-desk: -c alarms=none says to notify no one, but an alarmEmail or alarmTopicArn is given too.',
      );
    }
    return 'none';
  }
  if (email && !EMAIL.test(email))
    throw new Error(`estate-desk: -c alarmEmail=${email} is not an email address.`);
  if (topicArn && !TOPIC_ARN.test(topicArn)) {
    throw new Error(
      `estate-desk: -c alarmTopicArn=${topicArn} is not an SNS topic ARN (arn:aws:sns:<region>:<account>:<name>).`,
    );
  }
  if (!email && !topicArn) {
    throw new Error(
      'estate-desk: no alarm destination. The alarms (dead letters, SMS failures and spend, effects errors, ' +
        'reconciler repairs, emergency SMS without links) must reach a person: give ' +
        '-c alarmEmail=ops@example.com (a new SNS topic with that subscription; confirm the email) or ' +
        '-c alarmTopicArn=arn:aws:sns:<region>:<account>:<topic> (an existing topic, e.g. your paging), ' +
        'or opt out explicitly with -c alarms=none (alarms are created but notify no one). See README "Deploying to AWS".',
    );
  }
  return { ...(email ? { email } : {}), ...(topicArn ? { topicArn } : {}) };
}

/** `-c smsSpendAlarmUsd=…`: the month-to-date SMS spend (USD) that raises the alarm. */
export const DEFAULT_SMS_SPEND_ALARM_USD = 50;

export function smsSpendAlarmUsd(scope: IConstruct): number {
  const text = contextString(scope, DEPLOY_CONTEXT.smsSpendAlarmUsd);
  if (text === undefined) return DEFAULT_SMS_SPEND_ALARM_USD;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`estate-desk: -c smsSpendAlarmUsd=${text} must be a positive number of US dollars.`);
  }
  return value;
}

/**
 * The AWS China regions (partition aws-cn). Neither has Cognito user pools (the API's authorizer)
 * nor SNS SMS (every notification of the desk), so the desk cannot run there.
 */
export const UNSUPPORTED_REGIONS = ['cn-north-1', 'cn-northwest-1'] as const;

/**
 * The region the deploy targets: `-c region=…`, else the one the CDK CLI took from the profile
 * (CDK_DEFAULT_REGION). Refuses the China regions with the reason; undefined when neither is known
 * (an offline `cdk synth`, whose template is region-agnostic).
 */
export function deployRegion(scope: IConstruct, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const fromContext = contextString(scope, DEPLOY_CONTEXT.region);
  const region = fromContext ?? (env.CDK_DEFAULT_REGION?.trim() || undefined);
  if (region && (region.startsWith('cn-') || (UNSUPPORTED_REGIONS as readonly string[]).includes(region))) {
    const source = fromContext ? '-c region' : 'CDK_DEFAULT_REGION (your AWS profile or AWS_REGION)';
    throw new Error(
      `estate-desk cannot be deployed to ${region} (from ${source}): the AWS China regions cn-north-1 and ` +
        'cn-northwest-1 offer neither Cognito user pools (the API sign-in) nor SNS SMS (every notification). ' +
        'Deploy to a global AWS region that has both, e.g. ap-southeast-1 (Singapore) or ap-northeast-1 (Tokyo); ' +
        'SMS to +86 numbers then need the China sender and template registration ' +
        'described in README "Deploying to AWS".',
    );
  }
  return region;
}

/**
 * `-c tableIndexes=<n>`: declare only the table's first n indexes (TABLE_INDEXES order, oldest
 * first). CloudFormation creates at most one global secondary index per table update, so a stack
 * deployed before two indexes were added is brought up to date one deploy per index (README,
 * Upgrading). Absent: all of them.
 */
export function tableIndexCount(scope: IConstruct, all: number): number {
  const text = contextString(scope, DEPLOY_CONTEXT.tableIndexes);
  if (text === undefined) return all;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1 || value > all) {
    throw new Error(
      `estate-desk: -c tableIndexes=${text} must be a whole number from 1 to ${all} (the indexes this version declares).`,
    );
  }
  return value;
}
