/** Folds a repair's events into the ticket: the projection stored on the ticket item is exactly this. */
import { applyCalledAgain } from '../called-again';
import { settleTimers } from '../ticket';
import { assignmentTimers, decisionTimers, REPAIR_TIMERS } from './clocks';
import type { RepairEvent, RepairStatus, RepairTicket } from './model';
import { statusOfDecision } from './model';

/** Folds one event into the ticket; depends on the events alone, so a replay gives the same state. */
export function applyRepairEvent(
  ticket: RepairTicket | undefined,
  event: RepairEvent,
  opening?: { id: string; parkId: string },
): RepairTicket {
  if (event.type === 'repair.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { script: _script, number, ...intake } = event.data;
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
        status: statusOfDecision(decided.decision),
        // The clocks start at the decision, not at reception: RP-2 is when the desk commits.
        timers: { ...ticket.timers, ...decisionTimers(decided, event.at) },
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
    case 'caller.called-again':
      return applyCalledAgain(ticket, event);
  }
}
