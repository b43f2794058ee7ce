/**
 * The functions' AWS SDK clients retry and time out within a budget, and what a failure of theirs
 * amounts to: SERVICE.UNAVAILABLE (503 with Retry-After) or not.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { dynamoDbClient } from '../../shared/adapters/aws/core';
import { schedulerClient, snsClient } from '../../shared/adapters/aws/effects';
import {
  asServiceUnavailable,
  BACKGROUND_BUDGET,
  REQUEST_PATH_BUDGET,
  type SdkBudget,
  worstCaseMs,
} from '../../shared/adapters/aws/sdk';
import { ssmClient } from '../../shared/adapters/aws/secure-parameter';
import { ServiceUnavailable } from '../../shared/domain/errors';

/** What a client was built with: its attempts, retry mode and HTTP handler settings. */
async function settingsOf(client: { config: unknown }) {
  const config = client.config as DynamoDBClient['config'] & {
    requestHandler: { configProvider: Promise<Record<string, unknown>> };
  };
  const strategy = (await config.retryStrategy()) as { mode?: string };
  const handler = await config.requestHandler.configProvider;
  return {
    maxAttempts: await config.maxAttempts(),
    mode: strategy.mode,
    connectionTimeout: handler.connectionTimeout,
    requestTimeout: handler.requestTimeout,
    throwOnRequestTimeout: handler.throwOnRequestTimeout,
  };
}

function expected(budget: SdkBudget) {
  return {
    maxAttempts: budget.maxAttempts,
    mode: 'standard',
    connectionTimeout: budget.connectionTimeoutMs,
    requestTimeout: budget.requestTimeoutMs,
    throwOnRequestTimeout: true,
  };
}

describe('client budgets', () => {
  it('DynamoDB and SSM (request paths): 3 attempts, standard mode, 0.5 s to connect, 1.5 s per attempt, enforced', async () => {
    expect(await settingsOf(dynamoDbClient({ region: 'ap-east-1' }))).toEqual(expected(REQUEST_PATH_BUDGET));
    expect(await settingsOf(ssmClient())).toEqual(expected(REQUEST_PATH_BUDGET));
    expect(REQUEST_PATH_BUDGET).toEqual({
      maxAttempts: 3,
      connectionTimeoutMs: 500,
      requestTimeoutMs: 1_500,
    });
  });

  it('SNS and Scheduler (stream consumer): 3 attempts, standard mode, 3 s per attempt, enforced', async () => {
    expect(await settingsOf(snsClient())).toEqual(expected(BACKGROUND_BUDGET));
    expect(await settingsOf(schedulerClient())).toEqual(expected(BACKGROUND_BUDGET));
  });

  it('one request-path call gives up within 7.5 s, every attempt timed out and every backoff the longest', () => {
    expect(worstCaseMs(REQUEST_PATH_BUDGET)).toBe(3 * 1_500 + 1_000 + 2_000);
    // Three such calls in a row (directory, counter, write) still end before API Gateway's 30 s.
    expect(3 * worstCaseMs(REQUEST_PATH_BUDGET)).toBeLessThan(30_000);
  });
});

describe('asServiceUnavailable', () => {
  const sdkError = (name: string, extra: Record<string, unknown> = {}) =>
    Object.assign(new Error(name), { name, $fault: 'client', $metadata: { httpStatusCode: 400 }, ...extra });

  it.each([
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'ThrottledException',
    'TooManyRequestsException',
  ])('%s (after the SDK retries) is SERVICE.UNAVAILABLE, try again in 2 s', (name) => {
    const unavailable = asServiceUnavailable(sdkError(name));
    expect(unavailable).toBeInstanceOf(ServiceUnavailable);
    expect(unavailable?.code).toBe('SERVICE.UNAVAILABLE');
    expect(unavailable?.retryAfterSeconds).toBe(2);
  });

  it.each([
    [
      'InternalServerError',
      sdkError('InternalServerError', { $fault: 'server', $metadata: { httpStatusCode: 500 } }),
    ],
    [
      'ServiceUnavailable',
      sdkError('ServiceUnavailable', { $fault: 'server', $metadata: { httpStatusCode: 503 } }),
    ],
    ['an unknown 5xx', sdkError('SomethingNew', { $fault: 'server', $metadata: { httpStatusCode: 502 } })],
    ['TimeoutError', Object.assign(new Error('timed out'), { name: 'TimeoutError', code: 'ETIMEDOUT' })],
    ['ECONNREFUSED', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })],
    ['AbortError', Object.assign(new Error('aborted'), { name: 'AbortError' })],
    ['TransactionConflictException', sdkError('TransactionConflictException')],
  ])('%s is SERVICE.UNAVAILABLE, try again in 5 s', (_, error) => {
    const unavailable = asServiceUnavailable(error);
    expect(unavailable?.code).toBe('SERVICE.UNAVAILABLE');
    expect(unavailable?.retryAfterSeconds).toBe(5);
    expect(unavailable?.cause).toBe(error);
  });

  it.each([
    ['ConditionalCheckFailedException', sdkError('ConditionalCheckFailedException')],
    ['ValidationException', sdkError('ValidationException')],
    ['AccessDeniedException', sdkError('AccessDeniedException')],
    ['a TypeError (a bug)', new TypeError('x is undefined')],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('%s is not: it stays what it is (a 4xx of its own, or a 500)', (_, error) => {
    expect(asServiceUnavailable(error)).toBeUndefined();
  });

  it('a ServiceUnavailable passes through as it is', () => {
    const error = new ServiceUnavailable('busy', { retryAfterSeconds: 1 });
    expect(asServiceUnavailable(error)).toBe(error);
  });
});
