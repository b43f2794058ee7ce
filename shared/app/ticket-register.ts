/**
 * The ticket register as a spreadsheet (GET /tickets?format=csv, issue 13 item 2): every page of the
 * list under the same filters, one row per ticket as the reader may see it (views.ts masks what is
 * not theirs: a complainant's phone, CH-3), Chinese headers, times in the park's zone, cells
 * neutralised (csv.ts). A Lambda answers at most 6 MB: past the row or byte limit the export is
 * refused with 422 and how to narrow it — never a truncated file.
 */
import { RuleViolation } from '../domain/errors';
import { DEPARTMENT_LABELS, type Department, type Park } from '../domain/park';
import type { TicketKind } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';
import { localDateTime } from '../domain/time';
import type { Principal } from './access';
import { authorize } from './access';
import { CSV_BOM, csvRow } from './csv';
import type { CoreDeps } from './deps';
import { existingPark, visibleMatches } from './queries';
import { InvalidInput } from '../domain/errors';
import { type ListTicketsQuery, resolveFilter } from './ticket-filters';

/** The most rows one export holds (a month of a busy park is ~1,000); more is a 422 to narrow `from`/`to`. */
export const CSV_ROW_LIMIT = 2_000;
/** The most bytes one export holds: under Lambda's 6 MB response, with room for the headers. */
export const CSV_MAX_BYTES = 5_500_000;
/** Tickets per store read, and the index items one read may examine. */
const CSV_PAGE = 500;
const CSV_PAGE_BUDGET = 2_000;
/** Store reads one export makes at most (a sparse filter over a large index): then 422 as well. */
const CSV_MAX_READS = 50;

export const TOO_MANY_ROWS = 'EXPORT.TOO_MANY_ROWS';

const KIND_LABELS: Record<TicketKind, string> = {
  repair: '报修',
  complaint: '投诉',
  emergency: '紧急事件',
  key: '钥匙借用',
  'move-in': '入伙',
};

const STATUS_LABELS: Record<string, string> = {
  received: '已登记',
  dispatched: '已派工',
  booked: '已预约',
  declined: '不予受理',
  assigned: '已指派',
  acknowledged: '已签收',
  completed: '已完成',
  closed: '已关闭',
  cancelled: '已取消',
  'handed-off': '已转交',
  resolved: '已处理',
  escalating: '逐级通知中',
  unanswered: '无人应答',
  'signed-off': '已签结',
  requested: '已申请',
  verified: '已核实',
  'slip-issued': '已开领用条',
  'handed-out': '已借出',
  returned: '已归还',
  lost: '已遗失',
  open: '办理中',
};

const SEVERITY_LABELS: Record<string, string> = { major: '重大', important: '重要', minor: '一般' };

export const CSV_HEADERS = [
  '编号',
  '类型',
  '状态',
  '登记时间',
  '来电人',
  '电话',
  '房号',
  '地点',
  '内容',
  '部门',
  '严重程度',
  '负责人',
  '逾期',
  '最后更新',
  '工单ID',
] as const;

/** `2026-11-27 09:40` on the park's clocks. */
function parkTime(iso: string | undefined, timeZone: string): string {
  if (!iso) return '';
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? '' : localDateTime(at, timeZone).replace('T', ' ').slice(0, 16);
}

/** Who the ticket is for, where, and what: each kind keeps them in its own fields. */
function partsOf(t: Ticket): { who?: string; phone?: string; unit?: string; place?: string; what?: string } {
  switch (t.kind) {
    case 'key':
      return {
        who: t.requester?.name,
        phone: t.requester?.phone,
        unit: t.key?.unit ?? t.key?.area,
        what: `${t.key?.label ?? ''} ${t.reason ?? ''}`.trim(),
      };
    case 'move-in':
      return { who: t.owner?.name, phone: t.owner?.phone, unit: t.unit, what: '入伙手续' };
    case 'complaint':
      return {
        who: t.caller?.name,
        phone: t.caller?.phone,
        unit: t.caller?.unit,
        place: t.place,
        what: t.description,
      };
    default:
      return {
        who: t.caller?.name,
        phone: t.caller?.phone,
        unit: t.caller?.unit,
        place: t.location,
        what: t.description,
      };
  }
}

