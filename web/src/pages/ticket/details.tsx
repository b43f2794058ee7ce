/**
 * 工单详情's facts panel: what each kind of ticket has, in the office's words. The API's `Ticket`
 * is typed only in its common fields (docs/openapi.json); the kind's own fields are read here as
 * shared/domain/<kind>/model.ts keeps them, defensively. A field a ticket does not have is left
 * out — never shown empty — so a key request is not a repair with blanks.
 */
import { Descriptions, type DescriptionsProps, Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Ticket } from '../../api/client';
import { DEPARTMENT, SEVERITY, STATUS } from '../../labels';
import { followLink } from '../../router';
import { parkTime } from '../../time';
import { MOVE_IN_STEPS, type MoveInTicket, moveInProgress, REQUESTER, STEP } from '../keys/model';

type Item = NonNullable<DescriptionsProps['items']>[number];
type Fields = Ticket & Record<string, unknown>;
type Person = { name?: string; phone?: string; unit?: string; masked?: boolean };

/** A field, or nothing when the ticket has no value for it. */
function field(label: string, value: ReactNode, span?: Item['span']): Item | undefined {
  if (value === undefined || value === null || value === '' || value === false) return undefined;
  return { key: label, label, children: value, ...(span ? { span } : {}) };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);
const time = (v: unknown): string | undefined => (text(v) ? parkTime(String(v)) : undefined);
const person = (p: Person | undefined): string | undefined =>
  p?.name ? [p.name, p.phone].filter(Boolean).join(' ') : undefined;

function TicketLink({ id, number }: { id: string; number?: string }) {
  return (
    <a href={`/ticket/${encodeURIComponent(id)}`} onClick={followLink}>
      {number || '(无单号)'}
    </a>
  );
}

// 报修 (RP-1..RP-5).

const DECISION: Record<string, string> = { dispatch: '派工', appointment: '预约上门', decline: '不予维修' };

function repairItems(t: Fields): (Item | undefined)[] {
  const paid = t.paidService as { fee?: number; consent?: boolean } | undefined;
  const slip = t.serviceSlip as { number?: string; signedBy?: string } | undefined;
  const moveIn = t.moveIn as { ticketId: string; number?: string } | undefined;
  const reopens = Array.isArray(t.reopens) ? t.reopens.length : 0;
  return [
    field('来电人', person(t.caller)),
    field('房号', t.caller?.unit),
    field('情况', text(t.description)),
    field('地点', text(t.location)),
    field('期望上门', time(t.wantedAt)),
    // RP-2's outcome: absent while the repair is only received.
    field('处理决定', t.decision ? (DECISION[String(t.decision)] ?? String(t.decision)) : undefined),
    field('预约时间', time(t.appointmentAt)),
    field('不予维修原因', text(t.declineReason)),
    // RP-4: the fee told to the resident and whether they agreed.
    field(
      '有偿服务',
      paid ? `${paid.fee ?? ''} 元,${paid.consent ? '业户已同意付费' : '业户未同意'}` : undefined,
    ),
    field('处理人', text(t.assigneeName) ?? t.assigneeId),
    field('完工期限', time(t.completeBy)),
    field('服务单', slip?.number ? `${slip.number}(${slip.signedBy ?? ''}签字)` : undefined),
    field('验房来源', moveIn ? <TicketLink id={moveIn.ticketId} number={moveIn.number} /> : undefined),
    field('返修次数', reopens ? String(reopens) : undefined),
    field('取消原因', text(t.cancelReason)),
  ];
}

// 投诉 (CH-1..CH-6).

const VIA: Record<string, string> = { phone: '电话', 'in-person': '当面', 'service-slip': '服务单' };
const CALLBACK: Record<string, string> = {
  satisfied: '满意',
  dissatisfied: '不满意',
  unreachable: '联系不上',
};

