/**
 * Phone intake (IVR): a call's steps answered once, and one ticket per call.
 *
 * Input: one webhook of a Twilio call (step, its URL state, the posted form), or one Amazon
 * Connect contact-flow invocation. Output: TwiML, or Connect's flat string map.
 * 1. A step already answered for this call (a provider retry or replay) gets the stored answer;
 *    nothing is written.
 * 2. Otherwise the call tree (shared/ivr/call-tree.ts) answers, looking up the caller's unit and
 *    whom to put them through to.
 * 3. When the tree asks for a ticket, the call's one ticket is claimed first (a conditional write
 *    keyed by the call id, holding the ticket id), then opened with the ordinary `openTicket` under
 *    that id: two copies of the same request, even at the same moment, open one ticket.
 * 4. The answer is kept with a conditional write; a copy that lost the race returns the winner's.
 */
import { DEFAULT_IVR_PARK_ID, DEFAULT_IVR_VOICE, ENV } from '../config';
import { ConcurrentChange } from '../domain/errors';
import type { Unit } from '../domain/park';
import { repairScript } from '../domain/repair';
import { deskOnShift } from '../domain/shift';
import type { TicketSource } from '../domain/ticket';
import type { Ticket } from '../domain/tickets';
import { KIND_RULES } from '../domain/tickets';
import type {
  CallerUnit,
  CallFacts,
  CallInput,
  CallKind,
  OpenRequest,
  Opened,
  TwilioStep,
} from '../ivr/call-tree';
import {
  CALL_KINDS,
  callStep,
  MAX_DESCRIPTION,
  MAX_TRANSCRIPT,
  PHONE_EMERGENCY_CATEGORIES,
  PROMPTS,
  parseState,
  spellNumber,
  stateQuery,
} from '../ivr/call-tree';
import type { IvrVoice } from '../ivr/twiml';
import { dial, hangup, say, twiml } from '../ivr/twiml';
import { log } from '../log';
import type { Principal } from './access';
import type { CallKey, CallStore } from '../ports';
import type { CoreDeps } from './deps';
import { openTicket } from './open-ticket';
import { isE164 } from '../domain/formats';

export interface IvrSettings {
  /** The park whose office number the IVR answers. */
  parkId: string;
  /** Public base URL of the desk (step URLs and signature checks). */
  baseUrl: string;
  voice: IvrVoice;
}

export type IvrDeps = CoreDeps & { calls: CallStore; ivr: IvrSettings };

/** Voice, language and park from the environment, with the documented defaults. */
export function ivrSettingsFromEnv(env: NodeJS.ProcessEnv, baseUrl: string): IvrSettings {
  return {
    parkId: env[ENV.ivrParkId] || DEFAULT_IVR_PARK_ID,
    baseUrl,
    voice: {
      sayLanguage: env[ENV.ivrSayLanguage] || DEFAULT_IVR_VOICE.sayLanguage,
      voice: env[ENV.ivrVoice] || DEFAULT_IVR_VOICE.voice,
      speechLanguage: env[ENV.ivrSpeechLanguage] || DEFAULT_IVR_VOICE.speechLanguage,
    },
  };
}

/** The IVR acts as a system member of the desk (the contract with the complaint and emergency kinds). */
export function ivrPrincipal(parkId: string): Principal {
  return { staffId: 'ivr', groups: ['dispatcher'], parks: [parkId], name: '电话语音' };
}

/** Twilio call ids: "CA" and 32 hex digits. */
export function isCallSid(value: string | undefined): value is string {
  return typeof value === 'string' && /^CA[0-9a-fA-F]{32}$/.test(value);
}

/** How long another request's fresh claim is waited for before this one opens the ticket itself. */
const CLAIM_PATIENCE_MS = 5_000;
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

// ---------------------------------------------------------------- facts for the tree

function callerUnit(unit: Unit, phone: string | undefined): CallerUnit {
  const resident = phone ? unit.residents.find((r) => r.phone === phone) : undefined;
  return { unit: unit.unit, address: unit.address, ...(resident ? { name: resident.name } : {}) };
}

/** A kind can be opened once its rules are registered (complaints and emergencies land separately). */
export function canOpenKind(kind: CallKind): boolean {
  return KIND_RULES[kind] !== undefined;
}

function factsFor(deps: IvrDeps, parkId: string, from: string | undefined): CallFacts {
  return {
    unitsOfCaller: async (phone) =>
      (await deps.calls.unitsOfPhone(parkId, phone)).map((u) => callerUnit(u, phone)),
    unit: async (key) => {
      const unit = await deps.directory.unit(parkId, key);
      return unit ? callerUnit(unit, from) : undefined;
    },
    // 'desk' and 'duty' both reach the desk on shift by the park's calendar (working days and
    // holidays too), as SMS hand-offs do. An emergency goes there too: that person owns it (EM-2,
    // EM-4: the dispatcher, or out of hours the duty officer), so the caller speaks to whoever must act.
    phoneOf: async () => {
      const [park, staff] = await Promise.all([deps.directory.park(parkId), deps.directory.staff(parkId)]);
      if (!park) return undefined;
      return deskOnShift(deps.clock.now(), park, staff)[0]?.phone;
    },
    canOpen: canOpenKind,
  };
}

