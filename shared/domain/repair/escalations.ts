/**
 * Issue 11 items 4–6 and 8: the SMS that keep a repair in sight. Each names the ticket number, the
 * unit, what is owed and since when. A clock missed goes to whoever can act on it: a received
 * request to the desk (then the office manager), a job nobody took to the repair lead (and the
 * desk), a job not done to the repair lead (then the engineering manager). The corrections tell the
 * technician on the job (cancelled: do not go; rescheduled: the new time, with the work order link)
 * and the repair lead (reopened: dispatch again). Pure.
 *
 * Links: the repair lead's SMS about a job nobody has taken carry his dispatch link (派工/改派,
 * ack-links/repair.ts); the technician's, his work order link. RP-2's decision and chasing a late job
 * have no link action: those SMS say what to do.
 */
import type { Park, Role, StaffMember } from '../park';
import { firstHolders } from '../park';
import { deskOnShift } from '../shift';
import type { Notification } from '../sms';
import { fitSms, freeText, LINK_SMS_ROOM, phoneForSms, polite, reference } from '../sms';
import { chineseShort } from '../time';
import { REPAIR_TIMERS } from './clocks';
import type { RepairEvent, RepairTicket } from './model';
import { dispatchLink, ENGINEERING_LEAD_ROLES, jobLink } from './notifications';

/** Who answers above the repair lead for a job not done: the engineering manager, else the office manager. */
export const COMPLETION_MANAGER_ROLES: readonly Role[] = ['engineering-manager', 'office-manager'];
/** Who answers above the desk for a request left undecided: the office manager (管理处经理). */
export const RECEIVED_MANAGER_ROLES: readonly Role[] = ['office-manager', 'office-director'];

const minutesBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 60_000));

export function repairEscalations(
  event: RepairEvent,
  ticket: RepairTicket,
  staff: readonly StaffMember[],
  park: Park,
): Notification[] {
  const sig = park.smsSignature;
  const tz = park.timeZone;
  const unit = `:${ticket.caller.unit ?? ticket.location} `;
  const no = ticket.number ?? '';
  const what = freeText(ticket.description);
  const who = ticket.assigneeName ?? '未派人';
  const at = new Date(event.at);
  const send = (to: readonly StaffMember[], text: string, purpose: string) =>
    to.map((person): Notification => ({ to: person, text, purpose }));
  // The repair lead's copy: fitted to leave room for his dispatch link.
  const toLeads = (parts: Parameters<typeof fitSms>[1], purpose: string) =>
    firstHolders(staff, ENGINEERING_LEAD_ROLES).map(
      (person): Notification => ({
        to: person,
        text: fitSms(sig, parts, LINK_SMS_ROOM),
        purpose,
        link: dispatchLink(event.at),
      }),
    );
  const technician = () => (ticket.assigneeId ? staff.filter((s) => s.id === ticket.assigneeId) : []);

  switch (event.type) {
    case 'timer.fired': {
      const timer = event.data.timer;
      const since = chineseShort(new Date(ticket.createdAt), tz);
      const waited = minutesBetween(ticket.createdAt, event.data.dueAt);
      const appointment = ticket.appointmentAt ? chineseShort(new Date(ticket.appointmentAt), tz) : '';
      const due = ticket.completeBy ? chineseShort(new Date(ticket.completeBy), tz) : '';
      if (timer === REPAIR_TIMERS.receivedDesk.name) {
        // Item 4 (RP-2 owed): the desk decides; the SMS says so (no decision link exists).
        const text = fitSms(sig, [
          `报修${no}于${since}受理,${waited}分钟未定派工`,
          unit,
          what,
          ',请尽快确认派工或预约。',
        ]);
        return send(deskOnShift(at, park, staff), text, timer);
      }
      if (timer === REPAIR_TIMERS.receivedManager.name) {
        const text = fitSms(sig, [
          `报修${no}于${since}受理,${waited}分钟仍未定派工`,
          unit,
          what,
          ',请督促调度处理。',
        ]);
        return send(firstHolders(staff, RECEIVED_MANAGER_ROLES), text, timer);
      }
      if (timer === REPAIR_TIMERS.appointmentReminder.name) {
        // Item 5: the reminder finds nobody on the job yet: the repair lead chases or reassigns.
        if (ticket.status !== 'booked' && ticket.status !== 'assigned') return [];
        return toLeads(
          [
            '派工',
            reference(`单${no}`),
            `预约${appointment}上门,${ticket.assigneeName ? `${who}尚未接单` : '尚未派人'}`,
            unit,
            what,
            polite(',请跟进'),
            ',改派:',
          ],
          `${timer}-lead`,
        );
      }
      if (timer === REPAIR_TIMERS.appointmentDue.name) {
        const late = `预约${appointment}已到,${ticket.assigneeName ? `${who}仍未接单` : '仍未派人'}`;
        const leads = toLeads(
          ['派工', reference(`单${no}`), late, unit, what, polite(',请立即跟进'), ',改派:'],
          timer,
        );
        // The desk phones the resident (the technician will be late); it has no link action.
        const desk = deskOnShift(at, park, staff).filter((d) => !leads.some((l) => l.to.id === d.id));
        const deskText = fitSms(sig, [`派工单${no}${late}`, unit, what, ',请跟进并联系住户。']);
        return [...leads, ...send(desk, deskText, timer)];
      }
      if (timer === REPAIR_TIMERS.completeBy.name) {
        // Item 6: the lead answers for engineering's work; the technician named.
        const text = fitSms(sig, [`派工单${no}应于${due}前完工,尚未完工(${who})`, unit, what, ',请跟进。']);
        return send(firstHolders(staff, ENGINEERING_LEAD_ROLES), text, timer);
      }
      if (timer === REPAIR_TIMERS.completeManager.name) {
        const late = minutesBetween(ticket.completeBy ?? event.data.dueAt, event.data.dueAt);
        const text = fitSms(sig, [
          `派工单${no}应于${due}前完工,逾期${late}分钟仍未完工(${who})`,
          unit,
          what,
          ',维修班长已获通知,请督办。',
        ]);
        return send(firstHolders(staff, COMPLETION_MANAGER_ROLES), text, timer);
      }
      return [];
    }
    case 'repair.cancelled': {
      // The technician on the job must not go (as when it is given to someone else).
      const text = fitSms(sig, [
        `派工单${no}已取消,您无需前往`,
        unit,
        what,
        '。',
        polite(`原因:${event.data.reason}`),
      ]);
      return send(technician(), text, 'cancelled');
    }
    case 'repair.rescheduled': {
      // The technician's work order link again: the new time may be past the first link's expiry.
      const when = chineseShort(new Date(event.data.appointmentAt), tz);
      const resident = `${ticket.caller.name}${phoneForSms(ticket.caller.phone)}`;
      return technician().map((to) => ({
        to,
        text: fitSms(
          sig,
          ['改约:', reference(`派工单${no}`), `改为${when}上门`, unit, what, `。${resident},接单/完工:`],
          LINK_SMS_ROOM,
        ),
        purpose: 'rescheduled',
        link: jobLink(ticket, event.at),
      }));
    }
    case 'repair.reopened': {
      // The lead dispatches it again (assigning is done at the desk app; no assign link exists).
      const before = event.data.previousStaffName ? `,原维修${event.data.previousStaffName}` : '';
      return toLeads(
        [
          '返修:',
          reference(`派工单${no}`),
          `住户反映未修好${before}`,
          unit,
          what,
          polite(`(${event.data.reason})`),
          ',请重新派工:',
        ],
        'reopened',
      );
    }
    default:
      return [];
  }
}
