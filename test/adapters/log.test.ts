import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signToken } from '../../infra/local/jwt';
import { signAckLink } from '../../shared/domain/ack-link';
import { createLogger, type LogLevel, log, maskPersonalData } from '../../shared/log';

describe('maskPersonalData', () => {
  it('keeps the country code, first 3 and last 4 digits of a +86 mobile', () => {
    expect(maskPersonalData('+8613800000001')).toBe('+86138****0001');
  });

  it('keeps the first 3 and last 4 digits of a bare Chinese mobile', () => {
    expect(maskPersonalData('13800000001')).toBe('138****0001');
  });

  it('masks mobiles written with spaces or dashes', () => {
    expect(maskPersonalData('+86 138 0000 0001')).toBe('+86138****0001');
    expect(maskPersonalData('138-0000-0001')).toBe('138****0001');
  });

  it('masks other E.164 numbers keeping 3 leading and 4 trailing digits', () => {
    expect(maskPersonalData('+12125550123')).toBe('+121****0123');
  });

  it('masks phone numbers inside longer text', () => {
    expect(maskPersonalData('业主13800000001来电，回拨+8613900000002')).toBe(
      '业主138****0001来电，回拨+86139****0002',
    );
  });

  it('masks a mobile number held as a number', () => {
    expect(maskPersonalData({ phone: 13800000001 })).toEqual({ phone: '138****0001' });
  });

  it('keeps the first 3 and last 4 characters of a resident ID number, X included', () => {
    expect(maskPersonalData('110105194912310021')).toBe('110****0021');
    expect(maskPersonalData('身份证 11010519491231002X 已核验')).toBe('身份证 110****002X 已核验');
    expect(maskPersonalData('11010519491231002x')).toBe('110****002x');
  });

  it('leaves ids, timestamps, register numbers and ordinary numbers alone', () => {
    const fields = {
      ticketId: '01JDQ3V5W6X7Y8Z9A0B1C2D3E4',
      ulidWithDigits: '01J13800000001ABCDEFGHJKMN',
      register: 'R20261127-003',
      at: '2026-11-27T07:30:00.000Z',
      epochMs: 1764228600000,
      epochMsText: '1764228600000',
      count: 42,
    };

    expect(maskPersonalData(fields)).toEqual(fields);
  });

  it('redacts values of keys named like credentials, whatever their case', () => {
    const masked = maskPersonalData({
      token: 'abc',
      accessToken: 'def',
      Authorization: 'Bearer xyz',
      clientSecret: 's3cr3t',
      password: 'hunter2',
      smsSignature: '【翠湖物业】',
      user: 'wang',
    });

    expect(masked).toEqual({
      token: '[redacted]',
      accessToken: '[redacted]',
      Authorization: '[redacted]',
      clientSecret: '[redacted]',
      password: '[redacted]',
      smsSignature: '[redacted]',
      user: 'wang',
    });
  });

  it('redacts a credential key holding an object rather than masking inside it', () => {
    expect(maskPersonalData({ headers: { authorization: { scheme: 'Bearer', value: 'xyz' } } })).toEqual({
      headers: { authorization: '[redacted]' },
    });
  });

  it('masks recursively through nested objects, arrays, maps and sets', () => {
    // Prepare
    const value = {
      ticket: {
        resident: { name: '王', phones: ['13800000001', { mobile: '+8613900000002' }] },
        idCard: '110105194912310021',
      },
      byPhone: new Map([['13700000003', { password: 'x' }]]),
      seen: new Set(['13600000004']),
    };

    // Act
    const masked = maskPersonalData(value);

    // Assess
    expect(masked).toEqual({
      ticket: {
        resident: { name: '王', phones: ['138****0001', { mobile: '+86139****0002' }] },
        idCard: '110****0021',
      },
      byPhone: { '137****0003': { password: '[redacted]' } },
      seen: ['136****0004'],
    });
  });

  it('does not change the value it was given', () => {
    const value = { phone: '13800000001' };

    maskPersonalData(value);

    expect(value).toEqual({ phone: '13800000001' });
  });

  it('turns errors into name, message, code and cause, masking the message', () => {
    const cause = Object.assign(new Error('SNS refused +8613800000001'), { name: 'OptedOutException' });
    const error = Object.assign(new Error('sending to 13800000001 failed', { cause }), {
      name: 'SmsUndeliverable',
      code: 'SMS.UNDELIVERABLE',
    });

    expect(maskPersonalData(error)).toEqual({
      name: 'SmsUndeliverable',
      message: 'sending to 138****0001 failed',
      code: 'SMS.UNDELIVERABLE',
      cause: { name: 'OptedOutException', message: 'SNS refused +86138****0001' },
    });
  });

  it('includes the stack only when asked', () => {
    const error = new Error('boom');

    expect(maskPersonalData(error)).not.toHaveProperty('stack');
    expect(maskPersonalData(error, { stacks: true })).toHaveProperty(
      'stack',
      expect.stringContaining('boom'),
    );
  });

  it('survives circular references and renders dates as ISO strings', () => {
    const value: Record<string, unknown> = { at: new Date('2026-11-27T07:30:00Z') };
    value.self = value;

    expect(maskPersonalData(value)).toEqual({ at: '2026-11-27T07:30:00.000Z', self: '[circular]' });
  });
});

