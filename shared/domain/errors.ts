/**
 * Expected failures of the domain and the use cases. Each has a stable `code`; the HTTP layer maps
 * codes to statuses in one table (functions/http/lib/errors.ts). Anything else is a bug: a plain 500.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** The request field the error is about, when there is one (e.g. `appointmentAt`). */
  readonly field?: string;
  constructor(message: string, options?: { field?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    if (options?.field) this.field = options.field;
  }
}

/** The request breaks a rule of the procedure (e.g. RP-4: no dispatch without consent). */
export class RuleViolation extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, field?: string) {
    super(message, field ? { field } : undefined);
    this.code = code;
  }
}

/**
 * The command may not follow the ticket's current status (see the transitions table), or not yet
 * (a rule's own code, e.g. `COMPLAINT.SIGNATURE_OWED`).
 */
export class IllegalTransition extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'TICKET.ILLEGAL_TRANSITION', field?: string) {
    super(message, field ? { field } : undefined);
    this.code = code;
  }
}

/** Somebody changed the ticket between our read and our write. */
export class ConcurrentChange extends DomainError {
  readonly code = 'TICKET.CONCURRENT_CHANGE';
}

/** The thing asked for does not exist, or the caller may not see it (same answer on purpose). */
export class NotFound extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, field?: string) {
    super(message, field ? { field } : undefined);
    this.code = code;
  }
}

/**
 * The caller is known but their role may not do this, or a rule bars this person (its own code,
 * e.g. `COMPLAINT.ACCUSED_MAY_NOT_ACT`).
 */
export class Forbidden extends DomainError {
  readonly code: string;
  constructor(message: string, code = 'AUTH.FORBIDDEN') {
    super(message);
    this.code = code;
  }
}

/** The request is malformed: wrong shape, type, or value. */
export class InvalidInput extends DomainError {
  readonly code: string;
  constructor(code: string, message: string, field?: string) {
    super(message, field ? { field } : undefined);
    this.code = code;
  }
}

/**
 * The desk cannot answer now: the table is throttled, contended or unreachable. Nothing was
 * written; the same request may be sent again after `retryAfterSeconds` (HTTP 503 + Retry-After).
 */
export class ServiceUnavailable extends DomainError {
  readonly code = 'SERVICE.UNAVAILABLE';
  readonly retryAfterSeconds: number;
  constructor(message: string, options?: { retryAfterSeconds?: number; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.retryAfterSeconds = options?.retryAfterSeconds ?? 2;
  }
}

/**
 * A new ticket's write found one of its items already there — its id (another copy of the same
 * call), its register page, or its Idempotency-Key (another copy of the same request) — and wrote
 * nothing. A ConcurrentChange for whoever only needs to know that.
 */
export class IntakeConflict extends ConcurrentChange {
  constructor(
    message: string,
    readonly taken: readonly ('ticket' | 'page' | 'key' | 'claim')[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * An item only one open ticket may hold (one open move-in case per unit, MI) is held by another:
 * the new ticket was not written. `holder` is the ticket that has it.
 */
export class ClaimTaken extends ConcurrentChange {
  constructor(
    message: string,
    readonly holder: { ticketId: string; number?: string },
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * Over a limit of the park's (ADR 011), e.g. writes per token: nothing was done; the same request
 * may be sent again after `retryAfterSeconds` (HTTP 429 + Retry-After).
 */
export class RateLimited extends DomainError {
  readonly code: string;
  readonly retryAfterSeconds: number;
  constructor(code: string, message: string, retryAfterSeconds: number) {
    super(message);
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
