/**
 * The phone call tree (Twilio-style IVR), step by step. Each webhook is one step; what the call has
 * gathered so far travels in the next step's URL (Twilio signs the URL, so it cannot be altered).
 * Pure apart from the lookups it is handed (`CallFacts`); opening the ticket is left to the caller
 * of `callStep`, which gets back what to open and how to answer once it is open.
 */
import type { EmergencyCategory } from '../domain/emergency';
import { RP3_QUESTION } from '../domain/repair';
import type { IvrVoice, Verb } from './twiml';
import { dial, gather, hangup, isXmlChar, say, twiml } from './twiml';

export const CALL_KINDS = ['repair', 'complaint', 'emergency'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/**
 * EM-1 (A)–(C) as a caller can name them: the domain's categories (EMERGENCY_CATEGORIES) but (D)
 * official business, which does not come in by phone. In keypad order.
 */
export const PHONE_EMERGENCY_CATEGORIES = [
  'fire',
  'accident',
  'public-safety',
] as const satisfies readonly EmergencyCategory[];
export type PhoneEmergencyCategory = (typeof PHONE_EMERGENCY_CATEGORIES)[number];

export const TWILIO_STEPS = ['voice', 'menu', 'unit', 'category', 'describe', 'more'] as const;
export type TwilioStep = (typeof TWILIO_STEPS)[number];

/** Keypad parts of an address typed by an unknown caller: building, entrance (单元), room. */
type UnitPart = 'b' | 'e' | 'r';

/** What the call has gathered so far. */
export interface CallState {
  kind?: CallKind;
  cat?: PhoneEmergencyCategory;
  /** The unit key, e.g. 3-2-1502. */
  unit?: string;
  part?: UnitPart;
  b?: string;
  e?: string;
  /** Which try of the current question this is (1-based). */
  n: number;
}

/** What Twilio posted, as far as the tree cares. */
export interface CallInput {
  from?: string;
  digits?: string;
  speech?: string;
  recordingUrl?: string;
}

export interface CallerUnit {
  unit: string;
  address: string;
  /** The resident's name when the calling number is one of the unit's residents. */
  name?: string;
}

/** The lookups the tree may make; the use case implements them on the directory. */
export interface CallFacts {
  /** Units listing this phone number among their residents. */
  unitsOfCaller(phone: string): Promise<CallerUnit[]>;
  /** A unit by key (3-2-1502), or undefined. */
  unit(key: string): Promise<CallerUnit | undefined>;
  /** Whom to put a caller through to: the desk (dispatcher, or duty officer out of hours) or the duty officer. */
  phoneOf(who: 'desk' | 'duty'): Promise<string | undefined>;
  /** Whether tickets of this kind can be opened yet (its rules are registered). */
  canOpen(kind: CallKind): boolean;
}

/** A ticket the call asks for; the use case maps it onto `openTicket`. */
export interface OpenRequest {
  kind: CallKind;
  callerPhone: string;
  unit?: CallerUnit;
  category?: PhoneEmergencyCategory;
  /** What was said, for the ticket's description (cut to a length the desk accepts). */
  description: string;
  /** What was said, whole, as the provider transcribed it. */
  transcript: string;
  recordingUrl?: string;
}

/** What the use case knows once the ticket is open. */
export interface Opened {
  number?: string;
  /** The sentences the desk's rules chose for the caller (a repair's received sentence and RP-3's confirmation). */
  script?: { decision: string; confirmation: string };
}

export type TreeAnswer =
  | { type: 'twiml'; twiml: string }
  | { type: 'open'; request: OpenRequest; answer(opened: Opened): Promise<string> };

export interface TreeContext {
  /** Public base URL of the desk; step URLs are absolute. */
  baseUrl: string;
  voice: IvrVoice;
  facts: CallFacts;
}

/** Tries per question before the caller is put through to a person. */
export const MAX_TRIES = 3;
/** Tries for the spoken description (speech is slower to retry). */
export const MAX_SPEECH_TRIES = 2;
/** The longest description a ticket takes; the whole transcript is kept beside it. */
export const MAX_DESCRIPTION = 500;
export const MAX_TRANSCRIPT = 2000;

/** What the caller hears, in the office's words (RP-1's greeting verbatim). */
export const PROMPTS = {
  greeting: '您好!物业部,您有什么要求',
  menu: '报修请按1,投诉请按2,紧急情况请按3,钥匙或入住事宜请按4,人工服务请按0。您也可以直接说出您的需要。',
  notHeard: '对不起,没有听清。',
  askBuilding: '请输入楼号,以井号键结束。',
  askEntrance: '请输入单元号,以井号键结束。',
  askRoom: '请输入房间号,以井号键结束。',
  unitNotFound: '没有找到这个房号,请重新输入。',
  askRepair: '请说出需要维修的内容和具体位置,说完请稍等。',
  askComplaint: '请说出您要投诉的事情:发生的时间、地点,涉及的人或部门,以及您的要求。说完请稍等。',
  askCategory: '火警请按1,人身或交通事故请按2,其他危及安全的情况请按3。',
  askEmergency: '请说出事发地点和情况。',
  putThrough: '正在为您转接人工服务,请稍候。',
  noCallerId: '无法识别您的来电号码,正在为您转接人工服务,请稍候。',
  keys: '钥匙领取和入住手续由物业部办理,正在为您转接人工服务,请稍候。',
  noOne: '对不起,暂时无法转接,请稍后再拨。',
  more: '如需人工服务请按0;没有其他要求,请直接挂机。',
  goodbye: '感谢您的来电,再见。',
  complaintDone: '我们会尽快处理,并把结果告诉您。',
  emergencyDone: '已通知管理处经理。正在为您转接值班人员,请不要挂机。',
} as const;

const MENU_HINTS = ['报修', '维修', '投诉', '紧急', '火警', '钥匙', '入住', '人工'];

/** The menu's choices: a ticket kind, keys or move-in matters (handled by a person), or a person. */
export type MenuChoice = CallKind | 'keys' | 'person';

const MENU_DIGITS: Record<string, MenuChoice> = {
  '1': 'repair',
  '2': 'complaint',
  '3': 'emergency',
  '4': 'keys',
  '0': 'person',
};
const MENU_WORDS: [RegExp, MenuChoice][] = [
  [/人工|客服|接线/, 'person'],
  [/着火|火警|失火|火灾|救命|事故|紧急|急救/, 'emergency'],
  [/投诉/, 'complaint'],
  [/报修|维修|修理|坏了|漏水/, 'repair'],
  [/钥匙|入住|入伙|搬/, 'keys'],
];

export function menuChoice(input: CallInput): MenuChoice | undefined {
  const digits = input.digits?.trim() ?? '';
  if (digits) return MENU_DIGITS[digits];
  const speech = input.speech?.trim() ?? '';
  return MENU_WORDS.find(([words]) => words.test(speech))?.[1];
}

const CATEGORY_DIGITS: Record<string, PhoneEmergencyCategory> = {
  '1': 'fire',
  '2': 'accident',
  '3': 'public-safety',
};

export function categoryChoice(input: CallInput): PhoneEmergencyCategory | undefined {
  return CATEGORY_DIGITS[input.digits?.trim() ?? ''];
}

/** A building, entrance or room number typed on the keypad: 1 to 4 digits. */
export function unitPart(input: CallInput): string | undefined {
  const digits = input.digits?.trim() ?? '';
  return /^\d{1,4}$/.test(digits) ? digits : undefined;
}

/** What was said, with controls and runs of blanks collapsed; empty when nothing usable was said. */
export function spoken(input: CallInput): string {
  let text = '';
  for (const ch of input.speech ?? '') {
    const c = ch.codePointAt(0) ?? 0;
    text += c === 0x7f || !isXmlChar(c) || c < 0x20 ? ' ' : ch;
  }
  return text.replace(/\s+/g, ' ').trim().slice(0, MAX_TRANSCRIPT);
}

const CHINESE_DIGITS = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * A ticket number read digit by digit, the way numbers are read on the phone (幺 for 1, so it is not
 * heard as 七): R20261127-003 → "R 二 零 二 六 幺 幺 二 七,零 零 三".
 */
export function spellNumber(number: string): string {
  return number
    .split('-')
    .map((group) => [...group].map((c) => (/\d/.test(c) ? CHINESE_DIGITS[Number(c)] : c)).join(' '))
    .join(',');
}

// ---------------------------------------------------------------- state in URLs

export function stateQuery(state: CallState): string {
  const q = new URLSearchParams();
  for (const key of ['kind', 'cat', 'unit', 'part', 'b', 'e'] as const) {
    const value = state[key];
    if (value) q.set(key, value);
  }
  q.set('n', String(state.n));
  return q.toString();
}

/** Reads the state back from a step URL's query; anything unexpected is dropped. */
export function parseState(query: Record<string, string | undefined>): CallState {
  const n = Number(query.n);
  const state: CallState = { n: Number.isInteger(n) && n >= 1 && n <= MAX_TRIES ? n : 1 };
  const kind = query.kind as CallKind | undefined;
  if (kind && CALL_KINDS.includes(kind)) state.kind = kind;
  const cat = query.cat as PhoneEmergencyCategory | undefined;
  if (cat && PHONE_EMERGENCY_CATEGORIES.includes(cat)) state.cat = cat;
  if (query.unit && /^[\w-]{1,30}$/.test(query.unit)) state.unit = query.unit;
  if (query.part === 'b' || query.part === 'e' || query.part === 'r') state.part = query.part;
  if (query.b && /^\d{1,4}$/.test(query.b)) state.b = query.b;
  if (query.e && /^\d{1,4}$/.test(query.e)) state.e = query.e;
  return state;
}

export function stepUrl(baseUrl: string, step: TwilioStep, state: CallState): string {
  return `${baseUrl.replace(/\/+$/, '')}/ivr/twilio/${step}?${stateQuery(state)}`;
}

// ---------------------------------------------------------------- the steps

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
  if (choice === 'keys') return answer(await putThrough(ctx, 'desk', PROMPTS.keys));
  if (!ctx.facts.canOpen(choice)) {
    return answer(await putThrough(ctx, choice === 'emergency' ? 'duty' : 'desk', PROMPTS.putThrough));
  }
  if (!input.from) return answer(await putThrough(ctx, 'desk', PROMPTS.noCallerId));
  if (choice === 'emergency') return answer(categoryPrompt(ctx, { kind: 'emergency', n: 1 }, []));
  const [known] = await ctx.facts.unitsOfCaller(input.from);
  if (known) return answer(describePrompt(ctx, { kind: choice, unit: known.unit, n: 1 }, []));
  return answer(unitPrompt(ctx, { kind: choice, part: 'b', n: 1 }, []));
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
    description: [...transcript].slice(0, MAX_DESCRIPTION).join(''),
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
      if (kind === 'emergency')
        return putThrough(ctx, 'duty', `已记录紧急情况。${number}${PROMPTS.emergencyDone}`);
      const said =
        kind === 'repair'
          ? `${opened.script?.decision ?? '您的报修已登记。'}${number}${opened.script?.confirmation ?? RP3_QUESTION}`
          : `您的投诉已登记。${number}${PROMPTS.complaintDone}${RP3_QUESTION}`;
      return twiml([
        say(said, ctx.voice),
        gather(
          { action: stepUrl(ctx.baseUrl, 'more', { n: 1 }), input: 'dtmf', numDigits: 1, timeout: 5 },
          ctx.voice,
          [say(PROMPTS.more, ctx.voice)],
        ),
        say(PROMPTS.goodbye, ctx.voice),
        hangup(),
      ]);
    },
  };
}
