/**
 * What an SMS is to the domain: who gets it, its text, why, and the personal link it may end in;
 * and fitting its text into the segments it may take without losing what decides what to do.
 */
import { ACK_LINK_PATH, ACK_TOKEN_CHARS, type AckLinkPurpose } from './ack-link';
import { toWellFormed } from './formats';
import type { StaffMember } from './park';

export interface Notification {
  to: StaffMember;
  text: string;
  /** Why it is sent, for the timeline: `assigned`, `ack-30m`, `appointment-reminder`, … */
  purpose: string;
  /**
   * The SMS asks its reader to act and ends in their own signed link: the effects consumer signs
   * the link and appends it to `text` (the key never enters the domain).
   */
  link?: { purpose: AckLinkPurpose; expiresAt: string };
}

/** An SMS that ends in a personal link. */
export type LinkNotification = Notification & { link: NonNullable<Notification['link']> };

export function hasLink(n: Notification): n is LinkNotification {
  return typeof n.link === 'object';
}

/**
 * A phone number as a reader dials it from the text: a mainland mobile (+86 1…) as its 11 digits,
 * a mainland landline with its trunk 0 (+86 10 … → 010…), any other in E.164.
 */
export function phoneForSms(e164: string): string {
  if (/^\+861\d{10}$/.test(e164)) return e164.slice(3);
  return e164.startsWith('+86') ? `0${e164.slice(3)}` : e164;
}

/** One SMS segment holds 70 characters of Chinese text (UCS-2). */
export const SMS_SEGMENT = 70;
/** A segment of a concatenated UCS-2 SMS holds 67: the concatenation header takes the rest. */
export const SMS_CONCAT_SEGMENT = 67;
/** An SMS with a personal link goes out in at most two concatenated segments: 134 UTF-16 units. */
export const LINK_SMS_LIMIT = 2 * SMS_CONCAT_SEGMENT;
/**
 * The longest public base URL the texts are fitted for (`https://wy.cuihu-home.cn` is 24): with a
 * longer one (the bare API Gateway URL is about 56) a link SMS can take three segments. The
 * link's other parts: `/ack/` and the token.
 */
export const LINK_BASE_MAX = 28;
export const LINK_CHARS = LINK_BASE_MAX + ACK_LINK_PATH.length + ACK_TOKEN_CHARS;
/** Room for the signature and the text in front of a personal link. */
export const LINK_SMS_ROOM = LINK_SMS_LIMIT - LINK_CHARS;

/**
 * The core of a free text (what the caller said): never cut. A longer one is cut to what fits, with
 * …; a text whose facts and core do not fit its room goes out longer rather than lose them.
 */
export const DESCRIPTION_CORE = 30;

/**
 * A piece of an SMS text:
 * - a string: a fact or the wording that carries it (where, what, whom to call, when): never cut;
 * - `{ drop: 1, … }` courtesy (请尽快, 谢谢): the first to go when the text is too long;
 * - `{ drop: 2, … }` a reference the reader can do without (the register number, shown on the
 *   link's page): the next to go;
 * - `{ cut: … }` the free text (a description): beyond its core, cut with … before the reference goes.
 */
export type SmsPart = string | { readonly drop: 1 | 2; readonly text: string } | { readonly cut: string };

/** Courtesy: the first words to go. */
export const polite = (text: string): SmsPart => ({ drop: 1, text });
/** A reference the link's page shows too (the register number): dropped after courtesy. */
export const reference = (text: string): SmsPart => ({ drop: 2, text });
/** Free text: its core stays, the rest is cut with … when it does not fit. */
export const freeText = (text: string): SmsPart => ({ cut: text });

function render(parts: readonly SmsPart[], dropped: number, keep: number | undefined): string {
  return parts
    .map((p) => {
      if (typeof p === 'string') return p;
      if ('drop' in p) return p.drop <= dropped ? '' : p.text;
      const chars = [...p.cut];
      return keep === undefined || keep >= chars.length ? p.cut : `${chars.slice(0, keep).join('')}…`;
    })
    .join('');
}

/**
 * `signature` and the parts, within `limit` UTF-16 units (one segment; `LINK_SMS_ROOM` before a
 * link). When too long: courtesy goes first, then the free text beyond its core, then the
 * register number (the free text taking back what that frees). The facts and the core of the
 * free text are never cut: when they alone are too long, the text is longer than `limit`. The
 * text is always well-formed: cuts are by code points (never half a character), and a lone
 * surrogate held anywhere (half an emoji a client sent) becomes U+FFFD, since SNS cannot send one.
 */
export function fitSms(signature: string, parts: readonly SmsPart[], limit: number = SMS_SEGMENT): string {
  const safe = parts.map((p): SmsPart => {
    if (typeof p === 'string') return toWellFormed(p);
    return 'drop' in p ? { drop: p.drop, text: toWellFormed(p.text) } : { cut: toWellFormed(p.cut) };
  });
  const free = safe.find((p): p is { cut: string } => typeof p !== 'string' && 'cut' in p);
  const chars = free ? [...free.cut] : [];
  const fits = (text: string) => (signature + text).length <= limit;
  // In order: as it is; without courtesy; its free text cut; without the reference; cut again.
  for (const [dropped, cut] of [
    [0, false],
    [1, false],
    [1, true],
    [2, false],
    [2, true],
  ] as const) {
    if (!cut) {
      const whole = render(safe, dropped, undefined);
      if (fits(whole)) return toWellFormed(signature + whole);
      continue;
    }
    // The most of the free text that fits with what is left (and …), never less than its core.
    let room = limit - (signature + render(safe, dropped, 0)).length;
    let keep = 0;
    for (const char of chars) {
      room -= char.length;
      if (room < 0) break;
      keep += 1;
    }
    if (keep >= DESCRIPTION_CORE && keep < chars.length) {
      return toWellFormed(signature + render(safe, dropped, keep));
    }
  }
  // The facts and the core alone are too long: they go whole, longer than `limit`.
  return toWellFormed(signature + render(safe, 2, DESCRIPTION_CORE));
}
