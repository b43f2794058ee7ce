/** ULIDs for ticket ids: 26 characters of Crockford base32, sortable by time. */
import { describe, expect, it } from 'vitest';
import { ulid } from '../../shared/adapters/ids';

const CROCKFORD = /^[0-9A-HJKMNP-TV-Z]{26}$/;

describe('ulid', () => {
  it('is 26 characters of the Crockford alphabet (no I, L, O, U)', () => {
    for (let i = 0; i < 200; i++) expect(ulid(Date.now())).toMatch(CROCKFORD);
  });

  it('encodes the time in the first 10 characters, as the ULID spec does', () => {
    // The spec's example: 1469918176385 → 01ARYZ6S41.
    expect(ulid(1469918176385, new Uint8Array(16)).slice(0, 10)).toBe('01ARYZ6S41');
    expect(ulid(0, new Uint8Array(16))).toBe('0'.repeat(26));
  });

  it('takes the last 16 characters from the random bytes', () => {
    expect(ulid(0, new Uint8Array(16).fill(31)).slice(10)).toBe('Z'.repeat(16));
    expect(
      ulid(
        0,
        Uint8Array.from({ length: 16 }, (_, i) => i),
      ).slice(10),
    ).toBe('0123456789ABCDEF');
  });

  it('sorts by time: a later millisecond gives a greater id whatever the randomness', () => {
    const times = [
      1_700_000_000_000, 1_700_000_000_001, 1_700_000_000_031, 1_700_000_000_032, 1_800_000_000_000,
    ];
    const ids = times.map((t, i) => ulid(t, new Uint8Array(16).fill(31 - i)));

    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('two ids in the same millisecond differ by their random part', () => {
    const now = Date.now();

    expect(ulid(now)).not.toBe(ulid(now));
  });
});
