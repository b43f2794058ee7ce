/** Formats the whole desk agrees on: phone numbers, ticket ids, the default time zone, well-formed text. */

/** E.164: a plus, a country code, up to 15 digits (what SNS sends to and the directory stores). */
export const E164_PATTERN = /^\+[1-9]\d{6,14}$/;

/** A ticket id: a ULID in Crockford base32 (no I, L, O, U). */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** The park's zone when none is configured: the procedures are written for mainland China. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export function isE164(value: string): boolean {
  return E164_PATTERN.test(value);
}

export function isUlid(value: string): boolean {
  return ULID_PATTERN.test(value);
}

/**
 * Half a character: a UTF-16 surrogate without its other half (e.g. half an emoji, cut by a
 * client or by slicing code units). JSON carries it (`"\ud83d"`), but SNS cannot send it, nor can
 * UTF-8 encode it. With the `u` flag a pair is one code point, so only lone halves match.
 */
const LONE_SURROGATE = /\p{Cs}/u;
const LONE_SURROGATES = /\p{Cs}/gu;

/** No lone surrogate (String.prototype.isWellFormed, ES2024). */
export function isWellFormed(text: string): boolean {
  return !LONE_SURROGATE.test(text);
}

/** Each lone surrogate replaced by U+FFFD, same length (String.prototype.toWellFormed, ES2024). */
export function toWellFormed(text: string): string {
  return text.replace(LONE_SURROGATES, '\uFFFD');
}
