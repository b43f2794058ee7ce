/**
 * `GET /reports/monthly` and its entries (DS-8, CH-10, CH-11; ADR 021): the park's month read by
 * index — the tickets opened in the month and the look-back before it (one Query on
 * `ticketsByPark` over `createdKey`), the tickets still open that were opened before that (a Query
 * per open status on `ticketsByParkKindStatus`, bounded by the open work), and the month's own
 * partition of entries — then summarized. Never a Scan, never the whole park.
 */
import { createHash } from 'node:crypto';
import { Forbidden, InvalidInput, NotFound, RuleViolation } from '../../domain/errors';
import type { Park } from '../../domain/park';
import type { TicketKind } from '../../domain/ticket';
import { KIND_RULES, type Ticket } from '../../domain/tickets';
import type { MonthlyEntry, MonthlyEntryKind } from '../../ports/monthly';
import type { Principal } from '../access';
import { authorize, resolvePark } from '../access';
import type { CoreDeps } from '../deps';
import { reportMonth, type ReportMonth } from './month';
import { ENDED_STATUSES, type MonthlyFigures, summarizeMonth } from './summary';

export interface MonthlyReport extends MonthlyFigures {
  parkId: string;
  parkName: string;
  month: string;
  timeZone: string;
  from: string;
  to: string;
  /** DS-8's entries, each in time order: the dispatcher's reports, the manager's signatures, the CAPA marks. */
  entries: { reports: MonthlyEntry[]; signatures: MonthlyEntry[]; correctives: MonthlyEntry[] };
  /** What the report read: tickets and read capacity units (ReturnConsumedCapacity). */
  read: { tickets: number; capacityUnits: number };
}

