/**
 * Who gets which SMS for a repair's events, and its one-segment Chinese text: the desk for a
 * received request, the technician when assigned, the lead when ack-30m is missed, the reminder.
 * Pure: the stream consumer turns the result into sends.
 */
import type { Park, Role, StaffMember } from '../park';
import { firstHolders } from '../park';
import { deskOnShift } from '../shift';
import type { Notification } from '../sms';
import { fitSms } from '../sms';
import { REPAIR_TIMERS } from './clocks';
import { wantedTimeText, yuan } from './decision';
import type { RepairEvent, RepairTicket } from './model';

/** Who answers for engineering's response time: the repair team lead, else the engineering manager. */
export const ENGINEERING_LEAD_ROLES: readonly Role[] = ['repair-lead', 'engineering-manager'];

/**
 * A received request waits for the desk's RP-2 decision: the desk on shift is told by SMS. Read
 * from the opening event, not the ticket: by the time the stream delivers the event the ticket
 * may already be decided.
 */
export function receivedRepairNotifications(
  event: RepairEvent,
  ticket: RepairTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  if (event.type !== 'repair.opened' || event.data.decision !== undefined) return [];
  const unit = ticket.caller.unit ?? ticket.location;
  const via = event.data.source && event.data.source.channel !== 'desk' ? '电话' : '';
  const text = fitSms(
    park.smsSignature,
    (d) => `新${via}报修${ticket.number ?? ''}待定:${unit} ${d},请确认派工。`,
    ticket.description,
  );
  return deskOnShift(new Date(event.at), park, staff).map((to) => ({ to, text, purpose: 'received' }));
}

/** The SMS of assignment (RP-4's fee included), of a missed ack-30m, and of the appointment reminder. */
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
      const fee = ticket.paidService ? `,有偿${yuan(ticket.paidService.fee)}元` : '';
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
        const desk = ticket.assigneeId ? [] : deskOnShift(new Date(event.at), park, staff);
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
        return deskOnShift(new Date(event.at), park, staff).map((to) => ({
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