/**
 * A mainland mobile as people write it (`137-0000-0001`): a spreadsheet reads it as text, neither a
 * number (which loses the digits' grouping) nor, as `+86…` would be, a cell to neutralise. Others
 * (and masked ones, `137****0001`) as they are.
 */
function phoneCell(phone: string | undefined): string | undefined {
  const mobile = phone ? /^\+86(1\d{2})(\d{4})(\d{4})$/.exec(phone) : null;
  return mobile ? `${mobile[1]}-${mobile[2]}-${mobile[3]}` : phone;
}

function rowOf(t: Ticket, timeZone: string): string {
  const p = partsOf(t);
  const owed = (t as { overdue?: unknown }).overdue;
  const department = t.kind === 'complaint' ? t.about?.department : undefined;
  const owner =
    t.kind === 'emergency' ? t.owner?.name : ((t as { assigneeName?: string }).assigneeName ?? t.assigneeId);
  return csvRow([
    t.number ?? '',
    KIND_LABELS[t.kind] ?? t.kind,
    STATUS_LABELS[t.status] ?? t.status,
    parkTime(t.createdAt, timeZone),
    p.who,
    phoneCell(p.phone),
    p.unit,
    p.place,
    p.what,
    department ? (DEPARTMENT_LABELS[department as Department] ?? department) : '',
    t.kind === 'complaint' && t.severity ? SEVERITY_LABELS[t.severity] : '',
    owner,
    Array.isArray(owed) && owed.length > 0 ? '是' : '',
    parkTime(t.updatedAt, timeZone),
    t.id,
  ]);
}

function tooMany(what: string): RuleViolation {
  return new RuleViolation(
    TOO_MANY_ROWS,
    `the export would hold ${what}, more than one file may (${CSV_ROW_LIMIT} rows, ${CSV_MAX_BYTES} bytes); ` +
      'narrow from/to (e.g. one month, or half of one) or add a filter, and export each part',
    'to',
  );
}

function fileName(park: Park, query: ListTicketsQuery): string {
  const range = query.from || query.to ? `_${query.from ?? ''}~${query.to ?? ''}` : '';
  return `工单登记_${park.name}${range}.csv`.replace(/[:/\\]/g, '-');
}

/** The register under the list's filters as one CSV file (UTF-8 with BOM, CRLF), or a 422. */
export async function exportTickets(
  deps: CoreDeps,
  principal: Principal,
  query: ListTicketsQuery,
): Promise<{ filename: string; body: string }> {
  authorize(principal, 'records.export');
  if (query.cursor) {
    throw new InvalidInput(
      'REQUEST.CURSOR_NOT_FOR_CSV',
      'the CSV holds every page; leave cursor out',
      'cursor',
    );
  }
  const park = await existingPark(deps, principal, query.parkId);
  const filter = resolveFilter(principal, park, query);
  const parts = [CSV_BOM, csvRow(CSV_HEADERS)];
  let bytes = Buffer.byteLength(parts.join(''));
  let rows = 0;
  let cursor: string | undefined;
  for (let reads = 1; ; reads++) {
    const page = await deps.store.list({
      ...filter,
      parkId: park.id,
      limit: CSV_PAGE,
      budget: CSV_PAGE_BUDGET,
      ...(cursor ? { cursor } : {}),
    });
    const tickets = await visibleMatches(deps, principal, filter, page.tickets);
    rows += tickets.length;
    if (rows > CSV_ROW_LIMIT) throw tooMany(`more than ${CSV_ROW_LIMIT} tickets`);
    for (const ticket of tickets) {
      const row = rowOf(ticket, park.timeZone);
      bytes += Buffer.byteLength(row);
      parts.push(row);
    }
    if (bytes > CSV_MAX_BYTES) throw tooMany(`more than ${CSV_MAX_BYTES} bytes`);
    cursor = page.cursor;
    if (!cursor) break;
    if (reads >= CSV_MAX_READS)
      throw tooMany(`more than ${CSV_MAX_READS * CSV_PAGE_BUDGET} index entries to read`);
  }
  return { filename: fileName(park, query), body: parts.join('') };
}
