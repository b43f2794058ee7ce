/**
 * RP-5: the filled work order (《报修派工单》) of a repair, as the desk hands it to the technician
 * and files it: RP-1's content, address and wanted time; RP-2's decision; RP-4's paid service with
 * its fee and the resident's consent; the appointment; who it went to, when they took it and when
 * it was done; the service slip (DS-6); signature lines for 派工人, 维修人 and 住户确认.
 */
import type { RepairDecision, RepairStatus } from '../../domain/repair';
import type { PrintDocument } from './html';
import type { PrintContext, ViewOf } from './format';
import { actorName, eventsOf, lastEvent, localTime, person, printedAt, text, yesNo, yuan } from './format';

export const REPAIR_STATUS_LABELS: Record<RepairStatus, string> = {
  received: '已登记(待定)',
  dispatched: '已派工(待指派)',
  booked: '已预约',
  declined: '无此项服务',
  assigned: '已指派',
  acknowledged: '已接单',
  completed: '已完工',
  closed: '已关闭',
  cancelled: '已取消',
};

/** RP-2's three outcomes, in the procedure's words. */
export const DECISION_LABELS: Record<RepairDecision, string> = {
  dispatch: '有能力有人手:马上派人维修',
  appointment: '暂时没有人手:约定时间维修',
  decline: '没有此项服务',
};

/** The history's lines as the work order lists them (the clocks' own entries are left out). */
function historyRow(entry: ViewOf<'repair'>['timeline'][number], ctx: PrintContext): string[] | undefined {
  const d = entry.data;
  const what = ((): string | undefined => {
    switch (entry.type) {
      case 'repair.opened':
        return '报修登记';
      case 'repair.decided':
        return `决定(RP-2):${DECISION_LABELS[d.decision as RepairDecision] ?? text(d, 'decision')}`;
      case 'ticket.assigned':
        return d.previousStaffName
          ? `改派:${text(d, 'previousStaffName')} → ${text(d, 'staffName')}`
          : `派工:${text(d, 'staffName')}`;
      case 'ticket.acknowledged':
        return '维修人接单';
      case 'ticket.completed':
        return `完工,服务单 ${text((d.serviceSlip ?? {}) as Record<string, unknown>, 'number')}`;
      case 'ticket.closed':
        return '关闭';
      case 'repair.rescheduled':
        return `改约至 ${localTime(text(d, 'appointmentAt'), ctx)}:${text(d, 'reason')}`;
      case 'repair.cancelled':
        return `取消:${text(d, 'reason')}`;
      case 'repair.reopened':
        return `住户回电未修好,重新派工:${text(d, 'reason')}`;
      case 'caller.called-again':
        return '住户再次来电';
      default:
        return undefined;
    }
  })();
  return what === undefined ? undefined : [localTime(entry.at, ctx), what, actorName(ctx, entry.actor)];
}

/** RP-5: the work order of `view` (a repair as its reader may see it). */
export function repairWorkOrder(view: ViewOf<'repair'>, ctx: PrintContext): PrintDocument {
  const opened = eventsOf(view, 'repair.opened')[0];
  const assigned = lastEvent(view, 'ticket.assigned');
  const acknowledged = lastEvent(view, 'ticket.acknowledged');
  const completed = lastEvent(view, 'ticket.completed');
  const paid = view.paidService;
  const rows = view.timeline
    .filter((e) => e.type !== 'sms')
    .map((e) => historyRow(e, ctx))
    .filter((r): r is string[] => r !== undefined);
  return {
    title: '报修派工单',
    parkName: ctx.parkName,
    ...(view.number ? { number: view.number } : {}),
    sections: [
      {
        heading: '报修登记(RP-1)',
        fields: [
          { label: '报修时间', value: localTime(view.createdAt, ctx) },
          { label: '受理人', value: actorName(ctx, opened?.actor ?? view.createdBy) },
          { label: '报修人', value: person(view.caller.name, view.caller.phone) },
          { label: '房号', value: view.caller.unit ?? '' },
          { label: '维修地址', value: view.location, wide: true },
          { label: '维修内容', value: view.description, wide: true },
          { label: '要求时间', value: localTime(view.wantedAt, ctx) },
          { label: '状态', value: REPAIR_STATUS_LABELS[view.status] ?? view.status },
          ...(view.moveIn
            ? [{ label: '来源', value: `入住验房 ${view.moveIn.number}(MI-6)`, wide: true }]
            : []),
        ],
      },
      {
        heading: '派工决定(RP-2、RP-4)',
        fields: [
          { label: '决定', value: view.decision ? DECISION_LABELS[view.decision] : '待定', wide: true },
          ...(view.declineReason ? [{ label: '说明', value: view.declineReason, wide: true }] : []),
          { label: '预约时间', value: localTime(view.appointmentAt, ctx) },
          { label: '完成时限', value: localTime(view.completeBy, ctx) },
          { label: '特约有偿服务', value: paid ? '是' : '否' },
          { label: '费用', value: paid ? yuan(paid.fee) : '' },
          ...(paid ? [{ label: '住户同意付费', value: yesNo(paid.consent), wide: true }] : []),
        ],
      },
      {
        heading: '派工与完工',
        fields: [
          { label: '派工人', value: actorName(ctx, assigned?.actor) },
          { label: '派工时间', value: localTime(assigned?.at, ctx) },
          { label: '维修人', value: view.assigneeName ?? '' },
          { label: '接单时间', value: localTime(acknowledged?.at, ctx) },
          { label: '完工时间', value: localTime(completed?.at, ctx) },
          { label: '服务单号', value: view.serviceSlip?.number ?? '' },
          { label: '服务单签字', value: view.serviceSlip?.signedBy ?? '' },
          { label: '回访/返修', value: view.reopens?.length ? `住户回电 ${view.reopens.length} 次` : '' },
          ...(view.cancelReason ? [{ label: '取消原因', value: view.cancelReason, wide: true }] : []),
        ],
      },
      { heading: '处理记录', table: { headers: ['时间', '事项', '经办人'], rows } },
    ],
    signatures: ['派工人', '维修人', '住户确认'],
    printedAt: printedAt(ctx),
  };
}
