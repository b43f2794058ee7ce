/**
 * The monthly summary (DS-8, CH-10: 《投诉调度记录月总结表》) computed from the tickets a report
 * reads: counts of the month's tickets, complaints, repairs, emergencies, keys and move-ins, the
 * 及时率 from the recorded deadlines (ADR 021), and the cases still open at the month's end. Pure:
 * the tickets, the month and `now` are passed in.
 */
import type { SettledDeadline } from '../../domain/deadlines';
import {
  DEADLINE_TYPE_LABELS,
  type DeadlineType,
  deadlineDepartment,
  deadlineRule,
} from '../../domain/deadlines';
import type { ComplaintTicket } from '../../domain/complaint';
import type { EmergencyTicket } from '../../domain/emergency';
import type { KeyTicket } from '../../domain/key';
import type { MoveInTicket } from '../../domain/move-in';
import { type Department, DEPARTMENT_LABELS } from '../../domain/park';
import type { RepairTicket } from '../../domain/repair';
import type { Ticket } from '../../domain/tickets';
import { inMonth, type ReportMonth } from './month';

/** Statuses after which a ticket is no longer open work (a repair's `completed` still waits to be closed). */
export const ENDED_STATUSES: Readonly<Record<Ticket['kind'], readonly string[]>> = {
  repair: ['declined', 'closed', 'cancelled'],
  complaint: ['closed'],
  emergency: ['closed'],
  key: ['declined', 'returned', 'lost', 'cancelled'],
  'move-in': ['completed'],
};

export type Counts = Record<string, number>;

export interface Rate {
  /** Deadlines that fell due in the month with a recorded outcome. */
  due: number;
  met: number;
  missed: number;
  /** met ÷ due, rounded to 0.1 %; null when nothing fell due. */
  rate: number | null;
}

export interface DeadlineMiss {
  ticketId: string;
  number?: string;
  kind: Ticket['kind'];
  timer: string;
  type: DeadlineType;
  label: string;
  dueAt: string;
  department: Department;
  departmentLabel: string;
  /** Done, but after its due time (recorded met before the timer fired). */
  late?: true;
}

export interface Timeliness extends Rate {
  byType: (Rate & { type: DeadlineType; label: string })[];
  byDepartment: (Rate & { department: Department; label: string })[];
  misses: DeadlineMiss[];
  /** Due in the month, past due now and still pending (their timer not yet run): not in the rate. */
  pendingPastDue: number;
}

export interface MonthlyFigures {
  tickets: {
    total: number;
    byKind: Counts;
    byStatus: Record<string, Counts>;
    bySource: { phone: number; desk: number };
  };
  complaints: {
    total: number;
    bySeverity: Counts;
    byDepartment: Counts;
    validity: { valid: number; invalid: number; ungraded: number };
    /** CH-1: complaints raised again (dissatisfied at the callback, or a repeat of an earlier one). */
    repeats: { tickets: number; dissatisfied: number };
  };
  repairs: {
    total: number;
    byDecision: Counts;
    paidServices: { count: number; fees: number };
    reopens: number;
  };
  emergencies: {
    total: number;
    byCategory: Counts;
    /** Minutes from opening to the first acknowledgement (EM-2). */
    firstAck: { count: number; medianMinutes: number | null; maxMinutes: number | null; unanswered: number };
  };
  keys: { handedOut: number; returnedLate: number };
  moveIns: { completed: number };
  timeliness: Timeliness;
  openAtMonthEnd: {
    total: number;
    byKind: Counts;
    tickets: { ticketId: string; number?: string; kind: Ticket['kind']; status: string; createdAt: string }[];
  };
}

const add = (counts: Counts, key: string | undefined, by = 1) => {
  const k = key ?? 'none';
  counts[k] = (counts[k] ?? 0) + by;
};

function rateOf(met: number, missed: number): Rate {
  const due = met + missed;
  return { due, met, missed, rate: due === 0 ? null : Math.round((met / due) * 1000) / 10 };
}

