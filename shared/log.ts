/**
 * Structured JSON logging: one line per entry, info to stdout, warn and error to stderr.
 * Every field is passed through `maskPersonalData` first, so phone numbers, resident ID numbers and
 * credentials (JWTs, bearer tokens, acknowledgement links — in values and inside any text) never
 * reach the logs. `LOG_LEVEL` (`info` | `warn` | `error` | `silent`) filters;
 * `LOG_STACKS=1` adds error stacks.
 */

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields | Error): void;
  warn(message: string, fields?: LogFields | Error): void;
  error(message: string, fields?: LogFields | Error): void;
}

export interface LoggerOptions {
  /** Fixed level; by default `LOG_LEVEL` is read on every call. */
  level?: LogLevel | 'silent';
  /** Where lines go; by default stdout for info and stderr for warn and error. */
  write?: (level: LogLevel, line: string) => void;
  /** Include error stacks; by default `LOG_STACKS === '1'` on every call. */
  stacks?: boolean;
  /** Clock for the `time` field. */
  now?: () => Date;
}

const RANK: Record<LogLevel | 'silent', number> = { info: 1, warn: 2, error: 3, silent: 4 };

const SECRET_KEY = /token|authorization|secret|password|passwd|signature|cookie|api[-_]?key/i;
const REDACTED = '[redacted]';
const MAX_DEPTH = 12;

