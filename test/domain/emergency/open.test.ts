/** EM-1: opening an emergency, numbered, with the park's procedure as it was then. */
import { describe, expect, it } from 'vitest';
import { type ChainMove, EMERGENCY_CATEGORIES, emergencyTimerDue } from '../../../shared/domain/emergency';
import { RuleViolation } from '../../../shared/domain/errors';
import {
  DISPATCHER,
  IVR,
  min,
  NIGHT,
  NUMBER,
  PARK,
  STAFF,
  Story,
  where,
} from '../../support/emergency-story';
import { ruleContext, thrownBy } from '../../support/fixtures';

describe('EM-1: opening an emergency', () => {
  it.each(EMERGENCY_CATEGORIES)(
    'EM-1: a "%s" emergency opens numbered in the E register, escalating',
    (category) => {
      const { ticket } = new Story({ category });
      expect(ticket).toMatchObject({
        kind: 'emergency',
        number: NUMBER,
        status: 'escalating',
        category,
        version: 1,
      });
    },
  );

  it('EM-1: anything else is refused with 422 EMERGENCY.CATEGORY', () => {
    const error = thrownBy(() => new Story({ category: 'flood' as never }));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ code: 'EMERGENCY.CATEGORY', field: 'category' });
  });

  it('keeps the caller and the phone call it came from (IVR source)', () => {
    const source = { channel: 'ivr-twilio' as const, callId: 'CA123', transcript: '车库着火了' };
    const caller = { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' };
    const { ticket } = new Story({ source, caller }, NIGHT, IVR);
    expect(ticket.source).toEqual(source);
    expect(ticket.caller).toEqual(caller);
  });

  it('EM-2/DS-3: the first level (office manager) is told at once; its timer waits 5 minutes', () => {
    const { ticket } = new Story();
    expect(ticket.chain.step).toMatchObject({
      round: 1,
      level: 1,
      role: 'office-manager',
      timer: 'escalate-r1-L1',
    });
    expect(ticket.chain.step?.recipients).toEqual([{ staffId: 'office-manager-1', name: '林涛' }]);
    expect(ticket.chain.notified).toEqual(['office-manager-1']);
    expect(ticket.timers).toEqual({
      'escalate-r1-L1': { dueAt: min(NIGHT, 5).toISOString(), state: 'pending' },
      // EM-3 follow-through (issue 11 item 16): responders not there in 15 minutes are named.
      'scene-due': { dueAt: min(NIGHT, 15).toISOString(), state: 'pending' },
    });
  });

  it('the park’s chain, waits and rounds are read when the emergency opens', () => {
    const park = { ...PARK, emergency: { chain: [{ role: 'gm' as const, waitMinutes: 2 }], rounds: 1 } };
    const { ticket } = new Story({}, NIGHT, DISPATCHER, STAFF, park);
    expect(ticket.chain).toMatchObject({ levels: [{ role: 'gm', waitMinutes: 2 }], rounds: 1 });
    expect(ticket.timers['escalate-r1-L1']?.dueAt).toBe(min(NIGHT, 2).toISOString());
  });

  it('a park that changes its settings later does not change an emergency already open', () => {
    const story = new Story();
    const changed = { ...PARK, emergency: { chain: [{ role: 'supervisor' as const, waitMinutes: 1 }] } };
    const draft = emergencyTimerDue(
      story.ticket,
      'escalate-r1-L1',
      ruleContext(min(NIGHT, 5), DISPATCHER, changed, STAFF),
    );
    expect(draft?.type).toBe('emergency.escalated');
    expect(where((draft!.data as { move: ChainMove }).move)).toBe('r1-L2 deputy-gm deputy-gm-1');
  });
});