// ---------------------------------------------------------------- one ticket per call

/** The `openTicket` command for what the call asked, in the shape each kind's intake takes. */
export function openCommand(
  parkId: string,
  request: OpenRequest,
  channel: TicketSource['channel'],
  callId: string,
  now: Date,
) {
  const caller = {
    name: request.unit?.name ?? '来电人',
    phone: request.callerPhone,
    ...(request.unit ? { unit: request.unit.unit } : {}),
  };
  const source: TicketSource = {
    channel,
    callId,
    transcript: request.transcript,
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
        kind: 'repair' as const,
        parkId,
        caller,
        description: request.description,
        location: request.unit?.address ?? '电话报修,地址待确认',
        // Not asked on the phone: as soon as possible; the dispatcher agrees a time at RP-2.
        wantedAt: at,
        source,
      };
    case 'complaint':
      return {
        kind: 'complaint' as const,
        parkId,
        caller,
        occurredAt: at,
        place: told,
        description: request.description,
        source,
      };
    case 'emergency':
      return {
        kind: 'emergency' as const,
        parkId,
        category: request.category ?? 'public-safety',
        location: told,
        description: request.description,
        caller,
        source,
      };
  }
}

/**
 * Opens the call's one ticket, or finds the one already opened for it. A claim made by another
 * request moments ago is waited for; an old claim whose ticket never appeared (that request died)
 * is taken over under the same ticket id, so the table can still hold only one.
 */
export async function openForCall(
  deps: IvrDeps,
  parkId: string,
  call: CallKey,
  request: OpenRequest,
): Promise<{ ticket: Ticket; opened: Opened }> {
  const now = deps.clock.now();
  const claim = await deps.calls.claimTicket(call, deps.ids.next(), now.toISOString());
  let ticket = await deps.store.get(claim.ticketId);
  if (!ticket && !claim.mine) {
    // Waited in real time: the desk's clock may be moved by hand locally.
    const age = Math.max(0, now.getTime() - Date.parse(claim.at));
    const deadline = Date.now() + Math.max(0, CLAIM_PATIENCE_MS - age);
    while (!ticket && Date.now() < deadline) {
      await pause(100);
      ticket = await deps.store.get(claim.ticketId);
    }
  }
  if (ticket) return { ticket, opened: await openedFrom(deps, ticket) };
  const command = openCommand(
    parkId,
    request,
    call.provider === 'twilio' ? 'ivr-twilio' : 'ivr-connect',
    call.id,
    now,
  );
  try {
    const result = await openTicket(
      { ...deps, ids: { next: () => claim.ticketId } },
      ivrPrincipal(parkId),
      command,
    );
    const script = result.script as Opened['script'];
    return {
      ticket: result.ticket,
      opened: {
        ...(result.ticket.number ? { number: result.ticket.number } : {}),
        ...(script ? { script } : {}),
      },
    };
  } catch (error) {
    // Another request opened it under the same id meanwhile: that ticket is the call's.
    const existing = error instanceof ConcurrentChange ? await deps.store.get(claim.ticketId) : undefined;
    if (!existing) throw error;
    return { ticket: existing, opened: await openedFrom(deps, existing) };
  }
}

/** What the caller is told about a ticket opened by an earlier copy of the request. */
async function openedFrom(deps: IvrDeps, ticket: Ticket): Promise<Opened> {
  const opened: Opened = ticket.number ? { number: ticket.number } : {};
  if (ticket.kind === 'repair') {
    const park = await deps.directory.park(ticket.parkId);
    if (park) opened.script = repairScript(ticket, park.timeZone, new Date(ticket.createdAt));
  }
  return opened;
}

// ---------------------------------------------------------------- Twilio

export interface TwilioWebhook {
  step: TwilioStep;
  /** The step URL's query (the call's state). */
  query: Record<string, string | undefined>;
  /** The posted form, one value per field. */
  form: Record<string, string | undefined>;
}

/** Puts the caller through to the desk when the request itself is unusable: nothing is stored. */
export async function personOnly(deps: IvrDeps, why: string = PROMPTS.putThrough): Promise<string> {
  const phone = await factsFor(deps, deps.ivr.parkId, undefined).phoneOf('desk');
  if (!phone) return twiml([say(PROMPTS.noOne, deps.ivr.voice), hangup()]);
  return twiml([say(why, deps.ivr.voice), dial(phone)]);
}

