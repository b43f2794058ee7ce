/**
 * POST /reports/monthly/{month}/report | sign | corrective: one append-only entry on the park's
 * month (DS-8, CH-11): the dispatcher's short report, the office manager's comment and signature,
 * a complaint marked for a 《纠正与预防措施》 report. 201 when written; 200 with the same entry when
 * the request is a retry of one already written.
 */
import { addMonthlyEntry } from '../../shared/app/monthly/report';
import type { MonthlyEntryKind } from '../../shared/ports/monthly';
import { monthlyCorrectiveBody, monthlyReportBody, monthlySignBody } from '../../shared/schemas';
import { httpDeps } from './lib/deps';
import { HttpProblem, httpHandler, json, jsonBody, principalOf } from './lib/http';

export const handler = httpHandler(async (event) => {
  const principal = principalOf(event);
  const kind = (event.routeKey ?? '').split('/').pop() as MonthlyEntryKind;
  const month = event.pathParameters?.month ?? '';
  let input: { parkId?: string; text: string; ticketId?: string };
  if (kind === 'report') input = jsonBody(event, monthlyReportBody);
  else if (kind === 'sign') {
    const { comment, ...rest } = jsonBody(event, monthlySignBody);
    input = { ...rest, text: comment };
  } else if (kind === 'corrective') input = jsonBody(event, monthlyCorrectiveBody);
  else throw new HttpProblem(404, 'REQUEST.NOT_FOUND', 'no such monthly entry');
  const { entry, created } = await addMonthlyEntry(httpDeps(), principal, month, kind, input);
  return json(created ? 201 : 200, { entry });
});
