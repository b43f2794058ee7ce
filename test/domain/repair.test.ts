/** Repair requests (DOMAIN.md RP-1..RP-5): the lifecycle table, the opening rules, the scripts and the timers. */
import { describe, expect, it } from 'vitest';
import { IllegalTransition, RuleViolation } from '../../shared/domain/errors';
import type { RuleContext } from '../../shared/domain/kind';
import type { StaffMember } from '../../shared/domain/park';
import {
  applyRepairEvent,
  decideRepair,
  nextRepairCommands,
  openRepair,
  REPAIR_COMMANDS,
  REPAIR_STATUSES,
  REPAIR_TRANSITIONS,
  type RepairCommand,
  type RepairEvent,
  type RepairIntake,
  type RepairStatus,
  type RepairTicket,
  receivedRepairNotifications,
  repairNotifications,
  repairScript,
  repairTimerDue,
} from '../../shared/domain/repair';
import type { Actor } from '../../shared/domain/ticket';
import { makePark, ruleContext, thrownBy } from '../support/fixtures';

const TZ = 'Asia/Shanghai';
/** 14:00 in the park, a weekday afternoon. */
const OPENED_AT = new Date('2026-11-27T06:00:00.000Z');
const DISPATCHER: Actor = { staffId: 'dispatcher-1', groups: ['dispatcher'], name: '陈静' };
const NUMBER = 'R20261127-001';

const TECHNICIAN: StaffMember = {
  id: 'technician-1',
  parkId: 'park-1',
  name: '张伟',
  roles: ['technician'],
  department: 'engineering',
  phone: '+8613900000007',
};
const REPAIR_LEAD: StaffMember = { ...TECHNICIAN, id: 'repair-lead-1', name: '王刚', roles: ['repair-lead'] };
const GUARD: StaffMember = {
  ...TECHNICIAN,
  id: 'security-guard-1',
  name: '孙鹏',
  roles: ['security-guard'],
  department: 'security',
};
const SLIP = { number: 'S-0001', signedBy: '王先生' };
/** The directory the commands below name people from. */
const DIRECTORY: StaffMember[] = [TECHNICIAN, REPAIR_LEAD, GUARD];

/** What the rules see at `at`: the dispatcher acting in 翠湖园 (Asia/Shanghai), with `staff` as its directory. */
function ctxAt(at: Date, staff: readonly StaffMember[] = DIRECTORY): RuleContext {
  return ruleContext(at, DISPATCHER, makePark({ timeZone: TZ }), staff);
}

function intake(overrides: Partial<RepairIntake> = {}): RepairIntake {
  return {
    caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
    description: '厨房水龙头漏水',
    location: '3号楼2单元1502',
    wantedAt: '2026-11-27T15:00:00+08:00',
    decision: 'dispatch',
    ...overrides,
  };
}

/** Opens a repair; a work-order number is passed unless the decision is a decline (RP-5). */
function open(overrides: Partial<RepairIntake> = {}, now: Date = OPENED_AT) {
  const request = intake(overrides);
  return openRepair(
    {
      id: 'ticket-1',
      parkId: 'park-1',
      intake: request,
      ...(request.decision === 'decline' ? {} : { number: NUMBER }),
    },
    ctxAt(now),
  );
}

type Command = Parameters<typeof decideRepair>[1];

/** The assign command naming `technician` (who must be in the context's directory). */
function assignTo(technician: StaffMember): Command {
  return { type: 'assign', staffId: technician.id };
}

