/**
 * Issue 13 item 6 on the AWS path: the `print-ticket` Lambda handler, given an HTTP API (v2) event
 * with a Cognito ID token's claims, answers the filled work order as HTML — its times written in
 * the park's zone by the form itself (the JSON time middleware leaves HTML alone) — and the same
 * refusals as `GET /tickets/{id}`: another park's ticket 404, a form of another kind 400 on `form`.
 */
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler as openTicket } from '../../functions/http/open-ticket';
import { handler as printTicket } from '../../functions/http/print-ticket';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { provideDeps } from '../../shared/runtime';
import { awsDeps } from '../support/aws-deps';
import { repairBody } from '../support/desk';
import { apiEvent, DISPATCHER_ID_TOKEN_CLAIMS, invoke } from '../support/http-event';
import { freshStore } from '../support/store';

let id: string;
let number: string;

beforeAll(async () => {
  const { store } = await freshStore();
  const clock = new AdjustableClock();
  clock.set(new Date('2026-11-27T09:40:00+08:00'));
  provideDeps(awsDeps(store, clock));
  const opened = await invoke(
    openTicket,
    apiEvent('POST /tickets', { claims: DISPATCHER_ID_TOKEN_CLAIMS, body: repairBody() }),
  );
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  id = opened.body.ticket.id;
  number = opened.body.ticket.number;
});
afterAll(() => provideDeps(undefined));

async function print(claims: Record<string, string | number>, query?: Record<string, string>) {
  const event = apiEvent('GET /tickets/{id}/print', {
    claims,
    pathParameters: { id },
    ...(query ? { queryStringParameters: query } : {}),
  });
  return (await printTicket(event, {
    awsRequestId: 'lambda-req-1',
  } as Context)) as APIGatewayProxyStructuredResultV2;
}

describe('GET /tickets/{id}/print through the Lambda handler (RP-5)', () => {
  it('answers the work order as HTML with the park, the number and park-local times', async () => {
    const res = await print(DISPATCHER_ID_TOKEN_CLAIMS);
    expect(res.statusCode, String(res.body)).toBe(200);
    expect(res.headers?.['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers?.['content-security-policy']).toContain("default-src 'none'");
    const body = String(res.body);
    expect(body).toContain('<div class="park">翠湖园</div><h1>报修派工单</h1>');
    expect(body).toContain(`编号：${number}`);
    expect(body).toContain('<th>报修时间</th><td>2026-11-27 09:40</td>');
    expect(body).toContain('打印时间：2026-11-27 09:40');
    expect(body).not.toContain('<script');
  });

  it('another park’s token: 404 TICKET.NOT_FOUND; a form of another kind: 400 on `form`', async () => {
    const other = await print({ ...DISPATCHER_ID_TOKEN_CLAIMS, 'custom:parks': 'park-2' });
    expect(other.statusCode).toBe(404);
    expect(JSON.parse(String(other.body)).error.code).toBe('TICKET.NOT_FOUND');
    const wrong = await print(DISPATCHER_ID_TOKEN_CLAIMS, { form: 'key-slip' });
    expect(wrong.statusCode).toBe(400);
    expect(JSON.parse(String(wrong.body)).error).toMatchObject({
      code: 'PRINT.FORM_NOT_FOR_KIND',
      field: 'form',
    });
  });
});
