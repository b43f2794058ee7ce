/** Folds a repair's events into the ticket: the projection stored on the ticket item is exactly this. */
import { applyCalledAgain } from '../called-again';
import { settleTimers } from '../ticket';
import {
  assignmentTimers,
  decisionTimers,
  OWED_ON_MISS,
  REPAIR_TIMERS,
  startClocks,
  TIMERS_OWING,
} from './clocks';
import type { RepairClocks, RepairEvent, RepairObligation, RepairStatus, RepairTicket } from './model';
import { statusOfDecision } from './model';

/** Repairs stored before the overdue list have none. */
const owedOf = (ticket: RepairTicket): RepairObligation[] => ticket.overdue ?? [];

/** `obligations` done at `at`: their clocks met, off the overdue list. */
function met(ticket: RepairTicket, obligations: readonly RepairObligation[], at: string): RepairTicket {
  return {
    ...ticket,
    timers: settleTimers(
      ticket.timers,
      obligations.flatMap((o) => TIMERS_OWING[o]),
      'met',
      at,
    ),
    overdue: owedOf(ticket).filter((o) => !obligations.includes(o)),
  };
}

/** The completion deadline the clocks name, if they name one. */
function completeByOf(clocks: RepairClocks | undefined): { completeBy?: string } {
  const due = clocks?.[REPAIR_TIMERS.completeBy.name];
  return due ? { completeBy: due } : {};
}

/** Folds one event into the ticket; depends on the events alone, so a replay gives the same state. */
export function applyRepairEvent(
  ticket: RepairTicket | undefined,
  event: RepairEvent,
  opening?: { id: string; parkId: string },
): RepairTicket {
  if (event.type === 'repair.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { script: _script, number, clocks, ...intake } = event.data;
    const timers = intake.decision ? decisionTimers({ ...intake, decision: intake.decision }, event.at) : {};
    const status: RepairStatus = intake.decision ? statusOfDecision(intake.decision) : 'received';
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
      timers: startClocks(timers, clocks),
      ...intake,
      ...completeByOf(clocks),
      overdue: [],
    };
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const base = { ...ticket, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'repair.decided': {
      const { script: _script, clocks, ...decided } = event.data;
      const done = met(base, ['decide'], event.at);
      return {
        ...done,
        ...decided,
        ...completeByOf(clocks),
        status: statusOfDecision(decided.decision),
        // The clocks start at the decision, not at reception: RP-2 is when the desk commits.
        timers: startClocks({ ...done.timers, ...decisionTimers(decided, event.at) }, clocks),
      };
    }
    case 'ticket.assigned':
      return {
        ...base,
        status: 'assigned',
        assigneeId: event.data.staffId,
        assigneeName: event.data.staffName,
        timers: assignmentTimers(ticket, event.data.staffId, event.at),
      };
    case 'ticket.acknowledged':
      return { ...met(base, ['acknowledge'], event.at), status: 'acknowledged' };
    case 'ticket.completed': {
      const done = met(base, ['acknowledge', 'complete'], event.at);
      return {
        ...done,
        status: 'completed',
        serviceSlip: event.data.serviceSlip,
        timers: settleTimers(done.timers, 'all', 'cancelled', event.at),
      };
    }
    case 'ticket.closed':
      return { ...base, status: 'closed', timers: settleTimers(ticket.timers, 'all', 'cancelled', event.at) };
    case 'repair.cancelled':
      // CH-11: the entry stays on the register; nothing is owed any more, no clock runs.
      return {
        ...base,
        status: 'cancelled',
        cancelReason: event.data.reason,
        timers: settleTimers(ticket.timers, 'all', 'cancelled', event.at),
        overdue: [],
      };
    case 'repair.rescheduled': {
      // What was owed against the old time is owed no more; the booking's clocks run to the new one.
      const owed = owedOf(ticket).filter((o) => o === 'decide');
      return {
        ...base,
        appointmentAt: event.data.appointmentAt,
        ...completeByOf(event.data.clocks),
        timers: startClocks(ticket.timers, event.data.clocks),
        overdue: owed,
      };
    }
    case 'repair.reopened': {
      // Back to be dispatched: a fresh job (nobody on it, no slip yet), its own clocks.
      const {
        assigneeId: _assignee,
        assigneeName: _name,
        serviceSlip: _slip,
        appointmentAt: _appointment,
        ...rest
      } = base;
      return {
        ...rest,
        status: 'dispatched',
        decision: 'dispatch',
        ...completeByOf(event.data.clocks),
        timers: startClocks(ticket.timers, event.data.clocks),
        overdue: [],
        reopens: [...(ticket.reopens ?? []), { at: event.at, reason: event.data.reason }],
      };
    }
    case 'timer.fired': {
      const owes = OWED_ON_MISS[event.data.timer];
      const outcome = owes ? 'missed' : 'fired';
      const owed = owedOf(ticket);
      return {
        ...base,
        timers: settleTimers(ticket.timers, [event.data.timer], outcome, event.at),
        overdue: owes && !owed.includes(owes) ? [...owed, owes] : owed,
      };
    }
    case 'caller.called-again':
      return applyCalledAgain(ticket, event);
  }
}
