/**
 * Grading (CH-1 severity, CH-2 validity, CH-3 whom it is about, CH-9): what a grading needs, and
 * grading a complaint received ungraded, which hands it off.
 */
import { describe, expect, it } from 'vitest';
import { NotFound, RuleViolation } from '../../../shared/domain/errors';
import { thrownBy } from '../../support/fixtures';
import { intake, minutes, OPENED, open, phoneIntake, run } from './driver';

describe('intake (DS-1, CH-2, CH-3)', () => {
  it('CH-3: a complaint about a person records the person and their department', () => {
    const { ticket } = open(intake({ about: { staffId: 'security-guard-1' } }), OPENED);
    expect(ticket.about).toEqual({ department: 'security', staffId: 'security-guard-1', staffName: '孙鹏' });
  });

  it('CH-2: grading hands it off; the reception clock is met and the hand-off clocks start', () => {
    let story = open(phoneIntake(), OPENED);
    story = run(
      story,
      {
        type: 'grade',
        valid: true,
        severity: 'important',
        about: { department: 'engineering' },
        demand: '今天修好',
      },
      minutes(OPENED, 6),
    );
    expect(story.ticket).toMatchObject({
      status: 'handed-off',
      valid: true,
      severity: 'important',
      demand: '今天修好',
    });
    expect(story.ticket.timers['grade-10m']?.state).toBe('met');
    // The supervisor's 30 minutes count from reception (CH-5), the signature's 10 from the hand-off (CH-4).
    expect(story.ticket.timers['supervisor-30m']?.dueAt).toBe(minutes(OPENED, 30).toISOString());
    expect(story.ticket.timers['handoff-10m']?.dueAt).toBe(minutes(OPENED, 16).toISOString());
  });

  it.each([
    [
      'CH-1: valid without a severity',
      intake({ severity: undefined }),
      'COMPLAINT.SEVERITY_REQUIRED',
      'severity',
    ],
    [
      'CH-2/CH-9: invalid with a severity',
      intake({ valid: false }),
      'COMPLAINT.SEVERITY_NOT_EXPECTED',
      'severity',
    ],
    [
      'CH-4: graded without whom it is about',
      intake({ about: undefined }),
      'COMPLAINT.ABOUT_REQUIRED',
      'about',
    ],
    [
      'a resident deadline already past',
      intake({ residentDeadline: '2026-11-27T09:00:00+08:00' }),
      'COMPLAINT.DEADLINE_IN_PAST',
      'residentDeadline',
    ],
  ])('refuses %s (422 %s)', (_what, data, code, field) => {
    const error = thrownBy(() => open(data, OPENED));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe(code);
    expect(error.field).toBe(field);
  });

  it('refuses a person complained about who is not in the directory (404, about.staffId)', () => {
    const error = thrownBy(() => open(intake({ about: { staffId: 'nobody-9' } }), OPENED));
    expect(error).toBeInstanceOf(NotFound);
    expect(error.field).toBe('about.staffId');
  });
});