describe('maskPersonalData: credentials and numbers inside text', () => {
  const JWT_TOKEN = signToken(
    {
      sub: 'dispatcher-1',
      'custom:staffId': 'dispatcher-1',
      'cognito:groups': ['dispatcher'],
      'custom:parks': 'park-1',
    },
    'k'.repeat(32),
  );
  const ACK_TOKEN = signAckLink(
    {
      ticketId: '01JDQ3V5W6X7Y8Z9A0B1C2D3E4',
      staffId: 'office-manager-1',
      purpose: 'acknowledge',
      expiresAt: new Date('2026-11-28T02:00:00Z'),
    },
    'k'.repeat(32),
  );

  it('a JWT anywhere in a text is redacted whole', () => {
    const masked = maskPersonalData(`verify failed for ${JWT_TOKEN} (expired)`);

    expect(masked).toBe('verify failed for [redacted] (expired)');
  });

  it('a bearer token written out is redacted, prose about bearer tokens is not', () => {
    expect(maskPersonalData('header was Bearer abc123def456ghi')).toBe('header was Bearer [redacted]');
    expect(maskPersonalData('a bearer token is required')).toBe('a bearer token is required');
  });

  it('an acknowledgement link in an SMS text keeps its address but not its token', () => {
    const text = `【翠湖物业】紧急E20261128-001火警:3号楼地下车库。请速处理,点链接确认:https://desk.example.com/ack/${ACK_TOKEN}`;

    const masked = maskPersonalData(text) as string;

    expect(masked).toBe(
      '【翠湖物业】紧急E20261128-001火警:3号楼地下车库。请速处理,点链接确认:https://desk.example.com/ack/[redacted]',
    );
  });

  it('an acknowledgement token without its path is redacted; a route key is left alone', () => {
    expect(maskPersonalData(`link ${ACK_TOKEN} refused: expired`)).toBe('link [redacted] refused: expired');
    expect(maskPersonalData('POST /ack/{token}')).toBe('POST /ack/{token}');
    expect(maskPersonalData('lookup failed for /ack/[token]')).toBe('lookup failed for /ack/[token]');
  });

  it.each([
    ['13800000001', '138****0001'],
    ['8613800000001', '86138****0001'],
    ['008613800000001', '0086138****0001'],
    ['86 138 0000 0001', '86 138****0001'],
    ['sms to 8613800000001 failed', 'sms to 86138****0001 failed'],
    ['From=%2B8613800000001&To=%2B12125550123', 'From=%2B86138****0001&To=%2B121****0123'],
  ])('a mainland number without a plus, or with it URL-encoded: %s → %s', (text, masked) => {
    expect(maskPersonalData(text)).toBe(masked);
  });

  it('a mainland number with its country code held as a number', () => {
    expect(maskPersonalData({ phone: 8613800000001 })).toEqual({ phone: '86138****0001' });
  });

  it('in nested fields, error messages and stacks alike', () => {
    const error = new Error(`SNS refused 8613800000001 for ${JWT_TOKEN} via /ack/${ACK_TOKEN}`);

    const masked = JSON.stringify(
      maskPersonalData(
        {
          request: {
            headers: { 'x-forwarded-for': '1.2.3.4' },
            body: `caller=8613800000001&link=/ack/${ACK_TOKEN}`,
          },
          error,
        },
        { stacks: true },
      ),
    );

    expect(masked).not.toContain('8613800000001');
    expect(masked).not.toContain(JWT_TOKEN.split('.')[1]);
    expect(masked).not.toContain(ACK_TOKEN.split('.').pop());
    expect(masked).toContain('86138****0001');
  });

  it('the logger masks its message too', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', write: (_level, line) => lines.push(line) });

    logger.warn(`token ${JWT_TOKEN} from 8613800000001 opened /ack/${ACK_TOKEN}`);

    expect(JSON.parse(lines[0] ?? '{}').message).toBe(
      'token [redacted] from 86138****0001 opened /ack/[redacted]',
    );
  });
});

