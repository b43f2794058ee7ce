/**
 * The steps of the call: each webhook is one step, answered with TwiML, or with a ticket to open
 * and how to answer once it is open (opening is left to the caller of `callStep`). Pure apart from
 * the lookups it is handed (`CallFacts`).
 */
import { RP3_QUESTION } from '../../domain/repair';
import type { Verb } from '../twiml';
import { dial, gather, hangup, say, twiml } from '../twiml';
import type { CallInput, CallState, OpenRequest, TreeAnswer, TreeContext, TwilioStep } from './model';
import { emergencyPutThrough, fallbackStep } from './put-through';
import { MAX_SPEECH_TRIES, MAX_TRIES, stepUrl } from './model';
import {
  categoryChoice,
  descriptionOf,
  MENU_HINTS,
  menuChoice,
  PROMPTS,
  spellNumber,
  spoken,
  unitPart,
} from './words';

/** The answer to one webhook of the call. */
export async function callStep(
  step: TwilioStep,
  state: CallState,
  input: CallInput,
  ctx: TreeContext,
): Promise<TreeAnswer> {
  switch (step) {
    case 'voice':
      if (!input.from) return answer(await putThrough(ctx, 'desk', PROMPTS.noCallerId));
      return answer(menuPrompt(ctx, { n: 1 }, []));
    case 'menu':
      return menuStep(state, input, ctx);
    case 'unit':
      return unitStep(state, input, ctx);
    case 'category':
      return categoryStep(state, input, ctx);
    case 'describe':
      return describeStep(state, input, ctx);
    case 'fallback':
      return fallbackStep(state, input, ctx);
    case 'more':
      return answer(
        input.digits?.trim() === '0'
          ? await putThrough(ctx, 'desk', PROMPTS.putThrough)
          : twiml([say(PROMPTS.goodbye, ctx.voice), hangup()]),
      );
  }
}

function answer(xml: string): TreeAnswer {
  return { type: 'twiml', twiml: xml };
}

function menuPrompt(ctx: TreeContext, state: CallState, before: Verb[]): string {
  const prompts =
    state.n === 1 && before.length === 0
      ? [say(`${PROMPTS.greeting}。${PROMPTS.menu}`, ctx.voice)]
      : [...before, say(PROMPTS.menu, ctx.voice)];
  return twiml([
    gather(
      { action: stepUrl(ctx.baseUrl, 'menu', state), input: 'dtmf speech', numDigits: 1, hints: MENU_HINTS },
      ctx.voice,
      prompts,
    ),
  ]);
}

/** Says `why` and puts the call through; when nobody can be reached, says so and ends the call. */
async function putThrough(ctx: TreeContext, who: 'desk' | 'duty', why: string): Promise<string> {
  const phone =
    (await ctx.facts.phoneOf(who)) ?? (who === 'duty' ? await ctx.facts.phoneOf('desk') : undefined);
  if (!phone) return twiml([say(PROMPTS.noOne, ctx.voice), hangup()]);
  return twiml([say(why, ctx.voice), dial(phone)]);
}

/**
 * 4 钥匙或入住: keys (KY-2) and move-ins are the property office's (物业部); outside its hours, or
 * with nobody there in the directory, the desk on shift takes the call.
 */
async function putThroughToOffice(ctx: TreeContext): Promise<string> {
  const office = await ctx.facts.phoneOf('office');
  if (office) return twiml([say(PROMPTS.keysOffice, ctx.voice), dial(office)]);
  return putThrough(ctx, 'desk', PROMPTS.keys);
}

/** Asks again (with "not heard") while tries remain, else puts the caller through to a person. */
async function retry(
  ctx: TreeContext,
  state: CallState,
  ask: (next: CallState, before: Verb[]) => string,
): Promise<TreeAnswer> {
  if (state.n >= MAX_TRIES) return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
  return answer(ask({ ...state, n: state.n + 1 }, [say(PROMPTS.notHeard, ctx.voice)]));
}

