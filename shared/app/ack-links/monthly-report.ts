/**
 * CH-10's reminder link (`monthly-report`, ADR 021, ADR 012): customer service's lead's view of the
 * month's key figures (cases, 及时率, open at the month's end) and one form to add the dispatcher's
 * short report. It records through the API's own use case (`POST /reports/monthly/{month}/report`:
 * addMonthlyEntry, with the API's body schema), as the link's person, so the same permission, park,
 * month and length checks apply. Once the month has a report the page says so and offers no form.
 * Its subject is the park's month, not a ticket.
 */
import { DomainError } from '../../domain/errors';
import { ROLE_LABELS } from '../../domain/park';
import { chineseShort } from '../../domain/time';
import { MAX_MONTHLY_TEXT, monthlyReportBody } from '../../schemas';
import type { AckDeps } from '../deps';
import { addMonthlyEntry, type MonthlyReport, monthlyReport } from '../monthly/report';
import type { MonthLink } from './check';
import type { LinkFact, LinkPage } from './page';
import { parkLinkPerson, refusedPage } from './park-link';
import { BROKEN } from './page';

const REPORT = 'report';
const TITLE = '投诉调度记录月总结';

/** The month's key figures: what the lead needs to write the report. */
function figures(r: MonthlyReport, timeZone: string): LinkFact[] {
  const t = r.timeliness;
  const facts: LinkFact[] = [
    { label: '月份', value: r.month },
    { label: '本月工单', value: `${r.tickets.total}宗(其中投诉${r.complaints.total}宗)` },
    {
      label: '及时率',
      value:
        t.rate === null ? '本月无到期时限' : `${t.rate}%(到期${t.due}项,按时${t.met}项,逾期${t.missed}项)`,
    },
    { label: '月末未结', value: `${r.openAtMonthEnd.total}宗` },
  ];
  for (const e of r.entries.reports) {
    facts.push({
      label: '调度员报告',
      value: `${e.text}(${e.by.name ?? e.by.staffId},${chineseShort(new Date(e.at), timeZone)})`,
    });
  }
  return facts;
}

/** GET: the month's figures, and the form while the month has no report. Reads only. */
export async function monthLinkPage(deps: AckDeps, link: MonthLink): Promise<LinkPage> {
  const who = await parkLinkPerson(deps, link.month.parkId, link.claims.staffId);
  if (!who) return BROKEN['not-yours'];
  let report: MonthlyReport;
  try {
    report = await monthlyReport(deps, who.principal, link.month);
  } catch (error) {
    if (error instanceof DomainError) return refusedPage(TITLE, error);
    throw error;
  }
  const done = report.entries.reports.length > 0;
  const facts = [
    ...figures(report, who.timeZone),
    {
      label: '本链接属于',
      value: `${who.member.name}(${ROLE_LABELS[who.member.roles[0] ?? 'customer-service-lead']})`,
    },
  ];
  return {
    outcome: done ? 'done' : 'form',
    title: `${TITLE} ${report.month}`,
    ...(done
      ? { notice: { tone: 'done' as const, text: '本月调度员简要报告已填写,请管理处负责人签字。' } }
      : {}),
    facts,
    forms: done
      ? []
      : [
          {
            action: REPORT,
            button: '提交报告',
            intro: '请统计分析本月投诉,写明调度员简要报告;提交后由管理处负责人签字(CH-10)。',
            fields: [
              {
                name: 'text',
                label: '简要报告',
                type: 'textarea',
                required: true,
                maxLength: MAX_MONTHLY_TEXT,
              },
            ],
          },
        ],
  };
}

/** POST: adds the dispatcher's report as the link's person (CH-10, CH-11), then shows the month again. */
export async function useMonthLink(
  deps: AckDeps,
  link: MonthLink,
  form: Readonly<Record<string, string>>,
): Promise<LinkPage> {
  const page = await monthLinkPage(deps, link);
  if (page.outcome !== 'form') return page;
  const who = await parkLinkPerson(deps, link.month.parkId, link.claims.staffId);
  // The API's own body schema: the same length and shape checks as POST /reports/monthly/{month}/report.
  const body = monthlyReportBody.safeParse({ text: (form.text ?? '').trim() });
  if (!who || form.action !== REPORT || !body.success || !body.data.text) {
    return {
      ...page,
      outcome: 'invalid-form',
      notice: { tone: 'warn', text: `请填写简要报告(至多${MAX_MONTHLY_TEXT}字),未作任何记录。` },
    };
  }
  try {
    await addMonthlyEntry(deps, who.principal, link.month.month, 'report', {
      parkId: link.month.parkId,
      text: body.data.text,
    });
    const after = await monthLinkPage(deps, link);
    return {
      ...after,
      outcome: 'recorded',
      notice: { tone: 'done', text: '报告已记录,待管理处负责人签字。谢谢!' },
    };
  } catch (error) {
    if (error instanceof DomainError) return refusedPage(TITLE, error);
    throw error;
  }
}
