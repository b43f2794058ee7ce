/**
 * Throttling and outages answer clearly: a throttled, contended, failing, unreachable or silent
 * table makes the HTTP handlers answer 503 with Retry-After and SERVICE.UNAVAILABLE — after the
 * SDK's own retries, with the clients the functions build (shared/adapters/aws/sdk.ts budgets) —
 * and GET /health answers 503 when the table cannot be reached, 200 when it can.
 */
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { handler as health } from '../../functions/http/health';
import { handler as listStaff } from '../../functions/http/list-staff';
import { handler as openTicket } from '../../functions/http/open-ticket';
import { documentClient, dynamoDbClient } from '../../shared/adapters/aws/core';
import { REQUEST_PATH_BUDGET, worstCaseMs } from '../../shared/adapters/aws/sdk';
import { DynamoTicketStore } from '../../shared/adapters/dynamo/ticket-store';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { keys } from '../../shared/adapters/dynamo/table';
import { provideDeps } from '../../shared/runtime';
import { DEMO_PARK } from '../../infra/local/demo-park';
import { awsDeps } from '../support/aws-deps';
import { repairBody } from '../support/desk';
import { apiEvent, DISPATCHER_ID_TOKEN_CLAIMS, invoke } from '../support/http-event';
import { freshStore } from '../support/store';

const CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

function clock(): AdjustableClock {
  const c = new AdjustableClock();
  c.set(new Date('2026-11-27T09:00:00+08:00'));
  return c;
}

/** The desk's store on a DynamoDB client built as the functions build it (budget included). */
function storeOn(config: Parameters<typeof dynamoDbClient>[0]): DynamoTicketStore {
  const client = dynamoDbClient({ region: 'ap-east-1', credentials: CREDENTIALS, ...config });
  return new DynamoTicketStore(documentClient(client), 'estate-desk');
}

function provideStore(store: DynamoTicketStore): void {
  provideDeps(awsDeps(store, clock()));
}

function expectUnavailable(res: Awaited<ReturnType<typeof invoke>>): void {
  expect(res.status).toBe(503);
  expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
  expect(res.body).toEqual({ error: { code: 'SERVICE.UNAVAILABLE', message: expect.any(String) } });
  expect(res.body.error.message).not.toMatch(/\.ts:\d|\n\s+at /);
}

const servers: Server[] = [];
const sockets: Socket[] = [];

/** A TCP endpoint that accepts connections and never answers (a table that hangs). */
async function silentEndpoint(): Promise<string> {
  const server = createServer((socket) => sockets.push(socket));
  servers.push(server);
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  return `http://127.0.0.1:${port}`;
}

/** An endpoint nothing listens on (a table that is down). */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return `http://127.0.0.1:${port}`;
}

/** An HTTP handler for the SDK that answers every request with one DynamoDB error, counting them. */
function dynamoAnswering(status: number, type: string) {
  const handler = {
    requests: 0,
    async handle() {
      handler.requests++;
      const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, message: type });
      return {
        response: {
          statusCode: status,
          headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'r' },
          body: Readable.from([Buffer.from(body)]),
        },
      };
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs: () => ({}),
  };
  return handler;
}

const staffRequest = () => apiEvent('GET /staff', { claims: DISPATCHER_ID_TOKEN_CLAIMS });
const intakeRequest = () =>
  apiEvent('POST /tickets', { claims: DISPATCHER_ID_TOKEN_CLAIMS, body: repairBody() });

afterEach(() => provideDeps(undefined));
afterAll(() => {
  for (const socket of sockets) socket.destroy();
  for (const server of servers) server.close();
});

describe('a throttled or failing table, after the SDK retries', () => {
  for (const [status, type] of [
    [400, 'ProvisionedThroughputExceededException'],
    [400, 'ThrottlingException'],
    [400, 'RequestLimitExceeded'],
    [500, 'InternalServerError'],
    [503, 'ServiceUnavailable'],
  ] as const) {
    it(`${type}: GET /staff answers 503 with Retry-After once the SDK gave up after ${REQUEST_PATH_BUDGET.maxAttempts} attempts`, async () => {
      // Prepare: every DynamoDB request is answered with the error, through the SDK's retry middleware.
      const dynamo = dynamoAnswering(status, type);
      provideStore(storeOn({ endpoint: 'https://dynamodb.ap-east-1.amazonaws.com', requestHandler: dynamo }));

      // Act
      const res = await invoke(listStaff, staffRequest());

      // Assess
      expectUnavailable(res);
      expect(dynamo.requests).toBe(REQUEST_PATH_BUDGET.maxAttempts);
    });
  }
});

