/**
 * Complaints (CH-1..CH-11, DS-1..DS-6): intake and grading rules, who signs what, the lifecycle
 * table, closing only with the callback made and the service slip in, and replays.
 */
import { describe, expect, it } from 'vitest';
import {
  allowedComplaintCommands,
  COMPLAINT_COMMANDS,
  COMPLAINT_STATUSES,
  COMPLAINT_TRANSITIONS,
  type ComplaintCommand,
  type ComplaintCommandBody,
  type ComplaintStatus,
  complaintRules,
  requiredAckSteps,
} from '../../shared/domain/complaint';
import {
  type DomainError,
  Forbidden,
  IllegalTransition,
  NotFound,
  RuleViolation,
} from '../../shared/domain/errors';
import { commandsAllowed } from '../../shared/domain/kind';
import { DEPARTMENT_HEAD_ROLES, DEPARTMENTS } from '../../shared/domain/park';
import { actor, advance, intake, minutes, open, phoneIntake, run, type Story } from './complaint-driver';

const OPENED = new Date('2026-11-27T09:40:00+08:00');

function thrownBy(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected an error, nothing was thrown');
}

describe('intake (DS-1, CH-2, CH-3)', () => {
  it('CH-3: a graded complaint records the register’s fields and is handed off at once', () => {
    const { ticket, events } = open(intake(), OPENED);
    expect(ticket).toMatchObject({
      kind: 'complaint',
      number: 'C20261127-001',
      status: 'handed-off',
      occurredAt: '2026-11-27T09:40:00+08:00',
      place: '5号楼电梯',
      about: { department: 'engineering' },
      description: '电梯停运两天无人处理',
      demand: '今天修好',
      caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
      valid: true,
      severity: 'important',
      handedOffAt: OPENED.toISOString(),
      overdue: [],
      missedDeadlines: [],
    });
    expect(events.map((e) => e.type)).toEqual(['complaint.opened']);
  });

  it('CH-3: a complaint about a person records the person and their department', () => {
    const { ticket } = open(intake({ about: { staffId: 'security-guard-1' } }), OPENED);
    expect(ticket.about).toEqual({ department: 'security', staffId: 'security-guard-1', staffName: '孙鹏' });
  });

  it('CH-2: a complaint from the phone is received ungraded, keeps its source, and waits for the dispatcher', () => {
    const { ticket } = open(phoneIntake(), OPENED);
    expect(ticket.status).toBe('received');
    expect(ticket.valid).toBeUndefined();
    expect(ticket.source).toEqual({
      channel: 'ivr-twilio',
      callId: 'CA123',
      transcript: '电梯停运两天无人处理,今天必须修好',
    });
    expect(allowedComplaintCommands(ticket)).toEqual(['grade']);
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

  it('CH-9: an invalid complaint keeps its number and is served, without a severity', () => {
    const { ticket } = open(intake({ valid: false, severity: undefined }), OPENED);
    expect(ticket).toMatchObject({ number: 'C20261127-001', valid: false, status: 'handed-off' });
    expect(ticket.severity).toBeUndefined();
    expect(complaintRules.needsNumber(intake({ valid: false }))).toBe(true);
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
      'CH-2: a severity without the validity call',
      { ...phoneIntake(), severity: 'minor' as const },
      'COMPLAINT.VALIDITY_REQUIRED',
      'valid',
    ],
    [
      'CH-2: ongoing harm without the validity call',
      { ...phoneIntake(), ongoingHarm: true },
      'COMPLAINT.VALIDITY_REQUIRED',
      'valid',
    ],
    [
      'a resident deadline already past',
      intake({ residentDeadline: '2026-11-27T09:00:00+08:00' }),
      'COMPLAINT.DEADLINE_IN_PAST',
      'residentDeadline',
    ],
    [
      'an event later than now',
      intake({ occurredAt: '2026-11-27T12:00:00+08:00' }),
      'COMPLAINT.OCCURRED_IN_FUTURE',
      'occurredAt',
    ],
    [
      'an unreadable time (the phone path is not validated by the HTTP schema)',
      intake({ occurredAt: 'gestern' }),
      'COMPLAINT.INVALID_TIME',
      'occurredAt',
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

  it('refuses an empty description from the phone path (400)', () => {
    const error = thrownBy(() => open({ ...phoneIntake(), description: '  ' }, OPENED));
    expect(error.code).toBe('REQUEST.MISSING_FIELD');
    expect(error.field).toBe('description');
  });
});

describe('the lifecycle table (what each status accepts)', () => {
  /** A complaint in each status, reached through the commands. */
  function inStatus(status: ComplaintStatus): Story {
    const head = actor('engineering-manager-1');
    // Important: the supervisor's signature stays open after the department signs.
    let story = open(status === 'received' ? phoneIntake() : intake(), OPENED);
    if (status === 'received' || status === 'handed-off') return story;
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 2), head);
    if (status === 'acknowledged') return story;
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'phone' }, minutes(OPENED, 60));
    if (status === 'resolved') return story;
    story = run(story, { type: 'callback', outcome: 'satisfied' }, minutes(OPENED, 90));
    return run(story, { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' }, minutes(OPENED, 120));
  }

  const BODIES: Record<ComplaintCommand, ComplaintCommandBody> = {
    grade: { type: 'grade', valid: true, severity: 'minor', about: { department: 'engineering' } },
    acknowledge: { type: 'acknowledge' },
    'follow-ups': { type: 'follow-ups', note: '跟进' },
    reply: { type: 'reply', note: '明确答复' },
    resolve: { type: 'resolve', confirmedBy: '张伟', via: 'phone' },
    callback: { type: 'callback', outcome: 'satisfied' },
    'service-slip': { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' },
  };

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
      const error = thrownBy(() => run(story, BODIES[command]!, minutes(OPENED, 200)));
      expect(error).toBeInstanceOf(IllegalTransition);
    },
  );

  it.each(CELLS.filter(([, , allowed]) => allowed))('a %s complaint accepts "%s"', (status, command) => {
    expect(() => run(inStatus(status), BODIES[command]!, minutes(OPENED, 200))).not.toThrow();
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
      actor('engineering-manager-1'),
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
      actor('supervisor-1'),
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
      actor('office-director-1'),
    );
    expect(story.ticket.timers['director-eod']?.state).toBe('met');
  });

  it('CH-8: the stop-harm order is confirmed on its own, by step', () => {
    let story = open(intake({ ongoingHarm: true }), OPENED);
    story = run(
      story,
      { type: 'acknowledge', step: 'stop-harm' },
      minutes(OPENED, 3),
      actor('engineering-manager-1'),
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
      run(story, { type: 'acknowledge', step }, minutes(OPENED, 5), actor(staffId)),
    );
    expect(error).toBeInstanceOf(Forbidden);
  });

  it('refuses a step the complaint does not ask for (422) and a step signed already (409)', () => {
    const story = open(intake({ severity: 'minor' }), OPENED);
    expect(thrownBy(() => run(story, { type: 'acknowledge', step: 'director' }, OPENED)).code).toBe(
      'COMPLAINT.ACK_NOT_EXPECTED',
    );
    const signed = run(story, { type: 'acknowledge' }, OPENED, actor('engineering-manager-1'));
    expect(thrownBy(() => run(signed, { type: 'acknowledge', step: 'report-sheet' }, OPENED))).toBeInstanceOf(
      IllegalTransition,
    );
  });

  it('the person complained about is not the one asked to sign: the next head role signs', () => {
    const story = open(intake({ about: { staffId: 'engineering-manager-1' } }), OPENED);
    const signed = run(story, { type: 'acknowledge' }, minutes(OPENED, 2), actor('repair-lead-1'));
    expect(signed.ticket.acknowledgements['report-sheet']?.staffId).toBe('repair-lead-1');
  });

  it('CH-4/CH-5: nobody signs for a complaint about themselves (403), nor records it for someone else', () => {
    // Prepare: the engineering manager is complained about; a supervisor is; the dispatcher is.
    const manager = open(intake({ about: { staffId: 'engineering-manager-1' } }), OPENED);
    const supervisor = open(intake({ about: { staffId: 'supervisor-1' } }), OPENED);
    const desk = open(intake({ about: { staffId: 'dispatcher-1' } }), OPENED);
    // Act + Assess: each of them is refused, whichever step they name.
    const later = minutes(OPENED, 2);
    expect(
      thrownBy(() => run(manager, { type: 'acknowledge' }, later, actor('engineering-manager-1'))),
    ).toBeInstanceOf(Forbidden);
    expect(
      thrownBy(() =>
        run(manager, { type: 'acknowledge', step: 'report-sheet' }, later, actor('engineering-manager-1')),
      ),
    ).toBeInstanceOf(Forbidden);
    expect(
      thrownBy(() => run(supervisor, { type: 'acknowledge' }, later, actor('supervisor-1'))),
    ).toBeInstanceOf(Forbidden);
    expect(thrownBy(() => run(desk, { type: 'acknowledge' }, later, actor('dispatcher-1')))).toBeInstanceOf(
      Forbidden,
    );
  });

  it('CH-5: with the only supervisor complained about, the office manager (who gets the routing) signs it', () => {
    let story = open(intake({ about: { staffId: 'supervisor-1' } }), OPENED);
    story = run(
      story,
      { type: 'acknowledge', step: 'supervisor' },
      minutes(OPENED, 5),
      actor('office-manager-1'),
    );
    expect(story.ticket.acknowledgements.supervisor).toMatchObject({
      staffId: 'office-manager-1',
      onBehalf: false,
    });
  });
});

