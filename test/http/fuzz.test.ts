/**
 * A fuzzer over every route of infra/routes.ts (the API, the acknowledgement link pages, the Twilio
 * webhooks — validly signed over junk), and the local routes, against the local desk on DynamoDB
 * Local: valid bodies and queries mutated (wrong types, huge, tiny and negative numbers, empty and
 * very long strings, broken Unicode, nested junk, missing and extra fields, bad cursors, ids and
 * tokens, bad JSON, wrong content types and methods). No answer may be a 5xx, every JSON error has
 * the `{ error: { code, message, field? } }` shape, and nothing may fail behind a 200 (the Twilio
 * webhook answers TwiML whatever happens, so the error log is watched too). Then the stream and
 * the timers run over everything the fuzz stored.
 *
 * Reproducible: a seeded PRNG (FUZZ_SEED, FUZZ_REQUESTS to change); the failing request is printed.
 */
import { getExpectedTwilioSignature } from 'twilio/lib/webhooks/webhooks.js';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HTTP_ROUTES, IVR_ROUTES } from '../../infra/routes';
import { log } from '../../shared/log';
import { PRINT_FORMS } from '../../shared/app/print/form-names';
import { repairBody, startTestDesk, type TestDesk } from '../support/desk';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 1500);
/** Requests in flight at once: enough to finish in well under a minute, few enough for two cores. */
const IN_FLIGHT = 8;

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------- junk

/** encodeURIComponent, with a lone surrogate sent as the bytes it would be (not UTF-8: a fine thing to send). */
function enc(text: string): string {
  return [...text]
    .map((ch) => {
      try {
        return encodeURIComponent(ch);
      } catch {
        return '%ED%A0%80';
      }
    })
    .join('');
}

const ULID_CHARS = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const ulid = (rng: Rng) => Array.from({ length: 26 }, () => rng.pick([...ULID_CHARS])).join('');

function deep(levels: number, leaf: unknown, array: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = array ? [value] : { a: value };
  return value;
}

const JUNK_STRINGS: readonly string[] = [
  '',
  ' ',
  '\t\n',
  'a',
  'x'.repeat(501),
  'x'.repeat(5000),
  '漏'.repeat(2000),
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '😀',
  '👨‍👩‍👧‍👦'.repeat(40),
  '\u202Eevil\u202C',
  '\u200B',
  'e\u0301',
  '𠮷野家',
  '\uFEFF',
  '<script>alert(1)</script>',
  "'; DROP TABLE tickets; --",
  ['$', '{jndi:ldap://x/a}'].join(''),
  '../../etc/passwd',
  '%00',
  'NaN',
  'Infinity',
  '-1',
  '1e999',
  'true',
  'null',
  '__proto__',
  'constructor',
  'toString',
  '2026-02-30T10:00:00+08:00',
  '2026-11-27T15:00:00',
  '2026-11-27T15:00:00+08:00',
  '2026-11-29T10:00:00+08:00',
  '2099-12-31T23:59:59+08:00',
  '9999-12-31T23:59:59+08:00',
  '0000-01-01T00:00:00Z',
  '2026-11-27T15:00:00+14:00',
  '2026-11-27T15:00:00.123456789Z',
  '+275760-09-13T00:00:00Z',
  'P1Y',
  'PT-1H',
  '+8613800000001',
  '+8613800009999',
  '+12125550123',
  '+86138000000011234567',
  '13800000001',
  'technician-1',
  'dispatcher-1',
  'office-manager-1',
  'security-captain-1',
  'gm-1',
  'park-1',
  'park-2',
  '*',
  'repair',
  'complaint',
  'emergency',
  'dispatch',
  'appointment',
  'decline',
  'engineering',
  'report-sheet',
  'satisfied',
  'phone',
  'fire',
  '3-2-1502',
];

const JUNK_NUMBERS: readonly number[] = [
  0,
  -0,
  1,
  -1,
  0.5,
  0.01,
  80.555,
  1e-7,
  1e-320,
  5e-324,
  1e21,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 53 + 2,
  100_000,
  100_000.01,
  123456789.12345679,
];

function junk(rng: Rng, depth = 0): unknown {
  const roll = rng.int(10);
  if (roll < 5) return rng.pick(JUNK_STRINGS);
  if (roll < 7) return rng.pick(JUNK_NUMBERS);
  if (roll === 7) return rng.pick([null, true, false]);
  if (roll === 8 || depth > 2) {
    return rng.pick<unknown>([
      [],
      {},
      [null],
      [1, 2],
      { a: 1 },
      deep(60, 'x', false),
      deep(60, 1, true),
      ulid(rng),
    ]);
  }
  return rng.chance(0.5)
    ? [junk(rng, depth + 1), junk(rng, depth + 1)]
    : { [rng.pick(['a', '__proto__', 'constructor', 'kind', 'x'.repeat(300)])]: junk(rng, depth + 1) };
}

/** Every path to a value inside `value` (the root included). */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(at);
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) paths(item, [...at, i], out);
  } else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) paths(item, [...at, key], out);
  return out;
}

