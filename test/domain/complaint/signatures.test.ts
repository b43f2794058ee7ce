/**
 * Who signs what, and when (CH-4 the report sheet, CH-5 the routing, CH-8 the stop-harm order):
 * the signatures asked for, who gives each, the desk on their behalf, never the accused.
 */
import { describe, expect, it } from 'vitest';
import { requiredAckSteps } from '../../../shared/domain/complaint';
import { Forbidden, IllegalTransition } from '../../../shared/domain/errors';
import { DEPARTMENT_HEAD_ROLES, DEPARTMENTS } from '../../../shared/domain/park';
import { actorOf, thrownBy } from '../../support/fixtures';
import { intake, minutes, OPENED, open, phoneIntake, run } from './driver';

describe('who signs what (CH-4, CH-5, CH-8)', () => {
  it('requires the report sheet always, the stop-harm order with ongoing harm, a supervisor for important, the director for major', () => {
    expect(requiredAckSteps(open(intake({ severity: 'minor' }), OPENED).ticket)).toEqual(['report-sheet']);
    expect(requiredAckSteps(open(intake({ ongoingHarm: true }), OPENED).ticket)).toEqual([
      'report-sheet',
      'stop-harm',
      'supervisor',
    ]);
    expect(requiredAckSteps(open(intake({ severity: 'major' }), OPENED).ticket)).toEqual([
      'report-sheet',
      'director',
    ]);
    expect(requiredAckSteps(open(phoneIntake(), OPENED).ticket)).toEqual([]);
  });

  it('every department has somebody to sign for it in the demo directory', () => {
    for (const department of DEPARTMENTS) {
      expect(DEPARTMENT_HEAD_ROLES[department].length).toBeGreaterThan(0);
    }
  });

  it('CH-4: the head of the department signs the report sheet; the status becomes acknowledged', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'acknowledge', note: '已安排张伟' },
      minutes(OPENED, 4),
      actorOf('engineering-manager-1'),
    );
    expect(story.ticket.status).toBe('acknowledged');
    expect(story.ticket.acknowledgements['report-sheet']).toEqual({
      staffId: 'engineering-manager-1',
      staffName: '吴军',
      onBehalf: false,
      note: '已安排张伟',
      at: minutes(OPENED, 4).toISOString(),
    });
    expect(story.ticket.timers['handoff-10m']?.state).toBe('met');
  });

  it('CH-5: the supervisor signs the routing; the department’s report sheet stays open', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'acknowledge' },
      minutes(OPENED, 20),
      actorOf('supervisor-1'),
    );
    expect(story.events.at(-1)?.data).toMatchObject({ step: 'supervisor', onBehalf: false });
    expect(story.ticket.status).toBe('handed-off');
    expect(story.ticket.timers['supervisor-30m']?.state).toBe('met');
    expect(story.ticket.timers['handoff-10m']?.state).toBe('pending');
  });

  it('CH-5: the office director signs a major complaint', () => {
    const story = run(
      open(intake({ severity: 'major' }), OPENED),
      { type: 'acknowledge', step: 'director' },
      minutes(OPENED, 60),
      actorOf('office-director-1'),
    );
    expect(story.ticket.timers['director-eod']?.state).toBe('met');
  });

  it('CH-8: the stop-harm order is confirmed on its own, by step', () => {
    let story = open(intake({ ongoingHarm: true }), OPENED);
    story = run(
      story,
      { type: 'acknowledge', step: 'stop-harm' },
      minutes(OPENED, 3),
      actorOf('engineering-manager-1'),
    );
    expect(story.ticket.timers['harm-10m']?.state).toBe('met');
    expect(story.ticket.timers['handoff-10m']?.state).toBe('pending');
    expect(story.ticket.status).toBe('handed-off');
  });

  it('the desk may record a signature for the person (by phone): marked on their behalf', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'acknowledge', step: 'supervisor' },
      minutes(OPENED, 5),
    );
    expect(story.events.at(-1)?.data).toMatchObject({
      step: 'supervisor',
      staffId: 'dispatcher-1',
      onBehalf: true,
    });
  });

  it('without a step, the desk signs the first one open: the report sheet', () => {
    const story = run(open(intake(), OPENED), { type: 'acknowledge' }, minutes(OPENED, 5));
    expect(story.events.at(-1)?.data).toMatchObject({ step: 'report-sheet', onBehalf: true });
  });

  it.each([
    ['a technician (not the head) signing the report sheet', 'technician-1', 'report-sheet'],
    ['the security manager signing for engineering', 'security-manager-1', 'report-sheet'],
    ['the engineering manager signing as supervisor', 'engineering-manager-1', 'supervisor'],
    ['a supervisor signing as director', 'supervisor-1', 'director'],
  ] as const)('refuses %s (403)', (_what, staffId, step) => {
    const story = open(intake({ severity: step === 'director' ? 'major' : 'important' }), OPENED);
    const error = thrownBy(() =>
      run(story, { type: 'acknowledge', step }, minutes(OPENED, 5), actorOf(staffId)),
    );
    expect(error).toBeInstanceOf(Forbidden);
  });

  it('refuses a step the complaint does not ask for (422) and a step signed already (409)', () => {
    const story = open(intake({ severity: 'minor' }), OPENED);
    expect(thrownBy(() => run(story, { type: 'acknowledge', step: 'director' }, OPENED)).code).toBe(
      'COMPLAINT.ACK_NOT_EXPECTED',
    );
    const signed = run(story, { type: 'acknowledge' }, OPENED, actorOf('engineering-manager-1'));
    expect(thrownBy(() => run(signed, { type: 'acknowledge', step: 'report-sheet' }, OPENED))).toBeInstanceOf(
      IllegalTransition,
    );
  });

  it('the person complained about is not the one asked to sign: the next head role signs', () => {
    const story = open(intake({ about: { staffId: 'engineering-manager-1' } }), OPENED);
    const signed = run(story, { type: 'acknowledge' }, minutes(OPENED, 2), actorOf('repair-lead-1'));
    expect(signed.ticket.acknowledgements['report-sheet']?.staffId).toBe('repair-lead-1');
  });

  it('CH-4/CH-5: nobody signs for a complaint about themselves (403), nor records it for someone else', () => {
    // Prepare: the engineering manager is complained about; a supervisor is; the dispatcher is.
    const manager = open(intake({ about: { staffId: 'engineering-manager-1' } }), OPENED);
    const supervisor = open(intake({ about: { staffId: 'supervisor-1' } }), OPENED);
    // One about the dispatcher is recorded by the duty officer (she may not grade it herself).
    const desk = open(
      intake({ about: { staffId: 'dispatcher-1' } }),
      OPENED,
      undefined,
      actorOf('duty-officer-1'),
    );
    // Act + Assess: each of them is refused, whichever step they name.
    const later = minutes(OPENED, 2);
    expect(
      thrownBy(() => run(manager, { type: 'acknowledge' }, later, actorOf('engineering-manager-1'))),
    ).toBeInstanceOf(Forbidden);
    expect(
      thrownBy(() =>
        run(manager, { type: 'acknowledge', step: 'report-sheet' }, later, actorOf('engineering-manager-1')),
      ),
    ).toBeInstanceOf(Forbidden);
    expect(
      thrownBy(() => run(supervisor, { type: 'acknowledge' }, later, actorOf('supervisor-1'))),
    ).toBeInstanceOf(Forbidden);
    expect(thrownBy(() => run(desk, { type: 'acknowledge' }, later, actorOf('dispatcher-1')))).toBeInstanceOf(
      Forbidden,
    );
  });

  it('CH-5: with the only supervisor complained about, the office manager (who gets the routing) signs it', () => {
    let story = open(intake({ about: { staffId: 'supervisor-1' } }), OPENED);
    story = run(
      story,
      { type: 'acknowledge', step: 'supervisor' },
      minutes(OPENED, 5),
      actorOf('office-manager-1'),
    );
    expect(story.ticket.acknowledgements.supervisor).toMatchObject({
      staffId: 'office-manager-1',
      onBehalf: false,
    });
  });
});
