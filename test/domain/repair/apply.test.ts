/** Folding a repair's events into the ticket: the stored projection. */
import { describe, expect, it } from 'vitest';
import { applyRepairEvent, type RepairEvent } from '../../../shared/domain/repair';
import { assignTo, DISPATCHER, minutesAfter, open, OPENED_AT, step, TECHNICIAN } from './driver';

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
