/** Folds a key request's events into the ticket: the projection stored on the ticket item is exactly this. */
import type { TimerState } from '../ticket';
import { settleTimers } from '../ticket';
import { isClosingTimer, KEY_TIMERS } from './clocks';
import type { KeyEvent, KeyTicket } from './model';

const pending = (clocks: Record<string, string>): Record<string, TimerState> =>
  Object.fromEntries(
    Object.entries(clocks).map(([name, dueAt]) => [name, { dueAt, state: 'pending' as const }]),
  );

const withOverdue = (owed: readonly string[], what: string) =>
  owed.includes(what) ? [...owed] : [...owed, what];

/** Folds one event into the ticket; depends on the events alone, so a replay gives the same state. */
export function applyKeyEvent(
  ticket: KeyTicket | undefined,
  event: KeyEvent,
  opening?: { id: string; parkId: string },
): KeyTicket {
  if (event.type === 'key.requested') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { number, source, ...intake } = event.data;
    return {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'key',
      ...(number ? { number } : {}),
      status: 'requested',
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      timers: {},
      ...(source ? { source } : {}),
      requester: intake.requester,
      reason: intake.reason,
      key: intake.key,
      slips: 0,
      overdue: [],
    };
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const base = { ...ticket, version: event.seq, updatedAt: event.at };
  switch (event.type) {
    case 'key.verified':
      return { ...base, status: event.data.passed ? 'verified' : 'declined', verification: event.data };
    case 'key.slip-issued':
      return { ...base, status: 'slip-issued', slip: event.data, slips: ticket.slips + 1 };
    case 'key.handed-out': {
      const { clocks, ...handOut } = event.data;
      return { ...base, status: 'handed-out', handOut, timers: { ...ticket.timers, ...pending(clocks) } };
    }
    case 'key.returned': {
      const met = settleTimers(ticket.timers, [KEY_TIMERS.returnDue], 'met', event.at);
      return {
        ...base,
        status: 'returned',
        returned: { at: event.at, ...event.data },
        timers: settleTimers(met, 'all', 'cancelled', event.at),
        overdue: [],
      };
    }
    case 'key.lost':
      return {
        ...base,
        status: 'lost',
        timers: settleTimers(ticket.timers, 'all', 'cancelled', event.at),
        overdue: [],
      };
    case 'key.cancelled':
      return { ...base, status: 'cancelled', cancelled: { at: event.at, reason: event.data.reason } };
    case 'timer.fired': {
      const { timer, next } = event.data;
      if (timer === KEY_TIMERS.returnDue) {
        return {
          ...base,
          timers: settleTimers(ticket.timers, [timer], 'missed', event.at),
          overdue: withOverdue(ticket.overdue, 'return'),
        };
      }
      if (isClosingTimer(timer)) {
        // Still out at closing: on the overdue list, and checked again at the next closing.
        const fired = settleTimers(ticket.timers, [timer], 'fired', event.at);
        return {
          ...base,
          timers: next ? { ...fired, ...pending({ [next.timer]: next.dueAt }) } : fired,
          overdue: withOverdue(ticket.overdue, 'closing'),
        };
      }
      return { ...base, timers: settleTimers(ticket.timers, [timer], 'fired', event.at) };
    }
  }
}
