/**
 * The complaint clocks as a pure function of the ticket, its events, the park's calendar and `now`
 * (CH-1, CH-4, CH-5, CH-6, CH-7, CH-8, DS-4, DS-5), table-tested at their boundaries.
 */
import { describe, expect, it } from 'vitest';
import type { ComplaintIntake } from '../../../shared/domain/complaint';
import type { Park } from '../../../shared/domain/park';
import { actorOf } from '../../support/fixtures';
import {
  advance,
  fire,
  intake,
  MANAGER,
  minutes,
  OVERRIDE,
  open,
  PARK,
  phoneIntake,
  run,
  seconds,
} from './driver';

const at = (iso: string) => new Date(iso);
const iso = (text: string) => at(text).toISOString();

/** Monday to Friday offices (the demo park works every day). */
const WEEKDAY_PARK: Park = { ...PARK, workingDays: [1, 2, 3, 4, 5] };
/** A park in a zone with daylight saving. */
const NEW_YORK_PARK: Park = { ...PARK, timeZone: 'America/New_York' };

type Row = [string, Partial<ComplaintIntake>, string, Park, string, string];

describe('due times of the clocks a hand-off starts', () => {
  // [what, grading, opened (= received and handed off), park, timer, due]
  const rows: Row[] = [
    [
      'CH-4 report sheet signed within 10 minutes',
      {},
      '2026-11-27T09:40:00+08:00',
      PARK,
      'handoff-10m',
      '2026-11-27T09:50:00+08:00',
    ],
    [
      'CH-8 stop-harm confirmed within 10 minutes',
      { ongoingHarm: true },
      '2026-11-27T09:40:00+08:00',
      PARK,
      'harm-10m',
      '2026-11-27T09:50:00+08:00',
    ],
    [
      'CH-5 important: supervisor within 30 minutes',
      {},
      '2026-11-27T09:40:00+08:00',
      PARK,
      'supervisor-30m',
      '2026-11-27T10:10:00+08:00',
    ],
    [
      'DS-4 first follow-up 2 hours after the hand-off',
      {},
      '2026-11-27T09:40:00+08:00',
      PARK,
      'follow-up-2h',
      '2026-11-27T11:40:00+08:00',
    ],
    [
      'DS-5 handed off 15:29: second follow-up by today 17:30',
      {},
      '2026-11-27T15:29:00+08:00',
      PARK,
      'follow-up-eod',
      '2026-11-27T17:30:00+08:00',
    ],
    [
      'DS-5 handed off 15:31: first follow-up 17:31 is after closing, so tomorrow 17:30',
      {},
      '2026-11-27T15:31:00+08:00',
      PARK,
      'follow-up-eod',
      '2026-11-28T17:30:00+08:00',
    ],
    [
      'DS-5 after hours (17:29 + 2h): the next working day’s closing',
      {},
      '2026-11-27T17:29:00+08:00',
      PARK,
      'follow-up-eod',
      '2026-11-28T17:30:00+08:00',
    ],
    [
      'DS-5 Friday 16:00, weekday office: Monday 17:30',
      {},
      '2026-11-27T16:00:00+08:00',
      WEEKDAY_PARK,
      'follow-up-eod',
      '2026-11-30T17:30:00+08:00',
    ],
    [
      'CH-5 major at 17:29: the director today, by 17:30',
      { severity: 'major' },
      '2026-11-27T17:29:00+08:00',
      PARK,
      'director-eod',
      '2026-11-27T17:30:00+08:00',
    ],
    [
      'CH-5 major at 17:31: the director by the next closing',
      { severity: 'major' },
      '2026-11-27T17:31:00+08:00',
      PARK,
      'director-eod',
      '2026-11-28T17:30:00+08:00',
    ],
    [
      'CH-5 major on Friday evening, weekday office: Monday 17:30',
      { severity: 'major' },
      '2026-11-27T18:00:00+08:00',
      WEEKDAY_PARK,
      'director-eod',
      '2026-11-30T17:30:00+08:00',
    ],
    [
      'CH-7 major: a clear answer within 2 days',
      { severity: 'major' },
      '2026-11-27T09:40:00+08:00',
      PARK,
      'reply-2d',
      '2026-11-29T09:40:00+08:00',
    ],
    [
      'CH-7 major: resolved within 10 days (across the month end)',
      { severity: 'major' },
      '2026-11-27T09:40:00+08:00',
      PARK,
      'resolve-10d',
      '2026-12-07T09:40:00+08:00',
    ],
    [
      'CH-7 important: done within 3 days',
      {},
      '2026-11-27T09:40:00+08:00',
      PARK,
      'resolve-3d',
      '2026-11-30T09:40:00+08:00',
    ],
    [
      'CH-7 minor: done within 2 days',
      { severity: 'minor' },
      '2026-11-30T10:00:00+08:00',
      PARK,
      'resolve-2d',
      '2026-12-02T10:00:00+08:00',
    ],
    [
      'CH-7 minor: the resident’s deadline, shorter than 2 days',
      { severity: 'minor', residentDeadline: '2026-11-27T18:00:00+08:00' },
      '2026-11-27T09:40:00+08:00',
      PARK,
      'resolve-by-resident',
      '2026-11-27T18:00:00+08:00',
    ],
    [
      'CH-7 minor: the resident’s deadline, longer than 2 days',
      { severity: 'minor', residentDeadline: '2026-12-04T12:00:00+08:00' },
      '2026-11-27T09:40:00+08:00',
      PARK,
      'resolve-by-resident',
      '2026-12-04T12:00:00+08:00',
    ],
    [
      'CH-1 one month unresolved: a plain month',
      {},
      '2026-11-27T09:40:00+08:00',
      PARK,
      'escalate-1m',
      '2026-12-27T09:40:00+08:00',
    ],
    [
      'CH-1 one month from January 31st: February 28th',
      {},
      '2027-01-31T10:00:00+08:00',
      PARK,
      'escalate-1m',
      '2027-02-28T10:00:00+08:00',
    ],
    [
      'CH-7 important in New York across spring forward: 3 days at the same wall time',
      {},
      '2026-03-06T10:00:00-05:00',
      NEW_YORK_PARK,
      'resolve-3d',
      '2026-03-09T10:00:00-04:00',
    ],
    [
      'DS-5 in New York on the spring-forward day: 17:30 EDT',
      {},
      '2026-03-08T11:00:00-04:00',
      NEW_YORK_PARK,
      'follow-up-eod',
      '2026-03-08T17:30:00-04:00',
    ],
  ];

  it.each(rows)('%s', (_what, grading, opened, park, timer, due) => {
    const { ticket } = open(intake({ occurredAt: opened, ...grading }), at(opened), park);
    expect(ticket.timers[timer]).toEqual({ dueAt: iso(due), state: 'pending' });
  });

  it.each([
    ['minor', ['handoff-10m', 'follow-up-2h', 'follow-up-eod', 'resolve-2d', 'escalate-1m']],
    [
      'important',
      ['handoff-10m', 'follow-up-2h', 'follow-up-eod', 'supervisor-30m', 'resolve-3d', 'escalate-1m'],
    ],
    ['major', ['handoff-10m', 'follow-up-2h', 'follow-up-eod', 'director-eod', 'reply-2d', 'resolve-10d']],
  ] as const)('a valid %s complaint starts exactly its clocks', (severity, timers) => {
    const { ticket } = open(intake({ severity }), at('2026-11-27T09:40:00+08:00'));
    expect(Object.keys(ticket.timers).sort()).toEqual([...timers].sort());
  });

  it('CH-9: an invalid complaint is served (hand-off, follow-ups) but runs no severity clock and is never raised', () => {
    const { ticket } = open(intake({ valid: false, severity: undefined }), at('2026-11-27T09:40:00+08:00'));
    expect(Object.keys(ticket.timers).sort()).toEqual(['follow-up-2h', 'follow-up-eod', 'handoff-10m']);
  });
});

