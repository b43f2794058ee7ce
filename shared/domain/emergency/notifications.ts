/**
 * Who gets which SMS for an emergency's events (EM-2..EM-5), in Chinese. Pure, like the
 * other kinds' SMS; an SMS that carries a personal link says so in `link`, and the effects consumer
 * signs the link and appends it (the key never enters the domain).
 *
 * Length: a text with a link is fitted to two segments with its link (sms.ts `LINK_SMS_ROOM`):
 * where, what and the core of the description stay, courtesy and the register number go first.
 * Texts without a link stay within one, but for a leader's instruction (EM-5), which goes out
 * whole.
 */
import { toWellFormed } from '../formats';
import type { Park, StaffMember } from '../park';
import { ROLE_LABELS } from '../park';
import type { LinkNotification, Notification, SmsPart } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, polite, reference } from '../sms';
import { addMinutes, chineseShort } from '../time';
import { ackPurpose } from './chain';
import { followThroughSms, missedLevelSms } from './follow-through';
import type {
  ChainMove,
  ChainPosition,
  ChainRecipient,
  ChainStep,
  EmergencyEvent,
  EmergencyTicket,
  Person,
} from './model';
import { CATEGORY_LABELS } from './model';

/** An SMS that ends in a personal link (now shared by every kind: sms.ts). */
export type { LinkNotification } from '../sms';
export { hasLink } from '../sms';

/** `紧急E20261128-001火警`, the number a reference a link text may drop. */
function headParts(ticket: EmergencyTicket): SmsPart[] {
  return ['紧急', reference(ticket.number ?? ''), CATEGORY_LABELS[ticket.category]];
}

function head(ticket: EmergencyTicket): string {
  return `紧急${ticket.number ?? ''}${CATEGORY_LABELS[ticket.category]}`;
}

function find(staff: readonly StaffMember[], staffId: string): StaffMember | undefined {
  return staff.find((s) => s.id === staffId);
}

/** Somebody acknowledged, or the case is closed: the chain's requests and its "unanswered" call stop. */
function chainAnswered(ticket: EmergencyTicket): boolean {
  return ticket.chain.state === 'acknowledged' || ticket.status === 'closed';
}

/** An instruction reported done (or gone), or the case closed: its overdue reminder stops. */
function instructionSettled(ticket: EmergencyTicket, number: number): boolean {
  const item = ticket.instructions.find((i) => i.number === number);
  return !item || item.state === 'done' || ticket.status === 'closed';
}

/**
 * An SMS derived from an earlier event that the emergency's state now makes moot: nobody is asked
 * to acknowledge after an answer is stored, nor reminded of an instruction done. Both states are
 * final (an acknowledged chain, a closed case, a done instruction), so a moot SMS stays moot.
 */
export function emergencySmsMoot(n: Notification, current: EmergencyTicket): boolean {
  if (positionOf(n.purpose) || n.purpose === 'unanswered' || /^missed-r\d+-L\d+$/.test(n.purpose))
    return chainAnswered(current);
  if (n.purpose === 'not-on-scene') return current.status === 'closed';
  const overdue = /^instruction-(\d+)-overdue$/.exec(n.purpose);
  return overdue ? instructionSettled(current, Number(overdue[1])) : false;
}

/**
 * EM-2 and EM-3: the chain's requests, its "unanswered" call and the call to the scene are never
 * held by an SMS budget (ADR 011), only counted: a real fire is not muted by a budget.
 */
export function smsNeverHeld(purpose: string): boolean {
  return (
    positionOf(purpose) !== undefined ||
    purpose === 'unanswered' ||
    purpose === 'scene' ||
    // Issue 11 items 15, 16: the owner's call to phone who did not answer or is not there.
    /^missed-r\d+-L\d+$/.test(purpose) ||
    purpose === 'not-on-scene'
  );
}

type Why = 'first' | 'no-answer' | 'undeliverable';

/**
 * Why a level is told: who did not answer, by role. Not 上一级: the chain climbs, so to the deputy
 * GM "the level above" would be the GM, who has not been asked yet. Round 2 onwards starts again
 * from the top because nobody of the round before answered.
 */
