/**
 * The console's local sign-in (ADR 023), a LOCAL-ONLY route: `GET /local/sign-in` lists the demo
 * directory, `POST /local/sign-in {"staffId"}` answers that person's ID token, minted as `npm run
 * token` mints it. No route table entry: the CDK stack never has it (in AWS the user pool's hosted
 * sign-in does this). It needs no token — it is how one gets one — so it answers only requests from
 * this machine: a desk started with HOST=0.0.0.0 does not hand tokens to the network.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DEMO_STAFF } from './demo-park';
import { problem, send } from './http-io';
import { tokenFor } from './token';

export const SIGN_IN_PATH = '/local/sign-in';

function fromThisMachine(req: IncomingMessage): boolean {
  const address = req.socket.remoteAddress ?? '';
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

export function serveSignIn(jwtKey: string, req: IncomingMessage, res: ServerResponse, body: Buffer) {
  if (!fromThisMachine(req)) {
    return problem(res, 403, 'AUTH.LOCAL_ONLY', 'the local sign-in answers only on this machine');
  }
  if (req.method === 'GET') {
    return send(res, 200, {
      staff: DEMO_STAFF.map(({ id, name, roles, department }) => ({ id, name, roles, department })),
    });
  }
  if (req.method !== 'POST') {
    res.setHeader('allow', 'GET, POST');
    return problem(res, 405, 'ROUTE.METHOD_NOT_ALLOWED', `${req.method} is not allowed; use GET or POST`);
  }
  let staffId: unknown;
  try {
    staffId = (JSON.parse(body.toString('utf8') || '{}') as { staffId?: unknown }).staffId;
  } catch {
    return problem(res, 400, 'REQUEST.MALFORMED_JSON', 'the body is not valid JSON');
  }
  const person = typeof staffId === 'string' ? DEMO_STAFF.find((s) => s.id === staffId) : undefined;
  if (!person) {
    return send(res, 400, {
      error: {
        code: 'REQUEST.INVALID',
        message: 'staffId must be a person of the demo directory',
        field: 'staffId',
      },
    });
  }
  return send(res, 200, { token: tokenFor([person.id], jwtKey), staffId: person.id, name: person.name });
}
