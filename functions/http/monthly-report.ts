/**
 * GET /reports/monthly?month=2026-11[&parkId=][&format=csv|html]: the park's monthly summary with
 * its 及时率 (DS-8, CH-10; ADR 021) as JSON, a spreadsheet, or the printable 《投诉调度记录月总结表》.
 */
import { monthlyReport } from '../../shared/app/monthly/report';
import { summaryCsv, summaryHtml } from '../../shared/app/monthly/render';
import { monthlyReportQuery } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { csv, html, httpHandler, json, principalOf, queryOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const { format, ...query } = queryOf(event, monthlyReportQuery);
  const deps = httpDeps();
  const report = await monthlyReport(deps, principal, query);
  if (format === 'csv')
    return csv(`投诉调度记录月总结表-${report.parkId}-${report.month}.csv`, summaryCsv(report));
  if (format === 'html') return html(200, summaryHtml(report, deps.clock.now()));
  return json(200, { report });
});
