/**
 * The signed personal links of SMS: the short v2 tokens of every kind (ADR 012) and the v1 tokens
 * emergency SMS carried before them (ADR 005), still checked while they live: signing, checking,
 * expiry, tampering.
 */
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type AckLinkClaims,
  ackLinkToken,
  ackLinkUrl,
  checkAckLinkToken,
  isAckLinkToken,
  redactAckLinks,
  signAckLink,
  verifyAckLink,
} from '../../shared/domain/ack-link';

const KEY = 'a-test-key-that-is-long-enough-0123456789';
const TICKET = '01JD3Q0000AAAAAAAAAAAAAAAA';
const NOW = new Date('2026-11-28T02:00:00+08:00');
const CLAIMS: AckLinkClaims = {
  ticketId: TICKET,
  staffId: 'office-manager-1',
  purpose: 'acknowledge',
  expiresAt: new Date('2026-11-28T04:00:00+08:00'),
};

const token = signAckLink(CLAIMS, KEY);
const [ticketPart, staffPart, purposeExpiry, mac] = token.split('.') as [string, string, string, string];

describe('signing and checking', () => {
  it('EM-2: a link checks out as its person, ticket, purpose and expiry', () => {
    expect(verifyAckLink(token, KEY, NOW)).toEqual({ ok: true, claims: CLAIMS });
  });

  it('is short enough for an SMS: ticket id, staff id, purpose + expiry, a 16-character MAC', () => {
    expect(token).toMatch(/^01JD3Q0000AAAAAAAAAAAAAAAA\.office-manager-1\.a[0-9a-z]+\.[A-Za-z0-9_-]{16}$/);
    expect(token.length).toBeLessThanOrEqual(26 + 1 + 16 + 1 + 8 + 1 + 16);
  });

  it('a scene link is a different token for the same person', () => {
    const scene = signAckLink({ ...CLAIMS, purpose: 'scene' }, KEY);
    expect(scene).not.toBe(token);
    expect(verifyAckLink(scene, KEY, NOW)).toMatchObject({ ok: true, claims: { purpose: 'scene' } });
  });

  it('never contains the key, and the MAC is HMAC-SHA256 under a versioned prefix, cut to 96 bits', () => {
    expect(token).not.toContain(KEY);
    const signed = `${ticketPart}.${staffPart}.${purposeExpiry}`;
    const expected = createHmac('sha256', KEY)
      .update(`estate-desk/ack-link/v1|${signed}`)
      .digest()
      .subarray(0, 12);
    expect(mac).toBe(expected.toString('base64url'));
  });

  it.each([
    ['a staff id with a dot', 'zhang.wei'],
    ['a Chinese staff id', '张伟'],
    ['a staff id with a slash', 'a/b'],
  ])('round-trips %s through a URL-safe encoding', (_name, staffId) => {
    const t = signAckLink({ ...CLAIMS, staffId }, KEY);
    expect(t).toMatch(/^[A-Za-z0-9._~-]+$/);
    expect(verifyAckLink(t, KEY, NOW)).toMatchObject({ ok: true, claims: { staffId } });
  });

  it('refuses keys shorter than 32 characters, when signing and when checking', () => {
    expect(() => signAckLink(CLAIMS, 'short')).toThrow(/32/);
    expect(() => verifyAckLink(token, 'short', NOW)).toThrow(/32/);
  });

  it('refuses to sign for something that is not a ticket id', () => {
    expect(() => signAckLink({ ...CLAIMS, ticketId: 'not-a-ulid' }, KEY)).toThrow();
  });
});

describe('expiry', () => {
  it('works up to its last second and not from its expiry on; an expired link still says whose it was', () => {
    expect(verifyAckLink(token, KEY, new Date(CLAIMS.expiresAt.getTime() - 1000)).ok).toBe(true);
    expect(verifyAckLink(token, KEY, CLAIMS.expiresAt)).toEqual({
      ok: false,
      reason: 'expired',
      claims: CLAIMS,
    });
  });

  it('an expired link that was also edited is tampered, not expired (nothing about it is believed)', () => {
    const edited = `${ticketPart}.gm-1.${purposeExpiry}.${mac}`;
    expect(verifyAckLink(edited, KEY, new Date('2030-01-01T00:00:00Z'))).toEqual({
      ok: false,
      reason: 'tampered',
    });
  });
});

