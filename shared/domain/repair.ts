/**
 * Repair requests becoming work orders (RP-1..RP-5). Pure: every function takes `now` or the event
 * time; nothing here reads a clock or does I/O.
 */
import { IllegalTransition, NotFound, RuleViolation } from './errors';
import type { CommandInput, EventDraft, TicketKindRules } from './kind';
import { repairNotifications } from './notifications';
import type { StaffMember } from './park';
import type { Actor, Caller, TicketBase, TicketEvent } from './ticket';
import { settleTimers } from './ticket';
import { addMinutes, chineseShort } from './time';

/** RP-2: the three outcomes of a repair call. */
export const REPAIR_DECISIONS = ['dispatch', 'appointment', 'decline'] as const;
export type RepairDecision = (typeof REPAIR_DECISIONS)[number];

export const REPAIR_STATUSES = [
  'dispatched',
  'booked',
  'declined',
  'assigned',
  'acknowledged',
  'completed',
  'closed',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_COMMANDS = ['assign', 'acknowledge', 'complete', 'close'] as const;
export type RepairCommand = (typeof REPAIR_COMMANDS)[number];

/**
 * Which command may follow which status, and where it leads. The one place the lifecycle lives:
 * anything not listed here is an illegal step (409).
 */
export const REPAIR_TRANSITIONS: Record<RepairStatus, Partial<Record<RepairCommand, RepairStatus>>> = {
  dispatched: { assign: 'assigned' },
  booked: { assign: 'assigned' },
  assigned: { assign: 'assigned', acknowledge: 'acknowledged' },
  acknowledged: { assign: 'assigned', complete: 'completed' },
  completed: { close: 'closed' },
  declined: {},
  closed: {},
};

/** The commands a ticket in `status` accepts, in lifecycle order. */
export function nextRepairCommands(status: RepairStatus): RepairCommand[] {
  return REPAIR_COMMANDS.filter((c) => REPAIR_TRANSITIONS[status][c] !== undefined);
}

/** Timer names of the repair procedure and their rules. */
export const REPAIR_TIMERS = {
  /** A dispatched repair not acknowledged within 30 minutes goes to the engineering lead. */
  ackDeadline: { name: 'ack-30m', minutes: 30 },
  /** The assigned technician is reminded one hour before the agreed appointment. */
  appointmentReminder: { name: 'appointment-reminder', minutesBefore: 60 },
} as const;

export interface PaidService {
  /** Fee in yuan, as told to the resident. */
  fee: number;
  /** RP-4: the resident agreed to pay; recorded before dispatch. */
  consent: boolean;
}

export interface ServiceSlip {
  number: string;
  signedBy: string;
}

export interface RepairTicket extends TicketBase {
  kind: 'repair';
  status: RepairStatus;
  caller: Caller;
  description: string;
  location: string;
  wantedAt: string;
  decision: RepairDecision;
  appointmentAt?: string;
  declineReason?: string;
  paidService?: PaidService;
  assigneeId?: string;
  assigneeName?: string;
  serviceSlip?: ServiceSlip;
}

export interface RepairIntake {
  caller: Caller;
  description: string;
  location: string;
  wantedAt: string;
  decision: RepairDecision;
  appointmentAt?: string;
  declineReason?: string;
  paidService?: PaidService;
}

/** The sentences the dispatcher says to the resident (RP-2 then RP-3). */
export interface RepairScript {
  decision: string;
  confirmation: string;
}

export type RepairEvent =
  | TicketEvent<'repair.opened', RepairIntake & { number?: string; script: RepairScript }>
  | TicketEvent<'ticket.assigned', { staffId: string; staffName: string }>
  | TicketEvent<'ticket.acknowledged', Record<string, never>>
  | TicketEvent<'ticket.completed', { serviceSlip: ServiceSlip }>
  | TicketEvent<'ticket.closed', Record<string, never>>
  | TicketEvent<'timer.fired', { timer: string; dueAt: string }>;

/** RP-2 / RP-3 wording, kept verbatim from the procedure. */
export const RP2_SENTENCES: Record<RepairDecision, string> = {
  dispatch: '我们马上派人去维修。',
  appointment: '对不起,我们暂时没有人。',
  decline: '对不起,我们没有此项服务。',
};
export const RP3_QUESTION = '请问还有什么要求。';

/** RP-5: only dispatched or booked requests get a numbered work order. */
export function needsWorkOrder(decision: RepairDecision): boolean {
  return decision !== 'decline';
}

/** The RP-2 and RP-3 sentences for this intake, in the park's time zone. */
export function repairScript(intake: RepairIntake, timeZone: string): RepairScript {
  let decision = RP2_SENTENCES[intake.decision];
  if (intake.decision === 'appointment' && intake.appointmentAt) {
    decision += `我们约定${chineseShort(new Date(intake.appointmentAt), timeZone)}上门维修。`;
  }
  if (intake.decision === 'decline' && intake.declineReason) {
    decision += intake.declineReason;
  }
  const when =
    intake.decision === 'appointment' && intake.appointmentAt ? intake.appointmentAt : intake.wantedAt;
  const fee = intake.paidService ? `本项为特约有偿服务,费用${intake.paidService.fee}元。` : '';
  const confirmation =
    intake.decision === 'decline'
      ? RP3_QUESTION
      : `跟您确认一下:维修内容:${intake.description};地点:${intake.location};` +
        `时间:${chineseShort(new Date(when), timeZone)}。${fee}${RP3_QUESTION}`;
  return { decision, confirmation };
}

/**
 * Opens a repair request. Enforces RP-2 (exactly one outcome with what it needs) and RP-4 (no
 * dispatch or booking of a paid service without the resident's consent).
 */
export function openRepair(
  input: { id: string; parkId: string; number?: string; intake: RepairIntake; timeZone: string },
  actor: Actor,
  now: Date,
): { ticket: RepairTicket; event: RepairEvent; script: RepairScript } {
  const { intake } = input;
  if (intake.decision === 'appointment') {
    if (!intake.appointmentAt) {
      throw new RuleViolation(
        'REPAIR.APPOINTMENT_REQUIRED',
        'RP-2: an appointment needs appointmentAt',
        'appointmentAt',
      );
    }
    const appointment = Date.parse(intake.appointmentAt);
    if (Number.isNaN(appointment)) {
      throw new RuleViolation('REPAIR.INVALID_TIME', 'appointmentAt is not a time', 'appointmentAt');
    }
    if (appointment <= now.getTime()) {
      throw new RuleViolation(
        'REPAIR.APPOINTMENT_IN_PAST',
        'RP-2: the appointment must be in the future',
        'appointmentAt',
      );
    }
  } else if (intake.appointmentAt) {
    throw new RuleViolation(
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      `RP-2: appointmentAt belongs to decision "appointment", not "${intake.decision}"`,
      'appointmentAt',
    );
  }
  if (intake.decision === 'decline' && !intake.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_REQUIRED',
      'RP-2: a declined request needs declineReason, the explanation given to the resident',
      'declineReason',
    );
  }
  if (intake.decision !== 'decline' && intake.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'RP-2: declineReason belongs to decision "decline"',
      'declineReason',
    );
  }
  if (intake.paidService && !intake.paidService.consent && intake.decision !== 'decline') {
    throw new RuleViolation(
      'REPAIR.PAID_SERVICE_CONSENT_REQUIRED',
      'RP-4: a paid special service is dispatched or booked only with the resident’s recorded consent',
      'paidService.consent',
    );
  }
  if (needsWorkOrder(intake.decision) !== (input.number !== undefined)) {
    throw new Error('work-order number must be given exactly when the decision needs one (RP-5)');
  }
  const at = now.toISOString();
  const script = repairScript(intake, input.timeZone);
  const event: RepairEvent = {
    seq: 1,
    type: 'repair.opened',
    at,
    actor,
    data: { ...intake, ...(input.number ? { number: input.number } : {}), script },
  };
  return { ticket: applyRepairEvent(undefined, event, input), event, script };
}

