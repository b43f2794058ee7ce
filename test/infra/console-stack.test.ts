/**
 * The web console on AWS (ADR 024), read from one synthesised template (no function bundling: only
 * the template is read): private bucket behind CloudFront with OAC, HTTPS and security headers, the
 * console's pages answering index.html, the managed sign-in's app client (code + PKCE), CORS for the
 * console's origin only, and cdk-nag with nothing unacknowledged.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildEstateDesk } from '../../infra/aws/build';
import { CONSOLE_TOKEN_VALIDITY, spaRewriteCode } from '../../infra/aws/console';
import { type EstateDeskStack, PROJECT_ROOT } from '../../infra/aws/stack';
import { CONSOLE_PAGES } from '../../infra/local/console';
import { CONSOLE_FIXTURE } from '../support/console-fixture';

const CDK_JSON = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as {
  context: Record<string, unknown>;
};

let outdir: string;
let stack: EstateDeskStack;
let template: Template;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'estate-desk-console-cdk-'));
  const app = new App({
    outdir,
    context: {
      ...CDK_JSON.context,
      alarms: 'none',
      // Only the template is read: bundling the functions again would cost minutes.
      'aws:cdk:bundling-stacks': [],
      '@aws-cdk/core:failSynthOnValidationErrors': false,
    },
  });
  stack = buildEstateDesk(app, { consoleDist: CONSOLE_FIXTURE });
  app.synth();
  template = Template.fromStack(stack);
}, 300_000);

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

function ref(construct: IConstruct) {
  return { Ref: stack.getLogicalId(construct.node.defaultChild as CfnElement) };
}

function att(construct: IConstruct, attribute: string) {
  return { 'Fn::GetAtt': [stack.getLogicalId(construct.node.defaultChild as CfnElement), attribute] };
}

/** `https://<distribution domain>`, as CloudFormation joins it. */
function consoleOrigin(suffix = '') {
  return {
    'Fn::Join': [
      '',
      ['https://', att(stack.console.distribution, 'DomainName'), ...(suffix ? [suffix] : [])],
    ],
  };
}

function properties(construct: IConstruct): Record<string, unknown> {
  const id = stack.getLogicalId(construct.node.defaultChild as CfnElement);
  return template.toJSON().Resources[id].Properties;
}

describe('the console bucket', () => {
  it('is private: all public access blocked, TLS enforced, S3-managed encryption, no website hosting, no ACLs', () => {
    const bucket = properties(stack.console.bucket);
    expect(bucket).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
    expect(bucket.WebsiteConfiguration).toBeUndefined();
  });

  it('lets only this distribution read it (origin access control), and denies any request without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: ref(stack.console.bucket),
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
          Match.objectLike({
            Effect: 'Allow',
            Action: 's3:GetObject',
            Principal: { Service: 'cloudfront.amazonaws.com' },
            Condition: {
              StringEquals: {
                'AWS:SourceArn': Match.objectLike({
                  'Fn::Join': ['', Match.arrayWith([ref(stack.console.distribution)])],
                }),
              },
            },
          }),
        ]),
      },
    });
    template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always' },
    });
  });
});

describe('the distribution', () => {
  it('serves the bucket through OAC, redirects HTTP to HTTPS, GET/HEAD only, and logs', () => {
    const config = properties(stack.console.distribution).DistributionConfig as Record<string, unknown>;
    expect(config).toMatchObject({
      DefaultRootObject: 'index.html',
      DefaultCacheBehavior: {
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: ['GET', 'HEAD'],
        ResponseHeadersPolicyId: ref(stack.console.headers),
      },
      Logging: { Bucket: att(stack.console.logBucket, 'RegionalDomainName') },
    });
    const [origin] = config.Origins as Record<string, unknown>[];
    expect(origin).toMatchObject({
      DomainName: att(stack.console.bucket, 'RegionalDomainName'),
      OriginAccessControlId: expect.anything(),
      S3OriginConfig: { OriginAccessIdentity: '' },
    });
    expect(JSON.stringify(origin!.OriginAccessControlId)).toContain('OriginAccessControl');
  });

  it('sends HSTS, nosniff, DENY framing, a referrer policy and a CSP that lets the page reach only the API and the sign-in', () => {
    const policy = properties(stack.console.headers).ResponseHeadersPolicyConfig as {
      SecurityHeadersConfig: Record<string, Record<string, unknown>>;
    };
    const headers = policy.SecurityHeadersConfig;
    expect(headers.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63_072_000,
      Override: true,
    });
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'same-origin', Override: true });
    const csp = JSON.stringify(headers.ContentSecurityPolicy!.ContentSecurityPolicy);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("frame-ancestors 'none'");
    // connect-src: the API (API Gateway in the stack's region) and the user pool's sign-in domain.
    expect(csp).toMatch(/connect-src 'self' https:\/\/\*\.execute-api\.",\{"Ref":"AWS::Region"\}/);
    expect(csp).toContain(
      `${JSON.stringify(ref(stack.console.domain))},".auth.",{"Ref":"AWS::Region"},".amazoncognito.com;`,
    );
    expect(csp).not.toContain("'unsafe-eval'");
  });

  it('answers index.html for every console page through a CloudFront Function, and nothing else', () => {
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: { Runtime: 'cloudfront-js-2.0' },
      FunctionCode: spaRewriteCode(),
    });
    const config = properties(stack.console.distribution).DistributionConfig as {
      DefaultCacheBehavior: { FunctionAssociations: { EventType: string }[] };
    };
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      expect.objectContaining({ EventType: 'viewer-request' }),
    ]);
    // The function itself, run as CloudFront runs it: a handler of the viewer request.
    const run = (uri: string): string =>
      runInNewContext(`${spaRewriteCode()}\nhandler({ request: { uri: ${JSON.stringify(uri)} } }).uri`);
    for (const page of [
      '/',
      '/sign-in',
      '/queue',
      '/intake',
      '/ticket/T-1',
      '/records/monthly',
      '/key-ledger',
    ]) {
      expect(run(page), page).toBe('/index.html');
    }
    for (const other of ['/assets/index-abc.js', '/config.json', '/index.html', '/tickets', '/nope']) {
      expect(run(other), other).toBe(other);
    }
    expect(CONSOLE_PAGES.length).toBeGreaterThan(5);
  });

  it('is the stack output ConsoleUrl', () => {
    const outputs = template.findOutputs('*');
    expect(outputs.ConsoleUrl?.Value).toEqual(consoleOrigin());
    expect(JSON.stringify(outputs.ConsoleSignInDomain?.Value)).toContain('.amazoncognito.com');
  });
});

