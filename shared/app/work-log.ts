/**
 * DS-9, the work log (《工作日志》, issue 13 item 5, ADR 022): a park's day of desk entries in time
 * order — every intake, hand-off, follow-up, SMS sent, escalation and key custody change — each with
 * its time, the ticket's number and kind, what happened in Chinese and who. Read from the
 * `eventsByParkDay` index, one Query per page, never a Scan. Phones are masked: the log is read by
 * the whole desk and printed.
 */
import { maskPhone } from '../domain/complaint';
import { InvalidInput, NotFound } from '../domain/errors';
import { DEFAULT_TIME_ZONE } from '../domain/formats';
import { ROLE_LABELS } from '../domain/park';
import { localDateTime } from '../domain/time';
import type { WorkLogItem } from '../ports';
import type { Principal } from './access';
import { authorize, resolvePark } from './access';
import type { CoreDeps } from './deps';
import { printHtml } from './print/html';

/** The most entries the printable log reads (all pages up to this); past it the page says so. */
export const WORK_LOG_PRINT_MAX = 2000;

export const KIND_LABELS: Record<string, string> = {
  repair: '报修',
  complaint: '投诉',
  emergency: '紧急事件',
  key: '钥匙领用',
  'move-in': '业户入住',
};

/** What each event means, as the log says it. */
const EVENT_LABELS: Record<string, string> = {
  'repair.opened': '受理报修',
  'repair.decided': '报修处理决定',
  'repair.rescheduled': '报修改约',
  'repair.cancelled': '报修取消',
  'repair.reopened': '报修重开',
  'complaint.opened': '受理投诉',
  'complaint.graded': '投诉定性并呈报',
  'complaint.regraded': '投诉重新定性',
  'complaint.acknowledged': '呈报单签收',
  'complaint.followed-up': '投诉跟进',
  'complaint.replied': '答复业主',
  'complaint.resolved': '投诉处理完毕',
  'complaint.called-back': '回访业主',
  'complaint.service-slip-filed': '服务单存档',
  'complaint.reopened': '投诉重新处理',
  'complaint.escalated': '投诉逾期上报',
  'complaint.reminded': '投诉提醒',
  'complaint.still-overdue': '投诉仍逾期',
  'complaint.severity-raised': '投诉升级为重大',
  'emergency.opened': '受理紧急事件',
  'emergency.acknowledged': '紧急事件确认收到',
  'emergency.escalated': '紧急事件逐级上报',
  'emergency.unanswered': '紧急事件无人确认',
  'emergency.on-scene': '到达现场',
  'emergency.not-on-scene': '未按时到场',
  'emergency.reported': '现场报告',
  'emergency.handover-offered': '移交值班',
  'emergency.handover-accepted': '接收移交',
  'emergency.instruction-issued': '下达指示',
  'emergency.instruction-done': '指示完成',
  'emergency.instruction-overdue': '指示逾期',
  'emergency.signed-off': '负责人签字确认',
  'emergency.closed': '紧急事件结案',
  'key.requested': '钥匙领用申请',
  'key.verified': '钥匙申请核实',
  'key.slip-issued': '开具领用条',
  'key.handed-out': '钥匙借出',
  'key.returned': '钥匙归还',
  'key.lost': '钥匙报失',
  'key.cancelled': '钥匙申请取消',
  'move-in.opened': '受理业户入住',
  'move-in.step-recorded': '入住步骤登记',
  'move-in.completed': '入住办结',
  'ticket.assigned': '派工',
  'ticket.acknowledged': '接单',
  'ticket.completed': '完工',
  'ticket.closed': '结案',
  'caller.called-again': '来电人再次来电',
  'sms.undeliverable': '短信无法送达',
  'timer.fired': '时限到期',
};

/** One line of the log. */
export interface WorkLogEntry {
  at: string;
  ticketId: string;
  number?: string;
  kind?: string;
  kindLabel?: string;
  /** `event:<type>` or `sms:<purpose>`. */
  type: string;
  /** What happened, in Chinese. */
  what: string;
  /** Who did it (an SMS: who sent it: the desk). */
  by: string;
  /** An SMS: its recipient's name and masked phone. */
  sms?: { to: string; phone: string; state: string };
}

export interface WorkLog {
  parkId: string;
  parkName: string;
  date: string;
  entries: WorkLogEntry[];
  cursor?: string;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(date: string): void {
  const m = DATE.exec(date);
  const ok =
    m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).toISOString().slice(0, 10) === date;
  if (!ok)
    throw new InvalidInput(
      'WORK_LOG.BAD_DATE',
      `${date.slice(0, 20)} is not a date, e.g. 2026-11-27`,
      'date',
    );
}