async function menuStep(state: CallState, input: CallInput, ctx: TreeContext): Promise<TreeAnswer> {
  const choice = menuChoice(input);
  if (!choice) return retry(ctx, state, (next, before) => menuPrompt(ctx, next, before));
  if (choice === 'person') return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
  if (choice === 'keys') return answer(await putThroughToOffice(ctx));
  if (!ctx.facts.canOpen(choice)) {
    return answer(await putThrough(ctx, choice === 'emergency' ? 'duty' : 'desk', PROMPTS.putThrough));
  }
  if (!input.from) return answer(await putThrough(ctx, 'desk', PROMPTS.noCallerId));
  // EM (issue 11 item 19): the public services first when a life is at risk, before any question.
  if (choice === 'emergency')
    return answer(categoryPrompt(ctx, { kind: 'emergency', n: 1 }, [say(PROMPTS.lifeAtRisk, ctx.voice)]));
  const [known] = await ctx.facts.unitsOfCaller(input.from);
  if (known) return answer(describePrompt(ctx, { kind: choice, unit: known.unit, n: 1 }, []));
  return answer(unitPrompt(ctx, { kind: choice, part: 'b', n: 1 }, []));
}

/** After a ticket is opened (or joined): what was done, then a digit for more, else goodbye. */
function sayThenOfferMore(ctx: TreeContext, text: string): string {
  return twiml([
    say(text, ctx.voice),
    gather(
      { action: stepUrl(ctx.baseUrl, 'more', { n: 1 }), input: 'dtmf', numDigits: 1, timeout: 5 },
      ctx.voice,
      [say(PROMPTS.more, ctx.voice)],
    ),
    say(PROMPTS.goodbye, ctx.voice),
    hangup(),
  ]);
}

function unitPrompt(ctx: TreeContext, state: CallState, before: Verb[]): string {
  const ask =
    state.part === 'e' ? PROMPTS.askEntrance : state.part === 'r' ? PROMPTS.askRoom : PROMPTS.askBuilding;
  return twiml([
    gather(
      { action: stepUrl(ctx.baseUrl, 'unit', state), input: 'dtmf', finishOnKey: '#', timeout: 8 },
      ctx.voice,
      [...before, say(ask, ctx.voice)],
    ),
  ]);
}

async function unitStep(state: CallState, input: CallInput, ctx: TreeContext): Promise<TreeAnswer> {
  const kind = state.kind;
  if (!kind || kind === 'emergency') return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
  const part = state.part ?? 'b';
  const digits = unitPart(input);
  if (!digits) return retry(ctx, { ...state, part }, (next, before) => unitPrompt(ctx, next, before));
  // `n` counts tries of the whole address, so it travels through the three parts.
  if (part === 'b') return answer(unitPrompt(ctx, { kind, part: 'e', b: digits, n: state.n }, []));
  if (part === 'e' && state.b)
    return answer(unitPrompt(ctx, { kind, part: 'r', b: state.b, e: digits, n: state.n }, []));
  if (part === 'r' && state.b && state.e) {
    const keys = [`${state.b}-${state.e}-${digits}`];
    if (digits.length < 4) keys.push(`${state.b}-${state.e}-${digits.padStart(4, '0')}`);
    for (const key of keys) {
      const found = await ctx.facts.unit(key);
      if (found) return answer(describePrompt(ctx, { kind, unit: found.unit, n: 1 }, []));
    }
    if (state.n < MAX_TRIES) {
      return answer(
        unitPrompt(ctx, { kind, part: 'b', n: state.n + 1 }, [say(PROMPTS.unitNotFound, ctx.voice)]),
      );
    }
    // A complaint needs no unit (CH-3 keeps the caller's contact); a repair needs an address.
    if (kind === 'complaint') return answer(describePrompt(ctx, { kind, n: 1 }, []));
    return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
  }
  return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
}

function categoryPrompt(ctx: TreeContext, state: CallState, before: Verb[]): string {
  return twiml([
    gather(
      { action: stepUrl(ctx.baseUrl, 'category', state), input: 'dtmf', numDigits: 1, timeout: 5 },
      ctx.voice,
      [...before, say(PROMPTS.askCategory, ctx.voice)],
    ),
  ]);
}

