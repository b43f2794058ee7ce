/**
 * The API routes served as API Gateway serves them: the route table (infra/routes.ts) matched on
 * method and path (404, 405 with `allow`), the JWT authorizer on authorized routes (401 without a
 * valid token), then the route's own Lambda handler with a v2 event, its answer written back as is.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTP_ROUTES, type HttpRoute, handlerEntry, IVR_ROUTES } from '../routes';
import { gatewayClaims, gatewayEvent } from './gateway-event';
import { type HttpHandler, handlerIn } from './handlers';
import { problem } from './http-io';
import { verifyToken } from './jwt';

class BadPath extends Error {}

function match(route: HttpRoute, path: string): Record<string, string> | undefined {
  const want = route.path.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const value = got[i] ?? '';
    if (part.startsWith('{')) {
      if (!value) return undefined;
      try {
        params[part.slice(1, -1)] = decodeURIComponent(value);
      } catch {
        throw new BadPath();
      }
    } else if (part !== value) return undefined;
  }
  return params;
}

/** Answers a request for one of the API's routes; `jwtKey` verifies bearer tokens (`npm run token`). */
export async function serveApi(
  jwtKey: string,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  body: Buffer,
): Promise<void> {
  let candidates: { route: HttpRoute; params: Record<string, string> | undefined }[];
  try {
    candidates = [...HTTP_ROUTES, ...IVR_ROUTES]
      .map((route) => ({ route, params: match(route, url.pathname) }))
      .filter((c) => c.params);
  } catch (error) {
    if (error instanceof BadPath)
      return problem(res, 400, 'REQUEST.MALFORMED_PATH', 'the path has a malformed %-escape');
    throw error;
  }
  const hit = candidates.find((c) => c.route.method === req.method);
  if (!hit?.params) {
    if (!candidates.length)
      return problem(res, 404, 'ROUTE.NOT_FOUND', `no route ${req.method} ${url.pathname}`);
    const allow = [...new Set(candidates.map((c) => c.route.method))].join(', ');
    res.setHeader('allow', allow);
    return problem(
      res,
      405,
      'ROUTE.METHOD_NOT_ALLOWED',
      `${req.method} is not allowed on ${url.pathname}; use ${allow}`,
    );
  }
  const { route, params } = hit;

  let claims: Record<string, string | number> | undefined;
  if (route.authorized) {
    const token = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const verified = token ? verifyToken(token, jwtKey) : undefined;
    if (!verified) {
      return problem(
        res,
        401,
        'AUTH.UNAUTHENTICATED',
        'a valid bearer token is required (npm run token -- dispatcher)',
      );
    }
    claims = gatewayClaims(verified as unknown as Record<string, unknown>);
  }

  const { event, context } = gatewayEvent({ req, url, route, params, body, ...(claims ? { claims } : {}) });
  const result = await (await handlerIn<HttpHandler>(handlerEntry(route.handler)))(event, context);
  res.writeHead(result.statusCode ?? 200, (result.headers ?? {}) as Record<string, string>);
  res.end(result.body ?? '');
}
