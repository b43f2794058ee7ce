/** What the caller hears (the office's words, ticket numbers read out) and what they pressed or said. */
import { isXmlChar } from '../twiml';
import type { CallInput, CallKind, PhoneEmergencyCategory } from './model';
import { MAX_DESCRIPTION, MAX_TRANSCRIPT } from './model';

/** What the caller hears, in the office's words, and how a ticket number is read out. */

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
  keysOffice: '钥匙领取和入住手续由物业部办理,正在为您转接物业部,请稍候。',
  noOne: '对不起,暂时无法转接,请稍后再拨。',
  more: '如需人工服务请按0;没有其他要求,请直接挂机。',
  goodbye: '感谢您的来电,再见。',
  // CH-2: an apology first, then what happens next (the desk grades and hands it off in 10 minutes, CH-4; the callback, CH-6).
  complaintDone:
    '给您带来不便,我们非常抱歉。我们会在10分钟内把您的投诉转交负责部门,处理完毕当天回访您,把结果告诉您。',
  emergencyDone: '已通知管理处经理。正在为您转接值班人员,请不要挂机。',
  /** A repeated call joined the caller's open ticket (ADR 011): said before its number. */
  calledAgain: '您反映的情况已经登记,正在处理中,您这次来电也已记录。',
  emergencyCalledAgain: '您报告的紧急情况已经登记,正在处理中。',
  putThroughDuty: '正在为您转接值班人员,请不要挂机。',
  /** EM (issue 11 item 19): the public services come first when a life is at risk. */
  lifeAtRisk: '如有人员受伤或生命危险,请立即拨打119火警、120急救或110报警。',
  /** The desk did not answer within 20 seconds: the next person of the emergency chain is tried. */
  nextOnChain: '值班人员暂未接听,正在为您转接下一位负责人,请不要挂机。',
  /** Nobody of the chain answered the put-through: the report stands, the chain's SMS go on. */
  nobodyAnswered:
    '对不起,负责人暂时未能接听。您的紧急报告已记录,我们正在联系负责人。如有生命危险,请拨打119、120或110。',
  /** A number over the park's calls per hour (ADR 011): a person takes the call. */
  manyCalls: '您近期来电较多,正在为您转接人工服务,请稍候。',
} as const;

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

/** Words the speech recogniser is told to expect at the menu. */
export const MENU_HINTS = ['报修', '维修', '投诉', '紧急', '火警', '钥匙', '入住', '人工'];

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

/**
 * What a ticket's description takes of what was said: at most MAX_DESCRIPTION UTF-16 units, as
 * the desk's schema counts them, never splitting a character.
 */
export function descriptionOf(transcript: string): string {
  let out = '';
  for (const ch of transcript) {
    if (out.length + ch.length > MAX_DESCRIPTION) break;
    out += ch;
  }
  return out;
}
