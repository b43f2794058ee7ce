/**
 * DS-7 and DS-8, the weekly review (issue 13 item 3, ADR 022): the week's complaints still not
 * handled, and the append-only entries on the week: the dispatcher's note on a case that cannot be
 * handled or lacks the means, the office head's confirmation or new way, and the office manager's
 * weekly check of handling quality. Entries live in the week's own partition (`REVIEW#<park>#<week>`),
 * one conditional Put each, with who and when (CH-11: a correction is a new entry).
 */
import type { OfficeCalendar } from '../domain/calendar';
import { calendarOf } from '../domain/calendar';
import type { ComplaintTicket } from '../domain/complaint';
import { OWED_LABELS } from '../domain/complaint/miss-texts';
import { Forbidden, InvalidInput, NotFound, RuleViolation } from '../domain/errors';
import { DEFAULT_TIME_ZONE } from '../domain/formats';
import type { Park } from '../domain/park';
import { DEPARTMENT_LABELS } from '../domain/park';
import { pendingTimers } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';
import {
  HANDLED_STATUSES,
  OFFICE_HEAD_ROLES,
  mondayOf,
  nextWeek,
  REVIEW_CASES_MAX,
  reviewDueAt,
  weekBounds,
} from '../domain/weekly-review';
import type { ReviewEntry } from '../ports';
import type { Principal } from './access';
import { actorOf, authorize, canSeePark, resolvePark } from './access';
import type { CoreDeps } from './deps';

/** One case of the week as the review lists it. */
export interface ReviewCase {
  id: string;
  number?: string;
  status: string;
  severity?: string;
  department?: string;
  departmentLabel?: string;
  createdAt: string;
  /** What it owes past its deadline (CH-7), in Chinese. */
  owes: string[];
  /** Its next deadline (the earliest pending one), if any. */
  nextDeadline?: { timer: string; dueAt: string };
  residentDeadline?: string;
  /** The dispatcher recorded it as not handleable or lacking the means (an `item` entry). */
  recorded: boolean;
  /** The entries on this case, oldest first. */
  entries: ReviewEntry[];
}

export interface WeeklyReview {
  parkId: string;
  week: string;
  from: string;
  to: string;
  /** When the dispatcher on duty is texted to review it (DS-7: the Monday after, at opening). */
  reviewDueAt?: string;
  cases: ReviewCase[];
  /** DS-8: the office manager's weekly checks, oldest first. */
  checks: ReviewEntry[];
  /** Every entry of the week, oldest first. */
  entries: ReviewEntry[];
  /** More than REVIEW_CASES_MAX complaints were opened that week: the list stops there. */
  truncated?: boolean;
}

interface Week {
  park: Park;
  calendar: OfficeCalendar | undefined;
  timeZone: string;
  from: Date;
  to: Date;
}

/** A week as the path or query names it: a real ISO week, else 400 naming `week`. */
function checkWeek(week: string): void {
  if (!mondayOf(week))
    throw new InvalidInput(
      'REVIEW.BAD_WEEK',
      `${week.slice(0, 20)} is not an ISO week, e.g. 2026-W48`,
      'week',
    );
}