/** The RP-2 outcome that leads a received repair to `next`. */
const DECISION_FOR: Partial<Record<RepairStatus, Command>> = {
  dispatched: { type: 'decide', decision: 'dispatch' },
  booked: { type: 'decide', decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
  declined: { type: 'decide', decision: 'decline', declineReason: '此项需由燃气公司处理。' },
};

function commandOf(type: RepairCommand, technician: StaffMember = TECHNICIAN, next?: RepairStatus): Command {
  switch (type) {
    case 'assign':
      return assignTo(technician);
    case 'complete':
      return { type, serviceSlip: SLIP };
    case 'decide':
      return DECISION_FOR[next ?? 'dispatched'] ?? { type, decision: 'dispatch' };
    default:
      return { type };
  }
}

/** Decides a command and folds the resulting event, as the use case does. */
function step(
  ticket: RepairTicket,
  command: Command,
  at: Date,
  staff: readonly StaffMember[] = DIRECTORY,
): RepairTicket {
  return record(ticket, decideRepair(ticket, command, ctxAt(at, staff)), at);
}

function record(ticket: RepairTicket, draft: ReturnType<typeof decideRepair>, at: Date): RepairTicket {
  const event = { ...draft, seq: ticket.version + 1, at: at.toISOString(), actor: DISPATCHER } as RepairEvent;
  return applyRepairEvent(ticket, event);
}

function inStatus(status: RepairStatus): RepairTicket {
  return { ...open().ticket, status };
}

function minutesAfter(start: Date, minutes: number, seconds = 0): Date {
  return new Date(start.getTime() + (minutes * 60 + seconds) * 1000);
}

/** The lifecycle as the procedure reads: written out here, not copied from the table under test. */
const LEGAL: ReadonlyArray<[RepairStatus, RepairCommand, RepairStatus]> = [
  ['received', 'decide', 'dispatched'],
  ['received', 'decide', 'booked'],
  ['received', 'decide', 'declined'],
  ['dispatched', 'assign', 'assigned'],
  ['booked', 'assign', 'assigned'],
  ['assigned', 'assign', 'assigned'],
  ['assigned', 'acknowledge', 'acknowledged'],
  ['acknowledged', 'assign', 'assigned'],
  ['acknowledged', 'complete', 'completed'],
  ['completed', 'close', 'closed'],
];

const ILLEGAL: Array<[RepairStatus, RepairCommand]> = REPAIR_STATUSES.flatMap((status) =>
  REPAIR_COMMANDS.filter((command) => !LEGAL.some(([s, c]) => s === status && c === command)).map(
    (command): [RepairStatus, RepairCommand] => [status, command],
  ),
);

describe('REPAIR_TRANSITIONS', () => {
  it('has a row for every status and no command outside the command list', () => {
    expect(Object.keys(REPAIR_TRANSITIONS).sort()).toEqual([...REPAIR_STATUSES].sort());
    for (const row of Object.values(REPAIR_TRANSITIONS)) {
      for (const command of Object.keys(row)) expect(REPAIR_COMMANDS).toContain(command);
    }
  });

  it('covers all 40 cells between the legal and the illegal list', () => {
    const legalCells = new Set(LEGAL.map(([status, command]) => `${status}/${command}`));
    expect(legalCells.size + ILLEGAL.length).toBe(REPAIR_STATUSES.length * REPAIR_COMMANDS.length);
    expect(legalCells.size).toBe(8);
    expect(ILLEGAL).toHaveLength(32);
  });

  it.each(LEGAL)('lifecycle: a %s repair accepts "%s" and becomes %s', (status, command, next) => {
    // Prepare
    const ticket = inStatus(status);

    // Act
    const after = step(ticket, commandOf(command, TECHNICIAN, next), minutesAfter(OPENED_AT, 5));

    // Assess
    expect([REPAIR_TRANSITIONS[status][command]].flat()).toContain(next);
    expect(after.status).toBe(next);
    expect(after.version).toBe(ticket.version + 1);
  });

  it.each(ILLEGAL)(
    'lifecycle: a %s repair refuses "%s" with TICKET.ILLEGAL_TRANSITION',
    (status, command) => {
      const error = thrownBy(() => decideRepair(inStatus(status), commandOf(command), ctxAt(OPENED_AT)));

      expect(REPAIR_TRANSITIONS[status][command]).toBeUndefined();
      expect(error).toBeInstanceOf(IllegalTransition);
      expect(error.code).toBe('TICKET.ILLEGAL_TRANSITION');
      expect(error.message).toContain(`"${command}"`);
    },
  );

  it.each<[RepairStatus, RepairCommand[]]>([
    ['received', ['decide']],
    ['dispatched', ['assign']],
    ['booked', ['assign']],
    ['declined', []],
    ['assigned', ['assign', 'acknowledge']],
    ['acknowledged', ['assign', 'complete']],
    ['completed', ['close']],
    ['closed', []],
  ])('nextRepairCommands: a %s repair accepts %j, in lifecycle order', (status, commands) => {
    expect(nextRepairCommands(status)).toEqual(commands);
  });

  it.each<[RepairStatus, string]>([
    ['dispatched', 'it accepts: assign'],
    ['declined', 'it accepts no further steps'],
    ['closed', 'it accepts no further steps'],
  ])('an illegal step on a %s repair says what it accepts instead', (status, hint) => {
    expect(
      thrownBy(() => decideRepair(inStatus(status), { type: 'close' }, ctxAt(OPENED_AT))).message,
    ).toContain(hint);
  });
});

describe('decideRepair', () => {
  it.each([
    ['a technician', TECHNICIAN],
    ['the repair lead', REPAIR_LEAD],
  ])('assign: %s of engineering may take the work order', (_who, person) => {
    expect(decideRepair(inStatus('dispatched'), assignTo(person), ctxAt(OPENED_AT))).toEqual({
      type: 'ticket.assigned',
      data: { staffId: person.id, staffName: person.name },
    });
  });

  it('assign: somebody who is not a technician is refused with REPAIR.NOT_A_TECHNICIAN', () => {
    const error = thrownBy(() => decideRepair(inStatus('dispatched'), assignTo(GUARD), ctxAt(OPENED_AT)));

    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe('REPAIR.NOT_A_TECHNICIAN');
    expect(error.field).toBe('staffId');
    expect(error.message).toContain('孙鹏');
  });

  it('assign: on a closed repair the illegal step is reported before who was chosen', () => {
    expect(
      thrownBy(() => decideRepair(inStatus('closed'), assignTo(GUARD), ctxAt(OPENED_AT))),
    ).toBeInstanceOf(IllegalTransition);
  });

  it('complete: the signed service slip goes into the event and onto the ticket', () => {
    const acknowledged = inStatus('acknowledged');

    const draft = decideRepair(acknowledged, { type: 'complete', serviceSlip: SLIP }, ctxAt(OPENED_AT));
    const completed = record(acknowledged, draft, minutesAfter(OPENED_AT, 90));

    expect(draft).toEqual({ type: 'ticket.completed', data: { serviceSlip: SLIP } });
    expect(completed.serviceSlip).toEqual(SLIP);
  });

  it('assign: a reassignment names the new technician on the ticket', () => {
    const first = step(inStatus('dispatched'), assignTo(TECHNICIAN), OPENED_AT);

    const second = step(first, assignTo(REPAIR_LEAD), minutesAfter(OPENED_AT, 10));

    expect(second).toMatchObject({ status: 'assigned', assigneeId: 'repair-lead-1', assigneeName: '王刚' });
  });
});

describe('openRepair: RP-2, RP-4, RP-5', () => {
  it.each<[string, Partial<RepairIntake>, RepairStatus]>([
    ['skill and hands: dispatched now', { decision: 'dispatch' }, 'dispatched'],
    [
      'no hands: booked for the agreed time',
      { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
      'booked',
    ],
    [
      'no skill: declined, nothing dispatched',
      { decision: 'decline', declineReason: '此项需由燃气公司处理。' },
      'declined',
    ],
  ])('RP-2: %s', (_rule, overrides, status) => {
    const { ticket, event } = open(overrides);

    expect(ticket.status).toBe(status);
    expect(ticket).toMatchObject({ id: 'ticket-1', parkId: 'park-1', kind: 'repair', version: 1 });
    expect(ticket.createdAt).toBe(OPENED_AT.toISOString());
    expect(event).toMatchObject({
      seq: 1,
      type: 'repair.opened',
      at: OPENED_AT.toISOString(),
      actor: DISPATCHER,
    });
  });

  it.each<[string, Partial<RepairIntake>, string, string]>([
    [
      'an appointment needs appointmentAt',
      { decision: 'appointment' },
      'REPAIR.APPOINTMENT_REQUIRED',
      'appointmentAt',
    ],
    [
      'an appointment in the past is refused',
      { decision: 'appointment', appointmentAt: '2026-11-27T13:00:00+08:00' },
      'REPAIR.APPOINTMENT_IN_PAST',
      'appointmentAt',
    ],
    [
      'an appointment at the very moment of the call is not in the future',
      { decision: 'appointment', appointmentAt: '2026-11-27T14:00:00+08:00' },
      'REPAIR.APPOINTMENT_IN_PAST',
      'appointmentAt',
    ],
    [
      'a dispatch carries no appointmentAt',
      { decision: 'dispatch', appointmentAt: '2026-11-28T10:00:00+08:00' },
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      'appointmentAt',
    ],
    [
      'a decline carries no appointmentAt',
      {
        decision: 'decline',
        declineReason: '此项需由燃气公司处理。',
        appointmentAt: '2026-11-28T10:00:00+08:00',
      },
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
      'appointmentAt',
    ],
    [
      'a decline needs declineReason, the explanation given to the resident',
      { decision: 'decline' },
      'REPAIR.DECLINE_REASON_REQUIRED',
      'declineReason',
    ],
    [
      'a dispatch carries no declineReason',
      { decision: 'dispatch', declineReason: '无' },
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'declineReason',
    ],
    [
      'an appointment carries no declineReason',
      { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00', declineReason: '无' },
      'REPAIR.DECLINE_REASON_NOT_EXPECTED',
      'declineReason',
    ],
  ])('RP-2: %s', (_rule, overrides, code, field) => {
    const error = thrownBy(() => open(overrides));

    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it.each<[string, Partial<RepairIntake>]>([
    ['dispatched', { decision: 'dispatch' }],
    ['booked', { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }],
  ])("RP-4: a paid service is not %s without the resident's consent", (_outcome, overrides) => {
    const error = thrownBy(() => open({ ...overrides, paidService: { fee: 80, consent: false } }));

    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe('REPAIR.PAID_SERVICE_CONSENT_REQUIRED');
    expect(error.field).toBe('paidService.consent');
  });

  it("RP-4: a paid service with the resident's consent is dispatched and the consent is kept", () => {
    const { ticket } = open({ paidService: { fee: 80, consent: true } });

    expect(ticket.status).toBe('dispatched');
    expect(ticket.paidService).toEqual({ fee: 80, consent: true });
  });

  it('RP-4: a declined paid service needs no consent, since nothing is dispatched', () => {
    const { ticket } = open({
      decision: 'decline',
      declineReason: '此项需由燃气公司处理。',
      paidService: { fee: 80, consent: false },
    });

    expect(ticket.status).toBe('declined');
  });

  it.each<[string, Partial<RepairIntake>]>([
    ['dispatched', { decision: 'dispatch' }],
    ['booked', { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }],
  ])('RP-5: a %s request carries its work-order number', (_outcome, overrides) => {
    expect(open(overrides).ticket.number).toBe(NUMBER);
  });

  it('RP-5: a declined request has no work-order number', () => {
    const { ticket } = open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' });

    expect(ticket).not.toHaveProperty('number');
  });

  it.each<[string, Partial<RepairIntake>, string | undefined]>([
    ['a dispatch without a number', { decision: 'dispatch' }, undefined],
    [
      'a booking without a number',
      { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
      undefined,
    ],
    ['a decline with a number', { decision: 'decline', declineReason: '此项需由燃气公司处理。' }, NUMBER],
  ])('RP-5: %s is a programming error', (_case, overrides, number) => {
    expect(() =>
      openRepair(
        {
          id: 'ticket-1',
          parkId: 'park-1',
          intake: intake(overrides),
          ...(number ? { number } : {}),
        },
        ctxAt(OPENED_AT),
      ),
    ).toThrow(/RP-5/);
  });
});

describe('repairScript: RP-2 and RP-3 wording', () => {
  it('RP-2/RP-3: skill and hands: "我们马上派人去维修。", then content, place and wanted time, then the question', () => {
    expect(open().script).toEqual({
      decision: '我们马上派人去维修。',
      confirmation:
        '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月27日15:00。请问还有什么要求。',
    });
  });

  it('RP-2/RP-3: no hands: "对不起,我们暂时没有人。" with the agreed time, confirmed with that time', () => {
    expect(open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).script).toEqual({
      decision: '对不起,我们暂时没有人。我们约定11月28日10:00上门维修。',
      confirmation:
        '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月28日10:00。请问还有什么要求。',
    });
  });

  it('RP-2/RP-3: no skill: "对不起,我们没有此项服务。" with the explanation, then only the question', () => {
    expect(open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' }).script).toEqual({
      decision: '对不起,我们没有此项服务。此项需由燃气公司处理。',
      confirmation: '请问还有什么要求。',
    });
  });

  it('RP-4: the confirmation of a paid service tells the resident the fee', () => {
    const { script } = open({ paidService: { fee: 80, consent: true } });

    expect(script.confirmation).toBe(
      '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月27日15:00。' +
        '本项为特约有偿服务,费用80元。请问还有什么要求。',
    );
  });

  it('reads the time on the park clock: a UTC instant is told in Asia/Shanghai', () => {
    const script = repairScript(intake({ wantedAt: '2026-11-27T07:00:00Z' }), TZ);

    expect(script.confirmation).toContain('时间:11月27日15:00。');
  });

  it('the opening event keeps the script that was said', () => {
    const { event, script } = open();

    expect(event.type === 'repair.opened' && event.data.script).toEqual(script);
  });
});

describe('repair timers', () => {
  it('a dispatch starts ack-30m, due 30 minutes after the call', () => {
    expect(open().ticket.timers).toEqual({
      'ack-30m': { dueAt: '2026-11-27T06:30:00.000Z', state: 'pending' },
    });
  });

  it('a booking starts appointment-reminder, due one hour before the appointment', () => {
    const { ticket } = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' });

    expect(ticket.timers).toEqual({
      'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' },
    });
  });

  it('a booking less than an hour ahead is reminded at once, never before the call', () => {
    const { ticket } = open({ decision: 'appointment', appointmentAt: '2026-11-27T14:20:00+08:00' });

    expect(ticket.timers).toEqual({
      'appointment-reminder': { dueAt: OPENED_AT.toISOString(), state: 'pending' },
    });
  });

  it('a decline starts no timer', () => {
    expect(open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' }).ticket.timers).toEqual({});
  });

  it('acknowledging in time meets ack-30m; completing and closing leave it met', () => {
    // Prepare
    const dispatched = open().ticket;
    const ackAt = minutesAfter(OPENED_AT, 12);

    // Act
    const assigned = step(dispatched, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 2));
    const acknowledged = step(assigned, { type: 'acknowledge' }, ackAt);
    const completed = step(
      acknowledged,
      { type: 'complete', serviceSlip: SLIP },
      minutesAfter(OPENED_AT, 80),
    );
    const closed = step(completed, { type: 'close' }, minutesAfter(OPENED_AT, 120));

    // Assess
    expect(assigned.timers['ack-30m']?.state).toBe('pending');
    const met = { dueAt: '2026-11-27T06:30:00.000Z', state: 'met', settledAt: ackAt.toISOString() };
    expect(acknowledged.timers['ack-30m']).toEqual(met);
    expect(completed.timers['ack-30m']).toEqual(met);
    expect(closed.timers['ack-30m']).toEqual(met);
    expect(closed.status).toBe('closed');
  });

  it('acknowledging does not settle the appointment reminder; completing cancels it', () => {
    // Prepare
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).ticket;
    const doneAt = minutesAfter(OPENED_AT, 60);

    // Act
    const assigned = step(booked, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 5));
    const acknowledged = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 10));
    const completed = step(acknowledged, { type: 'complete', serviceSlip: SLIP }, doneAt);

    // Assess
    expect(acknowledged.timers['appointment-reminder']?.state).toBe('pending');
    expect(completed.timers['appointment-reminder']).toEqual({
      dueAt: '2026-11-28T01:00:00.000Z',
      state: 'cancelled',
      settledAt: doneAt.toISOString(),
    });
  });

  it('closing cancels any timer still pending', () => {
    const completedWithPending: RepairTicket = {
      ...inStatus('completed'),
      timers: { 'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' } },
    };
    const closeAt = minutesAfter(OPENED_AT, 30);

    const closed = step(completedWithPending, { type: 'close' }, closeAt);

    expect(closed.timers['appointment-reminder']).toMatchObject({
      state: 'cancelled',
      settledAt: closeAt.toISOString(),
    });
  });

  it('ack-30m firing marks it missed, and a late acknowledgement does not turn it into met', () => {
    // Prepare
    const dispatched = open().ticket;
    const firedAt = minutesAfter(OPENED_AT, 30);

    // Act
    const fired = record(dispatched, repairTimerDue(dispatched, 'ack-30m', ctxAt(firedAt))!, firedAt);
    const assigned = step(fired, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 35));
    const acknowledged = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 40));

    // Assess
    const missed = { dueAt: '2026-11-27T06:30:00.000Z', state: 'missed', settledAt: firedAt.toISOString() };
    expect(fired.timers['ack-30m']).toEqual(missed);
    expect(fired.status).toBe('dispatched');
    expect(acknowledged.timers['ack-30m']).toEqual(missed);
  });

  it('the appointment reminder firing marks it fired', () => {
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).ticket;
    const due = new Date('2026-11-28T01:00:00.000Z');

    const fired = record(booked, repairTimerDue(booked, 'appointment-reminder', ctxAt(due))!, due);

    expect(fired.timers['appointment-reminder']).toEqual({
      dueAt: '2026-11-28T01:00:00.000Z',
      state: 'fired',
      settledAt: due.toISOString(),
    });
  });
});