function complaintItems(t: Fields): (Item | undefined)[] {
  const caller = t.caller as Person | undefined;
  const about = t.about as { department?: string; staffName?: string; staffId?: string } | undefined;
  const resolution = t.resolution as
    | { at: string; confirmedBy?: string; via?: string; note?: string }
    | undefined;
  const callback = t.callback as { at: string; outcome?: string; note?: string } | undefined;
  const repeatOf = Array.isArray(t.repeatOf) ? (t.repeatOf as { id: string; number?: string }[]) : [];
  const severity = text(t.severity);
  const raised = text(t.raisedFrom) ?? text(t.repeatRaisedFrom);
  return [
    // CH-3: the resident's contact as the API gives it to this reader (masked for most).
    field(
      '来电人',
      caller?.name ? (
        <>
          {person(caller)}
          {caller.masked ? <Tag style={{ marginLeft: 8 }}>已隐去</Tag> : null}
        </>
      ) : undefined,
    ),
    field('房号', caller?.unit),
    field('投诉内容', text(t.description)),
    field('发生地点', text(t.place)),
    field('发生时间', time(t.occurredAt)),
    field('业户诉求', text(t.demand)),
    field('业户要求期限', time(t.residentDeadline)),
    // CH-1/CH-2: absent until graded.
    field('定性', t.valid === undefined ? undefined : t.valid ? '有效投诉' : '无效投诉'),
    field(
      '等级',
      severity
        ? `${SEVERITY[severity] ?? severity}${raised ? `(由${SEVERITY[raised] ?? raised}升级)` : ''}`
        : undefined,
    ),
    field('责任部门', about?.department ? (DEPARTMENT[about.department] ?? about.department) : undefined),
    field('被投诉人', about?.staffName ?? about?.staffId),
    field('持续损害', t.ongoingHarm === true ? '是,须立即制止' : undefined),
    field(
      '此前投诉',
      repeatOf.length
        ? repeatOf.map((r, i) => (
            <span key={r.id}>
              {i ? '、' : ''}
              <TicketLink id={r.id} number={r.number} />
            </span>
          ))
        : undefined,
    ),
    field('跟进次数', typeof t.followUps === 'number' && t.followUps > 0 ? String(t.followUps) : undefined),
    field(
      '处理结果',
      resolution
        ? [
            resolution.note,
            resolution.confirmedBy && `${resolution.confirmedBy}确认`,
            VIA[resolution.via ?? ''],
          ]
            .filter(Boolean)
            .join(' · ')
        : undefined,
    ),
    field(
      '回访',
      callback
        ? [CALLBACK[callback.outcome ?? ''] ?? callback.outcome, callback.note, parkTime(callback.at)]
            .filter(Boolean)
            .join(' · ')
        : undefined,
    ),
  ];
}

// 紧急 (EM-1..EM-5).

const CATEGORY: Record<string, string> = {
  'public-safety': '公共安全事件',
  fire: '火警',
  accident: '人身交通事故',
  official: '紧急公务',
};

/** The roles EM-2's chain and EM-3's responders are named by. */
const ROLE: Record<string, string> = {
  'office-manager': '管理处经理',
  'deputy-gm': '分管副总',
  gm: '总经理',
  'security-manager': '保安部经理',
  'engineering-manager': '工程部经理',
  'security-captain': '保安队长',
  'elevator-lead': '电梯班长',
  'repair-lead': '维修班长',
  'security-shift-lead': '保安领班',
  supervisor: '主管',
  dispatcher: '调度员',
  'duty-officer': '值班人员',
};
const role = (r: unknown) => ROLE[String(r)] ?? String(r ?? '');

interface Chain {
  state?: 'running' | 'acknowledged' | 'exhausted';
  step?: { round: number; level: number; role?: string; recipients?: { name: string }[]; dueAt?: string };
  acknowledgement?: { name: string; at: string; round: number; level: number };
}

/** EM-2: where the chain stands — the level being texted, who confirmed it, or nobody left. */
function chainText(chain: Chain | undefined): string | undefined {
  if (!chain) return undefined;
  const ack = chain.acknowledgement;
  if (ack) return `第${ack.round}轮第${ack.level}级 ${ack.name} 已确认(${parkTime(ack.at)})`;
  if (chain.state === 'exhausted') return '已通知全部各级,无人确认';
  const step = chain.step;
  if (!step) return undefined;
  const who = (step.recipients ?? []).map((r) => r.name).join('、');
  return `第${step.round}轮第${step.level}级 ${role(step.role)}${who ? ` ${who}` : ''},等待确认${
    step.dueAt ? `(至 ${parkTime(step.dueAt)})` : ''
  }`;
}

function emergencyItems(t: Fields): (Item | undefined)[] {
  const owner = t.owner as { name?: string; how?: string } | undefined;
  const responders = Array.isArray(t.responders)
    ? (t.responders as { name: string; role?: string; onSceneAt?: string }[])
    : [];
  const instructions = Array.isArray(t.instructions) ? (t.instructions as { state?: string }[]) : [];
  const signOff = t.signOff as { name: string; at: string; comment?: string } | undefined;
  const open = instructions.filter((i) => i.state === 'open' || i.state === 'overdue').length;
  return [
    field('类别', text(t.category) ? (CATEGORY[String(t.category)] ?? String(t.category)) : undefined),
    field('情况', text(t.description)),
    field('地点', text(t.location)),
    field('报告人', person(t.caller)),
    // EM-4: the desk's owner of the case.
    field('负责人', owner?.name),
    field('逐级确认', chainText(t.chain as Chain | undefined)),
    field(
      '现场人员',
      responders.length
        ? responders
            .map(
              (r) => `${r.name}(${role(r.role)}${r.onSceneAt ? `,${parkTime(r.onSceneAt)}到场` : ',未到场'})`,
            )
            .join('、')
        : undefined,
      'filled',
    ),
    field('指示', instructions.length ? `${instructions.length} 条,未完成 ${open} 条` : undefined),
    field(
      '结案',
      signOff
        ? `${signOff.name} ${parkTime(signOff.at)}${signOff.comment ? ` · ${signOff.comment}` : ''}`
        : undefined,
    ),
  ];
}

// 钥匙 (KY-1..KY-4).