async function weekOf(deps: CoreDeps, parkId: string, week: string): Promise<Week> {
  checkWeek(week);
  const park = await deps.directory.park(parkId);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId.slice(0, 64)} not found`, 'parkId');
  const timeZone = park.timeZone || DEFAULT_TIME_ZONE;
  const bounds = weekBounds(week, timeZone);
  if (!bounds) throw new InvalidInput('REVIEW.BAD_WEEK', `${week.slice(0, 20)} is not an ISO week`, 'week');
  let calendar: OfficeCalendar | undefined;
  try {
    calendar = calendarOf(park);
  } catch {
    calendar = undefined;
  }
  return { park, calendar, timeZone, from: bounds.from, to: bounds.to };
}

/** The week's complaints (opened in it), oldest first: a Query on the park's complaints by creation. */
function weekComplaints(deps: CoreDeps, parkId: string, w: Week): Promise<Ticket[]> {
  return deps.store.ticketsCreatedBetween({
    parkId,
    kind: 'complaint',
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    limit: REVIEW_CASES_MAX + 1,
  });
}

function caseOf(ticket: ComplaintTicket, entries: ReviewEntry[]): ReviewCase {
  const own = entries.filter((e) => e.ticketId === ticket.id);
  const next = [...pendingTimers(ticket.timers ?? {})].sort(([, a], [, b]) => a.localeCompare(b))[0];
  const department = ticket.about?.department;
  return {
    id: ticket.id,
    ...(ticket.number ? { number: ticket.number } : {}),
    status: ticket.status,
    ...(ticket.severity ? { severity: ticket.severity } : {}),
    ...(department ? { department, departmentLabel: DEPARTMENT_LABELS[department] } : {}),
    createdAt: ticket.createdAt,
    owes: (ticket.overdue ?? []).map((o) => OWED_LABELS[o] ?? o),
    ...(next ? { nextDeadline: { timer: next[0], dueAt: next[1] } } : {}),
    ...(ticket.residentDeadline ? { residentDeadline: ticket.residentDeadline } : {}),
    recorded: own.some((e) => e.type === 'item'),
    entries: own,
  };
}

/**
 * DS-7: `GET /reviews/weekly?week=`: the week's complaints still not handled, or recorded as lacking
 * the means (those stay listed after they are handled), each with its entries; DS-8's checks.
 */
export async function getWeeklyReview(
  deps: CoreDeps,
  principal: Principal,
  query: { week: string; parkId?: string },
): Promise<WeeklyReview> {
  authorize(principal, 'records.read');
  checkWeek(query.week);
  const parkId = resolvePark(principal, query.parkId);
  const w = await weekOf(deps, parkId, query.week);
  const [tickets, entries] = await Promise.all([
    weekComplaints(deps, parkId, w),
    deps.store.reviewEntries(parkId, query.week),
  ]);
  const recorded = new Set(entries.filter((e) => e.type === 'item').map((e) => e.ticketId));
  const listed = tickets
    .slice(0, REVIEW_CASES_MAX)
    .filter((t): t is ComplaintTicket => t.kind === 'complaint')
    .filter((t) => !HANDLED_STATUSES.includes(t.status) || recorded.has(t.id));
  // The review of a week is due in the week after it (DS-7: the Monday after, at opening).
  const due = w.calendar ? reviewDueAt(nextWeek(query.week), w.calendar) : undefined;
  return {
    parkId,
    week: query.week,
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    ...(due ? { reviewDueAt: due.toISOString() } : {}),
    cases: listed.map((t) => caseOf(t, entries)),
    checks: entries.filter((e) => e.type === 'check'),
    entries,
    ...(tickets.length > REVIEW_CASES_MAX ? { truncated: true } : {}),
  };
}

/** DS-7's decisions and DS-8's check are the office head's (管理处负责人), not any manager's. */
async function requireOfficeHead(deps: CoreDeps, principal: Principal, parkId: string, what: string) {
  const staff = await deps.directory.staff(parkId);
  const member = staff.find((s) => s.id === principal.staffId);
  if (!member?.roles.some((r) => OFFICE_HEAD_ROLES.includes(r))) {
    throw new Forbidden(
      `${what} is for the office's head (管理处经理 or 管理处主任)`,
      'REVIEW.OFFICE_HEAD_ONLY',
    );
  }
  return member;
}

