/** The repair's lifecycle table (RP-1..RP-5): every status against every command, legal and illegal. */
import { describe, expect, it } from 'vitest';
import { IllegalTransition } from '../../../shared/domain/errors';
import type { StaffMember } from '../../../shared/domain/park';
import {
  decideRepair,
  nextRepairCommands,
  REPAIR_COMMANDS,
  REPAIR_STATUSES,
  REPAIR_TRANSITIONS,
  type RepairCommand,
  type RepairStatus,
} from '../../../shared/domain/repair';
import { thrownBy } from '../../support/fixtures';
import {
  assignTo,
  type Command,
  ctxAt,
  inStatus,
  minutesAfter,
  OPENED_AT,
  SLIP,
  step,
  TECHNICIAN,
} from './driver';

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
    case 'reschedule':
      return { type, appointmentAt: '2026-11-29T10:00:00+08:00', reason: '住户改约' };
    case 'cancel':
    case 'reopen':
      return { type, reason: '住户来电' };
    default:
      return { type };
  }
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
  // Issue 11 item 8: corrections as new entries (CH-11).
  ['received', 'cancel', 'cancelled'],
  ['dispatched', 'cancel', 'cancelled'],
  ['booked', 'cancel', 'cancelled'],
  ['assigned', 'cancel', 'cancelled'],
  ['acknowledged', 'cancel', 'cancelled'],
  ['booked', 'reschedule', 'booked'],
  ['assigned', 'reschedule', 'assigned'],
  ['acknowledged', 'reschedule', 'acknowledged'],
  ['completed', 'reopen', 'dispatched'],
  ['closed', 'reopen', 'dispatched'],
];

/** A booked repair in `status` (a reschedule needs an appointment to move). */
function bookedIn(status: RepairStatus) {
  return {
    ...inStatus(status),
    decision: 'appointment' as const,
    appointmentAt: '2026-11-28T10:00:00+08:00',
  };
}

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

  it('covers all 72 cells between the legal and the illegal list', () => {
    const legalCells = new Set(LEGAL.map(([status, command]) => `${status}/${command}`));
    expect(legalCells.size + ILLEGAL.length).toBe(REPAIR_STATUSES.length * REPAIR_COMMANDS.length);
    expect(legalCells.size).toBe(18);
    expect(ILLEGAL).toHaveLength(54);
  });

  it.each(LEGAL)('lifecycle: a %s repair accepts "%s" and becomes %s', (status, command, next) => {
    // Prepare
    const ticket = command === 'reschedule' ? bookedIn(status) : inStatus(status);

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
    ['received', ['decide', 'cancel']],
    ['dispatched', ['assign', 'cancel']],
    ['booked', ['assign', 'reschedule', 'cancel']],
    ['declined', []],
    ['assigned', ['assign', 'acknowledge', 'reschedule', 'cancel']],
    ['acknowledged', ['assign', 'complete', 'reschedule', 'cancel']],
    ['completed', ['close', 'reopen']],
    ['closed', ['reopen']],
    ['cancelled', []],
  ])('nextRepairCommands: a %s repair accepts %j, in lifecycle order', (status, commands) => {
    expect(nextRepairCommands(status)).toEqual(commands);
  });

  it.each<[RepairStatus, string]>([
    ['dispatched', 'it accepts: assign, cancel'],
    ['declined', 'it accepts no further steps'],
    ['closed', 'it accepts: reopen'],
    ['cancelled', 'it accepts no further steps'],
  ])('an illegal step on a %s repair says what it accepts instead', (status, hint) => {
    expect(
      thrownBy(() => decideRepair(inStatus(status), { type: 'close' }, ctxAt(OPENED_AT))).message,
    ).toContain(hint);
  });
});
