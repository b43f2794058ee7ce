/** The console's Chinese for the API's codes; an unknown code shows as it is (never hidden). */
import type { TicketKind, TicketStatus } from './api/client';

export const KIND: Record<TicketKind, string> = {
  repair: '报修',
  complaint: '投诉',
  emergency: '紧急',
  key: '钥匙',
  'move-in': '入住',
};

export const STATUS: Record<TicketStatus, string> = {
  received: '已受理',
  dispatched: '待派工',
  booked: '已预约',
  declined: '不予维修',
  assigned: '已派工',
  acknowledged: '已接单',
  completed: '已完工',
  closed: '已关闭',
  cancelled: '已取消',
  'handed-off': '已转交',
  resolved: '已处理',
  escalating: '上报中',
  unanswered: '无人确认',
  'signed-off': '已结案',
  requested: '已申请',
  verified: '已核实',
  'slip-issued': '已开条',
  'handed-out': '已领出',
  returned: '已归还',
  lost: '已遗失',
  open: '办理中',
};

/** A status as the kind says it (an emergency is confirmed, a complaint's report sheet signed). */
const KIND_STATUS: Partial<Record<TicketKind, Partial<Record<TicketStatus, string>>>> = {
  complaint: { acknowledged: '已签收' },
  emergency: { acknowledged: '已确认' },
};

export const statusLabel = (kind: TicketKind, status: TicketStatus): string =>
  KIND_STATUS[kind]?.[status] ?? STATUS[status] ?? status;

/** CH-1's grades. */
export const SEVERITY: Record<string, string> = { major: '重大', important: '重要', minor: '轻微' };

const TIMER: Record<string, string> = {
  'received-desk': '定派工(服务台)',
  'received-manager': '定派工(管理处经理)',
  'ack-30m': '接单',
  'appointment-reminder': '预约提醒',
  'appointment-due': '按约上门',
  'complete-by': '完工',
  'complete-L2': '完工(工程部经理)',
  'handoff-10m': '转交',
  'supervisor-30m': '主管确认',
  'follow-up-2h': '两小时跟进',
  'follow-up-eod': '当日跟进',
  'resolve-3d': '三日内处理',
  'resolve-10d': '十日内处理',
  'callback-eod': '当日回访',
  'director-eod': '主任当日确认',
  'reply-2d': '两日内答复',
  'escalate-1m': '一个月未解决上报',
  // Complaints' second levels and the rest (CH-1..CH-8, ADR 016).
  'grade-10m': '定性呈报',
  'grade-L2': '定性呈报(上报)',
  'handoff-L2': '签收呈报单(上报)',
  'harm-10m': '确认制止损害',
  'harm-L2': '确认制止损害(上报)',
  'supervisor-L2': '主管确认(上报)',
  'director-L2': '主任确认(上报)',
  'resolve-2d': '两日内处理',
  'resolve-by-resident': '按业户要求期限处理',
  'overdue-day-1': '超时次日提醒',
  'overdue-day-2': '超时第二日提醒',
  'overdue-day-3': '超时第三日提醒',
  // Emergencies (EM-3, EM-5), keys (KY-3), move-in.
  'scene-due': '到场',
  'return-due': '归还钥匙',
  'return-escalate': '归还钥匙(上报)',
  'open-too-long': '入住办理超期',
};

export const timerLabel = (name: string): string => TIMER[name] ?? numberedTimer(name) ?? name;

/** Numbered clocks: EM-2's chain (`escalate-r1-L2`: round 1, level 2), KY-4's closing check, EM-5's instructions. */
function numberedTimer(name: string): string | undefined {
  const chain = /^escalate-r(\d+)-L(\d+)$/.exec(name);
  if (chain) return `逐级确认(第${chain[1]}轮第${chain[2]}级)`;
  // KY-4: each day's closing check of keys still out (`closing-20261127`).
  const closing = /^closing-\d{4}(\d{2})(\d{2})$/.exec(name);
  if (closing) return `${Number(closing[1])}月${Number(closing[2])}日下班前钥匙清点`;
  const instruction = /^instruction-(\d+)-due$/.exec(name);
  return instruction ? `指示${instruction[1]}完成期限` : undefined;
}