describe('repairTimerDue', () => {
  it('ack-30m: nothing at 29:59 after the call', () => {
    expect(repairTimerDue(open().ticket, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 29, 59)))).toBeUndefined();
  });

  it('ack-30m: fires at 30:00 after the call, with its due time', () => {
    expect(repairTimerDue(open().ticket, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 30)))).toEqual({
      type: 'timer.fired',
      data: { timer: 'ack-30m', dueAt: '2026-11-27T06:30:00.000Z' },
    });
  });

  it('ack-30m: a late delivery still fires', () => {
    expect(repairTimerDue(open().ticket, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 95)))?.type).toBe(
      'timer.fired',
    );
  });

  it('a duplicate delivery gives nothing the second time', () => {
    // Prepare
    const dispatched = open().ticket;
    const at = minutesAfter(OPENED_AT, 30);
    const fired = record(dispatched, repairTimerDue(dispatched, 'ack-30m', ctxAt(at))!, at);

    // Act
    const again = repairTimerDue(fired, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 31)));

    // Assess
    expect(again).toBeUndefined();
  });

  it('ack-30m: nothing once the technician acknowledged (deadline met)', () => {
    const assigned = step(open().ticket, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 1));
    const acknowledged = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 10));

    expect(repairTimerDue(acknowledged, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 30)))).toBeUndefined();
  });

  it('appointment-reminder: nothing once the repair is completed (timer cancelled)', () => {
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' }).ticket;
    const completed = step(
      { ...booked, status: 'acknowledged' },
      { type: 'complete', serviceSlip: SLIP },
      minutesAfter(OPENED_AT, 30),
    );

    expect(
      repairTimerDue(completed, 'appointment-reminder', ctxAt(new Date('2026-11-28T01:00:00.000Z'))),
    ).toBeUndefined();
  });

  it('nothing for a timer the ticket does not have', () => {
    const declined = open({ decision: 'decline', declineReason: '此项需由燃气公司处理。' }).ticket;

    expect(repairTimerDue(declined, 'ack-30m', ctxAt(minutesAfter(OPENED_AT, 30)))).toBeUndefined();
    expect(
      repairTimerDue(open().ticket, 'appointment-reminder', ctxAt(minutesAfter(OPENED_AT, 600))),
    ).toBeUndefined();
  });
});

