/**
 * The deciders that close a complaint (DS-6 reported done, CH-6 the callback, the service slip)
 * and CH-7's reply: closing only with the callback made and the slip copy in; not reported done
 * past a signature owed (CH-4, CH-5) without management's recorded override; a dissatisfied
 * resident sends it back to handling (CH-6, CH-1).
 */
import { describe, expect, it } from 'vitest';
import { allowedComplaintCommands, complaintRules } from '../../../shared/domain/complaint';
import { Forbidden, IllegalTransition, RuleViolation } from '../../../shared/domain/errors';
import { actorOf, thrownBy } from '../../support/fixtures';
import { intake, MANAGER, minutes, OPENED, OVERRIDE, open, PARK, run, STAFF, type Story } from './driver';

describe('closing (CH-6, DS-6)', () => {
  function resolved(): Story {
    let story = open(intake(), OPENED);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 3), actorOf('engineering-manager-1'));
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 5), actorOf('supervisor-1'));
    return run(
      story,
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', note: '已更换控制板' },
      minutes(OPENED, 300),
    );
  }

  it('DS-6: reported done → resolved; deadlines met, the waits that no longer matter cancelled, the callback due today', () => {
    const { ticket } = resolved();
    expect(ticket.status).toBe('resolved');
    expect(ticket.resolution).toEqual({
      confirmedBy: '张伟',
      via: 'phone',
      note: '已更换控制板',
      at: minutes(OPENED, 300).toISOString(),
    });
    expect(ticket.timers['resolve-3d']?.state).toBe('met');
    expect(ticket.timers['escalate-1m']?.state).toBe('met');
    expect(ticket.timers['supervisor-30m']?.state).toBe('met');
    expect(ticket.timers['follow-up-2h']?.state).toBe('cancelled');
    expect(ticket.timers['follow-up-eod']?.state).toBe('cancelled');
    expect(ticket.timers['callback-eod']).toEqual({ dueAt: '2026-11-27T09:30:00.000Z', state: 'pending' });
  });

  it('DS-6: the work is reported done by the desk, management or the department — not by another department', () => {
    let story = run(
      open(intake(), OPENED),
      { type: 'acknowledge' },
      minutes(OPENED, 3),
      actorOf('engineering-manager-1'),
    );
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 5), actorOf('supervisor-1'));
    expect(() =>
      run(story, { type: 'resolve', confirmedBy: '张伟', via: 'in-person' }, OPENED, actorOf('technician-1')),
    ).not.toThrow();
    expect(
      thrownBy(() =>
        run(
          story,
          { type: 'resolve', confirmedBy: '孙鹏', via: 'in-person' },
          OPENED,
          actorOf('security-guard-1'),
        ),
      ),
    ).toBeInstanceOf(Forbidden);
  });

  it('DS-6: with the slip in but no callback yet it stays resolved; the callback then closes it', () => {
    let story = run(
      resolved(),
      { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' },
      minutes(OPENED, 310),
    );
    expect(story.ticket.status).toBe('resolved');
    expect(story.ticket.serviceSlip).toMatchObject({ number: 'FW-0101', signedBy: '陈静' });
    story = run(story, { type: 'callback', outcome: 'satisfied' }, minutes(OPENED, 320));
    expect(story.ticket.status).toBe('closed');
    expect(story.events.at(-1)?.data).toMatchObject({ closes: true });
    expect(Object.values(story.ticket.timers).filter((t) => t.state === 'pending')).toEqual([]);
  });

  it('CH-6 then DS-6: the callback made, the complaint shows resolved (not closed) until the slip copy is in', () => {
    let story = run(
      resolved(),
      { type: 'callback', outcome: 'satisfied', note: '业主认可' },
      minutes(OPENED, 320),
    );
    expect(story.ticket.status).toBe('resolved');
    expect(story.ticket.timers['callback-eod']?.state).toBe('met');
    expect(allowedComplaintCommands(story.ticket)).toEqual(['reply', 'service-slip']);
    story = run(story, { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' }, minutes(OPENED, 330));
    expect(story.ticket.status).toBe('closed');
    expect(story.ticket.closedAt).toBe(minutes(OPENED, 330).toISOString());
  });

  it('CH-6: an unreachable resident is recorded but the callback is still owed', () => {
    const story = run(resolved(), { type: 'callback', outcome: 'unreachable' }, minutes(OPENED, 320));
    expect(story.ticket.timers['callback-eod']?.state).toBe('pending');
    expect(allowedComplaintCommands(story.ticket)).toContain('callback');
  });

  it('CH-7 major: a reply is recorded and meets the 2-day answer clock', () => {
    const story = run(
      open(intake({ severity: 'major' }), OPENED),
      { type: 'reply', note: '已告知业主:两天内更换电梯主板' },
      minutes(OPENED, 60),
    );
    expect(story.ticket.timers['reply-2d']?.state).toBe('met');
    expect(story.ticket.repliedAt).toBe(minutes(OPENED, 60).toISOString());
  });
});

describe('resolve waits for the signatures owed (CH-4, CH-5)', () => {
  const RESOLVE = { type: 'resolve', confirmedBy: '张伟', via: 'phone' } as const;
  const signedByHead = () =>
    run(
      open(intake(), OPENED),
      { type: 'acknowledge' },
      minutes(OPENED, 3),
      actorOf('engineering-manager-1'),
    );

  it('409 COMPLAINT.SIGNATURE_OWED, naming each signature still owed, until they are in', () => {
    const unsigned = thrownBy(() => run(open(intake(), OPENED), RESOLVE, minutes(OPENED, 5)));
    expect(unsigned).toBeInstanceOf(IllegalTransition);
    expect(unsigned.code).toBe('COMPLAINT.SIGNATURE_OWED');
    expect(unsigned.message).toContain('report-sheet (CH-4');
    expect(unsigned.message).toContain('supervisor (CH-5');
    const headOnly = thrownBy(() => run(signedByHead(), RESOLVE, minutes(OPENED, 5)));
    expect(headOnly.message).not.toContain('report-sheet');
    expect(headOnly.message).toContain('supervisor (CH-5');
    // The department reports it done once both are in.
    const both = run(signedByHead(), { type: 'acknowledge' }, minutes(OPENED, 6), actorOf('supervisor-1'));
    expect(run(both, RESOLVE, minutes(OPENED, 60), actorOf('technician-1')).ticket.status).toBe('resolved');
  });

  it('management above the department may override, and the event and the ticket say who, why and what it skipped', () => {
    const story = run(signedByHead(), { ...RESOLVE, ...OVERRIDE }, minutes(OPENED, 20), MANAGER);
    const event = story.events.at(-1)!;
    expect(event.actor.staffId).toBe('office-manager-1');
    expect(event.data).toMatchObject({
      override: { reason: OVERRIDE.override.reason, skipped: ['supervisor'] },
    });
    expect(story.ticket.resolution?.override).toEqual({
      reason: OVERRIDE.override.reason,
      skipped: ['supervisor'],
    });
    expect(story.ticket.timers['supervisor-30m']?.state).toBe('cancelled');
    // A company leader may too.
    expect(() =>
      run(signedByHead(), { ...RESOLVE, ...OVERRIDE }, minutes(OPENED, 20), actorOf('gm-1')),
    ).not.toThrow();
  });

  it.each(['dispatcher-1', 'technician-2', 'engineering-manager-1'])(
    '%s may not override (the desk, the department, its head): 403',
    (who) => {
      const error = thrownBy(() =>
        run(signedByHead(), { ...RESOLVE, ...OVERRIDE }, minutes(OPENED, 20), actorOf(who)),
      );
      expect(error).toBeInstanceOf(Forbidden);
      expect(error.code).toBe('COMPLAINT.OVERRIDE_FORBIDDEN');
    },
  );

  it('an override with nothing owed is refused (422): it would record a skip that did not happen', () => {
    const minor = run(
      open(intake({ severity: 'minor' }), OPENED),
      { type: 'acknowledge' },
      minutes(OPENED, 3),
      actorOf('engineering-manager-1'),
    );
    const error = thrownBy(() => run(minor, { ...RESOLVE, ...OVERRIDE }, minutes(OPENED, 20), MANAGER));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.code).toBe('COMPLAINT.NOTHING_TO_OVERRIDE');
    expect(run(minor, RESOLVE, minutes(OPENED, 20)).ticket.status).toBe('resolved');
  });
});

