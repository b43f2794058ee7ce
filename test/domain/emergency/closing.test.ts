/** EM-6: closing only with the 管理处负责人's sign-off. */
import { describe, expect, it } from 'vitest';
import { Forbidden, IllegalTransition } from '../../../shared/domain/errors';
import type { Role } from '../../../shared/domain/park';
import {
  DISPATCHER,
  expectRefusal,
  GM,
  MANAGER,
  NIGHT,
  PARK,
  type RefusalCase,
  STAFF,
  Story,
  SUPERVISOR,
} from '../../support/emergency-story';

describe('commands and their refusals', () => {
  const cases: RefusalCase[] = [
    [
      'EM-6: close before sign-off → 409 naming EM-6',
      (s) => s.run({ type: 'close' }, NIGHT),
      IllegalTransition,
      /EM-6/,
    ],
    [
      'EM-6: close after an acknowledgement but before sign-off → 409',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'close' }, NIGHT);
      },
      IllegalTransition,
      /EM-6.*sign-off/,
    ],
    [
      'EM-6: sign-off before anybody acknowledged → 409',
      (s) => s.run({ type: 'sign-off', comment: '同意' }, NIGHT, MANAGER),
      IllegalTransition,
      /sign-off/,
    ],
    [
      'EM-6: a supervisor may not sign off (the park names the office manager)',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'sign-off', comment: '同意' }, NIGHT, SUPERVISOR);
      },
      Forbidden,
      /EM-6.*office-manager/,
    ],
    [
      'EM-6: the GM may not sign off either',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'sign-off', comment: '同意' }, NIGHT, GM);
      },
      Forbidden,
      /EM-6/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => expectRefusal(act, type, message));

  it('EM-6: a park may let the supervisor (管理处负责人 in the original) sign off', () => {
    const park = { ...PARK, emergency: { signOff: ['office-manager', 'supervisor'] as Role[] } };
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, park);
    story.run({ type: 'acknowledge' }, NIGHT, MANAGER);
    story.run({ type: 'sign-off', comment: '同意' }, NIGHT, SUPERVISOR);
    expect(story.ticket.signOff).toMatchObject({ staffId: 'supervisor-1', comment: '同意' });
  });
});
