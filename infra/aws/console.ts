/**
 * The web console (工作台) on AWS (ADR 024): the built web/dist in a private S3 bucket behind
 * CloudFront (origin access control, HTTPS only, security headers), the user pool's managed sign-in
 * (a domain and an app client for the console: authorization code with PKCE), and the console's
 * runtime config (`/config.json`: where the API and the sign-in are).
 *
 * Two steps, because the API's JWT authorizer needs the console's app client before the API exists,
 * and the config needs the API's URL: `new ConsoleHosting(…)` before the HTTP API, `deploy(apiUrl)`
 * after it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Aws, CfnOutput, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import { CorsHttpMethod, type CorsPreflightOptions } from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
import { CONSOLE_PAGES } from '../local/console';
import { HTTP_ROUTES } from '../routes';

/** A cdk-nag acknowledgement with its reason (as stack.ts `acknowledge`; not imported: stack.ts imports this). */
function acknowledge(scope: IConstruct, id: string, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}

/** The console's callback path: the hosted sign-in sends the browser back here with `?code=…`. */
export const SIGN_IN_PATH = '/sign-in';

/**
 * How long a console sign-in lasts: one shift. The console keeps no refresh token (nothing
 * long-lived in the browser); when the ID token expires the API answers 401 and the console asks
 * for a sign-in again.
 */
export const CONSOLE_TOKEN_VALIDITY = Duration.hours(8);

/** What the deployed console reads from `/config.json` (web/src/config.ts parses the same shape). */
export interface ConsoleRuntimeConfig {
  mode: 'cognito';
  region: string;
  apiUrl: string;
  cognito: { domain: string; clientId: string };
}

export interface ConsoleHostingProps {
  userPool: cognito.UserPool;
  /** The built console (web/dist): index.html and assets/. */
  consoleDist: string;
  /**
   * The user pool domain's prefix (`<prefix>.auth.<region>.amazoncognito.com`), unique per region.
   * Default: the stack name in lower case and the account id.
   */
  authDomainPrefix?: string;
}

/**
 * The CloudFront Function that serves index.html for the console's own paths (the single-page app
 * routes them), from the same CONSOLE_PAGES list the local desk serves: any other missing path stays
 * a 403/404 instead of a page, so a missing script is never answered with HTML.
 */
export function spaRewriteCode(pages: readonly RegExp[] = CONSOLE_PAGES): string {
  return [
    `var PAGES = [${pages.map((page) => page.toString()).join(', ')}];`,
    'function handler(event) {',
    '  var request = event.request;',
    '  for (var i = 0; i < PAGES.length; i++) {',
    "    if (PAGES[i].test(request.uri)) { request.uri = '/index.html'; break; }",
    '  }',
    '  return request;',
    '}',
  ].join('\n');
}

/** The HTTP methods the API's routes use: the only ones CORS allows. */
export function corsMethods(): CorsHttpMethod[] {
  return [...new Set(HTTP_ROUTES.map((route) => route.method))]
    .sort()
    .map((method) => CorsHttpMethod[method]);
}

