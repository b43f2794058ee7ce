/**
 * X-Twilio-Signature checks against vectors computed independently of the desk: the fixture's
 * examples (made with Twilio's SDK) and the `twilio` package's own functions as a reference.
 */
import { createHash } from 'node:crypto';
import { getExpectedTwilioSignature, validateRequest } from 'twilio/lib/webhooks/webhooks.js';
import { describe, expect, it } from 'vitest';
import {
  candidateUrls,
  expectedSignature,
  isValidTwilioRequest,
  parseForm,
  publicUrl,
} from '../../shared/ivr/twilio-signature';
import { vectors } from './vectors';

const TOKEN = vectors.authToken;
const form = (params: Record<string, string>) => new URLSearchParams(params).toString();

describe('Twilio signature: the SDK-computed vectors (test/fixtures/twilio-signatures.json)', () => {
  it.each(vectors.cases.map((c) => [c.name, c] as const))('%s: the signature is accepted', (_name, c) => {
    expect(expectedSignature(TOKEN, c.url, c.params)).toBe(c.signature);
    expect(isValidTwilioRequest(TOKEN, { url: c.url, signature: c.signature, body: form(c.params) })).toBe(
      true,
    );
  });

  it.each(vectors.cases.map((c) => [c.name, c] as const))(
    '%s: the signature Twilio makes when it adds :443 is accepted too',
    (_name, c) => {
      expect(
        isValidTwilioRequest(TOKEN, {
          url: c.url,
          signature: c.signatureIfTwilioUsedPort443,
          body: form(c.params),
        }),
      ).toBe(c.validWhenSignedWithPort443);
    },
  );

  it.each(vectors.cases.map((c) => [c.name, c] as const))(
    '%s: a signature made with another token is refused',
    (_name, c) => {
      expect(
        isValidTwilioRequest(TOKEN, { url: c.url, signature: c.wrongTokenSignature, body: form(c.params) }),
      ).toBe(false);
    },
  );

  it('a configured URL with :443 accepts the signature Twilio made without the port', () => {
    const [c] = vectors.cases;
    const withPort = c!.url.replace('desk.example.test', 'desk.example.test:443');
    expect(
      isValidTwilioRequest(TOKEN, { url: withPort, signature: c!.signature, body: form(c!.params) }),
    ).toBe(true);
  });

  it('a JSON body is checked by bodySHA256 in the URL and signed over the URL alone', () => {
    const j = vectors.jsonBodyCase;
    const ok = { url: j.url, signature: j.signature, body: j.body, contentType: 'application/json' };

    expect(isValidTwilioRequest(TOKEN, ok)).toBe(true);
    expect(isValidTwilioRequest(TOKEN, { ...ok, body: j.body.replace('completed', 'failed') })).toBe(false);
  });
});

describe('Twilio signature: refusals', () => {
  const c = vectors.cases[1]!; // Chinese speech with < and &
  const body = form(c.params);

  it('a tampered parameter is refused', () => {
    const tampered = form({ ...c.params, SpeechResult: '厨房水管漏水' });
    expect(isValidTwilioRequest(TOKEN, { url: c.url, signature: c.signature, body: tampered })).toBe(false);
  });

  it('an added parameter is refused', () => {
    expect(
      isValidTwilioRequest(TOKEN, { url: c.url, signature: c.signature, body: `${body}&Digits=1` }),
    ).toBe(false);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['blank', '   '],
  ])('a %s header is refused', (_what, signature) => {
    expect(isValidTwilioRequest(TOKEN, { url: c.url, signature, body })).toBe(false);
  });

  it('another URL (path or query) is refused', () => {
    expect(
      isValidTwilioRequest(TOKEN, { url: c.url.replace('describe', 'voice'), signature: c.signature, body }),
    ).toBe(false);
    expect(isValidTwilioRequest(TOKEN, { url: `${c.url}?n=2`, signature: c.signature, body })).toBe(false);
  });

  it('a query string on the URL is part of what is signed', () => {
    const q = vectors.cases[2]!;
    expect(isValidTwilioRequest(TOKEN, { url: q.url, signature: q.signature, body: form(q.params) })).toBe(
      true,
    );
    expect(
      isValidTwilioRequest(TOKEN, {
        url: q.url.replace('step=2', 'step=3'),
        signature: q.signature,
        body: form(q.params),
      }),
    ).toBe(false);
  });

  it('no token configured refuses everything', () => {
    expect(isValidTwilioRequest('', { url: c.url, signature: c.signature, body })).toBe(false);
  });

  it('a JSON body whose bodySHA256 is missing is refused', () => {
    const j = vectors.jsonBodyCase;
    const url = j.url.slice(0, j.url.indexOf('?'));
    const signature = getExpectedTwilioSignature(TOKEN, url, {});
    expect(
      isValidTwilioRequest(TOKEN, { url, signature, body: j.body, contentType: 'application/json' }),
    ).toBe(false);
  });
});

