/**
 * The HTTP API's JWT authorizer lets the user pool client's access token through as well as its ID
 * token, but only the ID token carries custom:parks and custom:staffId. A handler given an access
 * token's claims answers 401 AUTH.ID_TOKEN_REQUIRED (send the ID token), before touching the table.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as getTicket } from '../../functions/http/get-ticket';
import { handler as listStaff } from '../../functions/http/list-staff';
import { handler as openTicket } from '../../functions/http/open-ticket';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { provideDeps } from '../../shared/runtime';
import { awsDeps } from '../support/aws-deps';
import { repairBody } from '../support/desk';
import { apiEvent, DISPATCHER_ID_TOKEN_CLAIMS, invoke } from '../support/http-event';
import { freshStore } from '../support/store';

/** A Cognito access token's claims: groups and client_id/scope, no aud, no custom:* attributes. */
const ACCESS_TOKEN_CLAIMS = {
  sub: DISPATCHER_ID_TOKEN_CLAIMS.sub,
  'cognito:groups': '[dispatcher]',
  iss: DISPATCHER_ID_TOKEN_CLAIMS.iss,
  client_id: 'desk-client-id',
  origin_jti: '0f1e2d3c-0000-4000-8000-000000000001',
  event_id: '0f1e2d3c-0000-4000-8000-000000000002',
  token_use: 'access',
  scope: 'aws.cognito.signin.user.admin',
  auth_time: 1_795_000_000,
  iat: 1_795_000_000,
  exp: 1_795_003_600,
  jti: '0f1e2d3c-0000-4000-8000-000000000003',
  username: 'dispatcher-1',
};

beforeAll(async () => {
  const { store } = await freshStore();
  const clock = new AdjustableClock();
  clock.set(new Date('2026-11-27T09:00:00+08:00'));
  provideDeps(awsDeps(store, clock));
});
afterAll(() => provideDeps(undefined));

describe('a Cognito access token instead of the ID token', () => {
  const requests = [
    {
      name: 'GET /staff',
      handler: listStaff,
      event: () => apiEvent('GET /staff', { claims: ACCESS_TOKEN_CLAIMS }),
    },
    {
      name: 'POST /tickets',
      handler: openTicket,
      event: () => apiEvent('POST /tickets', { claims: ACCESS_TOKEN_CLAIMS, body: repairBody() }),
    },
    {
      name: 'GET /tickets/{id}',
      handler: getTicket,
      event: () =>
        apiEvent('GET /tickets/{id}', {
          claims: ACCESS_TOKEN_CLAIMS,
          pathParameters: { id: '01KX0000000000000000000000' },
        }),
    },
  ];

  for (const request of requests) {
    it(`${request.name} answers 401 AUTH.ID_TOKEN_REQUIRED, saying to send the ID token`, async () => {
      const res = await invoke(request.handler, request.event());

      expect(res.status).toBe(401);
      expect(res.body).toEqual({
        error: { code: 'AUTH.ID_TOKEN_REQUIRED', message: expect.stringContaining('send the ID token') },
      });
    });
  }

  it('the ID token of the same person is served', async () => {
    const res = await invoke(listStaff, apiEvent('GET /staff', { claims: DISPATCHER_ID_TOKEN_CLAIMS }));

    expect(res.status).toBe(200);
  });

  it('any token_use other than id is refused the same way', async () => {
    const res = await invoke(
      listStaff,
      apiEvent('GET /staff', { claims: { ...DISPATCHER_ID_TOKEN_CLAIMS, token_use: 'refresh' } }),
    );

    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('AUTH.ID_TOKEN_REQUIRED');
  });
});