function reasonText(ticket: EmergencyTicket, step: ChainStep, why: Why, from?: ChainPosition): string {
  if (why === 'first') return '';
  const missed = why === 'undeliverable' ? '无法联系' : '未确认';
  if (why === 'no-answer' && step.level === 1 && step.round > 1) return `上轮各级均${missed},`;
  const role = from ? ticket.chain.levels[from.level - 1]?.role : undefined;
  return `${role ? ROLE_LABELS[role] : '前一级'}${missed},`;
}

/** The chain position an acknowledgement SMS was for, from its purpose (`ack-r1-L2`). */
function positionOf(purpose: string): ChainPosition | undefined {
  const m = /^ack-r(\d+)-L(\d+)$/.exec(purpose);
  return m ? { round: Number(m[1]), level: Number(m[2]) } : undefined;
}

/** EM-2: each person of a reached level gets the request with their own acknowledgement link. */
function chainSms(
  ticket: EmergencyTicket,
  step: ChainStep,
  why: Why,
  eventAt: string,
  staff: readonly StaffMember[],
  park: Park,
  from?: ChainPosition,
): Notification[] {
  // Nobody is asked after an answer (`emergencySmsMoot` holds back what an answer stored since stops).
  if (chainAnswered(ticket)) return [];
  const round = step.round > 1 ? `第${step.round}轮,` : '';
  const reason = reasonText(ticket, step, why, from);
  const text = fitSms(
    park.smsSignature,
    [
      ...headParts(ticket),
      `:${ticket.location}。`,
      freeText(ticket.description),
      `。${round}${reason}`,
      polite('请速处理,'),
      '点链接确认:',
    ],
    LINK_SMS_ROOM,
  );
  const expiresAt = addMinutes(new Date(eventAt), ticket.procedure.ackLinkMinutes).toISOString();
  const out: LinkNotification[] = [];
  for (const r of step.recipients) {
    const to = find(staff, r.staffId);
    if (to) out.push({ to, text, purpose: ackPurpose(step), link: { purpose: 'acknowledge', expiresAt } });
  }
  return out;
}

/** EM-3: the responders go to the scene; their link marks them there and carries their reports. */
function responderSms(
  ticket: EmergencyTicket,
  eventAt: string,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  const text = fitSms(
    park.smsSignature,
    [
      ...headParts(ticket),
      `:${ticket.location}。`,
      freeText(ticket.description),
      '。请立即赶赴现场',
      polite('并报回调度'),
      ',到场请点:',
    ],
    LINK_SMS_ROOM,
  );
  const expiresAt = addMinutes(new Date(eventAt), ticket.procedure.sceneLinkMinutes).toISOString();
  const out: LinkNotification[] = [];
  for (const r of ticket.responders) {
    const to = find(staff, r.staffId);
    if (to) out.push({ to, text, purpose: 'scene', link: { purpose: 'scene', expiresAt } });
  }
  return out;
}

function toOwner(
  ticket: EmergencyTicket,
  staff: readonly StaffMember[],
  text: string,
  purpose: string,
  link?: LinkNotification['link'],
): Notification[] {
  const to = find(staff, ticket.owner.staffId);
  return to ? [{ to, text, purpose, ...(link ? { link } : {}) }] : [];
}

/** EM-4: the link that takes the desk's post (an offered handover, or the phone line's case). */
function ownerLink(ticket: EmergencyTicket, eventAt: string): LinkNotification['link'] {
  const expiresAt = addMinutes(new Date(eventAt), ticket.procedure.ackLinkMinutes).toISOString();
  return { purpose: 'owner', expiresAt };
}