type Draft<E> = EventDraft<E>;

function guard(ticket: RepairTicket, command: RepairCommand): RepairStatus {
  const next = REPAIR_TRANSITIONS[ticket.status][command];
  if (!next) {
    const allowed = nextRepairCommands(ticket.status);
    throw new IllegalTransition(
      `a ${ticket.status} repair cannot be sent "${command}"` +
        (allowed.length ? `; it accepts: ${allowed.join(', ')}` : '; it accepts no further steps'),
    );
  }
  return next;
}

/** Decides the event a command produces, or throws why it may not happen. */
export function decideRepair(
  ticket: RepairTicket,
  command:
    | { type: 'assign'; technician: StaffMember }
    | { type: 'acknowledge' }
    | { type: 'complete'; serviceSlip: ServiceSlip }
    | { type: 'close' },
): Draft<RepairEvent> {
  guard(ticket, command.type);
  switch (command.type) {
    case 'assign':
      if (!command.technician.roles.includes('technician') && !command.technician.roles.includes('repair-lead')) {
        throw new RuleViolation(
          'REPAIR.NOT_A_TECHNICIAN',
          `${command.technician.name} is not a technician of the engineering department`,
          'staffId',
        );
      }
      return {
        type: 'ticket.assigned',
        data: { staffId: command.technician.id, staffName: command.technician.name },
      };
    case 'acknowledge':
      return { type: 'ticket.acknowledged', data: {} };
    case 'complete':
      return { type: 'ticket.completed', data: { serviceSlip: command.serviceSlip } };
    case 'close':
      return { type: 'ticket.closed', data: {} };
  }
}

