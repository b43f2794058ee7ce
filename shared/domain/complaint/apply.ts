/**
 * Folds a complaint's events into the ticket: statuses, signatures, clocks met, missed or
 * cancelled, and what is overdue. Due times come in the events, so no calendar is needed and a
 * replay gives the same ticket (CH-11: the history is the record).
 */
import { applyCalledAgain } from '../called-again';
import type { TimerState } from '../ticket';
import { settleTimers } from '../ticket';
import { arranged, timersOwing } from './clocks';
import { regradeSettles } from './regrade';
import { STILL_OVERDUE_TIMERS } from './still-overdue';
import type {
  ClockStarts,
  ComplaintEvent,
  ComplaintTicket,
  ComplaintTimer,
  GradingData,
  Obligation,
  Timed,
} from './model';
import { ACK_STEPS, COMPLAINT_TIMERS } from './model';

function startTimers(timers: Record<string, TimerState>, starts: ClockStarts): Record<string, TimerState> {
  const next = { ...timers };
  for (const [name, dueAt] of Object.entries(starts)) if (dueAt) next[name] = { dueAt, state: 'pending' };
  return next;
}

function settle(
  ticket: ComplaintTicket,
  obligations: readonly Obligation[],
  state: 'met' | 'cancelled',
  at: string,
): ComplaintTicket {
  const names = obligations.flatMap(timersOwing);
  return {
    ...ticket,
    timers: settleTimers(ticket.timers, names, state, at),
    overdue: ticket.overdue.filter((o) => !obligations.includes(o)),
  };
}

/** DS-5 is satisfied once two follow-ups are on record and the department has signed. */
function checkEod(ticket: ComplaintTicket, at: string): ComplaintTicket {
  if (ticket.followUps < 2 || !arranged(ticket)) return ticket;
  return { ...ticket, timers: settleTimers(ticket.timers, [COMPLAINT_TIMERS.followUpEod], 'met', at) };
}

function close(ticket: ComplaintTicket, at: string): ComplaintTicket {
  return {
    ...ticket,
    status: 'closed',
    closedAt: at,
    timers: settleTimers(ticket.timers, 'all', 'cancelled', at),
    overdue: [],
  };
}

function applyGrading(ticket: ComplaintTicket, data: GradingData & Timed, at: string): ComplaintTicket {
  const { timers, ...grading } = data;
  return {
    ...ticket,
    ...grading,
    status: 'handed-off',
    gradedAt: at,
    handedOffAt: at,
    timers: startTimers(ticket.timers, timers),
  };
}

function missed(
  ticket: ComplaintTicket,
  timer: ComplaintTimer,
  owes: Obligation,
  next: ClockStarts,
  at: string,
): ComplaintTicket {
  return {
    ...ticket,
    timers: startTimers(settleTimers(ticket.timers, [timer], 'missed', at), next),
    missedDeadlines: [...ticket.missedDeadlines, timer],
    overdue: ticket.overdue.includes(owes) ? ticket.overdue : [...ticket.overdue, owes],
  };
}

/**
 * ADR 016: the corrected grading replaces the old one on the ticket (the events keep both, CH-11);
 * moved, the new department signs for the report sheet anew.
 */
function applyRegrade(
  ticket: ComplaintTicket,
  data: Extract<ComplaintEvent, { type: 'complaint.regraded' }>['data'],
  at: string,
): ComplaintTicket {
  const { timers, reason: _reason, before: _before, moved, cancelled, ...grading } = data;
  const { severity: _s, repeatOf: _r, repeatRaisedFrom: _f, ...rest } = ticket;
  const settles = regradeSettles(moved);
  const { 'report-sheet': _sheet, 'stop-harm': _harm, ...kept } = ticket.acknowledgements;
  return {
    ...rest,
    ...grading,
    ...(moved ? { status: 'handed-off' as const, handedOffAt: at, acknowledgements: kept } : {}),
    regrades: (ticket.regrades ?? 0) + 1,
    overdue: ticket.overdue.filter((o) => !settles.includes(o)),
    timers: startTimers(settleTimers(ticket.timers, cancelled, 'cancelled', at), timers),
  };
}

/**
 * ADR 016: a complaint that owes nothing any more stops the daily texts of a deadline still missed.
 */
function caughtUp(ticket: ComplaintTicket, at: string): ComplaintTicket {
  if (ticket.overdue.length > 0) return ticket;
  if (!STILL_OVERDUE_TIMERS.some((t) => ticket.timers[t]?.state === 'pending')) return ticket;
  return { ...ticket, timers: settleTimers(ticket.timers, STILL_OVERDUE_TIMERS, 'cancelled', at) };
}

/** Folds one event into the ticket; depends on the events alone (a replay gives the same ticket). */
export function applyComplaintEvent(
  ticket: ComplaintTicket | undefined,
  event: ComplaintEvent,
  opening?: { id: string; parkId: string },
): ComplaintTicket {
  return caughtUp(applyOne(ticket, event, opening), event.at);
}

