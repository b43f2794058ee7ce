/**
 * Builds the estate-desk app: the stack with its parameters from CDK context, and the cdk-nag
 * AWS Solutions checks. `app.ts` (what `cdk synth` runs) and the infra tests both call this, so the
 * tests check exactly what gets synthesised.
 */
import { type App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { EstateDeskStack } from './stack';
import { contextString } from './context';

export const STACK_NAME = 'EstateDesk';

/** Context keys (cdk.json holds the defaults; override with `-c key=value`). */
export const CONTEXT = {
  smsSignature: 'smsSignature',
  parkTimeZone: 'parkTimeZone',
  alarmEmail: 'alarmEmail',
} as const;

export function buildEstateDesk(app: App): EstateDeskStack {
  const stack = new EstateDeskStack(app, STACK_NAME, {
    description: 'estate-desk: service desk of a residential park property office (物业服务中心)',
    smsSignature: contextString(app, CONTEXT.smsSignature),
    parkTimeZone: contextString(app, CONTEXT.parkTimeZone),
    alarmEmail: contextString(app, CONTEXT.alarmEmail),
  });
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return stack;
}
