/**
 * The table's stream → side effects (timers, SMS). Records are applied in order; the first one that
 * fails is reported with every record after it, so the event source retries from there (bisect
 * and an on-failure queue bound the retries).
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { awsEffectsDeps } from '../../shared/adapters/aws/effects';
import type { ChangedItem } from '../../shared/app/effects';
import { applyEffects } from '../../shared/app/effects';
import { log } from '../../shared/log';
import { depsFrom } from '../../shared/runtime';

const deps = depsFrom(awsEffectsDeps);

function image(raw: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  return raw ? unmarshall(raw as Record<string, AttributeValue>) : undefined;
}

export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const records = event.Records ?? [];
  for (const [i, record] of records.entries()) {
    const change: ChangedItem = {
      change: record.eventName ?? 'MODIFY',
      ...(record.dynamodb?.NewImage ? { newImage: image(record.dynamodb.NewImage) } : {}),
      ...(record.dynamodb?.OldImage ? { oldImage: image(record.dynamodb.OldImage) } : {}),
    };
    try {
      await applyEffects(deps() as Parameters<typeof applyEffects>[0], change);
    } catch (error) {
      log.error('effect failed; the stream will retry', {
        error,
        sequenceNumber: record.dynamodb?.SequenceNumber,
        key: record.dynamodb?.Keys,
      });
      return {
        batchItemFailures: records
          .slice(i)
          .map((r) => ({ itemIdentifier: r.dynamodb?.SequenceNumber ?? '' }))
          .filter((f) => f.itemIdentifier),
      };
    }
  }
  return { batchItemFailures: [] };
}
