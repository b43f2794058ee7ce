/**
 * An HTTP API (payload 2.0) event as API Gateway hands it to a function after its JWT authorizer:
 * the token's claims under requestContext.authorizer.jwt.claims, array claims flattened to "[a b]".
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';

export interface ApiEventOptions {
  claims?: Record<string, string | number>;
  body?: unknown;
  pathParameters?: Record<string, string>;
  queryStringParameters?: Record<string, string>;
}

/** The claims of a Cognito ID token of the demo dispatcher, as the authorizer passes them. */
export const DISPATCHER_ID_TOKEN_CLAIMS = {
  sub: '7c1f3a52-0000-4000-8000-00000000d001',
  'cognito:groups': '[dispatcher]',
  'custom:parks': 'park-1',
  'custom:staffId': 'dispatcher-1',
  token_use: 'id',
  aud: 'desk-client-id',
  iss: 'https://cognito-idp.ap-east-1.amazonaws.com/ap-east-1_Example',
  'cognito:username': 'dispatcher-1',
  auth_time: 1_795_000_000,
  iat: 1_795_000_000,
  exp: 1_795_003_600,
} as const;

export function apiEvent(routeKey: string, options: ApiEventOptions = {}): APIGatewayProxyEventV2 {
  const [method = 'GET', path = '/'] = routeKey.split(' ');
  const rawPath = path.replace(/\{(\w+)\}/g, (_, name: string) => options.pathParameters?.[name] ?? name);
  return {
    version: '2.0',
    routeKey,
    rawPath,
    rawQueryString: new URLSearchParams(options.queryStringParameters ?? {}).toString(),
    headers: { 'content-type': 'application/json', host: 'api.example.test' },
    ...(options.queryStringParameters ? { queryStringParameters: options.queryStringParameters } : {}),
    ...(options.pathParameters ? { pathParameters: options.pathParameters } : {}),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'req-1',
      routeKey,
      stage: '$default',
      time: '27/Nov/2026:01:00:00 +0000',
      timeEpoch: 1_795_000_000_000,
      ...(options.claims ? { authorizer: { jwt: { claims: options.claims, scopes: null } } } : {}),
    },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<unknown>;

/** Invokes a handler as Lambda does; the answer with its JSON body parsed. */
export async function invoke(handler: Handler, event: APIGatewayProxyEventV2) {
  const result = (await handler(event, {
    awsRequestId: 'lambda-req-1',
  } as Context)) as APIGatewayProxyStructuredResultV2;
  return {
    status: result.statusCode ?? 0,
    headers: (result.headers ?? {}) as Record<string, string>,
    // biome-ignore lint/suspicious/noExplicitAny: tests read whatever JSON the API answers
    body: (result.body ? JSON.parse(result.body) : undefined) as any,
  };
}
