/** What a cancelled TransactWriteItems means to the store: our condition failed, or try again. */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { isConditionFailure, transientCancellation } from '../../shared/adapters/dynamo/transactions';
import { ServiceUnavailable } from '../../shared/domain/errors';

function cancelled(...codes: string[]): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });
}

describe('a cancelled transaction', () => {
  it('with a ConditionalCheckFailed reason is a condition failure (409, reload), never a 503', () => {
    for (const error of [
      cancelled('ConditionalCheckFailed', 'None'),
      cancelled('None', 'ConditionalCheckFailed', 'TransactionConflict'),
    ]) {
      expect(isConditionFailure(error)).toBe(true);
      expect(transientCancellation(error)).toBeUndefined();
    }
  });

  it.each([['TransactionConflict'], ['ThrottlingError'], ['ProvisionedThroughputExceeded']])(
    'for %s only is transient: ServiceUnavailable, SERVICE.UNAVAILABLE, with a Retry-After',
    (code) => {
      const error = cancelled('None', code, 'None');

      expect(isConditionFailure(error)).toBe(false);
      const unavailable = transientCancellation(error);
      expect(unavailable).toBeInstanceOf(ServiceUnavailable);
      expect(unavailable?.code).toBe('SERVICE.UNAVAILABLE');
      expect(unavailable?.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(unavailable?.message).toContain(code);
    },
  );

  it('a plain ConditionalCheckFailedException (PutItem) is a condition failure', () => {
    const error = Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
    });
    expect(isConditionFailure(error)).toBe(true);
    expect(transientCancellation(error)).toBeUndefined();
  });
});