/** The park the principal asks about, read from the directory: 404 for one they may not see. */
async function parkOf(deps: CoreDeps, principal: Principal, parkId: string | undefined): Promise<Park> {
  const id = resolvePark(principal, parkId);
  const park = await deps.directory.park(id);
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${id.slice(0, 64)} not found`, 'parkId');
  return park;
}

const timeZoneOf = (park: Park) => park.timeZone || 'Asia/Shanghai';

/** The statuses of each kind that are still open work (what the month's end may leave open). */
function openStatuses(): [TicketKind, string][] {
  return (Object.keys(KIND_RULES) as TicketKind[]).flatMap((kind) =>
    (KIND_RULES[kind]?.statuses ?? [])
      .filter((status) => !ENDED_STATUSES[kind].includes(status))
      .map((status): [TicketKind, string] => [kind, status]),
  );
}

/** The tickets the month's summary needs, and the read capacity they cost. */
export async function readMonth(
  deps: CoreDeps,
  parkId: string,
  month: ReportMonth,
): Promise<{ tickets: Ticket[]; capacityUnits: number }> {
  const window = await deps.store.ticketsOpenedBetween(parkId, month.readFrom, month.end);
  const older = await Promise.all(
    openStatuses().map(([kind, status]) =>
      deps.store.ticketsInStatusBefore(parkId, kind, status, month.readFrom),
    ),
  );
  return {
    tickets: [...window.tickets, ...older.flatMap((r) => r.tickets)],
    capacityUnits: window.capacityUnits + older.reduce((sum, r) => sum + r.capacityUnits, 0),
  };
}

/** DS-8: the month's summary for a park (records.read: the desk and management; field staff 403). */
export async function monthlyReport(
  deps: CoreDeps,
  principal: Principal,
  query: { month: string; parkId?: string },
): Promise<MonthlyReport> {
  authorize(principal, 'records.read');
  const park = await parkOf(deps, principal, query.parkId);
  const timeZone = timeZoneOf(park);
  const month = reportMonth(query.month, timeZone);
  const [read, entries] = await Promise.all([
    readMonth(deps, park.id, month),
    deps.store.monthlyEntries(park.id, month.month),
  ]);
  return {
    parkId: park.id,
    parkName: park.name,
    month: month.month,
    timeZone,
    from: month.start.toISOString(),
    to: month.end.toISOString(),
    ...summarizeMonth(read.tickets, month, deps.clock.now()),
    entries: {
      reports: entries.filter((e) => e.kind === 'report'),
      signatures: entries.filter((e) => e.kind === 'sign'),
      correctives: entries.filter((e) => e.kind === 'corrective'),
    },
    read: { tickets: read.tickets.length, capacityUnits: read.capacityUnits },
  };
}

/** DS-8: who may sign the month — the office's head (管理处负责人: office manager or director). */
export const SIGNING_ROLES = ['office-manager', 'office-director'] as const;

const ACTION_OF: Record<MonthlyEntryKind, 'report.write' | 'report.sign' | 'report.corrective'> = {
  report: 'report.write',
  sign: 'report.sign',
  corrective: 'report.corrective',
};

export interface EntryInput {
  parkId?: string;
  text: string;
  ticketId?: string;
}

/**
 * CH-11: one append-only entry on the park's month — the dispatcher's report, the office
 * manager's comment and signature, or a complaint marked for a 《纠正与预防措施》 report. One Put;
 * the entry's id is a hash of who, what kind and what content, so a retried request writes
 * nothing twice and answers the entry it wrote (`created: false`). A correction is a new entry.
 */
export async function addMonthlyEntry(
  deps: CoreDeps,
  principal: Principal,
  monthText: string,
  kind: MonthlyEntryKind,
  input: EntryInput,
): Promise<{ entry: MonthlyEntry; created: boolean }> {
  authorize(principal, ACTION_OF[kind]);
  const park = await parkOf(deps, principal, input.parkId);
  const month = reportMonth(monthText, timeZoneOf(park));
  const now = deps.clock.now();
  if (month.start.getTime() > now.getTime()) {
    throw new RuleViolation(
      'REPORT.MONTH_NOT_BEGUN',
      `${month.month} has not begun; nothing to report yet`,
      'month',
    );
  }
  const staff = await deps.directory.staff(park.id);
  const member = staff.find((s) => s.id === principal.staffId);
  if (kind === 'sign' && !member?.roles.some((r) => (SIGNING_ROLES as readonly string[]).includes(r))) {
    throw new Forbidden(
      'DS-8: the month is signed by the office manager or the office director (管理处负责人)',
    );
  }
  let ticketNumber: string | undefined;
  if (kind === 'corrective') {
    const ticket = input.ticketId ? await deps.store.get(input.ticketId) : undefined;
    if (!ticket || ticket.parkId !== park.id) {
      throw new NotFound(
        'TICKET.NOT_FOUND',
        `ticket ${input.ticketId ?? ''} not found in this park`,
        'ticketId',
      );
    }
    if (ticket.kind !== 'complaint') {
      throw new InvalidInput(
        'REPORT.NOT_A_COMPLAINT',
        'only a complaint is marked for a corrective action report',
        'ticketId',
      );
    }
    ticketNumber = ticket.number;
  }
  const id = createHash('sha256')
    .update(JSON.stringify([kind, principal.staffId, input.text, input.ticketId ?? '']))
    .digest('base64url')
    .slice(0, 22);
  const name = member?.name ?? principal.name;
  const entry: MonthlyEntry = {
    id,
    parkId: park.id,
    month: month.month,
    kind,
    text: input.text,
    ...(kind === 'corrective' && input.ticketId ? { ticketId: input.ticketId } : {}),
    ...(ticketNumber ? { ticketNumber } : {}),
    by: {
      staffId: principal.staffId,
      ...(name ? { name } : {}),
      ...(member ? { roles: [...member.roles] } : {}),
    },
    at: now.toISOString(),
  };
  if (await deps.store.addMonthlyEntry(entry)) return { entry, created: true };
  const existing = (await deps.store.monthlyEntries(park.id, month.month)).find((e) => e.id === id);
  return { entry: existing ?? entry, created: false };
}
