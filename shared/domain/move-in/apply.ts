/** Folds a move-in's events into the case: the projection stored on the ticket item is exactly this. */
import type { TimerState } from '../ticket';
import { settleTimers } from '../ticket';
import { missingSteps } from './checklist';
import type { MoveInEvent, MoveInTicket } from './model';

const pending = (clocks: Record<string, string>): Record<string, TimerState> =>
  Object.fromEntries(
    Object.entries(clocks).map(([name, dueAt]) => [name, { dueAt, state: 'pending' as const }]),
  );

/** Folds one event into the case; depends on the events alone, so a replay gives the same state. */
export function applyMoveInEvent(
  ticket: MoveInTicket | undefined,
  event: MoveInEvent,
  opening?: { id: string; parkId: string },
): MoveInTicket {
  if (event.type === 'move-in.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { number, source, forms, clocks, unit, owner } = event.data;
    return {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'move-in',
      ...(number ? { number } : {}),
      status: 'open',
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      timers: pending(clocks),
      ...(source ? { source } : {}),
      unit,
      owner,
      steps: {},
      missing: missingSteps({}),
      repairs: [],
      forms,
      overdue: [],
    };
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const base = { ...ticket, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'move-in.step-recorded': {
      const { step, record, repairs } = event.data;
      const steps = {
        ...ticket.steps,
        [step]: {
          at: event.at,
          by: event.actor.staffId,
          ...(event.actor.name ? { byName: event.actor.name } : {}),
          data: record,
          times: (ticket.steps[step]?.times ?? 0) + 1,
        },
      };
      return {
        ...base,
        steps,
        missing: missingSteps(steps),
        repairs: [...ticket.repairs, ...(repairs ?? [])],
      };
    }
    case 'move-in.completed':
      return {
        ...base,
        status: 'completed',
        completed: {
          at: event.at,
          by: event.actor.staffId,
          ...(event.data.note ? { note: event.data.note } : {}),
        },
        timers: settleTimers(ticket.timers, 'all', 'met', event.at),
        overdue: [],
      };
    case 'timer.fired':
      return {
        ...base,
        timers: settleTimers(ticket.timers, [event.data.timer], 'missed', event.at),
        overdue: ticket.overdue.includes('open') ? ticket.overdue : [...ticket.overdue, 'open'],
      };
  }
}