function applyOne(
  ticket: ComplaintTicket | undefined,
  event: ComplaintEvent,
  opening?: { id: string; parkId: string },
): ComplaintTicket {
  if (event.type === 'complaint.opened') {
    if (!opening) throw new Error('an opening event needs the ticket id and park');
    const { number, timers, ...register } = event.data;
    const received: ComplaintTicket = {
      id: opening.id,
      parkId: opening.parkId,
      kind: 'complaint',
      number,
      status: 'received',
      version: 1,
      createdAt: event.at,
      updatedAt: event.at,
      createdBy: event.actor,
      ...register,
      acknowledgements: {},
      followUps: 0,
      missedDeadlines: [],
      overdue: [],
      timers: {},
    };
    if (register.valid === undefined) return { ...received, timers: startTimers({}, timers) };
    return applyGrading(received, { ...(register as GradingData), timers }, event.at);
  }
  if (!ticket) throw new Error(`event ${event.type} needs an existing ticket`);
  const base: ComplaintTicket = { ...ticket, version: event.seq, updatedAt: event.at };
  const at = event.at;
  switch (event.type) {
    case 'complaint.graded':
      return applyGrading(settle(base, ['grade'], 'met', at), event.data, at);
    case 'complaint.acknowledged': {
      const { step, ...by } = event.data;
      const signed = settle(base, [step], 'met', at);
      return checkEod(
        {
          ...signed,
          ...(step === 'report-sheet' ? { status: 'acknowledged' as const } : {}),
          acknowledgements: { ...signed.acknowledgements, [step]: { ...by, at } },
        },
        at,
      );
    }
    case 'complaint.followed-up':
      return checkEod(
        {
          ...base,
          followUps: event.data.round,
          timers: settleTimers(base.timers, [COMPLAINT_TIMERS.followUp], 'met', at),
          overdue: base.overdue.filter((o) => o !== 'follow-up'),
        },
        at,
      );
    case 'complaint.replied':
      return { ...settle(base, ['reply'], 'met', at), repliedAt: at };
    case 'complaint.resolved': {
      const { timers, ...resolution } = event.data;
      // Done: the deadlines to resolve are met; signatures and follow-ups still waited for lapse.
      const met = settle(base, ['resolve'], 'met', at);
      const lapsed = settle(met, [...ACK_STEPS, 'grade', 'follow-up'], 'cancelled', at);
      return {
        ...lapsed,
        status: 'resolved',
        resolution: { ...resolution, at },
        timers: startTimers(
          settleTimers(lapsed.timers, [COMPLAINT_TIMERS.followUp], 'cancelled', at),
          timers,
        ),
      };
    }
    case 'complaint.called-back': {
      const { closes, ...callback } = event.data;
      const told = callback.outcome === 'unreachable' ? base : settle(base, ['callback', 'reply'], 'met', at);
      const next = { ...told, callback: { ...callback, at } };
      return closes ? close(next, at) : next;
    }
    case 'complaint.reopened': {
      const { timers, repeats, raisedFrom } = event.data;
      // CH-6 made (the resident was told), but the case goes back to handling: the resolution,
      // the callback and the slip are the previous round's (the events keep them, CH-11); the new
      // round has its own, and its own follow-ups (DS-4, DS-5 count from the hand-back).
      const told = settle(base, ['callback', 'reply'], 'met', at);
      const { resolution: _resolution, callback: _callback, serviceSlip: _slip, ...handling } = told;
      return {
        ...handling,
        status: told.acknowledgements['report-sheet'] ? 'acknowledged' : 'handed-off',
        repeats,
        // CH-1: the third time the resident raised it, it is major.
        ...(raisedFrom ? { severity: 'major' as const, repeatRaisedFrom: raisedFrom } : {}),
        reopenedAt: at,
        followUps: 0,
        timers: startTimers(told.timers, timers),
      };
    }
    case 'complaint.service-slip-filed': {
      const { closes, ...slip } = event.data;
      const next = { ...base, serviceSlip: { ...slip, at } };
      return closes ? close(next, at) : next;
    }
    case 'complaint.reminded':
      return { ...base, timers: settleTimers(base.timers, [event.data.timer], 'fired', at) };
    case 'complaint.escalated':
      return missed(base, event.data.timer, event.data.owes, event.data.timers, at);
    case 'complaint.severity-raised': {
      const raised = missed(base, event.data.timer, 'resolve', {}, at);
      return {
        ...raised,
        severity: 'major',
        raisedFrom: event.data.from,
        // The old severity's resolve clock gives way to the major ones.
        timers: startTimers(
          settleTimers(raised.timers, timersOwing('resolve'), 'cancelled', at),
          event.data.timers,
        ),
      };
    }
    case 'complaint.regraded':
      return applyRegrade(base, event.data, at);
    case 'complaint.still-overdue':
      return {
        ...base,
        timers: startTimers(settleTimers(base.timers, [event.data.timer], 'fired', at), event.data.timers),
      };
    case 'caller.called-again':
      return applyCalledAgain(ticket, event);
  }
}