describe('a dissatisfied callback sends the case back to handling (CH-6, CH-1)', () => {
  const NEXT_DAY = new Date('2026-11-28T10:00:00+08:00');
  const iso = (text: string) => new Date(text).toISOString();

  function resolved(overrides: Parameters<typeof intake>[0] = {}): Story {
    let story = open(intake(overrides), OPENED);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 3), actorOf('engineering-manager-1'));
    if (story.ticket.severity === 'important') {
      story = run(story, { type: 'acknowledge' }, minutes(OPENED, 5), actorOf('supervisor-1'));
    }
    story = run(story, { type: 'follow-ups', note: '跟进一' }, minutes(OPENED, 100));
    story = run(story, { type: 'follow-ups', note: '跟进二' }, minutes(OPENED, 200));
    return run(story, { type: 'resolve', confirmedBy: '张伟', via: 'phone' }, minutes(OPENED, 300));
  }

  it('its own event; back to acknowledged; the callback met; a repeat; the clocks again from now', () => {
    const story = run(
      resolved(),
      { type: 'callback', outcome: 'dissatisfied', note: '电梯又停了' },
      NEXT_DAY,
    );
    const event = story.events.at(-1)!;
    expect(event.type).toBe('complaint.reopened');
    expect(event.data).toMatchObject({ outcome: 'dissatisfied', note: '电梯又停了', repeats: 1 });
    const { ticket } = story;
    expect(ticket.status).toBe('acknowledged');
    expect(ticket.repeats).toBe(1);
    expect(ticket.reopenedAt).toBe(NEXT_DAY.toISOString());
    expect(ticket.resolution).toBeUndefined();
    expect(ticket.callback).toBeUndefined();
    expect(ticket.followUps).toBe(0);
    expect(ticket.timers['callback-eod']?.state).toBe('met');
    // CH-7 important: 3 days from now; DS-4/DS-5 from now; CH-1's month still from reception.
    expect(ticket.timers['resolve-3d']).toEqual({
      dueAt: iso('2026-12-01T10:00:00+08:00'),
      state: 'pending',
    });
    expect(ticket.timers['follow-up-2h']).toEqual({
      dueAt: iso('2026-11-28T12:00:00+08:00'),
      state: 'pending',
    });
    expect(ticket.timers['follow-up-eod']).toEqual({
      dueAt: iso('2026-11-28T17:30:00+08:00'),
      state: 'pending',
    });
    expect(ticket.timers['escalate-1m']).toEqual({
      dueAt: iso('2026-12-27T09:40:00+08:00'),
      state: 'pending',
    });
    expect(allowedComplaintCommands(ticket)).toEqual(['follow-ups', 'reply', 'resolve', 'regrade']);
  });

  it('the next round closes as the first would; each dissatisfied callback is one more repeat', () => {
    let story = run(resolved(), { type: 'callback', outcome: 'dissatisfied' }, NEXT_DAY);
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'in-person' }, minutes(NEXT_DAY, 60));
    story = run(story, { type: 'callback', outcome: 'dissatisfied' }, minutes(NEXT_DAY, 90));
    expect(story.ticket.repeats).toBe(2);
    // CH-1 (经业主多次提出而得不到解决): raised the third time, it is major: the director signs first.
    expect(story.ticket).toMatchObject({ severity: 'major', repeatRaisedFrom: 'important' });
    story = run(
      story,
      { type: 'acknowledge', step: 'director' },
      minutes(NEXT_DAY, 100),
      actorOf('office-director-1'),
    );
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'in-person' }, minutes(NEXT_DAY, 120));
    story = run(story, { type: 'callback', outcome: 'satisfied' }, minutes(NEXT_DAY, 150));
    story = run(story, { type: 'service-slip', number: 'FW-0102', signedBy: '陈静' }, minutes(NEXT_DAY, 160));
    expect(story.ticket.status).toBe('closed');
    expect(story.ticket.repeats).toBe(2);
    // CH-11: folding the events again gives the same ticket.
    const [first, ...rest] = story.events;
    let replayed = complaintRules.apply(undefined, first!, { id: 'ticket-1', parkId: 'park-1' });
    for (const event of rest) replayed = complaintRules.apply(replayed, event);
    expect(replayed).toEqual(story.ticket);
  });

  it('a slip filed before the dissatisfied callback was the old round’s: the new round needs its own', () => {
    let story = run(resolved(), { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' }, NEXT_DAY);
    story = run(story, { type: 'callback', outcome: 'dissatisfied' }, minutes(NEXT_DAY, 5));
    expect(story.ticket.status).toBe('acknowledged');
    expect(story.ticket.serviceSlip).toBeUndefined();
  });

  it('minor: 2 days from now (or the resident’s deadline while still ahead); major: a clear answer in 2 and resolved in 10', () => {
    const minor = run(
      resolved({ severity: 'minor' }),
      { type: 'callback', outcome: 'dissatisfied' },
      NEXT_DAY,
    );
    expect(minor.ticket.timers['resolve-2d']).toEqual({
      dueAt: iso('2026-11-30T10:00:00+08:00'),
      state: 'pending',
    });
    const byResident = run(
      resolved({ severity: 'minor', residentDeadline: '2026-12-05T12:00:00+08:00' }),
      { type: 'callback', outcome: 'dissatisfied' },
      NEXT_DAY,
    );
    expect(byResident.ticket.timers['resolve-by-resident']).toEqual({
      dueAt: iso('2026-12-05T12:00:00+08:00'),
      state: 'pending',
    });
    let major = open(intake({ severity: 'major' }), OPENED);
    major = run(major, { type: 'acknowledge' }, minutes(OPENED, 3), actorOf('engineering-manager-1'));
    major = run(major, { type: 'acknowledge' }, minutes(OPENED, 4), actorOf('office-director-1'));
    major = run(major, { type: 'resolve', confirmedBy: '张伟', via: 'phone' }, minutes(OPENED, 300));
    major = run(major, { type: 'callback', outcome: 'dissatisfied' }, NEXT_DAY);
    expect(major.ticket.timers['reply-2d']).toEqual({
      dueAt: iso('2026-11-30T10:00:00+08:00'),
      state: 'pending',
    });
    expect(major.ticket.timers['resolve-10d']).toEqual({
      dueAt: iso('2026-12-08T10:00:00+08:00'),
      state: 'pending',
    });
  });

  it('a signature skipped by an override is owed again, its clock restarted; the status is handed-off', () => {
    let story = run(
      open(intake(), OPENED),
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
      minutes(OPENED, 20),
      MANAGER,
    );
    story = run(story, { type: 'callback', outcome: 'dissatisfied' }, NEXT_DAY);
    expect(story.ticket.status).toBe('handed-off');
    expect(story.ticket.timers['handoff-10m']).toEqual({
      dueAt: iso('2026-11-28T10:10:00+08:00'),
      state: 'pending',
    });
    expect(story.ticket.timers['supervisor-30m']).toEqual({
      dueAt: iso('2026-11-28T10:30:00+08:00'),
      state: 'pending',
    });
  });

  it('the department handling it is told it is back', () => {
    const story = run(resolved(), { type: 'callback', outcome: 'dissatisfied' }, NEXT_DAY);
    const texts = complaintRules.notifications(story.events.at(-1)!, story.ticket, STAFF, PARK);
    expect(texts.map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      [
        'engineering-manager-1',
        'reopened',
        '【翠湖物业】投诉C20261127-001回访业主不满意,退回重新处理(工程部):5号楼电梯 电梯停运两天无人处理。处理完毕请点:',
      ],
    ]);
  });
});
