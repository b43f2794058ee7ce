/**
 * The alarms beyond the dead-letter queues', each notifying the stack's alarm topics: SMS that SNS
 * failed to deliver, the month's SMS spend, the stream consumer failing, the reconciler having had
 * to repair something, and emergency SMS sent without their links. Each one means a person must
 * look: something the desk promised (an SMS, a timer) did not happen by itself.
 */
import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { SMS_WITHOUT_LINK_METRIC } from '../../shared/app/emergency-links';
import type { ServiceFunction } from './service-function';

/**
 * The reconciler's count of repairs per run (functions/timers/reconcile.ts logs it in embedded
 * metric format, no dimensions). Named here as well: infra does not import the function.
 */
export const RECONCILER_REPAIRS_METRIC = { namespace: 'EstateDesk', name: 'ReconcilerRepairs' } as const;

/**
 * SNS's count of SMS it could not deliver. Texts published straight to a phone number (no topic)
 * are counted under the dimension PhoneNumber=PhoneNumberDirect.
 */
export const SMS_FAILED_METRIC = {
  namespace: 'AWS/SNS',
  name: 'NumberOfNotificationsFailed',
  dimensions: { PhoneNumber: 'PhoneNumberDirect' },
} as const;

export interface OperationalAlarmsProps {
  /** The stream consumer (SMS, timers). */
  effects: ServiceFunction;
  /** Where every alarm goes; empty only when deployed with `-c alarms=none`. */
  topics: readonly sns.ITopic[];
  /** Month-to-date SMS spend in USD that raises the spend alarm. */
  smsSpendAlarmUsd: number;
}

export class OperationalAlarms extends Construct {
  readonly smsFailures: cloudwatch.Alarm;
  readonly smsSpend: cloudwatch.Alarm;
  readonly effectsErrors: cloudwatch.Alarm;
  readonly reconcilerRepairs: cloudwatch.Alarm;
  readonly emergencySmsWithoutLink: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    const anyAbove = (
      alarmId: string,
      metric: cloudwatch.IMetric,
      alarmDescription: string,
      threshold = 0,
    ): cloudwatch.Alarm => {
      const alarm = new cloudwatch.Alarm(this, alarmId, {
        alarmDescription,
        metric,
        threshold,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        // No data means nothing happened: no SMS failed, no repair was needed.
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      for (const topic of props.topics) alarm.addAlarmAction(new SnsAction(topic));
      return alarm;
    };
    const fiveMinutes = Duration.minutes(5);

    this.smsFailures = anyAbove(
      'SmsFailuresAlarm',
      new cloudwatch.Metric({
        namespace: SMS_FAILED_METRIC.namespace,
        metricName: SMS_FAILED_METRIC.name,
        dimensionsMap: { ...SMS_FAILED_METRIC.dimensions },
        statistic: cloudwatch.Stats.SUM,
        period: fiveMinutes,
      }),
      'SNS could not deliver SMS sent by the desk (NumberOfNotificationsFailed, direct to phone numbers): ' +
        'a technician, leader or responder may not have been told. Check the SNS SMS delivery logs and the ' +
        "tickets' SMS records; for +86 numbers check the sender and template registration.",
    );

    this.smsSpend = anyAbove(
      'SmsSpendAlarm',
      new cloudwatch.Metric({
        namespace: 'AWS/SNS',
        metricName: 'SMSMonthToDateSpentUSD',
        statistic: cloudwatch.Stats.MAXIMUM,
        period: Duration.hours(1),
      }),
      `The month's SMS spend passed ${props.smsSpendAlarmUsd} USD (SMSMonthToDateSpentUSD). When it reaches the ` +
        "account's SNS monthly spend limit, SNS stops sending every SMS, escalations included: raise the limit " +
        'or find what sends so many.',
      props.smsSpendAlarmUsd,
    );

    this.effectsErrors = anyAbove(
      'EffectsErrorsAlarm',
      props.effects.fn.metricErrors({ statistic: cloudwatch.Stats.SUM, period: fiveMinutes }),
      'The stream consumer (effects: SMS and timers of ticket events) failed. Its records are retried, then ' +
        'set aside in the effects dead-letter queue: read its logs before SMS or timers are lost.',
    );

    this.reconcilerRepairs = anyAbove(
      'ReconcilerRepairsAlarm',
      new cloudwatch.Metric({
        namespace: RECONCILER_REPAIRS_METRIC.namespace,
        metricName: RECONCILER_REPAIRS_METRIC.name,
        statistic: cloudwatch.Stats.SUM,
        period: Duration.minutes(15),
      }),
      'The reconciler had to repair something: an SMS stuck in sending was sent again, or a timer whose ' +
        'schedule was missing or never fired was re-armed or fired. The desk recovered, but late: find out why ' +
        '(effects errors, Scheduler or SNS failures) in the logs of effects and the reconciler.',
    );

    this.emergencySmsWithoutLink = anyAbove(
      'EmergencySmsWithoutLinkAlarm',
      new cloudwatch.Metric({
        namespace: SMS_WITHOUT_LINK_METRIC.namespace,
        metricName: SMS_WITHOUT_LINK_METRIC.name,
        statistic: cloudwatch.Stats.SUM,
        period: fiveMinutes,
      }),
      'Emergency SMS went out without their acknowledgement links (the people were told to phone the desk): ' +
        'the ack-link key parameter or the public base URL could not be read. Check the SSM parameter and the ' +
        "effects function's access to it now: every emergency until then escalates without one-tap answers.",
    );
  }
}
