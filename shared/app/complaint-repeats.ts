/**
 * CH-1 (经业主多次提出而得不到解决, ADR 016): before a complaint is graded — at the desk's intake,
 * by `grade`, or by a `regrade` that moves it — the unit's earlier complaints about the same
 * department within REPEAT_WINDOW_DAYS are looked up (one Query on the sparse
 * `complaintsByUnitSubject` index, never a Scan) and handed to the rules, which link them and
 * raise the third time to major. Earlier complaints graded invalid (CH-9) do not count.
 */
import type { ComplaintAbout, ComplaintCommandBody, ComplaintIntake, RepeatLink } from '../domain/complaint';
import { REPEAT_LINKS_MAX, REPEAT_WINDOW_DAYS, repeatLinkOf } from '../domain/complaint';
import type { StaffMember } from '../domain/park';
import type { Ticket, TicketCommandBody } from '../domain/tickets';
import type { TicketCommand } from '../schemas';
import type { CoreDeps } from './deps';

const DAY_MS = 86_400_000;

function departmentOf(about: ComplaintAbout | undefined, staff: readonly StaffMember[]): string | undefined {
  if (!about) return undefined;
  return 'department' in about ? about.department : staff.find((s) => s.id === about.staffId)?.department;
}

/** The earlier complaints of `unit` about `department` as links, newest first (none without either). */
export async function earlierComplaintLinks(
  deps: CoreDeps,
  query: { parkId: string; unit?: string; department?: string; excludeId?: string },
  now: Date,
): Promise<RepeatLink[]> {
  const { parkId, unit, department, excludeId } = query;
  if (!unit || !department) return [];
  const since = new Date(now.getTime() - REPEAT_WINDOW_DAYS * DAY_MS).toISOString();
  const found = await deps.store.earlierComplaints({
    parkId,
    unit,
    department,
    since,
    limit: REPEAT_LINKS_MAX + 1,
  });
  return found
    .filter((c) => c.id !== excludeId && c.valid !== false)
    .slice(0, REPEAT_LINKS_MAX)
    .map(repeatLinkOf);
}

/** A complaint graded at intake, with the unit's earlier ones about its department. */
export async function intakeWithEarlier(
  deps: CoreDeps,
  parkId: string,
  intake: ComplaintIntake,
  staff: readonly StaffMember[],
  now: Date,
): Promise<ComplaintIntake> {
  if (intake.valid === undefined) return intake;
  const department = departmentOf(intake.about, staff);
  const earlier = await earlierComplaintLinks(deps, { parkId, unit: intake.caller.unit, department }, now);
  return earlier.length ? { ...intake, earlier } : intake;
}

/** A `grade` or `regrade` of a complaint, with the unit's earlier ones about the department it names. */
export async function commandWithEarlier(
  deps: CoreDeps,
  ticket: Ticket,
  command: TicketCommand,
  staff: readonly StaffMember[],
  now: Date,
): Promise<TicketCommandBody> {
  if (ticket.kind !== 'complaint' || (command.type !== 'grade' && command.type !== 'regrade')) return command;
  const department = departmentOf(command.about, staff) ?? ticket.about?.department;
  const earlier = await earlierComplaintLinks(
    deps,
    { parkId: ticket.parkId, unit: ticket.caller.unit, department, excludeId: ticket.id },
    now,
  );
  const body: ComplaintCommandBody = { ...command, earlier };
  return body;
}