function describeItem(
  item: WorkLogItem,
  staffNames: Map<string, string>,
): Pick<WorkLogEntry, 'type' | 'what' | 'by' | 'sms'> {
  if (item.sms) {
    const name = staffNames.get(item.sms.staffId) ?? item.sms.staffId;
    const state =
      item.sms.state === 'sent'
        ? '已发'
        : item.sms.state === 'held'
          ? '超额未发'
          : item.sms.state === 'failed'
            ? '发送失败'
            : '发送中';
    return {
      type: `sms:${item.sms.purpose}`,
      what: `短信通知${name}(${item.sms.purpose}) ${state}`,
      by: '系统',
      sms: { to: name, phone: maskPhone(item.sms.to), state: item.sms.state },
    };
  }
  const event = item.event;
  const type = event?.type ?? '';
  let what = EVENT_LABELS[type] ?? type;
  const data = event?.data ?? {};
  if (type === 'timer.fired' && typeof data.timer === 'string') what = `${what}(${data.timer})`;
  const assignee = typeof data.assigneeName === 'string' ? data.assigneeName : undefined;
  if (assignee) what = `${what}:${assignee}`;
  const actor = event?.actor;
  const by = actor?.name ?? (actor ? (staffNames.get(actor.staffId) ?? actor.staffId) : '');
  return { type: `event:${type}`, what: `${what}${actor?.via === 'link' ? '(短信链接)' : ''}`, by };
}

async function context(deps: CoreDeps, principal: Principal, query: { date: string; parkId?: string }) {
  authorize(principal, 'records.read');
  checkDate(query.date);
  const parkId = resolvePark(principal, query.parkId);
  const [park, staff] = await Promise.all([deps.directory.park(parkId), deps.directory.staff(parkId)]);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId.slice(0, 64)} not found`, 'parkId');
  const names = new Map(staff.map((s) => [s.id, `${s.name}(${ROLE_LABELS[s.roles[0] ?? 'dispatcher']})`]));
  return { parkId, park, names };
}

async function entriesOf(
  deps: CoreDeps,
  items: WorkLogItem[],
  names: Map<string, string>,
): Promise<WorkLogEntry[]> {
  // Events carry their ticket's number and kind; an SMS takes them from its ticket's events on the
  // page, else (an SMS whose event is on another page or day) from the ticket itself.
  const known = new Map<string, { number?: string; kind: string }>();
  for (const i of items) {
    if (i.kind) known.set(i.ticketId, { kind: i.kind, ...(i.number ? { number: i.number } : {}) });
  }
  const missing = items.filter((i) => !known.has(i.ticketId) && !i.sms?.subject).map((i) => i.ticketId);
  const fetched = missing.length ? await deps.store.ticketLabels(missing) : new Map();
  return items.map((item) => {
    const label = known.get(item.ticketId) ?? fetched.get(item.ticketId);
    return {
      at: item.at,
      ticketId: item.ticketId,
      ...(label?.number ? { number: label.number } : {}),
      ...(label ? { kind: label.kind, kindLabel: KIND_LABELS[label.kind] ?? label.kind } : {}),
      ...describeItem(item, names),
    };
  });
}

/** DS-9: `GET /work-log?date=`: one page of the park's day, oldest first. */
export async function getWorkLog(
  deps: CoreDeps,
  principal: Principal,
  query: { date: string; parkId?: string; limit: number; cursor?: string },
): Promise<WorkLog> {
  const { parkId, park, names } = await context(deps, principal, query);
  const page = await deps.store.workLog({
    parkId,
    day: query.date,
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return {
    parkId,
    parkName: park.name,
    date: query.date,
    entries: await entriesOf(deps, page.items, names),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** DS-9: the printable 《工作日志》: every page of the day up to WORK_LOG_PRINT_MAX entries. */
export async function workLogHtml(
  deps: CoreDeps,
  principal: Principal,
  query: { date: string; parkId?: string },
): Promise<string> {
  const { parkId, park, names } = await context(deps, principal, query);
  const items: WorkLogItem[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.workLog({
      parkId,
      day: query.date,
      limit: 200,
      ...(cursor ? { cursor } : {}),
    });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor && items.length <= WORK_LOG_PRINT_MAX);
  const cut = items.length > WORK_LOG_PRINT_MAX;
  const entries = await entriesOf(deps, items.slice(0, WORK_LOG_PRINT_MAX), names);
  const zone = park.timeZone || DEFAULT_TIME_ZONE;
  const [y, m, d] = query.date.split('-');
  return printHtml({
    title: '工作日志',
    parkName: park.name,
    number: `${y}年${Number(m)}月${Number(d)}日`,
    sections: [
      {
        table: {
          headers: ['时间', '编号', '类别', '事项', '经办人', '短信对象'],
          rows: entries.map((e) => [
            localDateTime(new Date(e.at), zone).slice(11, 16),
            e.number ?? '',
            e.kindLabel ?? '',
            e.what,
            e.by,
            e.sms ? `${e.sms.to} ${e.sms.phone}` : '',
          ]),
          empty: '（当日无记录）',
        },
      },
      ...(cut
        ? [
            {
              paragraphs: [
                `当日记录超过${WORK_LOG_PRINT_MAX}条,仅打印前${WORK_LOG_PRINT_MAX}条;其余请分页查询。`,
              ],
            },
          ]
        : []),
    ],
    signatures: ['值班调度员'],
    printedAt: localDateTime(deps.clock.now(), zone).replace('T', ' ').slice(0, 16),
  });
}
