/**
 * What each event did to a ticket's clocks (set, met, missed, fired, cancelled), for the timeline.
 * Found by folding the events again: `apply` depends on the events alone, so the replay is exact.
 */
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { rulesOf } from '../domain/tickets';
import type { TimerStateName } from '../domain/ticket';

export interface TimerChanges {
  /** Clocks started (or moved) by the event, with their due times. */
  set?: Record<string, string>;
  met?: string[];
  missed?: string[];
  fired?: string[];
  cancelled?: string[];
}

type Settled = Exclude<TimerStateName, 'pending'>;

function diff(before: Ticket['timers'], after: Ticket['timers']): TimerChanges | undefined {
  const changes: TimerChanges = {};
  for (const [name, timer] of Object.entries(after)) {
    const was = before[name];
    // Started, moved, or started again after it was settled (a reopened complaint, CH-6).
    if (timer.state === 'pending' && (was?.state !== 'pending' || was.dueAt !== timer.dueAt)) {
      changes.set = { ...changes.set, [name]: timer.dueAt };
    } else if (was?.state === 'pending' && timer.state !== 'pending') {
      const state = timer.state as Settled;
      changes[state] = [...(changes[state] ?? []), name];
    }
  }
  return Object.keys(changes).length ? changes : undefined;
}

/** The clock changes of each event, by `seq`; events that touched no clock are absent. */
export function timerChangesByEvent(
  ticket: Ticket,
  events: readonly TicketEventOf[],
): Map<number, TimerChanges> {
  const rules = rulesOf(ticket.kind);
  const changes = new Map<number, TimerChanges>();
  let state: Ticket | undefined;
  try {
    for (const event of [...events].sort((a, b) => a.seq - b.seq)) {
      const next: Ticket = rules.apply(state, event, { id: ticket.id, parkId: ticket.parkId });
      const change = diff(state?.timers ?? {}, next.timers ?? {});
      if (change) changes.set(event.seq, change);
      state = next;
    }
  } catch {
    // A history this code cannot fold (an event kind it no longer knows) still reads; it just
    // shows fewer clock changes. The stored ticket, not this replay, is the record of state.
  }
  return changes;
}
