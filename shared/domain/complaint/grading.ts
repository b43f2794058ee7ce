/**
 * The dispatcher's call on a complaint (CH-1 severity, CH-2 validity, CH-3 whom it is about, CH-9
 * invalid complaints served apart) and the grading that hands it off.
 */
import { calendarOf } from '../calendar';
import { NotFound, RuleViolation } from '../errors';
import type { EventDraft, RuleContext } from '../kind';
import type { StaffMember } from '../park';
import { handoffClocks } from './clocks';
import { withRepeats } from './repeats';
import type {
  ComplaintAbout,
  ComplaintCommandBody,
  ComplaintEvent,
  ComplaintSubject,
  ComplaintTicket,
  Grading,
  GradingData,
} from './model';

/** An instant the rules compare with `now`; the phone path reaches here without the edge's schemas. */
export function parseTime(value: string, field: string): Date {
  const t = Date.parse(value);
  if (Number.isNaN(t)) throw new RuleViolation('COMPLAINT.INVALID_TIME', `${field} is not a time`, field);
  return new Date(t);
}

/** CH-7: the resident's own deadline must still be ahead. */
export function checkResidentDeadline(value: string | undefined, now: Date): void {
  if (value !== undefined && parseTime(value, 'residentDeadline') <= now) {
    throw new RuleViolation(
      'COMPLAINT.DEADLINE_IN_PAST',
      'residentDeadline must be in the future',
      'residentDeadline',
    );
  }
}

/** CH-3: the department and, when a person was named, who, checked against the directory. */
export function resolveAbout(about: ComplaintAbout, staff: readonly StaffMember[]): ComplaintSubject {
  if ('staffId' in about) {
    const person = staff.find((s) => s.id === about.staffId);
    if (!person) {
      throw new NotFound(
        'STAFF.NOT_FOUND',
        `staff ${about.staffId} is not in this park's directory`,
        'about.staffId',
      );
    }
    return { department: person.department, staffId: person.id, staffName: person.name };
  }
  return { department: about.department };
}

/**
 * CH-1, CH-2, CH-9: checks a grading and resolves whom it is about. A valid complaint needs a
 * severity; an invalid one has none (it is served, CH-9, without the severity clocks).
 */
export function checkGrading(
  grading: Grading,
  known: { about?: ComplaintSubject; residentDeadline?: string },
  ctx: RuleContext,
): GradingData {
  if (grading.valid && !grading.severity) {
    throw new RuleViolation(
      'COMPLAINT.SEVERITY_REQUIRED',
      'CH-1: a valid complaint is graded major, important or minor',
      'severity',
    );
  }
  if (!grading.valid && grading.severity) {
    throw new RuleViolation(
      'COMPLAINT.SEVERITY_NOT_EXPECTED',
      'CH-2/CH-9: an invalid complaint is served without a severity; grade it valid to give one',
      'severity',
    );
  }
  const about = grading.about ? resolveAbout(grading.about, ctx.staff) : known.about;
  if (!about) {
    throw new RuleViolation(
      'COMPLAINT.ABOUT_REQUIRED',
      'CH-3/CH-4: name the department or person complained about; the report sheet goes to that department',
      'about',
    );
  }
  checkResidentDeadline(grading.residentDeadline, ctx.now);
  const residentDeadline = grading.residentDeadline ?? known.residentDeadline;
  return {
    valid: grading.valid,
    ...(grading.severity ? { severity: grading.severity } : {}),
    about,
    ...(grading.demand ? { demand: grading.demand } : {}),
    ...(residentDeadline ? { residentDeadline } : {}),
    ...(grading.ongoingHarm ? { ongoingHarm: true } : {}),
  };
}

/**
 * CH-2: the dispatcher grades a complaint received ungraded (from the phone), which hands the
 * report sheet off (CH-4) and starts its clocks; the day clocks still count from reception. CH-1:
 * the earlier complaints the app found are linked, the third time raised to major.
 */
export function grade(
  ticket: ComplaintTicket,
  command: Extract<ComplaintCommandBody, { type: 'grade' }>,
  ctx: RuleContext,
): EventDraft<ComplaintEvent> {
  // CH-1: linked to the unit's earlier complaints about the department; the third is major.
  const checked = withRepeats(checkGrading(command, ticket, ctx), command.earlier, ticket.repeats ?? 0);
  const timers = handoffClocks(checked, new Date(ticket.createdAt), ctx.now, calendarOf(ctx.park));
  return { type: 'complaint.graded', data: { ...checked, timers } };
}