/**
 * What a due timer does to the ticket: a `timer.fired` event when its reason still stands, nothing
 * when the deadline was met, the ticket moved on, or the timer already fired (duplicate delivery).
 */
export function repairTimerDue(ticket: RepairTicket, timer: string, now: Date): Draft<RepairEvent> | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending') return undefined;
  if (now.getTime() < new Date(state.dueAt).getTime()) return undefined;
  return { type: 'timer.fired', data: { timer, dueAt: state.dueAt } };
}

/** Folds one event into the ticket. The projection stored on the ticket item is exactly this. */
export function applyRepairEvent(
  ticket: RepairTicket | undefined,
  event: RepairEvent,
  opening?: { id: string; parkId: string },
): RepairTicket {
  if (event.type === 'repair.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { script: _script, number, ...intake } = event.data;
    const timers: RepairTicket['timers'] = {};
    if (intake.decision === 'dispatch') {
      const { name, minutes } = REPAIR_TIMERS.ackDeadline;
      timers[name] = { dueAt: addMinutes(new Date(event.at), minutes).toISOString(), state: 'pending' };
    }
    if (intake.decision === 'appointment' && intake.appointmentAt) {
      const { name, minutesBefore } = REPAIR_TIMERS.appointmentReminder;
      const remindAt = Math.max(
        addMinutes(new Date(intake.appointmentAt), -minutesBefore).getTime(),
        new Date(event.at).getTime(),
      );
      timers[name] = { dueAt: new Date(remindAt).toISOString(), state: 'pending' };
    }
    const status: RepairStatus =
      intake.decision === 'dispatch' ? 'dispatched' : intake.decision === 'appointment' ? 'booked' : 'declined';
    return {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'repair',
      ...(number ? { number } : {}),
      status,
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      timers,
      ...intake,
    };
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const base = { ...ticket, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'ticket.assigned':
      return {
        ...base,
        status: 'assigned',
        assigneeId: event.data.staffId,
        assigneeName: event.data.staffName,
      };
    case 'ticket.acknowledged':
      return {
        ...base,
        status: 'acknowledged',
        timers: settleTimers(ticket.timers, [REPAIR_TIMERS.ackDeadline.name], 'met', event.at),
      };
    case 'ticket.completed':
      return {
        ...base,
        status: 'completed',
        serviceSlip: event.data.serviceSlip,
        timers: settleTimers(ticket.timers, 'all', 'cancelled', event.at),
      };
    case 'ticket.closed':
      return { ...base, status: 'closed', timers: settleTimers(ticket.timers, 'all', 'cancelled', event.at) };
    case 'timer.fired': {
      const outcome = event.data.timer === REPAIR_TIMERS.ackDeadline.name ? 'missed' : 'fired';
      return { ...base, timers: settleTimers(ticket.timers, [event.data.timer], outcome, event.at) };
    }
  }
}

/** The repair procedure as the desk's table of kinds sees it. */
export const repairRules: TicketKindRules<RepairTicket, RepairEvent, RepairIntake> = {
  register: 'R',
  statuses: REPAIR_STATUSES,
  needsNumber: (intake) => needsWorkOrder(intake.decision),
  open: (input, ctx) => {
    const { ticket, event, script } = openRepair(
      {
        id: input.id,
        parkId: input.parkId,
        intake: input.intake,
        timeZone: ctx.park.timeZone,
        ...(input.number ? { number: input.number } : {}),
      },
      ctx.actor,
      ctx.now,
    );
    return { ticket, event, reply: { script } };
  },
  allowedCommands: (ticket) => nextRepairCommands(ticket.status),
  decide: (ticket, command: CommandInput, ctx) => {
    switch (command.type) {
      case 'assign': {
        guard(ticket, 'assign');
        const technician = ctx.staff.find((s) => s.id === command.staffId);
        if (!technician) {
          throw new NotFound('STAFF.NOT_FOUND', `staff ${String(command.staffId)} is not in this park's directory`, 'staffId');
        }
        return decideRepair(ticket, { type: 'assign', technician });
      }
      case 'complete':
        return decideRepair(ticket, { type: 'complete', serviceSlip: command.serviceSlip as ServiceSlip });
      case 'acknowledge':
      case 'close':
        return decideRepair(ticket, { type: command.type });
      default:
        throw new IllegalTransition(`a repair has no step "${command.type}"; it accepts: ${REPAIR_COMMANDS.join(', ')}`);
    }
  },
  apply: applyRepairEvent,
  timerDue: (ticket, timer, ctx) => repairTimerDue(ticket, timer, ctx.now),
  // A call, not a reference: notifications.ts imports this module too.
  notifications: (event, ticket, staff, park) => repairNotifications(event, ticket, staff, park),
  assigneeOnly: ['acknowledge', 'complete'],
};
