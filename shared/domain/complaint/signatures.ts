/**
 * Who signs what, and when (CH-4 the report sheet, CH-5 the routing by severity, CH-8 the order
 * to stop ongoing harm): the signatures a complaint asks for, who may give each, and who may
 * record one on another's behalf. The person complained about never signs for their own case.
 */
import { Forbidden, IllegalTransition, RuleViolation } from '../errors';
import type { EventDraft, RuleContext } from '../kind';
import type { Role, StaffMember } from '../park';
import { DEPARTMENT_HEAD_ROLES, firstHolders } from '../park';
import { isDesk, personOf } from './conflict';
import type { AckStep, ComplaintCommandBody, ComplaintEvent, ComplaintTicket } from './model';

/**
 * CH-5: who takes the routing, first role first: the fallback chains the routing SMS follows
 * (notifications.ts), so whoever is asked to sign may sign.
 */
export const ROUTING_ROLES = {
  supervisor: ['supervisor', 'office-manager'],
  director: ['office-director', 'office-manager'],
} as const satisfies Record<'supervisor' | 'director', readonly Role[]>;

/**
 * CH-4, CH-5, CH-8: the signatures a complaint needs now, in the order they are asked for: the
 * report sheet always, the stop-harm order with ongoing harm, a supervisor for an important
 * complaint (also once raised from important), the office director for a major one.
 */
export function requiredAckSteps(ticket: ComplaintTicket): AckStep[] {
  if (!ticket.handedOffAt) return [];
  const steps: AckStep[] = ['report-sheet'];
  if (ticket.ongoingHarm) steps.push('stop-harm');
  const important = ticket.severity === 'important' || ticket.raisedFrom === 'important';
  if (ticket.valid && important) steps.push('supervisor');
  if (ticket.valid && ticket.severity === 'major') steps.push('director');
  return steps;
}

export function openAckSteps(ticket: ComplaintTicket): AckStep[] {
  return requiredAckSteps(ticket).filter((s) => !ticket.acknowledgements[s]);
}

/** The person complained about: never asked to sign, and never signing, for their own case. */
function isAccused(ticket: ComplaintTicket, person: StaffMember): boolean {
  return person.id === ticket.about?.staffId;
}

/** CH-4: the head of the department complained about (never the person complained about). */
export function departmentHeads(ticket: ComplaintTicket, staff: readonly StaffMember[]): StaffMember[] {
  if (!ticket.about) return [];
  const others = staff.filter((s) => s.id !== ticket.about?.staffId);
  return firstHolders(others, DEPARTMENT_HEAD_ROLES[ticket.about.department]);
}

/** The first role of `chain` somebody other than the person complained about holds. */
function routingRole(
  chain: readonly Role[],
  ticket: ComplaintTicket,
  staff: readonly StaffMember[],
): Role | undefined {
  return chain.find((r) => staff.some((s) => s.roles.includes(r) && !isAccused(ticket, s)));
}

/** CH-4, CH-5, CH-8: whether `person` signs `step` themselves (the desk may record it on their behalf). */
function signsFor(
  step: AckStep,
  ticket: ComplaintTicket,
  person: StaffMember | undefined,
  staff: readonly StaffMember[],
): boolean {
  if (!person || isAccused(ticket, person)) return false;
  switch (step) {
    case 'report-sheet':
    case 'stop-harm':
      return ticket.about
        ? DEPARTMENT_HEAD_ROLES[ticket.about.department].some((r) => person.roles.includes(r))
        : false;
    case 'supervisor':
    case 'director': {
      const role = routingRole(ROUTING_ROLES[step], ticket, staff);
      return role !== undefined && person.roles.includes(role);
    }
  }
}

/**
 * CH-4, CH-5, CH-8: a signature, named by `step` or else the first one open that this person
 * signs (the desk: the first one open). The desk records signatures given by phone, marked on
 * their behalf, but not for a complaint about the one at the desk.
 */
export function acknowledge(
  ticket: ComplaintTicket,
  command: Extract<ComplaintCommandBody, { type: 'acknowledge' }>,
  ctx: RuleContext,
): EventDraft<ComplaintEvent> {
  if (command.staffId !== undefined) {
    // The desk signs for the person it reached by phone with its own token; `staffId` is for emergencies.
    throw new RuleViolation(
      'COMPLAINT.FIELD_NOT_TAKEN',
      "a complaint's acknowledge takes no staffId",
      'staffId',
    );
  }
  const open = openAckSteps(ticket);
  const person = personOf(ctx.actor, ctx.staff);
  const signs = (s: AckStep) => signsFor(s, ticket, person, ctx.staff);
  const desk = isDesk(ctx.actor) && !(person && isAccused(ticket, person));
  const may = (s: AckStep) => signs(s) || desk;
  let step = command.step;
  if (step !== undefined) {
    if (!requiredAckSteps(ticket).includes(step)) {
      throw new RuleViolation(
        'COMPLAINT.ACK_NOT_EXPECTED',
        `this complaint asks for no "${step}" acknowledgement; it asks for: ${requiredAckSteps(ticket).join(', ')}`,
        'step',
      );
    }
    if (!open.includes(step)) throw new IllegalTransition(`"${step}" was acknowledged already`);
  } else {
    // The first step this person may sign: the report sheet for its department's head, and so on.
    step = open.find(signs) ?? (desk ? open[0] : undefined);
  }
  if (!step || !may(step)) {
    throw new Forbidden(
      person && isAccused(ticket, person)
        ? 'this complaint is about you: the next in line signs for it (CH-4, CH-5)'
        : step
          ? `"${step}" is signed by ${step === 'supervisor' ? 'a supervisor' : step === 'director' ? 'the office director' : 'the head of the department complained about'}, or by the desk for them`
          : `nothing here for you to acknowledge; open: ${open.join(', ')}`,
    );
  }
  const staffName = person?.name ?? ctx.actor.name;
  return {
    type: 'complaint.acknowledged',
    data: {
      step,
      staffId: ctx.actor.staffId,
      ...(staffName ? { staffName } : {}),
      onBehalf: !signs(step),
      ...(command.note ? { note: command.note } : {}),
    },
  };
}
