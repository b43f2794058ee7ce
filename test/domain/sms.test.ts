/** Fitting an SMS into one 70-character segment: the free text is cut, the fixed parts never. */
import { describe, expect, it } from 'vitest';
import { fitSms } from '../../shared/domain/sms';
import { makePark } from '../support/fixtures';

const SIGNATURE = makePark().smsSignature;

describe('fitSms', () => {
  const body = (detail: string) => `报修:${detail}。`;
  // Signature (6), '报修:' (3) and '。' (1) leave 60 characters for the detail.
  const fits = '漏'.repeat(60);

  it('a detail that just fits is left whole', () => {
    expect(fitSms(SIGNATURE, body, fits)).toBe(`${SIGNATURE}报修:${fits}。`);
  });

  it('one character more and the detail is cut, ending in …, to exactly 70', () => {
    const text = fitSms(SIGNATURE, body, `${fits}水`);

    expect(text).toBe(`${SIGNATURE}报修:${'漏'.repeat(59)}…。`);
    expect([...text].length).toBe(70);
  });

  it('the signature and the fixed wording are never cut, even when they alone are too long', () => {
    const fixed = '固'.repeat(80);

    const text = fitSms(SIGNATURE, (d) => `${fixed}${d}`, '漏水漏水');

    expect(text.startsWith(`${SIGNATURE}${fixed}`)).toBe(true);
  });

  it('a rare character outside the BMP (surrogate pair) is never split in half by the cut', () => {
    const text = fitSms(SIGNATURE, body, '𠮷'.repeat(70));

    expect(text.endsWith('𠮷…。')).toBe(true);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });
});
