/**
 * Phone intake on AWS: the Twilio webhook routes on the desk's HTTP API (no Cognito authorizer —
 * every request is authenticated by its X-Twilio-Signature, checked in the function) and the
 * Amazon Connect function a contact flow invokes.
 *
 * CDK context (all optional):
 * - `twilioAuthTokenParameter`: name of the SSM SecureString holding the Twilio auth token
 *   (default `/estate-desk/twilio/auth-token`; create it with `aws ssm put-parameter --type SecureString`).
 * - `twilioAuthTokenKmsKeyArn`: the customer managed key of that parameter, when not `aws/ssm`.
 * - `publicBaseUrl`: the URL Twilio calls, when not the API's own (a custom domain).
 * - `connectInstances`: the Amazon Connect instances allowed to invoke the Connect function, each
 *   with the park its contacts are for, as JSON: `{"arn:aws:connect:…:instance/…": "park-1"}`.
 *   `connectInstanceArn`: one instance, for the IVR park (`ivrParkId`). The function always exists;
 *   without either nothing may invoke it (no resource policy at all), and it refuses any instance
 *   not configured (the park is never the flow's to say).
 * - `ivrParkId`, `ivrVoice`, `ivrSayLanguage`, `ivrSpeechLanguage`: see shared/config.ts.
 */
import type { TableIndexName } from '../../shared/adapters/dynamo/table';
import { join } from 'node:path';
import { CfnOutput, Duration, Stack, Validations } from 'aws-cdk-lib';
import { type HttpApi, HttpMethod, HttpRoute, HttpRouteKey } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { handlerEntry, IVR_ROUTES, TWILIO_HANDLER } from '../routes';
import { CONNECT_INSTANCE_ARN, parseConnectInstances } from '../../shared/app/ivr-calls/connect-instances';
import { DEFAULT_IVR_PARK_ID, DEFAULT_IVR_VOICE, ENV } from '../../shared/config';
import { ServiceFunction } from './service-function';
import { contextString } from './context';

export const IVR_CONTEXT = {
  twilioAuthTokenParameter: 'twilioAuthTokenParameter',
  twilioAuthTokenKmsKeyArn: 'twilioAuthTokenKmsKeyArn',
  publicBaseUrl: 'publicBaseUrl',
  connectInstanceArn: 'connectInstanceArn',
  connectInstances: 'connectInstances',
  ivrParkId: 'ivrParkId',
  ivrVoice: 'ivrVoice',
  ivrSayLanguage: 'ivrSayLanguage',
  ivrSpeechLanguage: 'ivrSpeechLanguage',
} as const;

export const DEFAULT_TWILIO_AUTH_TOKEN_PARAMETER = '/estate-desk/twilio/auth-token';

/** What the IVR functions do on the table: read and write items, no index, no delete, no scan. */
export const IVR_TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:Query',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:ConditionCheckItem',
] as const;

/** The one index intake reads (shared/adapters/dynamo/limits.ts). */
export const IVR_INDEX: TableIndexName = 'openTicketsByCaller';

export interface IvrIntakeProps {
  projectRoot: string;
  table: dynamodb.ITable;
  api: HttpApi;
  /** The API's base URL (the default public URL Twilio calls). */
  apiUrl: string;
  /** Environment every function gets (table name, time zone). */
  environment: Record<string, string>;
}

export class IvrIntake extends Construct {
  readonly twilio: ServiceFunction;
  readonly connect: ServiceFunction;
  readonly tokenParameterName: string;
  readonly connectInstanceArn: string | undefined;
  /** Instance ARN → park: who may invoke the Connect function, and for which park. */
  readonly connectInstances: Readonly<Record<string, string>>;

