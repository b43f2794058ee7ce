/**
 * The AWS stack, synthesised once (bundling every function with the local esbuild) and read with
 * aws-cdk-lib/assertions. cdk-nag runs as part of that synth, exactly as in `npx cdk synth`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_HANDLERS, HTTP_ROUTES, IVR_ROUTES } from '../../infra/routes';
import { esbuildOptionsFor, nodejsBundling } from '../../infra/aws/bundling';
import { buildEstateDesk, STACK_NAME } from '../../infra/aws/build';
import {
  type EstateDeskStack,
  HTTP_FUNCTION_TIMEOUT_SECONDS,
  httpTableAccess,
  PROJECT_ROOT,
  STAFF_GROUPS,
} from '../../infra/aws/stack';
import { REQUEST_PATH_BUDGET, worstCaseMs } from '../../shared/adapters/aws/sdk';
import { SMS_WITHOUT_LINK_METRIC } from '../../shared/app/emergency-links';
import { RECONCILER_REPAIRS_METRIC } from '../../infra/aws/alarms';
import { DEFAULT_SMS_SPEND_ALARM_USD } from '../../infra/aws/deploy-target';
import {
  projectionOf,
  TABLE_INDEXES,
  TABLE_KEYS,
  type TableIndexName,
  TTL_ATTRIBUTE,
} from '../../shared/adapters/dynamo/table';
import { DEFAULT_SMS_SIGNATURE, DEFAULT_TIME_ZONE, ENV } from '../../shared/config';
import { CONSOLE_FIXTURE } from '../support/console-fixture';

const SYNTH_TIMEOUT = 120_000;
/**
 * The one synth that bundles: NodejsFunction runs `npx esbuild` once per function, two Node
 * processes each, which on a busy 2-core machine took minutes. A setup step, not a test: generous.
 */
const BUNDLED_SYNTH_TIMEOUT = 600_000;
/** CDK context: the stacks whose assets are bundled; none, for a synth that reads only the template. */
const NO_BUNDLING = 'aws:cdk:bundling-stacks';
const HTTP_HANDLERS = [...new Set(HTTP_ROUTES.map((route) => route.handler))];

/** The context `npx cdk synth` gets from cdk.json (feature flags and parameter defaults). */
const CDK_JSON = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
  app: string;
  context: Record<string, unknown>;
};

interface Synthesised {
  app: App;
  stack: EstateDeskStack;
  template: Template;
  outdir: string;
}

const outdirs: string[] = [];

function synth(context: Record<string, unknown>): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'estate-desk-cdk-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    context: {
      ...CDK_JSON.context,
      ...context,
      // Report cdk-nag findings in validation-report.json (asserted below) instead of throwing mid-synth.
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  });
  const stack = buildEstateDesk(app, { consoleDist: CONSOLE_FIXTURE });
  app.synth();
  return { app, stack, template: Template.fromStack(stack), outdir };
}

let main: Synthesised;
let template: Template;
let stack: EstateDeskStack;

