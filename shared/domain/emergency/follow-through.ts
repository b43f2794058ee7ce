/**
 * The owner's and the leaders' follow-through SMS (issue 11 items 15..17, ADR 017): the owner at
 * the desk hears at once of each chain level nobody answered (EM-2) and of responders not on the
 * scene in time (EM-3), each person named with their phone so the owner can call them, and of each
 * responder's arrival and report; the leader who gave an instruction hears when it is done or
 * closed with the case (EM-5, EM-6).
 *
 * Every text that asks the owner to act ends in the owner's own link (its page shows the case and
 * who owes what); the names and phones come first and as many as fit two segments go whole, the
 * rest counted (等N人), so no name is ever half cut.
 */
import type { Park, StaffMember } from '../park';
import { ROLE_LABELS } from '../park';
import type { Notification, SmsPart } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, phoneForSms, polite, reference } from '../sms';
import { addMinutes } from '../time';
import type { ChainPosition, ChainRecipient, EmergencyEvent, EmergencyTicket, Person } from './model';
import { CATEGORY_LABELS } from './model';

const head = (ticket: EmergencyTicket): SmsPart[] => [
  '紧急',
  reference(ticket.number ?? ''),
  CATEGORY_LABELS[ticket.category],
];

const find = (staff: readonly StaffMember[], staffId: string) => staff.find((s) => s.id === staffId);

/** `林涛13900000103`: a person as the owner phones them (their name alone when the directory lacks them). */
function withPhone(p: Person, staff: readonly StaffMember[]): string {
  const member = find(staff, p.staffId);
  return `${p.name}${member?.phone ? phoneForSms(member.phone) : ''}`;
}

/**
 * The owner's text naming `people`: as many of them (with phones) as fit two segments with the
 * link, the rest counted. `parts(list)` builds the text around the list.
 */
function fitPeople(
  park: Park,
  people: readonly Person[],
  staff: readonly StaffMember[],
  parts: (list: string) => SmsPart[],
): string {
  const named = people.map((p) => withPhone(p, staff));
  for (let k = named.length; k >= 1; k--) {
    const list = named.slice(0, k).join('、') + (k < named.length ? `等${named.length}人` : '');
    const text = fitSms(park.smsSignature, parts(list), LINK_SMS_ROOM);
    if (text.length <= LINK_SMS_ROOM || k === 1) return text;
  }
  return fitSms(park.smsSignature, parts(''), LINK_SMS_ROOM);
}

/** EM-4: the owner's link (the case's page; the post to accept when it is not yet theirs). */
function ownerLink(ticket: EmergencyTicket, eventAt: string): NonNullable<Notification['link']> {
  const expiresAt = addMinutes(new Date(eventAt), ticket.procedure.ackLinkMinutes).toISOString();
  return { purpose: 'owner', expiresAt };
}

function toOwner(
  ticket: EmergencyTicket,
  staff: readonly StaffMember[],
  text: string,
  purpose: string,
  link?: Notification['link'],
): Notification[] {
  const to = find(staff, ticket.owner.staffId);
  return to ? [{ to, text, purpose, ...(link ? { link } : {}) }] : [];
}

/** The purpose of the owner's SMS about a level nobody answered: `missed-r1-L2`. */
export const missedPurpose = (p: ChainPosition) => `missed-r${p.round}-L${p.level}`;

/**
 * EM-2 (issue 11 item 15): a level of the chain nobody answered (its wait over, or nobody at it
 * reachable): the owner gets the people of that level with their phones, at once, not only after
 * every round has run. `last`: the chain has run out (the owner's "unanswered" call to phone).
 */
export function missedLevelSms(
  ticket: EmergencyTicket,
  from: ChainPosition | undefined,
  missed: readonly ChainRecipient[] | undefined,
  why: 'no-answer' | 'undeliverable',
  last: boolean,
  eventAt: string,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  // The owner is not told that they themselves did not answer.
  const people = (missed ?? []).filter((p) => p.staffId !== ticket.owner.staffId);
  const role = from ? ticket.chain.levels[from.level - 1]?.role : undefined;
  const label = role ? ROLE_LABELS[role] : '';
  const state = why === 'undeliverable' ? '无法接收短信' : '未确认';
  const round = from && ticket.chain.rounds > 1 ? `第${from.round}轮` : '';
  const tail = (list: string): SmsPart[] =>
    last
      ? [
          `经${ticket.chain.rounds}轮短信无人确认。`,
          list ? `${label}${list}${state},` : '',
          '请立即电话联系领导,详情:',
        ]
      : [`${round}${label}${list}${state},`, polite('请'), '电话联系,详情:'];
  if (people.length === 0 && !last) return [];
  const text = fitPeople(park, people, staff, (list) => [
    ...head(ticket),
    `:${ticket.location}。`,
    ...tail(list),
  ]);
  const purpose = last ? 'unanswered' : from ? missedPurpose(from) : 'missed';
  return toOwner(ticket, staff, text, purpose, ownerLink(ticket, eventAt));
}

