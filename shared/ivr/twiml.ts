/**
 * A small TwiML builder. Every text and attribute is XML-escaped here, in one place: a caller's
 * transcript may hold `<`, `&` or quotes, and a ticket number or URL ends up in attributes.
 * Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates) are dropped.
 */

/** Voice settings of `<Say>` and `<Gather>` (configuration; see shared/config.ts IVR defaults). */
export interface IvrVoice {
  /** `<Say language>`: `cmn-CN` (Mandarin). */
  sayLanguage: string;
  /** `<Say voice>`: `Polly.Zhiyu`, or `Google.cmn-CN-Standard-A`..`D`. */
  voice: string;
  /** `<Gather language>` for speech recognition: `zh-CN` (Mandarin, Simplified) or `zh-TW`. */
  speechLanguage: string;
}

/** Tab, LF and CR are allowed; other C0 controls, U+FFFE/U+FFFF and lone surrogates are not. */
export function isXmlChar(codePoint: number): boolean {
  if (codePoint < 0x20) return codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d;
  // `for…of` yields a lone surrogate as itself; a proper pair arrives as one code point above 0xFFFF.
  return !(codePoint >= 0xd800 && codePoint <= 0xdfff) && codePoint !== 0xfffe && codePoint !== 0xffff;
}

export function escapeXml(text: string): string {
  let clean = '';
  for (const ch of text) if (isXmlChar(ch.codePointAt(0) ?? 0)) clean += ch;
  return clean
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** One TwiML verb, already rendered. Build them with the functions below only. */
export type Verb = { readonly xml: string };

function element(
  name: string,
  attributes: Record<string, string | number | boolean | undefined>,
  body?: string,
): Verb {
  const attrs = Object.entries(attributes)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
  return { xml: body === undefined ? `<${name}${attrs}/>` : `<${name}${attrs}>${body}</${name}>` };
}

export function say(text: string, voice: IvrVoice): Verb {
  return element('Say', { voice: voice.voice, language: voice.sayLanguage }, escapeXml(text));
}

export function pause(seconds: number): Verb {
  return element('Pause', { length: seconds });
}

export interface GatherOptions {
  /** Where Twilio posts what was gathered (absolute URL). */
  action: string;
  input: 'dtmf' | 'speech' | 'dtmf speech';
  numDigits?: number;
  finishOnKey?: string;
  timeout?: number;
  /** Words that help recognition (comma-separated in TwiML). */
  hints?: readonly string[];
}

/** `<Gather>` with its prompts inside, so the caller may answer while they play. */
export function gather(options: GatherOptions, voice: IvrVoice, prompts: readonly Verb[]): Verb {
  const speech = options.input.includes('speech');
  return element(
    'Gather',
    {
      action: options.action,
      method: 'POST',
      input: options.input,
      numDigits: options.numDigits,
      finishOnKey: options.finishOnKey,
      timeout: options.timeout ?? 6,
      ...(speech
        ? {
            language: voice.speechLanguage,
            speechTimeout: 'auto',
            hints: options.hints?.join(',') || undefined,
          }
        : {}),
      actionOnEmptyResult: true,
    },
    prompts.map((p) => p.xml).join(''),
  );
}

/**
 * Puts the call through to a phone number. Without `action`, when the person hangs up, so does the
 * call; with one, Twilio posts the outcome (DialCallStatus) there when the dial ends, e.g. to try
 * the next person when nobody answered (EM-2's fallback, issue 11 item 19).
 */
export function dial(phone: string, timeoutSeconds = 30, action?: string): Verb {
  return element(
    'Dial',
    { timeout: timeoutSeconds, ...(action ? { action, method: 'POST' } : {}) },
    element('Number', {}, escapeXml(phone)).xml,
  );
}

export function redirect(url: string): Verb {
  return element('Redirect', { method: 'POST' }, escapeXml(url));
}

export function hangup(): Verb {
  return element('Hangup', {});
}

/** The whole TwiML document. */
export function twiml(verbs: readonly Verb[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${verbs.map((v) => v.xml).join('')}</Response>`;
}

export const TWIML_CONTENT_TYPE = 'text/xml; charset=utf-8';
