/**
 * The monthly summary as the office files it: the printable 《投诉调度记录月总结表》 (A4 HTML) and
 * the same tables as a spreadsheet (CSV for Excel). Both from one list of tables, in Chinese, with
 * times in the park's zone (the API-times middleware rewrites JSON only).
 */
import { CSV_BOM, csvRow } from '../csv';
import { CATEGORY_LABELS, type EmergencyCategory } from '../../domain/emergency';
import { type Department, DEPARTMENT_LABELS } from '../../domain/park';
import { localDateTime } from '../../domain/time';
import type { MonthlyEntry } from '../../ports/monthly';
import { printHtml, type PrintSection } from '../print/html';
import { monthLabel } from './month';
import type { Counts, Rate } from './summary';
import type { MonthlyReport } from './report';

export const SUMMARY_TITLE = '投诉调度记录月总结表';

const KIND_LABELS: Record<string, string> = {
  repair: '报修',
  complaint: '投诉',
  emergency: '紧急事件',
  key: '钥匙领用',
  'move-in': '业户入住',
};
const SEVERITY_LABELS: Record<string, string> = {
  major: '重大',
  important: '重要',
  minor: '轻微',
  ungraded: '未定级',
};
const DECISION_LABELS: Record<string, string> = {
  dispatch: '马上派人',
  appointment: '预约时间',
  decline: '无此服务',
  undecided: '未决定',
};
const STATUS_LABELS: Record<string, string> = {
  received: '已受理',
  dispatched: '已派工',
  booked: '已预约',
  declined: '已拒绝',
  assigned: '已派人',
  acknowledged: '已签收',
  completed: '已完成',
  closed: '已销项',
  cancelled: '已取消',
  'handed-off': '已移交',
  resolved: '已处理',
  escalating: '逐级通知中',
  unanswered: '无人响应',
  'signed-off': '已签认',
  requested: '已申请',
  verified: '已核实',
  'slip-issued': '已开领用条',
  'handed-out': '已借出',
  returned: '已归还',
  lost: '已丢失',
  open: '办理中',
};

interface Table {
  heading: string;
  headers: string[];
  rows: string[][];
}

const label = (map: Record<string, string>, key: string) => map[key] ?? key;
const percent = (r: Rate) => (r.rate === null ? '—' : `${r.rate}%`);
const countRows = (counts: Counts, names: Record<string, string>) =>
  Object.entries(counts).map(([k, n]) => [label(names, k), String(n)]);

function at(report: MonthlyReport, iso: string): string {
  return localDateTime(new Date(iso), report.timeZone).replace('T', ' ').slice(0, 16);
}

function entryRows(report: MonthlyReport, entries: readonly MonthlyEntry[]): string[][] {
  return entries.map((e) => [
    e.by.name ?? e.by.staffId,
    at(report, e.at),
    e.ticketNumber ?? e.ticketId ?? '',
    e.text,
  ]);
}

