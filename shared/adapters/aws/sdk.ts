/**
 * How the functions' AWS SDK clients retry and time out, and which of their failures mean "the
 * service is unavailable now" (HTTP 503 with Retry-After) rather than a bug (500).
 *
 * Budget: API Gateway gives an HTTP API integration at most 30 s; the HTTP functions run for at most
 * HTTP_FUNCTION_TIMEOUT_SECONDS (infra/aws/stack.ts), and a request makes up to three table calls in
 * a row (directory, register counter, the write). One call, every attempt timing out, lasts at most
 * `maxAttempts × requestTimeout` plus the backoff between attempts (standard mode: at most
 * 2^i × 500 ms before attempt i+1 on throttling), so 3 × 1.5 s + 3 s = 7.5 s; three such calls
 * still end inside the function's 25 s and the desk answers its own 503, never a Lambda timeout.
 */
import { ServiceUnavailable } from '../../domain/errors';

export interface SdkBudget {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** Time to open the TCP/TLS connection, per attempt. */
  connectionTimeoutMs: number;
  /** Time for the whole attempt (connection included); `throwOnRequestTimeout` makes it an error. */
  requestTimeoutMs: number;
}

/**
 * DynamoDB (every function) and SSM (the link pages read the key on a request): calls that answer
 * in milliseconds, on the request path. Standard retry mode, not adaptive: adaptive mode's client-side
 * rate limiter makes the next requests of a throttled container wait, which a Lambda container
 * serving one request at a time pays as latency against the 30 s, and learns little before it is
 * recycled; standard mode retries throttling with jittered backoff and a retry quota.
 */
export const REQUEST_PATH_BUDGET: SdkBudget = {
  maxAttempts: 3,
  connectionTimeoutMs: 500,
  requestTimeoutMs: 1_500,
};

/** SNS and Scheduler, called only by the stream consumer and the reconciler (60 s functions). */
export const BACKGROUND_BUDGET: SdkBudget = {
  maxAttempts: 3,
  connectionTimeoutMs: 1_000,
  requestTimeoutMs: 3_000,
};

/** Standard mode's longest backoff before attempt i+1 is 2^i × this (throttling base; 100 ms otherwise). */
const MAX_BACKOFF_BASE_MS = 500;

/** The longest one SDK call can take under `budget`: every attempt times out, every backoff is the longest. */
export function worstCaseMs(budget: SdkBudget): number {
  let backoff = 0;
  for (let i = 1; i < budget.maxAttempts; i++) backoff += 2 ** i * MAX_BACKOFF_BASE_MS;
  return budget.maxAttempts * budget.requestTimeoutMs + backoff;
}

/** The client configuration for a budget: spread it into `new DynamoDBClient({...})` and the like. */
export function sdkClientConfig(budget: SdkBudget) {
  return {
    maxAttempts: budget.maxAttempts,
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: budget.connectionTimeoutMs,
      requestTimeout: budget.requestTimeoutMs,
      // Without it a request past requestTimeout only logs a warning and keeps waiting.
      throwOnRequestTimeout: true,
    },
  } as const;
}

/** Too many requests: DynamoDB's, and the other services' names for it. */
const THROTTLING = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
]);

/** The service failed, or never answered in time. */
const OUTAGE = new Set([
  'InternalServerError',
  'InternalFailure',
  'InternalServerException',
  'ServiceUnavailable',
  'ServiceUnavailableException',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'AbortError',
  // A plain write that met a transaction in progress on the same item: nothing was written.
  'TransactionConflictException',
  'TransactionInProgressException',
]);

/** Node's network failures: the endpoint cannot be reached. */
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

interface SdkErrorLike {
  name?: unknown;
  code?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
}

/**
 * The ServiceUnavailable an AWS SDK failure amounts to — throttling (after the SDK's own retries),
 * a 5xx, a timeout, an unreachable endpoint — or undefined when it is anything else (a bug, a
 * refused request). A ServiceUnavailable passes through.
 */
export function asServiceUnavailable(error: unknown): ServiceUnavailable | undefined {
  if (error instanceof ServiceUnavailable) return error;
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as SdkErrorLike;
  const name = typeof e.name === 'string' ? e.name : '';
  const code = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : undefined;
  if (THROTTLING.has(name)) {
    return new ServiceUnavailable('the desk is handling too many requests; try again shortly', {
      retryAfterSeconds: 2,
      cause: error,
    });
  }
  const serverFault = e.$fault === 'server' || (status !== undefined && status >= 500);
  if (OUTAGE.has(name) || NETWORK.has(code) || serverFault) {
    return new ServiceUnavailable(
      'a service the desk depends on is not answering just now; try again shortly',
      {
        retryAfterSeconds: 5,
        cause: error,
      },
    );
  }
  return undefined;
}
