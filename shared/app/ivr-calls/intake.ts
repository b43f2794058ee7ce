/**
 * What a call opens: the same request POST /tickets takes, built from what the call gathered and
 * parsed by the same schema (`openTicketBody`), so a call opens exactly what the desk could open;
 * beside it, the call it came from (the ticket's `source`, which the desk's edge does not take).
 */
import { InvalidInput } from '../../domain/errors';
import { toWellFormed } from '../../domain/formats';
import type { TicketSource } from '../../domain/ticket';
import type { OpenRequest } from '../../ivr/call-tree';
import { type OpenTicketRequest, openTicketBody } from '../../schemas';

/** A call's request for a ticket, as `openTicket` takes it. */
export interface PhoneIntake {
  request: OpenTicketRequest;
  source: TicketSource;
}

/** The open-ticket request body for what the call asked, before parsing, and where it came from. */
export function openCommand(
  parkId: string,
  request: OpenRequest,
  channel: TicketSource['channel'],
  callId: string,
  now: Date,
): { body: Record<string, unknown>; source: TicketSource } {
  const caller = {
    name: request.unit?.name ?? '来电人',
    phone: request.callerPhone,
    ...(request.unit ? { unit: request.unit.unit } : {}),
  };
  // What the provider heard may hold half a character (an emoji cut at a length limit): mended to
  // U+FFFD, not refused as a typed body would be, since a caller cannot retype.
  const transcript = toWellFormed(request.transcript);
  const description = toWellFormed(request.description);
  const source: TicketSource = {
    channel,
    callId,
    transcript,
    ...(request.recordingUrl ? { recordingUrl: request.recordingUrl } : {}),
  };
  const at = now.toISOString();
  // Where it happened is what the caller said (the description); their home stays on `caller.unit`:
  // a fire in the car park must not send responders to the caller's flat (EM-3), nor a complaint
  // record the caller's address as the event's place (CH-3).
  // Kept short: the SMS cut the description (the place itself) before the location.
  const told = '来电口述';
  switch (request.kind) {
    case 'repair':
      return {
        body: {
          kind: 'repair',
          parkId,
          caller,
          description,
          location: request.unit?.address ?? '电话报修,地址待确认',
          // Not asked on the phone: as soon as possible; the dispatcher agrees a time at RP-2.
          wantedAt: at,
        },
        source,
      };
    case 'complaint':
      return {
        body: {
          kind: 'complaint',
          parkId,
          caller,
          occurredAt: at,
          place: told,
          description,
        },
        source,
      };
    case 'emergency':
      return {
        body: {
          kind: 'emergency',
          parkId,
          category: request.category ?? 'public-safety',
          location: told,
          description,
          caller,
        },
        source,
      };
  }
}

/**
 * The call's request, parsed as POST /tickets parses a body. A request the schema refuses throws
 * InvalidInput naming the fields (the callers log it and put the caller through to a person);
 * only field paths and messages are named, never what was said.
 */
export function phoneIntake(
  parkId: string,
  request: OpenRequest,
  channel: TicketSource['channel'],
  callId: string,
  now: Date,
): PhoneIntake {
  const { body, source } = openCommand(parkId, request, channel, callId, now);
  const parsed = openTicketBody.safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (i) => `${i.path.map(String).join('.') || '(body)'}: ${i.message}`,
    );
    throw new InvalidInput(
      'IVR.INTAKE_INVALID',
      `the call's ${request.kind} does not fit the open-ticket schema: ${issues.join('; ')}`,
    );
  }
  return { request: parsed.data, source };
}
