/** Names of the environment variables the functions read; the CDK stack sets the same names. */
export const ENV = {
  tableName: 'TABLE_NAME',
  scheduleGroup: 'SCHEDULE_GROUP',
  schedulerRoleArn: 'SCHEDULER_ROLE_ARN',
  timerFunctionArn: 'TIMER_FUNCTION_ARN',
  timerDeadLetterArn: 'TIMER_DLQ_ARN',
  smsSignature: 'SMS_SIGNATURE',
  defaultTimeZone: 'PARK_TIME_ZONE',
  /** The desk's public https base URL (links in SMS, webhook signature checks). */
  publicBaseUrl: 'PUBLIC_BASE_URL',
} as const;

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
export const DEFAULT_SMS_SIGNATURE = '【翠湖物业】';