describe('firing at the boundary: 9:59 is not yet missed, 10:00 is', () => {
  const opened = at('2026-11-27T09:40:00+08:00');

  it.each([
    ['handoff-10m', 10],
    ['harm-10m', 10],
    ['supervisor-30m', 30],
    ['follow-up-2h', 120],
  ])('%s: nothing at %d minutes less a second, recorded at the minute itself', (timer, after) => {
    const story = open(intake({ ongoingHarm: true }), opened);
    const early = fire(story, timer, seconds(minutes(opened, after), -1));
    expect(early.events).toHaveLength(1);
    const due = fire(story, timer, minutes(opened, after));
    expect(due.events).toHaveLength(2);
    expect(due.ticket.timers[timer]?.state).toBe(timer === 'follow-up-2h' ? 'fired' : 'missed');
  });

  it('CH-2/CH-4: an ungraded complaint from the phone must be graded within 10 minutes of reception', () => {
    const story = open(phoneIntake(), opened);
    expect(story.ticket.status).toBe('received');
    expect(story.ticket.timers).toEqual({
      'grade-10m': { dueAt: iso('2026-11-27T09:50:00+08:00'), state: 'pending' },
    });
    expect(fire(story, 'grade-10m', at('2026-11-27T09:49:59+08:00')).events).toHaveLength(1);
    const missed = fire(story, 'grade-10m', at('2026-11-27T09:50:00+08:00'));
    expect(missed.events.at(-1)?.type).toBe('complaint.escalated');
    expect(missed.ticket.timers['grade-L2']).toEqual({
      dueAt: iso('2026-11-27T10:00:00+08:00'),
      state: 'pending',
    });
  });
});