/** Whether the ticket was still open work at `end`: opened before it and not ended by then. */
function openAt(ticket: Ticket, end: Date): boolean {
  if (Date.parse(ticket.createdAt) >= end.getTime()) return false;
  if (!ENDED_STATUSES[ticket.kind].includes(ticket.status)) return true;
  return Date.parse(ticket.updatedAt) >= end.getTime();
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const m = sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return Math.round(m * 10) / 10;
}

/** The department a complaint is about (CH-4), if graded. */
function subjectOf(ticket: Ticket): Department | undefined {
  return ticket.kind === 'complaint' ? ticket.about?.department : undefined;
}

/**
 * DS-8's 及时率: of the deadlines that fell due in the month (by due time, whichever month the
 * ticket was opened in), how many were met. Read from each ticket's recorded `deadlines` (ADR 021),
 * never from `timers` (which keeps only a name's latest state). Escalation rungs are not counted
 * again; a deadline recorded met after its due time counts as missed (`late`).
 */
export function timelinessOf(tickets: readonly Ticket[], month: ReportMonth, now: Date): Timeliness {
  const byType = new Map<DeadlineType, { met: number; missed: number }>();
  const byDepartment = new Map<Department, { met: number; missed: number }>();
  const misses: DeadlineMiss[] = [];
  let met = 0;
  let missed = 0;
  let pendingPastDue = 0;
  for (const ticket of tickets) {
    const entries: readonly SettledDeadline[] = ticket.deadlines ?? [];
    for (const entry of entries) {
      const rule = deadlineRule(entry.timer);
      if (!rule || rule.rung || !inMonth(entry.dueAt, month)) continue;
      const department = deadlineDepartment(rule, subjectOf(ticket));
      const late = entry.state === 'met' && Date.parse(entry.at) > Date.parse(entry.dueAt);
      const ok = entry.state === 'met' && !late;
      const t = byType.get(rule.type) ?? { met: 0, missed: 0 };
      const d = byDepartment.get(department) ?? { met: 0, missed: 0 };
      if (ok) {
        met++;
        t.met++;
        d.met++;
      } else {
        missed++;
        t.missed++;
        d.missed++;
        misses.push({
          ticketId: ticket.id,
          ...(ticket.number ? { number: ticket.number } : {}),
          kind: ticket.kind,
          timer: entry.timer,
          type: rule.type,
          label: DEADLINE_TYPE_LABELS[rule.type],
          dueAt: entry.dueAt,
          department,
          departmentLabel: DEPARTMENT_LABELS[department],
          ...(late ? { late: true as const } : {}),
        });
      }
      byType.set(rule.type, t);
      byDepartment.set(department, d);
    }
    for (const [timer, state] of Object.entries(ticket.timers ?? {})) {
      const rule = deadlineRule(timer);
      if (!rule || rule.rung || state.state !== 'pending' || !inMonth(state.dueAt, month)) continue;
      if (Date.parse(state.dueAt) < now.getTime()) pendingPastDue++;
    }
  }
  misses.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.ticketId.localeCompare(b.ticketId));
  const typeOrder = Object.keys(DEADLINE_TYPE_LABELS) as DeadlineType[];
  return {
    ...rateOf(met, missed),
    byType: typeOrder
      .filter((type) => byType.has(type))
      .map((type) => {
        const c = byType.get(type) ?? { met: 0, missed: 0 };
        return { type, label: DEADLINE_TYPE_LABELS[type], ...rateOf(c.met, c.missed) };
      }),
    byDepartment: [...byDepartment.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([department, c]) => ({
        department,
        label: DEPARTMENT_LABELS[department],
        ...rateOf(c.met, c.missed),
      })),
    misses,
    pendingPastDue,
  };
}

