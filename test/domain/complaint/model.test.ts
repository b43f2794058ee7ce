/**
 * The lifecycle table (COMPLAINT_TRANSITIONS): what each status accepts, cell by cell, reached
 * through the commands themselves.
 */
import { describe, expect, it } from 'vitest';
import {
  COMPLAINT_COMMANDS,
  COMPLAINT_STATUSES,
  COMPLAINT_TRANSITIONS,
  type ComplaintCommand,
  type ComplaintCommandBody,
  type ComplaintStatus,
} from '../../../shared/domain/complaint';
import { IllegalTransition } from '../../../shared/domain/errors';
import { commandsAllowed } from '../../../shared/domain/kind';
import { actorOf, thrownBy } from '../../support/fixtures';
import { intake, MANAGER, minutes, OPENED, OVERRIDE, open, phoneIntake, run, type Story } from './driver';

describe('the lifecycle table (what each status accepts)', () => {
  /** A complaint in each status, reached through the commands. */
  function inStatus(status: ComplaintStatus): Story {
    const head = actorOf('engineering-manager-1');
    // Important: the supervisor's signature stays open after the department signs.
    let story = open(status === 'received' ? phoneIntake() : intake(), OPENED);
    if (status === 'received' || status === 'handed-off') return story;
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 2), head);
    if (status === 'acknowledged') return story;
    story = run(story, BODIES.resolve, minutes(OPENED, 60), MANAGER);
    if (status === 'resolved') return story;
    story = run(story, { type: 'callback', outcome: 'satisfied' }, minutes(OPENED, 90));
    return run(story, { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' }, minutes(OPENED, 120));
  }

  const BODIES: Record<ComplaintCommand, ComplaintCommandBody> = {
    grade: { type: 'grade', valid: true, severity: 'minor', about: { department: 'engineering' } },
    // ADR 016: a correction after the hand-off.
    regrade: { type: 'regrade', severity: 'major', reason: '电梯困人风险,升为重大' },
    acknowledge: { type: 'acknowledge' },
    'follow-ups': { type: 'follow-ups', note: '跟进' },
    reply: { type: 'reply', note: '明确答复' },
    // The supervisor's signature is still owed: management above the department overrides it.
    resolve: { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
    callback: { type: 'callback', outcome: 'satisfied' },
    'service-slip': { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' },
  };

  const who = (command: ComplaintCommand) => (command === 'resolve' ? MANAGER : actorOf('dispatcher-1'));

  const CELLS = COMPLAINT_STATUSES.flatMap((status) =>
    COMPLAINT_COMMANDS.map((command): [ComplaintStatus, ComplaintCommand, boolean] => [
      status,
      command,
      commandsAllowed(COMPLAINT_TRANSITIONS, COMPLAINT_COMMANDS, status).includes(command),
    ]),
  );

  it.each(CELLS.filter(([, , allowed]) => !allowed))(
    'a %s complaint refuses "%s" (409)',
    (status, command) => {
      const story = inStatus(status);
      const error = thrownBy(() => run(story, BODIES[command]!, minutes(OPENED, 200), who(command)));
      expect(error).toBeInstanceOf(IllegalTransition);
    },
  );

  it.each(CELLS.filter(([, , allowed]) => allowed))('a %s complaint accepts "%s"', (status, command) => {
    expect(() => run(inStatus(status), BODIES[command]!, minutes(OPENED, 200), who(command))).not.toThrow();
  });

  it('a complaint has no repair steps', () => {
    const error = thrownBy(() =>
      run(
        inStatus('handed-off'),
        // A repair's command, as the desk's table of kinds could hand it over.
        { type: 'assign', staffId: 'technician-1' } as unknown as ComplaintCommandBody,
        OPENED,
      ),
    );
    expect(error).toBeInstanceOf(IllegalTransition);
    expect(error.message).toContain('has no step "assign"');
  });
});
