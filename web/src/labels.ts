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
};

export const timerLabel = (name: string): string => TIMER[name] ?? name;

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
};

export const obligationLabel = (name: string): string => OBLIGATION[name] ?? timerLabel(name);
