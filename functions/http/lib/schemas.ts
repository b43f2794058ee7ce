/** Request shapes at the edge (zod). Unknown fields are refused, so a typo never goes unnoticed. */
// A namespace import lets esbuild keep only the parts used (`{ z }` drags in all of zod: +18 ms init).
import * as z from 'zod';
import { REPAIR_DECISIONS } from '../../../shared/domain/repair';
import { TICKET_KINDS } from '../../../shared/domain/ticket';
import { TICKET_STATUSES } from '../../../shared/domain/tickets';

/** E.164: a plus, a country code, up to 15 digits. */
export const e164 = z.string().regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 phone number such as +8613800000001');
const isoTime = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00' });
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const caller = z.strictObject({
  name: text(50),
  phone: e164,
  unit: text(30).optional(),
});

export const openRepairBody = z.strictObject({
  kind: z.literal('repair'),
  parkId: text(64).optional(),
  caller,
  description: text(500),
  location: text(200),
  wantedAt: isoTime,
  decision: z.enum(REPAIR_DECISIONS),
  appointmentAt: isoTime.optional(),
  declineReason: text(300).optional(),
  paidService: z
    .strictObject({
      fee: z.number().nonnegative('must not be negative').max(1_000_000),
      consent: z.boolean(),
    })
    .optional(),
});

/** Ticket kinds that can be opened so far; the others arrive with their procedures. */
export const openTicketBody = z.discriminatedUnion('kind', [openRepairBody], {
  error: (issue) =>
    issue.code === 'invalid_union'
      ? `must be one of: repair (${TICKET_KINDS.filter((k) => k !== 'repair').join(', ')} are not available yet)`
      : undefined,
});

export const commandBodies = {
  assign: z.strictObject({ staffId: text(64) }),
  acknowledge: z.strictObject({}),
  complete: z.strictObject({ serviceSlip: z.strictObject({ number: text(40), signedBy: text(50) }) }),
  close: z.strictObject({}),
} as const;

export const listTicketsQuery = z.strictObject({
  parkId: text(64).optional(),
  kind: z.enum(TICKET_KINDS).optional(),
  status: z.enum(TICKET_STATUSES).optional(),
  limit: z.coerce.number().int('must be a whole number').min(1).max(100).default(20),
  cursor: text(2000).optional(),
});

export const parkQuery = z.strictObject({ parkId: text(64).optional() });
