/** The repair's vocabulary (RP-1..RP-5): statuses, commands, the lifecycle table, the ticket and its events. */
import type { CalledAgainEvent } from '../called-again';
import type { TransitionTable } from '../kind';
import { commandsAllowed } from '../kind';
import type { Caller, TicketBase, TicketEvent, TicketSource } from '../ticket';

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
  /** CH-11: taken off the register's open work by a `cancel` entry (the resident cancelled, a duplicate). */
  'cancelled',
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_COMMANDS = [
  'decide',
  'assign',
  'acknowledge',
  'complete',
  'close',
  // Corrections (CH-11: a new entry, never an edit): issue 11 item 8.
  'reschedule',
  'cancel',
  'reopen',
] as const;
export type RepairCommand = (typeof REPAIR_COMMANDS)[number];

/**
 * Which command may follow which status, and where it leads. The one place the lifecycle lives:
 * anything not listed here is an illegal step (409). `decide` leads to one of three statuses: the
 * RP-2 outcome the command names.
 */
export const REPAIR_TRANSITIONS: TransitionTable<RepairStatus, RepairCommand> = {
  received: { decide: ['dispatched', 'booked', 'declined'], cancel: 'cancelled' },
  dispatched: { assign: 'assigned', cancel: 'cancelled' },
  // `reschedule` keeps the status; the decider refuses it for a dispatched job (no appointment).
  booked: { assign: 'assigned', reschedule: 'booked', cancel: 'cancelled' },
  assigned: { assign: 'assigned', acknowledge: 'acknowledged', reschedule: 'assigned', cancel: 'cancelled' },
  acknowledged: {
    assign: 'assigned',
    complete: 'completed',
    reschedule: 'acknowledged',
    cancel: 'cancelled',
  },
  // The resident calls back: not fixed. Back to be dispatched, with a new completion clock.
  completed: { close: 'closed', reopen: 'dispatched' },
  declined: {},
  closed: { reopen: 'dispatched' },
  cancelled: {},
};

/**
 * Commands that correct a finished record rather than carry the work on: a ticket accepting only
 * these is not open (a closed repair is not the caller's open repair, ADR 011).
 */
export const REPAIR_CORRECTIONS: readonly RepairCommand[] = ['reopen'];

/** The commands a ticket in `status` accepts, in lifecycle order. */
export function nextRepairCommands(status: RepairStatus): RepairCommand[] {
  return commandsAllowed(REPAIR_TRANSITIONS, REPAIR_COMMANDS, status);
}

/** RP-2: the status each outcome leads to (one of `decide`'s three in the table). */
export function statusOfDecision(decision: RepairDecision): RepairStatus {
  return decision === 'dispatch' ? 'dispatched' : decision === 'appointment' ? 'booked' : 'declined';
}

export interface PaidService {
  /** Fee in yuan, as told to the resident. */
  fee: number;
  /** RP-4: the resident agreed to pay; recorded before dispatch. */
  consent: boolean;
}

/** What a missed repair clock leaves owed until somebody does it; a repair owing any is overdue. */
export type RepairObligation = 'decide' | 'acknowledge' | 'complete';

/** Due times of the clocks a park's settings derive (timer name → ISO time), carried in the event. */
export type RepairClocks = Record<string, string>;

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
  /** MI-6: the move-in whose inspection opened this work order. */
  moveIn?: { ticketId: string; number: string };
  assigneeName?: string;
  serviceSlip?: ServiceSlip;
  /** What is owed past its deadline now; non-empty = overdue (`GET /tickets?kind=repair&overdue=true`). Absent on repairs stored before it. */
  overdue?: RepairObligation[];
  /** When the repair must be done (the completion clock); absent before RP-2 decides it. */
  completeBy?: string;
  /** CH-11: why it was cancelled (the `cancel` entry). */
  cancelReason?: string;
  /** CH-11: each time the resident called back (`reopen`): counted in the month it happened. */
  reopens?: { at: string; reason: string }[];
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
  /** MI-6: the move-in whose inspection found this defect (the move-in lists this repair). */
  moveIn?: { ticketId: string; number: string };
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
  /** `clocks`: the park-derived clocks started with it (absent on events recorded before them). */
  | TicketEvent<
      'repair.opened',
      RepairIntake & { number?: string; script: RepairScript; clocks?: RepairClocks }
    >
  | TicketEvent<'repair.decided', RepairDecisionInput & { script: RepairScript; clocks?: RepairClocks }>
  | TicketEvent<'repair.cancelled', { reason: string }>
  | TicketEvent<
      'repair.rescheduled',
      { appointmentAt: string; previousAppointmentAt: string; reason: string; clocks: RepairClocks }
    >
  | TicketEvent<
      'repair.reopened',
      { reason: string; previousStaffId?: string; previousStaffName?: string; clocks: RepairClocks }
    >
  | TicketEvent<
      'ticket.assigned',
      /** `previous…`: a reassignment names who was taken off the job (they are told not to go). */
      { staffId: string; staffName: string; previousStaffId?: string; previousStaffName?: string }
    >
  | TicketEvent<'ticket.acknowledged', Record<string, never>>
  | TicketEvent<'ticket.completed', { serviceSlip: ServiceSlip }>
  | TicketEvent<'ticket.closed', Record<string, never>>
  | TicketEvent<'timer.fired', { timer: string; dueAt: string }>
  | CalledAgainEvent;

/**
 * The bodies the repair's deciders take, as the edge parsed them. `acknowledge`'s body is shared
 * with the other kinds: a repair accepts it whole and refuses the fields it does not take.
 */
export type RepairCommandBody =
  | ({ type: 'decide' } & RepairDecisionInput)
  | { type: 'assign'; staffId: string }
  | { type: 'acknowledge'; note?: string; step?: string; staffId?: string }
  /** `serviceSlip` is required for a repair; the edge's `complete` body is shared with the move-in's. */
  | { type: 'complete'; serviceSlip?: ServiceSlip; note?: string }
  | { type: 'close' }
  | { type: 'reschedule'; appointmentAt: string; reason: string }
  | { type: 'cancel'; reason: string }
  | { type: 'reopen'; reason: string };