describe('escalation chains: a miss starts the next rung, a signature stops the chain', () => {
  const opened = at('2026-11-27T09:40:00+08:00');

  it('CH-4: unsigned after 10 minutes → level 2 ten minutes later; signed at 15 → level 2 met, no longer overdue', () => {
    let story = advance(open(intake(), opened), minutes(opened, 10));
    expect(story.ticket.timers['handoff-L2']).toEqual({
      dueAt: iso('2026-11-27T10:00:00+08:00'),
      state: 'pending',
    });
    expect(story.ticket.overdue).toEqual(['report-sheet']);
    story = run(story, { type: 'acknowledge' }, minutes(opened, 15), actorOf('engineering-manager-1'));
    expect(story.ticket.timers['handoff-L2']?.state).toBe('met');
    expect(story.ticket.overdue).toEqual([]);
    // The miss stays on record for the timeliness rate.
    expect(story.ticket.missedDeadlines).toEqual(['handoff-10m']);
  });

  it('CH-5 important: supervisor missed at 30 minutes → deputy GM rung at 60', () => {
    const story = advance(open(intake(), opened), minutes(opened, 30));
    expect(story.ticket.timers['supervisor-30m']?.state).toBe('missed');
    expect(story.ticket.timers['supervisor-L2']).toEqual({
      dueAt: iso('2026-11-27T10:40:00+08:00'),
      state: 'pending',
    });
  });

  it('CH-5 major: the director missed at Friday closing, weekday office → the deputy GM at Monday’s opening', () => {
    const friday = at('2026-11-27T10:00:00+08:00');
    const story = advance(
      open(intake({ severity: 'major' }), friday, WEEKDAY_PARK),
      at('2026-11-27T17:30:00+08:00'),
      WEEKDAY_PARK,
    );
    expect(story.ticket.timers['director-eod']?.state).toBe('missed');
    expect(story.ticket.timers['director-L2']).toEqual({
      dueAt: iso('2026-11-30T08:30:00+08:00'),
      state: 'pending',
    });
  });

  it('a clock fired late still dates the next rung from its own due time, never in the past', () => {
    const story = open(intake(), opened);
    const late = fire(story, 'handoff-10m', minutes(opened, 25));
    // Due 10:00 by the chain; fired at 10:05, so due at once.
    expect(late.ticket.timers['handoff-L2']?.dueAt).toBe(minutes(opened, 25).toISOString());
  });
});

describe('DS-5: the end-of-day check', () => {
  const opened = at('2026-11-27T09:40:00+08:00');
  const eod = at('2026-11-27T17:30:00+08:00');

  it('met as soon as two follow-ups are on record and the department has signed', () => {
    let story = open(intake(), opened);
    story = run(story, { type: 'acknowledge' }, minutes(opened, 5), actorOf('engineering-manager-1'));
    story = run(story, { type: 'follow-ups', note: '已派张伟查看' }, minutes(opened, 120));
    expect(story.ticket.timers['follow-up-eod']?.state).toBe('pending');
    story = run(story, { type: 'follow-ups', note: '配件已到,下午修复' }, minutes(opened, 300));
    expect(story.ticket.timers['follow-up-eod']?.state).toBe('met');
  });

  it.each([
    [0, false, ['second-follow-up-missing', 'nothing-arranged']],
    [2, false, ['nothing-arranged']],
    [1, true, ['second-follow-up-missing']],
  ] as const)('%d follow-ups, signed %s → escalated at closing with %j', (followUps, signed, reasons) => {
    let story = open(intake(), opened);
    if (signed)
      story = run(story, { type: 'acknowledge' }, minutes(opened, 5), actorOf('engineering-manager-1'));
    for (let i = 0; i < followUps; i++)
      story = run(story, { type: 'follow-ups', note: `跟进${i + 1}` }, minutes(opened, 130 + i));
    story = fire(story, 'follow-up-eod', eod);
    const last = story.events.at(-1);
    expect(last?.type).toBe('complaint.escalated');
    expect(last?.data).toMatchObject({ timer: 'follow-up-eod', reasons });
  });

  it('DS-4: a follow-up recorded before the 2-hour mark makes the reminder unnecessary', () => {
    let story = open(intake(), opened);
    story = run(story, { type: 'follow-ups', note: '电话了解进度' }, minutes(opened, 60));
    expect(story.ticket.timers['follow-up-2h']?.state).toBe('met');
    expect(fire(story, 'follow-up-2h', minutes(opened, 120)).events).toHaveLength(story.events.length);
  });
});

