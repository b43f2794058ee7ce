/**
 * Who gets which SMS about keys, and its Chinese text. A key out past its due time: the guard who
 * handed it out and the security captain, then the security manager, each with their own return
 * link (`key-return`, ADR 013: 收回后点链接登记, recorded as received by them); at closing time the
 * list of keys still out: the security captain; a lost key (KY-1): the security manager. The last
 * two are notices without a link (a list names several requests; a loss asks nothing the desk
 * records). Pure.
 */
import type { Park, Role, StaffMember } from '../park';
import { firstHolders } from '../park';
import type { LinkNotification, Notification, SmsPart } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, polite } from '../sms';
import { chineseShort } from '../time';
import { isClosingTimer, KEY_TIMERS } from './clocks';
import type { KeyEvent, KeyTicket } from './model';
import { REQUESTER_LABELS } from './model';
import type { KeySet, KeySetEvent } from './register';

/** Who answers for the key cabinet day to day: the security captain, else the shift lead, else the manager. */
export const KEY_CAPTAIN_ROLES: readonly Role[] = [
  'security-captain',
  'security-shift-lead',
  'security-manager',
];
/** Who answers for security: the security manager, else the captain. */
export const SECURITY_MANAGER_ROLES: readonly Role[] = ['security-manager', 'security-captain'];

/**
 * How long a key's return link works: a week from the SMS (a key out longer is a loss to report,
 * not a return to tap). KY-4: only a return is recorded through it, as the link's person.
 */
export const KEY_RETURN_LINK_DAYS = 7;

function returnLink(at: string): LinkNotification['link'] {
  const expiresAt = new Date(Date.parse(at) + KEY_RETURN_LINK_DAYS * 24 * 60 * 60_000).toISOString();
  return { purpose: 'key-return', expiresAt };
}

const unique = (people: StaffMember[]) =>
  people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);

/** `K-0153(3-2-1502入户门钥匙)`: the tag and place fixed, the label the part an SMS may shorten. */
const keyWords = (key: { tag: string; unit?: string; area?: string; label: string }): SmsPart[] => [
  `${key.tag}(${key.unit ?? key.area ?? ''}`,
  freeText(key.label),
  ')',
];

/** The SMS of a key request's clocks: due (guard, captain), escalated (manager), the closing list (captain). */
export function keyNotifications(
  event: KeyEvent,
  ticket: KeyTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  if (event.type !== 'timer.fired') return [];
  const sig = park.smsSignature;
  const out = ticket.handOut;
  const { timer } = event.data;
  if (out && timer === KEY_TIMERS.returnDue) {
    const who = `${out.name}(${REQUESTER_LABELS[ticket.requester.type]})`;
    const due = chineseShort(new Date(out.dueAt), park.timeZone);
    const text = fitSms(
      sig,
      [
        '钥匙',
        ...keyWords(ticket.key),
        `超时未还:${who}领用,应${due}归还,`,
        polite('请催还,'),
        '收回后登记:',
      ],
      LINK_SMS_ROOM,
    );
    const guard = staff.filter((s) => s.id === out.guardId);
    const link = returnLink(event.at);
    return unique([...guard, ...firstHolders(staff, KEY_CAPTAIN_ROLES)]).map((to) => ({
      to,
      text,
      purpose: timer,
      link,
    }));
  }
  if (out && timer === KEY_TIMERS.returnEscalate) {
    const late = Math.round((Date.parse(event.data.dueAt) - Date.parse(out.dueAt)) / 60_000);
    const who = `${out.name}(${REQUESTER_LABELS[ticket.requester.type]})`;
    const text = fitSms(
      sig,
      [
        '钥匙',
        ...keyWords(ticket.key),
        `逾期${late}分钟仍未归还:${who}领用,${out.guardName}发出,`,
        polite('请处理,'),
        '收回后登记:',
      ],
      LINK_SMS_ROOM,
    );
    const link = returnLink(event.at);
    return firstHolders(staff, SECURITY_MANAGER_ROLES).map((to) => ({ to, text, purpose: timer, link }));
  }
  const roll = event.data.rollCall;
  if (isClosingTimer(timer) && roll) {
    const list = roll.keys.map((k) => `${k.tag} ${k.place} ${k.holder}`).join('、');
    const text = fitSms(sig, [
      `下班时仍有${roll.keys.length}套钥匙未还:`,
      freeText(list),
      ',',
      polite('请跟进。'),
    ]);
    return firstHolders(staff, KEY_CAPTAIN_ROLES).map((to) => ({ to, text, purpose: 'closing-list' }));
  }
  return [];
}

/** KY-1: a lost key set goes to the security manager at once, with who had it when it was out. */
export function keySetNotifications(
  event: KeySetEvent,
  keySet: KeySet,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  if (event.type !== 'key.reported-lost') return [];
  const by = event.actor.name ?? event.actor.staffId;
  const was = event.data.wasWith
    ? `,借出给${event.data.wasWith.name}(${event.data.wasWith.ticketNumber})`
    : '';
  const text = fitSms(park.smsSignature, [
    '钥匙遗失:',
    ...keyWords(keySet),
    `×${keySet.count}${was},${by}报告,`,
    polite('请处理。'),
  ]);
  return firstHolders(staff, SECURITY_MANAGER_ROLES).map((to) => ({ to, text, purpose: 'key-lost' }));
}
