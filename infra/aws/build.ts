/**
 * Builds the estate-desk app: the stack with its parameters from CDK context, and the cdk-nag
 * AWS Solutions checks. `app.ts` (what `cdk synth` runs) and the infra tests both call this, so the
 * tests check exactly what gets synthesised.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EstateDeskStack } from './stack';
import { contextString } from './context';
import { CONSOLE_DIST } from '../local/console';
import { TABLE_INDEXES } from '../../shared/adapters/dynamo/table';
import {
  alarmDestination,
  DEPLOY_CONTEXT,
  deployRegion,
  smsSpendAlarmUsd,
  tableIndexCount,
} from './deploy-target';

export const STACK_NAME = 'EstateDesk';

/** Context keys (cdk.json holds the defaults; override with `-c key=value`). */
export const CONTEXT = {
  smsSignature: 'smsSignature',
  parkTimeZone: 'parkTimeZone',
  /** Prefix of the console's sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`). */
  authDomainPrefix: 'authDomainPrefix',
  ...DEPLOY_CONTEXT,
} as const;

/**
 * Refuses, before anything is built, a China region (no Cognito user pools, no SNS SMS there) and
 * a deploy whose alarms would reach no one (deploy-target.ts says what to pass instead).
 */
export interface BuildOptions {
  /** The built console to upload (default web/dist; app.ts builds it first). */
  consoleDist?: string;
}

export function buildEstateDesk(app: App, options: BuildOptions = {}): EstateDeskStack {
  deployRegion(app);
  const alarms = alarmDestination(app);
  const stack = new EstateDeskStack(app, STACK_NAME, {
    description: 'estate-desk: service desk of a residential park property office (物业服务中心)',
    smsSignature: contextString(app, CONTEXT.smsSignature),
    parkTimeZone: contextString(app, CONTEXT.parkTimeZone),
    alarms,
    smsSpendAlarmUsd: smsSpendAlarmUsd(app),
    tableIndexes: tableIndexCount(app, Object.keys(TABLE_INDEXES).length),
    consoleDist: options.consoleDist ?? CONSOLE_DIST,
    authDomainPrefix: contextString(app, CONTEXT.authDomainPrefix),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
