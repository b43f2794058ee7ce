/** The TwiML builder (escaping, valid XML) and the pure parts of the call tree. */
import { describe, expect, it } from 'vitest';
import type { CallFacts, CallState, TwilioStep } from '../../shared/ivr/call-tree';
import {
  callStep,
  categoryChoice,
  menuChoice,
  parseState,
  PROMPTS,
  spellNumber,
  spoken,
  stateQuery,
  stepUrl,
  unitPart,
} from '../../shared/ivr/call-tree';
import { dial, escapeXml, gather, say, twiml } from '../../shared/ivr/twiml';
import { elements, parseXml } from './xml';

const VOICE = { sayLanguage: 'cmn-CN', voice: 'Polly.Zhiyu', speechLanguage: 'zh-CN' };
const NASTY = '厨房水管漏水 <急> & "漏电" \'</Say><Hangup/>\u0001\uD800';

describe('TwiML: valid XML with everything escaped', () => {
  it('a transcript with <, &, quotes and a closing tag stays text inside <Say>', () => {
    const doc = parseXml(twiml([say(NASTY, VOICE)]));

    expect(doc.name).toBe('Response');
    expect(doc.children).toHaveLength(1);
    expect(doc.children[0]).toMatchObject({
      name: 'Say',
      text: '厨房水管漏水 <急> & "漏电" \'</Say><Hangup/>',
    });
  });

  it('attributes are escaped too: a step URL with & survives as one attribute', () => {
    const action = stepUrl('https://desk.example.test', 'describe', {
      kind: 'repair',
      unit: '3-2-1502',
      n: 2,
    });
    const doc = parseXml(twiml([gather({ action, input: 'speech' }, VOICE, [say('请说', VOICE)])]));

    expect(doc.children[0]?.attributes).toMatchObject({
      action: 'https://desk.example.test/ivr/twilio/describe?kind=repair&unit=3-2-1502&n=2',
      input: 'speech',
      language: 'zh-CN',
      actionOnEmptyResult: 'true',
    });
  });

  it('Say carries the configured voice and language; Gather the speech language', () => {
    const google = { sayLanguage: 'cmn-CN', voice: 'Google.cmn-CN-Standard-A', speechLanguage: 'zh-TW' };
    const doc = parseXml(
      twiml([gather({ action: 'https://d/x', input: 'dtmf speech' }, google, [say('您好', google)])]),
    );

    expect(doc.children[0]?.attributes.language).toBe('zh-TW');
    expect(doc.children[0]?.children[0]?.attributes).toEqual({
      voice: 'Google.cmn-CN-Standard-A',
      language: 'cmn-CN',
    });
  });

  it('a dtmf-only Gather carries no speech settings', () => {
    const doc = parseXml(twiml([gather({ action: 'https://d/x', input: 'dtmf', numDigits: 1 }, VOICE, [])]));

    expect(doc.children[0]?.attributes).not.toHaveProperty('language');
    expect(doc.children[0]?.attributes.numDigits).toBe('1');
  });

  it('Dial puts through to a Number', () => {
    expect(twiml([dial('+8613900000002')])).toContain(
      '<Dial timeout="30"><Number>+8613900000002</Number></Dial>',
    );
  });

  it('escapeXml drops characters XML cannot carry and escapes the five specials', () => {
    expect(escapeXml('a\u0000b\u0008c\td\ne<>&"\'\uFFFF😀')).toBe('abc\td\ne&lt;&gt;&amp;&quot;&apos;😀');
  });
});

