/**
 * What the OpenAPI document (infra/openapi.ts) says about each route of infra/routes.ts beyond its
 * method and path: the zod schemas of its query, body and answer, the access action it checks, the
 * errors it can answer, and examples. A sibling of the route table rather than fields on it, so the
 * CDK stack and the local runtime keep importing no zod (ADR 019).
 *
 * Roles are never written here: a route names the action its use case authorizes, and the roles are
 * read from PERMISSIONS (shared/app/access.ts), the one table that decides; test/infra/openapi.test.ts
 * sends each main route with a token of a role outside it and expects 403.
 */
import type { $ZodType } from 'zod/v4/core';
import type { Action } from '../shared/app/access';
import { CSV_MAX_BYTES, CSV_ROW_LIMIT } from '../shared/app/ticket-register';
import {
  type commandBodies,
  listKeysQuery,
  listTicketsQuery,
  monthlyCorrectiveBody,
  monthlyReportBody,
  monthlyReportQuery,
  monthlySignBody,
  openTicketBody,
  parkQuery,
  registerKeySetBody,
  reportLostBody,
  reviewCheckBody,
  reviewDecisionBody,
  reviewItemBody,
  weeklyReviewQuery,
  workLogQuery,
} from '../shared/schemas';
import { printTicketQuery } from '../shared/schemas/print';
import {
  healthResponse,
  keySetResponse,
  objectResponse,
  openedResponse,
  ticketPageResponse,
  ticketResponse,
} from '../shared/schemas/responses';

/** An HTTP status the API answers with `{ error }`, with the codes a route can give under it. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

export interface RouteDoc {
  summary: string;
  description?: string;
  /** The action its use case authorizes; its roles are PERMISSIONS[action]. Absent: no token. */
  action?: Action;
  query?: $ZodType;
  body?: $ZodType;
  /** Named request examples (Chinese, as the desk types them; times with +08:00). */
  examples?: Record<string, { summary: string; value: unknown }>;
  /** Success answers: status → description and schema (absent schema: not JSON, e.g. an HTML page). */
  responses: Partial<
    Record<
      200 | 201,
      {
        description: string;
        schema?: $ZodType;
        contentType?: string;
        /** The same answer in another media type (GET /tickets: `text/csv`), a string, with an example. */
        also?: { contentType: string; example?: string };
      }
    >
  >;
  /** Error statuses with the codes the route can answer (the common ones are added by the generator). */
  errors: Partial<Record<ErrorStatus, string[]>>;
}

/** Errors every body parse can give (functions/http/lib/http.ts `validate`, `jsonBody`). */
const BODY_400 = [
  'REQUEST.INVALID_FIELD',
  'REQUEST.MISSING_FIELD',
  'REQUEST.UNKNOWN_FIELD',
  'REQUEST.MALFORMED_JSON',
];
const QUERY_400 = ['REQUEST.INVALID_FIELD', 'REQUEST.UNKNOWN_FIELD', 'REQUEST.PARK_REQUIRED'];

/** The repair intake of the README's tour (RP-1, RP-2). */
export const REPAIR_EXAMPLE = {
  kind: 'repair',
  caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  description: '厨房水管漏水',
  location: '3号楼2单元1502 厨房',
  wantedAt: '2026-11-27T15:00:00+08:00',
  decision: 'dispatch',
};

const OPEN_EXAMPLES: RouteDoc['examples'] = {
  repair: { summary: '报修:厨房水管漏水,马上派工 (RP-1, RP-2)', value: REPAIR_EXAMPLE },
  complaint: {
    summary: '投诉:电梯反复故障,当场定级 (CH-1..CH-3)',
    value: {
      kind: 'complaint',
      caller: { name: '李女士', phone: '+8613900000002', unit: '5-1-0801' },
      occurredAt: '2026-11-27T09:30:00+08:00',
      place: '5号楼1单元电梯',
      description: '电梯本周第三次停运,老人无法下楼',
      valid: true,
      severity: 'important',
      about: { department: 'engineering' },
      demand: '今天内修好并说明原因',
    },
  },
  emergency: {
    summary: '紧急事件:地下车库冒烟 (EM-1)',
    value: {
      kind: 'emergency',
      category: 'fire',
      location: '地下车库B区',
      description: '车库B区有烟冒出,闻到焦味',
      caller: { name: '赵先生', phone: '+8613700000003' },
    },
  },
  key: {
    summary: '领取钥匙:业主忘带钥匙 (KY-2)',
    value: {
      kind: 'key',
      keyId: '01JDX5Y8Z9ABCDEFGHJKMNPQRS',
      requester: { type: 'owner', name: '王先生', phone: '+8613800000001' },
      reason: '业主忘带钥匙,需开门',
    },
  },
  'move-in': {
    summary: '业户入住 (MI-1..MI-8)',
    value: { kind: 'move-in', unit: '3-2-1502', owner: { name: '陈女士', phone: '+8613600000004' } },
  },
};