describe('Twilio signature: agreement with the twilio package (reference, tests only)', () => {
  const cases: [string, string, Record<string, string | string[]>][] = [
    ['no parameters', 'https://desk.example.test/ivr/twilio/more?n=1', {}],
    [
      'Chinese, emoji and symbols',
      'https://desk.example.test/ivr/twilio/describe?kind=repair&n=1',
      { SpeechResult: '漏水 😀 <>&"\'', CallSid: 'CA1' },
    ],
    ['repeated keys', 'https://desk.example.test/ivr/twilio/voice', { b: ['2', '1', '2'], a: 'x' }],
    ['http with a port', 'http://127.0.0.1:3000/ivr/twilio/voice', { From: '+8613800000001' }],
  ];

  it.each(cases)('%s: the same signature as getExpectedTwilioSignature', (_name, url, params) => {
    expect(expectedSignature(TOKEN, url, params)).toBe(getExpectedTwilioSignature(TOKEN, url, params));
  });

  it.each(cases)('%s: validateRequest and the desk agree on the signature', (_name, url, params) => {
    const signature = getExpectedTwilioSignature(TOKEN, url, params);
    const body = new URLSearchParams(
      Object.entries(params).flatMap(([k, v]): [string, string][] =>
        Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]],
      ),
    ).toString();
    expect(validateRequest(TOKEN, signature, url, params)).toBe(true);
    expect(isValidTwilioRequest(TOKEN, { url, signature, body })).toBe(true);
  });

  it('repeated form keys parse to every value, so they are signed as Twilio does', () => {
    expect(parseForm('a=1&b=2&a=3&c=')).toEqual({ a: ['1', '3'], b: '2', c: '' });
  });
});

describe('the URL a request is checked against', () => {
  it.each([
    ['https://desk.example.test', '/ivr/twilio/voice', '', 'https://desk.example.test/ivr/twilio/voice'],
    [
      'https://desk.example.test/',
      '/ivr/twilio/menu',
      'n=2&kind=repair',
      'https://desk.example.test/ivr/twilio/menu?n=2&kind=repair',
    ],
    [
      'https://abc.execute-api.ap-east-1.amazonaws.com/prod',
      '/prod/ivr/twilio/voice',
      '',
      'https://abc.execute-api.ap-east-1.amazonaws.com/prod/ivr/twilio/voice',
    ],
    [
      'https://abc.execute-api.ap-east-1.amazonaws.com/prod',
      '/ivr/twilio/voice',
      '',
      'https://abc.execute-api.ap-east-1.amazonaws.com/prod/ivr/twilio/voice',
    ],
  ])('base %s + path %s + query %s', (base, path, query, url) => {
    expect(publicUrl(base, path, query)).toBe(url);
  });

  it('is tried as given, without the port and with the default port', () => {
    expect(candidateUrls('https://d.test/x?y=1')).toEqual([
      'https://d.test/x?y=1',
      'https://d.test:443/x?y=1',
    ]);
    expect(candidateUrls('http://d.test:80/x')).toEqual(['http://d.test:80/x', 'http://d.test/x']);
  });

  it('the fixture body hash is the SHA-256 of its body (the vector is self-consistent)', () => {
    const j = vectors.jsonBodyCase;
    expect(j.url).toContain(createHash('sha256').update(j.body).digest('hex'));
  });
});
