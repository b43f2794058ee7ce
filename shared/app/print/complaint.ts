/**
 * CH-4: the complaint/repair report sheet (《投诉、维修呈报单》) the desk sends the department
 * complained about within 10 minutes, which signs for it and returns it when the work is done
 * (CH-6). Built from the complaint as its reader may see it: the resident's contact (CH-3) is on
 * it only for those the view shows it to, masked for everyone else.
 */
import type { AckStep, ComplaintSeverity, ComplaintStatus, ComplaintTimer } from '../../domain/complaint';
import { DEPARTMENT_LABELS } from '../../domain/park';
import type { PrintDocument, PrintField, PrintSection } from './html';
import type { PrintContext, ViewOf } from './format';
import { actorName, eventsOf, localTime, person, printedAt, staffName, yesNo } from './format';

export const SEVERITY_LABELS: Record<ComplaintSeverity, string> = {
  major: '重大投诉',
  important: '重要投诉',
  minor: '轻微投诉',
};

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已受理(待定级)',
  'handed-off': '已呈报(待签收)',
  acknowledged: '已签收(处理中)',
  resolved: '已处理(待回访、服务单)',
  closed: '已销项',
};

export const ACK_STEP_LABELS: Record<AckStep, string> = {
  'report-sheet': '被投诉部门签收(CH-4)',
  'stop-harm': '制止损害(CH-8)',
  supervisor: '主管签收(CH-5 重要投诉)',
  director: '管理处主任签收(CH-5 重大投诉)',
};

/** The deadlines a printed complaint shows, in the procedure's words (the escalation levels are left out). */
export const DEADLINE_LABELS: Partial<Record<ComplaintTimer, string>> = {
  'grade-10m': '定级呈报(CH-4,10分钟)',
  'handoff-10m': '部门签收(CH-4,10分钟)',
  'harm-10m': '制止损害确认(CH-8,10分钟)',
  'supervisor-30m': '主管签收(CH-5,30分钟)',
  'director-eod': '主任签收(CH-5,当天)',
  'follow-up-2h': '第一次跟进(DS-4,2小时)',
  'follow-up-eod': '第二次跟进(DS-5,下班前)',
  'resolve-2d': '处理完毕(CH-7,2天)',
  'resolve-by-resident': '处理完毕(业主要求期限)',
  'resolve-3d': '处理完毕(CH-7,3天)',
  'reply-2d': '明确答复业主(CH-7,2天)',
  'resolve-10d': '解决(CH-7,10天)',
  'callback-eod': '电话通报业主(CH-6,当天)',
  'escalate-1m': '一个月未解决升为重大(CH-1)',
};

const TIMER_STATE_LABELS: Record<string, string> = {
  pending: '未到期',
  met: '按时',
  missed: '超时',
  fired: '已到期',
  cancelled: '已取消',
};

/** CH-3: who and what, as the reader may see it; a masked contact says why it is hidden. */
export function complaintFacts(view: ViewOf<'complaint'>, ctx: PrintContext): PrintField[] {
  const masked = (view.caller as { masked?: boolean }).masked === true;
  const about = view.about;
  return [
    { label: '受理时间', value: localTime(view.createdAt, ctx) },
    { label: '受理人', value: actorName(ctx, view.createdBy) },
    { label: '投诉人', value: person(view.caller.name, view.caller.phone) },
    { label: '房号', value: masked ? '(不可见)' : (view.caller.unit ?? '') },
    ...(masked
      ? [{ label: '联系方式', value: '仅客服中心、管理层及处理部门负责人可见(CH-3)', wide: true }]
      : []),
    { label: '发生时间', value: localTime(view.occurredAt, ctx) },
    { label: '发生地点', value: view.place },
    { label: '被投诉部门', value: about ? DEPARTMENT_LABELS[about.department] : '' },
    { label: '被投诉人', value: about?.staffId ? staffName(ctx, about.staffId, about.staffName) : '' },
    { label: '投诉经过', value: view.description, wide: true },
    { label: '业主要求', value: view.demand ?? '', wide: true },
  ];
}

