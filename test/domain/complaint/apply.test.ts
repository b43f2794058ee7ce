/**
 * Folding the events: what is overdue and what was missed, and replays that give the same ticket
 * (CH-11: the history is the record).
 */
import { describe, expect, it } from 'vitest';
import { complaintRules } from '../../../shared/domain/complaint';
import { actorOf } from '../../support/fixtures';
import { advance, intake, MANAGER, minutes, OPENED, OVERRIDE, open, phoneIntake, run } from './driver';

describe('overdue and timeliness', () => {
  it('overdue lists what is owed past its deadline, and empties as each is done', () => {
    let story = advance(open(intake(), OPENED), minutes(OPENED, 31));
    expect(story.ticket.overdue).toEqual(['report-sheet', 'supervisor']);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 32), actorOf('supervisor-1'));
    expect(story.ticket.overdue).toEqual(['report-sheet']);
    story = run(
      story,
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
      minutes(OPENED, 33),
      MANAGER,
    );
    expect(story.ticket.overdue).toEqual([]);
    expect(story.ticket.missedDeadlines).toEqual(['handoff-10m', 'handoff-L2', 'supervisor-30m']);
  });

  it('a closed complaint owes nothing', () => {
    let story = advance(open(intake(), OPENED), minutes(OPENED, 31));
    story = run(
      story,
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
      minutes(OPENED, 40),
      MANAGER,
    );
    story = advance(story, new Date('2026-11-28T00:00:00+08:00'));
    expect(story.ticket.overdue).toEqual(['callback']);
    story = run(
      story,
      { type: 'service-slip', number: 'FW-1', signedBy: '陈静' },
      new Date('2026-11-28T09:00:00+08:00'),
    );
    story = run(story, { type: 'callback', outcome: 'satisfied' }, new Date('2026-11-28T09:05:00+08:00'));
    expect(story.ticket.status).toBe('closed');
    expect(story.ticket.overdue).toEqual([]);
  });
});

describe('apply depends on the events alone', () => {
  it('folding the stored events again gives the same ticket (CH-11: history is the record)', () => {
    let story = open(phoneIntake(), OPENED);
    story = advance(story, minutes(OPENED, 12));
    story = run(
      story,
      {
        type: 'grade',
        valid: true,
        severity: 'important',
        about: { department: 'engineering' },
        ongoingHarm: true,
      },
      minutes(OPENED, 12),
    );
    story = advance(story, minutes(OPENED, 150));
    story = run(story, { type: 'follow-ups', note: '催促工程部' }, minutes(OPENED, 151));
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 152), actorOf('engineering-manager-1'));
    story = run(
      story,
      { type: 'resolve', confirmedBy: '张伟', via: 'service-slip', ...OVERRIDE },
      minutes(OPENED, 400),
      MANAGER,
    );
    story = advance(story, new Date('2026-11-28T12:00:00+08:00'));

    const [first, ...rest] = story.events;
    let replayed = complaintRules.apply(undefined, first!, { id: 'ticket-1', parkId: 'park-1' });
    for (const event of rest) replayed = complaintRules.apply(replayed, event);
    expect(replayed).toEqual(story.ticket);
  });
});
