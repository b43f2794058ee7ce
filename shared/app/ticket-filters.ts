/**
 * GET /tickets' filters as the request gave them, turned into the store's (issue 13 item 1, ADR
 * 020): park-local days into instants in the park's zone, a filter that does not apply to the kind
 * or a range that ends before it starts refused with its field, the kind inferred from a status only
 * one kind has, and the phone filter kept to those who see every caller's phone.
 */
import { addLocalDays, zonedTime } from '../domain/calendar';
import { Forbidden, InvalidInput } from '../domain/errors';
import type { Park } from '../domain/park';
import type { TicketKind } from '../domain/ticket';
import type { Facet, TicketFilter } from '../domain/ticket-filter';
import { FACET_KINDS, FACETS, foldNumber, foldUnit } from '../domain/ticket-filter';
import { KIND_RULES } from '../domain/tickets';
import type { Principal } from './access';

/** The list's query as the edge parsed it (shared/schemas/ticket-list.ts). */
export interface ListTicketsQuery {
  parkId?: string;
  kind?: TicketKind;
  status?: string;
  overdue?: 'true';
  limit: number;
  cursor?: string;
  from?: string;
  to?: string;
  department?: string;
  severity?: string;
  assigneeId?: string;
  unit?: string;
  phone?: string;
  number?: string;
  format?: 'json' | 'csv';
}

/** Refused with this code when a filter names a value the kind does not have. */
export const FILTER_NOT_FOR_KIND = 'REQUEST.FILTER_NOT_FOR_KIND';
/** 403 for a phone filter from someone who does not see every caller's phone (CH-3). */
export const PHONE_FILTER_FORBIDDEN = 'FILTER.PHONE_NOT_ALLOWED';

/**
 * Who sees every caller's phone in full: the desk and management (CH-3: a complainant's contact is
 * theirs always; views.ts masks it for others). Only they may look tickets up by phone: for anyone
 * else the list would confirm a masked number.
 */
export function seesEveryCallerPhone(principal: Principal): boolean {
  return principal.groups.some((g) => g === 'dispatcher' || g === 'manager' || g === 'executive');
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `2026-11-27` → that day's first instant in the park's zone (`end`: the next day's), else the ISO time. */
function instantOf(value: string, timeZone: string, end: boolean): Date {
  const day = LOCAL_DATE.exec(value);
  if (!day) return new Date(Date.parse(value) + (end ? 1 : 0));
  const date = { year: Number(day[1]), month: Number(day[2]), day: Number(day[3]) };
  return zonedTime(end ? addLocalDays(date, 1) : date, 0, timeZone);
}

function kindsWithStatus(status: string): TicketKind[] {
  return (Object.entries(KIND_RULES) as [TicketKind, { statuses: readonly string[] } | undefined][])
    .filter(([, rules]) => rules?.statuses.includes(status))
    .map(([kind]) => kind);
}

/** The store's filter for `query` in `park`, or a 400/403 naming the field at fault. */
export function resolveFilter(principal: Principal, park: Park, query: ListTicketsQuery): TicketFilter {
  const filter: TicketFilter = {
    ...(query.kind ? { kind: query.kind } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.overdue ? { overdue: true } : {}),
    ...(query.department ? { department: query.department } : {}),
    ...(query.severity ? { severity: query.severity } : {}),
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(query.unit ? { unit: foldUnit(query.unit) } : {}),
    ...(query.phone ? { phone: query.phone } : {}),
    ...(query.number ? { number: foldNumber(query.number) } : {}),
  };
  if (query.phone && !seesEveryCallerPhone(principal)) {
    throw new Forbidden(
      "phone: looking tickets up by a caller's phone is for the desk and management, who see callers' phones (CH-3)",
      PHONE_FILTER_FORBIDDEN,
    );
  }
  const named = FACETS.filter((f: Facet) => (f === 'overdue' ? filter.overdue : filter[f]) !== undefined);
  if (query.kind) {
    for (const facet of named) {
      if (!FACET_KINDS[facet].includes(query.kind)) {
        throw new InvalidInput(
          FILTER_NOT_FOR_KIND,
          `${facet} does not apply to ${query.kind} tickets (only to ${FACET_KINDS[facet].join(', ')})`,
          facet,
        );
      }
    }
  }
  if (query.status) {
    const kinds = kindsWithStatus(query.status);
    if (query.kind && !kinds.includes(query.kind)) {
      throw new InvalidInput(
        FILTER_NOT_FOR_KIND,
        `status ${query.status} is not one of ${query.kind} tickets' (only of ${kinds.join(', ')})`,
        'status',
      );
    }
    // One kind has it: that kind. Several: the kind is needed unless another filter picks the index.
    if (!query.kind && kinds.length === 1) filter.kind = kinds[0];
    else if (!query.kind && named.length === 0) {
      throw new InvalidInput(
        'REQUEST.KIND_REQUIRED',
        `filtering by status ${query.status} needs kind too (${kinds.join(', ')} tickets have it)`,
        'kind',
      );
    }
  }
  if (query.from) filter.createdFrom = instantOf(query.from, park.timeZone, false).toISOString();
  if (query.to) filter.createdBefore = instantOf(query.to, park.timeZone, true).toISOString();
  if (filter.createdFrom && filter.createdBefore && filter.createdBefore <= filter.createdFrom) {
    throw new InvalidInput('REQUEST.INVALID_RANGE', `to (${query.to}) is before from (${query.from})`, 'to');
  }
  return filter;
}