/** Resident ID numbers (居民身份证号): 17 digits and a digit or X. */
const RESIDENT_ID = /(?<![0-9A-Za-z])(\d{3})\d{11}(\d{3}[\dXx])(?![0-9A-Za-z])/g;
/** +86 mobiles, optionally written with spaces or dashes: +86 138 0000 0001. */
const CN_E164 = /\+86[ -]?(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?!\d)/g;
/** Other E.164 numbers. */
const E164 = /\+([1-9]\d{2})\d{0,8}(\d{4})(?!\d)/g;
/** Bare Chinese mobiles, optionally written 138-0000-0001 or 138 0000 0001. */
const CN_MOBILE = /(?<![0-9A-Za-z+])(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?![0-9A-Za-z])/g;
/** Mainland mobiles with the country code but no plus: 8613800000001, 008613800000001, 86 138 0000 0001. */
const CN_NO_PLUS = /(?<![0-9A-Za-z+])((?:00)?86[ -]?)(1[3-9]\d)[ -]?\d{4}[ -]?(\d{4})(?![0-9A-Za-z])/g;
/** A plus URL-encoded, as in a form body or query string (`From=%2B8613800000001`). */
const ENCODED_CN_E164 = /%2B86(1[3-9]\d)\d{4}(\d{4})(?!\d)/gi;
const ENCODED_E164 = /%2B([1-9]\d{2})\d{0,8}(\d{4})(?!\d)/gi;
/** JWTs (header and payload are base64url JSON, so they start `eyJ`), with or without a signature. */
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;
/** A bearer credential written out: `Bearer <token>` (8 or more token characters, so prose survives). */
const BEARER = /\b(Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/gi;
/** The token of an emergency acknowledgement link (`…/ack/<token>`, its URL-safe alphabet): whoever has it can acknowledge. */
const ACK_LINK = /(\/ack\/)[A-Za-z0-9._~%-]+/g;
/** The same token without its path: `<ticket id>.<staff>.<purpose><expiry>.<16-character MAC>`. */
const ACK_TOKEN =
  /\b[0-9A-HJKMNP-TV-Z]{26}\.[A-Za-z0-9_~-]+\.[a-z][0-9a-z]+\.[A-Za-z0-9_-]{16}(?![A-Za-z0-9_-])/g;

function maskString(text: string): string {
  return (
    text
      // Credentials first, so the numbers inside them are not half-masked instead.
      .replace(JWT, REDACTED)
      .replace(BEARER, `$1 ${REDACTED}`)
      .replace(ACK_LINK, `$1${REDACTED}`)
      .replace(ACK_TOKEN, REDACTED)
      .replace(RESIDENT_ID, '$1****$2')
      .replace(CN_E164, '+86$1****$2')
      .replace(E164, '+$1****$2')
      .replace(ENCODED_CN_E164, '%2B86$1****$2')
      .replace(ENCODED_E164, '%2B$1****$2')
      .replace(CN_NO_PLUS, '$1$2****$3')
      .replace(CN_MOBILE, '$1****$2')
  );
}

interface MaskContext {
  stacks: boolean;
  seen: WeakSet<object>;
}

function maskError(error: Error, depth: number, context: MaskContext): Record<string, unknown> {
  const out: Record<string, unknown> = { name: error.name, message: maskString(error.message) };
  const extra = error as Error & {
    code?: unknown;
    $metadata?: { httpStatusCode?: unknown; requestId?: unknown };
  };
  if (typeof extra.code === 'string' || typeof extra.code === 'number') out.code = extra.code;
  if (extra.$metadata && typeof extra.$metadata === 'object') {
    if (extra.$metadata.httpStatusCode !== undefined) out.httpStatusCode = extra.$metadata.httpStatusCode;
    if (extra.$metadata.requestId !== undefined) out.requestId = extra.$metadata.requestId;
  }
  if (error.cause !== undefined) out.cause = mask(error.cause, depth + 1, context);
  if (context.stacks && error.stack) out.stack = maskString(error.stack);
  return out;
}

function mask(value: unknown, depth: number, context: MaskContext): unknown {
  switch (typeof value) {
    case 'string':
      return maskString(value);
    case 'number':
      // A mobile number kept as a number, with or without the country code.
      return Number.isInteger(value) && /^(?:86)?1[3-9]\d{9}$/.test(String(value))
        ? maskString(String(value))
        : value;
    case 'bigint':
      return maskString(value.toString());
    case 'function':
    case 'symbol':
      return undefined;
    case 'undefined':
    case 'boolean':
      return value;
  }
  if (value === null) return null;
  const object = value as object;
  if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
  if (context.seen.has(object)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[truncated]';
  context.seen.add(object);
  try {
    if (object instanceof Error) return maskError(object, depth, context);
    if (ArrayBuffer.isView(object)) return `[binary ${object.byteLength} bytes]`;
    if (Array.isArray(object)) return object.map((item) => mask(item, depth + 1, context) ?? null);
    if (object instanceof Set) return [...object].map((item) => mask(item, depth + 1, context) ?? null);
    const entries: Iterable<[unknown, unknown]> =
      object instanceof Map ? object.entries() : Object.entries(object as Record<string, unknown>);
    const out: Record<string, unknown> = {};
    for (const [key, item] of entries) {
      const name = String(key);
      out[maskString(name)] =
        SECRET_KEY.test(name) && item != null ? REDACTED : mask(item, depth + 1, context);
    }
    return out;
  } finally {
    // Only the current path counts as circular; the same object may appear twice side by side.
    context.seen.delete(object);
  }
}

/**
 * A copy of `value` safe to log (keys included): phone numbers keep their first 3 and last 4 digits
 * (`+86138****0001`, `138****0001`), resident ID numbers their first 3 and last 4 characters, and values
 * of keys like `token`, `authorization`, `secret`, `password` or `signature` become `[redacted]`.
 * Errors become `{ name, message, code?, cause?, stack? }`; dates ISO strings.
 */
export function maskPersonalData(value: unknown, options: { stacks?: boolean } = {}): unknown {
  return mask(value, 0, { stacks: options.stacks ?? false, seen: new WeakSet() });
}

function envLevel(): LogLevel | 'silent' {
  const level = process.env.LOG_LEVEL?.trim().toLowerCase();
  switch (level) {
    case 'silent':
    case 'warn':
    case 'error':
      return level;
    default:
      return 'info';
  }
}

function defaultWrite(level: LogLevel, line: string): void {
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

const RESERVED = new Set(['level', 'time', 'message']);

/** A logger with its own output and level; `log` is the one the functions use. */
export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? defaultWrite;
  const now = options.now ?? (() => new Date());

  function emit(level: LogLevel, message: string, fields: LogFields | Error | undefined): void {
    const threshold = options.level ?? envLevel();
    if (RANK[level] < RANK[threshold]) return;
    const stacks = options.stacks ?? process.env.LOG_STACKS === '1';
    const entry: Record<string, unknown> = { level, time: now().toISOString(), message: maskString(message) };
    const masked = maskPersonalData(fields instanceof Error ? { error: fields } : (fields ?? {}), { stacks });
    if (masked && typeof masked === 'object') {
      for (const [key, item] of Object.entries(masked)) {
        entry[RESERVED.has(key) ? `field.${key}` : key] = item;
      }
    }
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({
        level,
        time: entry.time,
        message: entry.message,
        logError: 'unserialisable fields',
      });
    }
    write(level, line);
  }

  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

export const log: Logger = createLogger();