/** The month's figures from the tickets read (the month's and the look-back's, ADR 021). */
export function summarizeMonth(tickets: readonly Ticket[], month: ReportMonth, now: Date): MonthlyFigures {
  const opened = tickets.filter((t) => inMonth(t.createdAt, month));
  const figures: MonthlyFigures = {
    tickets: { total: opened.length, byKind: {}, byStatus: {}, bySource: { phone: 0, desk: 0 } },
    complaints: {
      total: 0,
      bySeverity: {},
      byDepartment: {},
      validity: { valid: 0, invalid: 0, ungraded: 0 },
      repeats: { tickets: 0, dissatisfied: 0 },
    },
    repairs: { total: 0, byDecision: {}, paidServices: { count: 0, fees: 0 }, reopens: 0 },
    emergencies: {
      total: 0,
      byCategory: {},
      firstAck: { count: 0, medianMinutes: null, maxMinutes: null, unanswered: 0 },
    },
    keys: { handedOut: 0, returnedLate: 0 },
    moveIns: { completed: 0 },
    timeliness: timelinessOf(tickets, month, now),
    openAtMonthEnd: { total: 0, byKind: {}, tickets: [] },
  };
  const ackMinutes: number[] = [];
  for (const t of opened) {
    add(figures.tickets.byKind, t.kind);
    figures.tickets.byStatus[t.kind] ??= {};
    add(figures.tickets.byStatus[t.kind] as Counts, t.status);
    if (t.source?.channel.startsWith('ivr')) figures.tickets.bySource.phone++;
    else figures.tickets.bySource.desk++;
    if (t.kind === 'complaint') countComplaint(figures.complaints, t);
    if (t.kind === 'repair') countRepair(figures.repairs, t);
    if (t.kind === 'emergency') {
      const e = t as EmergencyTicket;
      figures.emergencies.total++;
      add(figures.emergencies.byCategory, e.category);
      const ack = e.chain?.acknowledgement?.at;
      if (ack) ackMinutes.push((Date.parse(ack) - Date.parse(e.createdAt)) / 60_000);
      else if (e.status === 'unanswered') figures.emergencies.firstAck.unanswered++;
    }
  }
  figures.emergencies.firstAck.count = ackMinutes.length;
  figures.emergencies.firstAck.medianMinutes = median(ackMinutes);
  figures.emergencies.firstAck.maxMinutes = ackMinutes.length
    ? Math.round(Math.max(...ackMinutes) * 10) / 10
    : null;
  for (const t of tickets) {
    // Counted in the month they happened, whichever month the request was opened in.
    if (t.kind === 'key') {
      const k = t as KeyTicket;
      if (inMonth(k.handOut?.since, month)) figures.keys.handedOut++;
      if (k.returned?.late && inMonth(k.returned.at, month)) figures.keys.returnedLate++;
    }
    if (t.kind === 'move-in' && inMonth((t as MoveInTicket).completed?.at, month))
      figures.moveIns.completed++;
    if (openAt(t, month.end)) {
      figures.openAtMonthEnd.total++;
      add(figures.openAtMonthEnd.byKind, t.kind);
      figures.openAtMonthEnd.tickets.push({
        ticketId: t.id,
        ...(t.number ? { number: t.number } : {}),
        kind: t.kind,
        status: t.status,
        createdAt: t.createdAt,
      });
    }
  }
  figures.openAtMonthEnd.tickets.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return figures;
}

function countComplaint(c: MonthlyFigures['complaints'], t: ComplaintTicket): void {
  c.total++;
  add(c.bySeverity, t.severity ?? 'ungraded');
  add(c.byDepartment, t.about?.department ?? 'ungraded');
  if (t.valid === true) c.validity.valid++;
  else if (t.valid === false) c.validity.invalid++;
  else c.validity.ungraded++;
  if ((t.repeats ?? 0) > 0 || (t.repeatOf?.length ?? 0) > 0) c.repeats.tickets++;
  c.repeats.dissatisfied += t.repeats ?? 0;
}

function countRepair(r: MonthlyFigures['repairs'], t: RepairTicket): void {
  r.total++;
  add(r.byDecision, t.decision ?? 'undecided');
  if (t.paidService) {
    r.paidServices.count++;
    r.paidServices.fees += t.paidService.fee;
  }
  r.reopens += t.reopens?.length ?? 0;
}
