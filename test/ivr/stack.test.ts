/**
 * The IVR on AWS (infra/aws/ivr.ts), synthesised with and without a Connect instance: Twilio routes
 * without the Cognito authorizer (APIG4 acknowledged: X-Twilio-Signature), the token from SSM by
 * name with least privilege, and the Connect function invocable only by the configured instance.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, type CfnElement, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IVR_ROUTES } from '../../infra/routes';
import { buildEstateDesk } from '../../infra/aws/build';
import {
  connectInstancesOf,
  DEFAULT_TWILIO_AUTH_TOKEN_PARAMETER,
  IVR_INDEX,
  IVR_TABLE_ACTIONS,
} from '../../infra/aws/ivr';
import { type EstateDeskStack, PROJECT_ROOT } from '../../infra/aws/stack';
import { DEFAULT_IVR_VOICE, ENV } from '../../shared/config';
import { CONSOLE_FIXTURE } from '../support/console-fixture';

const SYNTH_TIMEOUT = 120_000;
/**
 * CDK context: the stacks whose assets are bundled. None here: these tests read the template only,
 * and test/infra/stack.test.ts already bundles (and checks) every function once.
 */
const BUNDLING_STACKS = 'aws:cdk:bundling-stacks';
const CDK_JSON = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};
const INSTANCE = 'arn:aws:connect:ap-east-1:111122223333:instance/8f2b1c3d-0000-4000-8000-000000000001';
const SECOND_INSTANCE =
  'arn:aws:connect:ap-east-1:111122223333:instance/8f2b1c3d-0000-4000-8000-000000000002';
const KEY = 'arn:aws:kms:ap-east-1:111122223333:key/1234abcd-0000-4000-8000-000000000002';

interface Synthesised {
  app: App;
  stack: EstateDeskStack;
  template: Template;
  outdir: string;
}
const outdirs: string[] = [];

function synth(context: Record<string, unknown>): Synthesised {
  const outdir = mkdtempSync(join(tmpdir(), 'estate-desk-ivr-'));
  outdirs.push(outdir);
  const app = new App({
    outdir,
    // alarms=none: the IVR tests do not look at alarms, and a synth refuses to run without a destination.
    context: {
      ...CDK_JSON.context,
      alarms: 'none',
      ...context,
      '@aws-cdk/core:failSynthOnValidationErrors': false,
      [BUNDLING_STACKS]: [],
    },
  });
  const stack = buildEstateDesk(app, { consoleDist: CONSOLE_FIXTURE });
  app.synth();
  return { app, stack, template: Template.fromStack(stack), outdir };
}

let withConnect: Synthesised;
let plain: Synthesised;

beforeAll(() => {
  withConnect = synth({
    connectInstanceArn: INSTANCE,
    connectInstances: JSON.stringify({ [SECOND_INSTANCE]: 'park-2' }),
    twilioAuthTokenParameter: '/park-1/twilio-token',
    twilioAuthTokenKmsKeyArn: KEY,
  });
  plain = synth({});
}, SYNTH_TIMEOUT * 2);

afterAll(() => {
  for (const dir of outdirs) rmSync(dir, { recursive: true, force: true });
});

