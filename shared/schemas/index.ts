/**
 * Request shapes at the edge (zod). Unknown fields are refused, so a typo never goes unnoticed.
 * zod/mini with a namespace import: esbuild keeps only what is used (23 KB instead of zod's
 * 444 KB, ~15 ms less cold start; see `npm run bench`).
 */
import * as z from 'zod/mini';
import type { ComplaintCommand, ComplaintCommandBody } from '../domain/complaint';
import { ACK_STEPS, CALLBACK_OUTCOMES, COMPLAINT_SEVERITIES, RESOLUTION_VIA } from '../domain/complaint';
import type { EmergencyCommand, EmergencyCommandBody } from '../domain/emergency';
import { EMERGENCY_CATEGORIES } from '../domain/emergency';
import { isWellFormed, ULID_PATTERN } from '../domain/formats';
import type { KeyCommand, KeyCommandBody } from '../domain/key';
import type { MoveInCommand, MoveInCommandBody } from '../domain/move-in';
import { HEAD_OUTCOMES, ID_TYPES, KEY_SET_STATES, OWNER_CALL_OUTCOMES, REQUESTER_TYPES } from '../domain/key';
import { DEPARTMENTS } from '../domain/park';
import type { RepairCommand, RepairCommandBody } from '../domain/repair';
import { REPAIR_DECISIONS } from '../domain/repair';
import { TICKET_KINDS } from '../domain/ticket';
import { KIND_RULES } from '../domain/tickets';
import { moveInBodies } from './move-in';
import { recordsSchemas } from './records';
import { PHONE_MESSAGE, toE164 } from './phone';
import { ticketListQuery } from './ticket-list';

/**
 * A phone number as people type it, stored as E.164 (issue 11 item 20; see ./phone.ts). The
 * IVR's caller id arrives as E.164 already and passes through unchanged.
 */
export const e164 = z.pipe(
  z.string().check(z.refine((typed) => toE164(typed) !== undefined, PHONE_MESSAGE)),
  z.transform((typed: string) => toE164(typed) ?? typed),
);
const isoTime = z.iso.datetime({
  offset: true,
  error: 'must be an ISO-8601 time with offset, e.g. 2026-11-27T15:00:00+08:00',
});
/** Refused at the edge: stored, a lone surrogate would make every SMS that repeats it fail at SNS. */
export const WELL_FORMED_MESSAGE =
  'must be well-formed Unicode text: it holds half a character (a lone UTF-16 surrogate, e.g. half an emoji)';

/** Every free text the desk takes: trimmed, not empty, at most `max` UTF-16 units, well-formed. */
const text = (max: number) =>
  z
    .string()
    .check(
      z.trim(),
      z.minLength(1, 'must not be empty'),
      z.maxLength(max, `must be at most ${max} characters`),
      z.refine(isWellFormed, WELL_FORMED_MESSAGE),
    );

export const caller = z.strictObject({
  name: text(50),
  phone: e164,
  unit: z.optional(text(30)),
  /** Issue 11 item 21: keep a unit the park's directory lacks (recorded on the opening event). */
  unitConfirmed: z.optional(z.boolean()),
});

/** The most a paid special service may cost (RP-4), in yuan: a repair's fee, not a renovation's. */
export const MAX_FEE_YUAN = 100_000;
/** Yuan to the fen, as a person writes them: 80, 80.5, 80.50 (never 1e-7, which no one can pay). */
const YUAN = /^\d+(\.\d{1,2})?$/;

const paidService = z.strictObject({
  fee: z.number().check(
    z.nonnegative('must not be negative'),
    z.maximum(MAX_FEE_YUAN, `must be at most ${MAX_FEE_YUAN} yuan`),
    z.refine((fee) => YUAN.test(String(fee)), 'must be yuan with at most two decimals, e.g. 80 or 80.50'),
  ),
  consent: z.boolean(),
});

/**
 * The times a person may give (wanted, appointment, occurred, deadlines, instructions due): from
 * 2000-01-01 up to, not including, 2100-01-01 UTC. Anything outside is a typo (9999-12-31), and
 * would otherwise be stored, texted without its year and set as a timer for centuries away.
 */
export const EARLIEST_TIME = '2000-01-01T00:00:00Z';
export const LATEST_TIME = '2100-01-01T00:00:00Z';
const time = isoTime.check(
  z.refine(
    (value) => {
      const at = Date.parse(value);
      return at >= Date.parse(EARLIEST_TIME) && at < Date.parse(LATEST_TIME);
    },
    `must be between ${EARLIEST_TIME.slice(0, 10)} and ${LATEST_TIME.slice(0, 10)}`,
  ),
);