function keyItems(t: Fields): (Item | undefined)[] {
  const requester = t.requester as (Person & { type?: string }) | undefined;
  const key = t.key as
    | {
        tag?: string;
        label?: string;
        count?: number;
        unit?: string;
        area?: string;
        retention?: { agreementNo: string; ownerName: string };
      }
    | undefined;
  const verification = t.verification as { passed?: boolean; declinedBecause?: string } | undefined;
  const slip = t.slip as { number?: string; dueAt?: string; escortRequired?: boolean } | undefined;
  const handOut = t.handOut as
    | { guardName?: string; escortName?: string; since?: string; dueAt?: string }
    | undefined;
  const returned = t.returned as { at: string; receivedByName?: string; late?: boolean } | undefined;
  const cancelled = t.cancelled as { at: string; reason?: string } | undefined;
  return [
    field(
      '申请人',
      requester?.name
        ? `${requester.name}(${REQUESTER[requester.type ?? ''] ?? requester.type ?? ''}) ${requester.phone ?? ''}`.trim()
        : undefined,
    ),
    field('钥匙', key?.tag ? `${key.tag} ${key.label ?? ''}${key.count ? ` ×${key.count}` : ''}` : undefined),
    field('钥匙位置', key?.unit ?? key?.area),
    // MI-7: a set left under a retention agreement leaves only on the owner's word.
    field(
      '留存协议',
      key?.retention ? `${key.retention.agreementNo}(业主 ${key.retention.ownerName})` : undefined,
    ),
    field('事由', text(t.reason)),
    field(
      '核实',
      verification
        ? verification.passed
          ? '已通过'
          : `未通过${verification.declinedBecause ? `:${verification.declinedBecause}` : ''}`
        : undefined,
    ),
    field('领用条', slip?.number),
    field('须陪同看房', slip ? (slip.escortRequired ? '是' : '否') : undefined),
    field('领出', handOut?.guardName ? `${handOut.guardName} ${parkTime(handOut.since)}` : undefined),
    field('陪同保安', handOut?.escortName),
    field('应还时间', time(handOut?.dueAt ?? slip?.dueAt)),
    field(
      '归还',
      returned
        ? `${parkTime(returned.at)} ${returned.receivedByName ?? ''}收回${returned.late ? '(逾期)' : ''}`
        : undefined,
    ),
    field('取消', cancelled ? `${parkTime(cancelled.at)} ${cancelled.reason ?? ''}` : undefined),
  ];
}

// 入住 (MI-1..MI-8).

function moveInItems(t: Fields): (Item | undefined)[] {
  const m = t as MoveInTicket & { owner?: Person };
  const steps = m.steps ?? {};
  const progress = moveInProgress(m);
  return [
    field('房号', m.unit),
    field('业主', person(m.owner)),
    // Its own row, so the steps below always start one (a row of their own, whatever came before).
    field(
      '进度',
      <span data-testid="move-in-progress">
        已办 {progress.done}/{progress.total} 步(必办)
        {m.completed ? ` · ${parkTime(m.completed.at)} 办结` : ''}
      </span>,
      'filled',
    ),
    field(
      '步骤',
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {MOVE_IN_STEPS.map((s) => {
          const done = steps[s];
          return (
            <li key={s}>
              {STEP[s].rule} {STEP[s].title}:
              {done
                ? `${done.byName ?? done.by} ${parkTime(done.at)}`
                : STEP[s].mandatory
                  ? `待办(${STEP[s].by})`
                  : `可选(${STEP[s].by})`}
            </li>
          );
        })}
      </ul>,
      'filled',
    ),
    field(
      '验房报修',
      m.repairs?.length
        ? m.repairs.map((r, i) => (
            <span key={r.ticketId}>
              {i ? '、' : ''}
              <TicketLink id={r.ticketId} number={r.number} />
              {r.status ? `(${STATUS[r.status as keyof typeof STATUS] ?? r.status})` : ''}
            </span>
          ))
        : undefined,
      'filled',
    ),
  ];
}

const BY_KIND: Record<Ticket['kind'], (t: Fields) => (Item | undefined)[]> = {
  repair: repairItems,
  complaint: complaintItems,
  emergency: emergencyItems,
  key: keyItems,
  'move-in': moveInItems,
};

/** The panel's fields for `ticket`: its kind's, then when it was taken. */
export function detailItems(ticket: Ticket): Item[] {
  const fields = ticket as Fields;
  const items = [
    ...(BY_KIND[ticket.kind]?.(fields) ?? []),
    field('受理时间', parkTime(ticket.createdAt, true)),
  ];
  return items.filter((i): i is Item => i !== undefined);
}

export function TicketDetails({ ticket }: { ticket: Ticket }) {
  return (
    <Descriptions
      bordered
      size="small"
      // One column on an upright tablet (820 px), two from a landscape one or a laptop; labels on one line.
      column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 2 }}
      styles={{ label: { whiteSpace: 'nowrap' } }}
      data-testid="ticket-details"
      items={detailItems(ticket)}
    />
  );
}
