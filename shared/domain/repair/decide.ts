/** The repair's commands as named deciders: RP-2 at `decide`, then assign, acknowledge, complete, close. */
import { Forbidden, IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../errors';
import type { Deciders, EventDraft, RuleContext } from '../kind';
import type { Role } from '../park';
import { runDecider, transition } from '../kind';
import { decisionClocks, reopenClocks, rescheduleClocks } from './clocks';
import { checkRepairDecision, repairScript } from './decision';
import type {
  RepairCommand,
  RepairCommandBody,
  RepairDecisionInput,
  RepairEvent,
  RepairTicket,
} from './model';
import { REPAIR_COMMANDS, REPAIR_TRANSITIONS } from './model';

type Command<K extends RepairCommand> = Extract<RepairCommandBody, { type: K }>;
type Draft = EventDraft<RepairEvent>;

/** The 409 when the lifecycle table has no `command` for the ticket's status. */
function guard(ticket: RepairTicket, command: RepairCommand): void {
  transition('repair', REPAIR_TRANSITIONS, REPAIR_COMMANDS, ticket.status, command);
}

/**
 * RP-2 and RP-4 for a received repair: the outcome with what it needs, and the sentences the
 * dispatcher says when calling back.
 */
function decide(ticket: RepairTicket, command: Command<'decide'>, ctx: RuleContext): Draft {
  guard(ticket, 'decide');
  const { type: _type, ...input } = command;
  // A paid service recorded at reception stays unless the decision restates it (RP-4 checks the result).
  const paidService = input.paidService ?? ticket.paidService;
  const decided: RepairDecisionInput = { ...input, ...(paidService ? { paidService } : {}) };
  checkRepairDecision(decided, ctx.now);
  // `now`: a wanted time already past (a phone call's "as soon as possible") is told as 尽快.
  const script = repairScript({ ...ticket, ...decided }, ctx.park.timeZone, ctx.now);
  // Issue 11 item 6: the completion deadline (and a booking's appointment clock) start here.
  const clocks = decisionClocks(decided, ctx.now, ctx.park);
  return {
    type: 'repair.decided',
    data: { ...decided, script, ...(Object.keys(clocks).length ? { clocks } : {}) },
  };
}

/** Field staff who may give out work orders: the repair lead, texted when nobody took a job (ack-30m). */
export const ASSIGNING_FIELD_ROLES: readonly Role[] = ['repair-lead'];

/**
 * The desk, a manager, or of the field staff only the repair lead: who gives out work orders and
 * corrects them (issue 11 items 3 and 8). Access (access.ts) lets the groups in; this narrows the field.
 */
function deskLeadOrManager(ctx: RuleContext, what: string): void {
  const groups = ctx.actor.groups as readonly string[];
  if (groups.every((g) => g === 'staff' || g === 'security')) {
    const person = ctx.staff.find((s) => s.id === ctx.actor.staffId);
    if (!person?.roles.some((r) => ASSIGNING_FIELD_ROLES.includes(r))) {
      throw new Forbidden(`only the desk, a manager or the repair lead may ${what} a repair`);
    }
  }
}

/**
 * Gives the work order to a technician (or the repair lead) of the directory; a reassignment names
 * who was taken off. The desk and managers assign; of the field staff only the repair lead does.
 */
function assign(ticket: RepairTicket, command: Command<'assign'>, ctx: RuleContext): Draft {
  deskLeadOrManager(ctx, 'assign');
  guard(ticket, 'assign');
  const technician = ctx.staff.find((s) => s.id === command.staffId);
  if (!technician) {
    throw new NotFound(
      'STAFF.NOT_FOUND',
      `staff ${command.staffId} is not in this park's directory`,
      'staffId',
    );
  }
  if (!technician.roles.includes('technician') && !technician.roles.includes('repair-lead')) {
    throw new RuleViolation(
      'REPAIR.NOT_A_TECHNICIAN',
      `${technician.name} is not a technician of the engineering department`,
      'staffId',
    );
  }
  return {
    type: 'ticket.assigned',
    data: {
      staffId: technician.id,
      staffName: technician.name,
      ...(ticket.assigneeId && ticket.assigneeId !== technician.id
        ? { previousStaffId: ticket.assigneeId, previousStaffName: ticket.assigneeName ?? '' }
        : {}),
    },
  };
}

/** The technician takes the job (meets ack-30m). */
function acknowledge(ticket: RepairTicket, command: Command<'acknowledge'>): Draft {
  // The shared acknowledge body carries fields for other kinds; a repair takes none of them.
  // Checked before the lifecycle, as the desk has always answered.
  for (const field of ['step', 'staffId'] as const) {
    if (command[field] !== undefined) {
      throw new RuleViolation('REPAIR.FIELD_NOT_TAKEN', `a repair's acknowledge takes no ${field}`, field);
    }
  }
  guard(ticket, 'acknowledge');
  return { type: 'ticket.acknowledged', data: {} };
}

/** The job is done: the signed service slip goes onto the ticket. */
function complete(ticket: RepairTicket, command: Command<'complete'>): Draft {
  // The edge's `complete` body also serves the move-in (no slip): a repair needs its slip, checked
  // first like any malformed body (400 before the 409 of a step out of turn).
  if (!command.serviceSlip) {
    throw new InvalidInput(
      'REQUEST.MISSING_FIELD',
      'serviceSlip: a repair is completed with its service slip',
      'serviceSlip',
    );
  }
  if (command.note !== undefined) {
    throw new InvalidInput('REQUEST.UNKNOWN_FIELD', 'note: a repair’s completion takes no note', 'note');
  }
  guard(ticket, 'complete');
  return { type: 'ticket.completed', data: { serviceSlip: command.serviceSlip } };
}

function close(ticket: RepairTicket): Draft {
  guard(ticket, 'close');
  return { type: 'ticket.closed', data: {} };
}

/**
 * CH-11 correction: the resident cancelled, or it is a duplicate. A new entry; the record stays,
 * its pending clocks are cancelled and the technician on it is told not to go.
 */
function cancel(ticket: RepairTicket, command: Command<'cancel'>, ctx: RuleContext): Draft {
  deskLeadOrManager(ctx, 'cancel');
  guard(ticket, 'cancel');
  return { type: 'repair.cancelled', data: { reason: command.reason } };
}

/**
 * CH-11 correction: a booked repair's appointment moves (RP-2's appointment, in the future). The
 * booking's clocks are derived again from the new time; the technician on it is told.
 */
function reschedule(ticket: RepairTicket, command: Command<'reschedule'>, ctx: RuleContext): Draft {
  deskLeadOrManager(ctx, 'reschedule');
  guard(ticket, 'reschedule');
  if (ticket.decision !== 'appointment' || !ticket.appointmentAt) {
    throw new RuleViolation(
      'REPAIR.NOT_BOOKED',
      'RP-2: only a booked repair has an appointment to move; a dispatched one is done as soon as possible',
      'appointmentAt',
    );
  }
  checkRepairDecision({ decision: 'appointment', appointmentAt: command.appointmentAt }, ctx.now);
  const appointmentAt = new Date(command.appointmentAt).toISOString();
  if (Date.parse(ticket.appointmentAt) === Date.parse(appointmentAt)) {
    throw new RuleViolation(
      'REPAIR.SAME_APPOINTMENT',
      'the repair is already booked for this time',
      'appointmentAt',
    );
  }
  return {
    type: 'repair.rescheduled',
    data: {
      appointmentAt,
      previousAppointmentAt: ticket.appointmentAt,
      reason: command.reason,
      clocks: rescheduleClocks(appointmentAt, ctx.now, ctx.park),
    },
  };
}

/**
 * CH-11 correction: the resident calls back, not fixed. The completed (or closed) repair goes back
 * to be dispatched, with 30 minutes to be taken and a new completion deadline; the first job's
 * slip stays in the history, and the reopening counts in its month's records.
 */
function reopen(ticket: RepairTicket, command: Command<'reopen'>, ctx: RuleContext): Draft {
  deskLeadOrManager(ctx, 'reopen');
  guard(ticket, 'reopen');
  return {
    type: 'repair.reopened',
    data: {
      reason: command.reason,
      ...(ticket.assigneeId
        ? { previousStaffId: ticket.assigneeId, previousStaffName: ticket.assigneeName ?? '' }
        : {}),
      clocks: reopenClocks(ctx.now, ctx.park),
    },
  };
}

export const REPAIR_DECIDERS: Deciders<RepairTicket, RepairCommandBody, RepairEvent> = {
  decide,
  assign,
  acknowledge,
  complete,
  close,
  reschedule,
  cancel,
  reopen,
};

/** Decides the event a command produces, or throws why it may not happen. */
export function decideRepair(ticket: RepairTicket, command: RepairCommandBody, ctx: RuleContext): Draft {
  // The table of kinds (tickets.ts) hands over any kind's command: another kind's step is a 409 here.
  if (!(REPAIR_COMMANDS as readonly string[]).includes(command.type)) {
    throw new IllegalTransition(
      `a repair has no step "${command.type}"; it accepts: ${REPAIR_COMMANDS.join(', ')}`,
    );
  }
  return runDecider(REPAIR_DECIDERS, ticket, command, ctx);
}