describe('call tree: reading what the caller pressed or said', () => {
  it.each([
    ['1', undefined, 'repair'],
    ['2', undefined, 'complaint'],
    ['3', undefined, 'emergency'],
    ['4', undefined, 'keys'],
    ['0', undefined, 'person'],
    ['9', undefined, undefined],
    ['12', undefined, undefined],
    ['*', undefined, undefined],
    ['', '我要报修', 'repair'],
    [undefined, '我想投诉保安', 'complaint'],
    [undefined, '着火了', 'emergency'],
    [undefined, '领钥匙', 'keys'],
    [undefined, '转人工', 'person'],
    [undefined, '   ', undefined],
    [undefined, undefined, undefined],
  ])('menu: digits %j, speech %j → %s', (digits, speech, choice) => {
    expect(
      menuChoice({
        ...(digits !== undefined ? { digits } : {}),
        ...(speech !== undefined ? { speech } : {}),
      }),
    ).toBe(choice);
  });

  it.each([
    ['1', 'fire'],
    ['2', 'accident'],
    ['3', 'public-safety'],
    ['4', undefined],
    ['', undefined],
  ])('emergency category: %j → %s (EM-1 A–C)', (digits, cat) => {
    expect(categoryChoice({ digits })).toBe(cat);
  });

  it.each([
    ['3', '3'],
    ['1502', '1502'],
    ['12345', undefined],
    ['1*2', undefined],
    ['', undefined],
  ])('unit part %j → %j', (digits, part) => {
    expect(unitPart({ digits })).toBe(part);
  });

  it('speech: blanks and controls collapse; nothing usable is empty', () => {
    expect(spoken({ speech: '  厨房\n水管\t漏水\u0000 ' })).toBe('厨房 水管 漏水');
    expect(spoken({ speech: ' \n ' })).toBe('');
    expect(spoken({})).toBe('');
  });

  it('a ticket number is read digit by digit, 幺 for 1, a pause between date and sequence', () => {
    expect(spellNumber('R20261127-003')).toBe('R 二 零 二 六 幺 幺 二 七,零 零 三');
    expect(spellNumber('E20261127-011')).toBe('E 二 零 二 六 幺 幺 二 七,零 幺 幺');
  });

  it('the state travels in the step URL and reads back the same; odd values are dropped', () => {
    const state: CallState = { kind: 'repair', unit: '3-2-1502', n: 2 };
    expect(parseState(Object.fromEntries(new URLSearchParams(stateQuery(state))))).toEqual(state);
    expect(
      parseState({ kind: 'burglary', cat: 'flood', unit: '<x>', part: 'z', b: '12345', n: '99' }),
    ).toEqual({ n: 1 });
  });
});

describe('call tree: every answer is valid TwiML', () => {
  const facts: CallFacts = {
    unitsOfCaller: async (phone) =>
      phone === '+8613800000001' ? [{ unit: '3-2-1502', address: '3号楼2单元1502', name: '王先生' }] : [],
    unit: async (key) =>
      key === '5-1-0801'
        ? { unit: key, address: '5号楼1单元0801' }
        : key === '3-2-1502'
          ? { unit: key, address: '3号楼2单元1502', name: '王先生' }
          : undefined,
    phoneOf: async (who) =>
      who === 'duty' ? '+8613900000002' : who === 'office' ? '+8613900000005' : '+8613900000001',
    canOpen: () => true,
  };
  const ctx = { baseUrl: 'https://desk.example.test', voice: VOICE, facts };
  const steps: [TwilioStep, CallState, Record<string, string>][] = [
    ['voice', { n: 1 }, { from: '+8613800000001' }],
    ['voice', { n: 1 }, {}],
    ['menu', { n: 1 }, { from: '+8613800000001', digits: '1' }],
    ['menu', { n: 1 }, { from: '+8613800000009', digits: '2' }],
    ['menu', { n: 1 }, { from: '+8613800000001', digits: '3' }],
    ['menu', { n: 1 }, { from: '+8613800000001', digits: '4' }],
    ['menu', { n: 3 }, { from: '+8613800000001', digits: '7' }],
    ['unit', { kind: 'repair', part: 'r', b: '5', e: '1', n: 1 }, { from: '+8613800000009', digits: '801' }],
    ['category', { kind: 'emergency', n: 1 }, { digits: '9' }],
    ['describe', { kind: 'repair', unit: '3-2-1502', n: 1 }, { from: '+8613800000001', speech: '' }],
    ['more', { n: 1 }, { digits: '' }],
  ];

  it.each(steps)('%s %j %j', async (step, state, input) => {
    const answer = await callStep(step, state, input, ctx);
    expect(answer.type).toBe('twiml');
    const doc = parseXml(answer.type === 'twiml' ? answer.twiml : '');
    expect(doc.name).toBe('Response');
    for (const el of elements(doc))
      expect(['Response', 'Say', 'Gather', 'Dial', 'Number', 'Redirect', 'Hangup', 'Pause']).toContain(
        el.name,
      );
  });

  it('an opened repair is confirmed with its number, the RP-3 sentence and a last menu, all escaped', async () => {
    const answer = await callStep(
      'describe',
      { kind: 'repair', unit: '3-2-1502', n: 1 },
      { from: '+8613800000001', speech: NASTY },
      ctx,
    );
    if (answer.type !== 'open') throw new Error('expected a ticket to open');

    const doc = parseXml(
      await answer.answer({
        number: 'R20261127-003',
        script: {
          decision: '已登记。',
          confirmation: `维修内容:${answer.request.description}。请问还有什么要求。`,
        },
      }),
    );

    expect(answer.request).toMatchObject({
      kind: 'repair',
      unit: { unit: '3-2-1502', name: '王先生' },
      transcript: '厨房水管漏水 <急> & "漏电" \'</Say><Hangup/>',
    });
    expect(doc.children[0]?.text).toContain('单号:R 二 零 二 六 幺 幺 二 七,零 零 三。');
    expect(doc.children[0]?.text).toContain('<急> & "漏电"');
    expect(doc.children[1]?.children[0]?.text).toBe(PROMPTS.more);
  });
});
