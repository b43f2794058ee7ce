/**
 * GET /tickets' query (issue 13 items 1 and 2; ADR 020): the filters, paging and the CSV format.
 * Built from the field types of schemas/index.ts, which passes them in (no import back: no cycle).
 */
import * as z from 'zod/mini';
import { COMPLAINT_SEVERITIES } from '../domain/complaint';
import { DEPARTMENTS } from '../domain/park';
import { TICKET_KINDS } from '../domain/ticket';
import { TICKET_STATUSES } from '../domain/tickets';

interface Fields {
  text: (max: number) => z.ZodMiniString<string>;
  e164: z.ZodMiniType<string>;
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** `2026-11-27` (a real calendar day) or an ISO time with its offset, from 2000 up to 2100. */
export function isDateOrTime(value: string): boolean {
  const day = LOCAL_DATE.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const at = new Date(Date.UTC(y, m - 1, d));
    return (
      at.getUTCFullYear() === y &&
      at.getUTCMonth() === m - 1 &&
      at.getUTCDate() === d &&
      y >= 2000 &&
      y < 2100
    );
  }
  const at = ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  return at >= Date.parse('2000-01-01T00:00:00Z') && at < Date.parse('2100-01-01T00:00:00Z');
}

export function ticketListQuery({ text, e164 }: Fields) {
  const dateOrTime = z
    .string()
    .check(
      z.refine(
        isDateOrTime,
        'must be a park-local date (2026-11-27: the whole day) or an ISO-8601 time with offset (2026-11-27T08:00:00+08:00)',
      ),
    );
  return z.strictObject({
    parkId: z.optional(text(64)),
    kind: z.optional(z.enum(TICKET_KINDS)),
    /** Without `kind` when one kind has the status (or with another filter). */
    status: z.optional(z.enum(TICKET_STATUSES)),
    limit: z._default(
      z.coerce.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(100)),
      20,
    ),
    cursor: z.optional(text(2000)),
    /** Only tickets owing something past its deadline, oldest first. */
    overdue: z.optional(z.literal('true', 'only overdue=true filters; leave it out for every ticket')),
    /** Opened at or after: a park-local date (from its midnight) or an ISO time with offset. */
    from: z.optional(dateOrTime),
    /** Opened at or before: a park-local date (to the end of that day) or an ISO time with offset. */
    to: z.optional(dateOrTime),
    /** Complaints about a department. */
    department: z.optional(z.enum(DEPARTMENTS)),
    /** Complaints of a severity. */
    severity: z.optional(z.enum(COMPLAINT_SEVERITIES)),
    /** Repairs assigned to this member of staff now. */
    assigneeId: z.optional(text(64)),
    /** The caller's unit (key requests: the key's unit; move-ins: the case's unit). */
    unit: z.optional(text(30)),
    /** The caller's phone, as people type it (desk and management only). */
    phone: z.optional(e164),
    /** A register number (R20261127-003). */
    number: z.optional(text(40)),
    /** `csv`: the register as a spreadsheet (as `Accept: text/csv`); records.export. */
    format: z.optional(z.enum(['json', 'csv'])),
  });
}
