/** What a ticket owes and by when: its pending timers, the earliest first; missed ones are overdue. */
import type { Ticket } from './api/client';

export interface Owed {
  name: string;
  dueAt: string;
  state: string;
}

export function pendingTimers(ticket: Ticket): Owed[] {
  return Object.entries(ticket.timers)
    .filter(([, t]) => t.state === 'pending' || t.state === 'missed')
    .map(([name, t]) => ({ name, dueAt: t.dueAt, state: t.state }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
}

/** The list's `overdue` (the timers the ticket has missed and still owes). */
export function overdueOf(ticket: Ticket): string[] {
  const overdue = (ticket as Ticket & { overdue?: unknown }).overdue;
  return Array.isArray(overdue) ? overdue.map(String) : [];
}

/** Overdue first; then what is due soonest; tickets owing nothing last, newest first. */
export function byUrgency(a: Ticket, b: Ticket): number {
  const late = overdueOf(b).length - overdueOf(a).length;
  if (overdueOf(a).length > 0 !== overdueOf(b).length > 0) return late > 0 ? 1 : -1;
  const dueA = pendingTimers(a)[0]?.dueAt;
  const dueB = pendingTimers(b)[0]?.dueAt;
  if (dueA && dueB) return Date.parse(dueA) - Date.parse(dueB);
  if (dueA) return -1;
  if (dueB) return 1;
  return Date.parse(b.createdAt) - Date.parse(a.createdAt);
}
