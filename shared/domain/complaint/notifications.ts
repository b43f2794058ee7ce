/**
 * Who is texted about a complaint, and what the Chinese SMS says: the report sheet to the
 * department (CH-4), the order to stop harm (CH-8), routing to a supervisor or the director
 * (CH-5), the desk's follow-up reminder (DS-4), and every missed deadline to the person who must
 * act and up the chain. Whoever is asked to sign or to report the work done gets their own link
 * (ADR 012) and a text of two segments with it; the rest fit one. Pure: the stream consumer turns
 * these into sends.
 */
import type { AckLinkPurpose } from '../ack-link';
import type { Park, Role, StaffMember } from '../park';
import { DEPARTMENT_LABELS, firstHolders } from '../park';
import { deskOnShift } from '../shift';
import type { Notification, SmsPart } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, polite, reference } from '../sms';
import { addMinutes, chineseShort } from '../time';
import { isAccused } from './conflict';
import type { ComplaintEvent, ComplaintTicket, ComplaintTimer } from './model';
import { COMPLAINT_TIMERS as T } from './model';
import { departmentHeads, openAckSteps, ROUTING_ROLES } from './signatures';

/** Fallback chains: the first role that has anybody in the directory is texted. */
export const COMPLAINT_CHAINS = {
  supervisor: ROUTING_ROLES.supervisor,
  officeManager: ['office-manager', 'office-director'],
  director: ROUTING_ROLES.director,
  deputyGm: ['deputy-gm', 'gm'],
  customerServiceLead: ['customer-service-lead', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;

type Who = 'desk' | 'heads' | keyof typeof COMPLAINT_CHAINS;

/**
 * How long a complaint's links work: CH-7's longest time to resolve (a major complaint, 10 days),
 * so the report sheet's link still reports the work done at the end.
 */
export const COMPLAINT_LINK_DAYS = 10;

/**
 * What a missed clock says, and to whom: the person who must act first, then up the chain.
 * `act`: the people among them who can do what is owed themselves, with the link that does it
 * and the words that ask for it (the others are asked to follow up, 跟进, or press on, 督办).
 */
interface MissText {
  to: readonly Who[];
  body: (no: string, dept: string) => string;
  ask: string;
  act?: { who: 'heads'; purpose: (ticket: ComplaintTicket) => AckLinkPurpose; ask: string };
}

/** The department reports the work done: with the report sheet's link while that is unsigned. */
const resolveLink = (ticket: ComplaintTicket): AckLinkPurpose =>
  openAckSteps(ticket).includes('report-sheet') ? 'report-sheet' : 'resolve';
const RESOLVE = { who: 'heads', purpose: resolveLink, ask: ',处理完毕请点:' } as const;

/** CH-4, CH-5, CH-6, CH-7, CH-8: each missed deadline's text and its people, first who must act. */
export const MISS_TEXTS: Record<
  Exclude<ComplaintTimer, typeof T.followUp | typeof T.oneMonth | typeof T.followUpEod>,
  MissText
> = {
  [T.grade]: {
    to: ['desk', 'customerServiceLead'],
    body: (no) => `投诉${no}受理10分钟未定性呈报:`,
    ask: ',请即处理。',
  },
  [T.gradeL2]: { to: ['supervisor'], body: (no) => `投诉${no}受理20分钟仍未呈报:`, ask: ',请督办。' },
  [T.handoff]: {
    to: ['desk', 'heads'],
    body: (no, dept) => `投诉呈报单${no}已10分钟未签收(${dept}):`,
    ask: ',请跟进。',
    act: { who: 'heads', purpose: () => 'report-sheet', ask: ',请即签收:' },
  },
  [T.handoffL2]: {
    to: ['supervisor'],
    body: (no, dept) => `投诉呈报单${no}已20分钟仍未签收(${dept}):`,
    ask: ',请督办。',
  },
  [T.harm]: {
    to: ['desk', 'heads'],
    body: (no, dept) => `紧急!投诉${no}止损10分钟未确认(${dept}):`,
    ask: ',请跟进。',
    act: { who: 'heads', purpose: () => 'stop-harm', ask: ',止损后请点:' },
  },
  [T.harmL2]: {
    to: ['supervisor'],
    body: (no, dept) => `紧急!投诉${no}止损20分钟仍未确认(${dept}):`,
    ask: ',请督办。',
  },
  [T.supervisor]: {
    to: ['officeManager'],
    body: (no) => `重要投诉${no}已30分钟未获主管签收:`,
    ask: ',请督办。',
  },
  [T.supervisorL2]: {
    to: ['deputyGm'],
    body: (no) => `重要投诉${no}已1小时仍未获主管签收:`,
    ask: ',请督办。',
  },
  [T.director]: { to: ['officeManager'], body: (no) => `重大投诉${no}当日未获主任签收:`, ask: ',请督办。' },
  [T.directorL2]: { to: ['deputyGm'], body: (no) => `重大投诉${no}次日仍未获主任签收:`, ask: ',请督办。' },
  [T.resolveMinor]: {
    to: ['heads', 'supervisor'],
    body: (no, dept) => `轻微投诉${no}超2天未解决(${dept}):`,
    ask: ',请督办。',
    act: RESOLVE,
  },
  [T.resolveByResident]: {
    to: ['heads', 'supervisor'],
    body: (no, dept) => `轻微投诉${no}超业主要求期限未解决(${dept}):`,
    ask: ',请督办。',
    act: RESOLVE,
  },
  [T.resolveImportant]: {
    to: ['heads', 'officeManager'],
    body: (no, dept) => `重要投诉${no}超3天未处置完毕(${dept}):`,
    ask: ',请督办。',
    act: RESOLVE,
  },
  [T.replyMajor]: {
    to: ['director', 'deputyGm'],
    body: (no) => `重大投诉${no}已2天未明确答复业主:`,
    ask: ',请督办。',
  },
  [T.resolveMajor]: {
    to: ['director', 'deputyGm'],
    body: (no, dept) => `重大投诉${no}超10天未解决(${dept}):`,
    ask: ',请督办。',
  },
  [T.callback]: {
    to: ['customerServiceLead'],
    body: (no) => `投诉${no}已处理,当日未回访业主:`,
    ask: ',请即回访。',
  },
};

/** DS-5 at closing time, by what is missing. */
const EOD_TEXTS = {
  both: (no: string) => `投诉${no}下班前未二次跟进且未安排处理:`,
  arranged: (no: string, dept: string) => `投诉${no}至下班仍未处理或安排(${dept}):`,
  followUp: (no: string) => `投诉${no}下班前未做第二次跟进:`,
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
  const what = freeText(ticket.description);
  const at = new Date(event.at);
  const by = (time: string | undefined) => (time ? chineseShort(new Date(time), park.timeZone) : '');
  const expiresAt = addMinutes(at, COMPLAINT_LINK_DAYS * 24 * 60).toISOString();

  // Never the person complained about: the next holder in line is asked instead (CH-4, CH-5).
  const others = staff.filter((s) => s.id !== ticket.about?.staffId);
  const people = (who: Who): StaffMember[] => {
    if (who === 'desk') return deskOnShift(at, park, others);
    if (who === 'heads') return departmentHeads(ticket, staff);
    return firstHolders(others, COMPLAINT_CHAINS[who]);
  };
  /** One text to everyone of `whom`, once each; `link`: each gets their own link to act. */
  const send = (
    whom: readonly Who[],
    parts: readonly SmsPart[],
    purpose: string,
    link?: AckLinkPurpose,
    skip: ReadonlySet<string> = new Set(),
  ): Notification[] => {
    const seen = new Set<string>(skip);
    const text = fitSms(sig, parts, link ? LINK_SMS_ROOM : undefined);
    return whom
      .flatMap(people)
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .map((to) => ({ to, text, purpose, ...(link ? { link: { purpose: link, expiresAt } } : {}) }));
  };
  /** The register number: a reference a link text may drop (the link's page shows it). */
  const ref = reference(no);

  /** The report sheet, the stop-harm order and the routing, sent when the complaint is handed off. */
  const handoff = (): Notification[] => [
    ...send(
      ['heads'],
      ['投诉呈报单', ref, `(${dept}):${ticket.place} `, what, ',', polite('请'), '签收:'],
      'report-sheet',
      'report-sheet',
    ),
    ...(ticket.ongoingHarm
      ? send(
          ['heads'],
          ['紧急!投诉', ref, `正在造成损害:${ticket.place} `, what, '。请先止损再处理,止损后点:'],
          'stop-harm',
          'stop-harm',
        )
      : []),
    ...(ticket.valid && ticket.severity === 'important'
      ? send(
          ['supervisor'],
          [
            '重要投诉',
            ref,
            `(${dept}):`,
            what,
            ',',
            polite('请'),
            `${by(ticket.timers[T.supervisor]?.dueAt)}前签收:`,
          ],
          'supervisor',
          'supervisor',
        )
      : []),
    ...(ticket.valid && ticket.severity === 'major'
      ? send(
          ['director'],
          [
            '重大投诉',
            ref,
            `(${dept}):`,
            what,
            ',',
            polite('请'),
            `${by(ticket.timers[T.director]?.dueAt)}前签收处置:`,
          ],
          'director',
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
        [`${atDesk ? '' : '电话'}投诉${no}待定性:`, what, ',请10分钟内定性呈报。'],
        'received',
      );
    }
    case 'complaint.graded':
      return handoff();
    case 'complaint.resolved':
      // CH-6: the supervisor is told; the callback is due by closing, the next one when done after hours.
      return send(
        ['supervisor'],
        [`投诉${no}已处理完毕(${dept}):`, what, `,请${by(ticket.timers[T.callback]?.dueAt)}前回访业主。`],
        'resolved',
      );
    case 'complaint.reopened':
      // CH-6 dissatisfied: the case is back with the department that handles it (CH-1: a repeat),
      // which reports it done again through its link.
      return send(
        ['heads'],
        ['投诉', ref, `回访业主不满意,退回重新处理(${dept}):${ticket.place} `, what, '。处理完毕请点:'],
        'reopened',
        resolveLink(ticket),
      );
    case 'complaint.reminded':
      // DS-4: the desk on shift (篇4 2) is reminded to follow up.
      return send(['desk'], [`投诉${no}已呈报2小时,请跟进进度并记录:`, what], event.data.timer);
    case 'complaint.severity-raised': {
      // CH-1: the one who signs for a major complaint gets the link; the office manager is told.
      const head = `投诉${no}受理满一个月未解决,升为重大投诉:`;
      const due = by(ticket.timers[T.director]?.dueAt);
      const signers = send(['director'], [head, what, `,请${due}前签收:`], event.data.timer, 'director');
      const told = new Set(signers.map((n) => n.to.id));
      return [
        ...signers,
        ...send(
          ['officeManager'],
          [head, what, `,须${due}前签收,请督办。`],
          event.data.timer,
          undefined,
          told,
        ),
      ];
    }
    case 'complaint.escalated': {
      const { timer } = event.data;
      if (timer === T.followUpEod) {
        const reasons = event.data.reasons ?? [];
        const head =
          reasons.length > 1
            ? EOD_TEXTS.both(no)
            : reasons.includes('nothing-arranged')
              ? EOD_TEXTS.arranged(no, dept)
              : EOD_TEXTS.followUp(no);
        return send(['officeManager'], [head, what, ',请督办。'], timer);
      }
      if (timer === T.followUp || timer === T.oneMonth) return [];
      const miss = MISS_TEXTS[timer];
      const head = miss.body(no, dept);
      // Whoever can do what is owed gets the link for it; the rest are asked to follow up.
      const actors = miss.act
        ? send(
            miss.to.filter((w) => w === miss.act?.who),
            [head, what, miss.act.ask],
            timer,
            miss.act.purpose(ticket),
          )
        : [];
      const acting = new Set(actors.map((n) => n.to.id));
      const rest = send(miss.to, [head, what, miss.ask], timer, undefined, acting);
      // In the order of `to`: who must act first.
      const order = miss.to.flatMap(people).map((p) => p.id);
      return [...actors, ...rest].sort((a, b) => order.indexOf(a.to.id) - order.indexOf(b.to.id));
    }
    default:
      return [];
  }
}
