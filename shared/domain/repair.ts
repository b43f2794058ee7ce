/**
 * Repair requests becoming work orders (RP-1..RP-5). Pure: every function takes `now` or the event
 * time; nothing here reads a clock or does I/O.
 */
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from './errors';
import type { CommandInput, EventDraft, TicketKindRules } from './kind';
import type { Notification } from './notifications';
import { deskOnShift, firstHolders, fitSms, repairNotifications } from './notifications';
import type { Park, StaffMember } from './park';
import type { Actor, Caller, TicketBase, TicketEvent, TicketSource, TimerState } from './ticket';
import { settleTimers } from './ticket';
import { addMinutes, chineseShort } from './time';

/** RP-2: the three outcomes of a repair call. */
export const REPAIR_DECISIONS = ['dispatch', 'appointment', 'decline'] as const;
export type RepairDecision = (typeof REPAIR_DECISIONS)[number];

export const REPAIR_STATUSES = [
  /** Taken down (by the IVR, or at the desk while confirming with engineering); RP-2 not yet decided. */
  'received',
  'dispatched',
  'booked',
  'declined',
  'assigned',
  'acknowledged',
  'completed',
  'closed',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_COMMANDS = ['decide', 'assign', 'acknowledge', 'complete', 'close'] as const;
export type RepairCommand = (typeof REPAIR_COMMANDS)[number];

/**
 * Which command may follow which status, and where it leads. The one place the lifecycle lives:
 * anything not listed here is an illegal step (409). `decide` leads to one of three statuses: the
 * RP-2 outcome the command names.
 */
export const REPAIR_TRANSITIONS: Record<
  RepairStatus,
  Partial<Record<RepairCommand, RepairStatus | readonly RepairStatus[]>>
> = {
  received: { decide: ['dispatched', 'booked', 'declined'] },
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
  /** RP-2's outcome; absent while the repair is `received`. */
  decision?: RepairDecision;
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
  /** Absent: the request is taken down as `received` and decided later with `decide`. */
  decision?: RepairDecision;
  appointmentAt?: string;
  declineReason?: string;
  paidService?: PaidService;
  /** Where the request came from (an IVR call); kept on the ticket. */
  source?: TicketSource;
}

/** RP-2's outcome with what it needs: given at opening, or later with the `decide` command. */
export interface RepairDecisionInput {
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
  | TicketEvent<'repair.decided', RepairDecisionInput & { script: RepairScript }>
  | TicketEvent<
      'ticket.assigned',
      /** `previous…`: a reassignment names who was taken off the job (they are told not to go). */
      { staffId: string; staffName: string; previousStaffId?: string; previousStaffName?: string }
    >
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
/** Said when the request is taken down before RP-2 is decided (the desk confirms with engineering). */
export const RECEIVED_SENTENCE = '您的报修已登记,我们与工程部确认后尽快给您答复。';

/** RP-5: only dispatched or booked requests get a numbered work order. */
export function needsWorkOrder(decision: RepairDecision): boolean {
  return decision !== 'decline';
}

/**
 * Does this intake take a number of the R register at opening? A dispatch or booking does (its
 * work order, RP-5); so does a received request, whose number the caller is told at once and which
 * it keeps whatever RP-2 later decides (CH-11: a register entry is never withdrawn; ADR 006).
 */
export function needsRepairNumber(intake: { decision?: RepairDecision }): boolean {
  return intake.decision === undefined || needsWorkOrder(intake.decision);
}

/**
 * The time to tell: the agreed appointment, else the wanted time — "尽快" when that is not after
 * `reference` (the IVR does not ask, and takes the call's time: as soon as possible).
 */
export function wantedTimeText(
  repair: { wantedAt: string; appointmentAt?: string },
  timeZone: string,
  reference: Date | undefined,
): string {
  if (repair.appointmentAt) return chineseShort(new Date(repair.appointmentAt), timeZone);
  const wanted = new Date(repair.wantedAt);
  const asap = reference !== undefined && wanted.getTime() <= reference.getTime();
  return asap ? '尽快' : chineseShort(wanted, timeZone);
}

/** RP-4: what the resident is told of a paid special service before anything is dispatched. */
function feeSentence(paidService: PaidService | undefined): string {
  return paidService ? `本项为特约有偿服务,费用${paidService.fee}元。` : '';
}

/** The sentences said when a request is taken down undecided: received, then RP-3's confirmation. */
function receivedScript(intake: RepairIntake, timeZone: string, now: Date | undefined): RepairScript {
  const when = wantedTimeText({ wantedAt: intake.wantedAt }, timeZone, now);
  return {
    decision: RECEIVED_SENTENCE,
    confirmation:
      `跟您确认一下:维修内容:${intake.description};地点:${intake.location};时间:${when}。` +
      `${feeSentence(intake.paidService)}${RP3_QUESTION}`,
  };
}

/**
 * The RP-2 and RP-3 sentences for this intake, in the park's time zone. Without a decision: the
 * received sentence, and "尽快" for a wanted time that is not after `now`.
 */
export function repairScript(intake: RepairIntake, timeZone: string, now?: Date): RepairScript {
  if (intake.decision === undefined) return receivedScript(intake, timeZone, now);
  let decision = RP2_SENTENCES[intake.decision];
  if (intake.decision === 'appointment' && intake.appointmentAt) {
    decision += `我们约定${chineseShort(new Date(intake.appointmentAt), timeZone)}上门维修。`;
  }
  if (intake.decision === 'decline' && intake.declineReason) {
    decision += intake.declineReason;
  }
  const when = wantedTimeText(
    {
      wantedAt: intake.wantedAt,
      ...(intake.decision === 'appointment' && intake.appointmentAt
        ? { appointmentAt: intake.appointmentAt }
        : {}),
    },
    timeZone,
    now,
  );
  const confirmation =
    intake.decision === 'decline'
      ? RP3_QUESTION
      : `跟您确认一下:维修内容:${intake.description};地点:${intake.location};` +
        `时间:${when}。${feeSentence(intake.paidService)}${RP3_QUESTION}`;
  return { decision, confirmation };
}

/**
 * RP-2 (exactly one outcome, with what it needs) and RP-4 (no dispatch or booking of a paid
 * service without the resident's consent). Used at opening and by `decide`.
 */
export function checkRepairDecision(input: RepairDecisionInput, now: Date): void {
  checkFee(input.paidService);
  if (input.decision === 'appointment') {
    if (!input.appointmentAt) {
      throw new RuleViolation(
        'REPAIR.APPOINTMENT_REQUIRED',
        'RP-2: an appointment needs appointmentAt',
        'appointmentAt',
      );
    }
    const appointment = Date.parse(input.appointmentAt);
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
  } else if (input.appointmentAt) {
    throw new RuleViolation(
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      `RP-2: appointmentAt belongs to decision "appointment", not "${input.decision}"`,
      'appointmentAt',
    );
  }
  if (input.decision === 'decline' && !input.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_REQUIRED',
      'RP-2: a declined request needs declineReason, the explanation given to the resident',
      'declineReason',
    );
  }
  if (input.decision !== 'decline' && input.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'RP-2: declineReason belongs to decision "decline"',
      'declineReason',
    );
  }
  if (input.paidService && !input.paidService.consent && input.decision !== 'decline') {
    throw new RuleViolation(
      'REPAIR.PAID_SERVICE_CONSENT_REQUIRED',
      'RP-4: a paid special service is dispatched or booked only with the resident’s recorded consent',
      'paidService.consent',
    );
  }
}

