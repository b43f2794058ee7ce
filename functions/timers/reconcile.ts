/**
 * The reconciler, every five minutes (an EventBridge rule in AWS; the local desk's background loop
 * locally): re-sends SMS a crash left `sending` and fires timers past due that never fired.
 *
 * It logs one `reconciler repaired` line per run with the counts, which is also a CloudWatch
 * embedded-metric-format record: metric `ReconcilerRepairs` in namespace `EstateDesk` (alarm on > 0).
 */
import { awsReconcileDeps } from '../../shared/adapters/aws/reconcile';
import { type ReconcileReport, reconcile } from '../../shared/app/reconcile';
import { log } from '../../shared/log';
import { depsFrom } from '../../shared/runtime';

const deps = depsFrom(awsReconcileDeps);

/** Where the repairs are counted in CloudWatch (the alarm on them reads this). */
export const RECONCILER_METRIC = { namespace: 'EstateDesk', name: 'ReconcilerRepairs' } as const;

export async function handler(): Promise<ReconcileReport> {
  const report = await reconcile(deps());
  log.info('reconciler repaired', {
    ...report,
    // Embedded metric format: CloudWatch Logs turns this line into the metric, no API call.
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: RECONCILER_METRIC.namespace,
          Dimensions: [[]],
          Metrics: [{ Name: RECONCILER_METRIC.name, Unit: 'Count' }],
        },
      ],
    },
    [RECONCILER_METRIC.name]: report.repairs,
  });
  return report;
}
