/**
 * Signed personal links in SMS: whoever holds the link may act as the person it names, on the
 * ticket it names, for one purpose, until it expires (ADR 005, ADR 012). Pure: the key and `now`
 * are passed in; storing is the caller's. Single use is a property of the ticket (a step done
 * refuses being done again), not of a token table.
 *
 * Token (v2, ADR 012): 12 base62 characters, the HMAC-SHA256 of the claims (ticket, person,
 * purpose, expiry) under a versioned prefix, about 71 bits. The claims themselves are stored
 * under the token when the SMS is sent; a link is genuine when the stored claims sign to it. Short
 * enough that an SMS asking someone to act fits two segments with its link.
 *
 * Token (v1, ADR 005, emergencies only): `<ticketId>.<staff>.<purpose><expiry>.<mac>`, every claim
 * in the token. Still checked, so links sent before v2 work until they expire (12 hours at most).
 * - `staff` is the staff id when it is URL-safe (`[A-Za-z0-9_-]`), else `~` + base64url of it;
 * - `purpose` is one letter (`a` acknowledge, `s` scene); `expiry` is Unix seconds in base 36;
 * - `mac` is HMAC-SHA256 over a versioned prefix and the first three parts, cut to 96 bits and
 *   base64url-encoded (16 characters).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isUlid } from './formats';

/**
 * What a link may do, each bound to one kind (ADR 012 lists the steps each allows):
 * - emergency: `acknowledge` (EM-2), `scene` (EM-3: on the scene, reports), `owner` (EM-4: take the
 *   desk's post, offered by a handover or by the phone line);
 * - repair: `job` (the technician's work order: 接单, then 完工 with the service slip), `dispatch`
 *   (the repair lead's: 派工/改派 a job nobody has taken, issue 11);
 * - complaint: `report-sheet` (CH-4: 签收, then report it handled), `stop-harm` (CH-8),
 *   `supervisor` and `director` (CH-5), `resolve` (DS-6: report it handled);
 * - key: `key-return` (KY-4, KY-1: the key is back with security, received by the link's person);
 * - move-in: `move-in-lead` (the property office lead's view of a case open too long: read only);
 * - the weekly review (DS-7, ADR 022): `weekly-review` (the dispatcher's list of last week's open
 *   complaints, with a form to record a case that cannot be handled). Its subject is a park's week,
 *   not a ticket: `ticketId` then holds `<park>#<week>` (reviewSubject), as a key set's SMS does;
 * - the monthly summary (CH-10, ADR 021): `monthly-report` (customer service's lead's view of the
 *   month's key figures, with a form to add the dispatcher's short report). Its subject is a park's
 *   month: `ticketId` holds `<park>#<yyyy-mm>` (monthSubject).
 */
export const ACK_LINK_PURPOSES = [
  'acknowledge',
  'scene',
  'owner',
  'job',
  'report-sheet',
  'stop-harm',
  'supervisor',
  'director',
  'resolve',
  'key-return',
  'move-in-lead',
  'dispatch',
  'weekly-review',
  'monthly-report',
] as const;
export type AckLinkPurpose = (typeof ACK_LINK_PURPOSES)[number];

const REVIEW_SUBJECT = /^([A-Za-z0-9_-]{1,64})#(\d{4}-W\d{2})$/;

/** The subject of a `weekly-review` link: `<park>#<week>` in the claims' `ticketId`. */
export function reviewSubject(parkId: string, week: string): string {
  return `${parkId}#${week}`;
}

/** The park and week a `weekly-review` link names, or undefined when its subject is not one. */
export function reviewOfSubject(subject: string): { parkId: string; week: string } | undefined {
  const m = REVIEW_SUBJECT.exec(subject);
  return m?.[1] && m[2] ? { parkId: m[1], week: m[2] } : undefined;
}

const MONTH_SUBJECT = /^([A-Za-z0-9_-]{1,64})#(\d{4}-(?:0[1-9]|1[0-2]))$/;

/** The subject of a `monthly-report` link: `<park>#<yyyy-mm>` in the claims' `ticketId`. */
export function monthSubject(parkId: string, month: string): string {
  return `${parkId}#${month}`;
}

/** The park and month a `monthly-report` link names, or undefined when its subject is not one. */
export function monthOfSubject(subject: string): { parkId: string; month: string } | undefined {
  const m = MONTH_SUBJECT.exec(subject);
  return m?.[1] && m[2] ? { parkId: m[1], month: m[2] } : undefined;
}

