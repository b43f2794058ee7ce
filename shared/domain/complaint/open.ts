/**
 * Opening a complaint into the register (DS-1, CH-3, CH-11): graded at once by the desk, or left
 * for the dispatcher when it comes from the phone.
 */
import { calendarOf } from '../calendar';
import { Forbidden, InvalidInput, RuleViolation } from '../errors';
import type { OpenInput, RuleContext } from '../kind';
import { applyComplaintEvent } from './apply';
import { handoffClocks, receptionClocks } from './clocks';
import { ACCUSED_MAY_NOT_ACT } from './conflict';
import { checkGrading, checkResidentDeadline, parseTime, resolveAbout } from './grading';
import { withRepeats } from './repeats';
import { complaintScript } from './script';
import type { ClockStarts, ComplaintEvent, ComplaintIntake, ComplaintTicket, GradingData } from './model';

/** How far ahead of the desk's clock an event's time may be (clock skew of the caller's phone). */
const FUTURE_SLACK_MS = 5 * 60_000;

/** The phone path reaches here without the edge's schemas: a blank transcript is still refused. */
function requireText(value: string, field: string): void {
  if (!value.trim()) throw new InvalidInput('REQUEST.MISSING_FIELD', `${field}: required`, field);
}

/**
 * DS-1, CH-3: opens a complaint into the register. Graded at once (the desk's one request) it is
 * handed off and its clocks start; ungraded (the phone's intake) it waits for the dispatcher, who
 * has 10 minutes to grade and hand it off (CH-2, CH-4). CH-11: every complaint, valid or not, has
 * its page in the register.
 */
export function openComplaint(
  input: OpenInput<ComplaintIntake>,
  ctx: RuleContext,
): { ticket: ComplaintTicket; event: ComplaintEvent; reply: Record<string, unknown> } {
  const { intake, number } = input;
  if (!number) throw new Error('a complaint is opened with its register number (CH-11)');
  requireText(intake.place, 'place');
  requireText(intake.description, 'description');
  if (parseTime(intake.occurredAt, 'occurredAt').getTime() > ctx.now.getTime() + FUTURE_SLACK_MS) {
    throw new RuleViolation('COMPLAINT.OCCURRED_IN_FUTURE', 'occurredAt is later than now', 'occurredAt');
  }
  checkResidentDeadline(intake.residentDeadline, ctx.now);
  const { valid, severity, about, demand, residentDeadline, ongoingHarm, earlier, ...register } = intake;
  if (valid !== undefined && about && 'staffId' in about && about.staffId === ctx.actor.staffId) {
    // DS-1: every complaint is written down, even by the one it is about; judging it is not theirs.
    throw new Forbidden(
      'CH-2/CH-5: the person complained about never grades it: record it without valid/severity and the next in line grades it',
      ACCUSED_MAY_NOT_ACT,
    );
  }
  let timers: ClockStarts;
  let grading: Partial<GradingData>;
  if (valid === undefined) {
    if (severity !== undefined || ongoingHarm !== undefined) {
      throw new RuleViolation(
        'COMPLAINT.VALIDITY_REQUIRED',
        'CH-2: grade the complaint valid or invalid along with its severity or ongoing harm, or leave all three to the dispatcher',
        'valid',
      );
    }
    grading = {
      ...(about ? { about: resolveAbout(about, ctx.staff) } : {}),
      ...(demand ? { demand } : {}),
      ...(residentDeadline ? { residentDeadline } : {}),
    };
    timers = receptionClocks(ctx.now);
  } else {
    // CH-1: linked to the unit's earlier complaints about the department; the third is major.
    const graded = withRepeats(checkGrading({ ...intake, valid }, {}, ctx), earlier);
    grading = graded;
    timers = handoffClocks(graded, ctx.now, ctx.now, calendarOf(ctx.park));
  }
  const event: ComplaintEvent = {
    seq: 1,
    type: 'complaint.opened',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    data: { ...register, ...grading, number, timers },
  };
  const ticket = applyComplaintEvent(undefined, event, input);
  // CH-2: the sentences the dispatcher says (feelings first, then the matter, then what happens next).
  return { ticket, event, reply: { script: complaintScript(ticket, ctx.park) } };
}
