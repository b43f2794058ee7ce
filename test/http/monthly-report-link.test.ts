/**
 * CH-10's reminder link (ADR 021, ADR 012) over HTTP on the local desk and DynamoDB Local: the
 * reconciler texts customer service's lead on the 30th with their own signed `monthly-report` link;
 * the link's page (GET /ack/{token}) shows the month's key figures and a form, posting it adds the
 * dispatcher's report as the lead through the API's own use case (GET /reports/monthly shows it),
 * after which the page says it is done and offers no form. A tampered link records nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF } from '../../infra/local/demo-park';
import { reconcile } from '../../shared/app/reconcile';
import { freshDesk, newCallerPhone, type TestDesk } from '../support/desk';

let desk: TestDesk;
let dispatcher: string;
const LEAD = DEMO_STAFF.find((s) => s.roles.includes('customer-service-lead'));

async function monthlySms(): Promise<{ to: string; text: string }[]> {
  const all: { to: string; text: string }[] = (await desk.call('GET', '/local/sms')).body.messages;
  return all.filter((m) => m.text.includes('月总结表'));
}

const form = (link: string, fields: Record<string, string>) =>
  fetch(`${desk.url}/ack/${link}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

const reports = async () => {
  const res = await desk.call('GET', '/reports/monthly?month=2026-11', { token: dispatcher });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.report.entries.reports as { text: string; by: { staffId: string } }[];
};

beforeAll(async () => {
  desk = await freshDesk(undefined, '2026-11-24T10:00:00+08:00');
  dispatcher = desk.token('dispatcher');
  const opened = await desk.call('POST', '/tickets', {
    token: dispatcher,
    body: {
      kind: 'complaint',
      caller: { name: '李女士', phone: newCallerPhone() },
      occurredAt: '2026-11-24T09:40:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运两天无人处理',
      valid: true,
      severity: 'important',
    },
  });
  expect(opened.status, JSON.stringify(opened.body)).toBe(201);
  desk.clock.set(new Date('2026-11-30T09:00:00+08:00'));
  await reconcile(desk.deps);
}, 120_000);
afterAll(async () => {
  await desk?.close();
});

describe('CH-10: the monthly reminder’s link (monthly-report)', () => {
  it('the SMS carries the lead’s link within two segments; a tampered link records nothing', async () => {
    const sent = await monthlySms();
    expect(sent).toHaveLength(1);
    expect(sent[0]?.to).toBe(LEAD?.phone);
    expect(sent[0]?.text.length).toBeLessThanOrEqual(134);
    const link = /\/ack\/([0-9A-Za-z]{12})/.exec(sent[0]?.text ?? '')?.[1] ?? '';
    expect(link).toHaveLength(12);
    const tampered = `${link.slice(0, 11)}${link.endsWith('A') ? 'B' : 'A'}`;
    const page = await form(tampered, { action: 'report', text: '伪造的报告' });
    expect(await page.text()).toContain('链接无效');
    expect(await reports()).toEqual([]);
  });

  it('its page shows the month’s figures and a form; posting adds the report as the lead; then done, no form', async () => {
    const link = /\/ack\/([0-9A-Za-z]{12})/.exec((await monthlySms())[0]?.text ?? '')?.[1] ?? '';
    const page = await fetch(`${desk.url}/ack/${link}`);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('投诉调度记录月总结 2026-11');
    for (const fact of ['本月工单', '其中投诉1宗', '及时率', '月末未结']) expect(html).toContain(fact);
    expect(html).toContain('<textarea');

    const empty = await form(link, { action: 'report', text: '   ' });
    expect(await empty.text()).toContain('未作任何记录');
    expect(await reports()).toEqual([]);

    const recorded = await form(link, { action: 'report', text: '本月投诉1宗,电梯停运已督办。' });
    expect(await recorded.text()).toContain('报告已记录');
    expect(await reports()).toMatchObject([
      { text: '本月投诉1宗,电梯停运已督办。', by: { staffId: LEAD?.id } },
    ]);

    const after = await (await fetch(`${desk.url}/ack/${link}`)).text();
    expect(after).toContain('本月调度员简要报告已填写');
    expect(after).toContain('本月投诉1宗,电梯停运已督办。');
    expect(after).not.toContain('<textarea');
    // Posting again records nothing more.
    await form(link, { action: 'report', text: '第二份报告' });
    expect(await reports()).toHaveLength(1);
  });
});
