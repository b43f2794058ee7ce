/**
 * Who is texted about a complaint, and what the Chinese SMS says: the report sheet to the
 * department (CH-4), the order to stop harm (CH-8), routing to a supervisor or the director
 * (CH-5), the desk's follow-up reminder (DS-4), and every missed deadline to the person who must
 * act and up the chain. Whoever is asked to sign or to report the work done gets their own link
 * (ADR 012) and a text of two segments with it; the rest fit one. Pure: the stream consumer turns
 * these into sends.
 */
import type { AckLinkPurpose } from '../ack-link';
import type { Park, StaffMember } from '../park';
import { DEPARTMENT_LABELS, firstHolders } from '../park';
import { deskOnShift } from '../shift';
import type { Notification, SmsPart } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, polite, reference } from '../sms';
import { addMinutes, chineseShort } from '../time';
import { isAccused } from './conflict';
import type { AckStep, ComplaintEvent, ComplaintTicket } from './model';
import { ACK_STEPS, COMPLAINT_TIMERS as T, ESCALATION_LADDER } from './model';
import {
  COMPLAINT_CHAINS,
  COMPLAINT_LINK_DAYS,
  EOD_TEXTS,
  isMissed,
  ladderIndex,
  MISS_TEXTS,
  OWED_BY,
  OWED_LABELS,
  PREVIOUS_RUNG,
  resolveLink,
  type Who,
} from './miss-texts';
import { departmentHeads, openAckSteps } from './signatures';

export { COMPLAINT_CHAINS, COMPLAINT_LINK_DAYS, MISS_TEXTS } from './miss-texts';

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
  /**
   * ADR 016: a level of the ladder whose people are all `passBy` (who just missed it, who owes it)
   * is passed to the next level up that has someone else.
   */
  const reach = (who: Who, passBy: ReadonlySet<string>): StaffMember[] => {
    const from = ladderIndex(who);
    if (from < 0 || passBy.size === 0) return people(who);
    for (const level of ESCALATION_LADDER.slice(from)) {
      const found = people(level).filter((p) => !passBy.has(p.id));
      if (found.length > 0) return found;
    }
    return [];
  };
  /** One text to everyone of `whom`, once each; `link`: each gets their own link to act. */
  const send = (
    whom: readonly Who[],
    parts: readonly SmsPart[],
    purpose: string,
    link?: AckLinkPurpose,
    skip: ReadonlySet<string> = new Set(),
    passBy: ReadonlySet<string> = new Set(),
  ): Notification[] => {
    const seen = new Set<string>(skip);
    const text = fitSms(sig, parts, link ? LINK_SMS_ROOM : undefined);
    return whom
      .flatMap((w) => reach(w, passBy))
      .filter((s) => !seen.has(s.id) && seen.add(s.id))
      .map((to) => ({ to, text, purpose, ...(link ? { link: { purpose: link, expiresAt } } : {}) }));
  };
  /** The register number: a reference a link text may drop (the link's page shows it). */
  const ref = reference(no);

  /**
   * The report sheet, the stop-harm order and the routing, sent when the complaint is handed off
   * (`steps`: only these, for a regrade).
   */
  const handoff = (steps: ReadonlySet<AckStep> = new Set(ACK_STEPS)): Notification[] => [
    ...(steps.has('report-sheet')
      ? send(
          ['heads'],
          ['投诉呈报单', ref, `(${dept}):${ticket.place} `, what, ',', polite('请'), '签收:'],
          'report-sheet',
          'report-sheet',
        )
      : []),
    ...(ticket.ongoingHarm && steps.has('stop-harm')
      ? send(
          ['heads'],
          ['紧急!投诉', ref, `正在造成损害:${ticket.place} `, what, '。请先止损再处理,止损后点:'],
          'stop-harm',
          'stop-harm',
        )
      : []),
    ...(ticket.valid && ticket.severity === 'important' && steps.has('supervisor')
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
    ...(ticket.valid && ticket.severity === 'major' && steps.has('director')
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
      // which reports it done again through its link; the third time raised it is major (the director).
      return [
        ...send(
          ['heads'],
          ['投诉', ref, `回访业主不满意,退回重新处理(${dept}):${ticket.place} `, what, '。处理完毕请点:'],
          'reopened',
          resolveLink(ticket),
        ),
        ...(event.data.raisedFrom ? handoff(new Set<AckStep>(['director'])) : []),
      ];
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
    case 'complaint.still-overdue': {
      // ADR 016: still owed at a working day's opening: the next level up, to press on.
      const { day, owed, level, timer } = event.data;
      const owes = owed.map((o) => OWED_LABELS[o]).join('、');
      const owedBy = new Set(owed.flatMap((o) => (OWED_BY[o] ? people(OWED_BY[o]) : [])).map((p) => p.id));
      return send(
        [level],
        [`投诉${no}逾期第${day}个工作日仍未${owes}(${dept}):`, what, ',请督办。'],
        timer,
        undefined,
        new Set(),
        owedBy,
      );
    }
    case 'complaint.regraded': {
      // ADR 016: moved, the new department's head signs for the report sheet (with the routing);
      // regraded in place, whoever a new signature now asks for is asked.
      const { before, moved } = event.data;
      const had = (step: AckStep) =>
        step === 'report-sheet' || step === 'stop-harm'
          ? true
          : before.valid === true &&
            (step === 'supervisor' ? before.severity === 'important' : before.severity === 'major');
      const open = openAckSteps(ticket).filter((step) => moved || !had(step));
      return handoff(new Set(open));
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
      if (!isMissed(timer)) return [];
      const miss = MISS_TEXTS[timer];
      const head = miss.body(no, dept);
      // ADR 016 (item 11): never back to who just missed it or owes it: the next level up instead.
      const owedBy = OWED_BY[event.data.owes];
      const previous = PREVIOUS_RUNG[timer];
      const passBy = new Set(
        [...(owedBy ? people(owedBy) : []), ...(previous ? MISS_TEXTS[previous].to.flatMap(people) : [])].map(
          (p) => p.id,
        ),
      );
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
      const rest = send(miss.to, [head, what, miss.ask], timer, undefined, acting, passBy);
      // In the order of `to`: who must act first.
      const order = miss.to.flatMap((w) => reach(w, passBy)).map((p) => p.id);
      return [...actors, ...rest].sort((a, b) => order.indexOf(a.to.id) - order.indexOf(b.to.id));
    }
    default:
      return [];
  }
}
