/**
 * What each command on a complaint records: one named decider per command (grading and the
 * signatures have their own modules), the lifecycle guard in front of them, and the commands a
 * complaint accepts now.
 */
import { calendarOf } from '../calendar';
import { Forbidden, IllegalTransition } from '../errors';
import type { Deciders, EventDraft, RuleContext } from '../kind';
import { commandsAllowed, runDecider } from '../kind';
import { resolvedClocks } from './clocks';
import { grade } from './grading';
import type { ComplaintCommand, ComplaintCommandBody, ComplaintEvent, ComplaintTicket } from './model';
import { COMPLAINT_COMMANDS, COMPLAINT_TRANSITIONS } from './model';
import { acknowledge, isDesk, openAckSteps, personOf } from './signatures';

type Draft = EventDraft<ComplaintEvent>;
type Body<C extends ComplaintCommand> = Extract<ComplaintCommandBody, { type: C }>;

/** CH-6: the resident was told (an unreachable resident does not count). */
function callbackMade(ticket: ComplaintTicket): boolean {
  return ticket.callback !== undefined && ticket.callback.outcome !== 'unreachable';
}

/**
 * The commands the complaint accepts now: what its status accepts (COMPLAINT_TRANSITIONS), less a
 * signature when none is open, a callback already made, a service slip already in.
 */
export function allowedComplaintCommands(ticket: ComplaintTicket): ComplaintCommand[] {
  return commandsAllowed(COMPLAINT_TRANSITIONS, COMPLAINT_COMMANDS, ticket.status).filter((c) => {
    if (c === 'acknowledge') return openAckSteps(ticket).length > 0;
    if (c === 'callback') return !callbackMade(ticket);
    if (c === 'service-slip') return !ticket.serviceSlip;
    return true;
  });
}

/** The 409 for a command the complaint does not accept now, naming what it accepts instead. */
function guard(ticket: ComplaintTicket, command: string): void {
  const allowed = allowedComplaintCommands(ticket);
  if ((allowed as readonly string[]).includes(command)) return;
  const known = (COMPLAINT_COMMANDS as readonly string[]).includes(command);
  throw new IllegalTransition(
    (known
      ? `a ${ticket.status} complaint cannot be sent "${command}"`
      : `a complaint has no step "${command}"`) +
      (allowed.length ? `; it accepts: ${allowed.join(', ')}` : '; it accepts no further steps'),
  );
}

/** DS-4, DS-5: the desk records a follow-up; the second one by closing meets the end-of-day check. */
function followUps(ticket: ComplaintTicket, command: Body<'follow-ups'>): Draft {
  return { type: 'complaint.followed-up', data: { round: ticket.followUps + 1, note: command.note } };
}

/** CH-7 major: the clear answer given to the resident. */
function reply(_ticket: ComplaintTicket, command: Body<'reply'>): Draft {
  return { type: 'complaint.replied', data: { note: command.note } };
}

/** DS-6: the work is reported done by the desk, management, or the department complained about. */
function mayResolve(ticket: ComplaintTicket, ctx: RuleContext): boolean {
  const groups = ctx.actor.groups as readonly string[];
  if (isDesk(ctx.actor) || groups.includes('manager') || groups.includes('office')) return true;
  const person = personOf(ctx.actor, ctx.staff);
  return person !== undefined && person.department === ticket.about?.department;
}

/** DS-6: reported done, confirmed by the one who did it; CH-6's same-day callback clock starts. */
function resolve(ticket: ComplaintTicket, command: Body<'resolve'>, ctx: RuleContext): Draft {
  if (!mayResolve(ticket, ctx)) {
    throw new Forbidden(
      'the work is reported done by the desk, management or the department complained about',
    );
  }
  return {
    type: 'complaint.resolved',
    data: {
      confirmedBy: command.confirmedBy,
      via: command.via,
      ...(command.note ? { note: command.note } : {}),
      timers: resolvedClocks(ctx.now, calendarOf(ctx.park)),
    },
  };
}

/** CH-6: the resident is phoned with the result; it closes the complaint when the slip is in (DS-6). */
function callback(ticket: ComplaintTicket, command: Body<'callback'>): Draft {
  return {
    type: 'complaint.called-back',
    data: {
      outcome: command.outcome,
      ...(command.note ? { note: command.note } : {}),
      closes: command.outcome !== 'unreachable' && ticket.serviceSlip !== undefined,
    },
  };
}

/** DS-6: the service slip's copy is in; final only once the callback was made (CH-6). */
function serviceSlip(ticket: ComplaintTicket, command: Body<'service-slip'>): Draft {
  return {
    type: 'complaint.service-slip-filed',
    data: { number: command.number, signedBy: command.signedBy, closes: callbackMade(ticket) },
  };
}

const DECIDERS: Deciders<ComplaintTicket, ComplaintCommandBody, ComplaintEvent> = {
  grade,
  acknowledge,
  'follow-ups': followUps,
  reply,
  resolve,
  callback,
  'service-slip': serviceSlip,
};

/**
 * The event a command produces, or why it may not happen. The desk's table of kinds may hand over
 * any kind's command, so a name that is not a complaint's is refused here too.
 */
export function decideComplaint(
  ticket: ComplaintTicket,
  command: ComplaintCommandBody,
  ctx: RuleContext,
): Draft {
  guard(ticket, command.type);
  return runDecider(DECIDERS, ticket, command, ctx);
}