/** EM-3 (item 16): the time to the scene has passed; the owner gets who is not there, to phone them. */
function notOnSceneSms(
  ticket: EmergencyTicket,
  event: Extract<EmergencyEvent, { type: 'emergency.not-on-scene' }>,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  const minutes = Math.round((Date.parse(event.data.dueAt) - Date.parse(ticket.createdAt)) / 60_000);
  const text = fitPeople(park, event.data.missing, staff, (list) => [
    ...head(ticket),
    `:${ticket.location}。已过${minutes}分钟,未到场:${list},`,
    polite('请'),
    '电话催促,详情:',
  ]);
  return toOwner(ticket, staff, text, 'not-on-scene', ownerLink(ticket, event.at));
}

/** EM-3 (item 16): the owner hears each responder's arrival and report (not one they recorded). */
function responderNews(
  ticket: EmergencyTicket,
  event: Extract<EmergencyEvent, { type: 'emergency.on-scene' | 'emergency.reported' }>,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  if (event.actor.staffId === ticket.owner.staffId) return [];
  const r = ticket.responders.find((x) => x.staffId === event.data.staffId);
  const who = `${event.data.name}${r ? `(${ROLE_LABELS[r.role]})` : ''}`;
  if (event.type === 'emergency.on-scene') {
    const text = fitSms(park.smsSignature, [...head(ticket), `:${who}已到达现场(${ticket.location})。`]);
    return toOwner(ticket, staff, text, 'responder-on-scene');
  }
  const text = fitSms(park.smsSignature, [...head(ticket), `:${who}报回:`, freeText(event.data.text)]);
  return toOwner(ticket, staff, text, 'responder-report');
}

/**
 * EM-5 (item 17): whom an instruction's outcome is told to: the leader of the directory named as
 * its giver, else whoever recorded it when that is a person of the directory; never the person
 * who just reported it.
 */
function leaderOf(
  item: EmergencyTicket['instructions'][number],
  staff: readonly StaffMember[],
  actorId: string,
): StaffMember | undefined {
  const leader = find(staff, item.fromStaffId ?? item.issuedBy);
  return leader && leader.id !== actorId ? leader : undefined;
}

/** EM-5, EM-6 (item 17): the leader hears an instruction done, or closed with the case and its note. */
function instructionOutcomeSms(
  ticket: EmergencyTicket,
  event: Extract<EmergencyEvent, { type: 'emergency.instruction-done' | 'emergency.closed' }>,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  if (event.type === 'emergency.instruction-done') {
    const item = ticket.instructions.find((i) => i.number === event.data.number);
    const to = item && leaderOf(item, staff, event.actor.staffId);
    if (!item || !to) return [];
    const text = fitSms(park.smsSignature, [
      ...head(ticket),
      `指示#${item.number}(${item.to.name})已完成:`,
      freeText(event.data.result),
    ]);
    return [{ to, text, purpose: `instruction-${item.number}-done` }];
  }
  const out: Notification[] = [];
  for (const n of event.data.notes ?? []) {
    const item = ticket.instructions.find((i) => i.number === n.number);
    const to = item && leaderOf(item, staff, event.actor.staffId);
    if (!item || !to) continue;
    const text = fitSms(park.smsSignature, [
      ...head(ticket),
      `已结案,指示#${item.number}(${item.to.name})未完成即关闭:`,
      freeText(n.note),
    ]);
    out.push({ to, text, purpose: `instruction-${item.number}-closed` });
  }
  return out;
}

/** The follow-through SMS an event causes (items 15..17), beside the kind's other SMS. */
export function followThroughSms(
  event: EmergencyEvent,
  ticket: EmergencyTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  switch (event.type) {
    case 'emergency.not-on-scene':
      return notOnSceneSms(ticket, event, staff, park);
    case 'emergency.on-scene':
    case 'emergency.reported':
      return responderNews(ticket, event, staff, park);
    case 'emergency.instruction-done':
    case 'emergency.closed':
      return instructionOutcomeSms(ticket, event, staff, park);
    default:
      return [];
  }
}
