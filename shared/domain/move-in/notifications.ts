/**
 * Who gets which SMS about a move-in: a case open longer than the park's days (default 7) goes to
 * the property office lead (物业部负责人: the department head roles), with what is still missing and
 * what to do (督办: have the departments record their steps), and a read-only link (`move-in-lead`)
 * to the case: each missing step with its department, the inspection's repairs. The steps need
 * forms and counts recorded at the desk, so nothing is recorded from the phone (ADR 014). Pure.
 */
import type { Park, Role, StaffMember } from '../park';
import { DEPARTMENT_HEAD_ROLES, firstHolders } from '../park';
import type { Notification } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, polite } from '../sms';
import { CHECKLIST } from './checklist';
import { MOVE_IN_TIMERS } from './clocks';
import type { MoveInEvent, MoveInTicket } from './model';

/** The property office lead: the department's head roles (supervisor, else the office manager). */
export const MOVE_IN_LEAD_ROLES: readonly Role[] = DEPARTMENT_HEAD_ROLES['property-office'];

/** How long the lead's view of the case works: a week, until the next look at the list. */
export const MOVE_IN_LINK_DAYS = 7;

export function moveInNotifications(
  event: MoveInEvent,
  ticket: MoveInTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  if (event.type !== 'timer.fired' || event.data.timer !== MOVE_IN_TIMERS.openTooLong) return [];
  const days = Math.round((Date.parse(event.data.dueAt) - Date.parse(ticket.createdAt)) / 86_400_000);
  // `MI-2/3/8`: the steps still missing; the number, unit, days and how many are never cut.
  const rules = ticket.missing.map((s) => CHECKLIST[s].rule.replace('MI-', '')).join('/');
  const text = fitSms(
    park.smsSignature,
    [
      `入住超${days}天未办完:${ticket.number ?? ''} ${ticket.unit},缺${ticket.missing.length}步:MI-`,
      freeText(rules),
      ',',
      polite('请'),
      '督促各部门补办,详情:',
    ],
    LINK_SMS_ROOM,
  );
  const expiresAt = new Date(Date.parse(event.at) + MOVE_IN_LINK_DAYS * 86_400_000).toISOString();
  return firstHolders(staff, MOVE_IN_LEAD_ROLES).map((to) => ({
    to,
    text,
    purpose: event.data.timer,
    link: { purpose: 'move-in-lead', expiresAt },
  }));
}
