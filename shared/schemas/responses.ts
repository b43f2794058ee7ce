/**
 * Response shapes, declared for the OpenAPI document only (infra/openapi.ts): the web console's
 * typed client is generated from them. No handler imports this module, so it costs the Lambda
 * bundles nothing. Minimal and honest: a ticket varies by kind, so its kind-specific fields are
 * allowed (`z.looseObject`) and only what every kind has is listed.
 */
import * as z from 'zod/mini';
import { TICKET_KINDS } from '../domain/ticket';
import { TICKET_STATUSES } from '../domain/tickets';

/** Every error the API answers: `{ "error": { "code", "message", "field"? } }` (README, The API). */
export const errorResponse = z.strictObject({
  error: z.strictObject({
    /** Stable, e.g. `REQUEST.INVALID_FIELD`, `TICKET.ILLEGAL_TRANSITION`, `REPAIR.APPOINTMENT_REQUIRED`. */
    code: z.string(),
    message: z.string(),
    /** The request field the error is about, dotted (`caller.phone`). */
    field: z.optional(z.string()),
  }),
});

const actor = z.looseObject({
  staffId: z.string(),
  groups: z.array(z.string()),
  name: z.optional(z.string()),
});

/** A timer of the ticket (a clock of a rule): when it falls due and what became of it. */
const timer = z.looseObject({ dueAt: z.string(), state: z.string() });

/** One ticket as the API shows it (times in the park's zone, +08:00); fields beyond these vary by kind. */
export const ticketResponse = z.looseObject({
  id: z.string(),
  parkId: z.string(),
  kind: z.enum(TICKET_KINDS),
  number: z.optional(z.string()),
  status: z.enum(TICKET_STATUSES),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  createdBy: actor,
  caller: z.optional(z.looseObject({ name: z.string(), phone: z.string(), unit: z.optional(z.string()) })),
  timers: z.record(z.string(), timer),
  assigneeId: z.optional(z.string()),
  /** The commands this caller may send now (GET /tickets/{id}). */
  allowedCommands: z.optional(z.array(z.string())),
  /** Every event, oldest first (GET /tickets/{id}). */
  timeline: z.optional(z.array(z.looseObject({ type: z.string(), at: z.string() }))),
});

/** What the dispatcher says to the caller (RP-2/RP-3), when the step gives sentences. */
const script = z.record(z.string(), z.string());

/** POST /tickets: the ticket opened (201), or the caller's open ticket joined (200, `duplicateOf`). */
export const openedResponse = z.looseObject({
  ticket: ticketResponse,
  script: z.optional(script),
  duplicateOf: z.optional(z.string()),
});

/** POST /tickets/{id}/{command}: the ticket after the step; `unchanged` when it changed nothing. */
export const commandResponse = z.strictObject({
  ticket: ticketResponse,
  unchanged: z.optional(z.literal(true)),
  script: z.optional(script),
});

/** GET /tickets: a page, newest first; send `cursor` back for the next one (absent on the last). */
export const ticketPageResponse = z.strictObject({
  tickets: z.array(ticketResponse),
  cursor: z.optional(z.string()),
});

export const healthResponse = z.strictObject({ status: z.literal('ok'), service: z.string() });

/** A key set of the register (KY-1) with where it is; fields beyond these vary with its state. */
export const keySetResponse = z.strictObject({
  keySet: z.looseObject({ id: z.string(), parkId: z.string(), label: z.string() }),
});

/** Objects whose shape is documented in the README rather than here (park, directory, key pages). */
export const objectResponse = z.looseObject({});
