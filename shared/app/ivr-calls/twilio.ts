/** Answering a Twilio call's webhooks: each signature-checked step once, with TwiML. */
import { isE164 } from '../../domain/formats';
import type { CallInput, TwilioStep } from '../../ivr/call-tree';
import { callStep, PROMPTS, parseState, stateQuery } from '../../ivr/call-tree';
import { dial, hangup, say, twiml } from '../../ivr/twiml';
import { log } from '../../log';
import type { CallKey } from '../../ports';
import { allowCall } from '../rate-limits';
import { answerBudgetOf, factsFor, type IvrDeps, withinBudget } from './context';
import { openForCall } from './one-ticket';

/** Twilio call ids: "CA" and 32 hex digits. */
export function isCallSid(value: string | undefined): value is string {
  return typeof value === 'string' && /^CA[0-9a-fA-F]{32}$/.test(value);
}

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

/**
 * Answers one (signature-checked) Twilio webhook with TwiML; past the call's budget
 * (ANSWER_BUDGET_MS), the caller is put through to a person: Twilio gives up at 15 s.
 */
export function answerTwilio(deps: IvrDeps, hook: TwilioWebhook): Promise<string> {
  const budget = answerBudgetOf(deps, 'twilio');
  return withinBudget(answerStep(deps, hook), budget, () => {
    log.warn('ivr step not answered within its budget: put through', { step: hook.step, budgetMs: budget });
    return personOnly(deps, PROMPTS.putThrough);
  });
}

async function answerStep(deps: IvrDeps, hook: TwilioWebhook): Promise<string> {
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
    // How an emergency put-through's dial ended (the fallback step, issue 11 item 19).
    ...(hook.form.DialCallStatus && /^[a-z-]{1,20}$/.test(hook.form.DialCallStatus)
      ? { dialStatus: hook.form.DialCallStatus }
      : {}),
  };
  const { parkId, baseUrl, voice } = deps.ivr;
  let xml: string;
  try {
    // A number over the park's calls per window reaches a person at once, before the menu (ADR 011).
    if (hook.step === 'voice' && input.from && !(await allowCall(deps, parkId, input.from))) {
      log.warn('ivr: a number over its calls per window, put through to a person', { call: callSid });
      return deps.calls.keepAnswer(
        call,
        stepKey,
        await personOnly(deps, PROMPTS.manyCalls),
        deps.clock.now().toISOString(),
      );
    }
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
