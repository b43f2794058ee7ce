/**
 * The deciders that close a complaint (DS-6 reported done, CH-6 the callback, the service slip)
 * and CH-7's reply: closing only with the callback made and the slip copy in.
 */
import { describe, expect, it } from 'vitest';
import { allowedComplaintCommands } from '../../../shared/domain/complaint';
import { Forbidden } from '../../../shared/domain/errors';
import { actorOf, thrownBy } from '../../support/fixtures';
import { intake, minutes, OPENED, open, run, type Story } from './driver';

describe('closing (CH-6, DS-6)', () => {
  function resolved(): Story {
    let story = open(intake(), OPENED);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 3), actorOf('engineering-manager-1'));
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
    expect(ticket.timers['supervisor-30m']?.state).toBe('cancelled');
    expect(ticket.timers['follow-up-eod']?.state).toBe('cancelled');
    expect(ticket.timers['callback-eod']).toEqual({ dueAt: '2026-11-27T09:30:00.000Z', state: 'pending' });
  });

  it('DS-6: the work is reported done by the desk, management or the department — not by another department', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'acknowledge' },
      minutes(OPENED, 3),
      actorOf('engineering-manager-1'),
    );
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
      { type: 'callback', outcome: 'dissatisfied', note: '业主认为响应太慢' },
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