function setAt(root: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let here = copy;
  for (const key of path.slice(0, -1)) here = here[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove && !Array.isArray(here)) delete here[last];
  else if (remove) (here as unknown as unknown[]).splice(Number(last), 1);
  else Object.defineProperty(here, last, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

/** One to three mutations of a valid value: a value replaced, a field dropped, a field added. */
function mutate(rng: Rng, valid: unknown): unknown {
  let value = structuredClone(valid);
  const times = 1 + rng.int(3);
  for (let i = 0; i < times; i++) {
    const all = paths(value);
    const path = rng.pick(all);
    const op = rng.int(10);
    if (op < 6) value = setAt(value, path, junk(rng));
    else if (op < 8 && path.length > 0) value = setAt(value, path, undefined, true);
    else {
      const objects = all.filter((p) => {
        let here: unknown = value;
        for (const key of p) here = (here as Record<string | number, unknown>)[key];
        return here !== null && typeof here === 'object' && !Array.isArray(here);
      });
      if (objects.length) {
        const key = rng.pick(['extra', '__proto__', 'constructor', 'prototype', 'kind', 'parkId', '', '😀']);
        value = setAt(value, [...rng.pick(objects), key], junk(rng));
      }
    }
  }
  return value;
}

// ---------------------------------------------------------------- requests

type RouteKind = 'api' | 'local' | 'ack' | 'twilio';

interface FuzzRequest {
  kind: RouteKind;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A body for an API route: usually the mutated value as JSON, sometimes raw junk or the wrong type. */
function jsonRequestBody(rng: Rng, valid: unknown): { body?: string | Uint8Array; contentType?: string } {
  const roll = rng.int(100);
  if (roll < 55) return { body: JSON.stringify(mutate(rng, valid)), contentType: 'application/json' };
  if (roll < 65) return { body: JSON.stringify(valid), contentType: 'application/json' };
  if (roll < 72) {
    return {
      body: JSON.stringify(mutate(rng, valid)),
      contentType: rng.pick([
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=latin1',
        '',
      ]),
    };
  }
  const text = JSON.stringify(valid);
  const raw = rng.pick<() => string | Uint8Array>([
    () => text.slice(0, rng.int(text.length)),
    () => '{',
    () => '{"kind":',
    () => 'null',
    () => '[]',
    () => '"repair"',
    () => '42',
    () => '',
    () => '   ',
    () => `\uFEFF${text}`,
    () => text.replace(/^\{/, '{"kind":"repair","kind":"complaint",'),
    () => `${'['.repeat(30_000)}${']'.repeat(30_000)}`,
    () => `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5001)}`,
    () => 'kind=repair&description=leak',
    () => text + ' '.repeat(64 * 1024),
    () => new Uint8Array([0x7b, 0x22, 0x6b, 0xff, 0xfe, 0x22, 0x3a, 0xc3, 0x28, 0x7d]),
    () => text.replace(/"/g, "'"),
    () => text.replace(/:/, ':-'),
  ])();
  return { body: raw, contentType: rng.pick(['application/json', 'text/plain']) };
}

function authHeader(rng: Rng, tokens: Tokens): Record<string, string> {
  const roll = rng.int(100);
  if (roll < 60) return { authorization: `Bearer ${tokens.dispatcher}` };
  if (roll < 85) return { authorization: `Bearer ${rng.pick(tokens.others)}` };
  if (roll < 90) return {};
  return {
    authorization: rng.pick([
      'Bearer',
      'Bearer ',
      'Basic YTpi',
      `Bearer ${tokens.dispatcher}x`,
      `Bearer ${tokens.dispatcher.split('.').slice(0, 2).join('.')}.`,
      `bearer ${tokens.otherPark}`,
      `Bearer ${'a'.repeat(5000)}`,
      'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
    ]),
  };
}

interface Tokens {
  dispatcher: string;
  others: string[];
  /** Signed, for a park the desk does not have. */
  otherPark: string;
}

interface World {
  tokens: Tokens;
  ticketIds: string[];
  byKind: { repair: string[]; received: string[]; complaint: string[]; emergency: string[]; key: string[] };
  /** Key sets of the register (KY-1). */
  keySetIds: string[];
  ackTokens: string[];
  cursor: string;
  twilioToken: string;
  publicBaseUrl: string;
}

const COMMAND_BODIES: Record<string, unknown[]> = {
  decide: [
    { decision: 'dispatch' },
    { decision: 'appointment', appointmentAt: '2026-11-29T10:00:00+08:00' },
    { decision: 'decline', declineReason: '不在物业维修范围内' },
    { decision: 'dispatch', paidService: { fee: 80, consent: true } },
  ],
  assign: [{ staffId: 'technician-1' }, { staffId: 'technician-2' }, { staffId: 'nobody' }],
  acknowledge: [
    {},
    { step: 'report-sheet', note: '已安排' },
    { staffId: 'office-manager-1' },
    { step: 'supervisor' },
  ],
  complete: [{ serviceSlip: { number: 'FW-0001', signedBy: '王先生' } }],
  close: [{}],
  grade: [
    { valid: true, severity: 'minor', about: { department: 'engineering' } },
    { valid: false },
    {
      valid: true,
      severity: 'important',
      about: { staffId: 'technician-1' },
      demand: '今天修好',
      residentDeadline: '2026-11-30T10:00:00+08:00',
      ongoingHarm: true,
    },
  ],
  'follow-ups': [{ note: '工程部已派人' }],
  reply: [{ note: '已答复' }],
  resolve: [{ confirmedBy: '张伟', via: 'phone', note: '已修好' }],
  callback: [
    { outcome: 'satisfied' },
    { outcome: 'dissatisfied', note: '不满意' },
    { outcome: 'unreachable' },
  ],
  'service-slip': [{ number: 'FW-0101', signedBy: '陈静' }],
  'on-scene': [{}, { staffId: 'security-captain-1' }],
  report: [{ text: '已控制', staffId: 'security-manager-1' }],
  'hand-over': [{ staffId: 'dispatcher-1' }],
  'accept-handover': [{}],
  instructions: [
    {
      from: '郑华(主管副总)',
      to: 'security-captain-1',
      text: '疏散B区住户',
      dueAt: '2026-11-27T12:00:00+08:00',
    },
  ],
  'instruction-done': [{ number: 1, result: '已疏散' }],
  'sign-off': [{ comment: '火情已排除,同意销项。' }],
  verify: [
    { ownerCall: { outcome: 'confirmed', note: '业主同意' } },
    { idChecked: true, idType: 'resident-id', idLast4: '123X' },
    { departmentHead: { staffId: 'engineering-manager-1', outcome: 'confirmed' } },
  ],
  'issue-slip': [{}, { dueAt: '2026-11-27T16:00:00+08:00' }],
  'hand-out': [{ guardId: 'security-guard-1', idChecked: true, escortId: 'security-guard-2' }],
  return: [{ receivedBy: 'security-guard-2' }],
  cancel: [{ reason: '改期' }],
};

/** KY-1, MI-7: what the key register takes. */
const REGISTER_BODIES: unknown[] = [
  { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'K-F001' },
  { area: '水泵房', label: '门钥匙', count: 1, tag: 'K-F002' },
  {
    unit: '8-3-2201',
    label: '入户门钥匙',
    count: 1,
    tag: 'K-F003',
    retention: { agreementNo: 'LC-2026-001', ownerName: '孙女士', signedAt: '2026-11-27T09:00:00+08:00' },
  },
];
const LOST_BODIES: unknown[] = [{}, { note: '钥匙环断裂' }];

const MONTHLY_ENTRY_BODIES: { entry: string; body: Record<string, unknown> }[] = [
  { entry: 'report', body: { text: '本月投诉12件，均已销项。' } },
  { entry: 'sign', body: { comment: '同意。' } },
  { entry: 'corrective', body: { ticketId: '', text: '服务质量问题，需培训。' } },
];

const OPEN_BODIES: unknown[] = [
  repairBody(),
  repairBody({ decision: 'appointment', appointmentAt: '2026-11-29T10:00:00+08:00' }),
  repairBody({ decision: 'decline', declineReason: '不在范围' }),
  repairBody({ paidService: { fee: 80.5, consent: true } }),
  (() => {
    const { decision: _none, ...received } = repairBody();
    return received;
  })(),
  {
    kind: 'complaint',
    caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
    occurredAt: '2026-11-27T09:40:00+08:00',
    place: '5号楼电梯',
    about: { department: 'engineering' },
    description: '电梯停运两天无人处理',
    demand: '今天修好',
    valid: true,
    severity: 'important',
  },
  {
    kind: 'complaint',
    caller: { name: '李女士', phone: '+8613800000002' },
    occurredAt: '2026-11-27T09:40:00+08:00',
    place: '大门',
    description: '保安态度差',
  },
  {
    kind: 'emergency',
    category: 'fire',
    location: '3号楼地下车库',
    description: '车库B区冒烟',
    caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
  },
];

const COMMAND_NAMES = [
  ...Object.keys(COMMAND_BODIES),
  'unknown',
  'ASSIGN',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
];

function badId(rng: Rng): string {
  return rng.pick([
    ulid(rng),
    'x',
    '0'.repeat(26),
    'A'.repeat(2000),
    '%00',
    '..',
    '..%2F..%2Fetc',
    '%F0%9F%98%80',
    '%E0%A4%A',
    '__proto__',
    'constructor',
    '%20',
    'null',
  ]);
}

function ticketPath(rng: Rng, world: World): string {
  return rng.chance(0.75) ? rng.pick(world.ticketIds) : badId(rng);
}

function listQuery(rng: Rng, world: World): string {
  const fields: [string, string][] = [];
  const base: Record<string, string> = {
    kind: rng.pick(['repair', 'complaint', 'emergency']),
    status: rng.pick(['dispatched', 'received', 'handed-off', 'escalating', 'closed']),
    limit: rng.pick(['1', '20', '100']),
    cursor: world.cursor,
    parkId: 'park-1',
    overdue: 'true',
  };
  for (const [key, value] of Object.entries(base)) if (rng.chance(0.4)) fields.push([key, value]);
  const times = rng.int(3);
  for (let i = 0; i < times; i++) {
    const op = rng.int(4);
    if (op === 0 && fields.length) {
      const at = rng.int(fields.length);
      fields[at] = [fields[at]?.[0] ?? 'kind', String(junk(rng))];
    } else if (op === 1) {
      fields.push([
        rng.pick(['kind', 'limit', 'cursor', 'foo', '__proto__', 'constructor']),
        String(junk(rng)),
      ]);
    } else {
      const cursor = rng.pick<() => string>([
        () => world.cursor.slice(0, rng.int(world.cursor.length)),
        () => `${world.cursor}A`,
        () => Buffer.from(JSON.stringify(junk(rng))).toString('base64url'),
        () =>
          Buffer.from(
            JSON.stringify({
              pk: rng.pick(['', `TICKET#${ulid(rng)}`, `TICKET#${'x'.repeat(3000)}`, 1, null]),
              sk: rng.pick(['', 'TICKET', 'EVENT#000001']),
              createdKey: rng.pick(['', `2026-11-27T01:00:00.000Z#${ulid(rng)}`, 'x#y']),
              parkKindKey: rng.pick(['PARK#park-1#repair', 'PARK#park-2#repair', '']),
              parkKey: 'PARK#park-1',
            }),
          ).toString('base64url'),
        () => '%%%',
        () => 'null',
      ])();
      fields.push(['cursor', cursor]);
    }
  }
  return fields.length ? `?${new URLSearchParams(fields).toString()}` : '';
}

function keysQuery(rng: Rng): string {
  const fields: [string, string][] = [];
  const base: Record<string, string> = {
    unit: '3-2-1502',
    area: '水泵房',
    state: 'out',
    limit: '5',
    parkId: 'park-1',
  };
  for (const [key, value] of Object.entries(base)) if (rng.chance(0.3)) fields.push([key, value]);
  if (rng.chance(0.5))
    fields.push([rng.pick(['state', 'limit', 'cursor', 'unit', 'foo']), String(junk(rng))]);
  return fields.length ? `?${new URLSearchParams(fields).toString()}` : '';
}

function printQuery(rng: Rng): string {
  if (rng.chance(0.4)) return '';
  const key = rng.pick(['form', 'form', 'foo']);
  const value = rng.chance(0.5) ? rng.pick(PRINT_FORMS) : String(junk(rng));
  return `?${new URLSearchParams([[key, value]]).toString()}`;
}

function keySetPath(rng: Rng, world: World): string {
  return rng.chance(0.75) ? rng.pick(world.keySetIds) : badId(rng);
}

function apiRequest(rng: Rng, world: World): FuzzRequest {
  const headers = authHeader(rng, world.tokens);
  const route = rng.int(110);
  let method = 'GET';
  let path: string;
  let valid: unknown;
  if (route < 30) {
    method = 'POST';
    path = '/tickets';
    valid = rng.pick(OPEN_BODIES);
  } else if (route < 62) {
    method = 'POST';
    const command = rng.pick(COMMAND_NAMES);
    path = `/tickets/${ticketPath(rng, world)}/${command}`;
    valid = rng.pick(COMMAND_BODIES[command] ?? [{}]);
  } else if (route < 78) {
    path = `/tickets${listQuery(rng, world)}`;
  } else if (route < 86) {
    path = `/tickets/${ticketPath(rng, world)}`;
    // Issue 13 item 6: the ticket's printable form, with a form named (one that fits or not) or garbage.
    if (rng.chance(0.3)) path += `/print${printQuery(rng)}`;
  } else if (route < 90) {
    path = `/staff${rng.chance(0.5) ? `?parkId=${enc(String(junk(rng)))}` : ''}`;
  } else if (route < 94) {
    path = `/parks/${rng.chance(0.5) ? 'park-1' : badId(rng)}`;
  } else if (route < 96) {
    path = rng.pick(['/health', '/health?x=1', '/openapi.json']);
  } else if (route < 100) {
    method = rng.pick(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'POST', 'GET']);
    path = rng.pick([
      '/tickets',
      '/tickets/x',
      '/health',
      '/nothing',
      '/tickets/x/assign/more',
      '//tickets',
      '/tickets/',
      '/keys/x/report-lost/more',
    ]);
  } else if (route < 103) {
    method = 'POST';
    path = '/keys';
    valid = rng.pick(REGISTER_BODIES);
  } else if (route < 106) {
    path = `/keys${keysQuery(rng)}`;
  } else if (route < 108) {
    path = `/keys/${keySetPath(rng, world)}`;
  } else {
    method = 'POST';
    path = `/keys/${keySetPath(rng, world)}/report-lost`;
    valid = rng.pick(LOST_BODIES);
  }
  if (method === 'POST' && valid !== undefined) {
    const { body, contentType } = jsonRequestBody(rng, valid);
    if (contentType) headers['content-type'] = contentType;
    return { kind: 'api', method, path, headers, ...(body !== undefined ? { body } : {}) };
  }
  return { kind: 'api', method, path, headers };
}

function ackRequest(rng: Rng, world: World): FuzzRequest {
  const genuine = rng.pick(world.ackTokens);
  const token = rng.pick<() => string>([
    () => genuine,
    () => genuine,
    () => genuine.slice(0, rng.int(genuine.length)),
    () => `${genuine}x`,
    () => genuine.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')),
    () => genuine.split('.').reverse().join('.'),
    () => enc(String(junk(rng))) || 'x',
    () => '...',
    () => 'x'.repeat(3000),
    () => '%E0%A4%A',
  ])();
  const path = `/ack/${token}`;
  if (rng.chance(0.4)) return { kind: 'ack', method: 'GET', path, headers: {} };
  const fields: [string, string][] = [];
  if (rng.chance(0.8))
    fields.push(['action', rng.pick(['acknowledge', 'scene', 'report', 'too-large', String(junk(rng))])]);
  if (rng.chance(0.5)) fields.push(['text', String(junk(rng))]);
  if (rng.chance(0.1)) fields.push(['action', 'acknowledge']);
  const roll = rng.int(10);
  const body =
    roll < 7
      ? new URLSearchParams(fields).toString()
      : rng.pick([
          JSON.stringify(Object.fromEntries(fields)),
          '%%%',
          'a=%E0%A4%A',
          `text=${'x'.repeat(70_000)}`,
        ]);
  return {
    kind: 'ack',
    method: 'POST',
    path,
    headers: {
      'content-type': rng.pick(['application/x-www-form-urlencoded', 'application/json', 'text/plain']),
    },
    body,
  };
}

const TWILIO_QUERY_KEYS = ['n', 'kind', 'cat', 'unit', 'part', 'b', 'e', 'x'];

function twilioRequest(rng: Rng, world: World): FuzzRequest {
  const step = rng.chance(0.95) ? rng.pick(IVR_ROUTES).path : '/ivr/twilio/elsewhere';
  const query: [string, string][] = [];
  const queries = rng.int(4);
  for (let i = 0; i < queries; i++) {
    query.push([
      rng.pick(TWILIO_QUERY_KEYS),
      String(
        rng.pick<unknown>([
          '1',
          '2',
          'repair',
          'complaint',
          'emergency',
          'fire',
          'b',
          'e',
          'r',
          '3',
          junk(rng),
        ]),
      ),
    ]);
  }
  const path = `${step}${query.length ? `?${new URLSearchParams(query).toString()}` : ''}`;
  const callSid = `CA${Array.from({ length: 32 }, () => rng.pick([...'0123456789abcdef'])).join('')}`;
  const valid: Record<string, string> = {
    AccountSid: 'AC00000000000000000000000000000000',
    CallSid: callSid,
    From: '+8613800000001',
    To: '+862100000000',
    CallStatus: 'in-progress',
    Digits: rng.pick(['1', '2', '3', '4', '0', '5#', '1502#']),
    SpeechResult: '厨房水管漏水',
    Confidence: '0.9',
  };
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(valid)) {
    if (rng.chance(0.1)) continue;
    params[key] = rng.chance(0.3) ? String(junk(rng)) : value;
  }
  if (rng.chance(0.2))
    params[String(rng.pick(['extra', '__proto__', 'constructor', '']))] = String(junk(rng));
  const url = `${world.publicBaseUrl}${path}`;
  const signature = rng.pick<() => string | undefined>([
    () => getExpectedTwilioSignature(world.twilioToken, url, params),
    () => getExpectedTwilioSignature(world.twilioToken, url, params),
    () => getExpectedTwilioSignature(world.twilioToken, url, params),
    () => getExpectedTwilioSignature(world.twilioToken, url, params),
    () => undefined,
    () => 'bm90IGEgc2lnbmF0dXJl',
    () => '',
  ])();
  const headers: Record<string, string> = {
    'content-type': rng.chance(0.9)
      ? 'application/x-www-form-urlencoded'
      : rng.pick(['application/json', 'text/plain']),
  };
  if (signature !== undefined) headers['x-twilio-signature'] = signature;
  return { kind: 'twilio', method: 'POST', path, headers, body: new URLSearchParams(params).toString() };
}

function localRequest(rng: Rng, world: World): FuzzRequest {
  const headers = rng.chance(0.8)
    ? { authorization: `Bearer ${world.tokens.dispatcher}` }
    : authHeader(rng, world.tokens);
  const roll = rng.int(4);
  if (roll === 0) {
    const q = new URLSearchParams();
    if (rng.chance(0.5)) q.set('ticketId', rng.chance(0.5) ? rng.pick(world.ticketIds) : String(junk(rng)));
    if (rng.chance(0.5)) q.set('to', String(junk(rng)));
    return { kind: 'local', method: 'GET', path: `/local/sms?${q.toString()}`, headers };
  }
  if (roll === 1) return { kind: 'local', method: rng.pick(['GET', 'PUT']), path: '/local/clock', headers };
  if (roll === 2)
    return {
      kind: 'local',
      method: 'GET',
      path: rng.pick(['/local/', '/local/x', '/local/clock/x']),
      headers,
    };
  // Only invalid bodies, or a minute forward: the fuzz keeps the desk near its day.
  const { body, contentType } = jsonRequestBody(rng, { advance: 'PT1M' });
  const text = typeof body === 'string' ? body : '';
  const moves = /"advance"\s*:\s*"P/.test(text) && text !== JSON.stringify({ advance: 'PT1M' });
  return {
    kind: 'local',
    method: 'POST',
    path: '/local/clock',
    headers: { ...headers, ...(contentType ? { 'content-type': contentType } : {}) },
    body: moves ? JSON.stringify({ advance: 'PT1M' }) : (body ?? ''),
  };
}

/** Which tickets a command is tried on: the kind it belongs to (`decide` wants a received repair). */
const COMMAND_KIND: Record<string, keyof World['byKind']> = {
  decide: 'received',
  assign: 'repair',
  complete: 'repair',
  grade: 'complaint',
  'follow-ups': 'complaint',
  reply: 'complaint',
  resolve: 'complaint',
  callback: 'complaint',
  'service-slip': 'complaint',
  'on-scene': 'emergency',
  report: 'emergency',
  'hand-over': 'emergency',
  'accept-handover': 'emergency',
  instructions: 'emergency',
  'instruction-done': 'emergency',
  'sign-off': 'emergency',
  verify: 'key',
  'issue-slip': 'key',
  'hand-out': 'key',
  return: 'key',
  cancel: 'key',
};

function valueAt(root: unknown, path: (string | number)[]): unknown {
  let here = root;
  for (const key of path) here = (here as Record<string | number, unknown>)[key];
  return here;
}

/** Junk that fits where a value of this type was: every junk number for a number, a few strings for a string. */
function leafJunk(rng: Rng, current: unknown): unknown[] {
  if (typeof current === 'number') return [...JUNK_NUMBERS, rng.pick(JUNK_STRINGS), null];
  if (typeof current === 'string') return [rng.pick(JUNK_STRINGS), rng.pick(JUNK_STRINGS), junk(rng)];
  if (typeof current === 'boolean') return ['true', 1, null];
  return [junk(rng), rng.pick(JUNK_STRINGS)];
}

/**
 * The systematic part: every field of every valid body, one at a time, replaced by junk of its own
 * type and of others, or left out; every list filter and every cursor key, likewise.
 */
function sweep(rng: Rng, world: World): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const auth = { authorization: `Bearer ${world.tokens.dispatcher}`, 'content-type': 'application/json' };
  const post = (path: string, body: unknown) =>
    out.push({ kind: 'api', method: 'POST', path, headers: auth, body: JSON.stringify(body) });
  const targets = [
    ...OPEN_BODIES.map((body) => ({ path: () => '/tickets', body })),
    ...REGISTER_BODIES.map((body) => ({ path: () => '/keys', body })),
    ...LOST_BODIES.map((body) => ({ path: () => `/keys/${rng.pick(world.keySetIds)}/report-lost`, body })),
    // The monthly summary's entries (issue 13 item 4), on a good month and on junk ones.
    ...MONTHLY_ENTRY_BODIES.map(({ entry, body }) => ({
      path: () =>
        `/reports/monthly/${rng.pick(['2026-11', '2026-13', enc(String(junk(rng))) || 'x'])}/${entry}`,
      body: entry === 'corrective' ? { ...body, ticketId: rng.pick(world.byKind.complaint) } : body,
    })),
    ...Object.entries(COMMAND_BODIES).flatMap(([command, bodies]) =>
      bodies.map((body) => ({
        path: () => `/tickets/${rng.pick(world.byKind[COMMAND_KIND[command] ?? 'repair'])}/${command}`,
        body,
      })),
    ),
  ];
  for (const { path, body } of targets) {
    for (const leaf of paths(body).slice(1)) {
      for (const value of leafJunk(rng, valueAt(body, leaf))) post(path(), setAt(body, leaf, value));
      post(path(), setAt(body, leaf, undefined, true));
    }
    post(path(), setAt(body, [rng.pick(['extra', '__proto__', 'constructor'])], junk(rng)));
  }
  const list = (query: Record<string, string>) =>
    out.push({
      kind: 'api',
      method: 'GET',
      path: `/tickets?${new URLSearchParams(query).toString()}`,
      headers: { authorization: auth.authorization },
    });
  for (const key of ['kind', 'status', 'limit', 'cursor', 'parkId', 'overdue']) {
    for (let i = 0; i < 3; i++) list({ kind: 'repair', [key]: String(junk(rng)) });
  }
  // GET /reports/monthly: each of its query fields junk in turn (issue 13 item 4).
  for (const key of ['month', 'parkId', 'format', 'extra']) {
    for (let i = 0; i < 3; i++) {
      const query = new URLSearchParams({
        month: '2026-11',
        format: rng.pick(['json', 'csv', 'html']),
        [key]: String(junk(rng)),
      });
      out.push({
        kind: 'api',
        method: 'GET',
        path: `/reports/monthly?${query}`,
        headers: { authorization: auth.authorization },
      });
    }
  }
  for (const key of ['unit', 'area', 'state', 'limit', 'cursor', 'parkId']) {
    for (let i = 0; i < 3; i++) {
      out.push({
        kind: 'api',
        method: 'GET',
        path: `/keys?${new URLSearchParams({ [key]: String(junk(rng)) }).toString()}`,
        headers: { authorization: auth.authorization },
      });
    }
  }
  // Cursors shaped for each index, each key in turn empty, of another type, or too long for a key.
  const indexes: [Record<string, string>, string, string][] = [
    [{}, 'parkKey', 'PARK#park-1'],
    [{ kind: 'repair' }, 'parkKindKey', 'PARK#park-1#repair'],
    [{ kind: 'repair', status: 'dispatched' }, 'parkKindStatusKey', 'PARK#park-1#repair#dispatched'],
    [{ kind: 'complaint', overdue: 'true' }, 'overdueKey', 'PARK#park-1#complaint'],
  ];
  for (const [query, keyName, keyValue] of indexes) {
    const id = rng.pick(world.ticketIds);
    const key: Record<string, unknown> = {
      pk: `TICKET#${id}`,
      sk: 'TICKET',
      createdKey: `2026-11-27T02:00:00.000Z#${id}`,
      [keyName]: keyValue,
    };
    for (const name of Object.keys(key)) {
      for (const value of ['', 7, 'x'.repeat(1500), null]) {
        const cursor = Buffer.from(JSON.stringify({ ...key, [name]: value })).toString('base64url');
        list({ ...query, cursor });
      }
    }
  }
  out.push(...recordsRequests(rng, world));
  return out;
}

/** Issue 13 items 3 and 5 (ADR 022): the weekly review and the work log, each field swept with junk. */
function recordsRequests(rng: Rng, world: World): FuzzRequest[] {
  const out: FuzzRequest[] = [];
  const authorization = `Bearer ${world.tokens.dispatcher}`;
  const get = (path: string, query: Record<string, string>) =>
    out.push({
      kind: 'api',
      method: 'GET',
      path: `${path}?${new URLSearchParams(query).toString()}`,
      headers: { authorization },
    });
  const valid = { week: '2026-W48' };
  get('/reviews/weekly', valid);
  for (const key of ['week', 'parkId', 'extra']) {
    for (let i = 0; i < 3; i++) get('/reviews/weekly', { ...valid, [key]: String(junk(rng)) });
  }
  const day = { date: '2026-11-27' };
  get('/work-log', day);
  get('/work-log', { ...day, format: 'html' });
  for (const key of ['date', 'parkId', 'format', 'limit', 'cursor', 'extra']) {
    for (let i = 0; i < 3; i++) get('/work-log', { ...day, [key]: String(junk(rng)) });
  }
  const complaint = rng.pick(world.byKind.complaint);
  const bodies: [string, Record<string, unknown>][] = [
    ['items', { ticketId: complaint, note: '条件不具备' }],
    ['decisions', { ticketId: complaint, decision: '同意' }],
    ['check', { note: '本周检查' }],
  ];
  for (const [entry, body] of bodies) {
    const path = () =>
      `/reviews/weekly/${rng.pick(['2026-W48', '2026-W99', enc(String(junk(rng))) || 'x'])}/${entry}`;
    const post = (value: unknown) =>
      out.push({
        kind: 'api',
        method: 'POST',
        path: path(),
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify(value),
      });
    post(body);
    for (const leaf of paths(body).slice(1)) {
      for (const value of leafJunk(rng, valueAt(body, leaf))) post(setAt(body, leaf, value));
      post(setAt(body, leaf, undefined, true));
    }
  }
  return out;
}

function requestsFor(world: World): { requests: FuzzRequest[]; swept: number } {
  const rng = prng(SEED);
  const systematic = sweep(rng, world);
  const random = Array.from({ length: Math.max(0, REQUESTS - systematic.length) }, () => {
    const roll = rng.int(100);
    if (roll < 61) return apiRequest(rng, world);
    if (roll < 79) return ackRequest(rng, world);
    if (roll < 98) return twilioRequest(rng, world);
    // Few: each settles the stream and the timers, the costliest thing a request can ask for.
    return localRequest(rng, world);
  });
  // Interleaved, so the random requests move tickets along while the sweep goes on.
  const all: FuzzRequest[] = [];
  for (let i = 0; i < Math.max(systematic.length, random.length); i++) {
    if (systematic[i]) all.push(systematic[i] as FuzzRequest);
    if (random[i]) all.push(random[i] as FuzzRequest);
  }
  return { requests: all.slice(0, Math.max(REQUESTS, systematic.length)), swept: systematic.length };
}

// ---------------------------------------------------------------- the run

let desk: TestDesk;
let world: World;

beforeAll(async () => {
  // Writes per token as many as the fuzz sends: each request reaches past the 429 (ADR 011) into
  // the route it fuzzes (test/http/limits.test.ts covers the 429 itself).
  desk = await startTestDesk({ limits: { writesPerToken: 100_000 } });
  const dispatcher = desk.token('dispatcher');
  await desk.call('POST', '/local/clock', { body: { set: '2026-11-27T10:00:00+08:00' } });
  const ticketIds: string[] = [];
  const byKind: World['byKind'] = { repair: [], received: [], complaint: [], emergency: [], key: [] };
  // The key register first: key requests are opened on its sets (KY-1).
  const keySetIds: string[] = [];
  const office = desk.token('property-office');
  for (const [i, unit] of ['3-2-1502', '5-1-0802', '8-3-2201'].entries()) {
    const res = await desk.call('POST', '/keys', {
      token: office,
      body: { unit, label: '入户门钥匙', count: 2, tag: `K-S00${i}` },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    keySetIds.push(res.body.keySet.id);
  }
  OPEN_BODIES.push(
    {
      kind: 'key',
      keyId: keySetIds[0],
      requester: { type: 'tenant', name: '钱女士', phone: '+8613800000004' },
      reason: '看房',
    },
    {
      kind: 'key',
      keyId: keySetIds[1],
      requester: { type: 'owner', name: '赵先生', phone: '+8613800000003' },
      reason: '取物',
    },
  );
  for (const body of [...OPEN_BODIES, ...OPEN_BODIES]) {
    // Twice each, as tickets of their own: the second would otherwise join the first (ADR 011).
    const res = await desk.call('POST', '/tickets', {
      token: dispatcher,
      body: 'caller' in (body as object) ? { ...(body as object), allowDuplicate: true } : body,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const { id, kind, status } = res.body.ticket as {
      id: string;
      kind: keyof World['byKind'];
      status: string;
    };
    ticketIds.push(id);
    byKind[kind].push(id);
    if (status === 'received' && kind === 'repair') byKind.received.push(id);
  }
  const sms = await desk.call('GET', '/local/sms');
  const ackTokens = (sms.body.messages as { text: string }[])
    .map((m) => /\/ack\/(\S+)$/.exec(m.text)?.[1])
    .filter((t): t is string => t !== undefined);
  expect(ackTokens.length).toBeGreaterThan(0);
  const page = await desk.call('GET', '/tickets?limit=1', { token: dispatcher });
  world = {
    tokens: {
      dispatcher,
      others: [
        'technician',
        'manager',
        'gm',
        'office-manager',
        'security-captain',
        'supervisor',
        'engineering-manager',
        'property-office',
        'security-guard',
      ].map((who) => desk.token(who)),
      otherPark: desk.customToken({ staffId: 'dispatcher-1', groups: ['dispatcher'], parks: 'park-2' }),
    },
    ticketIds,
    byKind,
    keySetIds,
    ackTokens,
    cursor: page.body.cursor,
    twilioToken: desk.ivr.twilioAuthToken,
    publicBaseUrl: desk.ivr.publicBaseUrl,
  };
}, 120_000);
afterAll(async () => {
  await desk?.close();
});

interface Outcome {
  request: FuzzRequest;
  status: number;
  contentType: string;
  text: string;
  retryAfter: string | null;
}

/** How often a 503 with Retry-After is sent again, as the README tells a client to, before it counts. */
const RESENDS = 3;
let resent = 0;

async function sendOnce(request: FuzzRequest): Promise<Outcome> {
  const res = await fetch(`${desk.url}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body !== undefined && request.method !== 'GET' ? { body: request.body } : {}),
  });
  return {
    request,
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text: await res.text(),
    retryAfter: res.headers.get('retry-after'),
  };
}

/**
 * One request, sent again while the desk answers 503 SERVICE.UNAVAILABLE with Retry-After: that answer
 * promises nothing was written (a conflict with a concurrent write, or DynamoDB Local too slow on a
 * busy machine to answer /health in time). Any other 5xx, or a 503 that persists, counts.
 */
async function send(request: FuzzRequest): Promise<Outcome> {
  let outcome = await sendOnce(request);
  for (let i = 0; i < RESENDS && outcome.status === 503 && outcome.retryAfter !== null; i++) {
    if (!outcome.text.includes('"SERVICE.UNAVAILABLE"')) break;
    resent++;
    outcome = await sendOnce(request);
  }
  return outcome;
}

/** What is wrong with an answer, if anything. */
function problemWith(outcome: Outcome): string | undefined {
  const { request, status, contentType, text } = outcome;
  if (status >= 500) return `a ${status}`;
  if (request.kind === 'twilio' && status === 200) {
    return contentType.includes('xml') ? undefined : `a 200 that is not TwiML (${contentType})`;
  }
  if (request.kind === 'twilio' && status === 403) return undefined;
  // Issue 13: a printable page asked for (`format=html`) is HTML.
  if (status === 200 && /[?&]format=html(&|$)/.test(request.path) && contentType.startsWith('text/html')) {
    return undefined;
  }
  if (!contentType.startsWith('application/json')) {
    // The link pages answer HTML (their own refusals included), a printed form its page (issue 13
    // item 6, never with a script); everything else answers JSON.
    const printed = status === 200 && /^\/tickets\/[^/?]+\/print(\?|$)/.test(request.path);
    if (printed && contentType.startsWith('text/html'))
      return text.toLowerCase().includes('<script') ? 'a printed form with a script' : undefined;
    return request.kind === 'ack' && contentType.startsWith('text/html')
      ? undefined
      : `a ${status} answered as ${contentType || 'nothing'}`;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'a body that is not JSON';
  }
  if (status < 400) return undefined;
  const error = (body as { error?: Record<string, unknown> } | null)?.error;
  const keys = Object.keys((body as object | null) ?? {});
  const ok =
    keys.length === 1 &&
    error !== undefined &&
    typeof error.code === 'string' &&
    error.code.length > 0 &&
    typeof error.message === 'string' &&
    (error.field === undefined || typeof error.field === 'string') &&
    Object.keys(error).every((k) => ['code', 'message', 'field'].includes(k));
  return ok ? undefined : 'an error body not shaped { error: { code, message, field? } }';
}

function describeRequest(request: FuzzRequest): string {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body.slice(0, 400)
        : `<${request.body.length} bytes>`;
  return `${request.method} ${request.path.slice(0, 300)} ${JSON.stringify(request.headers).slice(0, 200)} ${body}`;
}

describe(`fuzz: ${REQUESTS} requests over every route (seed ${SEED})`, () => {
  it('no 5xx, every JSON error shaped { error: { code, message } }, nothing failing behind a 200', async () => {
    // Prepare
    const routes = new Set([...HTTP_ROUTES, ...IVR_ROUTES].map((r) => `${r.method} ${r.path}`));
    const { requests, swept } = requestsFor(world);
    const errors = vi.spyOn(log, 'error');
    const outcomes: Outcome[] = [];

    // Act: IN_FLIGHT workers take the requests in order.
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests.length) {
          const request = requests[next++] as FuzzRequest;
          outcomes.push(await send(request));
        }
      }),
    );
    const fuzzed = performance.now();
    // Everything the fuzz stored goes through the stream (SMS) and the first timers (hand-offs, chains).
    const day = await desk.call('POST', '/local/clock', { body: { advance: 'PT11M' } });
    const settled = performance.now();

    // Assess
    const statuses: Record<number, number> = {};
    for (const o of outcomes) statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    const fivexx = outcomes.filter((o) => o.status >= 500).length;
    const hit = new Set<string>();
    for (const o of outcomes) {
      const path = new URL(o.request.path, 'http://x').pathname;
      for (const route of [...HTTP_ROUTES, ...IVR_ROUTES]) {
        const pattern = new RegExp(`^${route.path.replace(/\{[^}]+\}/g, '[^/]+')}$`);
        if (o.request.method === route.method && pattern.test(path)) hit.add(`${route.method} ${route.path}`);
      }
    }
    console.log(
      `fuzz: ${outcomes.length} requests (seed ${SEED}; ${swept} sweeping each field), ${fivexx} × 5xx ` +
        `(${resent} sent again after a 503 with Retry-After); ` +
        `routes ${hit.size}/${routes.size}; statuses ${JSON.stringify(statuses)}; ` +
        `${((fuzzed - started) / 1000).toFixed(1)} s, then ${day.body?.fired?.length ?? 0} timers in ` +
        `${((settled - fuzzed) / 1000).toFixed(1)} s`,
    );
    const bad = outcomes
      .map((o) => ({ o, problem: problemWith(o) }))
      .filter((x) => x.problem !== undefined)
      .map(({ o, problem }) => `${problem}: ${describeRequest(o.request)} → ${o.text.slice(0, 300)}`);
    expect(bad.slice(0, 10)).toEqual([]);
    const logged = errors.mock.calls.map(
      ([message, fields]) => `${message} ${JSON.stringify(fields).slice(0, 500)}`,
    );
    expect(logged.slice(0, 10)).toEqual([]);
    expect([...routes].filter((r) => !hit.has(r))).toEqual([]);
    expect(day.status).toBe(200);
    errors.mockRestore();
  }, 300_000);
});
