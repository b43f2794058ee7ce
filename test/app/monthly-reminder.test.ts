/**
 * CH-10 (issue 13 item 4): by the 30th (the last day in February), a month whose summary has no
 * dispatcher's report yet is texted to customer service's lead — once per park and month however
 * often the reconciler runs, never when the report exists, in the park's time (Asia/Shanghai). The
 * reconciler runs on DynamoDB Local with SNS mocked (its AWS path); the parks come from the
 * directory's list, not a Scan.
 */
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../infra/local/demo-park';
import { AdjustableClock } from '../../shared/adapters/local/clock';
import { addMonthlyEntry } from '../../shared/app/monthly/report';
import { reconcile } from '../../shared/app/reconcile';
import { reportDueDay } from '../../shared/domain/monthly-reminder';
import { LINK_SMS_LIMIT } from '../../shared/domain/sms';
import { awsDeps } from '../support/aws-deps';
import { freshStore, logCalls } from '../support/store';

const sns = mockClient(SNSClient);
const LEAD = DEMO_STAFF.find((s) => s.roles.includes('customer-service-lead'));
const dispatcher = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };

async function setup(at: string) {
  const env = await freshStore();
  const clock = new AdjustableClock();
  clock.set(new Date(at));
  return { env, clock, deps: awsDeps(env.store, clock) };
}

const texts = () => sns.commandCalls(PublishCommand).map((c) => c.args[0].input);

beforeEach(() => {
  sns.reset();
  sns.on(PublishCommand).resolves({ MessageId: 'm-1' });
});

describe('CH-10: the month’s report reminder (a reconciler step)', () => {
  it('on the 30th after opening, the lead is texted once, though the reconciler runs twice', async () => {
    const { deps } = await setup('2026-11-30T09:00:00+08:00');

    const first = await reconcile(deps);
    const second = await reconcile(deps);

    expect(first.errors).toBe(0);
    expect(second.errors).toBe(0);
    expect(texts()).toHaveLength(1);
    const sms = texts()[0];
    expect(sms?.PhoneNumber).toBe(LEAD?.phone);
    expect(sms?.Message).toContain('2026年11月《投诉调度记录月总结表》尚无调度员简要报告');
    expect(sms?.Message).toContain('补写报告');
    expect(sms?.Message?.length).toBeLessThanOrEqual(LINK_SMS_LIMIT);
    // ADR 012: it asks the lead to act, so it ends in their own signed link to the month.
    const token = /\/ack\/([0-9A-Za-z]{12})$/.exec(sms?.Message ?? '')?.[1] ?? '';
    expect(token).toHaveLength(12);
    expect(await deps.store.ackLink(token)).toMatchObject({
      ticketId: 'park-1#2026-11',
      staffId: LEAD?.id,
      purpose: 'monthly-report',
    });
  });

  it('Asia/Shanghai: 07:30 on the 30th (23:30 UTC the 29th) is before opening; the 29th is early: nothing', async () => {
    const { deps, clock } = await setup('2026-11-30T07:30:00+08:00');
    await reconcile(deps);
    clock.set(new Date('2026-11-29T16:00:00+08:00'));
    await reconcile(deps);

    expect(texts()).toHaveLength(0);
  });

  it('not sent when the dispatcher’s report is on the month', async () => {
    const { deps, clock } = await setup('2026-11-20T10:00:00+08:00');
    await addMonthlyEntry(deps, dispatcher, '2026-11', 'report', { text: '本月投诉3件，均已销项。' });
    clock.set(new Date('2026-11-30T10:00:00+08:00'));

    await reconcile(deps);

    expect(texts()).toHaveLength(0);
  });

  it('February: due on its last day (28th in 2027)', async () => {
    const { deps } = await setup('2027-02-28T09:00:00+08:00');

    await reconcile(deps);

    expect(reportDueDay(2027, 2)).toBe(28);
    expect(texts()).toHaveLength(1);
    expect(texts()[0]?.Message).toContain('2027年2月');
    expect(texts()[0]?.Message).toContain('2月28日');
  });

  it('outside the due days the step reads only the directory’s list of parks (no Scan)', async () => {
    const { env, deps } = await setup('2026-11-12T10:00:00+08:00');
    const calls: string[] = [];
    logCalls(env.client, calls);

    await reconcile(deps);

    expect(calls).not.toContain('ScanCommand');
    expect(texts()).toHaveLength(0);
  });
});
