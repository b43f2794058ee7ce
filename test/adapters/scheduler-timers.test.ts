import {
  ConflictException,
  CreateScheduleCommand,
  DeleteScheduleCommand,
  GetScheduleCommand,
  ResourceNotFoundException,
  SchedulerClient,
  ThrottlingException,
  UpdateScheduleCommand,
  ValidationException,
} from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONFLICT_ROUNDS, SchedulerTimers, scheduleName } from '../../shared/adapters/aws/scheduler-timers';
import type { TimerRequest } from '../../shared/ports';

const scheduler = mockClient(SchedulerClient);

const TICKET = '01JDQ3V5W6X7Y8Z9A0B1C2D3E4';
const TARGET_ARN = 'arn:aws:lambda:cn-north-1:123456789012:function:estate-desk-timer';
const ROLE_ARN = 'arn:aws:iam::123456789012:role/estate-desk-scheduler';
const DLQ_ARN = 'arn:aws:sqs:cn-north-1:123456789012:estate-desk-timer-dlq';
const NAME_RULE = /^[0-9a-zA-Z_.-]{1,64}$/;

function timers(overrides: Partial<ConstructorParameters<typeof SchedulerTimers>[0]> = {}): SchedulerTimers {
  return new SchedulerTimers({
    client: new SchedulerClient({ region: 'cn-north-1' }),
    groupName: 'estate-desk-tickets',
    targetArn: TARGET_ARN,
    roleArn: ROLE_ARN,
    deadLetterArn: DLQ_ARN,
    // Well before the requests' due times, unless a test says otherwise.
    now: () => new Date('2026-11-01T00:00:00Z'),
    conflictPauseMs: 0,
    ...overrides,
  });
}