/** One realistic body per ticket command (POST /tickets/{id}/{command}); test/infra/openapi.test.ts parses each. */
export const COMMAND_EXAMPLES: { [K in keyof typeof commandBodies]: unknown } = {
  decide: { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
  assign: { staffId: 'technician-1' },
  acknowledge: { step: 'report-sheet', note: '已安排张伟' },
  complete: { serviceSlip: { number: 'FW-0101', signedBy: '王先生' } },
  close: {},
  grade: { valid: true, severity: 'minor', about: { department: 'engineering' } },
  'follow-ups': { note: '工程部已派张伟,等配件' },
  reply: { note: '电梯控制板已订购,预计明天下午更换完毕' },
  resolve: { confirmedBy: '张伟', via: 'phone', note: '已更换控制板' },
  callback: { outcome: 'satisfied' },
  'service-slip': { number: 'FW-0101', signedBy: '陈静' },
  'on-scene': {},
  report: { text: '火已扑灭,无人受伤,车库已通风' },
  'hand-over': { staffId: 'duty-officer-2' },
  'accept-handover': {},
  instructions: {
    from: '管理处主任',
    to: 'security-manager',
    text: '封闭车库B区入口,等待消防检查',
    dueAt: '2026-11-27T16:00:00+08:00',
  },
  'instruction-done': { number: 1, result: '已封闭B区入口并设置警示牌' },
  'sign-off': { comment: '处置及时,已通知保险公司' },
  verify: { idChecked: true, idType: 'resident-id', idLast4: '123X' },
  'issue-slip': { dueAt: '2026-11-27T18:00:00+08:00' },
  'hand-out': { guardId: 'guard-1', idChecked: true, escortId: 'guard-2' },
  return: { receivedBy: 'guard-1' },
  cancel: { reason: '业主已自行开门' },
  regrade: { severity: 'important', reason: '业主反映同一问题已第二次投诉,危害较大' },
  reschedule: { appointmentAt: '2026-11-29T14:00:00+08:00', reason: '业主周六上午不在家' },
  reopen: { reason: '业主回电:水管仍在漏水' },
  'record-step': {
    step: 'developer-confirmation',
    confirmationNo: 'KF-2026-0118',
    documents: ['入伙通知书', '购房合同'],
  },
};

/** Route docs by `METHOD path`, for every entry of HTTP_ROUTES (the test checks none is missing). */
export const ROUTE_DOCS: Record<string, RouteDoc> = {
  'GET /health': {
    summary: 'Liveness: 200 when the table answers',
    responses: { 200: { description: 'the desk answers', schema: healthResponse } },
    errors: { 503: ['SERVICE.UNAVAILABLE'] },
  },
  'GET /openapi.json': {
    summary: 'This document (OpenAPI 3.1)',
    description: 'Generated at build time from the zod schemas and the route table (`npm run openapi`).',
    responses: { 200: { description: 'the OpenAPI document', schema: objectResponse } },
    errors: {},
  },
  'GET /staff': {
    summary: "The park's staff directory",
    action: 'staff.read',
    query: parkQuery,
    responses: {
      200: { description: 'the directory: id, name, roles, department, phone', schema: objectResponse },
    },
    errors: { 400: QUERY_400, 404: ['PARK.NOT_FOUND'] },
  },
  'POST /tickets': {
    summary: 'Open a ticket of any kind (repair, complaint, emergency, key, move-in)',
    description:
      'With an `Idempotency-Key` header a copy of the request gets the first answer again. Without one, ' +
      "the caller's repeated request joins their open ticket of the kind (200 with `duplicateOf`, ADR 011).",
    action: 'ticket.open',
    body: openTicketBody,
    examples: OPEN_EXAMPLES,
    responses: {
      201: { description: 'opened', schema: openedResponse },
      200: {
        description: "the caller's open ticket, joined (`duplicateOf`), or a replayed answer",
        schema: openedResponse,
      },
    },
    errors: {
      400: [...BODY_400, 'REQUEST.PARK_REQUIRED'],
      404: ['PARK.NOT_FOUND', 'KEY.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['REPAIR.APPOINTMENT_REQUIRED', 'REPAIR.PAID_SERVICE_CONSENT_REQUIRED', 'UNIT.NOT_IN_DIRECTORY'],
      429: ['REQUEST.RATE_LIMITED'],
    },
  },
  'GET /tickets': {
    summary:
      "A park's tickets, newest first (overdue: oldest first), filtered; `cursor` pages on; `format=csv` the register as a spreadsheet",
    description: [
      'Each list is a Query on the index of its most selective filter (number > phone > unit > assigneeId > ' +
        'overdue > severity > department > status > kind > park; ADR 020); `from`/`to` narrow it by the time ' +
        "opened (a park-local date is that whole day in the park's zone; `to` is inclusive). The other filters " +
        'are checked on each ticket read, and a page stops after a read budget: **a page may hold fewer than ' +
        '`limit` tickets (even none) and still carry a `cursor`**: follow the cursor until it is absent. ' +
        '`status` without `kind` works when one kind has that status (or another filter is given). `phone` is ' +
        'for the desk and management (403 `FILTER.PHONE_NOT_ALLOWED` otherwise).',
      'Examples: `?from=2026-11-01&to=2026-11-30&kind=complaint&department=engineering`, `?unit=3-2-1502`, ' +
        '`?assigneeId=technician-1&status=assigned&kind=repair`, `?overdue=true`, `?phone=13800000001`, ' +
        '`?number=R20261127-003`.',
      '`format=csv` (or `Accept: text/csv`; action `records.export`): every page under the same filters as one ' +
        'UTF-8 CSV with a BOM, Chinese headers, park-local times, phones masked as the reader sees them; more ' +
        `than ${CSV_ROW_LIMIT} rows (or ${CSV_MAX_BYTES} bytes) is 422 \`EXPORT.TOO_MANY_ROWS\`: narrow \`from\`/\`to\`.`,
    ].join('\n\n'),
    action: 'ticket.read',
    query: listTicketsQuery,
    responses: {
      200: {
        description: 'one page; with format=csv the register as a CSV file (attachment)',
        schema: ticketPageResponse,
        also: {
          contentType: 'text/csv',
          example:
            '\uFEFF编号,类型,状态,登记时间,来电人,电话,房号,地点,内容,部门,严重程度,负责人,逾期,最后更新,工单ID\r\n' +
            'C20261127-001,投诉,已转交,2026-11-27 09:40,李女士,138****0002,,5号楼电梯,电梯停运两天无人处理,工程部,重要,,是,2026-11-27 09:50,01KB3Z8Q5W6M0P4J3N2R1T0V9X\r\n',
        },
      },
    },
    errors: {
      400: [
        ...QUERY_400,
        'REQUEST.INVALID_CURSOR',
        'REQUEST.KIND_REQUIRED',
        'REQUEST.FILTER_NOT_FOR_KIND',
        'REQUEST.INVALID_RANGE',
        'REQUEST.CURSOR_NOT_FOR_CSV',
      ],
      403: ['FILTER.PHONE_NOT_ALLOWED'],
      404: ['PARK.NOT_FOUND'],
      422: ['EXPORT.TOO_MANY_ROWS'],
    },
  },
  'GET /tickets/{id}': {
    summary: 'One ticket with `allowedCommands`, its timers and its whole timeline',
    action: 'ticket.read',
    responses: { 200: { description: 'the ticket', schema: ticketResponse } },
    errors: { 404: ['TICKET.NOT_FOUND'] },
  },
  'GET /tickets/{id}/print': {
    summary: "The ticket's filled form, a printable A4 page in Chinese (issue 13 item 6)",
    description:
      'repair → 《报修派工单》 (RP-5); complaint → 《投诉、维修呈报单》 (CH-4), with `form=record` ' +
      '《投诉处置记录表》 (CH-6); key request → 《物业部钥匙领用条》 (KY-3, once issued); move-in → the ' +
      'checklist (MI-1..MI-9); emergency → 《紧急或重大事情呈报单》 (EM-1..EM-6). The park, the register ' +
      'number, park-local times, signature lines; what the reader sees is what `GET /tickets/{id}` shows them.',
    action: 'ticket.read',
    query: printTicketQuery,
    responses: { 200: { description: 'the form (no script)', contentType: 'text/html' } },
    errors: {
      400: [...QUERY_400.filter((c) => c !== 'REQUEST.PARK_REQUIRED'), 'PRINT.FORM_NOT_FOR_KIND'],
      404: ['TICKET.NOT_FOUND'],
      409: ['PRINT.SLIP_NOT_ISSUED'],
    },
  },
  'GET /parks/{id}': {
    summary: 'The park with its calendar (zone, office hours, working days, holidays) and limits',
    action: 'park.read',
    responses: { 200: { description: 'the park', schema: objectResponse } },
    errors: { 404: ['PARK.NOT_FOUND'] },
  },
  'POST /keys': {
    summary: 'Register a key set in the cabinet (KY-1; MI-7 with the retention agreement)',
    action: 'keys.register',
    body: registerKeySetBody,
    examples: {
      unit: {
        summary: '登记一套单元钥匙',
        value: { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'A-017' },
      },
    },
    responses: { 201: { description: 'registered', schema: objectResponse } },
    errors: {
      400: [...BODY_400, 'KEY.PLACE_REQUIRED'],
      404: ['PARK.NOT_FOUND'],
      409: ['KEY.TAG_TAKEN'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['UNIT.NOT_IN_DIRECTORY', 'KEY.RETENTION_NEEDS_UNIT'],
    },
  },
  'GET /keys': {
    summary: 'The key ledger: each set, where it is, and its history (a Query on an index)',
    action: 'keys.read',
    query: listKeysQuery,
    responses: { 200: { description: 'one page of key sets', schema: objectResponse } },
    errors: {
      400: [...QUERY_400, 'REQUEST.INVALID_CURSOR', 'REQUEST.FILTER_CONFLICT'],
      404: ['PARK.NOT_FOUND'],
    },
  },
  'GET /keys/{id}': {
    summary: 'One key set with its history and SMS',
    action: 'keys.read',
    responses: { 200: { description: 'the key set', schema: keySetResponse } },
    errors: { 404: ['KEY.NOT_FOUND'] },
  },
  'POST /keys/{id}/report-lost': {
    summary: 'Report a key set lost (KY-1): SMS to the security manager; never deleted',
    action: 'keys.report-lost',
    body: reportLostBody,
    examples: { lost: { summary: '钥匙遗失', value: { note: '保安巡逻时发现钥匙柜A-017空缺' } } },
    responses: { 200: { description: 'the key set, lost', schema: keySetResponse } },
    errors: {
      400: BODY_400,
      404: ['KEY.NOT_FOUND'],
      409: ['TICKET.ILLEGAL_TRANSITION'],
      413: ['REQUEST.TOO_LARGE'],
    },
  },
  'GET /reports/monthly': {
    summary:
      'The monthly summary (DS-8, CH-10): counts, 及时率 from the recorded deadlines, open cases, entries',
    description:
      'Reads the month by index only (ADR 021). `format=csv` answers the spreadsheet (UTF-8 with a BOM), ' +
      "`format=html` the printable 《投诉调度记录月总结表》; times in the park's zone.",
    action: 'records.read',
    query: monthlyReportQuery,
    responses: {
      200: { description: 'the summary (`report`), or the CSV / HTML form', schema: objectResponse },
    },
    errors: { 400: [...QUERY_400, 'REPORT.BAD_MONTH'], 404: ['PARK.NOT_FOUND'] },
  },
  'POST /reports/monthly/{month}/report': {
    summary: "The dispatcher's short report on the month (DS-8); append-only (CH-11)",
    action: 'report.write',
    body: monthlyReportBody,
    examples: {
      report: { summary: '月度简要报告', value: { text: '本月投诉12件，均已销项；工程部签收超时2次。' } },
    },
    responses: {
      201: { description: 'the entry', schema: objectResponse },
      200: { description: 'the same entry, written before (a retry)', schema: objectResponse },
    },
    errors: {
      400: [...BODY_400, 'REPORT.BAD_MONTH', 'REQUEST.PARK_REQUIRED'],
      404: ['PARK.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['REPORT.MONTH_NOT_BEGUN'],
    },
  },
  'POST /reports/monthly/{month}/sign': {
    summary: "The office manager's comment and signature on the month (DS-8); append-only (CH-11)",
    description: 'Only the office manager or the office director (管理处负责人) signs; others get 403.',
    action: 'report.sign',
    body: monthlySignBody,
    examples: { sign: { summary: '管理处负责人意见', value: { comment: '同意。工程部签收及时率需提高。' } } },
    responses: {
      201: { description: 'the entry', schema: objectResponse },
      200: { description: 'the same entry, written before (a retry)', schema: objectResponse },
    },
    errors: {
      400: [...BODY_400, 'REPORT.BAD_MONTH', 'REQUEST.PARK_REQUIRED'],
      404: ['PARK.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['REPORT.MONTH_NOT_BEGUN'],
    },
  },
  'POST /reports/monthly/{month}/corrective': {
    summary: 'Mark a complaint caused by poor service quality for a 《纠正与预防措施》 report (DS-8)',
    action: 'report.corrective',
    body: monthlyCorrectiveBody,
    examples: {
      corrective: {
        summary: '纠正与预防措施',
        value: { ticketId: '01JD0000000000000000000000', text: '保安态度问题，需培训。' },
      },
    },
    responses: {
      201: { description: 'the entry', schema: objectResponse },
      200: { description: 'the same entry, written before (a retry)', schema: objectResponse },
    },
    errors: {
      400: [...BODY_400, 'REPORT.BAD_MONTH', 'REPORT.NOT_A_COMPLAINT', 'REQUEST.PARK_REQUIRED'],
      404: ['PARK.NOT_FOUND', 'TICKET.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['REPORT.MONTH_NOT_BEGUN'],
    },
  },
  // The managers' records (issue 13, ADR 022).
  'GET /reviews/weekly': {
    summary:
      "DS-7: the week's complaints still not handled (or recorded as lacking the means), with the week's entries",
    description:
      'An ISO week, park-local Monday 00:00 to the next Monday 00:00. Each case: number, status, severity, ' +
      "department, what it owes past its deadline, its next deadline, and its entries; `checks` are DS-8's.",
    action: 'records.read',
    query: weeklyReviewQuery,
    responses: { 200: { description: 'the week', schema: objectResponse } },
    errors: { 400: [...QUERY_400, 'REVIEW.BAD_WEEK'], 404: ['PARK.NOT_FOUND'] },
  },
  'POST /reviews/weekly/{week}/items': {
    summary: 'DS-7: the dispatcher records a case that cannot be handled or lacks the means (append-only)',
    action: 'review.record',
    body: reviewItemBody,
    examples: {
      item: {
        summary: '无法处理的投诉',
        value: {
          ticketId: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ',
          note: '需更换整段外墙排水管,须业委会同意动用维修基金',
        },
      },
    },
    responses: { 201: { description: 'the entry', schema: objectResponse } },
    errors: {
      400: [...BODY_400, 'REVIEW.BAD_WEEK'],
      404: ['TICKET.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['REVIEW.NOT_A_COMPLAINT', 'REVIEW.NOT_IN_WEEK'],
    },
  },
  'POST /reviews/weekly/{week}/decisions': {
    summary:
      "DS-7: the office's head (管理处负责人) confirms a recorded case or decides a new way (append-only)",
    action: 'review.decide',
    body: reviewDecisionBody,
    examples: {
      decision: {
        summary: '确定新的处理方法',
        value: { ticketId: '01JDQ7Z8X9Y0ABCDEFGHJKMNPQ', decision: '先做临时引流,本周五前提交业委会' },
      },
    },
    responses: { 201: { description: 'the entry', schema: objectResponse } },
    errors: {
      400: [...BODY_400, 'REVIEW.BAD_WEEK'],
      403: ['REVIEW.OFFICE_HEAD_ONLY'],
      404: ['TICKET.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
      422: ['REVIEW.NOT_A_COMPLAINT', 'REVIEW.NOT_IN_WEEK', 'REVIEW.NOT_RECORDED'],
    },
  },
  'POST /reviews/weekly/{week}/check': {
    summary: "DS-8: the office manager's signed weekly check of handling quality (append-only)",
    action: 'review.check',
    body: reviewCheckBody,
    examples: {
      check: {
        summary: '每周检查',
        value: { note: '本周投诉处理及时,C20261124-002回访记录不完整,已要求补记' },
      },
    },
    responses: { 201: { description: 'the entry', schema: objectResponse } },
    errors: {
      400: [...BODY_400, 'REVIEW.BAD_WEEK', 'REQUEST.PARK_REQUIRED'],
      403: ['REVIEW.OFFICE_HEAD_ONLY'],
      404: ['PARK.NOT_FOUND'],
      413: ['REQUEST.TOO_LARGE'],
    },
  },
  'GET /work-log': {
    summary:
      "DS-9: the park's 《工作日志》 of one park-local day, in time order (a Query on eventsByParkDay)",
    description:
      'Every intake, hand-off, follow-up, SMS, escalation and key custody change, with its time, number, kind, ' +
      'what happened and who; SMS with the recipient and a masked phone. `format=html`: the printable page ' +
      '(every page of the day up to 2,000 entries). Entries written before the index existed are not in it.',
    action: 'records.read',
    query: workLogQuery,
    responses: {
      200: { description: 'one page of the day (JSON), or the printable page', schema: objectResponse },
    },
    errors: { 400: [...QUERY_400, 'REQUEST.INVALID_CURSOR', 'WORK_LOG.BAD_DATE'], 404: ['PARK.NOT_FOUND'] },
  },
  'GET /ack/{token}': {
    summary: 'The page a personal SMS link opens (reads only)',
    description:
      'No login: the signed link in the path is the credential (ADR 012). Answers an HTML page in Chinese.',
    responses: { 200: { description: 'the page', contentType: 'text/html' } },
    errors: {},
  },
  'POST /ack/{token}': {
    summary: "The link page's buttons: record the step the link is for",
    description:
      'No login: the signed link in the path is the credential (ADR 012). Answers an HTML page in Chinese.',
    responses: { 200: { description: 'the page, with what was recorded', contentType: 'text/html' } },
    errors: {},
  },
};

/** The command route, documented as one path per command (`/tickets/{id}/assign`, …). */
export const COMMAND_ROUTE = 'POST /tickets/{id}/{command}';

/** Errors every ticket command can answer, beyond its body's and its rules' own. */
export const COMMAND_ERRORS: RouteDoc['errors'] = {
  400: BODY_400,
  404: ['TICKET.NOT_FOUND'],
  409: ['TICKET.ILLEGAL_TRANSITION', 'TICKET.CONCURRENT_CHANGE'],
  413: ['REQUEST.TOO_LARGE'],
  429: ['REQUEST.RATE_LIMITED'],
};

/** 422 codes a command's rules answer, where they are few enough to list (the others name their rule). */
export const COMMAND_RULE_CODES: Partial<Record<keyof typeof commandBodies, string[]>> = {
  decide: [
    'REPAIR.APPOINTMENT_REQUIRED',
    'REPAIR.APPOINTMENT_IN_PAST',
    'REPAIR.DECLINE_REASON_REQUIRED',
    'REPAIR.PAID_SERVICE_CONSENT_REQUIRED',
    'REPAIR.PAID_SERVICE_FEE_REQUIRED',
  ],
};

export const COMMAND_SUMMARIES: { [K in keyof typeof commandBodies]: string } = {
  decide: 'RP-2 for a received repair: dispatch, appointment or decline',
  assign: 'Assign the work to a member of staff (SMS to them)',
  acknowledge:
    'Acknowledge: a repair taken, a complaint step signed (CH-4, CH-5, CH-8), an emergency answered (EM-2)',
  complete: 'Complete: a repair with its service slip, a move-in once every step is recorded',
  close: 'Close the ticket',
  grade: 'CH-1/CH-2: the dispatcher grades a received complaint and hands it off',
  'follow-ups': 'DS-4/DS-5: a follow-up note',
  reply: 'CH-7: a clear answer to the resident (major complaints)',
  resolve: 'DS-6: the complaint is handled, confirmed by someone',
  callback: 'CH-6: the callback to the resident',
  'service-slip': 'DS-6: the signed service slip; closes the complaint after the callback',
  'on-scene': 'EM-3: the responder is on the scene',
  report: 'EM-3: a report from the scene',
  'hand-over': 'EM-4: hand the emergency over to a successor',
  'accept-handover': 'EM-4: the named successor takes it over',
  instructions: "EM-5: management's instructions, with a due time",
  'instruction-done': 'EM-5: an instruction carried out',
  'sign-off': 'EM-6: the office manager signs off',
  verify: 'KY-2: the check that fits the requester type',
  'issue-slip': 'KY-3: the key slip (《物业部钥匙领用条》)',
  'hand-out': 'KY-4: the key leaves the cabinet',
  return: 'KY-4: the key is back',
  cancel: 'Cancel a key request or a repair (a correction, CH-11)',
  regrade: 'CH-1: correct a handed-off complaint: validity, severity or department (clocks re-derived)',
  reschedule: 'Repairs: move a booked appointment (clocks re-derived, the technician texted)',
  reopen: 'Repairs: the resident calls back, not fixed: back to dispatch',
  'record-step': 'MI-1..MI-8: record one move-in step with its data',
};
