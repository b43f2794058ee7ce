/**
 * ADR 016 (issue 11 item 9): correcting the grading after the hand-off (CH-1 应按其危害程度来划分:
 * the severity follows the harm, also once more is known), and moving a complaint to the
 * department it is really about, as a new event (CH-11: the record keeps the first grading). The
 * clocks are re-derived: the old severity's and, when moved, the old department's pending clocks
 * are cancelled; the new ones start, the day deadlines still counted from reception.
 */
import { calendarOf } from '../calendar';
import { Forbidden, RuleViolation } from '../errors';
import type { EventDraft, RuleContext } from '../kind';
import { severityClocks, signatureClock } from './clocks';
import { isDesk, isManagement } from './conflict';
import { checkGrading } from './grading';
import type {
  AckStep,
  ClockStarts,
  ComplaintCommandBody,
  ComplaintEvent,
  ComplaintTicket,
  ComplaintTimer,
  GradingData,
  Obligation,
} from './model';
import { COMPLAINT_TIMERS as T } from './model';
import { withRepeats } from './repeats';

/** The clocks a severity runs: cancelled on a regrade, then started again as the new grading says. */
const SEVERITY_TIMERS: readonly ComplaintTimer[] = [
  T.supervisor,
  T.supervisorL2,
  T.director,
  T.directorL2,
  T.resolveMinor,
  T.resolveByResident,
  T.resolveImportant,
  T.replyMajor,
  T.resolveMajor,
  T.oneMonth,
];
/** The old department's signatures' clocks, cancelled when the complaint moves. */
const DEPARTMENT_TIMERS: readonly ComplaintTimer[] = [T.handoff, T.handoffL2, T.harm, T.harmL2];

/** What a regrade settles anew: the old department's signatures when moved, the severity's always. */
export function regradeSettles(moved: boolean): Obligation[] {
  const severity: Obligation[] = ['supervisor', 'director', 'resolve', 'reply'];
  return moved ? [...severity, 'report-sheet', 'stop-harm'] : severity;
}

type Body = Extract<ComplaintCommandBody, { type: 'regrade' }>;

/** The new grading's clocks: the severity's from reception, a new signature's from now (CH-4, CH-5). */
function regradeClocks(
  ticket: ComplaintTicket,
  graded: GradingData,
  moved: boolean,
  now: Date,
  ctx: RuleContext,
) {
  const calendar = calendarOf(ctx.park);
  const urgent = graded.ongoingHarm === true;
  const clocks: ClockStarts = graded.valid
    ? severityClocks(graded, new Date(ticket.createdAt), now, calendar)
    : {};
  const signed = (step: AckStep) => !moved && ticket.acknowledgements[step] !== undefined;
  // A signature newly asked for has its full time from now, not from reception.
  delete clocks[T.supervisor];
  if (graded.valid && graded.severity === 'important' && !signed('supervisor')) {
    Object.assign(clocks, signatureClock('supervisor', now, calendar, urgent));
  }
  if (signed('director')) delete clocks[T.director];
  if (moved) {
    Object.assign(clocks, signatureClock('report-sheet', now, calendar, urgent));
    if (urgent) Object.assign(clocks, signatureClock('stop-harm', now, calendar, urgent));
  }
  return clocks;
}

/**
 * ADR 016, CH-1, CH-2: the dispatcher or a manager corrects validity, severity or whom it is
 * about, with the reason; the earlier complaints of the new department are linked (CH-1 repeats).
 */
export function regrade(
  ticket: ComplaintTicket,
  command: Body,
  ctx: RuleContext,
): EventDraft<ComplaintEvent> {
  if (!isDesk(ctx.actor) && !isManagement(ctx.actor)) {
    throw new Forbidden('CH-2: a grading is corrected by the desk or a manager');
  }
  if (command.valid === undefined && command.severity === undefined && command.about === undefined) {
    throw new RuleViolation(
      'COMPLAINT.NOTHING_TO_REGRADE',
      'say what changes: valid, severity or about (with the reason)',
      'valid',
    );
  }
  const valid = command.valid ?? ticket.valid ?? false;
  const severity = command.severity ?? (valid ? ticket.severity : undefined);
  const checked = checkGrading(
    {
      valid,
      ...(severity ? { severity } : {}),
      ...(command.about ? { about: command.about } : {}),
      ...(ticket.ongoingHarm ? { ongoingHarm: true } : {}),
    },
    { ...(ticket.about ? { about: ticket.about } : {}) },
    ctx,
  );
  const { repeatOf: _r, repeatRaisedFrom: _f, ...kept } = checked;
  const withTicket: GradingData = {
    ...kept,
    ...(ticket.demand ? { demand: ticket.demand } : {}),
    ...(ticket.residentDeadline ? { residentDeadline: ticket.residentDeadline } : {}),
  };
  const moved = checked.about.department !== ticket.about?.department;
  // CH-1: the new department's earlier complaints (the app looks them up); kept when not moved.
  const graded = withRepeats(
    withTicket,
    command.earlier ?? (moved ? [] : ticket.repeatOf),
    ticket.repeats ?? 0,
  );
  const same =
    graded.valid === ticket.valid &&
    graded.severity === ticket.severity &&
    !moved &&
    graded.about.staffId === ticket.about?.staffId;
  if (same) {
    throw new RuleViolation(
      'COMPLAINT.REGRADE_CHANGES_NOTHING',
      'the complaint is graded so already: change valid, severity or about',
      'severity',
    );
  }
  const timers = regradeClocks(ticket, graded, moved, ctx.now, ctx);
  const retired = moved ? [...SEVERITY_TIMERS, ...DEPARTMENT_TIMERS] : SEVERITY_TIMERS;
  const cancelled = retired.filter((t) => ticket.timers[t]?.state === 'pending' && !(t in timers));
  return {
    type: 'complaint.regraded',
    data: {
      ...graded,
      reason: command.reason,
      before: {
        ...(ticket.valid !== undefined ? { valid: ticket.valid } : {}),
        ...(ticket.severity ? { severity: ticket.severity } : {}),
        ...(ticket.about ? { about: ticket.about } : {}),
      },
      moved,
      cancelled,
      timers,
    },
  };
}