function request(overrides: Partial<TimerRequest> = {}): TimerRequest {
  return {
    ticketId: TICKET,
    parkId: 'cuihu',
    timer: 'ack-30m',
    dueAt: new Date('2026-11-27T07:30:00Z'),
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

function createInputs() {
  return scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input);
}

/** The Scheduler requests made, in order, by command name (`Create`, `Get`, `Update`, `Delete`). */
function requests(): string[] {
  return scheduler.calls().map((call) => call.args[0].constructor.name.replace(/ScheduleCommand$/, ''));
}

function conflict(): ConflictException {
  return new ConflictException({ message: 'conflict', Message: 'conflict', $metadata: {} });
}

function notFound(): ResourceNotFoundException {
  return new ResourceNotFoundException({
    message: 'Schedule not found.',
    Message: 'Schedule not found.',
    $metadata: {},
  });
}

beforeEach(() => {
  scheduler.reset();
});

describe('scheduleName', () => {
  it('joins ticket id and timer when the result is a valid schedule name', () => {
    expect(scheduleName(TICKET, 'ack-30m')).toBe(`${TICKET}-ack-30m`);
    expect(scheduleName(TICKET, 'appointment-reminder')).toBe(`${TICKET}-appointment-reminder`);
    expect(scheduleName(TICKET, 'escalate-L1')).toBe(`${TICKET}-escalate-L1`);
  });

  it('falls back to a readable prefix and a hash when the name would be too long', () => {
    const timer = 'a-very-long-timer-name-that-pushes-the-schedule-name-over-64-characters';

    const name = scheduleName(TICKET, timer);

    expect(name).toMatch(NAME_RULE);
    expect(name.startsWith(`${TICKET}-a-very-long`)).toBe(true);
    expect(scheduleName(TICKET, timer)).toBe(name);
    expect(scheduleName(TICKET, `${timer}-2`)).not.toBe(name);
  });

  it('falls back to a readable prefix and a hash when the timer has characters Scheduler refuses', () => {
    const name = scheduleName(TICKET, 'remind:回访');

    expect(name).toMatch(NAME_RULE);
    expect(name.startsWith(`${TICKET}-remind_`)).toBe(true);
    expect(scheduleName(TICKET, 'remind:回访')).toBe(name);
  });

  it('keeps names apart that sanitise to the same prefix', () => {
    const first = scheduleName(TICKET, 'remind:a');
    const second = scheduleName(TICKET, 'remind/a');

    expect(first).toMatch(NAME_RULE);
    expect(second).toMatch(NAME_RULE);
    expect(first).not.toBe(second);
  });
});

describe('SchedulerTimers.schedule', () => {
  it('creates one self-deleting one-time schedule in the park time zone with retries, DLQ and the payload', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });

    // Act
    await timers({ maxRetries: 5, maxEventAgeSeconds: 900 }).schedule(request());

    // Assess
    const inputs = createInputs();
    expect(inputs).toHaveLength(1);
    const input = inputs[0]!;
    expect(input).toEqual({
      Name: `${TICKET}-ack-30m`,
      GroupName: 'estate-desk-tickets',
      Description: expect.stringContaining(TICKET),
      ScheduleExpression: 'at(2026-11-27T15:30:00)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      State: 'ENABLED',
      Target: {
        Arn: TARGET_ARN,
        RoleArn: ROLE_ARN,
        Input: expect.any(String),
        RetryPolicy: { MaximumRetryAttempts: 5, MaximumEventAgeInSeconds: 900 },
        DeadLetterConfig: { Arn: DLQ_ARN },
      },
    });
    expect(input.Description).toContain('ack-30m');
    expect(JSON.parse(input.Target!.Input!)).toEqual({
      ticketId: TICKET,
      parkId: 'cuihu',
      timer: 'ack-30m',
      dueAt: '2026-11-27T07:30:00.000Z',
    });
    expect(scheduler.commandCalls(DeleteScheduleCommand)).toHaveLength(0);
  });

  it('uses the default retry policy when none is configured', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});

    await timers().schedule(request());

    expect(createInputs()[0]?.Target?.RetryPolicy).toEqual({
      MaximumRetryAttempts: 10,
      MaximumEventAgeInSeconds: 3600,
    });
  });

  it('follows daylight saving time: New York is UTC-4 in July and UTC-5 in January', async () => {
    // Prepare
    scheduler.on(CreateScheduleCommand).resolves({});
    const desk = timers({ now: () => new Date('2025-12-01T00:00:00Z') });

    // Act
    await desk.schedule(
      request({ timer: 'summer', dueAt: new Date('2026-07-15T16:00:00Z'), timeZone: 'America/New_York' }),
    );
    await desk.schedule(
      request({ timer: 'winter', dueAt: new Date('2026-01-15T16:00:00Z'), timeZone: 'America/New_York' }),
    );

    // Assess
    const [summer, winter] = createInputs();
    expect(summer?.ScheduleExpression).toBe('at(2026-07-15T12:00:00)');
    expect(summer?.ScheduleExpressionTimezone).toBe('America/New_York');
    expect(winter?.ScheduleExpression).toBe('at(2026-01-15T11:00:00)');
    expect(winter?.ScheduleExpressionTimezone).toBe('America/New_York');
  });

  it('puts at() on the next whole minute after a due time with seconds: Scheduler may run a schedule from the 0th second of its minute', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});

    await timers().schedule(request({ dueAt: new Date('2026-11-27T07:30:05.000Z') }));
    await timers().schedule(
      request({ timer: 'late-in-minute', dueAt: new Date('2026-11-27T07:30:59.001Z') }),
    );

    const [early, late] = createInputs();
    // at(15:30:05) could run at 15:30:00, before the due time; 15:31 never runs before it.
    expect(early?.ScheduleExpression).toBe('at(2026-11-27T15:31:00)');
    expect(late?.ScheduleExpression).toBe('at(2026-11-27T15:31:00)');
    // The payload keeps the exact due time.
    expect(JSON.parse(late!.Target!.Input!).dueAt).toBe('2026-11-27T07:30:59.001Z');
  });

  it('keeps a due time that is a whole minute (its minute does not start before it)', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});

    await timers().schedule(request({ dueAt: new Date('2026-11-27T07:30:00.000Z') }));

    expect(createInputs()[0]?.ScheduleExpression).toBe('at(2026-11-27T15:30:00)');
  });

  it('rejects with the SDK error on throttling so the stream consumer retries', async () => {
    const throttled = new ThrottlingException({
      message: 'Rate exceeded',
      Message: 'Rate exceeded',
      $metadata: {},
    });
    scheduler.on(CreateScheduleCommand).rejects(throttled);

    await expect(timers().schedule(request())).rejects.toBe(throttled);
  });

  it('rejects with the SDK error on a validation failure', async () => {
    scheduler.on(CreateScheduleCommand).rejects(
      new ValidationException({
        message: 'Invalid expression',
        Message: 'Invalid expression',
        $metadata: {},
      }),
    );

    await expect(timers().schedule(request())).rejects.toMatchObject({ name: 'ValidationException' });
  });

  it('refuses an invalid due date without calling Scheduler', async () => {
    await expect(timers().schedule(request({ dueAt: new Date('not a date') }))).rejects.toThrow(TypeError);
    expect(createInputs()).toHaveLength(0);
  });

  it('refuses a retry policy outside what Scheduler accepts', () => {
    expect(() => timers({ maxRetries: 186 })).toThrow(RangeError);
    expect(() => timers({ maxEventAgeSeconds: 59 })).toThrow(RangeError);
  });
});