describe('the console’s sign-in (Cognito managed login)', () => {
  it('has a user pool domain with the managed login and its branding', () => {
    template.hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      UserPoolId: ref(stack.userPool),
      ManagedLoginVersion: 2,
      Domain: { 'Fn::Join': ['', ['estatedesk-', { Ref: 'AWS::AccountId' }]] },
    });
    template.hasResourceProperties('AWS::Cognito::ManagedLoginBranding', {
      ClientId: ref(stack.console.client),
      UseCognitoProvidedValues: true,
    });
  });

  it('has an app client without a secret, the authorization code grant only, and /sign-in as callback', () => {
    const client = properties(stack.console.client);
    expect(client).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid', 'profile', 'email'],
      CallbackURLs: [consoleOrigin('/sign-in')],
      LogoutURLs: [consoleOrigin('/sign-in')],
      SupportedIdentityProviders: ['COGNITO'],
      IdTokenValidity: CONSOLE_TOKEN_VALIDITY.toMinutes(),
      TokenValidityUnits: { IdToken: 'minutes' },
    });
    expect(client.ExplicitAuthFlows).not.toContain('ALLOW_USER_PASSWORD_AUTH');
    // The ID token carries what the API reads (ADR on ID tokens, STACK-NOTES); users cannot change their access.
    expect(client.ReadAttributes).toEqual(expect.arrayContaining(['custom:parks', 'custom:staffId', 'name']));
    expect((client.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it("lets the API's JWT authorizer accept the console client's ID tokens as well as the desk client's", () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Audience: [ref(stack.userPoolClient), ref(stack.console.client)] },
    });
  });
});

describe('CORS on the HTTP API', () => {
  it('allows the console’s origin only, with the authorization and content-type headers and the methods routes use', () => {
    const api = properties(stack.api);
    expect(api.CorsConfiguration).toEqual({
      AllowOrigins: [consoleOrigin()],
      AllowHeaders: ['authorization', 'content-type'],
      AllowMethods: ['GET', 'POST'],
      AllowCredentials: false,
      ExposeHeaders: ['content-disposition', 'retry-after'],
      MaxAge: 3600,
    });
  });
});

describe('deploying the built console', () => {
  it('uploads the assets (immutable) and then index.html with /config.json (never cached)', () => {
    const deployments = Object.values(template.findResources('Custom::CDKBucketDeployment')).map(
      (resource) => resource.Properties,
    );
    expect(deployments).toHaveLength(2);
    const assets = deployments.find((d) => d.DestinationBucketKeyPrefix === 'assets/')!;
    const pages = deployments.find((d) => d.DestinationBucketKeyPrefix === undefined)!;
    expect(assets.SystemMetadata).toEqual({ 'cache-control': 'public, max-age=31536000, immutable' });
    expect(pages.SystemMetadata).toEqual({ 'cache-control': 'no-cache' });
    for (const deployment of [assets, pages]) {
      expect(deployment.DestinationBucketName).toEqual(ref(stack.console.bucket));
      expect(deployment.Prune).toBe(false);
    }
    // The config names the API, the sign-in domain and the console's client (deploy-time values).
    const markers = JSON.stringify(pages.SourceMarkers);
    expect(markers).toContain(JSON.stringify(ref(stack.api)));
    expect(markers).toContain(JSON.stringify(ref(stack.console.domain)));
    expect(markers).toContain(JSON.stringify(ref(stack.console.client)));
  });

  it('runs the upload with a role of its own (no AWS managed policy) writing its own log group', () => {
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
    const handler = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('CustomCDKBucketDeployment'),
    )![1].Properties;
    expect(JSON.stringify(handler.Role)).toContain('ConsoleDeployRole');
    expect(JSON.stringify(handler.LoggingConfig)).toContain('ConsoleDeployLogs');
  });

  it('refuses to synthesise without a built console, saying how to build it', () => {
    const bare = new App({ context: { ...CDK_JSON.context, alarms: 'none', 'aws:cdk:bundling-stacks': [] } });
    expect(() => buildEstateDesk(bare, { consoleDist: join(outdir, 'no-such-dist') })).toThrow(
      /console is not built.*npm run build:web/,
    );
  });
});

describe('cdk-nag (AWS Solutions) over the whole stack', () => {
  it('reports no error or warning that lacks an acknowledgement with a reason', () => {
    const path = join(outdir, 'validation-report.json');
    expect(existsSync(path)).toBe(true);
    const report = JSON.parse(readFileSync(path, 'utf8')) as {
      pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
    };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
  });
});