/** RP-4: a paid service has a fee to tell the resident; 0 yuan is not a paid service. */
function checkFee(paidService: PaidService | undefined): void {
  if (paidService && !(paidService.fee > 0)) {
    throw new RuleViolation(
      'REPAIR.PAID_SERVICE_FEE_REQUIRED',
      'RP-4: a paid special service needs the fee told to the resident (more than 0 yuan)',
      'paidService.fee',
    );
  }
}

/** A received request carries no outcome yet: what belongs to one is refused until `decide`. */
function checkReceived(intake: RepairIntake): void {
  checkFee(intake.paidService);
  if (intake.appointmentAt) {
    throw new RuleViolation(
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      'RP-2: appointmentAt belongs to decision "appointment"; a request without a decision is only received',
      'appointmentAt',
    );
  }
  if (intake.declineReason) {
    throw new RuleViolation(
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'RP-2: declineReason belongs to decision "decline"; a request without a decision is only received',
      'declineReason',
    );
  }
}

/**
 * Opens a repair request. With a decision, enforces RP-2 and RP-4 at once; without one the request
 * is `received`, waiting for the desk's RP-2 decision (`decide`).
 */
export function openRepair(
  input: { id: string; parkId: string; number?: string; intake: RepairIntake; timeZone: string },
  actor: Actor,
  now: Date,
): { ticket: RepairTicket; event: RepairEvent; script: RepairScript } {
  const { intake } = input;
  if (intake.decision === undefined) checkReceived(intake);
  else checkRepairDecision({ ...intake, decision: intake.decision }, now);
  if (needsRepairNumber(intake) !== (input.number !== undefined)) {
    throw new Error('work-order number must be given exactly when the decision needs one (RP-5)');
  }
  const at = now.toISOString();
  const script = repairScript(intake, input.timeZone, now);
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

function guard(ticket: RepairTicket, command: RepairCommand): RepairStatus | readonly RepairStatus[] {
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
    | { type: 'close' }
    | ({ type: 'decide' } & RepairDecisionInput),
  /** The decision time and the park's zone: needed by `decide` (RP-2's appointment, the script). */
  at?: { now: Date; timeZone: string },
): Draft<RepairEvent> {
  guard(ticket, command.type);
  switch (command.type) {
    case 'decide': {
      if (!at) throw new Error('decide needs the time and the park’s time zone');
      const { type: _type, ...input } = command;
      // A paid service recorded at reception stays unless the decision restates it (RP-4 checks the result).
      const paidService = input.paidService ?? ticket.paidService;
      const decided: RepairDecisionInput = { ...input, ...(paidService ? { paidService } : {}) };
      checkRepairDecision(decided, at.now);
      // `now`: a wanted time already past (a phone call's "as soon as possible") is told as 尽快.
      const script = repairScript({ ...ticket, ...decided }, at.timeZone, at.now);
      return { type: 'repair.decided', data: { ...decided, script } };
    }
    case 'assign':
      if (
        !command.technician.roles.includes('technician') &&
        !command.technician.roles.includes('repair-lead')
      ) {
        throw new RuleViolation(
          'REPAIR.NOT_A_TECHNICIAN',
          `${command.technician.name} is not a technician of the engineering department`,
          'staffId',
        );
      }
      return {
        type: 'ticket.assigned',
        data: {
          staffId: command.technician.id,
          staffName: command.technician.name,
          ...(ticket.assigneeId && ticket.assigneeId !== command.technician.id
            ? { previousStaffId: ticket.assigneeId, previousStaffName: ticket.assigneeName ?? '' }
            : {}),
        },
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
export function repairTimerDue(
  ticket: RepairTicket,
  timer: string,
  now: Date,
): Draft<RepairEvent> | undefined {
  const state = ticket.timers[timer];
  if (state?.state !== 'pending') return undefined;
  if (now.getTime() < new Date(state.dueAt).getTime()) return undefined;
  return { type: 'timer.fired', data: { timer, dueAt: state.dueAt } };
}

function statusOf(decision: RepairDecision): RepairStatus {
  return decision === 'dispatch' ? 'dispatched' : decision === 'appointment' ? 'booked' : 'declined';
}

/** The timers an RP-2 outcome starts at `at`: ack-30m for a dispatch, the reminder for a booking. */
function decisionTimers(input: RepairDecisionInput, at: string): Record<string, TimerState> {
  const timers: Record<string, TimerState> = {};
  if (input.decision === 'dispatch') {
    const { name, minutes } = REPAIR_TIMERS.ackDeadline;
    timers[name] = { dueAt: addMinutes(new Date(at), minutes).toISOString(), state: 'pending' };
  }
  if (input.decision === 'appointment' && input.appointmentAt) {
    const { name, minutesBefore } = REPAIR_TIMERS.appointmentReminder;
    const remindAt = Math.max(
      addMinutes(new Date(input.appointmentAt), -minutesBefore).getTime(),
      new Date(at).getTime(),
    );
    timers[name] = { dueAt: new Date(remindAt).toISOString(), state: 'pending' };
  }
  return timers;
}

/**
 * A received request waits for the desk's RP-2 decision: the desk on shift (the dispatcher in office
 * hours, the duty officer outside them) is told by SMS. Read from the opening event, not the ticket: by the time the stream delivers the
 * event the ticket may already be decided.
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
  return firstHolders(staff, deskOnShift(new Date(event.at), park)).map((to) => ({
    to,
    text,
    purpose: 'received',
  }));
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
    const timers = intake.decision ? decisionTimers({ ...intake, decision: intake.decision }, event.at) : {};
    const status: RepairStatus = intake.decision ? statusOf(intake.decision) : 'received';
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
    case 'repair.decided': {
      const { script: _script, ...decided } = event.data;
      return {
        ...base,
        ...decided,
        status: statusOf(decided.decision),
        // The clocks start at the decision, not at reception: RP-2 is when the desk commits.
        timers: { ...ticket.timers, ...decisionTimers(decided, event.at) },
      };
    }
    case 'ticket.assigned': {
      // A dispatched job given to someone else: the new technician has 30 minutes of their own to take it.
      const { name, minutes } = REPAIR_TIMERS.ackDeadline;
      const rearm =
        ticket.decision === 'dispatch' &&
        ticket.assigneeId !== undefined &&
        ticket.assigneeId !== event.data.staffId;
      const timers = rearm
        ? {
            ...settleTimers(ticket.timers, [name], 'cancelled', event.at),
            [name]: {
              dueAt: addMinutes(new Date(event.at), minutes).toISOString(),
              state: 'pending' as const,
            },
          }
        : ticket.timers;
      return {
        ...base,
        status: 'assigned',
        assigneeId: event.data.staffId,
        assigneeName: event.data.staffName,
        timers,
      };
    }
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
  commands: REPAIR_COMMANDS,
  needsNumber: needsRepairNumber,
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
          throw new NotFound(
            'STAFF.NOT_FOUND',
            `staff ${String(command.staffId)} is not in this park's directory`,
            'staffId',
          );
        }
        return decideRepair(ticket, { type: 'assign', technician });
      }
      case 'complete':
        return decideRepair(ticket, { type: 'complete', serviceSlip: command.serviceSlip as ServiceSlip });
      case 'decide': {
        guard(ticket, 'decide');
        const { type: _type, ...input } = command;
        if (!(REPAIR_DECISIONS as readonly unknown[]).includes(input.decision)) {
          throw new InvalidInput(
            'REQUEST.INVALID_FIELD',
            `decision: one of ${REPAIR_DECISIONS.join(', ')}`,
            'decision',
          );
        }
        return decideRepair(
          ticket,
          { type: 'decide', ...(input as unknown as RepairDecisionInput) },
          { now: ctx.now, timeZone: ctx.park.timeZone },
        );
      }
      case 'acknowledge':
      case 'close':
        // The shared acknowledge body carries fields for other kinds; a repair takes none of them.
        for (const field of ['step', 'staffId'] as const) {
          if (command[field] !== undefined) {
            throw new RuleViolation(
              'REPAIR.FIELD_NOT_TAKEN',
              `a repair's ${command.type} takes no ${field}`,
              field,
            );
          }
        }
        return decideRepair(ticket, { type: command.type });
      default:
        throw new IllegalTransition(
          `a repair has no step "${command.type}"; it accepts: ${REPAIR_COMMANDS.join(', ')}`,
        );
    }
  },
  apply: applyRepairEvent,
  timerDue: (ticket, timer, ctx) => repairTimerDue(ticket, timer, ctx.now),
  // A call, not a reference: notifications.ts imports this module too.
  notifications: (event, ticket, staff, park) => [
    ...receivedRepairNotifications(event, ticket, staff, park),
    ...repairNotifications(event, ticket, staff, park),
  ],
  assigneeOnly: ['acknowledge', 'complete'],
};