describe('a ConflictException from CreateSchedule is verified, not taken as "exists"', () => {
  it('the same expression and input are there (a redelivered stream record): done, no update', async () => {
    // Prepare: Scheduler already has exactly this schedule.
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).callsFake(async () => {
      const made = createInputs()[0]!;
      return {
        Name: made.Name,
        GroupName: made.GroupName,
        ScheduleExpression: made.ScheduleExpression,
        ScheduleExpressionTimezone: made.ScheduleExpressionTimezone,
        Target: { ...made.Target },
      };
    });

    // Act
    await timers().schedule(request());

    // Assess: request by request.
    expect(requests()).toEqual(['Create', 'Get']);
    expect(scheduler.commandCalls(GetScheduleCommand)[0]?.args[0].input).toEqual({
      Name: `${TICKET}-ack-30m`,
      GroupName: 'estate-desk-tickets',
    });
  });

  it('the schedule there is for another due time: UpdateSchedule to the wanted at() and input', async () => {
    // Prepare: the name holds the timer's earlier time (a moved timer, its delete still under way).
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).resolves({
      Name: `${TICKET}-ack-30m`,
      GroupName: 'estate-desk-tickets',
      ScheduleExpression: 'at(2026-11-27T15:00:00)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: {
        Arn: TARGET_ARN,
        RoleArn: ROLE_ARN,
        Input: JSON.stringify({
          ticketId: TICKET,
          parkId: 'cuihu',
          timer: 'ack-30m',
          dueAt: '2026-11-27T07:00:00.000Z',
        }),
      },
    });
    scheduler.on(UpdateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });

    // Act
    await timers().schedule(request({ dueAt: new Date('2026-11-27T07:30:00Z') }));

    // Assess: the update carries the whole wanted schedule, the new at() and payload included.
    expect(requests()).toEqual(['Create', 'Get', 'Update']);
    const update = scheduler.commandCalls(UpdateScheduleCommand)[0]!.args[0].input;
    expect(update.ScheduleExpression).toBe('at(2026-11-27T15:30:00)');
    expect(JSON.parse(update.Target!.Input!).dueAt).toBe('2026-11-27T07:30:00.000Z');
    expect(update).toEqual(createInputs()[0]);
  });

  it('the schedule was deleted meanwhile (GetSchedule: ResourceNotFound): created again', async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: 'arn:schedule' });
    scheduler.on(GetScheduleCommand).rejects(notFound());

    await timers().schedule(request());

    expect(requests()).toEqual(['Create', 'Get', 'Create']);
    const [first, second] = createInputs();
    expect(second).toEqual(first);
  });

  it('an update that conflicts in turn goes round again', async () => {
    scheduler.on(CreateScheduleCommand).rejectsOnce(conflict()).resolves({ ScheduleArn: 'arn:schedule' });
    scheduler.on(GetScheduleCommand).resolves({ ScheduleExpression: 'at(2026-11-27T15:00:00)' });
    scheduler.on(UpdateScheduleCommand).rejects(conflict());

    await timers().schedule(request());

    expect(requests()).toEqual(['Create', 'Get', 'Update', 'Create']);
  });

  it('gives up after a bounded number of rounds with the conflict, for the stream to retry', async () => {
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).rejects(notFound());

    await expect(timers().schedule(request())).rejects.toMatchObject({ name: 'ResourceNotFoundException' });

    expect(scheduler.commandCalls(CreateScheduleCommand)).toHaveLength(CONFLICT_ROUNDS);
    expect(scheduler.commandCalls(UpdateScheduleCommand)).toHaveLength(0);
  });

  it('matches a plain error named ConflictException by name too', async () => {
    scheduler
      .on(CreateScheduleCommand)
      .rejectsOnce(Object.assign(new Error('exists'), { name: 'ConflictException' }))
      .resolves({});
    scheduler.on(GetScheduleCommand).rejects(notFound());

    await expect(timers().schedule(request())).resolves.toBeUndefined();
    expect(requests()).toEqual(['Create', 'Get', 'Create']);
  });

  it('rejects with any other GetSchedule error (e.g. access denied)', async () => {
    const denied = Object.assign(new Error('no'), { name: 'AccessDeniedException' });
    scheduler.on(CreateScheduleCommand).rejects(conflict());
    scheduler.on(GetScheduleCommand).rejects(denied);

    await expect(timers().schedule(request())).rejects.toBe(denied);
  });
});

