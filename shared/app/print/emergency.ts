/**
 * An emergency's printed record. The original names no form of its own for 紧急或重大事情 (篇4
 * 3.2: the dispatcher records it in the dispatch record and the work log, 立项, and the office
 * manager signs before it is closed); we print it as 《紧急或重大事情呈报单》: what happened (EM-1),
 * who was told up the chain and who acknowledged (EM-2), who went to the scene and what they
 * reported (EM-3), the hand-overs (EM-4), every leader's instruction as its own item (EM-5), and
 * the office manager's signed consent to close (EM-6).
 */
import type {
  ChainMove,
  EmergencyCategory,
  EmergencyStatus,
  InstructionState,
  Via,
} from '../../domain/emergency';
import { CATEGORY_LABELS } from '../../domain/emergency';
import { ROLE_LABELS } from '../../domain/park';
import type { PrintContext, ViewOf } from './format';
import { actorName, eventsOf, localTime, person, printedAt, text } from './format';
import type { PrintDocument } from './html';

/** EM-1's letters in the original (3.2.1 A..D). */
const CATEGORY_LETTERS: Record<EmergencyCategory, string> = {
  'public-safety': 'A',
  fire: 'B',
  accident: 'C',
  official: 'D',
};

export const EMERGENCY_STATUS_LABELS: Record<EmergencyStatus, string> = {
  escalating: '逐级通知中',
  unanswered: '无人应答',
  acknowledged: '已确认(处理中)',
  'signed-off': '负责人已签字同意销项',
  closed: '已销项',
};

const VIA_LABELS: Record<Via, string> = { link: '短信链接', api: '系统', phone: '电话(调度代记)' };

const INSTRUCTION_STATE_LABELS: Record<InstructionState, string> = {
  open: '执行中',
  overdue: '超时',
  done: '已完成',
  closed: '销项时未完成',
};

/** EM-2: every level the chain reached or passed over, from the events that moved it. */
function chainRows(view: ViewOf<'emergency'>, ctx: PrintContext): string[][] {
  const rows: string[][] = [];
  for (const entry of eventsOf(
    view,
    'emergency.opened',
    'emergency.escalated',
    'emergency.unanswered',
    'sms.undeliverable',
  )) {
    const move = entry.data.move as ChainMove | undefined;
    if (!move) continue;
    for (const skip of move.skipped) {
      rows.push([`第${skip.round}轮第${skip.level}级`, ROLE_LABELS[skip.role], '通讯录无此人,跳过', '', '']);
    }
    if (move.to === 'exhausted') {
      rows.push(['', '', '各级均未应答', localTime(entry.at, ctx), '']);
      continue;
    }
    const step = move.to;
    rows.push([
      `第${step.round}轮第${step.level}级`,
      ROLE_LABELS[step.role],
      step.recipients.map((r) => `${r.name}${r.unreachable ? '(短信无法送达)' : ''}`).join('、'),
      localTime(step.at, ctx),
      localTime(step.dueAt, ctx),
    ]);
  }
  return rows;
}

/** EM-1..EM-6: the emergency report of `view` (an emergency as its reader may see it). */
export function emergencyReport(view: ViewOf<'emergency'>, ctx: PrintContext): PrintDocument {
  const ack = view.chain.acknowledgement;
  const handovers = eventsOf(view, 'emergency.handover-offered', 'emergency.handover-accepted').map((e) => {
    const to = e.data.to as { name?: string } | undefined;
    const what =
      e.type === 'emergency.handover-offered' ? `交接给 ${to?.name ?? ''}` : `${text(e.data, 'name')} 接手`;
    return [localTime(e.at, ctx), what, actorName(ctx, e.actor)];
  });
  const reports = eventsOf(view, 'emergency.reported').map((e) => [
    localTime(e.at, ctx),
    text(e.data, 'name'),
    text(e.data, 'text'),
  ]);
  return {
    title: '紧急或重大事情呈报单',
    parkName: ctx.parkName,
    number: view.number ?? view.id,
    sections: [
      {
        heading: '事件(EM-1)',
        fields: [
          { label: '类别', value: `(${CATEGORY_LETTERS[view.category]}) ${CATEGORY_LABELS[view.category]}` },
          { label: '状态', value: EMERGENCY_STATUS_LABELS[view.status] ?? view.status },
          { label: '地点', value: view.location, wide: true },
          { label: '经过', value: view.description, wide: true },
          { label: '报告人', value: view.caller ? person(view.caller.name, view.caller.phone) : '' },
          { label: '立项时间', value: localTime(view.createdAt, ctx) },
          { label: '立项人', value: actorName(ctx, view.createdBy) },
          {
            label: '负责人(EM-4)',
            value: `${view.owner.name}${view.owner.acceptedAt ? `(${localTime(view.owner.acceptedAt, ctx)}接手)` : '(待接手)'}`,
          },
        ],
      },
      {
        heading: '逐级通知(EM-2)',
        table: { headers: ['级别', '职务', '通知对象', '通知时间', '等待至'], rows: chainRows(view, ctx) },
      },
      {
        fields: [
          { label: '确认人', value: ack?.name ?? '' },
          { label: '确认时间', value: localTime(ack?.at, ctx) },
          { label: '确认方式', value: ack ? VIA_LABELS[ack.via] : '' },
          { label: '说明', value: ack?.note ?? '' },
        ],
      },
      {
        heading: '责任人员到场(EM-3)',
        table: {
          headers: ['姓名', '职务', '到场时间', '汇报次数'],
          rows: view.responders.map((r) => [
            r.name,
            ROLE_LABELS[r.role],
            localTime(r.onSceneAt, ctx),
            String(r.reports),
          ]),
        },
      },
      { heading: '现场汇报', table: { headers: ['时间', '汇报人', '内容'], rows: reports } },
      ...(handovers.length
        ? [{ heading: '交接(EM-4)', table: { headers: ['时间', '事项', '经办人'], rows: handovers } }]
        : []),
      {
        heading: '领导指示(EM-5,件件立项)',
        table: {
          headers: ['编号', '指示人', '执行人', '内容', '时限', '状态', '结果'],
          rows: view.instructions.map((i) => [
            String(i.number),
            i.from,
            i.to.name,
            i.text,
            localTime(i.dueAt, ctx),
            INSTRUCTION_STATE_LABELS[i.state],
            i.result ?? i.closeNote ?? '',
          ]),
        },
      },
      {
        heading: '销项(EM-6)',
        fields: [
          { label: '签字同意', value: view.signOff?.name ?? '' },
          { label: '签字时间', value: localTime(view.signOff?.at, ctx) },
          { label: '意见', value: view.signOff?.comment ?? '', wide: true },
          { label: '销项时间', value: localTime(eventsOf(view, 'emergency.closed').at(-1)?.at, ctx) },
        ],
      },
    ],
    signatures: ['调度员(值班人员)', '管理处负责人(同意销项)'],
    printedAt: printedAt(ctx),
  };
}
