/**
 * The whole service desk on AWS in one stack: the single DynamoDB table, the HTTP API with its
 * Cognito authorizer, one function per HTTP handler file, the stream consumer (effects), the
 * EventBridge Scheduler timers and their target function, dead-letter queues and their alarms.
 *
 * Shapes come from one place each: routes from infra/routes.ts (the local runtime serves the same), keys and indexes
 * from shared/adapters/dynamo/table.ts, environment variable names from shared/config.ts.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CfnScheduleGroup } from 'aws-cdk-lib/aws-scheduler';
import * as sns from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';
import { BACKGROUND_HANDLERS, HTTP_ROUTES, handlerEntry } from '../routes';
import {
  projectionOf,
  TABLE_INDEXES,
  TABLE_KEYS,
  type TableIndexName,
  TTL_ATTRIBUTE,
} from '../../shared/adapters/dynamo/table';
import { DEFAULT_SMS_SIGNATURE, DEFAULT_TIME_ZONE, ENV } from '../../shared/config';
import { OperationalAlarms } from './alarms';
import { ConsoleHosting } from './console';
import { type AlarmDestination, DEFAULT_SMS_SPEND_ALARM_USD } from './deploy-target';
import { EmergencyLinks } from './emergency';
import { IvrIntake } from './ivr';
import { ServiceFunction } from './service-function';
import { allowSmsToPhoneNumbersOnly } from './sms-permissions';

/** The repository root: entries and package-lock.json are resolved from here, whatever the cwd. */
export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Cognito groups a staff member can be in; the API reads them from the `cognito:groups` claim. */
export const STAFF_GROUPS = ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'] as const;

/**
 * Item-level DynamoDB actions the handlers use. TransactWriteItems and TransactGetItems have no IAM
 * action of their own: they are authorised per item as PutItem / UpdateItem / ConditionCheckItem /
 * GetItem. Deliberately absent: DeleteItem, Scan, the Batch* calls and table management.
 */
export const TABLE_READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query'] as const;
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

export type TableAccess = 'none' | 'read' | 'readWrite';

/**
 * How long an HTTP function may run: under API Gateway's 30 s integration limit, and long enough
 * for three table calls each at its SDK worst case (shared/adapters/aws/sdk.ts, 7.5 s), so that a
 * throttled or unreachable table is answered with the desk's own 503, not a Lambda timeout.
 */
export const HTTP_FUNCTION_TIMEOUT_SECONDS = 25;

export interface EstateDeskStackProps extends StackProps {
  /** Sender signature every SMS starts with. Default `【翠湖物业】`. */
  smsSignature?: string;
  /** IANA time zone of the parks (schedules, park-local days). Default `Asia/Shanghai`. */
  parkTimeZone?: string;
  /**
   * Where every alarm goes: an email address (through a new SNS topic), an existing topic, both, or
   * `none` (the explicit opt-out). infra/aws/deploy-target.ts reads it from context and refuses a
   * deploy without one.
   */
  alarms: AlarmDestination;
  /** Month-to-date SMS spend (USD) that raises the spend alarm. Default 50. */
  smsSpendAlarmUsd?: number;
  /**
   * Declare only the first n of TABLE_INDEXES: an existing stack gains one index per deploy
   * (CloudFormation's limit). Default: all.
   */
  tableIndexes?: number;
  /** The built web console (web/dist) that the stack uploads (ADR 024). */
  consoleDist: string;
  /** Prefix of the user pool's sign-in domain. Default: the stack name and the account id. */
  authDomainPrefix?: string;
}