describe('applyRepairEvent', () => {
  it('the opening event folds to the same ticket openRepair returns (the stored projection)', () => {
    const { ticket, event } = open({ paidService: { fee: 80, consent: true } });

    expect(applyRepairEvent(undefined, event, { id: 'ticket-1', parkId: 'park-1' })).toEqual(ticket);
    expect(ticket).not.toHaveProperty('script');
  });

  it('refuses an opening event without the ticket id and park, and a later event without a ticket', () => {
    const { ticket, event } = open();
    const acknowledged: RepairEvent = {
      seq: 2,
      type: 'ticket.acknowledged',
      at: ticket.createdAt,
      actor: DISPATCHER,
      data: {},
    };

    expect(() => applyRepairEvent(undefined, event)).toThrow(/id and park/);
    expect(() => applyRepairEvent(undefined, acknowledged)).toThrow(/existing ticket/);
  });

  it('every event bumps the version to its seq and stamps updatedAt', () => {
    const ticket = open().ticket;
    const at = minutesAfter(OPENED_AT, 3);

    const assigned = step(ticket, assignTo(TECHNICIAN), at);

    expect(assigned).toMatchObject({
      version: 2,
      updatedAt: at.toISOString(),
      createdAt: OPENED_AT.toISOString(),
    });
  });
});