describe('a cancelled intake transaction (aws-sdk-client-mock on the document client)', () => {
  const db = documentClient(dynamoDbClient({ region: 'ap-east-1', credentials: CREDENTIALS }));
  const mock = mockClient(db as DynamoDBDocumentClient);

  function intakeWith(cancellation: TransactionCanceledException) {
    mock.reset();
    // The park is found; the register hands out number 1.
    mock
      .on(GetCommand)
      .callsFake(async (input: { Key: Record<string, string> }) =>
        input.Key.pk === keys.park(DEMO_PARK.id).pk ? { Item: { ...input.Key, ...DEMO_PARK } } : {},
      );
    mock.on(QueryCommand).resolves({ Items: [] });
    mock.on(UpdateCommand).resolves({ Attributes: { value: 1 } });
    mock.on(TransactWriteCommand).rejects(cancellation);
    provideStore(new DynamoTicketStore(db, 'estate-desk'));
    return invoke(openTicket, intakeRequest());
  }

  function cancelled(...codes: string[]): TransactionCanceledException {
    return new TransactionCanceledException({
      message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
      $metadata: { httpStatusCode: 400 },
      CancellationReasons: codes.map((Code) => ({ Code })),
    });
  }

  it('TransactionConflict: sent again, then 503 with Retry-After (not 500, not a 409 "reload")', async () => {
    const res = await intakeWith(cancelled('TransactionConflict', 'None', 'None'));

    expectUnavailable(res);
    expect(mock.commandCalls(TransactWriteCommand).length).toBeGreaterThan(1);
  });

  it('ThrottlingError in the reasons: 503 with Retry-After', async () => {
    expectUnavailable(await intakeWith(cancelled('ThrottlingError', 'None', 'None')));
  });

  it('ConditionalCheckFailed (the ticket id was taken: a copy of the same call): a conflict, 409', async () => {
    const res = await intakeWith(cancelled('ConditionalCheckFailed', 'None', 'None'));

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('TICKET.CONCURRENT_CHANGE');
  });
});

describe('an unreachable or silent table', () => {
  it('nothing listening: GET /staff answers 503 with Retry-After', async () => {
    provideStore(storeOn({ endpoint: await closedEndpoint() }));

    expectUnavailable(await invoke(listStaff, staffRequest()));
  });

  it(`a table that never answers: the SDK's request timeout ends each attempt and the handler answers 503 (worst case ${worstCaseMs(REQUEST_PATH_BUDGET)} ms)`, async () => {
    provideStore(storeOn({ endpoint: await silentEndpoint() }));

    expectUnavailable(await invoke(listStaff, staffRequest()));
  });
});

describe('GET /health', () => {
  it('answers 200 when the table answers (DynamoDB Local)', async () => {
    const { store } = await freshStore({ seed: false });
    provideStore(store);

    const res = await invoke(health, apiEvent('GET /health'));

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', service: 'estate-desk' });
  });

  it('answers 503 with Retry-After when the table cannot be reached', async () => {
    provideStore(storeOn({ endpoint: await closedEndpoint() }));

    expectUnavailable(await invoke(health, apiEvent('GET /health')));
  });

  it('answers 503 when the table hangs, within its own short timeout', async () => {
    provideStore(storeOn({ endpoint: await silentEndpoint() }));

    expectUnavailable(await invoke(health, apiEvent('GET /health')));
  });

  it('answers 503 when the table does not exist', async () => {
    const { client } = await freshStore({ seed: false });
    provideStore(new DynamoTicketStore(documentClient(client), 'no-such-table'));

    expect((await invoke(health, apiEvent('GET /health'))).status).toBe(503);
  });
});
