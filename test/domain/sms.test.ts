/**
 * Fitting an SMS: one 70-character segment without a link, two concatenated ones (134) with it.
 * The facts and the core of the description are never cut; courtesy goes first, then the
 * description's tail, then the register number.
 */
import { describe, expect, it } from 'vitest';
import { isWellFormed } from '../../shared/domain/formats';
import {
  DESCRIPTION_CORE,
  fitSms,
  freeText,
  LINK_CHARS,
  LINK_SMS_LIMIT,
  LINK_SMS_ROOM,
  phoneForSms,
  polite,
  reference,
} from '../../shared/domain/sms';
import { makePark } from '../support/fixtures';

const SIGNATURE = makePark().smsSignature;

describe('fitSms', () => {
  const body = (detail: string) => ['报修:', freeText(detail), '。'];
  // Signature (6), '报修:' (3) and '。' (1) leave 60 characters for the detail.
  const fits = '漏'.repeat(60);

  it('a detail that just fits is left whole', () => {
    expect(fitSms(SIGNATURE, body(fits))).toBe(`${SIGNATURE}报修:${fits}。`);
  });

  it('one character more and the detail is cut, ending in …, to exactly 70', () => {
    const text = fitSms(SIGNATURE, body(`${fits}水`));

    expect(text).toBe(`${SIGNATURE}报修:${'漏'.repeat(59)}…。`);
    expect([...text].length).toBe(70);
  });

  it('the signature and the fixed wording are never cut, even when they alone are too long', () => {
    const fixed = '固'.repeat(80);

    const text = fitSms(SIGNATURE, [fixed, freeText('漏水漏水')]);

    expect(text).toBe(`${SIGNATURE}${fixed}漏水漏水`);
  });

  it(`the description's core (${DESCRIPTION_CORE} characters) is never cut: the text goes out longer instead`, () => {
    const description = '电梯困人:一位老人和小孩被困在9楼与10楼之间,已按警铃求救,物业已到场';
    const text = fitSms(SIGNATURE, [
      '紧急公共安全事件E20261128-001:5号楼地下二层停车场入口东侧消防通道旁。',
      freeText(description),
      '。',
    ]);

    expect(text).toContain('被困在9楼与10楼之间,已按警铃求救');
    expect(text).toContain(`${[...description].slice(0, DESCRIPTION_CORE).join('')}…`);
    expect(text.length).toBeGreaterThan(70);
  });

  it('courtesy goes first, then the register number; the facts stay', () => {
    const parts = (d: string) => [
      '派工单',
      reference('R20261127-003'),
      ':3-2-1502 ',
      freeText(d),
      '。王先生13800000001,',
      polite('请尽快'),
      '接单:',
    ];
    const short = fitSms(SIGNATURE, parts('漏水'), LINK_SMS_ROOM);
    expect(short).toBe(`${SIGNATURE}派工单R20261127-003:3-2-1502 漏水。王先生13800000001,请尽快接单:`);

    // Just too long with courtesy: it goes, the number stays.
    const room = short.length - 1;
    expect(fitSms(SIGNATURE, parts('漏水'), room)).toBe(
      `${SIGNATURE}派工单R20261127-003:3-2-1502 漏水。王先生13800000001,接单:`,
    );
    // Shorter still: the number goes too; where, what and whom to call never do.
    expect(fitSms(SIGNATURE, parts('漏水'), room - 3)).toBe(
      `${SIGNATURE}派工单:3-2-1502 漏水。王先生13800000001,接单:`,
    );
  });

  it('the tail of a long description goes before the register number', () => {
    const long = '水'.repeat(DESCRIPTION_CORE + 10);
    const parts = ['投诉', reference('C20261127-001'), ':', freeText(long), ',', polite('请'), '签收:'];
    const text = fitSms(SIGNATURE, parts, SIGNATURE.length + 2 + 13 + 1 + DESCRIPTION_CORE + 5 + 1 + 3);

    expect(text).toBe(`${SIGNATURE}投诉C20261127-001:${'水'.repeat(DESCRIPTION_CORE + 4)}…,签收:`);
  });

  it('a link SMS: the text before the link leaves room for a link of LINK_CHARS in 134 units', () => {
    expect(LINK_SMS_LIMIT).toBe(134);
    expect(LINK_SMS_ROOM + LINK_CHARS).toBe(134);
    expect(LINK_CHARS).toBe('https://wy.cuihu-home.com.cn'.length + '/ack/'.length + 12);
  });

  it('a rare character outside the BMP (surrogate pair) is never split in half by the cut', () => {
    const text = fitSms(SIGNATURE, body('𠮷'.repeat(70)));

    expect(text.endsWith('𠮷…。')).toBe(true);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('issue 9 point 5: half a character in the detail (a lone surrogate) never reaches the SMS, cut or not', () => {
    const whole = fitSms(SIGNATURE, body('漏水\ud83d'));
    const cut = fitSms(SIGNATURE, body(`${'漏'.repeat(58)}\ud83d水水`));
    const cutAtHalf = fitSms(SIGNATURE, body(`${'漏'.repeat(59)}\ud83d`));

    for (const text of [whole, cut, cutAtHalf]) {
      expect(isWellFormed(text), JSON.stringify(text)).toBe(true);
      expect(text.length).toBeLessThanOrEqual(70);
    }
    expect(whole).toBe(`${SIGNATURE}报修:漏水\ufffd。`);
  });

  it('issue 9 point 5: the fixed parts are made well-formed too (a location stored before the edge refused it)', () => {
    const text = fitSms(SIGNATURE, ['报修:\udc00车库 ', freeText('漏水'), '。']);

    expect(isWellFormed(text)).toBe(true);
    expect(text).toBe(`${SIGNATURE}报修:\ufffd车库 漏水。`);
  });
});

describe('phoneForSms: a number the reader dials from the text', () => {
  it.each([
    ['+8613800000001', '13800000001'],
    ['+861082345678', '01082345678'],
    ['+85291234567', '+85291234567'],
  ])('%s → %s', (e164, shown) => {
    expect(phoneForSms(e164)).toBe(shown);
  });
});