describe('RP-2: times that are not times', () => {
  it('an appointmentAt that does not parse is a rule violation naming the field, not a crash', () => {
    expect(() => open({ decision: 'appointment', appointmentAt: 'tomorrow' })).toThrow(
      expect.objectContaining({ code: 'REPAIR.INVALID_TIME', field: 'appointmentAt' }),
    );
  });
});

describe('received repairs: taken down now, RP-2 decided later (ADR 006)', () => {
  const DISPATCHER_STAFF: StaffMember = {
    ...TECHNICIAN,
    id: 'dispatcher-1',
    name: '陈静',
    roles: ['dispatcher'],
    department: 'customer-service',
    phone: '+8613900000001',
  };
  const DUTY_OFFICER: StaffMember = {
    ...DISPATCHER_STAFF,
    id: 'duty-officer-1',
    name: '刘洋',
    roles: ['duty-officer'],
  };
  const PARK = {
    id: 'park-1',
    companyId: 'co-1',
    name: '翠湖园',
    timeZone: TZ,
    officeOpens: '08:30',
    officeCloses: '17:30',
    smsSignature: '【翠湖物业】',
  };

  /** Opens a request without a decision, as the IVR does: wanted "now", with its R number. */
  function receive(overrides: Partial<RepairIntake> = {}) {
    const { decision: _none, ...rest } = intake({ wantedAt: OPENED_AT.toISOString(), ...overrides });
    return openRepair({ id: 'ticket-1', parkId: 'park-1', intake: rest, number: NUMBER }, ctxAt(OPENED_AT));
  }

  it('RP-2: without a decision the request is received: numbered, no decision, no clock running yet', () => {
    const { ticket, event } = receive();

    expect(ticket).toMatchObject({ status: 'received', number: NUMBER, timers: {} });
    expect(ticket).not.toHaveProperty('decision');
    expect(event.type === 'repair.opened' && event.data.number).toBe(NUMBER);
  });

  it('RP-3: the caller hears the request taken down and content, place and "尽快" confirmed, then the question', () => {
    expect(receive().script).toEqual({
      decision: '您的报修已登记,我们与工程部确认后尽快给您答复。',
      confirmation: '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:尽快。请问还有什么要求。',
    });
  });

  it('RP-3: a wanted time in the future is read out on the park clock', () => {
    expect(receive({ wantedAt: '2026-11-27T18:00:00+08:00' }).script.confirmation).toContain(
      '时间:11月27日18:00。',
    );
  });

  it('ADR 006: a received request must take an R number (the caller is told it), like a work order', () => {
    const { decision: _none, ...rest } = intake();
    expect(() => openRepair({ id: 't', parkId: 'park-1', intake: rest }, ctxAt(OPENED_AT))).toThrow(/RP-5/);
  });

  it.each<[string, Partial<RepairIntake>, string]>([
    ['appointmentAt', { appointmentAt: '2026-11-28T10:00:00+08:00' }, 'REPAIR.APPOINTMENT_NOT_EXPECTED'],
    ['declineReason', { declineReason: '无' }, 'REPAIR.DECLINE_REASON_NOT_EXPECTED'],
  ])('RP-2: a received request carries no %s (it belongs to a decision)', (field, overrides, code) => {
    expect(thrownBy(() => receive(overrides))).toMatchObject({ code, field });
  });

  it.each<[RepairStatus, Command, Record<string, unknown>]>([
    [
      'dispatched',
      { type: 'decide', decision: 'dispatch' },
      { 'ack-30m': { dueAt: '2026-11-27T06:50:00.000Z', state: 'pending' } },
    ],
    [
      'booked',
      { type: 'decide', decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
      { 'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' } },
    ],
    ['declined', { type: 'decide', decision: 'decline', declineReason: '此项需由燃气公司处理。' }, {}],
  ])(
    'RP-2: decide → %s; the clock starts at the decision, 20 minutes after the call',
    (status, command, timers) => {
      // Prepare
      const received = receive().ticket;
      const decidedAt = minutesAfter(OPENED_AT, 20);

      // Act
      const draft = decideRepair(received, command, ctxAt(decidedAt));
      const decided = record(received, draft, decidedAt);

      // Assess
      expect(decided.status).toBe(status);
      expect(decided.timers).toEqual(timers);
      expect(decided.number).toBe(NUMBER);
      expect(decided.decision).toBe((command as { decision: string }).decision);
      expect(draft.type).toBe('repair.decided');
    },
  );

  it('RP-2: the decided event keeps the sentences the dispatcher says when calling back', () => {
    const draft = decideRepair(
      receive().ticket,
      { type: 'decide', decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
      ctxAt(OPENED_AT),
    );

    expect(draft.type === 'repair.decided' && draft.data.script).toEqual({
      decision: '对不起,我们暂时没有人。我们约定11月28日10:00上门维修。',
      confirmation:
        '跟您确认一下:维修内容:厨房水龙头漏水;地点:3号楼2单元1502;时间:11月28日10:00。请问还有什么要求。',
    });
  });

  it.each<[string, Command, string]>([
    [
      'an appointment needs appointmentAt',
      { type: 'decide', decision: 'appointment' },
      'REPAIR.APPOINTMENT_REQUIRED',
    ],
    [
      'an appointment before the decision is refused',
      { type: 'decide', decision: 'appointment', appointmentAt: '2026-11-27T14:10:00+08:00' },
      'REPAIR.APPOINTMENT_IN_PAST',
    ],
    ['a decline needs its reason', { type: 'decide', decision: 'decline' }, 'REPAIR.DECLINE_REASON_REQUIRED'],
    [
      'a dispatch carries no appointmentAt',
      { type: 'decide', decision: 'dispatch', appointmentAt: '2026-11-28T10:00:00+08:00' },
      'REPAIR.APPOINTMENT_NOT_EXPECTED',
    ],
  ])('RP-2 at decide: %s', (_rule, command, code) => {
    const error = thrownBy(() => decideRepair(receive().ticket, command, ctxAt(minutesAfter(OPENED_AT, 20))));

    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe(code);
  });

  it('RP-4 at decide: a paid service recorded at reception without consent is not dispatched', () => {
    const received = receive({ paidService: { fee: 80, consent: false } }).ticket;

    const error = thrownBy(() =>
      decideRepair(received, { type: 'decide', decision: 'dispatch' }, ctxAt(OPENED_AT)),
    );

    expect(error.code).toBe('REPAIR.PAID_SERVICE_CONSENT_REQUIRED');
  });

  it('RP-4 at decide: the consent given when deciding is recorded and the fee is in the confirmation', () => {
    const received = receive({ paidService: { fee: 80, consent: false } }).ticket;

    const draft = decideRepair(
      received,
      { type: 'decide', decision: 'dispatch', paidService: { fee: 80, consent: true } },
      ctxAt(OPENED_AT),
    );
    const decided = record(received, draft, OPENED_AT);

    expect(decided.paidService).toEqual({ fee: 80, consent: true });
    expect(draft.type === 'repair.decided' && draft.data.script.confirmation).toContain(
      '本项为特约有偿服务,费用80元。',
    );
  });

  it('a decided repair cannot be decided again', () => {
    const dispatched = step(receive().ticket, { type: 'decide', decision: 'dispatch' }, OPENED_AT);

    expect(
      thrownBy(() => decideRepair(dispatched, { type: 'decide', decision: 'dispatch' }, ctxAt(OPENED_AT))),
    ).toBeInstanceOf(IllegalTransition);
  });

  it('the dispatcher is told of a received repair by SMS; the duty officer when no dispatcher is listed', () => {
    const { ticket, event } = receive({ source: { channel: 'ivr-twilio', callId: 'CA1' } });

    const withDispatcher = receivedRepairNotifications(
      event,
      ticket,
      [TECHNICIAN, DISPATCHER_STAFF, DUTY_OFFICER],
      PARK,
    );
    const withoutDispatcher = receivedRepairNotifications(event, ticket, [TECHNICIAN, DUTY_OFFICER], PARK);

    expect(withDispatcher).toEqual([
      {
        to: DISPATCHER_STAFF,
        purpose: 'received',
        text: '【翠湖物业】新电话报修R20261127-001待定:3-2-1502 厨房水龙头漏水,请确认派工。',
      },
    ]);
    expect(withoutDispatcher.map((n) => n.to.id)).toEqual(['duty-officer-1']);
    expect(withDispatcher[0]!.text.length).toBeLessThanOrEqual(70);
  });

  it('a repair opened with its decision sends no "received" SMS', () => {
    const { ticket, event } = open();

    expect(receivedRepairNotifications(event, ticket, [DISPATCHER_STAFF], PARK)).toEqual([]);
  });
});

describe('review: who is texted and what the texts and scripts say', () => {
  const person = (id: string, name: string, roles: StaffMember['roles'], phone: string): StaffMember => ({
    ...TECHNICIAN,
    id,
    name,
    roles,
    department: roles.includes('technician') ? 'engineering' : 'customer-service',
    phone,
  });
  const DISPATCHER_1 = person('dispatcher-1', '陈静', ['dispatcher'], '+8613900000001');
  const DUTY_1 = person('duty-officer-1', '刘洋', ['duty-officer'], '+8613900000002');
  const TECH_2 = person('technician-2', '李强', ['technician'], '+8613900000008');
  const STAFF = [DISPATCHER_1, DUTY_1, TECHNICIAN, TECH_2, REPAIR_LEAD];
  const PARK = {
    id: 'park-1',
    companyId: 'co-1',
    name: '翠湖园',
    timeZone: TZ,
    officeOpens: '08:30',
    officeCloses: '17:30',
    smsSignature: '【翠湖物业】',
  };
  /** 02:00 in the park: outside office hours, the duty officer holds the desk (篇4 2). */
  const NIGHT = new Date('2026-11-27T18:00:00.000Z');

  function receivedAt(at: Date, overrides: Partial<RepairIntake> = {}) {
    const { decision: _none, ...rest } = intake({ wantedAt: at.toISOString(), ...overrides });
    return openRepair({ id: 'ticket-1', parkId: 'park-1', intake: rest, number: NUMBER }, ctxAt(at));
  }

  function fired(ticket: RepairTicket, timer: string): RepairEvent {
    const dueAt = ticket.timers[timer]?.dueAt ?? '';
    return {
      seq: ticket.version + 1,
      type: 'timer.fired',
      at: dueAt,
      actor: DISPATCHER,
      data: { timer, dueAt },
    };
  }

  it('a repair received at night is texted to the duty officer on shift, not the dispatcher at home', () => {
    const { ticket, event } = receivedAt(NIGHT, { source: { channel: 'ivr-twilio', callId: 'CA1' } });

    const sent = receivedRepairNotifications(event, ticket, STAFF, PARK);

    expect(sent.map((n) => n.to.id)).toEqual(['duty-officer-1']);
  });

  it('an unassigned booking reminded before office hours goes to the duty officer on shift', () => {
    // Booked at 14:00 for 07:30 the next morning: reminded at 06:30, before the office opens.
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T07:30:00+08:00' }).ticket;

    const sent = repairNotifications(fired(booked, 'appointment-reminder'), booked, STAFF, PARK);

    expect(sent.map((n) => n.to.id)).toEqual(['duty-officer-1']);
  });

  it('ack-30m with nobody assigned also tells the desk, the only one who may assign (access: repair.assign)', () => {
    const dispatched = open().ticket;

    const sent = repairNotifications(fired(dispatched, 'ack-30m'), dispatched, STAFF, PARK);

    expect(sent.map((n) => n.to.id).sort()).toEqual(['dispatcher-1', 'repair-lead-1']);
  });

  it('a reassignment tells the technician taken off the job not to go', () => {
    const first = step(open().ticket, assignTo(TECHNICIAN), OPENED_AT);
    const acknowledged = step(first, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 5));
    const draft = decideRepair(acknowledged, assignTo(TECH_2), ctxAt(OPENED_AT, STAFF));
    const event = {
      ...draft,
      seq: acknowledged.version + 1,
      at: OPENED_AT.toISOString(),
      actor: DISPATCHER,
    } as RepairEvent;
    const reassigned = applyRepairEvent(acknowledged, event);

    const sent = repairNotifications(event, reassigned, STAFF, PARK);

    expect(sent.map((n) => [n.to.id, n.purpose])).toEqual([
      ['technician-2', 'assigned'],
      ['technician-1', 'unassigned'],
    ]);
    expect(sent[1]?.text).toBe(
      '【翠湖物业】派工单R20261127-001已改派李强,您无需前往:3-2-1502 厨房水龙头漏水。',
    );
  });

  it('a phone repair ("as soon as possible") decided hours later: the technician and the resident hear 尽快, not the call time', () => {
    const received = receivedAt(NIGHT).ticket;
    const morning = new Date('2026-11-28T00:40:00.000Z');
    const draft = decideRepair(received, { type: 'decide', decision: 'dispatch' }, ctxAt(morning));
    const dispatched = record(received, draft, morning);
    const assign = decideRepair(dispatched, assignTo(TECHNICIAN), ctxAt(morning, STAFF));
    const event = {
      ...assign,
      seq: dispatched.version + 1,
      at: morning.toISOString(),
      actor: DISPATCHER,
    } as RepairEvent;

    const [sms] = repairNotifications(event, applyRepairEvent(dispatched, event), STAFF, PARK);

    expect(draft.type === 'repair.decided' && draft.data.script.confirmation).toContain('时间:尽快。');
    expect(sms?.text).toBe('【翠湖物业】派工单R20261127-001:3-2-1502 厨房水龙头漏水,时间尽快,请尽快接单。');
  });

  it('RP-4: a paid service taken down before RP-2 is decided: the resident is told the fee at once', () => {
    const { script } = receivedAt(OPENED_AT, { paidService: { fee: 80, consent: false } });

    expect(script.confirmation).toContain('本项为特约有偿服务,费用80元。');
  });

  it('RP-4: the technician sent on a paid service is told the fee to collect', () => {
    const paid = open({ paidService: { fee: 80, consent: true } }).ticket;
    const draft = decideRepair(paid, assignTo(TECHNICIAN), ctxAt(OPENED_AT, STAFF));
    const event = {
      ...draft,
      seq: paid.version + 1,
      at: OPENED_AT.toISOString(),
      actor: DISPATCHER,
    } as RepairEvent;

    const [sms] = repairNotifications(event, applyRepairEvent(paid, event), STAFF, PARK);

    expect(sms?.text).toContain('有偿80元');
    expect(sms?.text.length).toBeLessThanOrEqual(70);
  });

  it('RP-4: a "paid" service of 0 yuan is refused (there is no fee to tell the resident of)', () => {
    const error = thrownBy(() => open({ paidService: { fee: 0, consent: true } }));

    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.field).toBe('paidService.fee');
  });
});

