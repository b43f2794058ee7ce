/**
 * The queue's filters (GET /tickets, ADR 020) as the URL keeps them: a filtered queue can be
 * bookmarked, shared and reloaded. The query string uses the API's own names, plus `mine`: "my
 * queue", the tickets assigned to whoever opens the link (a technician's default; `mine=0` turns
 * it off), so a shared "my queue" link shows each reader their own.
 */
import type { TicketKind, TicketStatus, TicketsQuery } from '../../api/client';
import type { Session } from '../../session';

export interface QueueFilters {
  from?: string;
  to?: string;
  department?: NonNullable<TicketsQuery['department']>;
  severity?: NonNullable<TicketsQuery['severity']>;
  assigneeId?: string;
  unit?: string;
  phone?: string;
  number?: string;
  overdue?: boolean;
  kind?: TicketKind;
  status?: TicketStatus;
  /** Tickets assigned to the signed-in person (assigneeId = session.staffId). */
  mine?: boolean;
}

/** The text filters: applied on Enter or 查询, not on each key (each would be a request). */
export const TEXT_FILTERS = ['unit', 'phone', 'number'] as const;
const PLAIN = [
  'from',
  'to',
  'department',
  'severity',
  'assigneeId',
  'kind',
  'status',
  ...TEXT_FILTERS,
] as const;

/** The kinds that have an overdue list (ADR 020: an emergency's clocks are its escalation, not "overdue"). */
export const OVERDUE_KINDS: readonly TicketKind[] = ['repair', 'complaint', 'key', 'move-in'];

/**
 * Whoever sees every caller's phone in full may look tickets up by phone (CH-3; the API answers
 * 403 FILTER.PHONE_NOT_ALLOWED to anyone else): the desk and management.
 */
export function mayFilterByPhone(session: Session | undefined): boolean {
  return (session?.groups ?? []).some((g) => g === 'dispatcher' || g === 'manager' || g === 'executive');
}

/** Who may export the register as CSV (the API's `records.export`). */
export function mayExport(session: Session | undefined): boolean {
  const allowed = ['dispatcher', 'office', 'manager', 'executive'];
  return (session?.groups ?? []).some((g) => allowed.includes(g));
}

/** Field staff (technicians, repair leads, cleaners: the `staff` group) open on their own tickets. */
export function myQueueByDefault(session: Session | undefined): boolean {
  return (session?.groups ?? []).includes('staff');
}

export function filtersFromSearch(search: string, session: Session | undefined): QueueFilters {
  const params = new URLSearchParams(search);
  const filters: QueueFilters = {};
  for (const key of PLAIN) {
    const value = params.get(key)?.trim();
    // Values are passed on as given: one the API does not know comes back as its 400, in its words.
    if (value) (filters as Record<string, string>)[key] = value;
  }
  if (params.get('overdue') === 'true') filters.overdue = true;
  const mine = params.get('mine');
  if (mine === '1' || (mine === null && myQueueByDefault(session))) filters.mine = true;
  if (!mayFilterByPhone(session)) delete filters.phone;
  return filters;
}

/** The query string for `filters` (without `?`); `mine=0` only where my queue is the default. */
export function searchOf(filters: QueueFilters, session: Session | undefined): string {
  const params = new URLSearchParams();
  for (const key of PLAIN) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.overdue) params.set('overdue', 'true');
  if (filters.mine) params.set('mine', '1');
  else if (myQueueByDefault(session)) params.set('mine', '0');
  return params.toString();
}

/** GET /tickets' query for `filters` (no limit or cursor): my queue is the assignee filter. */
export function apiQuery(filters: QueueFilters, session: Session | undefined): TicketsQuery {
  const { mine, overdue, ...rest } = filters;
  const query: TicketsQuery = { ...rest };
  if (overdue) query.overdue = 'true';
  if (mine && session) query.assigneeId = session.staffId;
  if (!mayFilterByPhone(session)) delete query.phone;
  return query;
}

/**
 * The overdue list to read beside the main one, so overdue tickets come first even when they are
 * older than the pages loaded so far; none when the filter is overdue already or its kind has none.
 */
export function overdueQuery(query: TicketsQuery): TicketsQuery | undefined {
  if (query.overdue || (query.kind && !OVERDUE_KINDS.includes(query.kind))) return undefined;
  return { ...query, overdue: 'true' };
}
