/**
 * GET /work-log?date=2026-11-27[&parkId=][&format=html][&limit=&cursor=]: DS-9's 《工作日志》, the
 * park's day of desk entries in time order (ADR 022); `format=html` is the printable page.
 */
import { getWorkLog, workLogHtml } from '../../shared/app/work-log';
import { workLogQuery } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { html, httpHandler, json, principalOf, queryOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const { format, ...query } = queryOf(event, workLogQuery);
  if (format === 'html') return html(200, await workLogHtml(httpDeps(), principal, query));
  return json(200, await getWorkLog(httpDeps(), principal, query));
});
