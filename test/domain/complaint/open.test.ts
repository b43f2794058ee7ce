/**
 * Opening a complaint into the register (DS-1, CH-2, CH-3, CH-11): graded at the desk or left for
 * the dispatcher from the phone, and what opening refuses.
 */
import { describe, expect, it } from 'vitest';
import { allowedComplaintCommands, complaintRules } from '../../../shared/domain/complaint';
import { RuleViolation } from '../../../shared/domain/errors';
import { thrownBy } from '../../support/fixtures';
import { intake, OPENED, open, phoneIntake } from './driver';

describe('intake (DS-1, CH-2, CH-3)', () => {
  it('CH-3: a graded complaint records the register’s fields and is handed off at once', () => {
    const { ticket, events } = open(intake(), OPENED);
    expect(ticket).toMatchObject({
      kind: 'complaint',
      number: 'C20261127-001',
      status: 'handed-off',
      occurredAt: '2026-11-27T09:40:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运两天无人处理',
      demand: '今天修好',
      caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
      valid: true,
      severity: 'important',
      handedOffAt: OPENED.toISOString(),
      overdue: [],
      missedDeadlines: [],
    });
    expect(events.map((e) => e.type)).toEqual(['complaint.opened']);
  });

  it('CH-2: a complaint from the phone is received ungraded, keeps its source, and waits for the dispatcher', () => {
    const { ticket } = open(phoneIntake(), OPENED);
    expect(ticket.status).toBe('received');
    expect(ticket.valid).toBeUndefined();
    expect(ticket.source).toEqual({
      channel: 'ivr-twilio',
      callId: 'CA123',
      transcript: '电梯停运两天无人处理,今天必须修好',
    });
    expect(allowedComplaintCommands(ticket)).toEqual(['grade']);
  });

  it('CH-9: an invalid complaint keeps its number and is served, without a severity', () => {
    const { ticket } = open(intake({ valid: false, severity: undefined }), OPENED);
    expect(ticket).toMatchObject({ number: 'C20261127-001', valid: false, status: 'handed-off' });
    expect(ticket.severity).toBeUndefined();
    expect(complaintRules.needsNumber(intake({ valid: false }))).toBe(true);
  });

  it.each([
    [
      'CH-2: a severity without the validity call',
      { ...phoneIntake(), severity: 'minor' as const },
      'COMPLAINT.VALIDITY_REQUIRED',
      'valid',
    ],
    [
      'CH-2: ongoing harm without the validity call',
      { ...phoneIntake(), ongoingHarm: true },
      'COMPLAINT.VALIDITY_REQUIRED',
      'valid',
    ],
    [
      'an event later than now',
      intake({ occurredAt: '2026-11-27T12:00:00+08:00' }),
      'COMPLAINT.OCCURRED_IN_FUTURE',
      'occurredAt',
    ],
    [
      'an unreadable time (the phone path is not validated by the HTTP schema)',
      intake({ occurredAt: 'gestern' }),
      'COMPLAINT.INVALID_TIME',
      'occurredAt',
    ],
  ])('refuses %s (422 %s)', (_what, data, code, field) => {
    const error = thrownBy(() => open(data, OPENED));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('refuses an empty description from the phone path (400)', () => {
    const error = thrownBy(() => open({ ...phoneIntake(), description: '  ' }, OPENED));
    expect(error.code).toBe('REQUEST.MISSING_FIELD');
    expect(error.field).toBe('description');
  });
});
