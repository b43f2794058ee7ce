/**
 * What a failed write to the table means: a condition of ours failed (someone else wrote first:
 * 409, reload), or the transaction was cancelled for contention or throttling (nothing written:
 * send it again, then 503 with Retry-After).
 */
import type { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { ServiceUnavailable } from '../../domain/errors';

/**
 * Did a condition of ours fail (someone else wrote first)? A transaction cancelled for any other
 * reason — TransactionConflict (another transaction on one of its items at that moment),
 * ThrottlingError, ProvisionedThroughputExceeded — wrote nothing and had no answer about our
 * conditions: that is `transientCancellation`, not a conflict to reload for.
 */
export function isConditionFailure(error: unknown): boolean {
  const name = (error as { name?: string } | undefined)?.name;
  if (name === 'ConditionalCheckFailedException') return true;
  if (name !== 'TransactionCanceledException') return false;
  const reasons = cancellationCodes(error);
  return reasons.length === 0 || reasons.includes('ConditionalCheckFailed');
}

function cancellationCodes(error: unknown): string[] {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.map((reason) => reason.Code ?? 'None');
}

const TRANSACTION_ATTEMPTS = 3;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

/**
 * Sends a transaction, again when it was cancelled with no condition failing: nothing was written,
 * so the same request is safe to repeat, and two intakes taking a number at the same moment (a
 * TransactionConflict on the counter) mostly sort themselves out here. The SDK does not retry a
 * cancelled transaction itself.
 */
export async function transactWrite(
  db: DynamoDBDocumentClient,
  command: TransactWriteCommand,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.send(command);
      return;
    } catch (error) {
      if (!transientCancellation(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      await pause(20 * attempt + Math.random() * 40);
    }
  }
}

/** A transaction cancelled with no condition failing: contention or throttling → 503, try again. */
export function transientCancellation(error: unknown): ServiceUnavailable | undefined {
  if ((error as { name?: string } | undefined)?.name !== 'TransactionCanceledException') return undefined;
  if (isConditionFailure(error)) return undefined;
  const codes = cancellationCodes(error).filter((code) => code !== 'None');
  return new ServiceUnavailable(
    `the write was not made (${[...new Set(codes)].join(', ') || 'cancelled'}); send the same request again`,
    { retryAfterSeconds: 1, cause: error },
  );
}
