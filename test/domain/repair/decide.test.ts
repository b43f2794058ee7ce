/** The repair's named deciders: assignment, completion, and RP-2/RP-4 when a received repair is decided (ADR 006). */
import { describe, expect, it } from 'vitest';
import { IllegalTransition, RuleViolation } from '../../../shared/domain/errors';
import { decideRepair, type RepairStatus } from '../../../shared/domain/repair';
import { thrownBy } from '../../support/fixtures';
import {
  assignTo,
  type Command,
  ctxAt,
  GUARD,
  inStatus,
  minutesAfter,
  NUMBER,
  OPENED_AT,
  receive,
  record,
  REPAIR_LEAD,
  SLIP,
  step,
  TECHNICIAN,
} from './driver';

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

/** Issue 11 item 4: the received clocks, met by the decision 20 minutes after the call. */
const RECEIVED_MET = {
  'received-desk': { dueAt: '2026-11-27T06:10:00.000Z', state: 'met', settledAt: '2026-11-27T06:20:00.000Z' },
  'received-manager': {
    dueAt: '2026-11-27T06:30:00.000Z',
    state: 'met',
    settledAt: '2026-11-27T06:20:00.000Z',
  },
};

describe('received repairs: taken down now, RP-2 decided later (ADR 006)', () => {
  it.each<[RepairStatus, Command, Record<string, unknown>]>([
    [
      'dispatched',
      { type: 'decide', decision: 'dispatch' },
      {
        ...RECEIVED_MET,
        'ack-30m': { dueAt: '2026-11-27T06:50:00.000Z', state: 'pending' },
        // Issue 11 item 6: done by the end of the working day (17:30), the manager an hour later.
        'complete-by': { dueAt: '2026-11-27T09:30:00.000Z', state: 'pending' },
        'complete-L2': { dueAt: '2026-11-27T10:30:00.000Z', state: 'pending' },
      },
    ],
    [
      'booked',
      { type: 'decide', decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' },
      {
        ...RECEIVED_MET,
        'appointment-reminder': { dueAt: '2026-11-28T01:00:00.000Z', state: 'pending' },
        // Issue 11 items 5 and 6: the appointment itself, done by the end of the appointment's day.
        'appointment-due': { dueAt: '2026-11-28T02:00:00.000Z', state: 'pending' },
        'complete-by': { dueAt: '2026-11-28T09:30:00.000Z', state: 'pending' },
        'complete-L2': { dueAt: '2026-11-28T10:30:00.000Z', state: 'pending' },
      },
    ],
    [
      'declined',
      { type: 'decide', decision: 'decline', declineReason: '此项需由燃气公司处理。' },
      RECEIVED_MET,
    ],
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
});
