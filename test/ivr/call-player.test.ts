/** `npm run call`: a whole call played against the local desk, each step signed, every TwiML printed. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTwiml, playCall } from '../../infra/local/call-player';
import { PROMPTS } from '../../shared/ivr/call-tree';
import { type IvrTestDesk, startIvrDesk } from './support';

let desk: IvrTestDesk;
beforeAll(async () => {
  desk = await startIvrDesk();
  desk.clock.set(new Date('2026-12-01T10:00:00+08:00'));
});
afterAll(async () => desk?.close());

function options(overrides: Partial<Parameters<typeof playCall>[0]> = {}) {
  const printed: string[] = [];
  return {
    printed,
    options: {
      desk: desk.url,
      publicBaseUrl: desk.ivr.publicBaseUrl,
      token: desk.ivr.twilioAuthToken,
      from: '+8613800000001',
      digits: [],
      speech: [],
      print: (line: string) => printed.push(line),
      ...overrides,
    },
  };
}

describe('the call player', () => {
  it('plays a repair call to the end: menu, description, confirmation with the number, goodbye', async () => {
    const { options: o, printed } = options({ digits: ['1'], speech: ['厨房水管漏水'] });

    const steps = await playCall(o);

    expect(steps.map((s) => s.path.split('?')[0])).toEqual([
      '/ivr/twilio/voice',
      '/ivr/twilio/menu',
      '/ivr/twilio/describe',
      '/ivr/twilio/more',
    ]);
    expect(steps.every((s) => s.status === 200)).toBe(true);
    const text = printed.join('\n');
    expect(text).toContain('<?xml version="1.0" encoding="UTF-8"?><Response>');
    expect(text).toContain('  说: 您好!物业部,您有什么要求');
    expect(text).toMatch(/单号:R 二 零 二 六 幺 二 零 幺,/);
    expect(text).toContain(`  说: ${PROMPTS.goodbye}`);
    expect(text.trimEnd().endsWith('挂机')).toBe(true);
  });

  it('an unknown caller keys in the address; an emergency ends put through to the desk on shift', async () => {
    const unknown = options({
      from: '+8613800009999',
      digits: ['1', '5', '1', '801', ''],
      speech: ['卫生间灯不亮'],
    });
    const emergency = options({ digits: ['3', '1'], speech: ['地下车库冒烟'] });

    await playCall(unknown.options);
    await playCall(emergency.options);

    expect(unknown.printed.join('\n')).toContain('地点:5号楼1单元0801');
    expect(emergency.printed.join('\n')).toContain('  转接: +8613900000001'); // 10:00: the dispatcher
  });

  it('a wrong token is refused with 403 and the player stops', async () => {
    const { options: o } = options({ token: 'not-the-token' });

    const steps = await playCall(o);

    expect(steps).toHaveLength(1);
    expect(steps[0]?.status).toBe(403);
  });

  it('describeTwiml reads what the caller hears and is asked', () => {
    expect(
      describeTwiml(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="https://d/ivr/twilio/unit?kind=repair&amp;n=1" input="dtmf" finishOnKey="#"><Say>请输入楼号&lt;1&gt;</Say></Gather></Response>',
      ),
    ).toEqual({
      lines: ['  等待: 按键 (以#结束)', '  说: 请输入楼号<1>'],
      gather: { action: 'https://d/ivr/twilio/unit?kind=repair&n=1', input: 'dtmf' },
      ended: false,
    });
  });

  it('npm run call: the command line plays the call and prints each step', async () => {
    const { stdout } = await promisify(execFile)(
      'npx',
      [
        'tsx',
        'infra/local/call-player.ts',
        '--desk',
        desk.url,
        '--public',
        desk.ivr.publicBaseUrl,
        '--token',
        desk.ivr.twilioAuthToken,
        '--digits',
        '0',
      ],
      { timeout: 60_000 },
    );

    expect(stdout).toContain('── POST /ivr/twilio/voice');
    expect(stdout).toContain('── POST /ivr/twilio/menu?n=1  Digits="0"  → 200');
    expect(stdout).toContain('  转接: +8613900000001');
  }, 60_000);
});