/**
 * The desk's judgement that this is not the caller's open ticket again (another fault, another
 * event): opened even so (ADR 011). Never stored on the ticket.
 */
const allowDuplicate = z.optional(z.literal(true));

export const openRepairBody = z.strictObject({
  kind: z.literal('repair'),
  parkId: z.optional(text(64)),
  caller,
  description: text(500),
  location: text(200),
  wantedAt: time,
  // Absent: the request is only received; RP-2 is decided later with POST /tickets/{id}/decide.
  decision: z.optional(z.enum(REPAIR_DECISIONS)),
  appointmentAt: z.optional(time),
  declineReason: z.optional(text(300)),
  paidService: z.optional(paidService),
  allowDuplicate,
});

/** CH-3: the department, or the member of staff, complained about. */
const complaintAbout = z.union(
  [z.strictObject({ department: z.enum(DEPARTMENTS) }), z.strictObject({ staffId: text(64) })],
  { error: `must be {"department": one of ${DEPARTMENTS.join(', ')}} or {"staffId": "…"}` },
);

/** CH-2/CH-1: the dispatcher's call; `grade` takes it for a complaint received without it. */
const complaintGrading = {
  valid: z.boolean(),
  severity: z.optional(z.enum(COMPLAINT_SEVERITIES)),
  about: z.optional(complaintAbout),
  demand: z.optional(text(300)),
  residentDeadline: z.optional(time),
  ongoingHarm: z.optional(z.boolean()),
};

/** CH-3's register fields; graded at once when `valid` is given, else left to the dispatcher. */
export const openComplaintBody = z.strictObject({
  kind: z.literal('complaint'),
  parkId: z.optional(text(64)),
  caller,
  occurredAt: time,
  place: text(200),
  description: text(500),
  ...complaintGrading,
  valid: z.optional(z.boolean()),
  allowDuplicate,
});

/** EM-1: what is happening, where, and who called (when someone did). */
export const openEmergencyBody = z.strictObject({
  kind: z.literal('emergency'),
  parkId: z.optional(text(64)),
  category: z.enum(EMERGENCY_CATEGORIES),
  location: text(200),
  description: text(500),
  caller: z.optional(caller),
  allowDuplicate,
});

