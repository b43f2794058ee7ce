/**
 * Signed personal links in emergency SMS (EM-2, EM-3): whoever holds the link may act as the person
 * it names, on the ticket it names, for one purpose, until it expires. Pure: the key and `now` are
 * passed in; nothing here stores a token. Single use is a property of the ticket (an acknowledged
 * chain refuses every further acknowledgement), not of a token table.
 *
 * Token: `<ticketId>.<staff>.<purpose><expiry>.<mac>`
 * - `staff` is the staff id when it is URL-safe (`[A-Za-z0-9_-]`), else `~` + base64url of it;
 * - `purpose` is one letter (`a` acknowledge, `s` scene); `expiry` is Unix seconds in base 36;
 * - `mac` is HMAC-SHA256 over a versioned prefix and the first three parts, cut to 96 bits and
 *   base64url-encoded (16 characters): short enough for SMS, far beyond online guessing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUlid } from './formats';

export const ACK_LINK_PURPOSES = { acknowledge: 'a', scene: 's' } as const;
export type AckLinkPurpose = keyof typeof ACK_LINK_PURPOSES;

/** Path of the page a link opens; the token is its last segment. */
export const ACK_LINK_PATH = '/ack/';

const MAC_BYTES = 12;
const MAC_CHARS = 16;
const VERSION = 'estate-desk/ack-link/v1';
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Keys shorter than this are refused: an HMAC is only as strong as its key. */
export const MIN_KEY_LENGTH = 32;

export interface AckLinkClaims {
  ticketId: string;
  staffId: string;
  purpose: AckLinkPurpose;
  expiresAt: Date;
}

export type AckLinkCheck =
  | { ok: true; claims: AckLinkClaims }
  /** `tampered`: malformed or not signed by us (an edited id, a guessed token). */
  | { ok: false; reason: 'tampered' }
  /** `expired`: genuine, but past its time; the claims say whose it was. */
  | { ok: false; reason: 'expired'; claims: AckLinkClaims };

function checkKey(key: string): void {
  if (key.length < MIN_KEY_LENGTH)
    throw new Error(`the ack-link key must be at least ${MIN_KEY_LENGTH} characters`);
}

function encodeStaff(staffId: string): string {
  return SAFE_ID.test(staffId) ? staffId : `~${Buffer.from(staffId, 'utf8').toString('base64url')}`;
}

function decodeStaff(part: string): string | undefined {
  if (!part.startsWith('~')) return SAFE_ID.test(part) ? part : undefined;
  const body = part.slice(1);
  if (!/^[A-Za-z0-9_-]{2,200}$/.test(body)) return undefined;
  const id = Buffer.from(body, 'base64url').toString('utf8');
  // Only the canonical encoding is accepted: one link, one spelling.
  return id && encodeStaff(id) === part ? id : undefined;
}

function mac(key: string, signed: string): Buffer {
  return createHmac('sha256', key).update(`${VERSION}|${signed}`).digest().subarray(0, MAC_BYTES);
}

/** The token for a link; `expiresAt` is rounded down to the second. */
export function signAckLink(claims: AckLinkClaims, key: string): string {
  checkKey(key);
  if (!isUlid(claims.ticketId)) throw new Error('an ack link names a ticket by its id');
  const expiry = Math.floor(claims.expiresAt.getTime() / 1000);
  if (!Number.isFinite(expiry) || expiry <= 0) throw new Error('an ack link needs a valid expiry');
  const signed = `${claims.ticketId}.${encodeStaff(claims.staffId)}.${ACK_LINK_PURPOSES[claims.purpose]}${expiry.toString(36)}`;
  return `${signed}.${mac(key, signed).toString('base64url')}`;
}

/** The full link: the desk's public base URL, the page's path and the token. */
export function ackLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${ACK_LINK_PATH}${token}`;
}

/**
 * Checks a token: its shape and signature first (in constant time), then its expiry. A token that
 * fails the signature says nothing about itself; an expired one still names its person, so the
 * page can say whose link it was.
 */
export function verifyAckLink(token: string, key: string, now: Date): AckLinkCheck {
  checkKey(key);
  const tampered = { ok: false, reason: 'tampered' } as const;
  if (typeof token !== 'string' || token.length > 400) return tampered;
  const parts = token.split('.');
  if (parts.length !== 4) return tampered;
  const [ticketId = '', staffPart = '', purposeAndExpiry = '', givenMac = ''] = parts;
  if (givenMac.length !== MAC_CHARS || !/^[A-Za-z0-9_-]+$/.test(givenMac)) return tampered;
  const expected = mac(key, `${ticketId}.${staffPart}.${purposeAndExpiry}`);
  const given = Buffer.from(givenMac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return tampered;
  // Signed by us: the parts below are ours, but are still checked rather than trusted blindly.
  const staffId = decodeStaff(staffPart);
  const purpose = (Object.keys(ACK_LINK_PURPOSES) as AckLinkPurpose[]).find(
    (p) => ACK_LINK_PURPOSES[p] === purposeAndExpiry[0],
  );
  const expiry = Number.parseInt(purposeAndExpiry.slice(1), 36);
  if (!isUlid(ticketId) || !staffId || !purpose || !/^[0-9a-z]+$/.test(purposeAndExpiry.slice(1))) {
    return tampered;
  }
  const claims: AckLinkClaims = { ticketId, staffId, purpose, expiresAt: new Date(expiry * 1000) };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

/** `text` with every link token hidden (for what is stored or shown instead of the sent SMS). */
export function redactAckLinks(text: string): string {
  return text.replace(/(\/ack\/)[^\s]+/g, '$1[已隐藏]');
}