describe('CH-6: the callback is due the same day the work is reported done', () => {
  it.each([
    ['2026-11-27T17:29:00+08:00', '2026-11-27T17:30:00+08:00'],
    ['2026-11-27T17:31:00+08:00', '2026-11-28T17:30:00+08:00'],
  ])('resolved at %s → callback due %s', (resolvedAt, due) => {
    let story = open(intake(), at('2026-11-27T09:40:00+08:00'));
    story = run(
      story,
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
      at(resolvedAt),
      MANAGER,
    );
    expect(story.ticket.timers['callback-eod']).toEqual({ dueAt: iso(due), state: 'pending' });
  });
});

describe('CH-1: a valid complaint unresolved after a month becomes major', () => {
  it('raised as an event at the month mark, with the major clocks from then', () => {
    const opened = at('2027-01-31T10:00:00+08:00');
    // Every clock fires on the way: the 2-day deadline was missed long before.
    const story = advance(
      open(intake({ severity: 'minor', occurredAt: '2027-01-31T09:00:00+08:00' }), opened),
      at('2027-02-28T10:00:00+08:00'),
    );
    const raised = story.events.at(-1);
    expect(raised?.type).toBe('complaint.severity-raised');
    expect(raised?.data).toMatchObject({ from: 'minor', to: 'major' });
    expect(story.ticket.severity).toBe('major');
    expect(story.ticket.raisedFrom).toBe('minor');
    expect(story.ticket.timers['escalate-1m']?.state).toBe('missed');
    expect(story.ticket.timers['resolve-2d']?.state).toBe('missed');
    expect(story.ticket.timers['director-eod']).toEqual({
      dueAt: iso('2027-02-28T17:30:00+08:00'),
      state: 'pending',
    });
    expect(story.ticket.timers['reply-2d']).toEqual({
      dueAt: iso('2027-03-02T10:00:00+08:00'),
      state: 'pending',
    });
    expect(story.ticket.timers['resolve-10d']).toEqual({
      dueAt: iso('2027-03-10T10:00:00+08:00'),
      state: 'pending',
    });
    expect(story.ticket.missedDeadlines).toContain('escalate-1m');
  });

  it('a minor complaint with a long resident deadline still pending at the month mark: that clock gives way', () => {
    const opened = at('2026-11-27T09:40:00+08:00');
    let story = open(intake({ severity: 'minor', residentDeadline: '2027-01-10T12:00:00+08:00' }), opened);
    story = fire(story, 'escalate-1m', at('2026-12-27T09:40:00+08:00'));
    expect(story.ticket.timers['resolve-by-resident']?.state).toBe('cancelled');
  });

  it('resolved within the month: met, nothing raised', () => {
    let story = open(intake(), at('2026-11-27T09:40:00+08:00'));
    story = run(
      story,
      { type: 'resolve', confirmedBy: '张伟', via: 'in-person', ...OVERRIDE },
      at('2026-11-28T09:00:00+08:00'),
      MANAGER,
    );
    expect(story.ticket.timers['escalate-1m']?.state).toBe('met');
    expect(fire(story, 'escalate-1m', at('2026-12-27T09:40:00+08:00')).events).toHaveLength(
      story.events.length,
    );
  });
});

describe('at least once: a duplicate or late firing changes nothing twice', () => {
  it('the second delivery of a fired clock records nothing', () => {
    const opened = at('2026-11-27T09:40:00+08:00');
    const once = fire(open(intake(), opened), 'handoff-10m', minutes(opened, 10));
    const twice = fire(once, 'handoff-10m', minutes(opened, 11));
    expect(twice.events).toHaveLength(once.events.length);
    expect(twice.ticket).toEqual(once.ticket);
  });

  it('a clock whose obligation was met records nothing when it fires', () => {
    const opened = at('2026-11-27T09:40:00+08:00');
    const signed = run(
      open(intake(), opened),
      { type: 'acknowledge' },
      minutes(opened, 3),
      actorOf('engineering-manager-1'),
    );
    expect(fire(signed, 'handoff-10m', minutes(opened, 10)).events).toHaveLength(signed.events.length);
  });

  it('an unknown clock name records nothing', () => {
    const opened = at('2026-11-27T09:40:00+08:00');
    const story = open(intake(), opened);
    expect(fire(story, 'ack-30m', minutes(opened, 60)).events).toHaveLength(1);
  });
});
