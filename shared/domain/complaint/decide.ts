/**
 * What each command on a complaint records: one named decider per command (grading, the
 * signatures and who may act have their own modules), the guards in front of them (the person
 * complained about, then the lifecycle), and the commands a complaint accepts now.
 */
import { calendarOf } from '../calendar';
import { Forbidden, IllegalTransition, RuleViolation } from '../errors';
import type { Deciders, EventDraft, RuleContext } from '../kind';
import { commandsAllowed, runDecider } from '../kind';
import { reopenClocks, resolvedClocks } from './clocks';
import {
  aboveDepartment,
  isDesk,
  isManagement,
  personOf,
  refuseAccused,
  requireDeskOrAbove,
} from './conflict';
import { grade } from './grading';
import { regrade } from './regrade';
import { raisesToMajor, timesRaised } from './repeats';
import type {
  AckStep,
  ComplaintCommand,
  ComplaintCommandBody,
  ComplaintEvent,
  ComplaintTicket,
  SignatureOverride,
} from './model';
import { COMPLAINT_COMMANDS, COMPLAINT_TRANSITIONS } from './model';
import { acknowledge, openAckSteps } from './signatures';

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
  if (isDesk(ctx.actor) || isManagement(ctx.actor) || groups.includes('office')) return true;
  const person = personOf(ctx.actor, ctx.staff);
  return person !== undefined && person.department === ticket.about?.department;
}

/** What each signature is, for the 409 that names it. */
const SIGNATURE_NAMES: Record<AckStep, string> = {
  'report-sheet': "report-sheet (CH-4, the department's signature for the report sheet)",
  'stop-harm': 'stop-harm (CH-8)',
  supervisor: "supervisor (CH-5, the supervisor's routing signature)",
  director: "director (CH-5, the office director's routing signature)",
};

/**
 * CH-4, CH-5, CH-8: the work is not reported done past a signature still owed — unless
 * management above the department decides so, with its reason on the record.
 */
function signaturesSkipped(
  ticket: ComplaintTicket,
  command: Body<'resolve'>,
  ctx: RuleContext,
): SignatureOverride | undefined {
  const owed = openAckSteps(ticket);
  if (!command.override) {
    if (owed.length === 0) return undefined;
    throw new IllegalTransition(
      `CH-4/CH-5: not reported done while a signature is owed: ${owed.map((s) => SIGNATURE_NAMES[s]).join('; ')}. ` +
        'They sign first (acknowledge), or management above the department resolves with "override": {"reason": "…"}',
      'COMPLAINT.SIGNATURE_OWED',
    );
  }
  if (owed.length === 0) {
    throw new RuleViolation(
      'COMPLAINT.NOTHING_TO_OVERRIDE',
      'every signature is in: resolve without "override"',
      'override',
    );
  }
  if (!aboveDepartment(ticket, ctx)) {
    throw new Forbidden(
      'CH-4/CH-5: only management above the department complained about (a manager of another department, or an executive) may skip a signature owed',
      'COMPLAINT.OVERRIDE_FORBIDDEN',
    );
  }
  return { reason: command.override.reason, skipped: owed };
}

/** DS-6: reported done, confirmed by the one who did it; CH-6's same-day callback clock starts. */
function resolve(ticket: ComplaintTicket, command: Body<'resolve'>, ctx: RuleContext): Draft {
  if (!mayResolve(ticket, ctx)) {
    throw new Forbidden(
      'the work is reported done by the desk, management or the department complained about',
    );
  }
  const override = signaturesSkipped(ticket, command, ctx);
  return {
    type: 'complaint.resolved',
    data: {
      confirmedBy: command.confirmedBy,
      via: command.via,
      ...(command.note ? { note: command.note } : {}),
      ...(override ? { override } : {}),
      timers: resolvedClocks(ctx.now, calendarOf(ctx.park)),
    },
  };
}

/**
 * CH-6: the resident is phoned with the result; it closes the complaint when the slip is in
 * (DS-6). A dissatisfied resident sends the case back to handling with its clocks again, and it
 * counts as a repeat (CH-1: 经业主多次提出而得不到解决).
 */
function callback(ticket: ComplaintTicket, command: Body<'callback'>, ctx: RuleContext): Draft {
  requireDeskOrAbove(ticket, ctx, 'the callback');
  if (command.outcome === 'dissatisfied') {
    const repeats = (ticket.repeats ?? 0) + 1;
    // CH-1: the third time the resident raised it (earlier complaints and callbacks) it is major.
    const raise = raisesToMajor(ticket.valid, ticket.severity, timesRaised(ticket.repeatOf, repeats));
    const handling: ComplaintTicket = raise
      ? { ...ticket, severity: 'major', repeatRaisedFrom: ticket.severity }
      : ticket;
    return {
      type: 'complaint.reopened',
      data: {
        outcome: 'dissatisfied',
        ...(command.note ? { note: command.note } : {}),
        repeats,
        ...(raise && ticket.severity ? { raisedFrom: ticket.severity } : {}),
        timers: reopenClocks(handling, openAckSteps(handling), ctx.now, calendarOf(ctx.park)),
      },
    };
  }
  return {
    type: 'complaint.called-back',
    data: {
      outcome: command.outcome,
      ...(command.note ? { note: command.note } : {}),
      closes: command.outcome === 'satisfied' && ticket.serviceSlip !== undefined,
    },
  };
}

/** DS-6: the service slip's copy is in (the desk signs it); final only once the callback was made (CH-6). */
function serviceSlip(ticket: ComplaintTicket, command: Body<'service-slip'>, ctx: RuleContext): Draft {
  requireDeskOrAbove(ticket, ctx, 'the service slip');
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
  regrade,
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
  refuseAccused(ticket, command, ctx.actor);
  guard(ticket, command.type);
  return runDecider(DECIDERS, ticket, command, ctx);
}
