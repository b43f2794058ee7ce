/**
 * EM (issue 11 item 19): an emergency caller is put through to a person who must act, and a desk
 * that does not answer within PUT_THROUGH_SECONDS does not leave them ringing: the dial's action
 * URL (signed by Twilio like every step) tries the next person of the chain, in order.
 */
import { dial, hangup, say, twiml } from '../twiml';
import type { CallInput, CallState, TreeAnswer, TreeContext } from './model';
import { MAX_PUT_THROUGH, PUT_THROUGH_SECONDS, stepUrl } from './model';
import { PROMPTS } from './words';

/** Whom to try, in order: the desk on shift, then the chain (or the duty officer alone). */
async function phones(ctx: TreeContext): Promise<string[]> {
  const listed = ctx.facts.emergencyPhones ? await ctx.facts.emergencyPhones() : [];
  if (listed.length > 0) return listed.slice(0, MAX_PUT_THROUGH);
  const one = (await ctx.facts.phoneOf('duty')) ?? (await ctx.facts.phoneOf('desk'));
  return one ? [one] : [];
}

/** Dials the `i`-th person; when the dial ends, Twilio posts to the fallback step with `i`. */
function dialAt(ctx: TreeContext, list: readonly string[], i: number) {
  return dial(
    list[i]!,
    PUT_THROUGH_SECONDS,
    stepUrl(ctx.baseUrl, 'fallback', { kind: 'emergency', n: 1, i }),
  );
}

/** Says `why` and puts the emergency caller through to the first person, the rest as fallback. */
export async function emergencyPutThrough(ctx: TreeContext, why: string): Promise<string> {
  const list = await phones(ctx);
  if (list.length === 0) return twiml([say(`${PROMPTS.noOne}${PROMPTS.lifeAtRisk}`, ctx.voice), hangup()]);
  return twiml([say(why, ctx.voice), dialAt(ctx, list, 0)]);
}

/** Dial statuses that mean a person took the call: nothing more to do when it ends. */
const ANSWERED = new Set(['completed', 'answered']);

/**
 * The fallback step: the dial to person `i` ended. Answered: the call ends with it. Not answered
 * (no-answer, busy, failed): the next person; after the last, the caller is told the report stands
 * and to call 119/120/110 if a life is at risk.
 */
export async function fallbackStep(
  state: CallState,
  input: CallInput,
  ctx: TreeContext,
): Promise<TreeAnswer> {
  if (input.dialStatus && ANSWERED.has(input.dialStatus)) {
    return { type: 'twiml', twiml: twiml([hangup()]) };
  }
  const list = await phones(ctx);
  const next = (state.i ?? 0) + 1;
  if (next < list.length) {
    return { type: 'twiml', twiml: twiml([say(PROMPTS.nextOnChain, ctx.voice), dialAt(ctx, list, next)]) };
  }
  return { type: 'twiml', twiml: twiml([say(PROMPTS.nobodyAnswered, ctx.voice), hangup()]) };
}