/** A unit (3-2-1502) or an area (水泵房) as the key register writes it: no `#`, no surrounding space. */
const keyPlace = text(30).check(z.regex(/^[^#]*$/, 'must not contain "#"'));
/** An id in the key register: a ULID. */
const keySetId = z
  .string()
  .check(z.regex(ULID_PATTERN, 'must be a key set id (from POST /keys or GET /keys)'));
/** KY-2: the last 4 characters of an ID, never more (the whole number is never kept). */
const idLast4 = z.string().check(z.regex(/^[0-9A-Za-z]{4}$/, 'must be the last 4 characters of the ID only'));

/** KY-2: who asks for a key and why; the key set from the register. */
export const openKeyBody = z.strictObject({
  kind: z.literal('key'),
  parkId: z.optional(text(64)),
  keyId: keySetId,
  requester: z.strictObject({
    type: z.enum(REQUESTER_TYPES),
    name: text(50),
    phone: e164,
    staffId: z.optional(text(64)),
  }),
  reason: text(300),
});

/** MI-1..MI-8: the move-in's bodies (schemas/move-in.ts), built on this module's field types. */
const { openMoveInBody, recordStepBody } = moveInBodies({ text, time, e164, keyPlace, keySetId });
export { openMoveInBody };

/** Ticket kinds that can be opened so far; the others arrive with their procedures. */
export const openTicketBody = z.discriminatedUnion(
  'kind',
  [openRepairBody, openComplaintBody, openEmergencyBody, openKeyBody, openMoveInBody],
  {
    error: (issue) => {
      if (issue.code !== 'invalid_union') return undefined;
      const open = Object.keys(KIND_RULES);
      const later = TICKET_KINDS.filter((k) => !open.includes(k));
      return `must be one of: ${open.join(', ')}${later.length ? ` (${later.join(', ')} not available yet)` : ''}`;
    },
  },
);

/** An open-ticket request as the edge parsed it: what the desk, or a phone call, may open. */
export type OpenTicketRequest = z.infer<typeof openTicketBody>;

export const commandBodies = {
  /** RP-2 for a received repair: the outcome and what it needs (RP-4's consent for a paid service). */
  decide: z.strictObject({
    decision: z.enum(REPAIR_DECISIONS),
    appointmentAt: z.optional(time),
    declineReason: z.optional(text(300)),
    paidService: z.optional(paidService),
  }),
  assign: z.strictObject({ staffId: text(64) }),
  /** Complaints: which signature (CH-4 report sheet, CH-8 stop-harm, CH-5 supervisor/director) and a note. */
  // `step`: which complaint step is signed; `staffId`: an emergency acknowledgement the desk records for
  // someone who answered by phone.
  acknowledge: z.strictObject({
    step: z.optional(z.enum(ACK_STEPS)),
    note: z.optional(text(300)),
    staffId: z.optional(text(64)),
  }),
  // A repair's completion carries its service slip (the repair's decider requires it); a move-in's a note.
  complete: z.strictObject({
    serviceSlip: z.optional(z.strictObject({ number: text(40), signedBy: text(50) })),
    note: z.optional(text(300)),
  }),
  // EM-6 (issue 11 item 17): an emergency's instructions still open, each with what became of it.
  close: z.strictObject({
    instructions: z.optional(
      z
        .array(
          z.strictObject({
            number: z.number().check(z.int('must be a whole number'), z.minimum(1)),
            // 150: all 100 notes at their longest still fit a request body (64 KB).
            note: text(150),
          }),
        )
        .check(z.maxLength(100)),
    ),
  }),
  grade: z.strictObject(complaintGrading),
  'follow-ups': z.strictObject({ note: text(500) }),
  reply: z.strictObject({ note: text(500) }),
  resolve: z.strictObject({
    confirmedBy: text(50),
    via: z.enum(RESOLUTION_VIA),
    note: z.optional(text(500)),
    // CH-4/CH-5: management above the department reports it done with a signature still owed.
    override: z.optional(z.strictObject({ reason: text(300) })),
  }),
  callback: z.strictObject({ outcome: z.enum(CALLBACK_OUTCOMES), note: z.optional(text(500)) }),
  'service-slip': z.strictObject({ number: text(40), signedBy: text(50) }),
  // ADR 016: a complaint's grading corrected after the hand-off (CH-1), or moved to another department.
  regrade: z.strictObject({
    valid: z.optional(z.boolean()),
    severity: z.optional(z.enum(COMPLAINT_SEVERITIES)),
    about: z.optional(complaintAbout),
    reason: text(300),
  }),
  // Emergencies (EM-3..EM-6). `staffId`: the desk records for a responder who phoned in.
  'on-scene': z.strictObject({ staffId: z.optional(text(64)) }),
  report: z.strictObject({ text: text(500), staffId: z.optional(text(64)) }),
  'hand-over': z.strictObject({ staffId: text(64) }),
  'accept-handover': z.strictObject({}),
  instructions: z.strictObject({
    from: text(50),
    to: text(64),
    text: text(300),
    dueAt: time,
    fromStaffId: z.optional(text(64)),
  }),
  'instruction-done': z.strictObject({
    number: z.number().check(z.int('must be a whole number'), z.minimum(1)),
    result: text(300),
  }),
  'sign-off': z.strictObject({ comment: text(300) }),
  // Key requests (KY-2..KY-4). `verify` takes the check that fits the requester type.
  verify: z.strictObject({
    idChecked: z.optional(z.boolean()),
    idType: z.optional(z.enum(ID_TYPES)),
    idLast4: z.optional(idLast4),
    ownerCall: z.optional(
      z.strictObject({
        outcome: z.enum(OWNER_CALL_OUTCOMES),
        note: z.optional(text(300)),
        viewingAllowed: z.optional(z.boolean()),
      }),
    ),
    departmentHead: z.optional(z.strictObject({ staffId: text(64), outcome: z.enum(HEAD_OUTCOMES) })),
    note: z.optional(text(300)),
  }),
  'issue-slip': z.strictObject({ dueAt: z.optional(time) }),
  'hand-out': z.strictObject({
    guardId: text(64),
    idChecked: z.boolean(),
    escortId: z.optional(text(64)),
    idType: z.optional(z.enum(ID_TYPES)),
    idLast4: z.optional(idLast4),
  }),
  return: z.strictObject({ receivedBy: text(64) }),
  cancel: z.strictObject({ reason: text(300) }),
  // Repair corrections (CH-11, issue 11 item 8); `cancel` above serves the repair too.
  reschedule: z.strictObject({ appointmentAt: time, reason: text(300) }),
  reopen: z.strictObject({ reason: text(300) }),
  // Move-in (MI-1..MI-8): one step with its own data.
  'record-step': recordStepBody,
} as const;

export type CommandName = keyof typeof commandBodies;

/** A command as the edge parsed it: its name (the last path segment) and its body's fields. */
export type TicketCommand = {
  [K in CommandName]: { type: K } & z.infer<(typeof commandBodies)[K]>;
}[CommandName];

/** Fails to compile when a schema drifts from the command bodies a kind's deciders take. */
type Fits<A extends B, B> = A;
export type ComplaintCommandsFit = Fits<
  Extract<TicketCommand, { type: ComplaintCommand }>,
  ComplaintCommandBody
>;
export type EmergencyCommandsFit = Fits<
  Extract<TicketCommand, { type: EmergencyCommand }>,
  EmergencyCommandBody
>;
export type RepairCommandsFit = Fits<Extract<TicketCommand, { type: RepairCommand }>, RepairCommandBody>;
export type KeyCommandsFit = Fits<Extract<TicketCommand, { type: KeyCommand }>, KeyCommandBody>;
export type MoveInCommandsFit = Fits<Extract<TicketCommand, { type: MoveInCommand }>, MoveInCommandBody>;

/** What every timer carries (Scheduler's `Target.Input`, the local runner's row). */
export const timerPayload = z.object({
  ticketId: z.string().check(z.regex(ULID_PATTERN, 'must be a ticket id')),
  parkId: text(64),
  timer: text(64),
  dueAt: isoTime,
});

export const listTicketsQuery = ticketListQuery({ text, e164 });

export const parkQuery = z.strictObject({ parkId: z.optional(text(64)) });

/** KY-1, MI-7: a key set for the register; a retained key carries the owner's signed agreement. */
export const registerKeySetBody = z.strictObject({
  parkId: z.optional(text(64)),
  unit: z.optional(keyPlace),
  /** Keep a unit the park's directory lacks (as `caller.unitConfirmed`): else 422 with the nearest. */
  unitConfirmed: z.optional(z.boolean()),
  area: z.optional(keyPlace),
  label: text(50),
  count: z.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(50)),
  tag: text(20).check(z.regex(/^[^#]*$/, 'must not contain "#"')),
  retention: z.optional(z.strictObject({ agreementNo: text(40), ownerName: text(50), signedAt: time })),
});

/** The ledger's filters: one unit's or area's sets, one custody state. */
export const listKeysQuery = z.strictObject({
  parkId: z.optional(text(64)),
  unit: z.optional(keyPlace),
  area: z.optional(keyPlace),
  state: z.optional(z.enum(KEY_SET_STATES)),
  limit: z._default(
    z.coerce.number().check(z.int('must be a whole number'), z.minimum(1), z.maximum(50)),
    20,
  ),
  cursor: z.optional(text(2000)),
});

/** KY-1: a lost key is reported, never deleted. */
export const reportLostBody = z.strictObject({ note: z.optional(text(300)) });

// The monthly summary (DS-8, CH-10; issue 13 item 4, ADR 021).
/** The most a monthly entry's text may hold: a short report or comment, not a document. */
export const MAX_MONTHLY_TEXT = 2000;
const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be yyyy-mm, e.g. 2026-11'));

export const monthlyReportQuery = z.strictObject({
  month,
  parkId: z.optional(text(64)),
  format: z.optional(z.enum(['json', 'csv', 'html'])),
});

export const monthlyReportBody = z.strictObject({
  parkId: z.optional(text(64)),
  text: text(MAX_MONTHLY_TEXT),
});
export const monthlySignBody = z.strictObject({
  parkId: z.optional(text(64)),
  comment: text(MAX_MONTHLY_TEXT),
});
export const monthlyCorrectiveBody = z.strictObject({
  parkId: z.optional(text(64)),
  ticketId: z.string().check(z.regex(ULID_PATTERN, 'must be a ticket id')),
  text: text(MAX_MONTHLY_TEXT),
});
/** The managers' records (issue 13 items 3 and 5): the weekly review and the work log (schemas/records.ts). */
export const { weeklyReviewQuery, reviewItemBody, reviewDecisionBody, reviewCheckBody, workLogQuery } =
  recordsSchemas({ text, ticketId: z.string().check(z.regex(ULID_PATTERN, 'must be a ticket id')) });
