/**
 * Who gets which SMS for a repair's events, and its Chinese text: the desk for a received request,
 * the technician when assigned (with the resident to call ahead and the work order link: 接单,
 * then 完工), the lead when ack-30m is missed, the reminder. Texts without a link fit one segment,
 * with one two (sms.ts). Pure: the stream consumer turns the result into sends.
 */
import type { Park, Role, StaffMember } from '../park';
import { firstHolders } from '../park';
import { deskOnShift } from '../shift';
import type { LinkNotification, Notification } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, phoneForSms, polite, reference } from '../sms';
import { REPAIR_TIMERS } from './clocks';
import { wantedTimeText, yuan } from './decision';
import type { RepairEvent, RepairTicket } from './model';

/**
 * How long the technician's work order link works: three days from the SMS, and at least a day
 * past the time agreed (the appointment reminder sends a fresh one).
 */
export const JOB_LINK_DAYS = 3;

export function jobLink(ticket: RepairTicket, at: string): LinkNotification['link'] {
  const day = 24 * 60 * 60_000;
  const agreed = Date.parse(ticket.appointmentAt ?? ticket.wantedAt);
  const expiresAt = Math.max(
    Date.parse(at) + JOB_LINK_DAYS * day,
    Number.isFinite(agreed) ? agreed + day : 0,
  );
  return { purpose: 'job', expiresAt: new Date(expiresAt).toISOString() };
}

/** How long the repair lead's dispatch link works (issue 11): a day from the SMS. */
export const DISPATCH_LINK_HOURS = 24;

/** The repair lead's link to give out (or give someone else) a job nobody has taken (ack-links/repair.ts). */
export function dispatchLink(at: string): LinkNotification['link'] {
  return {
    purpose: 'dispatch',
    expiresAt: new Date(Date.parse(at) + DISPATCH_LINK_HOURS * 3_600_000).toISOString(),
  };
}

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
  const text = fitSms(park.smsSignature, [
    `新${via}报修${ticket.number ?? ''}待定:${unit} `,
    freeText(ticket.description),
    ',请确认派工。',
  ]);
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
  const what = freeText(ticket.description);
  // The technician calls ahead: the resident's name and a number to dial.
  const resident = `${ticket.caller.name}${phoneForSms(ticket.caller.phone)}`;
  // A wanted time not after the taking-down means "as soon as possible" (the IVR does not ask).
  const when = wantedTimeText(ticket, park.timeZone, new Date(ticket.createdAt));
  // When to be there: the time agreed, or 尽快上门 (as soon as possible).
  const arrive = when === '尽快' ? '尽快上门' : when;
  switch (event.type) {
    case 'ticket.assigned': {
      const sent: Notification[] = [];
      const tech = staff.find((s) => s.id === event.data.staffId);
      // RP-4: the technician collects the fee the resident agreed to.
      const fee = ticket.paidService ? `,有偿${yuan(ticket.paidService.fee)}元` : '';
      if (tech) {
        const text = fitSms(
          sig,
          [
            '派工',
            reference(`单${no}`),
            `:${unit} `,
            what,
            `。${resident},${arrive}${fee},`,
            polite('请尽快'),
            '接单:',
          ],
          LINK_SMS_ROOM,
        );
        sent.push({ to: tech, text, purpose: 'assigned', link: jobLink(ticket, event.at) });
      }
      // A reassignment: the technician taken off the job must not go.
      const previous = event.data.previousStaffId
        ? staff.find((s) => s.id === event.data.previousStaffId)
        : undefined;
      if (previous) {
        const text = fitSms(sig, [
          `派工单${no}已改派${event.data.staffName},您无需前往:${unit} `,
          what,
          '。',
        ]);
        sent.push({ to: previous, text, purpose: 'unassigned' });
      }
      return sent;
    }
    case 'timer.fired': {
      if (event.data.timer === REPAIR_TIMERS.ackDeadline.name) {
        const who = ticket.assigneeName ? `${ticket.assigneeName}` : '未派人';
        const late = `派出30分钟未接单(${who}):${unit} `;
        const text = fitSms(sig, [`派工单${no}${late}`, what, ',请跟进。']);
        const leads = firstHolders(staff, ENGINEERING_LEAD_ROLES);
        // The lead may give the job out from the SMS (issue 11: his dispatch link); the desk, told
        // too when nobody is on it, assigns at the desk.
        const linkText = fitSms(
          sig,
          ['派工', reference(`单${no}`), late, what, polite(',请跟进'), ',改派:'],
          LINK_SMS_ROOM,
        );
        const desk = ticket.assigneeId ? [] : deskOnShift(new Date(event.at), park, staff);
        return [
          ...leads.map((person) => ({
            to: person,
            text: linkText,
            purpose: event.data.timer,
            link: dispatchLink(event.at),
          })),
          ...desk
            .filter((d) => !leads.includes(d))
            .map((person) => ({ to: person, text, purpose: event.data.timer })),
        ];
      }
      if (event.data.timer === REPAIR_TIMERS.appointmentReminder.name) {
        const tech = ticket.assigneeId ? staff.find((s) => s.id === ticket.assigneeId) : undefined;
        if (tech) {
          // A fresh work order link: the first may have run out before a far appointment.
          const text = fitSms(
            sig,
            ['提醒:', reference(`派工单${no}`), `预约${when}上门:${unit} `, what, `。${resident},接单/完工:`],
            LINK_SMS_ROOM,
          );
          return [{ to: tech, text, purpose: event.data.timer, link: jobLink(ticket, event.at) }];
        }
        const text = fitSms(sig, [`派工单${no}预约${when}上门,尚未派人:${unit} `, what, ',请派工。']);
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