describe('closing (CH-6, DS-6)', () => {
  function resolved(): Story {
    let story = open(intake(), OPENED);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 3), actor('engineering-manager-1'));
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
      actor('engineering-manager-1'),
    );
    expect(() =>
      run(story, { type: 'resolve', confirmedBy: '张伟', via: 'in-person' }, OPENED, actor('technician-1')),
    ).not.toThrow();
    expect(
      thrownBy(() =>
        run(
          story,
          { type: 'resolve', confirmedBy: '孙鹏', via: 'in-person' },
          OPENED,
          actor('security-guard-1'),
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

describe('overdue and timeliness', () => {
  it('overdue lists what is owed past its deadline, and empties as each is done', () => {
    let story = advance(open(intake(), OPENED), minutes(OPENED, 31));
    expect(story.ticket.overdue).toEqual(['report-sheet', 'supervisor']);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 32), actor('supervisor-1'));
    expect(story.ticket.overdue).toEqual(['report-sheet']);
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'phone' }, minutes(OPENED, 33));
    expect(story.ticket.overdue).toEqual([]);
    expect(story.ticket.missedDeadlines).toEqual(['handoff-10m', 'handoff-L2', 'supervisor-30m']);
  });

  it('a closed complaint owes nothing', () => {
    let story = advance(open(intake(), OPENED), minutes(OPENED, 31));
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'phone' }, minutes(OPENED, 40));
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
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 152), actor('engineering-manager-1'));
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'service-slip' }, minutes(OPENED, 400));
    story = advance(story, new Date('2026-11-28T12:00:00+08:00'));

    const [first, ...rest] = story.events;
    let replayed = complaintRules.apply(undefined, first!, { id: 'ticket-1', parkId: 'park-1' });
    for (const event of rest) replayed = complaintRules.apply(replayed, event);
    expect(replayed).toEqual(story.ticket);
  });
});