function logicalId(s: Synthesised, construct: IConstruct): string {
  return s.stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

function resource(s: Synthesised, construct: IConstruct) {
  return s.template.toJSON().Resources[logicalId(s, construct)];
}

function statementsOf(
  s: Synthesised,
  role: IConstruct,
): { Sid?: string; Action: unknown; Resource: unknown; Condition?: unknown }[] {
  const roleId = logicalId(s, role);
  return Object.values(s.template.findResources('AWS::IAM::Policy'))
    .filter((p) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((p) => p.Properties.PolicyDocument.Statement);
}

describe('Twilio webhook routes', () => {
  it('every IVR route is on the HTTP API, without an authorizer, sent to the Twilio function', () => {
    const integrationId = Object.entries(plain.template.findResources('AWS::ApiGatewayV2::Integration')).find(
      ([, r]) =>
        JSON.stringify(r.Properties.IntegrationUri).includes(logicalId(plain, plain.stack.ivr.twilio.fn)),
    )?.[0];
    expect(integrationId).toBeDefined();
    for (const route of IVR_ROUTES) {
      plain.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `POST ${route.path}`,
        AuthorizationType: 'NONE',
        AuthorizerId: Match.absent(),
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] },
      });
    }
  });

  it('cdk-nag APIG4 is acknowledged on the Twilio routes only, with the reason: authenticated by X-Twilio-Signature', () => {
    const acks = plain.app.node
      .findAll()
      .filter((c) => c.node.path.includes('/Ivr'))
      .flatMap((c) =>
        c.node.metadata
          .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
          .flatMap((m) =>
            Object.entries(m.data as Record<string, string>).map(([rule, reason]) => ({
              path: c.node.path,
              rule,
              reason,
            })),
          ),
      );

    expect(acks.map((a) => `${a.path}: ${a.rule.replace(/^[^:[]+::/, '')}`)).toEqual([
      'EstateDesk/Ivr/TwilioRoutes: AwsSolutions-APIG4',
    ]);
    expect(acks[0]?.reason).toContain('authenticated by X-Twilio-Signature');
  });

  it.each([
    ['with a Connect instance and a customer key', () => withConnect],
    ['with the defaults', () => plain],
  ])('no unacknowledged cdk-nag finding under the IVR (%s)', (_what, get) => {
    const { outdir } = get();
    const path = join(outdir, 'validation-report.json');
    expect(existsSync(path)).toBe(true);
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      pluginReports: {
        violations: { ruleName: string; violatingConstructs: { constructPath: string }[] }[];
      }[];
    };
    const ivr = report.pluginReports.flatMap((p) =>
      p.violations.flatMap((v) =>
        v.violatingConstructs
          .filter((c) => c.constructPath.includes('/Ivr/'))
          .map((c) => `${v.ruleName} ${c.constructPath}`),
      ),
    );
    expect(ivr).toEqual([]);
  });
});

describe('the Twilio function', () => {
  it('is told the public URL (the API’s own by default), the SSM parameter name and the Mandarin voice; never the token', () => {
    const env = resource(plain, plain.stack.ivr.twilio.fn).Properties.Environment.Variables;

    expect(env).toMatchObject({
      [ENV.twilioAuthTokenParameter]: DEFAULT_TWILIO_AUTH_TOKEN_PARAMETER,
      [ENV.ivrVoice]: DEFAULT_IVR_VOICE.voice,
      [ENV.ivrSayLanguage]: 'cmn-CN',
      [ENV.ivrSpeechLanguage]: 'zh-CN',
      [ENV.ivrParkId]: 'park-1',
    });
    expect(JSON.stringify(env[ENV.publicBaseUrl])).toContain('execute-api');
    expect(env).not.toHaveProperty(ENV.twilioAuthToken);
  });

  it('may read exactly the token parameter, items of the table, and one index (no delete, no scan)', () => {
    const statements = statementsOf(plain, plain.stack.ivr.twilio.role);
    const ssm = statements.find((s) => s.Sid === 'ReadTwilioAuthToken');
    const table = statements.find((s) => s.Sid === 'ReadWriteTableItems');

    expect(ssm?.Action).toBe('ssm:GetParameter');
    expect(JSON.stringify(ssm?.Resource)).toContain(':parameter/estate-desk/twilio/auth-token"');
    expect([table?.Action].flat().sort()).toEqual([...IVR_TABLE_ACTIONS].sort());
    expect(table?.Resource).toEqual({ 'Fn::GetAtt': [logicalId(plain, plain.stack.table), 'Arn'] });
    // A repeated call joins the caller's open ticket (ADR 011): a Query on that index alone.
    const index = statements.find((s) => s.Sid === 'QueryOpenTicketsByCaller');
    expect(index?.Action).toBe('dynamodb:Query');
    expect(JSON.stringify(index?.Resource)).toContain(`/index/${IVR_INDEX}"`);
    expect(statements.some((s) => s.Sid === 'DecryptTwilioAuthToken')).toBe(false);
  });

  it('with a customer managed key: kms:Decrypt on that key, only through SSM', () => {
    const statements = statementsOf(withConnect, withConnect.stack.ivr.twilio.role);

    expect(statements.find((s) => s.Sid === 'DecryptTwilioAuthToken')).toMatchObject({
      Action: 'kms:Decrypt',
      Resource: KEY,
      Condition: { StringEquals: { 'kms:ViaService': expect.anything() } },
    });
    expect(JSON.stringify(statements.find((s) => s.Sid === 'ReadTwilioAuthToken')?.Resource)).toContain(
      ':parameter/park-1/twilio-token"',
    );
  });
});