const EVENT: Record<string, string> = {
  'repair.opened': '受理报修',
  'repair.decided': '定派工',
  'repair.cancelled': '取消',
  'repair.reopened': '返修',
  'repair.rescheduled': '改约',
  'ticket.assigned': '派工',
  'ticket.acknowledged': '接单',
  'ticket.completed': '完工',
  'ticket.closed': '关闭',
  'complaint.opened': '受理投诉',
  'complaint.graded': '定级',
  'complaint.resolved': '处理完毕',
  'complaint.called-back': '回访',
  'emergency.opened': '紧急上报',
  'emergency.acknowledged': '确认',
  'emergency.signed-off': '结案',
  'complaint.acknowledged': '签收',
  'complaint.followed-up': '跟进',
  'complaint.replied': '答复',
  'complaint.reminded': '提醒',
  'complaint.escalated': '超时上报',
  'complaint.still-overdue': '仍超时',
  'complaint.severity-raised': '升级为重大',
  'complaint.regraded': '改级',
  'complaint.reopened': '重新处理',
  'complaint.service-slip-filed': '服务单回收',
  'emergency.escalated': '逐级通知',
  'emergency.unanswered': '无人确认',
  'emergency.on-scene': '到场',
  'emergency.not-on-scene': '未到场',
  'emergency.reported': '现场汇报',
  'emergency.handover-offered': '交接',
  'emergency.handover-accepted': '接受交接',
  'emergency.instruction-issued': '指示',
  'emergency.instruction-done': '指示完成',
  'emergency.instruction-overdue': '指示超时',
  'emergency.closed': '关闭',
  'key.requested': '申请钥匙',
  'key.verified': '核实',
  'key.slip-issued': '开领用条',
  'key.handed-out': '领出',
  'key.returned': '归还',
  'key.cancelled': '取消',
  'key.reported-lost': '报失',
  'key.lost': '遗失',
  'move-in.opened': '开始办理入住',
  'move-in.step-recorded': '登记步骤',
  'move-in.completed': '办结入住',
  'timer.fired': '时限到期',
  sms: '短信',
};

export const eventLabel = (type: string): string => EVENT[type] ?? type;

const COMMAND: Record<string, string> = {
  decide: '定派工',
  assign: '派工',
  acknowledge: '接单',
  complete: '完工',
  close: '关闭',
  cancel: '取消',
  reschedule: '改约',
  reopen: '返修',
  grade: '定级',
  'follow-ups': '跟进',
  reply: '答复',
  resolve: '处理完毕',
  callback: '回访',
  'service-slip': '服务单',
  regrade: '改级',
  'on-scene': '到场',
  report: '汇报',
  'hand-over': '交接',
  'accept-handover': '接受交接',
  instructions: '指示',
  'instruction-done': '指示完成',
  'sign-off': '结案',
  verify: '核实',
  'issue-slip': '开领用条',
  'hand-out': '领出',
  return: '归还',
  'record-step': '登记步骤',
};

export const commandLabel = (name: string): string => COMMAND[name] ?? name;

export const DEPARTMENT: Record<string, string> = {
  'customer-service': '客服中心',
  'property-office': '物业部',
  engineering: '工程部',
  security: '保安部',
  cleaning: '保洁部',
  finance: '财务部',
  management: '管理处',
};

/** What a ticket owes (the list's `overdue` names these: repair and complaint obligations). */
const OBLIGATION: Record<string, string> = {
  decide: '定派工',
  acknowledge: '接单',
  complete: '完工',
  grade: '定级',
  'follow-up': '跟进',
  reply: '答复',
  resolve: '处理',
  callback: '回访',
  'report-sheet': '签收报告单',
  'stop-harm': '制止损害',
  supervisor: '主管确认',
  director: '主任确认',
  // KY-4: a key past its due-back time, or still out at the office's closing.
  return: '逾期未还',
  closing: '下班未还',
  // MI: a move-in still open past the park's days for it.
  open: '超期未办完',
};

export const obligationLabel = (name: string): string => OBLIGATION[name] ?? timerLabel(name);
