/**
 * `npm run call`: plays a whole phone call against the desk's Twilio routes, as Twilio would —
 * each request a signed form post (X-Twilio-Signature with the local token) — and prints the TwiML
 * of every step with what the caller hears, so a person can hear-in-text what a caller would.
 *
 *   npm run call -- --digits 1 --speech "厨房水管漏水"                 (a known resident's repair)
 *   npm run call -- --from +8613800009999 --digits 1,5,1,801 --speech "卫生间灯不亮"
 *   npm run call -- --digits 3,1 --speech "地下车库冒烟"               (an emergency: fire)
 *   npm run call                                                       (interactive: answer each question)
 *
 * Options: --from (E.164, or `none` for a withheld number; default +8613800000001, 王先生 of
 * 3-2-1502), --digits (keypad answers in order, comma-separated), --speech (one spoken answer per
 * flag, in order), --call-sid (replay a call), --desk (where to send; default
 * http://127.0.0.1:$PORT), --public (the URL signatures cover; default PUBLIC_BASE_URL, else --desk),
 * --token (default TWILIO_AUTH_TOKEN, else the local default).
 */
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline/promises';
import { pathToFileURL } from 'node:url';
import { ENV, LOCAL_TWILIO_AUTH_TOKEN } from '../../shared/config';
import { expectedSignature } from '../../shared/ivr/twilio-signature';

export interface CallOptions {
  desk: string;
  publicBaseUrl: string;
  token: string;
  from?: string;
  callSid?: string;
  /** Keypad answers, in the order the questions come. */
  digits: string[];
  /** Spoken answers, in the order the questions come. */
  speech: string[];
  /** Asks the person at the terminal when the answers run out (else: silence, as a caller who says nothing). */
  ask?: (question: string) => Promise<string>;
  print: (line: string) => void;
}

export interface CallStep {
  path: string;
  params: Record<string, string>;
  status: number;
  twiml: string;
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** What a caller would hear and be asked, in order, read off one TwiML answer. */
export function describeTwiml(twiml: string): {
  lines: string[];
  gather?: { action: string; input: string };
  ended: boolean;
} {
  const lines: string[] = [];
  let gather: { action: string; input: string } | undefined;
  let ended = false;
  for (const m of twiml.matchAll(/<(Say|Gather|Dial|Hangup|Redirect)\b([^>]*)>([^<]*)/g)) {
    const [, verb, attrs = '', text = ''] = m;
    const attr = (name: string) => decode(new RegExp(`${name}="([^"]*)"`).exec(attrs)?.[1] ?? '');
    if (verb === 'Say') lines.push(`  说: ${decode(text)}`);
    if (verb === 'Gather') {
      gather = { action: attr('action'), input: attr('input') };
      lines.push(
        `  等待: ${attr('input') === 'speech' ? '说话' : attr('input') === 'dtmf' ? '按键' : '按键或说话'}${attr('finishOnKey') ? ` (以${attr('finishOnKey')}结束)` : ''}`,
      );
    }
    if (verb === 'Dial') {
      const number = /<Number>([^<]+)<\/Number>/.exec(twiml)?.[1] ?? '';
      lines.push(`  转接: ${number}`);
      ended = true;
    }
    if (verb === 'Hangup') {
      lines.push('  挂机');
      ended = true;
    }
  }
  return { lines, ...(gather ? { gather } : {}), ended: ended && !gather };
}

/** Plays the call until it is put through, hung up, or 25 steps have passed. */
export async function playCall(options: CallOptions): Promise<CallStep[]> {
  const callSid = options.callSid ?? `CA${randomBytes(16).toString('hex')}`;
  const base: Record<string, string> = {
    CallSid: callSid,
    AccountSid: `AC${'0'.repeat(32)}`,
    To: '+862100000000',
    CallStatus: 'in-progress',
    Direction: 'inbound',
    ...(options.from ? { From: options.from } : {}),
  };
  const digits = [...options.digits];
  const speech = [...options.speech];
  const steps: CallStep[] = [];
  let path = '/ivr/twilio/voice';
  let extra: Record<string, string> = { CallStatus: 'ringing' };
  options.print(`来电 ${options.from ?? '(号码未显示)'} · CallSid ${callSid}`);
  for (let i = 0; i < 25; i++) {
    const params = { ...base, ...extra };
    const signature = expectedSignature(
      options.token,
      `${options.publicBaseUrl.replace(/\/+$/, '')}${path}`,
      params,
    );
    const res = await fetch(`${options.desk.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': signature },
      body: new URLSearchParams(params).toString(),
    });
    const twiml = await res.text();
    steps.push({ path, params, status: res.status, twiml });
    const sent = Object.entries(extra)
      .filter(([k]) => k !== 'CallStatus')
      .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
      .join(' ');
    options.print(`\n── POST ${path}${sent ? `  ${sent}` : ''}  → ${res.status}`);
    options.print(twiml);
    if (res.status !== 200) break;
    const heard = describeTwiml(twiml);
    for (const line of heard.lines) options.print(line);
    if (!heard.gather) break;
    const url = new URL(heard.gather.action);
    path = `${url.pathname}${url.search}`;
    const wantsDigits = heard.gather.input.includes('dtmf');
    const wantsSpeech = heard.gather.input.includes('speech');
    if (wantsDigits && digits.length) {
      extra = { Digits: digits.shift() ?? '' };
    } else if (wantsSpeech && speech.length) {
      extra = { SpeechResult: speech.shift() ?? '', Confidence: '0.93' };
    } else if (options.ask) {
      const answer = (
        await options.ask(
          wantsSpeech && !wantsDigits
            ? '说 (回车=不说话): '
            : wantsSpeech
              ? '按键或说话 (回车=无): '
              : '按键 (回车=无): ',
        )
      ).trim();
      extra =
        /^[\d*#]*$/.test(answer) && wantsDigits
          ? { Digits: answer }
          : { SpeechResult: answer, Confidence: '0.93' };
    } else {
      extra = wantsDigits ? { Digits: '' } : { SpeechResult: '' };
    }
  }
  return steps;
}

function flag(args: string[], name: string): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === `--${name}` && args[i + 1] !== undefined) out.push(args[i + 1] as string);
    else if (a.startsWith(`--${name}=`)) out.push(a.slice(name.length + 3));
  });
  return out;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const desk = flag(args, 'desk')[0] ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const digits = flag(args, 'digits').flatMap((d) => d.split(','));
  const speech = flag(args, 'speech');
  const interactive = digits.length === 0 && speech.length === 0 && process.stdin.isTTY;
  const rl = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
  const from = flag(args, 'from')[0] ?? '+8613800000001';
  const callSid = flag(args, 'call-sid')[0];
  try {
    const steps = await playCall({
      desk,
      publicBaseUrl: flag(args, 'public')[0] ?? (process.env[ENV.publicBaseUrl] || desk),
      token: flag(args, 'token')[0] ?? (process.env[ENV.twilioAuthToken] || LOCAL_TWILIO_AUTH_TOKEN),
      ...(from === 'none' ? {} : { from }),
      ...(callSid ? { callSid } : {}),
      digits,
      speech,
      ...(rl ? { ask: (q: string) => rl.question(q) } : {}),
      print: (line) => console.log(line),
    });
    if (steps.at(-1)?.status === 403)
      console.error(
        '\n403: the signature was refused — is TWILIO_AUTH_TOKEN / PUBLIC_BASE_URL the same as the desk’s?',
      );
  } catch (error) {
    console.error(`call: ${(error as Error).message} (is the desk running? npm start)`);
    process.exitCode = 1;
  } finally {
    rl?.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