/** A link names a ticket by its id; a weekly review's names a park's week, a monthly report's its month. */
function namesItsSubject(claims: Pick<AckLinkClaims, 'ticketId' | 'purpose'>): boolean {
  if (claims.purpose === 'weekly-review') return REVIEW_SUBJECT.test(claims.ticketId);
  if (claims.purpose === 'monthly-report') return MONTH_SUBJECT.test(claims.ticketId);
  return isUlid(claims.ticketId);
}

/** v1 tokens carried the purpose as one letter; only emergencies had links then. */
const V1_PURPOSES: Partial<Record<AckLinkPurpose, string>> = { acknowledge: 'a', scene: 's' };

/** A v2 token: base62, fixed length (what the SMS texts leave room for). */
export const ACK_TOKEN_CHARS = 12;
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const V2_TOKEN = /^[0-9A-Za-z]{12}$/;
const V2 = 'estate-desk/ack-link/v2';

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

function expirySeconds(expiresAt: Date): number {
  const expiry = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isFinite(expiry) || expiry <= 0) throw new Error('an ack link needs a valid expiry');
  return expiry;
}

/**
 * The v2 token of a link: the claims' HMAC in 12 base62 characters (the low digits of the
 * digest's first 128 bits, so each is uniform). The same claims always give the same token, so
 * signing a link again (a replayed event, a re-sent SMS) stores the same record.
 */
export function ackLinkToken(claims: AckLinkClaims, key: string): string {
  checkKey(key);
  if (!namesItsSubject(claims)) throw new Error('an ack link names a ticket by its id');
  const signed = JSON.stringify([
    claims.ticketId,
    claims.staffId,
    claims.purpose,
    expirySeconds(claims.expiresAt),
  ]);
  let n = BigInt(
    `0x${createHmac('sha256', key).update(`${V2}|${signed}`).digest().subarray(0, 16).toString('hex')}`,
  );
  let token = '';
  for (let i = 0; i < ACK_TOKEN_CHARS; i++) {
    token += BASE62[Number(n % 62n)];
    n /= 62n;
  }
  return token;
}

/** Whether `token` has the shape of a v2 token (what the store is asked about). */
export function isAckLinkToken(token: string): boolean {
  return V2_TOKEN.test(token);
}

/**
 * Checks a v2 token against the claims stored under it: they must sign to it (in constant time),
 * then not be past their expiry. No stored claims, or claims that do not sign to the token (an
 * edited record), is `tampered`.
 */
export function checkAckLinkToken(
  token: string,
  stored: AckLinkClaims | undefined,
  key: string,
  now: Date,
): AckLinkCheck {
  checkKey(key);
  const tampered = { ok: false, reason: 'tampered' } as const;
  if (!isAckLinkToken(token) || !stored) return tampered;
  if (!(ACK_LINK_PURPOSES as readonly string[]).includes(stored.purpose) || !namesItsSubject(stored)) {
    return tampered;
  }
  let expected: string;
  try {
    expected = ackLinkToken(stored, key);
  } catch {
    return tampered;
  }
  if (!timingSafeEqual(Buffer.from(expected), Buffer.from(token))) return tampered;
  const claims: AckLinkClaims = { ...stored, expiresAt: new Date(expirySeconds(stored.expiresAt) * 1000) };
  if (now.getTime() >= claims.expiresAt.getTime()) return { ok: false, reason: 'expired', claims };
  return { ok: true, claims };
}

/** A v1 token (emergencies before ADR 012; tests make the links still in flight with it). */
export function signAckLink(claims: AckLinkClaims, key: string): string {
  checkKey(key);
  if (!isUlid(claims.ticketId)) throw new Error('an ack link names a ticket by its id');
  const expiry = expirySeconds(claims.expiresAt);
  const letter = V1_PURPOSES[claims.purpose];
  if (!letter) throw new Error(`a v1 ack link cannot carry the purpose ${claims.purpose}`);
  const signed = `${claims.ticketId}.${encodeStaff(claims.staffId)}.${letter}${expiry.toString(36)}`;
  return `${signed}.${mac(key, signed).toString('base64url')}`;
}

/** The full link: the desk's public base URL, the page's path and the token. */
export function ackLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${ACK_LINK_PATH}${token}`;
}

/**
 * Checks a v1 token: its shape and signature first (in constant time), then its expiry. A token that
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
  const purpose = (Object.keys(V1_PURPOSES) as AckLinkPurpose[]).find(
    (p) => V1_PURPOSES[p] === purposeAndExpiry[0],
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