/** The complaint a case entry is about: of a park the caller sees, opened in `week` (else 404 / 422). */
async function caseTicket(deps: CoreDeps, principal: Principal, week: string, ticketId: string) {
  const ticket = await deps.store.get(ticketId);
  if (!ticket || !canSeePark(principal, ticket.parkId)) {
    throw new NotFound('TICKET.NOT_FOUND', `ticket ${ticketId} not found`, 'ticketId');
  }
  if (ticket.kind !== 'complaint') {
    throw new RuleViolation(
      'REVIEW.NOT_A_COMPLAINT',
      'DS-7: the weekly review is about complaints',
      'ticketId',
    );
  }
  const w = await weekOf(deps, ticket.parkId, week);
  const created = Date.parse(ticket.createdAt);
  if (created < w.from.getTime() || created >= w.to.getTime()) {
    throw new RuleViolation(
      'REVIEW.NOT_IN_WEEK',
      `DS-7: the complaint was not opened in ${week}`,
      'ticketId',
    );
  }
  return ticket;
}

async function append(
  deps: CoreDeps,
  principal: Principal,
  draft: Omit<ReviewEntry, 'id' | 'at' | 'by'>,
  name: string | undefined,
): Promise<ReviewEntry> {
  const actor = actorOf(principal);
  const entry: ReviewEntry = {
    ...draft,
    id: deps.ids.next(),
    at: deps.clock.now().toISOString(),
    by: { ...actor, ...(name && !actor.name ? { name } : {}) },
  };
  await deps.store.addReviewEntry(entry);
  return entry;
}

/** DS-7: `POST /reviews/weekly/{week}/items`: a case that cannot be handled or lacks the means. */
export async function recordReviewItem(
  deps: CoreDeps,
  principal: Principal,
  week: string,
  body: { ticketId: string; note: string },
): Promise<ReviewEntry> {
  authorize(principal, 'review.record');
  checkWeek(week);
  const ticket = await caseTicket(deps, principal, week, body.ticketId);
  const member = (await deps.directory.staff(ticket.parkId)).find((s) => s.id === principal.staffId);
  return append(
    deps,
    principal,
    {
      parkId: ticket.parkId,
      week,
      type: 'item',
      ticketId: ticket.id,
      ...(ticket.number ? { ticketNumber: ticket.number } : {}),
      text: body.note,
    },
    member?.name,
  );
}

/** DS-7: `POST /reviews/weekly/{week}/decisions`: the office head confirms or decides a new way. */
export async function recordReviewDecision(
  deps: CoreDeps,
  principal: Principal,
  week: string,
  body: { ticketId: string; decision: string },
): Promise<ReviewEntry> {
  authorize(principal, 'review.decide');
  checkWeek(week);
  const ticket = await caseTicket(deps, principal, week, body.ticketId);
  const head = await requireOfficeHead(deps, principal, ticket.parkId, 'DS-7: deciding a recorded case');
  const entries = await deps.store.reviewEntries(ticket.parkId, week);
  if (!entries.some((e) => e.type === 'item' && e.ticketId === ticket.id)) {
    throw new RuleViolation(
      'REVIEW.NOT_RECORDED',
      'DS-7: the dispatcher has not recorded this case as one that cannot be handled or lacks the means',
      'ticketId',
    );
  }
  return append(
    deps,
    principal,
    {
      parkId: ticket.parkId,
      week,
      type: 'decision',
      ticketId: ticket.id,
      ...(ticket.number ? { ticketNumber: ticket.number } : {}),
      text: body.decision,
    },
    head.name,
  );
}

/** DS-8: `POST /reviews/weekly/{week}/check`: the office manager's signed weekly check. */
export async function recordReviewCheck(
  deps: CoreDeps,
  principal: Principal,
  week: string,
  body: { note: string; parkId?: string },
): Promise<ReviewEntry> {
  authorize(principal, 'review.check');
  checkWeek(week);
  const parkId = resolvePark(principal, body.parkId);
  await weekOf(deps, parkId, week);
  const head = await requireOfficeHead(deps, principal, parkId, 'DS-8: the weekly check');
  return append(deps, principal, { parkId, week, type: 'check', text: body.note }, head.name);
}
