/** Fitting an SMS into one 70-character segment: the free text is cut, the fixed parts never. */
import { describe, expect, it } from 'vitest';
import { isWellFormed } from '../../shared/domain/formats';
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

  it('issue 9 point 5: half a character in the detail (a lone surrogate) never reaches the SMS, cut or not', () => {
    const whole = fitSms(SIGNATURE, body, '漏水\ud83d');
    const cut = fitSms(SIGNATURE, body, `${'漏'.repeat(58)}\ud83d水水`);
    const cutAtHalf = fitSms(SIGNATURE, body, `${'漏'.repeat(59)}\ud83d`);

    for (const text of [whole, cut, cutAtHalf]) {
      expect(isWellFormed(text), JSON.stringify(text)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(70);
    }
    expect(whole).toBe(`${SIGNATURE}报修:漏水\ufffd。`);
  });

  it('issue 9 point 5: the fixed parts are made well-formed too (a location stored before the edge refused it)', () => {
    const text = fitSms(SIGNATURE, (d) => `报修:\udc00车库 ${d}。`, '漏水');

    expect(isWellFormed(text)).toBe(true);
    expect(text).toBe(`${SIGNATURE}报修:\ufffd车库 漏水。`);
  });
});
