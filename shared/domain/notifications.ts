/**
 * Who gets which SMS for an event on a ticket, and its Chinese text. Pure: the stream consumer
 * turns the result into sends.
 */
import { calendarOf, isOfficeHours } from './calendar';
import type { Park, Role, StaffMember } from './park';
import { firstHolders } from './park';
import type { Notification } from './sms';
import { fitSms } from './sms';
import type { RepairEvent, RepairTicket } from './repair';
import { REPAIR_TIMERS, wantedTimeText } from './repair';

export type { Notification } from './sms';
export { fitSms, SMS_SEGMENT } from './sms';
export { firstHolders } from './park';

/** Who answers for engineering's response time: the repair team lead, else the engineering manager. */
export const ENGINEERING_LEAD_ROLES: readonly Role[] = ['repair-lead', 'engineering-manager'];
/** Who takes an unowned booking: the dispatcher, else the duty officer. */
export const DESK_ROLES: readonly Role[] = ['dispatcher', 'duty-officer'];

/**
 * The desk on shift at `at`: the dispatcher in office hours, the duty officer outside them (DOMAIN:
 * "outside office hours the duty officer"), each falling back to the other.
 */
export function deskOnShift(at: Date, park: Park): readonly Role[] {
  try {
    return isOfficeHours(at, calendarOf(park)) ? DESK_ROLES : ['duty-officer', 'dispatcher'];
  } catch {
    // Unreadable office hours must not silence the desk: the dispatcher first, as before.
    return DESK_ROLES;
  }
}

export function repairNotifications(
  event: RepairEvent,
  ticket: RepairTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  const sig = park.smsSignature;
  const unit = ticket.caller.unit ?? ticket.location;
  const no = ticket.number ?? '';
  // A wanted time not after the taking-down means "as soon as possible" (the IVR does not ask).
  const when = wantedTimeText(ticket, park.timeZone, new Date(ticket.createdAt));
  switch (event.type) {
    case 'ticket.assigned': {
      const sent: Notification[] = [];
      const tech = staff.find((s) => s.id === event.data.staffId);
      // RP-4: the technician collects the fee the resident agreed to.
      const fee = ticket.paidService ? `,有偿${ticket.paidService.fee}元` : '';
      if (tech) {
        const text = fitSms(
          sig,
          (d) => `派工单${no}:${unit} ${d},时间${when}${fee},请尽快接单。`,
          ticket.description,
        );
        sent.push({ to: tech, text, purpose: 'assigned' });
      }
      // A reassignment: the technician taken off the job must not go.
      const previous = event.data.previousStaffId
        ? staff.find((s) => s.id === event.data.previousStaffId)
        : undefined;
      if (previous) {
        const text = fitSms(
          sig,
          (d) => `派工单${no}已改派${event.data.staffName},您无需前往:${unit} ${d}。`,
          ticket.description,
        );
        sent.push({ to: previous, text, purpose: 'unassigned' });
      }
      return sent;
    }
    case 'timer.fired': {
      if (event.data.timer === REPAIR_TIMERS.ackDeadline.name) {
        const who = ticket.assigneeName ? `${ticket.assigneeName}` : '未派人';
        const text = fitSms(
          sig,
          (d) => `派工单${no}派出30分钟未接单(${who}):${unit} ${d},请跟进。`,
          ticket.description,
        );
        const leads = firstHolders(staff, ENGINEERING_LEAD_ROLES);
        // Nobody assigned: only the desk may assign (access.ts repair.assign), so it is told too.
        const desk = ticket.assigneeId ? [] : firstHolders(staff, deskOnShift(new Date(event.at), park));
        const to = [...leads, ...desk.filter((d) => !leads.includes(d))];
        return to.map((person) => ({ to: person, text, purpose: event.data.timer }));
      }
      if (event.data.timer === REPAIR_TIMERS.appointmentReminder.name) {
        const tech = ticket.assigneeId ? staff.find((s) => s.id === ticket.assigneeId) : undefined;
        if (tech) {
          const text = fitSms(
            sig,
            (d) => `提醒:派工单${no}预约${when}上门,${unit} ${d}。`,
            ticket.description,
          );
          return [{ to: tech, text, purpose: event.data.timer }];
        }
        const text = fitSms(
          sig,
          (d) => `派工单${no}预约${when}上门,尚未派人:${unit} ${d},请派工。`,
          ticket.description,
        );
        return firstHolders(staff, deskOnShift(new Date(event.at), park)).map((to) => ({
          to,
          text,
          purpose: event.data.timer,
        }));
      }
      return [];
    }
    default:
      return [];
  }
}
