/** EM-5: a leader's instruction, its person, its due time. */
import { describe, it } from 'vitest';
import { Forbidden, NotFound, RuleViolation } from '../../../shared/domain/errors';
import { expectRefusal, min, NIGHT, type RefusalCase, TECH } from '../../support/emergency-story';

describe('commands and their refusals', () => {
  const cases: RefusalCase[] = [
    [
      'EM-5: an instruction for somebody unknown → 404',
      (s) =>
        s.run(
          { type: 'instructions', from: '郑华', to: 'x', text: '疏散', dueAt: min(NIGHT, 30).toISOString() },
          NIGHT,
        ),
      NotFound,
      /x/,
    ],
    [
      'EM-5: an instruction due in the past → 422',
      (s) =>
        s.run(
          {
            type: 'instructions',
            from: '郑华',
            to: 'security-captain-1',
            text: '疏散',
            dueAt: min(NIGHT, -1).toISOString(),
          },
          NIGHT,
        ),
      RuleViolation,
      /EM-5/,
    ],
    [
      'EM-5: done for an instruction that does not exist → 404',
      (s) => s.run({ type: 'instruction-done', number: 3, result: '已完成' }, NIGHT),
      NotFound,
      /#3/,
    ],
    [
      'EM-5: somebody else’s instruction may not be reported done by field staff',
      (s) => {
        s.run(
          {
            type: 'instructions',
            from: '郑华',
            to: 'security-captain-1',
            text: '疏散B区住户',
            dueAt: min(NIGHT, 30).toISOString(),
          },
          NIGHT,
        );
        s.run({ type: 'instruction-done', number: 1, result: '已完成' }, NIGHT, TECH);
      },
      Forbidden,
      /朱斌/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => expectRefusal(act, type, message));
});
