/** EM-4: the owner at the desk on opening, the handover, and its acceptance. */
import { describe, expect, it } from 'vitest';
import { nextEmergencyCommands } from '../../../shared/domain/emergency';
import { Forbidden, IllegalTransition, NotFound, RuleViolation } from '../../../shared/domain/errors';
import type { StaffMember } from '../../../shared/domain/park';
import type { Actor } from '../../../shared/domain/ticket';
import {
  actor,
  DAY,
  DISPATCHER,
  DUTY,
  expectRefusal,
  IVR,
  MANAGER,
  min,
  NIGHT,
  type RefusalCase,
  STAFF,
  Story,
  without,
} from '../../support/emergency-story';
import { thrownBy } from '../../support/fixtures';

describe('EM-1: opening an emergency', () => {
  it.each<[string, Actor, Date, StaffMember[], { staffId: string; how: string; accepted: boolean }]>([
    [
      'a dispatcher of the directory owns what they open',
      DISPATCHER,
      NIGHT,
      STAFF,
      { staffId: 'dispatcher-1', how: 'opened', accepted: true },
    ],
    [
      'a manager who opens it owns it',
      MANAGER,
      DAY,
      STAFF,
      { staffId: 'office-manager-1', how: 'opened', accepted: true },
    ],
    [
      'the phone line in office hours → the dispatcher, who must accept',
      IVR,
      DAY,
      STAFF,
      { staffId: 'dispatcher-1', how: 'on-duty', accepted: false },
    ],
    [
      'the phone line at night → the duty officer (非正式班), who must accept',
      IVR,
      NIGHT,
      STAFF,
      { staffId: 'duty-officer-1', how: 'on-duty', accepted: false },
    ],
    [
      'at night with no duty officer → the dispatcher',
      IVR,
      NIGHT,
      without('duty-officer'),
      { staffId: 'dispatcher-1', how: 'on-duty', accepted: false },
    ],
    [
      'nobody at the desk at all → the opener stays owner (never ownerless)',
      IVR,
      NIGHT,
      without('duty-officer', 'dispatcher'),
      { staffId: 'ivr', how: 'opened', accepted: true },
    ],
  ])('EM-4: %s', (_name, who, at, staff, expected) => {
    const { ticket } = new Story({}, at, who, staff);
    expect(ticket.owner).toMatchObject({ staffId: expected.staffId, how: expected.how });
    expect(ticket.owner.acceptedAt !== undefined).toBe(expected.accepted);
  });
});

describe('commands and their refusals', () => {
  const cases: RefusalCase[] = [
    [
      'EM-4: only the owner (or a manager) hands over',
      (s) => s.run({ type: 'hand-over', staffId: 'dispatcher-1' }, NIGHT, DUTY),
      Forbidden,
      /EM-4/,
    ],
    [
      'EM-4: a handover to the owner → 422',
      (s) => s.run({ type: 'hand-over', staffId: 'dispatcher-1' }, NIGHT),
      RuleViolation,
      /owns this emergency already/,
    ],
    [
      'EM-4: a handover to somebody unknown → 404',
      (s) => s.run({ type: 'hand-over', staffId: 'nobody' }, NIGHT),
      NotFound,
      /not in this park/,
    ],
    [
      'EM-4: a handover to field staff, who may not take the desk’s post (nor accept it) → 422',
      (s) => s.run({ type: 'hand-over', staffId: 'technician-1' }, NIGHT),
      RuleViolation,
      /EM-4.*张伟/,
    ],
    [
      'EM-4: only the named successor accepts',
      (s) => {
        s.run({ type: 'hand-over', staffId: 'duty-officer-1' }, NIGHT);
        s.run({ type: 'accept-handover' }, NIGHT, actor('customer-service-1', ['dispatcher']));
      },
      Forbidden,
      /offered to 刘洋/,
    ],
    [
      'EM-4: nothing to accept → 409',
      (s) => s.run({ type: 'accept-handover' }, NIGHT, DUTY),
      IllegalTransition,
      /no handover/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => expectRefusal(act, type, message));

  it('EM-4: the phone line opens it; the duty officer named owner accepts it', () => {
    const story = new Story({}, NIGHT, IVR);
    expect(nextEmergencyCommands(story.ticket)).toContain('accept-handover');
    thrownBy(() => story.run({ type: 'accept-handover' }, NIGHT, DISPATCHER));
    story.run({ type: 'accept-handover' }, min(NIGHT, 1), DUTY);
    expect(story.ticket.owner).toEqual({
      staffId: 'duty-officer-1',
      name: '刘洋',
      acceptedAt: min(NIGHT, 1).toISOString(),
      how: 'on-duty',
    });
  });
});
