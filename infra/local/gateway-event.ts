/**
 * The API Gateway v2 (HTTP API) event and Lambda context for one local request, shaped as the
 * real gateway hands them to a handler: payload format 2.0, repeated query keys joined by commas,
 * and the JWT authorizer's claims under `requestContext.authorizer.jwt.claims`.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import type { HttpRoute } from '../routes';

/** Claims as API Gateway's JWT authorizer passes them: arrays flattened to "[a b]". */
export function gatewayClaims(claims: Record<string, unknown>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(claims)) {
    out[k] = Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'number' ? v : String(v);
  }
  return out;
}

export interface GatewayRequest {
  req: IncomingMessage;
  url: URL;
  route: HttpRoute;
  /** The route's `{name}` path segments, decoded. */
  params: Record<string, string>;
  body: Buffer;
  /** The verified token's claims, for a route behind the authorizer. */
  claims?: Record<string, string | number>;
}

/** The event and context the route's handler is invoked with. */
export function gatewayEvent({ req, url, route, params, body, claims }: GatewayRequest): {
  event: APIGatewayProxyEventV2;
  context: Context;
} {
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers))
    if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(',') : v;
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  const requestId = randomUUID();
  const event = {
    version: '2.0',
    routeKey: `${route.method} ${route.path}`,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(params).length ? { pathParameters: params } : {}),
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: route.method,
        path: url.pathname,
        protocol: 'HTTP/1.1',
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: `${route.method} ${route.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    ...(body.length ? { body: body.toString('utf8') } : {}),
    isBase64Encoded: false,
  } as unknown as APIGatewayProxyEventV2;
  const context = { awsRequestId: requestId, functionName: `local-${route.handler}` } as Context;
  return { event, context };
}