describe('tampering', () => {
  const swap = (s: string, i: number) => s.slice(0, i) + (s[i] === 'A' ? 'B' : 'A') + s.slice(i + 1);
  it.each([
    ['another ticket', `${swap(ticketPart, 25)}.${staffPart}.${purposeExpiry}.${mac}`],
    ["another person's id (the GM's)", `${ticketPart}.gm-1.${purposeExpiry}.${mac}`],
    [
      'the purpose changed (acknowledge → scene)',
      `${ticketPart}.${staffPart}.s${purposeExpiry.slice(1)}.${mac}`,
    ],
    [
      'a later expiry',
      `${ticketPart}.${staffPart}.a${(Number.parseInt(purposeExpiry.slice(1), 36) + 3600).toString(36)}.${mac}`,
    ],
    ['one MAC character changed', `${ticketPart}.${staffPart}.${purposeExpiry}.${swap(mac, 0)}`],
    ['the MAC cut short', `${ticketPart}.${staffPart}.${purposeExpiry}.${mac.slice(0, 15)}`],
    ['the MAC left out', `${ticketPart}.${staffPart}.${purposeExpiry}`],
    ['an extra part', `${token}.x`],
    ['empty', ''],
    ['garbage', 'hello'],
    ['very long', `${token}${'a'.repeat(500)}`],
    [
      'a non-canonical staff encoding',
      `${ticketPart}.~${Buffer.from('office-manager-1').toString('base64url')}.${purposeExpiry}.${mac}`,
    ],
  ])('%s → tampered', (_name, edited) => {
    expect(verifyAckLink(edited, KEY, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a link signed with another key → tampered', () => {
    const other = signAckLink(CLAIMS, 'another-key-that-is-long-enough-987654321');
    expect(verifyAckLink(other, KEY, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('a non-canonical staff encoding is refused even when signed (one link, one spelling)', () => {
    const odd = `${ticketPart}.~${Buffer.from('office-manager-1').toString('base64url')}.${purposeExpiry}`;
    const forged = `${odd}.${createHmac('sha256', KEY).update(`estate-desk/ack-link/v1|${odd}`).digest().subarray(0, 12).toString('base64url')}`;
    expect(verifyAckLink(forged, KEY, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });
});

describe('in SMS and records', () => {
  it('the link is the public base URL, /ack/ and the token', () => {
    expect(ackLinkUrl('https://desk.example.com/', token)).toBe(`https://desk.example.com/ack/${token}`);
    expect(ackLinkUrl('http://127.0.0.1:3000', token)).toBe(`http://127.0.0.1:3000/ack/${token}`);
  });

  it('the recorded text hides every token', () => {
    const text = `请确认:https://desk.example.com/ack/${token}`;
    expect(redactAckLinks(text)).toBe('请确认:https://desk.example.com/ack/[已隐藏]');
    expect(redactAckLinks(text)).not.toContain(mac);
  });
});

describe('v2: a short token, the HMAC of the claims stored under it (ADR 012)', () => {
  const JOB: AckLinkClaims = { ...CLAIMS, staffId: 'technician-1', purpose: 'job' };
  const v2 = ackLinkToken(JOB, KEY);

  it('is 12 base62 characters (about 71 bits of HMAC-SHA256), the same for the same claims', () => {
    expect(v2).toMatch(/^[0-9A-Za-z]{12}$/);
    expect(isAckLinkToken(v2)).toBe(true);
    expect(ackLinkToken({ ...JOB, expiresAt: new Date(JOB.expiresAt.getTime() + 999) }, KEY)).toBe(v2);
    expect(62 ** 12).toBeGreaterThan(2 ** 64);
  });

  it('checks out against the claims stored under it', () => {
    expect(checkAckLinkToken(v2, JOB, KEY, NOW)).toEqual({ ok: true, claims: JOB });
  });

  it.each([
    ['another person in the stored claims', { ...JOB, staffId: 'technician-2' }],
    ['another ticket', { ...JOB, ticketId: '01JD3Q0000AAAAAAAAAAAAAAAB' }],
    ['another purpose', { ...JOB, purpose: 'resolve' as const }],
    ['a later expiry', { ...JOB, expiresAt: new Date(JOB.expiresAt.getTime() + 3_600_000) }],
    ['nothing stored', undefined],
  ])('claims that do not sign to it (%s) → tampered', (_name, stored) => {
    expect(checkAckLinkToken(v2, stored, KEY, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it.each([
    ['one character changed', `${v2.slice(0, -1)}${v2.endsWith('A') ? 'B' : 'A'}`],
    ['cut short', v2.slice(0, 11)],
    ['one character more', `${v2}A`],
    ['not base62', `${v2.slice(0, 11)}-`],
  ])('a token %s → tampered, even with the genuine claims', (_name, edited) => {
    expect(checkAckLinkToken(edited, JOB, KEY, NOW)).toEqual({ ok: false, reason: 'tampered' });
  });

  it('signed with another key → tampered; past its expiry → expired, naming whose it was', () => {
    const other = ackLinkToken(JOB, 'another-key-that-is-long-enough-987654321');
    expect(checkAckLinkToken(other, JOB, KEY, NOW)).toEqual({ ok: false, reason: 'tampered' });
    expect(checkAckLinkToken(v2, JOB, KEY, JOB.expiresAt)).toEqual({
      ok: false,
      reason: 'expired',
      claims: JOB,
    });
  });

  it('each purpose gives its own token; a v1 token cannot carry the new purposes', () => {
    expect(ackLinkToken({ ...JOB, purpose: 'report-sheet' }, KEY)).not.toBe(v2);
    expect(() => signAckLink(JOB, KEY)).toThrow(/v1/);
  });
});