async function categoryStep(state: CallState, input: CallInput, ctx: TreeContext): Promise<TreeAnswer> {
  const cat = categoryChoice(input);
  if (cat) return answer(describePrompt(ctx, { kind: 'emergency', cat, n: 1 }, []));
  // EM: no time is lost on the keypad: after a second miss the broadest category (A) is taken.
  if (state.n >= 2) return answer(describePrompt(ctx, { kind: 'emergency', cat: 'public-safety', n: 1 }, []));
  return answer(
    categoryPrompt(ctx, { kind: 'emergency', n: state.n + 1 }, [say(PROMPTS.notHeard, ctx.voice)]),
  );
}

function describePrompt(ctx: TreeContext, state: CallState, before: Verb[]): string {
  const ask =
    state.kind === 'complaint'
      ? PROMPTS.askComplaint
      : state.kind === 'emergency'
        ? PROMPTS.askEmergency
        : PROMPTS.askRepair;
  return twiml([
    gather({ action: stepUrl(ctx.baseUrl, 'describe', state), input: 'speech', timeout: 6 }, ctx.voice, [
      ...before,
      say(ask, ctx.voice),
    ]),
  ]);
}

async function describeStep(state: CallState, input: CallInput, ctx: TreeContext): Promise<TreeAnswer> {
  const kind = state.kind;
  if (!kind) return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
  if (!ctx.facts.canOpen(kind))
    return answer(await putThrough(ctx, kind === 'emergency' ? 'duty' : 'desk', PROMPTS.putThrough));
  if (!input.from) return answer(await putThrough(ctx, 'desk', PROMPTS.noCallerId));
  let transcript = spoken(input);
  if (!transcript) {
    if (state.n < MAX_SPEECH_TRIES) {
      return answer(describePrompt(ctx, { ...state, n: state.n + 1 }, [say(PROMPTS.notHeard, ctx.voice)]));
    }
    // An emergency is opened whatever was said: the manager must hear of it now (EM-2).
    if (kind !== 'emergency') return answer(await putThrough(ctx, 'desk', PROMPTS.putThrough));
    transcript = '(来电未说明情况)';
  }
  const unit = state.unit ? await ctx.facts.unit(state.unit) : (await ctx.facts.unitsOfCaller(input.from))[0];
  const request: OpenRequest = {
    kind,
    callerPhone: input.from,
    ...(unit ? { unit } : {}),
    ...(kind === 'emergency' ? { category: state.cat ?? 'public-safety' } : {}),
    description: descriptionOf(transcript),
    transcript,
    ...(input.recordingUrl ? { recordingUrl: input.recordingUrl } : {}),
  };
  return {
    type: 'open',
    request,
    answer: async (opened) => {
      const number = opened.number
        ? `单号:${spellNumber(opened.number)}。重复一遍,单号:${spellNumber(opened.number)}。`
        : '';
      // The caller's open ticket of this kind, joined (ADR 011): its number, and nothing new opened.
      if (opened.duplicate && kind === 'emergency')
        return emergencyPutThrough(ctx, `${PROMPTS.emergencyCalledAgain}${number}${PROMPTS.putThroughDuty}`);
      if (opened.duplicate) {
        return sayThenOfferMore(ctx, `${PROMPTS.calledAgain}${number}`);
      }
      if (kind === 'emergency')
        return emergencyPutThrough(
          ctx,
          `已记录紧急情况。${number}${PROMPTS.lifeAtRisk}${PROMPTS.emergencyDone}`,
        );
      const said =
        kind === 'repair'
          ? `${opened.script?.decision ?? '您的报修已登记。'}${number}${opened.script?.confirmation ?? RP3_QUESTION}`
          : `您的投诉已登记。${number}${PROMPTS.complaintDone}${RP3_QUESTION}`;
      return sayThenOfferMore(ctx, said);
    },
  };
}
