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
  /** Locally: the Twilio auth token itself. Never set in AWS (see twilioAuthTokenParameter). */
  twilioAuthToken: 'TWILIO_AUTH_TOKEN',
  /** In AWS: the name of the SSM SecureString holding the Twilio auth token (read at cold start). */
  twilioAuthTokenParameter: 'TWILIO_AUTH_TOKEN_PARAMETER',
  /**
   * In AWS: the name of the SSM SecureString holding the key that signs the personal links in
   * emergency SMS (at least 32 characters). Locally the desk keeps one in .data/ack-link.key.
   */
  ackLinkKeyParameter: 'ACK_LINK_KEY_PARAMETER',
  /** The park whose office number the IVR answers. */
  ivrParkId: 'IVR_PARK_ID',
  /** `<Say language>`, `<Say voice>` and `<Gather language>` of the IVR. */
  ivrSayLanguage: 'IVR_SAY_LANGUAGE',
  ivrVoice: 'IVR_VOICE',
  ivrSpeechLanguage: 'IVR_SPEECH_LANGUAGE',
  /** The Connect function: `{"<instance ARN>": "<park id>"}`, the instances it answers and their parks. */
  connectInstances: 'CONNECT_INSTANCES',
  /** Locally: how long one call step may take (ms) before the caller is put through (ANSWER_BUDGET_MS). */
  ivrAnswerBudgetMs: 'IVR_ANSWER_BUDGET_MS',
} as const;

/**
 * Twilio's Mandarin settings: Say in `cmn-CN` with Amazon Polly's Zhiyu (or Google's
 * `Google.cmn-CN-Standard-A`..`D`); speech recognised as `zh-CN` (Mandarin, Simplified; `zh-TW` exists).
 */
export const DEFAULT_IVR_VOICE = {
  sayLanguage: 'cmn-CN',
  voice: 'Polly.Zhiyu',
  speechLanguage: 'zh-CN',
} as const;
export const DEFAULT_IVR_PARK_ID = 'park-1';
/** The local desk's Twilio auth token when TWILIO_AUTH_TOKEN is not set (a test value, not a secret). */
export const LOCAL_TWILIO_AUTH_TOKEN = 'local-twilio-auth-token';

export { DEFAULT_TIME_ZONE } from './domain/formats';
export const DEFAULT_SMS_SIGNATURE = '【翠湖物业】';
