/** Answering an Amazon Connect contact flow: the contact's one ticket, and what the flow plays. */
import { isE164 } from '../../domain/formats';
import type { CallKind, OpenRequest } from '../../ivr/call-tree';
import {
  CALL_KINDS,
  descriptionOf,
  MAX_PUT_THROUGH,
  MAX_TRANSCRIPT,
  PHONE_EMERGENCY_CATEGORIES,
  PROMPTS,
  PUT_THROUGH_SECONDS,
  spellNumber,
} from '../../ivr/call-tree';
import { log } from '../../log';
import type { CallKey } from '../../ports';
import { parkOfInstance } from './connect-instances';
import { allowCall } from '../rate-limits';
import { answerBudgetOf, canOpenKind, factsFor, type IvrDeps, withinBudget } from './context';
import { openForCall } from './one-ticket';

/** The parts of Connect's ContactFlowEvent the desk reads. */
export interface ConnectInvocation {
  contactId: string | undefined;
  phone: string | undefined;
  /** `Details.ContactData.InstanceARN`: which instance the contact came through (decides the park). */
  instanceArn: string | undefined;
  /** The flow's parameters; a `parkId` among them is not trusted (the instance decides). */
  parameters: Record<string, string | undefined>;
}

/** Connect takes a flat map of strings back; the flow branches on `status`. */
export type ConnectAnswer = Record<string, string>;

/**
 * EM (issue 11 item 19): the contact flow's put-through list, in order (the desk on shift, then the
 * emergency chain): `putThrough1`..`putThroughN`, `putThroughCount`, and how long to ring each
 * (`putThroughSeconds`) before the flow's "Transfer to phone number" block tries the next.
 */
async function putThroughList(facts: ReturnType<typeof factsFor>): Promise<ConnectAnswer> {
  const phones = ((await facts.emergencyPhones?.()) ?? []).slice(0, MAX_PUT_THROUGH);
  const out: ConnectAnswer = {
    putThroughCount: String(phones.length),
    putThroughSeconds: String(PUT_THROUGH_SECONDS),
  };
  phones.forEach((phone, i) => {
    out[`putThrough${i + 1}`] = phone;
  });
  return out;
}

function transfer(reason: string): ConnectAnswer {
  return { status: 'transfer', reason, prompt: PROMPTS.putThrough };
}

/**
 * Answers one contact-flow invocation: opens the contact's one ticket and says what to play; past
 * the call's budget (ANSWER_BUDGET_MS), transfer to a person: Connect gives up at 8 s.
 */
export function answerConnect(deps: IvrDeps, invocation: ConnectInvocation): Promise<ConnectAnswer> {
  const budget = answerBudgetOf(deps, 'connect');
  return withinBudget(answerContact(deps, invocation), budget, () => {
    log.warn('connect contact not answered within its budget: transferred', {
      contact: invocation.contactId,
      budgetMs: budget,
    });
    return transfer('slow');
  });
}

async function answerContact(deps: IvrDeps, invocation: ConnectInvocation): Promise<ConnectAnswer> {
  const contactId = invocation.contactId ?? '';
  // The park is the configured instance's, whatever the flow says: an instance not configured (another
  // account's flow, a test instance, a forged event) opens nothing and reads no stored answer.
  const parkId = parkOfInstance(deps.ivr.connectInstances, invocation.instanceArn);
  if (!parkId) {
    log.warn('connect contact from an instance not configured: refused', {
      instance: invocation.instanceArn,
      contact: contactId,
    });
    return transfer('instance');
  }
  if (!/^[0-9a-zA-Z-]{8,64}$/.test(contactId)) return transfer('contact-id');
  const call: CallKey = { provider: 'connect', id: contactId };
  const stored = await deps.calls.answerOf(call, 'open');
  if (stored !== undefined) return JSON.parse(stored) as ConnectAnswer;

  const p = invocation.parameters;
  if (p.parkId?.trim() && p.parkId.trim() !== parkId) {
    log.warn('connect flow names another park than its instance; the instance decides', {
      instance: invocation.instanceArn,
      flowPark: p.parkId,
      park: parkId,
    });
  }
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
    // A number over the park's contacts per window reaches a person, opening nothing (ADR 011).
    if (!(await allowCall(deps, parkId, phone))) {
      log.warn('connect: a number over its calls per window, transferred', { contact: contactId });
      return { ...transfer('many-calls'), prompt: PROMPTS.manyCalls };
    }
    const unitKey = p.unit?.trim();
    const unit = unitKey ? await facts.unit(unitKey) : (await facts.unitsOfCaller(phone))[0];
    if (kind === 'repair' && !unit) return transfer('unit');
    const request: OpenRequest = {
      kind,
      callerPhone: phone,
      ...(unit ? { unit } : {}),
      ...(kind === 'emergency' ? { category: category as OpenRequest['category'] & string } : {}),
      description: descriptionOf(transcript),
      transcript,
    };
    const { ticket, opened } = await openForCall(deps, parkId, call, request);
    const number = opened.number ?? '';
    const spoken = number ? spellNumber(number) : '';
    const prompt = opened.duplicate
      ? // The caller's open ticket of this kind, joined (ADR 011): nothing new was opened.
        kind === 'emergency'
        ? `${PROMPTS.emergencyCalledAgain}单号:${spoken}。${PROMPTS.putThroughDuty}`
        : `${PROMPTS.calledAgain}单号:${spoken}。`
      : kind === 'repair'
        ? `${opened.script?.decision ?? ''}单号:${spoken}。${opened.script?.confirmation ?? ''}`
        : kind === 'complaint'
          ? `您的投诉已登记。单号:${spoken}。${PROMPTS.complaintDone}`
          : `已记录紧急情况。单号:${spoken}。${PROMPTS.lifeAtRisk}${PROMPTS.emergencyDone}`;
    answer = {
      status: 'opened',
      kind,
      ticketId: ticket.id,
      ticketNumber: number,
      ticketNumberSpoken: spoken,
      prompt,
      ...(opened.duplicate ? { duplicateOf: ticket.id } : {}),
      ...(kind === 'emergency' ? await putThroughList(facts) : {}),
    };
  } catch (error) {
    log.error('connect intake failed', { error, contact: contactId });
    return transfer('error');
  }
  return JSON.parse(
    await deps.calls.keepAnswer(call, 'open', JSON.stringify(answer), deps.clock.now().toISOString()),
  ) as ConnectAnswer;
}