  constructor(scope: Construct, id: string, props: IvrIntakeProps) {
    super(scope, id);
    const stack = Stack.of(this);
    this.tokenParameterName =
      contextString(this, IVR_CONTEXT.twilioAuthTokenParameter) ?? DEFAULT_TWILIO_AUTH_TOKEN_PARAMETER;
    this.connectInstanceArn = contextString(this, IVR_CONTEXT.connectInstanceArn);
    const ivrParkId = contextString(this, IVR_CONTEXT.ivrParkId) ?? DEFAULT_IVR_PARK_ID;
    this.connectInstances = connectInstancesOf(this, this.connectInstanceArn, ivrParkId);
    const ivrEnvironment = {
      ...props.environment,
      [ENV.ivrParkId]: ivrParkId,
      [ENV.ivrVoice]: contextString(this, IVR_CONTEXT.ivrVoice) ?? DEFAULT_IVR_VOICE.voice,
      [ENV.ivrSayLanguage]: contextString(this, IVR_CONTEXT.ivrSayLanguage) ?? DEFAULT_IVR_VOICE.sayLanguage,
      [ENV.ivrSpeechLanguage]:
        contextString(this, IVR_CONTEXT.ivrSpeechLanguage) ?? DEFAULT_IVR_VOICE.speechLanguage,
    };

    // ---------------------------------------------------------------- Twilio webhooks
    this.twilio = new ServiceFunction(this, 'Twilio', {
      entry: join(props.projectRoot, handlerEntry(TWILIO_HANDLER)),
      projectRoot: props.projectRoot,
      description: `estate-desk IVR: Twilio voice webhooks (${IVR_ROUTES.map((r) => r.path).join(', ')})`,
      environment: {
        ...ivrEnvironment,
        [ENV.publicBaseUrl]: contextString(this, IVR_CONTEXT.publicBaseUrl) ?? props.apiUrl,
        // The parameter's name only; the token is read from SSM at cold start, never put in the environment.
        [ENV.twilioAuthTokenParameter]: this.tokenParameterName,
      },
      timeout: Duration.seconds(10),
      memorySize: 1024,
    });
    this.grantItems(this.twilio, props.table);
    this.twilio.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadTwilioAuthToken',
        actions: ['ssm:GetParameter'],
        resources: [
          stack.formatArn({
            service: 'ssm',
            resource: 'parameter',
            resourceName: this.tokenParameterName.replace(/^\//, ''),
          }),
        ],
      }),
    );
    const keyArn = contextString(this, IVR_CONTEXT.twilioAuthTokenKmsKeyArn);
    if (keyArn) {
      // A SecureString under a customer managed key: decrypt with it, and only through SSM.
      this.twilio.role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'DecryptTwilioAuthToken',
          actions: ['kms:Decrypt'],
          resources: [keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `ssm.${stack.region}.amazonaws.com` } },
        }),
      );
    }
    const integration = new HttpLambdaIntegration('TwilioIntegration', this.twilio.fn);
    const routes = new Construct(this, 'TwilioRoutes');
    for (const route of IVR_ROUTES) {
      new HttpRoute(routes, route.path.split('/').pop() ?? route.path, {
        httpApi: props.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration,
      });
    }
    Validations.of(routes).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'The Twilio webhook routes (POST /ivr/twilio/*) are called by Twilio, which cannot present a Cognito token: ' +
        'they are authenticated by X-Twilio-Signature (HMAC-SHA1 with the account auth token from SSM), checked by ' +
        'the function before anything is read or written; an unsigned or wrongly signed request gets 403.',
    });

    // ---------------------------------------------------------------- Amazon Connect
    this.connect = new ServiceFunction(this, 'Connect', {
      entry: join(props.projectRoot, 'functions/ivr/connect.ts'),
      projectRoot: props.projectRoot,
      description: 'estate-desk IVR: Amazon Connect contact flow opens a ticket (invoked by Connect only)',
      environment: { ...ivrEnvironment, [ENV.connectInstances]: JSON.stringify(this.connectInstances) },
      // Connect waits at most 8 s for a Lambda; fail before it gives up.
      timeout: Duration.seconds(6),
      memorySize: 1024,
    });
    this.grantItems(this.connect, props.table);
    for (const [i, instanceArn] of Object.keys(this.connectInstances).sort().entries()) {
      this.connect.fn.addPermission(`InvokedByConnectInstance${i === 0 ? '' : i + 1}`, {
        principal: new iam.ServicePrincipal('connect.amazonaws.com'),
        sourceArn: instanceArn,
        sourceAccount: stack.account,
        action: 'lambda:InvokeFunction',
      });
    }
    new CfnOutput(stack, 'TwilioVoiceUrl', {
      value: `${(contextString(this, IVR_CONTEXT.publicBaseUrl) ?? props.apiUrl).replace(/\/+$/, '')}/ivr/twilio/voice`,
      description: 'Give Twilio this URL as the phone number’s "A call comes in" webhook (HTTP POST)',
    });
    new CfnOutput(stack, 'ConnectFunctionArn', {
      value: this.connect.fn.functionArn,
      description: 'The function for the contact flow’s "Invoke AWS Lambda function" block',
    });
  }

  /**
   * Items of the base table, and one index: a caller's open tickets, which a repeated call joins
   * (ADR 011). No other index: intake lists nothing.
   */
  private grantItems(target: ServiceFunction, table: dynamodb.ITable): void {
    target.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ReadWriteTableItems',
        actions: [...IVR_TABLE_ACTIONS],
        resources: [table.tableArn],
      }),
    );
    target.role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'QueryOpenTicketsByCaller',
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/${IVR_INDEX}`],
      }),
    );
  }
}

/**
 * `connectInstances` (a JSON object, or an object in cdk.json) and `connectInstanceArn` (for the IVR
 * park) as one instance → park map; a malformed value stops the synth rather than deploy a function
 * that refuses every contact.
 */
export function connectInstancesOf(
  scope: Construct,
  singleArn: string | undefined,
  ivrParkId: string,
): Record<string, string> {
  const raw: unknown = scope.node.tryGetContext(IVR_CONTEXT.connectInstances);
  const text =
    raw === undefined || raw === null ? undefined : typeof raw === 'string' ? raw : JSON.stringify(raw);
  const map = parseConnectInstances(text);
  if (!map) {
    throw new Error(
      `CDK context ${IVR_CONTEXT.connectInstances} must be a JSON object of Amazon Connect instance ARNs to ` +
        'park ids, e.g. {"arn:aws:connect:ap-east-1:111122223333:instance/<id>": "park-1"}',
    );
  }
  if (singleArn) {
    if (!CONNECT_INSTANCE_ARN.test(singleArn)) {
      throw new Error(
        `CDK context ${IVR_CONTEXT.connectInstanceArn} must be an instance ARN, arn:aws:connect:<region>:<account>:instance/<id>`,
      );
    }
    map[singleArn] ??= ivrParkId;
  }
  return map;
}