/** CH-1, CH-2: the grading. */
export function gradingFields(view: ViewOf<'complaint'>, ctx: PrintContext): PrintField[] {
  return [
    { label: '有效投诉', value: yesNo(view.valid) },
    { label: '级别', value: view.severity ? SEVERITY_LABELS[view.severity] : '' },
    { label: '正在造成损害', value: yesNo(view.ongoingHarm) },
    { label: '业主要求期限', value: localTime(view.residentDeadline, ctx) },
    { label: '呈报时间', value: localTime(view.handedOffAt, ctx) },
    { label: '状态', value: COMPLAINT_STATUS_LABELS[view.status] ?? view.status },
    ...(view.repeatOf?.length
      ? [
          {
            label: '多次投诉(CH-1)',
            value: view.repeatOf.map((r) => `${r.number ?? r.id}(${r.times}次)`).join('、'),
            wide: true,
          },
        ]
      : []),
  ];
}

/** CH-4, CH-5, CH-8: the signatures the complaint asks for, signed or still owed. */
export function signatureTable(view: ViewOf<'complaint'>, ctx: PrintContext): PrintSection['table'] {
  const owed: AckStep[] = ['report-sheet'];
  if (view.ongoingHarm) owed.push('stop-harm');
  if (view.severity === 'important') owed.push('supervisor');
  if (view.severity === 'major') owed.push('director');
  const steps = [...new Set([...owed, ...(Object.keys(view.acknowledgements) as AckStep[])])];
  return {
    headers: ['签收事项', '签收人', '签收时间', '备注'],
    rows: steps.map((step) => {
      const ack = view.acknowledgements[step];
      if (!ack) return [ACK_STEP_LABELS[step], '', '', '未签收'];
      return [
        ACK_STEP_LABELS[step],
        staffName(ctx, ack.staffId, ack.staffName),
        localTime(ack.at, ctx),
        [ack.onBehalf ? '客服代记(电话签收)' : '', ack.note ?? ''].filter(Boolean).join(';'),
      ];
    }),
  };
}

/** The deadlines the complaint runs, each with its due time and what became of it. */
export function deadlineTable(view: ViewOf<'complaint'>, ctx: PrintContext): PrintSection['table'] {
  const rows = Object.entries(view.timers)
    .filter(([name]) => DEADLINE_LABELS[name as ComplaintTimer] !== undefined)
    .sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt))
    .map(([name, timer]) => [
      DEADLINE_LABELS[name as ComplaintTimer] ?? name,
      localTime(timer.dueAt, ctx),
      TIMER_STATE_LABELS[timer.state] ?? timer.state,
      localTime(timer.settledAt, ctx),
    ]);
  return { headers: ['时限', '到期时间', '结果', '完成时间'], rows };
}

/** CH-4: the report sheet of `view`, for the department to sign and return (CH-6). */
export function complaintReportSheet(view: ViewOf<'complaint'>, ctx: PrintContext): PrintDocument {
  const resolved = eventsOf(view, 'complaint.resolved').at(-1);
  const resolution = view.resolution;
  return {
    title: '投诉、维修呈报单',
    parkName: ctx.parkName,
    number: view.number ?? view.id,
    sections: [
      { heading: '投诉内容(CH-3)', fields: complaintFacts(view, ctx) },
      { heading: '定级(CH-1、CH-2)', fields: gradingFields(view, ctx) },
      { heading: '签收(CH-4、CH-5、CH-8)', table: signatureTable(view, ctx) },
      { heading: '处理时限(CH-5、CH-7)', table: deadlineTable(view, ctx) },
      {
        heading: '处理结果(部门处理完毕后交回客服中心,CH-6)',
        fields: [
          { label: '处理情况', value: resolution?.note ?? '', wide: true },
          { label: '确认人', value: resolution?.confirmedBy ?? '' },
          { label: '完成时间', value: localTime(resolution?.at, ctx) },
          { label: '登记人', value: actorName(ctx, resolved?.actor) },
          { label: '交回时间', value: '' },
        ],
      },
    ],
    signatures: ['呈报人(客服中心)', '被投诉部门签收', '部门负责人(处理完毕)'],
    printedAt: printedAt(ctx),
  };
}
