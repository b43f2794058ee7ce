/** Formats the whole desk agrees on: phone numbers, ticket ids, the default time zone. */

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
