/**
 * Who gets which SMS about a move-in: a case open longer than the park's days (default 7) goes to
 * the property office lead (物业部负责人: the department head roles), with what is still missing. Pure.
 */
import type { Park, Role, StaffMember } from '../park';
import { DEPARTMENT_HEAD_ROLES, firstHolders } from '../park';
import type { Notification } from '../sms';
import { fitSms, freeText, polite } from '../sms';
import { CHECKLIST } from './checklist';
import { MOVE_IN_TIMERS } from './clocks';
import type { MoveInEvent, MoveInTicket } from './model';

/** The property office lead: the department's head roles (supervisor, else the office manager). */
export const MOVE_IN_LEAD_ROLES: readonly Role[] = DEPARTMENT_HEAD_ROLES['property-office'];

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
  const text = fitSms(park.smsSignature, [
    `入住超${days}天未办完:${ticket.number ?? ''} ${ticket.unit},缺${ticket.missing.length}步:MI-`,
    freeText(rules),
    ',',
    polite('请跟进。'),
  ]);
  return firstHolders(staff, MOVE_IN_LEAD_ROLES).map((to) => ({ to, text, purpose: event.data.timer }));
}