function moveSms(
  ticket: EmergencyTicket,
  move: ChainMove,
  why: Why,
  eventAt: string,
  staff: readonly StaffMember[],
  park: Park,
  from?: ChainPosition,
  missed?: readonly ChainRecipient[],
): Notification[] {
  if (chainAnswered(ticket)) return [];
  const last = move.to === 'exhausted';
  // EM-2 (issue 11 item 15): the owner hears of every level nobody answered, with their phones, at
  // once; when every round has run, that is the call to phone the leaders (the fastest means).
  const owner =
    why === 'first' && !last
      ? []
      : missedLevelSms(
          ticket,
          from,
          missed,
          why === 'undeliverable' ? 'undeliverable' : 'no-answer',
          last,
          eventAt,
          staff,
          park,
        );
  if (move.to === 'exhausted') return owner;
  return [...chainSms(ticket, move.to, why, eventAt, staff, park, from), ...owner];
}

export function emergencyNotifications(
  event: EmergencyEvent,
  ticket: EmergencyTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  const sig = park.smsSignature;
  switch (event.type) {
    case 'emergency.opened': {
      const out = [
        ...moveSms(ticket, event.data.move, 'first', event.at, staff, park),
        ...responderSms(ticket, event.at, staff, park),
      ];
      if (event.data.owner.how === 'on-duty' && !event.data.owner.acceptedAt) {
        const text = fitSms(
          sig,
          [
            ...headParts(ticket),
            // A guard or technician reporting from patrol (issue 11 item 18), or the phone line.
            event.data.source || !event.actor.name
              ? `经电话转入:${ticket.location}。`
              : `${event.actor.name}现场报告:${ticket.location}。`,
            freeText(ticket.description),
            '。',
            polite('请您'),
            '负责调度,接手请点:',
          ],
          LINK_SMS_ROOM,
        );
        const owner = { ...ticket, owner: event.data.owner };
        out.push(...toOwner(owner, staff, text, 'owner', ownerLink(ticket, event.at)));
      }
      return out;
    }
    case 'emergency.escalated':
    case 'emergency.unanswered':
      return moveSms(
        ticket,
        event.data.move,
        'no-answer',
        event.at,
        staff,
        park,
        event.data.from,
        event.data.missed,
      );
    case 'sms.undeliverable':
      return event.data.move
        ? moveSms(
            ticket,
            event.data.move,
            'undeliverable',
            event.at,
            staff,
            park,
            positionOf(event.data.purpose),
            event.data.missed,
          )
        : [];
    case 'emergency.handover-offered': {
      const to = find(staff, event.data.to.staffId);
      if (!to) return [];
      const text = fitSms(
        sig,
        [
          ...headParts(ticket),
          `:${event.data.from.name}请您接替调度:${ticket.location}。`,
          freeText(ticket.description),
          '。接手请点:',
        ],
        LINK_SMS_ROOM,
      );
      return [{ to, text, purpose: 'handover', link: ownerLink(ticket, event.at) }];
    }
    case 'emergency.instruction-issued': {
      const d = event.data;
      const to = find(staff, d.to.staffId);
      if (!to) return [];
      const when = chineseShort(new Date(d.dueAt), park.timeZone);
      // EM-5 (下达执行): the instruction goes out whole, over several segments if it must; cut
      // short it would not be the instruction given (the overdue reminders may shorten it).
      // Not fitted, so made well-formed here: SNS refuses a lone surrogate (half an emoji).
      const text = toWellFormed(
        `${sig}${head(ticket)}指示#${d.number}(${d.from}):${d.text},请于${when}前完成并回报。`,
      );
      return [{ to, text, purpose: `instruction-${d.number}` }];
    }
    case 'emergency.instruction-overdue': {
      const item = ticket.instructions.find((i) => i.number === event.data.number);
      if (!item || instructionSettled(ticket, item.number)) return [];
      const text = fitSms(sig, [
        `${head(ticket)}指示#${item.number}已到期未完成(${item.to.name}):`,
        freeText(item.text),
        ',请跟进。',
      ]);
      const people: Person[] = [item.to];
      if (ticket.owner.staffId !== item.to.staffId) people.push(ticket.owner);
      return people.flatMap((p) => {
        const to = find(staff, p.staffId);
        return to ? [{ to, text, purpose: `instruction-${item.number}-overdue` }] : [];
      });
    }
    default:
      return followThroughSms(event, ticket, staff, park);
  }
}