describe('SchedulerTimers.cancel', () => {
  it('deletes the schedule by name in the group', async () => {
    scheduler.on(DeleteScheduleCommand).resolves({});

    await timers().cancel(TICKET, 'ack-30m');

    const calls = scheduler.commandCalls(DeleteScheduleCommand);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.args[0].input).toEqual({ Name: `${TICKET}-ack-30m`, GroupName: 'estate-desk-tickets' });
  });

  it('deletes the same name that schedule created', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    scheduler.on(DeleteScheduleCommand).resolves({});
    const desk = timers();
    const timer = 'a-very-long-timer-name-that-pushes-the-schedule-name-over-64-characters';

    await desk.schedule(request({ timer }));
    await desk.cancel(TICKET, timer);

    expect(scheduler.commandCalls(DeleteScheduleCommand)[0]?.args[0].input.Name).toBe(
      createInputs()[0]?.Name,
    );
  });

  it('resolves when the schedule does not exist (ResourceNotFoundException)', async () => {
    scheduler.on(DeleteScheduleCommand).rejects(
      new ResourceNotFoundException({
        message: 'Schedule not found.',
        Message: 'Schedule not found.',
        $metadata: {},
      }),
    );

    await expect(timers().cancel(TICKET, 'ack-30m')).resolves.toBeUndefined();
  });

  it('rejects on other errors', async () => {
    const throttled = new ThrottlingException({
      message: 'Rate exceeded',
      Message: 'Rate exceeded',
      $metadata: {},
    });
    scheduler.on(DeleteScheduleCommand).rejects(throttled);

    await expect(timers().cancel(TICKET, 'ack-30m')).rejects.toBe(throttled);
  });
});

describe('a deadline already due', () => {
  it('is scheduled at the first whole minute a minute ahead, since at() must lie in the future (the payload keeps the real due time)', async () => {
    scheduler.on(CreateScheduleCommand).resolves({});
    const now = new Date('2026-11-27T07:45:10Z');
    await timers({ now: () => now }).schedule(request({ dueAt: new Date('2026-11-27T07:30:00Z') }));
    const input = scheduler.commandCalls(CreateScheduleCommand)[0]?.args[0].input;
    expect(input?.ScheduleExpression).toBe('at(2026-11-27T15:47:00)');
    expect(JSON.parse(input?.Target?.Input ?? '{}').dueAt).toBe('2026-11-27T07:30:00.000Z');
  });
});
