/** Opening a repair: RP-2 and RP-4 at once, RP-5's work-order number, or taken down as received (ADR 006). */
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../shared/domain/errors';
import { openRepair, type RepairIntake, type RepairStatus } from '../../../shared/domain/repair';
import { thrownBy } from '../../support/fixtures';
import { ctxAt, DISPATCHER, intake, NUMBER, open, OPENED_AT, receive } from './driver';

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

describe('received repairs: taken down now, RP-2 decided later (ADR 006)', () => {
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
});