export class ConsoleHosting extends Construct {
  readonly bucket: s3.Bucket;
  readonly logBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly headers: cloudfront.ResponseHeadersPolicy;
  readonly domain: cognito.UserPoolDomain;
  readonly client: cognito.UserPoolClient;
  /** `https://<distribution>.cloudfront.net`, no trailing slash. */
  readonly url: string;
  /** CORS of the HTTP API: the console's origin only. */
  readonly cors: CorsPreflightOptions;
  private readonly consoleDist: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps) {
    super(scope, id);
    this.consoleDist = props.consoleDist;
    if (!existsSync(join(props.consoleDist, 'index.html'))) {
      throw new Error(
        `estate-desk: the console is not built (${props.consoleDist}/index.html is missing). ` +
          '`npx cdk synth` builds it first (infra/aws/app.ts); otherwise run `npm run build:web`.',
      );
    }
    const stack = Stack.of(this);

    // ---------------------------------------------------------------- logs
    // CloudFront standard logs need ACLs on their bucket (object writer); nothing else writes here.
    this.logBucket = new s3.Bucket(this, 'Logs', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      this.logBucket,
      'AwsSolutions-S1',
      'This bucket is itself the access-log bucket (CloudFront standard logs and the console bucket’s ' +
        'server access logs); logging its own access would log into itself. Objects expire after 90 days.',
    );

    // ---------------------------------------------------------------- the console's files
    this.bucket = new s3.Bucket(this, 'Files', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      encryption: s3.BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logBucket,
      serverAccessLogsPrefix: 's3/',
      removalPolicy: RemovalPolicy.RETAIN,
    });

    // ---------------------------------------------------------------- sign-in (Cognito managed login)
    const prefix = props.authDomainPrefix ?? `${stack.stackName.toLowerCase()}-${Aws.ACCOUNT_ID}`;
    this.domain = props.userPool.addDomain('SignInDomain', {
      cognitoDomain: { domainPrefix: prefix },
      // The newer managed login speaks Chinese (`lang=zh-CN`); the classic hosted UI only English.
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    const cognitoOrigin = this.domain.baseUrl();

    // ---------------------------------------------------------------- CloudFront
    // The API's exact origin cannot be named here: the API's CORS names this distribution, so the
    // distribution cannot depend on the API (a cycle). API Gateway in this region is allowed instead.
    const apiOrigins = `https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX}`;
    this.headers = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'estate-desk console: security headers',
      securityHeadersBehavior: {
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        contentTypeOptions: { override: true },
        frameOptions: { frameOption: cloudfront.HeadersFrameOption.DENY, override: true },
        referrerPolicy: { referrerPolicy: cloudfront.HeadersReferrerPolicy.SAME_ORIGIN, override: true },
        // The legacy XSS auditor is off (0), as current guidance says: the CSP does that job.
        xssProtection: { protection: false, override: true },
        contentSecurityPolicy: {
          contentSecurityPolicy: [
            "default-src 'self'",
            "script-src 'self'",
            // antd writes its styles at run time (CSS-in-JS <style> elements).
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            `connect-src 'self' ${apiOrigins} ${cognitoOrigin}`,
            `form-action 'self' ${cognitoOrigin}`,
            "frame-ancestors 'none'",
            "base-uri 'self'",
            "object-src 'none'",
          ].join('; '),
          override: true,
        },
      },
      customHeadersBehavior: {
        customHeaders: [
          { header: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()', override: true },
        ],
      },
    });
    const spa = new cloudfront.Function(this, 'ConsolePages', {
      comment: 'estate-desk console: its pages answer index.html (single-page app)',
      runtime: cloudfront.FunctionRuntime.JS_2_0,
      code: cloudfront.FunctionCode.fromInline(spaRewriteCode()),
    });
    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: 'estate-desk console (工作台)',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: this.headers,
        compress: true,
        functionAssociations: [{ function: spa, eventType: cloudfront.FunctionEventType.VIEWER_REQUEST }],
      },
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      // North America, Europe and Asia (Hong Kong, Singapore, Japan…): where the parks' staff are.
      priceClass: cloudfront.PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: this.logBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.url = `https://${this.distribution.distributionDomainName}`;
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'No geo restriction: the console is for the property office’s staff, who sign in through Cognito; ' +
        'they may work from anywhere (a manager travelling), and the files it serves hold no data.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR2',
      'No AWS WAF web ACL: the distribution serves only the static console (no data, no forms posted to it); ' +
        'every data request goes to the HTTP API with a Cognito token, throttled per stage. A CloudFront web ACL ' +
        'lives in us-east-1 and costs per month; add one if the console is ever opened beyond staff.',
    );
    acknowledge(
      this.distribution,
      'AwsSolutions-CFR4',
      'The distribution uses the default *.cloudfront.net certificate, with which CloudFront cannot be told a ' +
        'minimum TLS version. A custom domain with an ACM certificate (TLSv1.2_2021) is the way to raise it; ' +
        'HTTPS is enforced (HTTP redirects) and HSTS is sent.',
    );

    // ---------------------------------------------------------------- the console's app client
    const callbackUrl = `${this.url}${SIGN_IN_PATH}`;
    this.client = props.userPool.addClient('ConsoleClient', {
      generateSecret: false,
      // The console itself signs in only through the managed login (code + PKCE); of the direct flows, SRP
      // alone (never a plain password), as the desk client.
      authFlows: { userSrp: true },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.PROFILE, cognito.OAuthScope.EMAIL],
        callbackUrls: [callbackUrl],
        logoutUrls: [callbackUrl],
      },
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: CONSOLE_TOKEN_VALIDITY,
      accessTokenValidity: CONSOLE_TOKEN_VALIDITY,
      // Not kept by the console; Cognito wants it at least as long as the others.
      refreshTokenValidity: CONSOLE_TOKEN_VALIDITY,
      readAttributes: new cognito.ClientAttributes()
        .withStandardAttributes({ fullname: true, phoneNumber: true, locale: true, email: true })
        .withCustomAttributes('parks', 'staffId'),
      // Never custom:parks or custom:staffId: users must not widen their own access.
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true }),
    });
    // Managed login shows Cognito's own look (no branding of ours to maintain).
    new cognito.CfnManagedLoginBranding(this, 'SignInBranding', {
      userPoolId: props.userPool.userPoolId,
      clientId: this.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.cors = {
      allowOrigins: [this.url],
      allowMethods: corsMethods(),
      allowHeaders: ['authorization', 'content-type'],
      // The CSV download's file name; Retry-After of a rate-limited write (ADR 011).
      exposeHeaders: ['content-disposition', 'retry-after'],
      allowCredentials: false,
      maxAge: Duration.hours(1),
    };

    new CfnOutput(stack, 'ConsoleUrl', { value: this.url, description: 'The web console (工作台)' });
    new CfnOutput(stack, 'ConsoleSignInDomain', {
      value: cognitoOrigin,
      description: 'The user pool’s managed sign-in for the console',
    });
  }

  /**
   * Uploads the built console and its `/config.json`. index.html and the config are never cached
   * (a deploy shows at once, no invalidation needed); the hashed assets are immutable and old ones
   * are kept, so a console opened before a deploy can still load its lazy pages.
   */
  deploy(apiUrl: string): void {
    const logGroup = new logs.LogGroup(this, 'DeployLogs', { retention: logs.RetentionDays.ONE_MONTH });
    const role = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Execution role of the CDK bucket deployment that uploads the estate-desk console',
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'WriteOwnLogs',
        actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
        resources: [logGroup.logGroupArn],
      }),
    );
    const config: ConsoleRuntimeConfig = {
      mode: 'cognito',
      region: Aws.REGION,
      apiUrl,
      cognito: { domain: this.domain.baseUrl(), clientId: this.client.userPoolClientId },
    };
    const common = { destinationBucket: this.bucket, role, logGroup, prune: false, memoryLimit: 512 };
    const assets = new BucketDeployment(this, 'DeployAssets', {
      ...common,
      sources: [Source.asset(join(this.consoleDist, 'assets'))],
      destinationKeyPrefix: 'assets/',
      cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
    });
    const pages = new BucketDeployment(this, 'DeployPages', {
      ...common,
      sources: [
        Source.asset(this.consoleDist, { exclude: ['assets', 'assets/**', '.vite', '.vite/**'] }),
        Source.jsonData('config.json', config),
      ],
      cacheControl: [CacheControl.noCache()],
    });
    // The new index.html names the new assets: upload them first.
    pages.node.addDependency(assets);
    // BucketDeployment grants these itself (grantRead on the CDK asset bucket, grantReadWrite on the
    // console bucket); each finding is one of them, named as cdk-nag names it.
    const copying =
      'The CDK bucket deployment copies the console from the CDK asset bucket into the console bucket: it lists, ' +
      'reads, writes and deletes objects it cannot name in advance. BucketDeployment grants this on those two ' +
      'buckets only; ';
    const bucketArn = Stack.of(this).getLogicalId(this.bucket.node.defaultChild as s3.CfnBucket);
    for (const [finding, why] of [
      ['Action::s3:GetBucket*', 'GetBucket* reads the buckets’ location and settings, no object.'],
      ['Action::s3:GetObject*', 'GetObject* reads the console’s files (and their metadata and tags).'],
      ['Action::s3:List*', 'List* lists the objects to copy and those already there.'],
      ['Action::s3:Abort*', 'Abort* cleans up an interrupted multipart upload of a large file.'],
      ['Action::s3:DeleteObject*', 'DeleteObject* is in grantReadWrite; with prune off nothing is deleted.'],
      [
        'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
        'the objects of the CDK bootstrap asset bucket, where `cdk deploy` uploaded the console’s zip.',
      ],
      [`Resource::<${bucketArn}.Arn>/*`, 'the objects of the console bucket, its destination.'],
    ] as const) {
      acknowledge(role, `AwsSolutions-IAM5[${finding}]`, copying + why);
    }
  }
}
