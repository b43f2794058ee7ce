/**
 * Who is texted about a complaint, and what the one-segment Chinese SMS says: the report sheet to
 * the department (CH-4), the order to stop harm (CH-8), routing to a supervisor or the director
 * (CH-5), the desk's follow-up reminder (DS-4), and every missed deadline to the person who must
 * act and up the chain. Pure: the stream consumer turns these into sends.
 */
import type { Park, Role, StaffMember } from '../park';
import { DEPARTMENT_LABELS, firstHolders } from '../park';
import { deskOnShift } from '../shift';
import type { Notification } from '../sms';
import { fitSms } from '../sms';
import { chineseShort } from '../time';
import { isAccused } from './conflict';
import type { ComplaintEvent, ComplaintTicket, ComplaintTimer } from './model';
import { COMPLAINT_TIMERS as T } from './model';
import { departmentHeads, ROUTING_ROLES } from './signatures';

/** Fallback chains: the first role that has anybody in the directory is texted. */
export const COMPLAINT_CHAINS = {
  supervisor: ROUTING_ROLES.supervisor,
  officeManager: ['office-manager', 'office-director'],
  director: ROUTING_ROLES.director,
  deputyGm: ['deputy-gm', 'gm'],
  customerServiceLead: ['customer-service-lead', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

type Who = 'desk' | 'heads' | keyof typeof COMPLAINT_CHAINS;

/** What a missed clock says, and to whom: the person who must act first, then up the chain. */
interface MissText {
  to: readonly Who[];
  body: (no: string, dept: string, d: string) => string;
}

/** CH-4, CH-5, CH-6, CH-7, CH-8: each missed deadline's text and its people, first who must act. */
export const MISS_TEXTS: Record<
  Exclude<ComplaintTimer, typeof T.followUp | typeof T.oneMonth | typeof T.followUpEod>,
  MissText
> = {
  [T.grade]: {
    to: ['desk', 'customerServiceLead'],
    body: (no, _, d) => `投诉${no}受理10分钟未定性呈报:${d},请即处理。`,
  },
  [T.gradeL2]: { to: ['supervisor'], body: (no, _, d) => `投诉${no}受理20分钟仍未呈报:${d},请督办。` },
  [T.handoff]: {
    to: ['desk', 'heads'],
    body: (no, dept, d) => `投诉呈报单${no}已10分钟未签收(${dept}):${d},请跟进。`,
  },
  [T.handoffL2]: {
    to: ['supervisor'],
    body: (no, dept, d) => `投诉呈报单${no}已20分钟仍未签收(${dept}):${d},请督办。`,
  },
  [T.harm]: {
    to: ['desk', 'heads'],
    body: (no, dept, d) => `紧急!投诉${no}止损10分钟未确认(${dept}):${d},请跟进。`,
  },
  [T.harmL2]: {
    to: ['supervisor'],
    body: (no, dept, d) => `紧急!投诉${no}止损20分钟仍未确认(${dept}):${d},请督办。`,
  },
  [T.supervisor]: {
    to: ['officeManager'],
    body: (no, _, d) => `重要投诉${no}已30分钟未获主管签收:${d},请督办。`,
  },
  [T.supervisorL2]: {
    to: ['deputyGm'],
    body: (no, _, d) => `重要投诉${no}已1小时仍未获主管签收:${d},请督办。`,
  },
  [T.director]: { to: ['officeManager'], body: (no, _, d) => `重大投诉${no}当日未获主任签收:${d},请督办。` },
  [T.directorL2]: { to: ['deputyGm'], body: (no, _, d) => `重大投诉${no}次日仍未获主任签收:${d},请督办。` },
  [T.resolveMinor]: {
    to: ['heads', 'supervisor'],
    body: (no, dept, d) => `轻微投诉${no}超2天未解决(${dept}):${d},请督办。`,
  },
  [T.resolveByResident]: {
    to: ['heads', 'supervisor'],
    body: (no, dept, d) => `轻微投诉${no}超业主要求期限未解决(${dept}):${d},请督办。`,
  },
  [T.resolveImportant]: {
    to: ['heads', 'officeManager'],
    body: (no, dept, d) => `重要投诉${no}超3天未处置完毕(${dept}):${d},请督办。`,
  },
  [T.replyMajor]: {
    to: ['director', 'deputyGm'],
    body: (no, _, d) => `重大投诉${no}已2天未明确答复业主:${d},请督办。`,
  },
  [T.resolveMajor]: {
    to: ['director', 'deputyGm'],
    body: (no, dept, d) => `重大投诉${no}超10天未解决(${dept}):${d},请督办。`,
  },
  [T.callback]: {
    to: ['customerServiceLead'],
    body: (no, _, d) => `投诉${no}已处理,当日未回访业主:${d},请即回访。`,
  },
};

/** DS-5 at closing time, by what is missing. */
const EOD_TEXTS = {
  both: (no: string, d: string) => `投诉${no}下班前未二次跟进且未安排处理:${d},请督办。`,
  arranged: (no: string, dept: string, d: string) => `投诉${no}至下班仍未处理或安排(${dept}):${d},请督办。`,
  followUp: (no: string, d: string) => `投诉${no}下班前未做第二次跟进:${d},请督办。`,
};

/** Who gets which SMS for an event of a complaint. */
export function complaintNotifications(
  event: ComplaintEvent,
  ticket: ComplaintTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  const sig = park.smsSignature;
  const no = ticket.number ?? '';
  const dept = ticket.about ? DEPARTMENT_LABELS[ticket.about.department] : '未定部门';
  const what = ticket.description;
  const where = `${ticket.place} ${ticket.description}`;
  const at = new Date(event.at);
  const by = (time: string | undefined) => (time ? chineseShort(new Date(time), park.timeZone) : '');

  // Never the person complained about: the next holder in line is asked instead (CH-4, CH-5).
  const others = staff.filter((s) => s.id !== ticket.about?.staffId);
  const people = (who: Who): StaffMember[] => {
    if (who === 'desk') return deskOnShift(at, park, others);
    if (who === 'heads') return departmentHeads(ticket, staff);
    return firstHolders(others, COMPLAINT_CHAINS[who]);
  };
  const send = (whom: readonly Who[], text: string, purpose: string): Notification[] => {
    const seen = new Set<string>();
    return whom
      .flatMap(people)
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .map((to) => ({ to, text, purpose }));
  };

  /** The report sheet, the stop-harm order and the routing, sent when the complaint is handed off. */
  const handoff = (): Notification[] => [
    ...send(
      ['heads'],
      fitSms(sig, (d) => `投诉呈报单${no}(${dept}):${d},请签收。`, where),
      'report-sheet',
    ),
    ...(ticket.ongoingHarm
      ? send(
          ['heads'],
          fitSms(sig, (d) => `紧急!投诉${no}正在造成损害,请先止损再处理:${d}`, where),
          'stop-harm',
        )
      : []),
    ...(ticket.valid && ticket.severity === 'important'
      ? send(
          ['supervisor'],
          fitSms(
            sig,
            (d) => `重要投诉${no}(${dept}):${d},请${by(ticket.timers[T.supervisor]?.dueAt)}前签收。`,
            what,
          ),
          'supervisor',
        )
      : []),
    ...(ticket.valid && ticket.severity === 'major'
      ? send(
          ['director'],
          fitSms(
            sig,
            (d) => `重大投诉${no}(${dept}):${d},请${by(ticket.timers[T.director]?.dueAt)}前签收处置。`,
            what,
          ),
          'director',
        )
      : []),
  ];

  switch (event.type) {
    case 'complaint.opened': {
      if (event.data.valid !== undefined) return handoff();
      // A complaint from the phone waits for the desk; one typed at the desk is already in front of
      // it — unless the one who typed it is the one it is about: the next at the desk grades it.
      const atDesk = !ticket.source || ticket.source.channel === 'desk';
      if (atDesk && !isAccused(ticket, event.actor.staffId)) return [];
      return send(
        ['desk'],
        fitSms(sig, (d) => `${atDesk ? '' : '电话'}投诉${no}待定性:${d},请10分钟内定性呈报。`, what),
        'received',
      );
    }
    case 'complaint.graded':
      return handoff();
    case 'complaint.resolved':
      // CH-6: the supervisor is told; the callback is due by closing, the next one when done after hours.
      return send(
        ['supervisor'],
        fitSms(
          sig,
          (d) => `投诉${no}已处理完毕(${dept}):${d},请${by(ticket.timers[T.callback]?.dueAt)}前回访业主。`,
          what,
        ),
        'resolved',
      );
    case 'complaint.reopened':
      // CH-6 dissatisfied: the case is back with the department that handles it (CH-1: a repeat).
      return send(
        ['heads'],
        fitSms(sig, (d) => `投诉${no}回访业主不满意,退回重新处理(${dept}):${d},请跟进。`, where),
        'reopened',
      );
    case 'complaint.reminded':
      // DS-4: the desk on shift (篇4 2) is reminded to follow up.
      return send(
        ['desk'],
        fitSms(sig, (d) => `投诉${no}已呈报2小时,请跟进进度并记录:${d}`, what),
        event.data.timer,
      );
    case 'complaint.severity-raised':
      return send(
        ['director', 'officeManager'],
        fitSms(
          sig,
          (d) =>
            `投诉${no}受理满一个月未解决,升为重大投诉:${d},请${by(ticket.timers[T.director]?.dueAt)}前签收。`,
          what,
        ),
        event.data.timer,
      );
    case 'complaint.escalated': {
      const { timer } = event.data;
      if (timer === T.followUpEod) {
        const reasons = event.data.reasons ?? [];
        const body =
          reasons.length > 1
            ? (d: string) => EOD_TEXTS.both(no, d)
            : reasons.includes('nothing-arranged')
              ? (d: string) => EOD_TEXTS.arranged(no, dept, d)
              : (d: string) => EOD_TEXTS.followUp(no, d);
        return send(['officeManager'], fitSms(sig, body, what), timer);
      }
      if (timer === T.followUp || timer === T.oneMonth) return [];
      const miss = MISS_TEXTS[timer];
      return send(
        miss.to,
        fitSms(sig, (d) => miss.body(no, dept, d), what),
        timer,
      );
    }
    default:
      return [];
  }
}