function pascal(kebab: string): string {
  return kebab
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Records a cdk-nag acknowledgement on `scope` (and everything under it), with its reason. */
export function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/**
 * Table access per HTTP handler: handlers behind POST routes write, handlers only behind GET routes
 * read, and the unauthenticated health probe reads no item (it may only DescribeTable the table). A
 * route without a token that authenticates each request otherwise (`authenticatedBy`: a signed
 * link) counts as authorized.
 */
export function httpTableAccess(handler: string): TableAccess {
  const routes = HTTP_ROUTES.filter((route) => route.handler === handler);
  if (routes.every((route) => !route.authorized && !route.authenticatedBy)) return 'none';
  return routes.some((route) => route.method !== 'GET') ? 'readWrite' : 'read';
}

export class EstateDeskStack extends Stack {
  readonly table: dynamodb.Table;
  readonly api: HttpApi;
  readonly apiUrl: string;
  readonly userPool: cognito.UserPool;
  readonly userPoolClient: cognito.UserPoolClient;
  /** One function per handler file under functions/http, keyed by the file name without `.ts`. */
  readonly httpFunctions: ReadonlyMap<string, ServiceFunction>;
  readonly effects: ServiceFunction;
  readonly timerDue: ServiceFunction;
  /** Every five minutes: re-sends SMS a crash left `sending`, fires timers past due (ADR 001). */
  readonly reconciler: ServiceFunction;
  readonly scheduleGroupName: string;
  readonly schedulerRole: iam.Role;
  readonly effectsDeadLetters: sqs.Queue;
  readonly timerDeadLetters: sqs.Queue;
  /** The topic made for `alarms.email`, when one was given. */
  readonly alarmTopic: sns.Topic | undefined;
  /** Every topic the alarms notify (none with `alarms: 'none'`). */
  readonly alarmTopics: sns.ITopic[];
  readonly operationalAlarms: OperationalAlarms;
  /** Twilio webhooks and the Amazon Connect function (infra/aws/ivr.ts). */
  readonly ivr: IvrIntake;
  /** The web console: S3 + CloudFront, its managed sign-in and app client (ADR 024). */
  readonly console: ConsoleHosting;

  constructor(scope: Construct, id: string, props: EstateDeskStackProps) {
    super(scope, id, props);
    const smsSignature = props.smsSignature ?? DEFAULT_SMS_SIGNATURE;
    const parkTimeZone = props.parkTimeZone ?? DEFAULT_TIME_ZONE;

    acknowledge(
      this,
      'AwsSolutions-L1',
      'nodejs22.x is the chosen runtime: bundle format, target and the cold-start measurements were made on it. ' +
        'Moving to a newer Node.js runtime is a deliberate change (bundling.ts target + Runtime), not a default.',
    );

    // ---------------------------------------------------------------- data
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      stream: dynamodb.StreamViewType.NEW_AND_OLD_IMAGES,
      // Idempotency-Key answers expire (ADR 010) and limit counters purge themselves after their
      // window (ADR 011); nothing else carries the attribute.
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const indexes = Object.entries(TABLE_INDEXES).slice(0, props.tableIndexes);
    for (const [indexName, index] of indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType[projectionOf(indexName as TableIndexName)],
      });
    }

    const common: Record<string, string> = {
      [ENV.tableName]: this.table.tableName,
      [ENV.defaultTimeZone]: parkTimeZone,
    };

    // ---------------------------------------------------------------- dead letters
    this.effectsDeadLetters = this.deadLetterQueue(
      'EffectsDeadLetters',
      'the on-failure destination of the table stream → effects mapping (records that exhausted retries or aged out)',
    );
    this.timerDeadLetters = this.deadLetterQueue(
      'TimerDeadLetters',
      'the dead-letter queue of every ticket-timer schedule and of the timer function’s async invocations',
    );

    // ---------------------------------------------------------------- timer target
    this.timerDue = new ServiceFunction(this, 'TimerDue', {
      entry: join(PROJECT_ROOT, BACKGROUND_HANDLERS.timerDue),
      projectRoot: PROJECT_ROOT,
      description: 'estate-desk: a ticket timer fell due (invoked by EventBridge Scheduler)',
      environment: common,
      timeout: Duration.seconds(30),
      memorySize: 1024,
    });
    this.grantTable(this.timerDue, 'readWrite');
    // Scheduler invokes Lambda asynchronously: its own retry policy and DLQ only cover failed invokes.
    // A handler error is retried by Lambda, then lands in the same dead-letter queue.
    this.timerDue.fn.configureAsyncInvoke({
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(this.timerDeadLetters),
    });

    // ---------------------------------------------------------------- scheduler
    this.scheduleGroupName = `estate-desk-timers-${this.stackName}`;
    const scheduleGroup = new CfnScheduleGroup(this, 'TimerScheduleGroup', { name: this.scheduleGroupName });
    this.schedulerRole = new iam.Role(this, 'SchedulerRole', {
      description: 'Assumed by EventBridge Scheduler to fire ticket timers of this stack',
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com', {
        conditions: {
          StringEquals: {
            'aws:SourceAccount': this.account,
            'aws:SourceArn': scheduleGroup.attrArn,
          },
        },
      }),
    });
    this.schedulerRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'InvokeTimerFunction',
        actions: ['lambda:InvokeFunction'],
        resources: [this.timerDue.fn.functionArn],
      }),
    );
    this.schedulerRole.addToPolicy(
      new iam.PolicyStatement({
        sid: 'DeadLetterUndeliveredTimers',
        actions: ['sqs:SendMessage'],
        resources: [this.timerDeadLetters.queueArn],
      }),
    );

    // ---------------------------------------------------------------- effects (stream consumer)
    this.effects = new ServiceFunction(this, 'Effects', {
      entry: join(PROJECT_ROOT, BACKGROUND_HANDLERS.effects),
      projectRoot: PROJECT_ROOT,
      description: 'estate-desk: side effects of ticket events (SMS, timers), from the table stream',
      environment: {
        ...common,
        [ENV.smsSignature]: smsSignature,
        [ENV.scheduleGroup]: this.scheduleGroupName,
        [ENV.schedulerRoleArn]: this.schedulerRole.roleArn,
        [ENV.timerFunctionArn]: this.timerDue.fn.functionArn,
        [ENV.timerDeadLetterArn]: this.timerDeadLetters.queueArn,
      },
      timeout: Duration.seconds(60),
      memorySize: 1024,
    });
    this.effects.node.addDependency(scheduleGroup);
    this.grantTable(this.effects, 'readWrite');
    const schedulesInGroup = this.formatArn({
      service: 'scheduler',
      resource: 'schedule',
      resourceName: `${this.scheduleGroupName}/*`,
    });
    this.effects.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ManageTicketTimers',
        // Get and Update: a ConflictException on create is verified, not taken as "exists".
        actions: [
          'scheduler:CreateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:GetSchedule',
          'scheduler:UpdateSchedule',
        ],
        resources: [schedulesInGroup],
      }),
    );
    this.effects.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'PassSchedulerRole',
        actions: ['iam:PassRole'],
        resources: [this.schedulerRole.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      }),
    );
    allowSmsToPhoneNumbersOnly(this.effects.role);
    this.effects.fn.addEventSource(
      new DynamoEventSource(this.table, {
        startingPosition: StartingPosition.TRIM_HORIZON,
        batchSize: 10,
        bisectBatchOnError: true,
        retryAttempts: 5,
        maxRecordAge: Duration.hours(6),
        reportBatchItemFailures: true,
        parallelizationFactor: 1,
        onFailure: new SqsDlq(this.effectsDeadLetters),
      }),
    );
    acknowledge(
      this.effects,
      'AwsSolutions-IAM5[Resource::*]',
      'Two statements name "*" and neither has a narrower resource: sns:Publish straight to a phone number (SMS) ' +
        'is authorised against "*" because only topics have ARNs (the statement allows sns:Publish only); and ' +
        'dynamodb:ListStreams, added by DynamoEventSource for the stream mapping, has no resource-level permissions. ' +
        'The stream itself (DescribeStream/GetRecords/GetShardIterator) is granted on its ARN.',
    );
    acknowledge(
      this.effects,
      `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${this.scheduleGroupName}/*]`,
      'Ticket timers are one schedule per (ticket, timer), named at run time; the wildcard covers only ' +
        "schedules inside this stack's own schedule group, and only Create/Get/Update/DeleteSchedule.",
    );

    // ---------------------------------------------------------------- reconciler (ADR 001)
    this.reconciler = new ServiceFunction(this, 'Reconciler', {
      entry: join(PROJECT_ROOT, BACKGROUND_HANDLERS.reconcile),
      projectRoot: PROJECT_ROOT,
      description: 'estate-desk: every 5 minutes, re-sends SMS a crash left unsent and fires timers past due',
      environment: { ...common, [ENV.smsSignature]: smsSignature },
      timeout: Duration.seconds(60),
      memorySize: 1024,
    });
    // Reads the unsettled-items index, re-takes claims, records timer events: no Scheduler at all.
    this.grantTable(this.reconciler, 'readWrite');
    allowSmsToPhoneNumbersOnly(this.reconciler.role);
    // A failed run is not retried: the next run, five minutes later, does the same work.
    this.reconciler.fn.configureAsyncInvoke({ retryAttempts: 0, maxEventAge: Duration.minutes(5) });
    new events.Rule(this, 'ReconcileEvery5Minutes', {
      description: 'estate-desk: runs the reconciler (stuck SMS claims, timers past due) every 5 minutes',
      schedule: events.Schedule.rate(Duration.minutes(5)),
      targets: [
        new LambdaFunction(this.reconciler.fn, { retryAttempts: 2, maxEventAge: Duration.minutes(5) }),
      ],
    });
    acknowledge(
      this.reconciler,
      'AwsSolutions-IAM5[Resource::*]',
      'sns:Publish straight to a phone number (re-sending an SMS a crash left unsent) is authorised against "*": ' +
        'only topics have ARNs. The statement allows sns:Publish only.',
    );

    // ---------------------------------------------------------------- identity
    this.userPool = new cognito.UserPool(this, 'StaffPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      customAttributes: {
        // Comma-separated park ids, or `*` for every park. Set by administrators only.
        parks: new cognito.StringAttribute({ minLen: 1, maxLen: 2048, mutable: true }),
        staffId: new cognito.StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      mfa: cognito.Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: cognito.AccountRecovery.NONE,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const group of STAFF_GROUPS) {
      new cognito.CfnUserPoolGroup(this, `Group${pascal(group)}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: group,
      });
    }
    this.userPoolClient = this.userPool.addClient('DeskClient', {
      // Sign-in with SRP from the desk app; no hosted UI, so no OAuth flows or callback URLs.
      authFlows: { userSrp: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.days(30),
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ fullname: true, phoneNumber: true, locale: true })
        .withCustomAttributes('parks', 'staffId'),
      // Never custom:parks or custom:staffId: users must not widen their own access. (An empty list
      // would be ignored and leave every attribute writable, hence one harmless attribute.)
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true }),
    });
    acknowledge(
      this.userPool,
      'AwsSolutions-COG2',
      'MFA is optional (TOTP only, no SMS): accounts are created by the property office, self sign-up is off, ' +
        'and field staff and guards sign in on shared duty phones where a required authenticator would block ' +
        'shift hand-over. Office and management accounts are expected to enrol TOTP.',
    );
    acknowledge(
      this.userPool,
      'AwsSolutions-COG8',
      'Essentials plan: a staff-only pool of tens of users with administrator-created accounts and no ' +
        'self sign-up; the Plus plan threat protection is a per-user cost to revisit if the pool grows or opens up.',
    );

    // ---------------------------------------------------------------- web console (ADR 024)
    this.console = new ConsoleHosting(this, 'Console', {
      userPool: this.userPool,
      consoleDist: props.consoleDist,
      authDomainPrefix: props.authDomainPrefix,
    });

    // ---------------------------------------------------------------- HTTP API
    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', {
      retention: logs.RetentionDays.THREE_MONTHS,
    });
    this.api = new HttpApi(this, 'Api', {
      apiName: `estate-desk-${this.stackName}`,
      description: 'estate-desk service desk API',
      createDefaultStage: false,
      // The console's origin only (ADR 024).
      corsPreflight: this.console.cors,
    });
    const stage = this.api.addStage('DefaultStage', {
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: 50, burstLimit: 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            sourceIp: '$context.identity.sourceIp',
            routeKey: '$context.routeKey',
            status: '$context.status',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            responseLatency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
            authorizerError: '$context.authorizer.error',
            sub: '$context.authorizer.claims.sub',
          }),
        ),
      },
    });
    this.apiUrl = stage.url;
    const authorizer = new HttpUserPoolAuthorizer('StaffAuthorizer', this.userPool, {
      // The console's ID tokens carry its own client id as audience.
      userPoolClients: [this.userPoolClient, this.console.client],
    });

    const httpFunctions = new Map<string, ServiceFunction>();
    const integrations = new Map<string, HttpLambdaIntegration>();
    for (const handler of new Set(HTTP_ROUTES.map((route) => route.handler))) {
      const fn = new ServiceFunction(this, `Http${pascal(handler)}`, {
        entry: join(PROJECT_ROOT, handlerEntry(handler)),
        projectRoot: PROJECT_ROOT,
        description: `estate-desk HTTP: ${HTTP_ROUTES.filter((r) => r.handler === handler)
          .map((r) => `${r.method} ${r.path}`)
          .join(', ')}`,
        environment: common,
        timeout: Duration.seconds(HTTP_FUNCTION_TIMEOUT_SECONDS),
        memorySize: 1024,
      });
      this.grantTable(fn, httpTableAccess(handler));
      httpFunctions.set(handler, fn);
      integrations.set(handler, new HttpLambdaIntegration(`Http${pascal(handler)}Integration`, fn.fn));
    }
    this.httpFunctions = httpFunctions;
    // GET /health answers 503 when the table cannot be reached: it may describe the table (no item
    // is read; the route is unauthenticated), nothing else.
    httpFunctions.get('health')?.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ProbeTable',
        actions: ['dynamodb:DescribeTable'],
        resources: [this.table.tableArn],
      }),
    );

    for (const route of HTTP_ROUTES) {
      const [httpRoute] = this.api.addRoutes({
        path: route.path,
        methods: [HttpMethod[route.method]],
        integration: integrations.get(route.handler)!,
        ...(route.authorized ? { authorizer } : {}),
      });
      if (!route.authorized && httpRoute) {
        const key = `${route.method} ${route.path}`;
        acknowledge(
          httpRoute,
          'AwsSolutions-APIG4',
          route.authenticatedBy
            ? `${key} takes no Cognito token (a person opens it from an SMS, with no login): ` +
                `each request is authenticated by ${route.authenticatedBy}.`
            : route.reason
              ? `${key} takes no token (HTTP_ROUTES marks it authorized: false): ${route.reason}.`
              : `${key} is the unauthenticated liveness probe (HTTP_ROUTES marks it authorized: false); ` +
                'it returns no tenant data and its function has no table access. ' +
                'Every other route uses the Cognito JWT authorizer.',
        );
      }
    }

    this.console.deploy(this.apiUrl);

    // ---------------------------------------------------------------- emergency links (EM-2, EM-3)
    new EmergencyLinks(this, 'EmergencyLinks', {
      effects: this.effects,
      resenders: [this.reconciler],
      httpFunctions,
      apiUrl: this.apiUrl,
    });

    // ---------------------------------------------------------------- phone intake (IVR)
    this.ivr = new IvrIntake(this, 'Ivr', {
      projectRoot: PROJECT_ROOT,
      table: this.table,
      api: this.api,
      apiUrl: this.apiUrl,
      environment: common,
    });

    // ---------------------------------------------------------------- alarms
    const destination = props.alarms === 'none' ? {} : props.alarms;
    this.alarmTopic = destination.email ? this.alarmTopicFor(destination.email) : undefined;
    this.alarmTopics = [
      ...(this.alarmTopic ? [this.alarmTopic] : []),
      ...(destination.topicArn
        ? [sns.Topic.fromTopicArn(this, 'GivenAlarmTopic', destination.topicArn)]
        : []),
    ];
    for (const [id, queue, what] of [
      [
        'EffectsDeadLettersAlarm',
        this.effectsDeadLetters,
        'Ticket events whose side effects (SMS, timers) failed',
      ],
      [
        'TimerDeadLettersAlarm',
        this.timerDeadLetters,
        'Ticket timers that could not be delivered or handled',
      ],
    ] as const) {
      const alarm = new cloudwatch.Alarm(this, id, {
        alarmDescription: `${what}: messages are waiting in ${queue.node.path}. Inspect, fix, then redrive.`,
        metric: queue.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: cloudwatch.Stats.MAXIMUM,
        }),
        threshold: 0,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      for (const topic of this.alarmTopics) alarm.addAlarmAction(new SnsAction(topic));
    }

    // ---------------------------------------------------------------- alarms: SMS, effects, reconciler, links
    this.operationalAlarms = new OperationalAlarms(this, 'Alarms', {
      effects: this.effects,
      topics: this.alarmTopics,
      smsSpendAlarmUsd: props.smsSpendAlarmUsd ?? DEFAULT_SMS_SPEND_ALARM_USD,
    });

    // ---------------------------------------------------------------- outputs
    new CfnOutput(this, 'ApiUrl', { value: this.apiUrl, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.userPoolClient.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }

  /** Item-level access to the table and, by name, each of its indexes (no `index/*` wildcard). */
  private grantTable(target: ServiceFunction, access: TableAccess): void {
    if (access === 'none') return;
    const actions: string[] =
      access === 'read' ? [...TABLE_READ_ACTIONS] : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS];
    target.role.addToPolicy(
      new iam.PolicyStatement({
        sid: access === 'read' ? 'ReadTable' : 'ReadWriteTable',
        actions,
        resources: [
          this.table.tableArn,
          ...Object.keys(TABLE_INDEXES).map((indexName) => `${this.table.tableArn}/index/${indexName}`),
        ],
      }),
    );
  }

  private deadLetterQueue(id: string, purpose: string): sqs.Queue {
    const queue = new sqs.Queue(this, id, {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(
      queue,
      'AwsSolutions-SQS3',
      `This queue is itself a dead-letter queue: ${purpose}. A dead-letter queue of a dead-letter queue adds ` +
        'nothing; messages are kept 14 days and an alarm fires on the first one.',
    );
    return queue;
  }

  private alarmTopicFor(email: string): sns.Topic {
    // enforceSSL: publishers must use TLS (cdk-nag SNS3). Not KMS-encrypted: CloudWatch alarms cannot
    // publish to a topic under the AWS managed SNS key, and alarm messages carry no personal data.
    const topic = new sns.Topic(this, 'AlarmTopic', { displayName: 'estate-desk alarms', enforceSSL: true });
    topic.addSubscription(new EmailSubscription(email));
    return topic;
  }
}