describe('createLogger', () => {
  const saved = { level: process.env.LOG_LEVEL, stacks: process.env.LOG_STACKS };
  let lines: Array<{ level: LogLevel; line: string }>;
  const write = (level: LogLevel, line: string) => {
    lines.push({ level, line });
  };
  const now = () => new Date('2026-11-27T07:30:00Z');

  beforeEach(() => {
    lines = [];
  });

  afterEach(() => {
    for (const [name, value] of [
      ['LOG_LEVEL', saved.level],
      ['LOG_STACKS', saved.stacks],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('writes one JSON line with level, time, message and the masked fields', () => {
    // Prepare
    const logger = createLogger({ level: 'info', write, now });

    // Act
    logger.info('sms sent to 13800000001', { ticketId: 'T1', to: '+8613800000001', token: 'abc' });

    // Assess
    expect(lines).toHaveLength(1);
    expect(lines[0]?.line).not.toContain('\n');
    expect(JSON.parse(lines[0]!.line)).toEqual({
      level: 'info',
      time: '2026-11-27T07:30:00.000Z',
      message: 'sms sent to 138****0001',
      ticketId: 'T1',
      to: '+86138****0001',
      token: '[redacted]',
    });
  });

  it('logs an error passed as the fields under "error", without a stack by default', () => {
    const logger = createLogger({ level: 'info', write, now, stacks: false });

    logger.error('publish failed', new TypeError('bad input'));

    expect(lines[0]?.level).toBe('error');
    expect(JSON.parse(lines[0]!.line).error).toEqual({ name: 'TypeError', message: 'bad input' });
  });

  it('adds stacks when LOG_STACKS=1', () => {
    process.env.LOG_STACKS = '1';
    const logger = createLogger({ level: 'info', write, now });

    logger.warn('retrying', { error: new Error('boom') });

    expect(JSON.parse(lines[0]!.line).error.stack).toContain('boom');
  });

  it('does not let fields overwrite level, time or message', () => {
    const logger = createLogger({ level: 'info', write, now });

    logger.info('real', { level: 'fake', message: 'fake' });

    expect(JSON.parse(lines[0]!.line)).toMatchObject({
      level: 'info',
      message: 'real',
      'field.level': 'fake',
      'field.message': 'fake',
    });
  });

  it('drops entries below LOG_LEVEL and writes nothing when it is silent', () => {
    // Prepare
    const logger = createLogger({ write, now });

    // Act
    process.env.LOG_LEVEL = 'warn';
    logger.info('hidden');
    logger.warn('shown');
    process.env.LOG_LEVEL = 'silent';
    logger.error('hidden too');

    // Assess
    expect(lines.map((entry) => JSON.parse(entry.line).message)).toEqual(['shown']);
  });

  it('the shared log is silent under LOG_LEVEL=silent', () => {
    process.env.LOG_LEVEL = 'silent';

    expect(() => log.error('nothing to see', { phone: '13800000001' })).not.toThrow();
  });
});