/** Answers one (signature-checked) Twilio webhook with TwiML. */
export async function answerTwilio(deps: IvrDeps, hook: TwilioWebhook): Promise<string> {
  const callSid = hook.form.CallSid;
  if (!isCallSid(callSid)) return personOnly(deps, PROMPTS.putThrough);
  const call: CallKey = { provider: 'twilio', id: callSid };
  const state = parseState(hook.query);
  const stepKey = `${hook.step}?${stateQuery(state)}`;
  const stored = await deps.calls.answerOf(call, stepKey);
  if (stored !== undefined) return stored;

  const from = hook.form.From?.trim();
  const input: CallInput = {
    ...(from && isE164(from) ? { from } : {}),
    ...(hook.form.Digits !== undefined ? { digits: hook.form.Digits } : {}),
    ...(hook.form.SpeechResult !== undefined ? { speech: hook.form.SpeechResult } : {}),
    ...(hook.form.RecordingUrl && /^https:\/\/\S{1,500}$/.test(hook.form.RecordingUrl)
      ? { recordingUrl: hook.form.RecordingUrl }
      : {}),
  };
  const { parkId, baseUrl, voice } = deps.ivr;
  let xml: string;
  try {
    const answer = await callStep(hook.step, state, input, {
      baseUrl,
      voice,
      facts: factsFor(deps, parkId, input.from),
    });
    if (answer.type === 'twiml') {
      xml = answer.twiml;
    } else {
      const { opened } = await openForCall(deps, parkId, call, answer.request);
      xml = await answer.answer(opened);
    }
  } catch (error) {
    // Never a 500 on the phone: the caller reaches a person. Not stored, so a retry may still open the ticket.
    log.error('ivr step failed', { error, step: hook.step, call: callSid });
    return personOnly(deps, PROMPTS.putThrough);
  }
  return deps.calls.keepAnswer(call, stepKey, xml, deps.clock.now().toISOString());
}

// ---------------------------------------------------------------- Amazon Connect

/** The parts of Connect's ContactFlowEvent the desk reads. */
export interface ConnectInvocation {
  contactId: string | undefined;
  phone: string | undefined;
  parameters: Record<string, string | undefined>;
}

/** Connect takes a flat map of strings back; the flow branches on `status`. */
export type ConnectAnswer = Record<string, string>;

function transfer(reason: string): ConnectAnswer {
  return { status: 'transfer', reason, prompt: PROMPTS.putThrough };
}

/** Answers one contact-flow invocation: opens the contact's one ticket and says what to play. */
export async function answerConnect(deps: IvrDeps, invocation: ConnectInvocation): Promise<ConnectAnswer> {
  const contactId = invocation.contactId ?? '';
  if (!/^[0-9a-zA-Z-]{8,64}$/.test(contactId)) return transfer('contact-id');
  const call: CallKey = { provider: 'connect', id: contactId };
  const stored = await deps.calls.answerOf(call, 'open');
  if (stored !== undefined) return JSON.parse(stored) as ConnectAnswer;

  const p = invocation.parameters;
  const parkId = p.parkId?.trim() || deps.ivr.parkId;
  const kind = p.kind?.trim() as CallKind | undefined;
  const phone = invocation.phone?.trim();
  const transcript = (p.description ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TRANSCRIPT);
  if (!kind || !CALL_KINDS.includes(kind)) return transfer('kind');
  if (!phone || !isE164(phone)) return transfer('phone');
  if (!transcript) return transfer('description');
  if (!canOpenKind(kind)) return transfer('kind-not-available');
  const category = p.category?.trim() || 'public-safety';
  if (kind === 'emergency' && !(PHONE_EMERGENCY_CATEGORIES as readonly string[]).includes(category))
    return transfer('category');

  const facts = factsFor(deps, parkId, phone);
  let answer: ConnectAnswer;
  try {
    const unitKey = p.unit?.trim();
    const unit = unitKey ? await facts.unit(unitKey) : (await facts.unitsOfCaller(phone))[0];
    if (kind === 'repair' && !unit) return transfer('unit');
    const request: OpenRequest = {
      kind,
      callerPhone: phone,
      ...(unit ? { unit } : {}),
      ...(kind === 'emergency' ? { category: category as OpenRequest['category'] & string } : {}),
      description: [...transcript].slice(0, MAX_DESCRIPTION).join(''),
      transcript,
    };
    const { ticket, opened } = await openForCall(deps, parkId, call, request);
    const number = opened.number ?? '';
    const spoken = number ? spellNumber(number) : '';
    const prompt =
      kind === 'repair'
        ? `${opened.script?.decision ?? ''}单号:${spoken}。${opened.script?.confirmation ?? ''}`
        : kind === 'complaint'
          ? `您的投诉已登记。单号:${spoken}。${PROMPTS.complaintDone}`
          : `已记录紧急情况。单号:${spoken}。${PROMPTS.emergencyDone}`;
    answer = {
      status: 'opened',
      kind,
      ticketId: ticket.id,
      ticketNumber: number,
      ticketNumberSpoken: spoken,
      prompt,
    };
  } catch (error) {
    log.error('connect intake failed', { error, contact: contactId });
    return transfer('error');
  }
  return JSON.parse(
    await deps.calls.keepAnswer(call, 'open', JSON.stringify(answer), deps.clock.now().toISOString()),
  ) as ConnectAnswer;
}