describe('the Amazon Connect function', () => {
  it('may be invoked by the configured Connect instances only (resource policy, source ARN and account)', () => {
    const fnId = logicalId(withConnect, withConnect.stack.ivr.connect.fn);
    const permissions = Object.values(withConnect.template.findResources('AWS::Lambda::Permission')).filter(
      (p) => JSON.stringify(p.Properties.FunctionName).includes(fnId),
    );

    expect(permissions.map((p) => p.Properties.SourceArn).sort()).toEqual([INSTANCE, SECOND_INSTANCE]);
    for (const permission of permissions) {
      expect(permission.Properties).toMatchObject({
        Action: 'lambda:InvokeFunction',
        Principal: 'connect.amazonaws.com',
        SourceAccount: { Ref: 'AWS::AccountId' },
      });
    }
  });

  it('is told each instance’s park (connectInstanceArn → the IVR park; connectInstances as given)', () => {
    const env = resource(withConnect, withConnect.stack.ivr.connect.fn).Properties.Environment.Variables;
    const plainEnv = resource(plain, plain.stack.ivr.connect.fn).Properties.Environment.Variables;

    expect(JSON.parse(env[ENV.connectInstances])).toEqual({
      [INSTANCE]: 'park-1',
      [SECOND_INSTANCE]: 'park-2',
    });
    expect(JSON.parse(plainEnv[ENV.connectInstances])).toEqual({});
  });

  it('a malformed connectInstances or connectInstanceArn stops the synth', () => {
    for (const context of [
      { connectInstances: 'park-1' },
      { connectInstances: '{"arn:aws:connect:x": "park-1"}' },
      { connectInstances: JSON.stringify({ [INSTANCE]: '' }) },
    ]) {
      expect(() => connectInstancesOf(new App({ context }), undefined, 'park-1')).toThrow(/connectInstances/);
    }
    expect(() => connectInstancesOf(new App(), 'instance/abc', 'park-1')).toThrow(/connectInstanceArn/);
    expect(
      connectInstancesOf(
        new App({ context: { connectInstances: { [INSTANCE]: 'park-3' } } }),
        INSTANCE,
        'park-1',
      ),
    ).toEqual({ [INSTANCE]: 'park-3' });
  });

  it('without connectInstanceArn it exists, but nothing may invoke it', () => {
    const fnId = logicalId(plain, plain.stack.ivr.connect.fn);
    const permissions = Object.values(plain.template.findResources('AWS::Lambda::Permission')).filter((p) =>
      JSON.stringify(p.Properties.FunctionName).includes(fnId),
    );

    expect(permissions).toEqual([]);
  });

  it('fails before Connect’s 8-second limit, reads and writes items only, and knows no Twilio token', () => {
    const fn = resource(plain, plain.stack.ivr.connect.fn).Properties;

    expect(fn.Timeout).toBeLessThan(8);
    expect(fn.Environment.Variables).not.toHaveProperty(ENV.twilioAuthTokenParameter);
    expect(
      statementsOf(plain, plain.stack.ivr.connect.role)
        .map((s) => s.Sid)
        .sort(),
    ).toEqual(['QueryOpenTicketsByCaller', 'ReadWriteTableItems', 'WriteOwnLogs']);
  });

  it('outputs the Twilio voice URL and the Connect function ARN', () => {
    const outputs = plain.template.findOutputs('*');
    expect(JSON.stringify(outputs.TwilioVoiceUrl?.Value)).toContain('/ivr/twilio/voice');
    expect(outputs.ConnectFunctionArn?.Value).toEqual({
      'Fn::GetAtt': [logicalId(plain, plain.stack.ivr.connect.fn), 'Arn'],
    });
  });
});