/** Every table of the summary, in the order the form prints them. */
export function summaryTables(r: MonthlyReport): Table[] {
  const t = r.timeliness;
  const byStatus = Object.entries(r.tickets.byStatus).flatMap(([kind, counts]) =>
    Object.entries(counts).map(([status, n]) => [
      label(KIND_LABELS, kind),
      label(STATUS_LABELS, status),
      String(n),
    ]),
  );
  const departments = (c: Counts) =>
    Object.entries(c).map(([k, n]) => [
      k === 'ungraded' ? '未定级' : (DEPARTMENT_LABELS[k as Department] ?? k),
      String(n),
    ]);
  return [
    {
      heading: '一、本月受理',
      headers: ['项目', '数量'],
      rows: [
        ['合计', String(r.tickets.total)],
        ...countRows(r.tickets.byKind, KIND_LABELS),
        ['电话(语音)受理', String(r.tickets.bySource.phone)],
        ['服务台受理', String(r.tickets.bySource.desk)],
      ],
    },
    { heading: '二、按状态', headers: ['类别', '状态', '数量'], rows: byStatus },
    {
      heading: '三、投诉',
      headers: ['项目', '数量'],
      rows: [
        ['投诉合计', String(r.complaints.total)],
        ...countRows(r.complaints.bySeverity, SEVERITY_LABELS),
        ['有效投诉', String(r.complaints.validity.valid)],
        ['无效投诉', String(r.complaints.validity.invalid)],
        ['未定性', String(r.complaints.validity.ungraded)],
        ['重复投诉(件)', String(r.complaints.repeats.tickets)],
        ['回访不满意(次)', String(r.complaints.repeats.dissatisfied)],
      ],
    },
    { heading: '四、投诉按部门', headers: ['部门', '数量'], rows: departments(r.complaints.byDepartment) },
    {
      heading: '五、报修',
      headers: ['项目', '数量'],
      rows: [
        ['报修合计', String(r.repairs.total)],
        ...countRows(r.repairs.byDecision, DECISION_LABELS),
        ['特约有偿服务(件)', String(r.repairs.paidServices.count)],
        ['有偿服务费用(元)', String(r.repairs.paidServices.fees)],
        ['返修(次)', String(r.repairs.reopens)],
      ],
    },
    {
      heading: '六、紧急事件',
      headers: ['项目', '数量'],
      rows: [
        ['紧急事件合计', String(r.emergencies.total)],
        ...Object.entries(r.emergencies.byCategory).map(([k, n]) => [
          CATEGORY_LABELS[k as EmergencyCategory] ?? k,
          String(n),
        ]),
        ['首次响应时间中位数(分钟)', String(r.emergencies.firstAck.medianMinutes ?? '—')],
        ['首次响应时间最长(分钟)', String(r.emergencies.firstAck.maxMinutes ?? '—')],
        ['无人响应', String(r.emergencies.firstAck.unanswered)],
      ],
    },
    {
      heading: '七、钥匙与入住',
      headers: ['项目', '数量'],
      rows: [
        ['钥匙借出', String(r.keys.handedOut)],
        ['钥匙逾期归还', String(r.keys.returnedLate)],
        ['入住办结', String(r.moveIns.completed)],
      ],
    },
    {
      heading: '八、及时率',
      headers: ['时限', '到期', '按时', '超时', '及时率'],
      rows: [
        ['合计', String(t.due), String(t.met), String(t.missed), percent(t)],
        ...t.byType.map((x) => [x.label, String(x.due), String(x.met), String(x.missed), percent(x)]),
      ],
    },
    {
      heading: '九、各部门及时率',
      headers: ['部门', '到期', '按时', '超时', '及时率'],
      rows: t.byDepartment.map((x) => [x.label, String(x.due), String(x.met), String(x.missed), percent(x)]),
    },
    {
      heading: '十、超时明细',
      headers: ['编号', '时限', '到期时间', '部门', '说明'],
      rows: t.misses.map((m) => [
        m.number ?? m.ticketId,
        m.label,
        at(r, m.dueAt),
        m.departmentLabel,
        m.late ? '逾期完成' : '超时',
      ]),
    },
    {
      heading: '十一、月末未结案件',
      headers: ['编号', '类别', '状态', '受理时间'],
      rows: r.openAtMonthEnd.tickets.map((o) => [
        o.number ?? o.ticketId,
        label(KIND_LABELS, o.kind),
        label(STATUS_LABELS, o.status),
        at(r, o.createdAt),
      ]),
    },
    {
      heading: '十二、纠正与预防措施',
      headers: ['登记人', '时间', '投诉编号', '说明'],
      rows: entryRows(r, r.entries.correctives),
    },
    {
      heading: '十三、调度员月度简要报告',
      headers: ['调度员', '时间', '', '内容'],
      rows: entryRows(r, r.entries.reports),
    },
    {
      heading: '十四、管理处负责人意见',
      headers: ['签字人', '时间', '', '意见'],
      rows: entryRows(r, r.entries.signatures),
    },
  ];
}

/** The CSV: a line naming the park and month, then each table under its heading. */
export function summaryCsv(r: MonthlyReport): string {
  let out = CSV_BOM + csvRow([r.parkName, `${SUMMARY_TITLE} ${monthLabel(monthParts(r.month))}`]);
  for (const table of summaryTables(r)) {
    out += csvRow([]) + csvRow([table.heading]) + csvRow(table.headers);
    for (const row of table.rows) out += csvRow(row);
  }
  return out;
}

function monthParts(month: string) {
  return { year: Number(month.slice(0, 4)), monthNumber: Number(month.slice(5, 7)) };
}

/** The printable 《投诉调度记录月总结表》 with signature lines for the dispatcher and the office's head. */
export function summaryHtml(r: MonthlyReport, now: Date): string {
  const sections: PrintSection[] = [
    {
      fields: [
        { label: '管理处', value: r.parkName },
        { label: '月份', value: monthLabel(monthParts(r.month)) },
      ],
    },
    ...summaryTables(r).map((table) => ({
      heading: table.heading,
      table: { headers: table.headers, rows: table.rows, empty: '（无）' },
    })),
  ];
  return printHtml({
    title: SUMMARY_TITLE,
    parkName: r.parkName,
    number: monthLabel(monthParts(r.month)),
    sections,
    signatures: ['调度员', '管理处负责人'],
    printedAt: at(r, now.toISOString()),
  });
}
