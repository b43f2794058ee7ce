import { createHash } from 'node:crypto';
import {
  CreateScheduleCommand,
  type CreateScheduleCommandInput,
  DeleteScheduleCommand,
  GetScheduleCommand,
  type SchedulerClient,
  UpdateScheduleCommand,
} from '@aws-sdk/client-scheduler';
import { localDateTime } from '../../domain/time';
import type { TimerPayload, TimerRequest, Timers } from '../../ports';

export interface SchedulerTimersOptions {
  client: SchedulerClient;
  /** Schedule group every ticket timer lives in. */
  groupName: string;
  /** ARN of the timer function the schedules invoke. */
  targetArn: string;
  /** Role EventBridge Scheduler assumes to invoke the target. */
  roleArn: string;
  /** SQS queue that receives invocations that ran out of retries. */
  deadLetterArn: string;
  /** Scheduler's MaximumRetryAttempts (0..185). Default 10. */
  maxRetries?: number;
  /** Scheduler's MaximumEventAgeInSeconds (60..86400). Default 3600. */
  maxEventAgeSeconds?: number;
  /** The wall clock, to keep `at()` in the future (default: the system clock). */
  now?: () => Date;
  /** Pause between rounds when a conflict persists (default 200 ms × round; tests pass 0). */
  conflictPauseMs?: number;
}

/**
 * Rounds of create → verify → update when Scheduler answers ConflictException. A conflict is also
 * a concurrent change of the same name (a moved timer deletes and re-creates it at once), so it is
 * checked, never taken as done; past this many rounds the error goes to the stream, which retries.
 */
export const CONFLICT_ROUNDS = 4;

/**
 * How far ahead a deadline that is already due (or about to be) is scheduled: Scheduler takes
 * `at()` only for a time still to come, and fires with one-minute precision anyway.
 */
export const PAST_DUE_LEAD_MS = 60_000;

const NAME_PATTERN = /^[0-9a-zA-Z_.-]{1,64}$/;
const NAME_MAX = 64;
const HASH_LENGTH = 12;
const DESCRIPTION_MAX = 512;

/**
 * The schedule name of `timer` on `ticketId`: `<ticketId>-<timer>` when that is a valid Scheduler
 * name (`[0-9a-zA-Z-_.]`, at most 64 chars); otherwise a readable, sanitised prefix plus `.` and a
 * hash of the pair, so the name is still deterministic and unique per (ticket, timer).
 */
export function scheduleName(ticketId: string, timer: string): string {
  const plain = `${ticketId}-${timer}`;
  if (NAME_PATTERN.test(plain)) return plain;
  const hash = createHash('sha256')
    .update(JSON.stringify([ticketId, timer]))
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const prefix = plain.replace(/[^0-9a-zA-Z_.-]/g, '_').slice(0, NAME_MAX - HASH_LENGTH - 1);
  return `${prefix}.${hash}`;
}

const MINUTE_MS = 60_000;

/**
 * The instant rounded up to the next whole minute (kept when it is one). Scheduler runs a one-time
 * schedule anywhere inside the minute of its `at()`, as early as its 0th second: `at(10:30:45)` may
 * run at 10:30:00. The minute the schedule runs in must therefore not start before the due time.
 */
export function ceilToMinute(instant: Date): Date {
  return new Date(Math.ceil(instant.getTime() / MINUTE_MS) * MINUTE_MS);
}

function checkRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer in ${min}..${max}, got ${value}`);
  }
  return value;
}

function pause(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string'
    ? error.name
    : undefined;
}

/** Per-ticket timers as one-time EventBridge Scheduler schedules that delete themselves after firing. */
export class SchedulerTimers implements Timers {
  private readonly client: SchedulerClient;
  private readonly groupName: string;
  private readonly targetArn: string;
  private readonly roleArn: string;
  private readonly deadLetterArn: string;
  private readonly maxRetries: number;
  private readonly maxEventAgeSeconds: number;
  private readonly now: () => Date;
  private readonly conflictPauseMs: number;

  constructor(options: SchedulerTimersOptions) {
    this.client = options.client;
    this.groupName = options.groupName;
    this.targetArn = options.targetArn;
    this.roleArn = options.roleArn;
    this.deadLetterArn = options.deadLetterArn;
    this.now = options.now ?? (() => new Date());
    this.conflictPauseMs = options.conflictPauseMs ?? 200;
    this.maxRetries = checkRange('maxRetries', options.maxRetries ?? 10, 0, 185);
    this.maxEventAgeSeconds = checkRange(
      'maxEventAgeSeconds',
      options.maxEventAgeSeconds ?? 3600,
      60,
      86_400,
    );
  }

  async schedule(request: TimerRequest): Promise<void> {
    if (Number.isNaN(request.dueAt.getTime())) {
      throw new TypeError(`Invalid dueAt for timer ${request.timer} on ticket ${request.ticketId}`);
    }
    const payload: TimerPayload = {
      ticketId: request.ticketId,
      parkId: request.parkId,
      timer: request.timer,
      dueAt: request.dueAt.toISOString(),
    };
    // The timer function compares with the real due time, so firing a little late is harmless;
    // firing early is not (see ceilToMinute), hence the next whole minute at or after it.
    const earliest = this.now().getTime() + PAST_DUE_LEAD_MS;
    const fireAt = request.dueAt.getTime() < earliest ? new Date(earliest) : request.dueAt;
    const at = localDateTime(ceilToMinute(fireAt), request.timeZone);
    const description = `Timer ${request.timer} on ticket ${request.ticketId} (park ${request.parkId})`;
    const wanted: CreateScheduleCommandInput = {
      Name: scheduleName(request.ticketId, request.timer),
      GroupName: this.groupName,
      Description: description.slice(0, DESCRIPTION_MAX),
      ScheduleExpression: `at(${at})`,
      ScheduleExpressionTimezone: request.timeZone,
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: this.targetArn,
        RoleArn: this.roleArn,
        Input: JSON.stringify(payload),
        RetryPolicy: {
          MaximumRetryAttempts: this.maxRetries,
          MaximumEventAgeInSeconds: this.maxEventAgeSeconds,
        },
        DeadLetterConfig: { Arn: this.deadLetterArn },
      },
    };
    await this.createOrVerify(wanted);
  }

  /**
   * Creates the schedule; on ConflictException reads what is there (GetSchedule): the same time
   * and input is done (a redelivered stream record), anything else is updated to what is wanted,
   * and one deleted meanwhile (ResourceNotFound) is created again. Bounded by CONFLICT_ROUNDS.
   */
  private async createOrVerify(wanted: CreateScheduleCommandInput): Promise<void> {
    const key = { Name: wanted.Name, GroupName: wanted.GroupName };
    let last: unknown;
    for (let round = 1; round <= CONFLICT_ROUNDS; round++) {
      if (round > 1 && this.conflictPauseMs > 0) await pause(this.conflictPauseMs * (round - 1));
      try {
        await this.client.send(new CreateScheduleCommand(wanted));
        return;
      } catch (error) {
        if (errorName(error) !== 'ConflictException') throw error;
        last = error;
      }
      try {
        const found = await this.client.send(new GetScheduleCommand(key));
        if (
          found.ScheduleExpression === wanted.ScheduleExpression &&
          found.ScheduleExpressionTimezone === wanted.ScheduleExpressionTimezone &&
          found.Target?.Arn === wanted.Target?.Arn &&
          found.Target?.Input === wanted.Target?.Input
        ) {
          return;
        }
        await this.client.send(new UpdateScheduleCommand(wanted));
        return;
      } catch (error) {
        // Deleted between our calls (a moved timer's old schedule): create it again. Changed
        // concurrently again: go round. Anything else is for the stream to retry.
        const name = errorName(error);
        if (name !== 'ResourceNotFoundException' && name !== 'ConflictException') throw error;
        last = error;
      }
    }
    throw last;
  }

  async cancel(ticketId: string, timer: string): Promise<void> {
    try {
      await this.client.send(
        new DeleteScheduleCommand({ Name: scheduleName(ticketId, timer), GroupName: this.groupName }),
      );
    } catch (error) {
      // Already fired (and deleted itself), cancelled before, or never created.
      if (errorName(error) === 'ResourceNotFoundException') return;
      throw error;
    }
  }
}
