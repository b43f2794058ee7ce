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
] as const;
export type RepairStatus = (typeof REPAIR_STATUSES)[number];

export const REPAIR_COMMANDS = ['decide', 'assign', 'acknowledge', 'complete', 'close'] as const;
export type RepairCommand = (typeof REPAIR_COMMANDS)[number];

/**
 * Which command may follow which status, and where it leads. The one place the lifecycle lives:
 * anything not listed here is an illegal step (409). `decide` leads to one of three statuses: the
 * RP-2 outcome the command names.
 */
export const REPAIR_TRANSITIONS: TransitionTable<RepairStatus, RepairCommand> = {
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
  | { type: 'close' };