describe('RP-2 dispatch, reassigned: the new technician has 30 minutes of their own', () => {
  it('reassigning a dispatched job re-arms ack-30m from the reassignment; the first assignment does not', () => {
    const LI: StaffMember = { ...TECHNICIAN, id: 'technician-2', name: '李强' };
    const assigned = step(open().ticket, assignTo(TECHNICIAN), minutesAfter(OPENED_AT, 5));
    expect(assigned.timers['ack-30m']).toEqual({
      dueAt: minutesAfter(OPENED_AT, 30).toISOString(),
      state: 'pending',
    });

    const reassigned = step(assigned, assignTo(LI), minutesAfter(OPENED_AT, 20), [...DIRECTORY, LI]);
    expect(reassigned.timers['ack-30m']).toEqual({
      dueAt: minutesAfter(OPENED_AT, 50).toISOString(),
      state: 'pending',
    });

    // Even after the first technician acknowledged (the clock was met), a new one starts again.
    const acked = step(assigned, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 10));
    const handedOn = step(acked, assignTo(LI), minutesAfter(OPENED_AT, 60), [...DIRECTORY, LI]);
    expect(handedOn.timers['ack-30m']).toEqual({
      dueAt: minutesAfter(OPENED_AT, 90).toISOString(),
      state: 'pending',
    });
  });
});
