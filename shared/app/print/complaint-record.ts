/**
 * CH-6: the disposal register (《投诉处置记录表》), the desk's record of what was done about a
 * complaint once the department returned the report sheet: the routing (CH-5), the order to stop
 * ongoing harm (CH-8), the follow-ups (DS-4, DS-5), the answers (CH-7), the handling and who
 * confirmed it (DS-6), the callback to the resident (CH-6), the service slip, the deadlines missed,
 * and an invalid complaint still served (CH-9). Every entry in page order; corrections are entries.
 */
import type {
  CallbackOutcome,
  ComplaintSeverity,
  ComplaintTimer,
  ResolutionVia,
} from '../../domain/complaint';
import { DEPARTMENT_LABELS, type Department } from '../../domain/park';
import type { TimelineEntry } from '../queries';
import {
  ACK_STEP_LABELS,
  complaintFacts,
  DEADLINE_LABELS,
  gradingFields,
  SEVERITY_LABELS,
} from './complaint';
import type { PrintContext, ViewOf } from './format';
import { actorName, localTime, printedAt, text } from './format';
import type { PrintDocument } from './html';

const VIA_LABELS: Record<ResolutionVia, string> = {
  phone: '电话确认',
  'in-person': '当面确认',
  'service-slip': '服务单副本',
};

export const CALLBACK_LABELS: Record<CallbackOutcome, string> = {
  satisfied: '满意',
  dissatisfied: '不满意',
  unreachable: '未联系上',
};

const deadline = (timer: string) => DEADLINE_LABELS[timer as ComplaintTimer] ?? timer;
const severity = (s: unknown) => SEVERITY_LABELS[s as ComplaintSeverity] ?? '';

function about(data: Record<string, unknown>): string {
  const a = data.about as { department?: Department; staffName?: string } | undefined;
  if (!a?.department) return '';
  return `${DEPARTMENT_LABELS[a.department]}${a.staffName ? ` ${a.staffName}` : ''}`;
}

/** One history entry as the register writes it; the clocks' own reminders are left out. */
function entryText(entry: TimelineEntry): string | undefined {
  const d = entry.data;
  switch (entry.type) {
    case 'complaint.opened':
      return '受理登记(CH-3)';
    case 'complaint.graded':
      return `定级:${d.valid === false ? '无效投诉' : severity(d.severity)},${about(d)}(CH-1、CH-2);呈报单送出(CH-4)`;
    case 'complaint.acknowledged': {
      const step = ACK_STEP_LABELS[d.step as keyof typeof ACK_STEP_LABELS] ?? text(d, 'step');
      const who = text(d, 'staffName') || text(d, 'staffId');
      return `${step}:${who}${d.onBehalf ? '(客服代记)' : ''}${d.note ? `,${text(d, 'note')}` : ''}`;
    }
    case 'complaint.followed-up':
      return `第${text(d, 'round')}次跟进(DS-4、DS-5):${text(d, 'note')}`;
    case 'complaint.replied':
      return `答复业主(CH-7):${text(d, 'note')}`;
    case 'complaint.resolved': {
      const override = d.override as { reason?: string } | undefined;
      return (
        `处理完毕:${text(d, 'confirmedBy')}${VIA_LABELS[d.via as ResolutionVia] ?? ''}(DS-6)` +
        (d.note ? `,${text(d, 'note')}` : '') +
        (override?.reason ? `;未签收即结,原因:${override.reason}` : '')
      );
    }
    case 'complaint.called-back':
      return `电话通报业主(CH-6):${CALLBACK_LABELS[d.outcome as CallbackOutcome] ?? ''}${d.note ? `,${text(d, 'note')}` : ''}`;
    case 'complaint.reopened':
      return `业主不满意,重新处理(第${text(d, 'repeats')}次,CH-1)${d.note ? `:${text(d, 'note')}` : ''}`;
    case 'complaint.regraded':
      return `更正定级:${severity(d.severity) || (d.valid === false ? '无效投诉' : '')},${about(d)};原因:${text(d, 'reason')}`;
    case 'complaint.service-slip-filed':
      return `服务单副本归档:${text(d, 'number')},${text(d, 'signedBy')}签字(DS-6)`;
    case 'complaint.escalated':
      return `超时上报:${deadline(text(d, 'timer'))}`;
    case 'complaint.still-overdue':
      return `仍超时,再次上报(第${text(d, 'day')}天):${deadline(text(d, 'timer'))}`;
    case 'complaint.severity-raised':
      return '一个月未解决,升为重大投诉(CH-1)';
    case 'caller.called-again':
      return '业主再次来电';
    default:
      return undefined;
  }
}

/** CH-5..CH-9: the disposal register of `view` (a complaint as its reader may see it). */
export function complaintRecord(view: ViewOf<'complaint'>, ctx: PrintContext): PrintDocument {
  const rows = view.timeline
    .filter((e) => e.type !== 'sms')
    .flatMap((e) => {
      const what = entryText(e);
      return what === undefined ? [] : [[localTime(e.at, ctx), what, actorName(ctx, e.actor)]];
    });
  const notes: string[] = [];
  if (view.valid === false) notes.push('无效投诉:本着为业主服务的态度,仍尽量为业主提供方便(CH-9)。');
  if (view.ongoingHarm) notes.push('正在给业主造成损害:先采取措施停止或挽救伤害,再处理(CH-8)。');
  if (view.raisedFrom)
    notes.push(`受理满一个月未合理解决,由${SEVERITY_LABELS[view.raisedFrom]}升为重大投诉(CH-1)。`);
  if (view.repeatRaisedFrom)
    notes.push(`业主多次提出,由${SEVERITY_LABELS[view.repeatRaisedFrom]}升为重大投诉(CH-1)。`);
  const missed = view.missedDeadlines.map(deadline);
  return {
    title: '投诉处置记录表',
    parkName: ctx.parkName,
    number: view.number ?? view.id,
    sections: [
      { heading: '投诉内容', fields: complaintFacts(view, ctx) },
      { heading: '定级与呈报', fields: gradingFields(view, ctx) },
      { heading: '处置经过', table: { headers: ['时间', '事项', '经办人'], rows } },
      {
        heading: '结果',
        fields: [
          { label: '跟进次数', value: String(view.followUps) },
          { label: '答复业主', value: localTime(view.repliedAt, ctx) },
          { label: '处理完毕', value: localTime(view.resolution?.at, ctx) },
          { label: '确认人', value: view.resolution?.confirmedBy ?? '' },
          {
            label: '电话通报',
            value: view.callback
              ? `${localTime(view.callback.at, ctx)} ${CALLBACK_LABELS[view.callback.outcome]}`
              : '',
          },
          {
            label: '服务单副本',
            value: view.serviceSlip ? `${view.serviceSlip.number}(${view.serviceSlip.signedBy}签字)` : '',
          },
          { label: '销项时间', value: localTime(view.closedAt, ctx) },
          { label: '超时', value: missed.length ? missed.join('、') : '无' },
        ],
      },
      ...(notes.length ? [{ heading: '说明', paragraphs: notes }] : []),
    ],
    signatures: ['记录人(客服中心)', '主管', '管理处负责人'],
    printedAt: printedAt(ctx),
  };
}