beforeAll(() => {
  main = synth({ alarmEmail: 'desk-ops@example.com' });
  template = main.template;
  stack = main.stack;
}, BUNDLED_SYNTH_TIMEOUT);

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function logicalId(construct: IConstruct): string {
  return stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

function getAtt(construct: IConstruct, attribute = 'Arn') {
  return { 'Fn::GetAtt': [logicalId(construct), attribute] };
}

function resourcesOfType(type: string): Record<string, { Properties: Record<string, unknown> }> {
  return template.findResources(type) as Record<string, { Properties: Record<string, unknown> }>;
}

/** The desk's own functions: not the CDK's handler that uploads the console (test/infra/console-stack.test.ts). */
function deskFunctions(): { Properties: Record<string, unknown> }[] {
  return Object.entries(resourcesOfType('AWS::Lambda::Function'))
    .filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'))
    .map(([, fn]) => fn);
}

/** Every statement of every inline IAM policy in the template. */
function allStatements(): { Action: string | string[]; Resource: unknown; Condition?: unknown }[] {
  return Object.values(resourcesOfType('AWS::IAM::Policy')).flatMap(
    (policy) => (policy.Properties.PolicyDocument as { Statement: never[] }).Statement,
  );
}

function policyOfRole(roleLogicalId: string): { Statement: unknown[] } {
  const policies = Object.values(resourcesOfType('AWS::IAM::Policy')).filter((policy) =>
    (policy.Properties.Roles as unknown[]).some(
      (role) => JSON.stringify(role) === JSON.stringify({ Ref: roleLogicalId }),
    ),
  );
  expect(policies).toHaveLength(1);
  return policies[0]!.Properties.PolicyDocument as { Statement: unknown[] };
}

interface Report {
  pluginReports: {
    pluginName: string;
    conclusion: string;
    violations: { ruleName: string; severity: string; violatingConstructs: { constructPath: string }[] }[];
  }[];
}

function findings(outdir: string): string[] {
  const path = join(outdir, 'validation-report.json');
  expect(existsSync(path)).toBe(true);
  const report = JSON.parse(readFileSync(path, 'utf8')) as Report;
  return report.pluginReports.flatMap((plugin) =>
    plugin.violations.flatMap((violation) =>
      violation.violatingConstructs.map(
        (c) => `${plugin.pluginName} ${violation.severity} ${violation.ruleName} at ${c.constructPath}`,
      ),
    ),
  );
}

describe('DynamoDB table', () => {
  it('has the pk/sk string keys from TABLE_KEYS, on-demand billing, PITR, a NEW_AND_OLD_IMAGES stream and deletion protection', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      DeletionProtectionEnabled: true,
    });
  });

  it('deletes expired Idempotency-Key answers and limit counters by one time-to-live attribute (ADR 010, ADR 011)', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    });
  });

  it('is retained when the stack is deleted or the table replaced', () => {
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  it('has exactly the GSIs of TABLE_INDEXES, string keys, projection ALL but where an index takes keys only', () => {
    const table = Object.values(resourcesOfType('AWS::DynamoDB::Table'))[0]!.Properties;
    const indexes = table.GlobalSecondaryIndexes as { IndexName: string }[];
    expect(indexes.map((index) => index.IndexName).sort()).toEqual(Object.keys(TABLE_INDEXES).sort());
    for (const [indexName, keys] of Object.entries(TABLE_INDEXES)) {
      expect(indexes).toContainEqual({
        IndexName: indexName,
        KeySchema: [
          { AttributeName: keys.partitionKey, KeyType: 'HASH' },
          { AttributeName: keys.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: projectionOf(indexName as TableIndexName) },
      });
    }
    for (const definition of table.AttributeDefinitions as { AttributeType: string }[]) {
      expect(definition.AttributeType).toBe('S');
    }
  });

  it('declares the filters’ index ticketsByFacet after complaintsByUnitSubject, keys only (issue 13, ADR 020)', () => {
    const table = Object.values(resourcesOfType('AWS::DynamoDB::Table'))[0]!.Properties;
    const names = (table.GlobalSecondaryIndexes as { IndexName: string }[]).map((index) => index.IndexName);
    expect(names.indexOf('ticketsByFacet')).toBe(names.indexOf('complaintsByUnitSubject') + 1);
    expect(table.GlobalSecondaryIndexes).toContainEqual({
      IndexName: 'ticketsByFacet',
      KeySchema: [
        { AttributeName: 'facetKey', KeyType: 'HASH' },
        { AttributeName: 'createdKey', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    });
  });
});

describe('HTTP API', () => {
  it('has one route per HTTP_ROUTES and IVR_ROUTES entry and no other', () => {
    const routeKeys = Object.values(resourcesOfType('AWS::ApiGatewayV2::Route')).map(
      (route) => route.Properties.RouteKey,
    );
    // IVR routes (Twilio webhooks) are checked in test/ivr/stack.test.ts.
    expect(routeKeys.sort()).toEqual(
      [...HTTP_ROUTES, ...IVR_ROUTES].map((route) => `${route.method} ${route.path}`).sort(),
    );
  });

  it('puts the Cognito JWT authorizer on every authorized route and none on /health or /openapi.json', () => {
    const authorizers = resourcesOfType('AWS::ApiGatewayV2::Authorizer');
    const [authorizerId] = Object.keys(authorizers);
    for (const route of HTTP_ROUTES) {
      template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${route.method} ${route.path}`,
        ...(route.authorized
          ? { AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizerId } }
          : { AuthorizationType: 'NONE', AuthorizerId: Match.absent() }),
      });
    }
    // Without a token: the health probe, the API description (ADR 019: no data, a `reason` says so), and
    // the emergency link page, whose signed link authenticates it.
    expect(
      HTTP_ROUTES.filter((route) => !route.authorized && !route.authenticatedBy).map((route) => route.path),
    ).toEqual(['/health', '/openapi.json']);
    expect(HTTP_ROUTES.find((route) => route.path === '/openapi.json')?.reason).toMatch(/no tenant data/);
    expect(httpTableAccess('openapi')).toBe('none');
    expect(
      HTTP_ROUTES.filter((route) => route.authenticatedBy).map((route) => `${route.method} ${route.path}`),
    ).toEqual(['GET /ack/{token}', 'POST /ack/{token}']);
  });

  it('validates JWTs issued by the staff user pool for its app client', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        // The desk's client and the console's (ADR 024).
        Audience: [{ Ref: logicalId(stack.userPoolClient) }, { Ref: logicalId(stack.console.client) }],
        Issuer: Match.objectLike({
          'Fn::Join': [
            '',
            Match.arrayWith([Match.stringLikeRegexp('cognito-idp'), { Ref: logicalId(stack.userPool) }]),
          ],
        }),
      },
    });
  });

  it('sends each route to the function built from its handler file', () => {
    const integrations = resourcesOfType('AWS::ApiGatewayV2::Integration');
    const routes = Object.values(resourcesOfType('AWS::ApiGatewayV2::Route'));
    for (const route of HTTP_ROUTES) {
      const resource = routes.find((r) => r.Properties.RouteKey === `${route.method} ${route.path}`)!;
      const target = JSON.stringify(resource.Properties.Target);
      const integrationId = Object.keys(integrations).find((id) => target.includes(`"${id}"`))!;
      expect(integrations[integrationId]!.Properties).toMatchObject({
        IntegrationType: 'AWS_PROXY',
        PayloadFormatVersion: '2.0',
        IntegrationUri: getAtt(stack.httpFunctions.get(route.handler)!.fn),
      });
    }
  });

  it('writes JSON access logs of the $default stage to a log group with retention', () => {
    template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      AccessLogSettings: {
        DestinationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^ApiAccessLogs'), 'Arn'] },
        Format: Match.stringLikeRegexp('\\$context\\.requestId'),
      },
    });
    const stage = Object.values(resourcesOfType('AWS::ApiGatewayV2::Stage'))[0]!.Properties;
    const [logGroupId] = (stage.AccessLogSettings as { DestinationArn: { 'Fn::GetAtt': [string, string] } })
      .DestinationArn['Fn::GetAtt'];
    expect(resourcesOfType('AWS::Logs::LogGroup')[logGroupId]?.Properties.RetentionInDays).toBe(90);
  });
});

describe('Lambda functions', () => {
  const entries = () => [
    ...HTTP_HANDLERS.map((handler) => ({
      name: `http/${handler}`,
      fn: stack.httpFunctions.get(handler)!.fn,
    })),
    { name: BACKGROUND_HANDLERS.effects, fn: stack.effects.fn },
    { name: BACKGROUND_HANDLERS.timerDue, fn: stack.timerDue.fn },
    { name: BACKGROUND_HANDLERS.reconcile, fn: stack.reconciler.fn },
  ];

  it('makes one function per distinct HTTP handler file, plus effects, the timer target and the reconciler', () => {
    expect([...stack.httpFunctions.keys()].sort()).toEqual([...HTTP_HANDLERS].sort());
    // + effects, timer target, reconciler, and the two IVR functions (Twilio, Connect; test/ivr/stack.test.ts)
    expect(deskFunctions()).toHaveLength(HTTP_HANDLERS.length + 5);
    // + the CDK's bucket deployment handler that uploads the console (ADR 024).
    template.resourceCountIs('AWS::Lambda::Function', HTTP_HANDLERS.length + 6);
  });

  it("gives every HTTP function 25 s: under API Gateway's 30 s, over three table calls at their SDK worst case", () => {
    for (const handler of HTTP_HANDLERS) {
      const fn = template.toJSON().Resources[logicalId(stack.httpFunctions.get(handler)!.fn)];
      expect(fn.Properties.Timeout, handler).toBe(HTTP_FUNCTION_TIMEOUT_SECONDS);
    }
    expect(HTTP_FUNCTION_TIMEOUT_SECONDS).toBeLessThan(30);
    expect(3 * worstCaseMs(REQUEST_PATH_BUDGET)).toBeLessThan(HTTP_FUNCTION_TIMEOUT_SECONDS * 1000);
  });

  it('runs every function on nodejs22.x, arm64, handler index.handler', () => {
    for (const fn of deskFunctions()) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      });
    }
  });

  it('gives every function its own log group with 30-day retention', () => {
    const logGroups = resourcesOfType('AWS::Logs::LogGroup');
    const seen = new Set<string>();
    for (const fn of deskFunctions()) {
      const ref = (fn.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(logGroups[ref]?.Properties.RetentionInDays).toBe(30);
      seen.add(ref);
    }
    expect(seen.size).toBe(HTTP_HANDLERS.length + 5);
  });

  it('uses no AWS managed policies (no AWSLambdaBasicExecutionRole): each role writes only its own log group', () => {
    for (const role of Object.values(resourcesOfType('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    for (const { fn } of entries()) {
      const role = fn.role!.node.defaultChild as CfnElement;
      const logGroup = (fn.node.scope as IConstruct).node.findChild('Logs');
      expect(policyOfRole(stack.getLogicalId(role)).Statement).toContainEqual({
        Sid: 'WriteOwnLogs',
        Effect: 'Allow',
        Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        Resource: getAtt(logGroup),
      });
    }
  });

  it('sets the environment variables named in shared/config ENV', () => {
    const envOf = (fn: IConstruct) =>
      (template.toJSON().Resources[logicalId(fn)].Properties.Environment?.Variables ?? {}) as Record<
        string,
        unknown
      >;
    for (const { fn } of entries()) {
      expect(envOf(fn)).toMatchObject({
        [ENV.tableName]: { Ref: logicalId(stack.table) },
        [ENV.defaultTimeZone]: DEFAULT_TIME_ZONE,
      });
    }
    expect(envOf(stack.effects.fn)).toEqual({
      [ENV.tableName]: { Ref: logicalId(stack.table) },
      [ENV.defaultTimeZone]: DEFAULT_TIME_ZONE,
      [ENV.smsSignature]: DEFAULT_SMS_SIGNATURE,
      [ENV.scheduleGroup]: stack.scheduleGroupName,
      [ENV.schedulerRoleArn]: getAtt(stack.schedulerRole),
      [ENV.timerFunctionArn]: getAtt(stack.timerDue.fn),
      [ENV.timerDeadLetterArn]: getAtt(stack.timerDeadLetters),
      // Emergency SMS links (infra/aws/emergency.ts): the key's parameter name and where links point.
      [ENV.ackLinkKeyParameter]: '/estate-desk/ack-link-key',
      [ENV.publicBaseUrl]: stack.resolve(stack.apiUrl),
    });
  });

  it('lets effects, the reconciler and the link page read the ack-link key parameter, and nothing else read it', () => {
    const readers = allStatements().filter(
      (s) =>
        JSON.stringify(s.Action) === '"ssm:GetParameter"' &&
        JSON.stringify(s.Resource).includes('ack-link-key'),
    );
    expect(readers).toHaveLength(4);
    for (const fn of [
      stack.effects,
      stack.reconciler,
      stack.httpFunctions.get('ack-page')!,
      stack.httpFunctions.get('ack-submit')!,
    ]) {
      expect(policyOfRole(logicalId(fn.role)).Statement).toContainEqual(
        expect.objectContaining({ Sid: 'ReadAckLinkKey', Action: 'ssm:GetParameter' }),
      );
    }
    expect(httpTableAccess('ack-page')).toBe('read');
    expect(httpTableAccess('ack-submit')).toBe('readWrite');
  });

  it('bundles CommonJS for node22 with the AWS SDK inside, using the options bundling.ts shares with the benchmark', () => {
    expect(nodejsBundling).toMatchObject({
      format: 'cjs',
      target: 'node22',
      minify: true,
      externalModules: [],
      forceDockerBundling: false,
    });
    expect(esbuildOptionsFor('/x/entry.ts')).toMatchObject({
      entryPoints: ['/x/entry.ts'],
      bundle: true,
      platform: 'node',
      format: nodejsBundling.format,
      target: nodejsBundling.target,
      minify: nodejsBundling.minify,
      external: nodejsBundling.externalModules,
    });
    // Effects uses the Scheduler and SNS clients: both must be inside its bundle, not required at run time.
    const effects = template.toJSON().Resources[logicalId(stack.effects.fn)].Properties;
    const assetKey = (effects.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '');
    const bundle = readFileSync(join(main.outdir, `asset.${assetKey}`, 'index.js'), 'utf8');
    expect(bundle).toContain('"CreateSchedule"');
    const required = new Set([...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]!));
    // The optional CRT signer is only named in an error message; everything else is a Node.js builtin.
    const external = [...required].filter(
      (id) => !id.startsWith('node:') && id !== '@aws-sdk/signature-v4-crt',
    );
    expect(external).toEqual([]);
    expect(bundle).not.toMatch(/^export\s|\nexport\s*\{/);
  });
});

describe('table access', () => {
  const TABLE = () => getAtt(stack.table);
  const resourcesFor = () => [
    TABLE(),
    // The synthesized policy lists the indexes sorted.
    ...Object.keys(TABLE_INDEXES)
      .sort()
      .map((name) => ({ 'Fn::Join': ['', [TABLE(), `/index/${name}`]] })),
  ];
  const statementsOf = (construct: IConstruct) =>
    policyOfRole(stack.getLogicalId(construct.node.defaultChild as CfnElement)).Statement as {
      Action: string[];
      Resource: unknown;
    }[];
  const tableStatement = (construct: IConstruct) =>
    statementsOf(construct).find((s) => JSON.stringify(s.Resource).includes('/index/'));

  it('names the table and each index (no index/* wildcard) for every grant', () => {
    for (const statement of allStatements()) {
      expect(JSON.stringify(statement.Resource)).not.toContain('/index/*');
    }
  });

  it('lets the POST handlers, the timer function and effects read and write items', () => {
    const writers = [
      ...HTTP_HANDLERS.filter((h) => httpTableAccess(h) === 'readWrite').map(
        (h) => stack.httpFunctions.get(h)!.role,
      ),
      stack.timerDue.role,
      stack.effects.role,
      stack.reconciler.role,
    ];
    expect(writers.length).toBeGreaterThanOrEqual(4);
    for (const role of writers) {
      expect(tableStatement(role)).toMatchObject({
        Action: [
          'dynamodb:ConditionCheckItem',
          'dynamodb:GetItem',
          'dynamodb:PutItem',
          'dynamodb:Query',
          'dynamodb:UpdateItem',
        ],
        Resource: resourcesFor(),
      });
    }
  });

  it('gives GET-only handlers read access and the unauthenticated health probe none', () => {
    expect(httpTableAccess('open-ticket')).toBe('readWrite');
    expect(httpTableAccess('ticket-command')).toBe('readWrite');
    expect(httpTableAccess('get-ticket')).toBe('read');
    expect(httpTableAccess('health')).toBe('none');
    for (const handler of HTTP_HANDLERS.filter((h) => httpTableAccess(h) === 'read')) {
      expect(tableStatement(stack.httpFunctions.get(handler)!.role)).toMatchObject({
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: resourcesFor(),
      });
    }
    expect(tableStatement(stack.httpFunctions.get('health')!.role)).toBeUndefined();
  });

  it('lets the health probe describe the table (GET /health answers 503 when it cannot be reached), nothing more', () => {
    const health = statementsOf(stack.httpFunctions.get('health')!.role);
    expect(health).toContainEqual({
      Sid: 'ProbeTable',
      Effect: 'Allow',
      Action: 'dynamodb:DescribeTable',
      Resource: TABLE(),
    });
    expect(health.flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith('dynamodb:'))).toEqual([
      'dynamodb:DescribeTable',
    ]);
    const describers = allStatements().filter((s) =>
      JSON.stringify(s.Action).includes('dynamodb:DescribeTable'),
    );
    expect(describers).toHaveLength(1);
  });

  it('lets only effects read the table stream', () => {
    const streamReaders = Object.values(resourcesOfType('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.PolicyDocument).includes('dynamodb:GetRecords'),
    );
    expect(streamReaders).toHaveLength(1);
    expect(statementsOf(stack.effects.role)).toContainEqual({
      Effect: 'Allow',
      Action: ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'],
      Resource: getAtt(stack.table, 'StreamArn'),
    });
  });
});

describe('stream → effects', () => {
  it('maps the table stream from TRIM_HORIZON with bisect, bounded retries and age, partial batch failures and an SQS on-failure queue', () => {
    template.resourceCountIs('AWS::Lambda::EventSourceMapping', 1);
    template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: getAtt(stack.table, 'StreamArn'),
      FunctionName: { Ref: logicalId(stack.effects.fn) },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      MaximumRecordAgeInSeconds: Match.anyValue(),
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.effectsDeadLetters) } },
    });
    const mapping = Object.values(resourcesOfType('AWS::Lambda::EventSourceMapping'))[0]!.Properties;
    expect(mapping.MaximumRecordAgeInSeconds).toBeGreaterThanOrEqual(60);
    expect(mapping.MaximumRecordAgeInSeconds).toBeLessThanOrEqual(86_400);
  });

  it('encrypts both dead-letter queues (SQS managed) and denies non-TLS access to them', () => {
    for (const queue of [stack.effectsDeadLetters, stack.timerDeadLetters]) {
      const id = stack.getLogicalId(queue.node.defaultChild as CfnElement);
      template.hasResourceProperties('AWS::SQS::Queue', {
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 1_209_600,
      });
      template.hasResourceProperties('AWS::SQS::QueuePolicy', {
        Queues: [{ Ref: id }],
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      });
    }
  });
});

describe('timers (EventBridge Scheduler)', () => {
  it('creates the schedule group the effects function is told about', () => {
    template.hasResourceProperties('AWS::Scheduler::ScheduleGroup', { Name: stack.scheduleGroupName });
    expect(stack.scheduleGroupName).toBe(`estate-desk-timers-${STACK_NAME}`);
  });

  it('has a scheduler role only scheduler.amazonaws.com may assume, from this account and this schedule group', () => {
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Action: 'sts:AssumeRole',
            Effect: 'Allow',
            Principal: { Service: 'scheduler.amazonaws.com' },
            Condition: {
              StringEquals: {
                'aws:SourceAccount': { Ref: 'AWS::AccountId' },
                'aws:SourceArn': { 'Fn::GetAtt': ['TimerScheduleGroup', 'Arn'] },
              },
            },
          },
        ],
      },
    });
  });

  it('lets the scheduler role invoke the timer function and send to the timer DLQ, and nothing else', () => {
    expect(policyOfRole(logicalId(stack.schedulerRole)).Statement).toEqual([
      {
        Sid: 'InvokeTimerFunction',
        Effect: 'Allow',
        Action: 'lambda:InvokeFunction',
        Resource: getAtt(stack.timerDue.fn),
      },
      {
        Sid: 'DeadLetterUndeliveredTimers',
        Effect: 'Allow',
        Action: 'sqs:SendMessage',
        Resource: getAtt(stack.timerDeadLetters),
      },
    ]);
  });

  it('lets effects create, read, update and delete schedules only inside its schedule group', () => {
    const statements = allStatements().filter((s) => JSON.stringify(s.Action).includes('scheduler:'));
    expect(statements).toEqual([
      {
        Sid: 'ManageTicketTimers',
        Effect: 'Allow',
        // Get and Update verify a ConflictException from CreateSchedule (issue 9, item 2).
        Action: [
          'scheduler:CreateSchedule',
          'scheduler:DeleteSchedule',
          'scheduler:GetSchedule',
          'scheduler:UpdateSchedule',
        ],
        Resource: {
          'Fn::Join': [
            '',
            [
              'arn:',
              { Ref: 'AWS::Partition' },
              ':scheduler:',
              { Ref: 'AWS::Region' },
              ':',
              { Ref: 'AWS::AccountId' },
              `:schedule/${stack.scheduleGroupName}/*`,
            ],
          ],
        },
      },
    ]);
    expect(policyOfRole(logicalId(stack.effects.role)).Statement).toContainEqual(statements[0]);
  });

  it('lets effects pass exactly the scheduler role, and only to scheduler.amazonaws.com', () => {
    const passRoles = allStatements().filter((s) => JSON.stringify(s.Action).includes('iam:PassRole'));
    expect(passRoles).toEqual([
      {
        Sid: 'PassSchedulerRole',
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: getAtt(stack.schedulerRole),
        Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
      },
    ]);
    expect(policyOfRole(logicalId(stack.effects.role)).Statement).toContainEqual(passRoles[0]);
  });

  it('sends timer-function failures (after Lambda async retries) to the timer DLQ too', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalId(stack.timerDue.fn) },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: getAtt(stack.timerDeadLetters) } },
    });
  });
});

describe('reconciler (ADR 001)', () => {
  it('runs every 5 minutes from an EventBridge rule, which alone may invoke it', () => {
    const fn = logicalId(stack.reconciler.fn);
    template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [
        Match.objectLike({
          Arn: getAtt(stack.reconciler.fn),
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 300 },
        }),
      ],
    });
    const permissions = Object.values(resourcesOfType('AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(fn),
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      Principal: 'events.amazonaws.com',
    });
    // A failed run is not retried by Lambda: the next run is five minutes away.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fn },
      MaximumRetryAttempts: 0,
    });
  });

  it('may read and write items, send SMS and read the link key, and make no schedules', () => {
    const statements = policyOfRole(logicalId(stack.reconciler.role)).Statement as {
      Sid: string;
      Action: string | string[];
    }[];
    expect(statements.map((st) => st.Sid).sort()).toEqual(
      ['NoPublishToTopics', 'ReadAckLinkKey', 'ReadWriteTable', 'SendSms', 'WriteOwnLogs'].sort(),
    );
    expect(JSON.stringify(statements)).not.toMatch(/scheduler:|iam:PassRole/);
    const env = template.toJSON().Resources[logicalId(stack.reconciler.fn)].Properties.Environment.Variables;
    expect(Object.keys(env).sort()).toEqual(
      [ENV.tableName, ENV.defaultTimeZone, ENV.smsSignature, ENV.ackLinkKeyParameter].sort(),
    );
  });
});

describe('least privilege', () => {
  it('uses a "*" resource only for sns:Publish (SMS to phone numbers) and dynamodb:ListStreams', () => {
    const wildcards = allStatements()
      .filter((s) => JSON.stringify(s.Resource) === '"*"')
      .map((s) => s.Action);
    expect(wildcards.sort()).toEqual(['dynamodb:ListStreams', 'sns:Publish', 'sns:Publish']);
    // Those that send SMS: effects, and the reconciler re-sending what a crash left unsent.
    const publishers = allStatements().filter(
      (s) =>
        JSON.stringify(s.Action).includes('sns:Publish') && (s as { Effect?: string }).Effect === 'Allow',
    );
    expect(publishers).toHaveLength(2);
    expect(policyOfRole(logicalId(stack.effects.role)).Statement).toContainEqual(publishers[0]);
    expect(policyOfRole(logicalId(stack.reconciler.role)).Statement).toContainEqual(publishers[1]);
  });

  it('denies sns:Publish to every topic ARN wherever sns:Publish is allowed (phone numbers only)', () => {
    const denyTopics = {
      Sid: 'NoPublishToTopics',
      Effect: 'Deny',
      Action: 'sns:Publish',
      Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] },
    };
    const policies = Object.values(resourcesOfType('AWS::IAM::Policy')).map(
      (policy) =>
        (policy.Properties.PolicyDocument as { Statement: { Effect: string; Action: unknown }[] }).Statement,
    );
    const sending = policies.filter((statements) =>
      statements.some((st) => st.Effect === 'Allow' && JSON.stringify(st.Action).includes('sns:Publish')),
    );
    expect(sending.length).toBeGreaterThanOrEqual(1);
    for (const statements of sending) expect(statements).toContainEqual(denyTopics);
    expect(policyOfRole(logicalId(stack.effects.role)).Statement).toContainEqual(denyTopics);
    // The Deny names topics only: the Allow on "*" (a phone number has no ARN) still lets SMS through.
    // One Deny per role that sends SMS: the effects function and the reconciler.
    expect(allStatements().filter((st) => (st as { Effect?: string }).Effect === 'Deny')).toEqual([
      denyTopics,
      denyTopics,
    ]);
  });

  it('grants no wildcard actions (but to the CDK deployment that uploads the console, acknowledged one by one)', () => {
    const deployPolicy = logicalId(
      stack.console.node.findChild('DeployRole').node.findChild('DefaultPolicy'),
    );
    const deskPolicies = Object.entries(resourcesOfType('AWS::IAM::Policy')).filter(
      ([id]) => id !== deployPolicy,
    );
    expect(deskPolicies.length).toBe(Object.keys(resourcesOfType('AWS::IAM::Policy')).length - 1);
    for (const [, policy] of deskPolicies) {
      for (const statement of (policy.Properties.PolicyDocument as { Statement: { Action: string }[] })
        .Statement) {
        for (const action of [statement.Action].flat()) expect(action).not.toContain('*');
      }
    }
  });
});

describe('Cognito', () => {
  it('has the six staff groups', () => {
    const groups = Object.values(resourcesOfType('AWS::Cognito::UserPoolGroup')).map(
      (group) => group.Properties.GroupName,
    );
    expect(groups.sort()).toEqual([...STAFF_GROUPS].sort());
    expect(groups.sort()).toEqual(['dispatcher', 'executive', 'manager', 'office', 'security', 'staff']);
  });

  it('has custom string attributes parks and staffId, no self sign-up and a strong password policy', () => {
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      Schema: Match.arrayWith([
        Match.objectLike({ Name: 'parks', AttributeDataType: 'String', Mutable: true }),
        Match.objectLike({ Name: 'staffId', AttributeDataType: 'String', Mutable: true }),
      ]),
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: {
        PasswordPolicy: Match.objectLike({
          MinimumLength: 12,
          RequireLowercase: true,
          RequireUppercase: true,
          RequireNumbers: true,
          RequireSymbols: true,
        }),
      },
      DeletionProtection: 'ACTIVE',
    });
  });

  it('has an app client that reads custom:parks/custom:staffId but cannot write them, with no OAuth flows', () => {
    // + the console's client (code + PKCE; test/infra/console-stack.test.ts).
    template.resourceCountIs('AWS::Cognito::UserPoolClient', 2);
    const client = resourcesOfType('AWS::Cognito::UserPoolClient')[logicalId(stack.userPoolClient)]!
      .Properties;
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:parks', 'custom:staffId']));
    expect((client.WriteAttributes as string[]).length).toBeGreaterThan(0);
    expect((client.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlows).toBeUndefined();
    expect(client.CallbackURLs).toBeUndefined();
  });
});

describe('alarms', () => {
  it('alarms when either dead-letter queue holds a message, notifying the alarm topic', () => {
    const topicId = stack.getLogicalId(stack.alarmTopic!.node.defaultChild as CfnElement);
    for (const queue of [stack.effectsDeadLetters, stack.timerDeadLetters]) {
      template.hasResourceProperties('AWS::CloudWatch::Alarm', {
        Namespace: 'AWS/SQS',
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(queue, 'QueueName') }],
        ComparisonOperator: 'GreaterThanThreshold',
        Threshold: 0,
        TreatMissingData: 'notBreaching',
        AlarmActions: [{ Ref: topicId }],
      });
    }
  });

  it('subscribes alarmEmail to an alarm topic that requires TLS', () => {
    template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'desk-ops@example.com',
    });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    });
  });
});

describe('alarms that reach a person (SMS, spend, effects, reconciler, links)', () => {
  const alarmWith = (properties: Record<string, unknown>) =>
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      ...properties,
      ComparisonOperator: 'GreaterThanThreshold',
      EvaluationPeriods: 1,
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: stack.getLogicalId(stack.alarmTopic!.node.defaultChild as CfnElement) }],
      AlarmDescription: Match.stringLikeRegexp('.{80,}'),
    });

  it('alarms when SNS fails to deliver an SMS sent straight to a phone number', () => {
    alarmWith({
      Namespace: 'AWS/SNS',
      MetricName: 'NumberOfNotificationsFailed',
      Dimensions: [{ Name: 'PhoneNumber', Value: 'PhoneNumberDirect' }],
      Statistic: 'Sum',
      Threshold: 0,
    });
  });

  it('alarms when the month-to-date SMS spend passes 50 USD (the default of -c smsSpendAlarmUsd)', () => {
    alarmWith({
      Namespace: 'AWS/SNS',
      MetricName: 'SMSMonthToDateSpentUSD',
      Dimensions: Match.absent(),
      Statistic: 'Maximum',
      Threshold: DEFAULT_SMS_SPEND_ALARM_USD,
    });
    expect(DEFAULT_SMS_SPEND_ALARM_USD).toBe(50);
  });

  it('alarms on any error of the effects function', () => {
    alarmWith({
      Namespace: 'AWS/Lambda',
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: logicalId(stack.effects.fn) } }],
      Statistic: 'Sum',
      Threshold: 0,
    });
  });

  it('alarms on any repair by the reconciler (EstateDesk/ReconcilerRepairs, no dimensions)', () => {
    alarmWith({
      Namespace: 'EstateDesk',
      MetricName: 'ReconcilerRepairs',
      Dimensions: Match.absent(),
      Statistic: 'Sum',
      Threshold: 0,
    });
    expect(RECONCILER_REPAIRS_METRIC).toEqual({ namespace: 'EstateDesk', name: 'ReconcilerRepairs' });
  });

  it('alarms on any emergency SMS sent without its link (the metric emergency-links.ts emits)', () => {
    alarmWith({
      Namespace: SMS_WITHOUT_LINK_METRIC.namespace,
      MetricName: SMS_WITHOUT_LINK_METRIC.name,
      Dimensions: Match.absent(),
      Statistic: 'Sum',
      Threshold: 0,
    });
    expect(SMS_WITHOUT_LINK_METRIC).toEqual({ namespace: 'EstateDesk', name: 'EmergencySmsWithoutLink' });
  });

  it('sends every alarm of the stack to the alarm topic: none is left notifying no one', () => {
    const topic = { Ref: stack.getLogicalId(stack.alarmTopic!.node.defaultChild as CfnElement) };
    const alarms = Object.values(resourcesOfType('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(7);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([topic]);
  });
});

describe('deploy refusals and alarm destinations (-c alarmEmail | alarmTopicArn | alarms=none)', () => {
  /** A synth without bundling (the functions' code is not what these tests look at). */
  function quickSynth(context: Record<string, unknown>, env: Record<string, string | undefined> = {}) {
    const saved = { region: process.env.CDK_DEFAULT_REGION };
    if ('CDK_DEFAULT_REGION' in env) process.env.CDK_DEFAULT_REGION = env.CDK_DEFAULT_REGION;
    try {
      return synth({ ...context, 'aws:cdk:bundling-stacks': [] });
    } finally {
      if (saved.region === undefined) delete process.env.CDK_DEFAULT_REGION;
      else process.env.CDK_DEFAULT_REGION = saved.region;
    }
  }

  it('refuses to synthesize without an alarm destination, saying how to give one or opt out', () => {
    expect(() => quickSynth({})).toThrow(
      /no alarm destination.*-c alarmEmail=.*-c alarmTopicArn=.*-c alarms=none/s,
    );
  });

  it.each([
    [{ alarms: 'off' }, /alarms=off is not understood/],
    [{ alarms: 'none', alarmEmail: 'ops@example.com' }, /notify no one, but an alarmEmail/],
    [{ alarmEmail: 'ops' }, /not an email address/],
    [{ alarmTopicArn: 'ops-topic' }, /not an SNS topic ARN/],
    [
      { alarmEmail: 'ops@example.com', smsSpendAlarmUsd: 'lots' },
      /smsSpendAlarmUsd=lots must be a positive number/,
    ],
    [{ alarms: 'none', tableIndexes: '0' }, /tableIndexes=0 must be a whole number from 1 to/],
    [{ alarms: 'none', tableIndexes: 'all' }, /tableIndexes=all must be a whole number from 1 to/],
  ])('refuses %j', (context, message) => {
    expect(() => quickSynth(context)).toThrow(message);
  });

  it('with -c tableIndexes=n the table declares only its n oldest indexes (one new index per deploy)', () => {
    const names = Object.keys(TABLE_INDEXES);
    const declared = (context: Record<string, unknown>) => {
      const tables = Object.values(quickSynth(context).template.findResources('AWS::DynamoDB::Table'));
      const indexes = tables[0]?.Properties.GlobalSecondaryIndexes as { IndexName: string }[];
      return indexes.map((index) => index.IndexName);
    };
    expect(declared({ alarms: 'none', tableIndexes: String(names.length - 1) })).toEqual(names.slice(0, -1));
    expect(declared({ alarms: 'none' })).toEqual(names);
  });

  it('with -c alarmTopicArn, every alarm notifies that existing topic and no topic is created', () => {
    const arn = 'arn:aws:sns:ap-southeast-1:111122223333:desk-pager';
    const { template: t } = quickSynth({ alarmTopicArn: arn });
    t.resourceCountIs('AWS::SNS::Topic', 0);
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(7);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([arn]);
  });

  it('with -c alarms=none (the documented opt-out), the alarms exist but notify no one; -c smsSpendAlarmUsd sets the spend threshold', () => {
    const { template: t } = quickSynth({ alarms: 'none', smsSpendAlarmUsd: '20' });
    t.resourceCountIs('AWS::SNS::Topic', 0);
    const alarms = Object.values(t.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(7);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toBeUndefined();
    t.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'SMSMonthToDateSpentUSD',
      Threshold: 20,
    });
  });

  it.each([
    ['-c region', { region: 'cn-north-1' }, {}],
    ['CDK_DEFAULT_REGION', {}, { CDK_DEFAULT_REGION: 'cn-northwest-1' }],
  ])('refuses a China region given by %s: no Cognito user pools, no SNS SMS there', (_, context, env) => {
    expect(() => quickSynth({ alarms: 'none', ...context }, env)).toThrow(
      /cannot be deployed to cn-(north|northwest)-1.*Cognito user pools.*SNS SMS/s,
    );
  });

  it('synthesizes for a global region', () => {
    expect(() => quickSynth({ alarms: 'none' }, { CDK_DEFAULT_REGION: 'ap-southeast-1' })).not.toThrow();
  });

  it('cdk.json targets the aws partition only (aws-cn has neither Cognito user pools nor SNS SMS)', () => {
    expect(CDK_JSON.context['@aws-cdk/core:target-partitions']).toEqual(['aws']);
  });
});

describe('stack outputs', () => {
  it('exports the API URL, user pool id, client id and table name', () => {
    const outputs = template.findOutputs('*');
    expect(Object.keys(outputs).sort()).toEqual(
      [
        'ApiUrl',
        'ConnectFunctionArn',
        'ConsoleSignInDomain',
        'ConsoleUrl',
        'TableName',
        'TwilioVoiceUrl',
        'UserPoolClientId',
        'UserPoolId',
      ].sort(),
    );
    expect(outputs.TableName!.Value).toEqual({ Ref: logicalId(stack.table) });
    expect(outputs.UserPoolId!.Value).toEqual({ Ref: logicalId(stack.userPool) });
  });
});

describe('cdk-nag (AWS Solutions)', () => {
  /** Every acknowledgement recorded in the construct tree: rule id → reason. */
  function acknowledgements(app: App): { path: string; rule: string; reason: string }[] {
    return app.node.findAll().flatMap((construct) =>
      construct.node.metadata
        .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
        .flatMap((entry) =>
          Object.entries(entry.data as Record<string, string>).map(([rule, reason]) => ({
            path: construct.node.path,
            rule,
            reason,
          })),
        ),
    );
  }

  it('reports no finding that lacks an acknowledgement (cdk synth would fail on one)', () => {
    expect(findings(main.outdir)).toEqual([]);
  });

  it('acknowledges exactly the reviewed rules, each on the narrowest construct and with a reason', () => {
    const acks = acknowledgements(main.app);
    const summary = acks.map(
      (ack) => `${ack.path.replace(`${STACK_NAME}/`, '')}: ${ack.rule.replace(/^[^:[]+::/, '')}`,
    );
    expect(summary.sort()).toEqual(
      [
        `${STACK_NAME}: AwsSolutions-L1`,
        'Effects: AwsSolutions-IAM5[Resource::*]',
        'Reconciler: AwsSolutions-IAM5[Resource::*]',
        `Effects: AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:scheduler:<AWS::Region>:<AWS::AccountId>:schedule/${stack.scheduleGroupName}/*]`,
        'StaffPool: AwsSolutions-COG2',
        'StaffPool: AwsSolutions-COG8',
        'Api/GET--health: AwsSolutions-APIG4',
        'Api/GET--openapi.json: AwsSolutions-APIG4',
        'Api/GET--ack--{token}: AwsSolutions-APIG4',
        'Api/POST--ack--{token}: AwsSolutions-APIG4',
        'Ivr/TwilioRoutes: AwsSolutions-APIG4',
        'EffectsDeadLetters: AwsSolutions-SQS3',
        'TimerDeadLetters: AwsSolutions-SQS3',
        // The console (ADR 024; test/infra/console-stack.test.ts).
        'Console/Logs: AwsSolutions-S1',
        'Console/Distribution: AwsSolutions-CFR1',
        'Console/Distribution: AwsSolutions-CFR2',
        'Console/Distribution: AwsSolutions-CFR4',
        ...[
          'Action::s3:GetBucket*',
          'Action::s3:GetObject*',
          'Action::s3:List*',
          'Action::s3:Abort*',
          'Action::s3:DeleteObject*',
          'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
          `Resource::<${logicalId(stack.console.bucket)}.Arn>/*`,
        ].map((finding) => `Console/DeployRole: AwsSolutions-IAM5[${finding}]`),
      ].sort(),
    );
    for (const ack of acks) expect(ack.reason.length, ack.rule).toBeGreaterThan(60);
  });
});

describe('parameters from CDK context', () => {
  let other: Synthesised;

  beforeAll(() => {
    // Context only changes the template: bundling every function again (as `main` did) would only
    // cost minutes on a busy machine.
    other = synth({
      smsSignature: '【测试物业】',
      parkTimeZone: 'Asia/Urumqi',
      alarms: 'none',
      [NO_BUNDLING]: [],
    });
  }, SYNTH_TIMEOUT);

  it('cdk.json runs the app with tsx and holds the defaults of smsSignature and parkTimeZone', () => {
    expect(CDK_JSON.app).toBe('npx tsx infra/aws/app.ts');
    expect(CDK_JSON.context.smsSignature).toBe(DEFAULT_SMS_SIGNATURE);
    expect(CDK_JSON.context.parkTimeZone).toBe(DEFAULT_TIME_ZONE);
    expect(CDK_JSON.context.alarmEmail).toBeUndefined();
  });

  it('passes -c smsSignature / parkTimeZone to the functions', () => {
    const resources = other.template.toJSON().Resources;
    const effects =
      resources[other.stack.getLogicalId(other.stack.effects.fn.node.defaultChild as CfnElement)];
    expect(effects.Properties.Environment.Variables).toMatchObject({
      [ENV.smsSignature]: '【测试物业】',
      [ENV.defaultTimeZone]: 'Asia/Urumqi',
    });
  });

  it('with -c alarms=none, still alarms on both queues and the rest but creates no topic', () => {
    other.template.resourceCountIs('AWS::SNS::Topic', 0);
    other.template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    expect(findings(other.outdir)).toEqual([]);
  });
});
