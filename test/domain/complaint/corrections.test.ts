/**
 * Issue 11 items 9–14 (ADR 016): regrade and moving a complaint (CH-1 应按其危害程度来划分), repeats
 * (CH-1 经业主多次提出而得不到解决), escalations that reach someone new, a missed deadline texted
 * again each working day, office-hours clocks for office work, and the call script (CH-2).
 */
import { describe, expect, it } from 'vitest';
import { addOfficeMinutes, calendarOf } from '../../../shared/domain/calendar';
import type { ComplaintIntake, RepeatLink } from '../../../shared/domain/complaint';
import { complaintRules } from '../../../shared/domain/complaint';
import { actorOf, ruleContext, thrownBy } from '../../support/fixtures';
import { advance, intake, minutes, NUMBER, OPENED, open, PARK, run, STAFF, type Story } from './driver';

/** Who got which text (and which link) for the last event of a story. */
function sent(story: Story) {
  return complaintRules
    .notifications(story.events.at(-1)!, story.ticket, STAFF, PARK)
    .map((n) => ({ to: n.to.id, purpose: n.purpose, text: n.text, link: n.link?.purpose }));
}

/** Every text of every event of a story, with the event's time. */
function allTexts(story: Story) {
  return story.events.flatMap((event) =>
    complaintRules.notifications(event, story.ticket, STAFF, PARK).map((n) => ({
      at: event.at,
      type: event.type,
      to: n.to.id,
      purpose: n.purpose,
    })),
  );
}

const at = (local: string) => new Date(`${local}+08:00`);
const DISPATCHER = actorOf('dispatcher-1');

describe('item 9: regrade after the hand-off re-derives the clocks (CH-1 应按其危害程度来划分)', () => {
  it('CH-1/CH-5: important raised to major: the supervisor and 3-day clocks cancelled, the director and major clocks started, the director asked', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'regrade', severity: 'major', reason: '电梯困人风险,升为重大' },
      minutes(OPENED, 20),
    );
    const event = story.events.at(-1)!;
    expect(event).toMatchObject({
      type: 'complaint.regraded',
      data: {
        severity: 'major',
        reason: '电梯困人风险,升为重大',
        before: { valid: true, severity: 'important', about: { department: 'engineering' } },
        moved: false,
        cancelled: expect.arrayContaining(['supervisor-30m', 'resolve-3d', 'escalate-1m']),
      },
    });
    const { timers } = story.ticket;
    expect(story.ticket.severity).toBe('major');
    expect(timers['supervisor-30m']?.state).toBe('cancelled');
    expect(timers['resolve-3d']?.state).toBe('cancelled');
    expect(timers['director-eod']).toEqual({
      dueAt: at('2026-11-27T17:30:00').toISOString(),
      state: 'pending',
    });
    // CH-7 major: counted from reception, not from the correction.
    expect(timers['reply-2d']?.dueAt).toBe(at('2026-11-29T09:40:00').toISOString());
    expect(timers['resolve-10d']?.dueAt).toBe(at('2026-12-07T09:40:00').toISOString());
    // The department's own clock is not touched.
    expect(timers['handoff-10m']?.state).toBe('pending');
    expect(sent(story)).toEqual([expect.objectContaining({ to: 'office-director-1', link: 'director' })]);
  });

  it('moved to another department: the new head signs anew (with their link), the old department’s pending clocks cancelled', () => {
    let story = open(intake({ severity: 'minor' }), OPENED);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 5), actorOf('engineering-manager-1'));
    story = run(
      story,
      { type: 'regrade', about: { department: 'security' }, reason: '实为保安拦车' },
      minutes(OPENED, 30),
      actorOf('office-manager-1'),
    );
    expect(story.ticket).toMatchObject({
      status: 'handed-off',
      about: { department: 'security' },
      regrades: 1,
    });
    expect(story.ticket.acknowledgements['report-sheet']).toBeUndefined();
    expect(story.ticket.timers['handoff-10m']).toEqual({
      dueAt: minutes(OPENED, 40).toISOString(),
      state: 'pending',
    });
    expect(story.events.at(-1)?.data).toMatchObject({
      moved: true,
      before: { about: { department: 'engineering' } },
    });
    expect(sent(story)).toEqual([
      expect.objectContaining({ to: 'security-manager-1', purpose: 'report-sheet', link: 'report-sheet' }),
    ]);
    expect(sent(story)[0]?.text).toContain('(保安部)');
  });

  it('moved before the old head signed: their 10-minute clock gives way to the new department’s', () => {
    let story = open(intake({ severity: 'minor' }), OPENED);
    story = run(
      story,
      { type: 'regrade', about: { department: 'cleaning' }, reason: '楼道垃圾,非工程' },
      minutes(OPENED, 5),
    );
    expect(story.ticket.timers['handoff-10m']?.dueAt).toBe(minutes(OPENED, 15).toISOString());
    story = advance(story, minutes(OPENED, 16));
    const escalated = story.events.filter((e) => e.type === 'complaint.escalated');
    expect(escalated.map((e) => e.at)).toEqual([minutes(OPENED, 15).toISOString()]);
  });

  it('regraded invalid (CH-9): the severity and its clocks go; the hand-off and follow-ups stay', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'regrade', valid: false, reason: '非物业责任' },
      minutes(OPENED, 5),
    );
    expect(story.ticket.valid).toBe(false);
    expect(story.ticket.severity).toBeUndefined();
    expect(story.ticket.timers['resolve-3d']?.state).toBe('cancelled');
    expect(story.ticket.timers['handoff-10m']?.state).toBe('pending');
    expect(story.ticket.timers['follow-up-2h']?.state).toBe('pending');
  });

  it('only the desk or a manager corrects; a correction must change something; the person complained about never does (CH-2, CH-5)', () => {
    const story = open(intake(), OPENED);
    const now = minutes(OPENED, 5);
    const by = (who: string, body: object) =>
      thrownBy(() =>
        complaintRules.decide(
          story.ticket,
          { type: 'regrade', reason: '更正', ...body },
          ruleContext(now, actorOf(who), PARK),
        ),
      );
    expect(by('technician-1', { severity: 'minor' }).name).toBe('Forbidden');
    expect(by('dispatcher-1', {})).toMatchObject({ code: 'COMPLAINT.NOTHING_TO_REGRADE' });
    expect(by('dispatcher-1', { severity: 'important' })).toMatchObject({
      code: 'COMPLAINT.REGRADE_CHANGES_NOTHING',
    });
    expect(by('dispatcher-1', { valid: false, severity: 'minor' })).toMatchObject({
      code: 'COMPLAINT.SEVERITY_NOT_EXPECTED',
    });
    expect(by('dispatcher-1', { about: { staffId: 'dispatcher-1' } })).toMatchObject({
      code: 'COMPLAINT.ACCUSED_MAY_NOT_ACT',
    });
    const received = open({ ...intake(), valid: undefined, severity: undefined } as ComplaintIntake, OPENED);
    expect(
      thrownBy(() =>
        complaintRules.decide(
          received.ticket,
          { type: 'regrade', severity: 'minor', reason: 'x' },
          ruleContext(now, DISPATCHER, PARK),
        ),
      ).name,
    ).toBe('IllegalTransition');
  });
});

describe('item 10: repeats (CH-1 经业主多次提出而得不到解决)', () => {
  const link = (id: string, times = 1): RepeatLink => ({ id, number: `C2026112${id}-001`, times });

  it('the second complaint of the unit about the department is linked, still important; the third is major', () => {
    const second = open(intake({ earlier: [link('1')] }), OPENED);
    expect(second.ticket).toMatchObject({ severity: 'important', repeatOf: [link('1')] });
    expect(second.ticket.repeatRaisedFrom).toBeUndefined();
    const third = open(intake({ earlier: [link('2'), link('1')] }), OPENED);
    expect(third.ticket).toMatchObject({ severity: 'major', repeatRaisedFrom: 'important' });
    expect(third.ticket.timers['director-eod']?.state).toBe('pending');
    expect(third.events[0]?.data).not.toHaveProperty('earlier');
    expect(sent(third).map((n) => n.purpose)).toEqual(['report-sheet', 'director']);
  });

  it('an earlier complaint’s dissatisfied callback counts: raised twice before, this is the third time', () => {
    expect(open(intake({ earlier: [link('1', 2)] }), OPENED).ticket.severity).toBe('major');
  });

  it('a dissatisfied callback on a linked complaint is the third time: it comes back major, the director asked', () => {
    let story = open(intake({ earlier: [link('1')] }), OPENED);
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 2), actorOf('engineering-manager-1'));
    story = run(story, { type: 'acknowledge' }, minutes(OPENED, 3), actorOf('supervisor-1'));
    story = run(story, { type: 'resolve', confirmedBy: '张伟', via: 'phone' }, minutes(OPENED, 60));
    story = run(story, { type: 'callback', outcome: 'dissatisfied' }, minutes(OPENED, 90));
    expect(story.ticket).toMatchObject({ severity: 'major', repeats: 1, repeatRaisedFrom: 'important' });
    expect(story.events.at(-1)?.data).toMatchObject({ raisedFrom: 'important' });
    expect(story.ticket.timers['director-eod']?.state).toBe('pending');
    expect(sent(story).map((n) => n.to)).toEqual(['engineering-manager-1', 'office-director-1']);
  });

  it('grading a phone complaint links the earlier ones too', () => {
    const phone: ComplaintIntake = { ...intake(), valid: undefined, severity: undefined };
    const story = run(
      open(phone, OPENED),
      {
        type: 'grade',
        valid: true,
        severity: 'minor',
        about: { department: 'engineering' },
        earlier: [link('1'), link('2')],
      },
      minutes(OPENED, 5),
    );
    expect(story.ticket).toMatchObject({ severity: 'major', repeatRaisedFrom: 'minor' });
  });
});

describe('item 11: an escalation never goes back to who just missed it', () => {
  it.each([['cleaning'], ['property-office']] as const)(
    'CH-4 %s: the supervisor signs the report sheet; the 20-minute escalation goes past them to the office manager',
    (department) => {
      const story = advance(
        open(intake({ about: { department }, severity: 'minor' }), OPENED),
        minutes(OPENED, 21),
      );
      const l2 = story.events.findIndex(
        (e) => e.type === 'complaint.escalated' && e.data.timer === 'handoff-L2',
      );
      expect(l2).toBeGreaterThan(0);
      const texts = complaintRules
        .notifications(story.events[l2]!, story.ticket, STAFF, PARK)
        .map((n) => n.to.id);
      expect(texts).toEqual(['office-manager-1']);
    },
  );

  it('CH-7 minor in cleaning: the head (the supervisor) gets the link, the press-on goes one up', () => {
    const story = advance(
      open(intake({ about: { department: 'cleaning' }, severity: 'minor' }), OPENED),
      at('2026-11-29T09:41:00'),
    );
    const missed = story.events.find(
      (e) => e.type === 'complaint.escalated' && e.data.timer === 'resolve-2d',
    )!;
    const texts = complaintRules.notifications(missed, story.ticket, STAFF, PARK);
    expect(texts.map((n) => [n.to.id, n.link?.purpose])).toEqual([
      ['supervisor-1', 'report-sheet'],
      ['office-manager-1', undefined],
    ]);
  });
});

describe('item 12: a deadline still missed is texted again each working day, one level up (ADR 016)', () => {
  it('at the next openings: the office director, the deputy GM, the GM — three days, then no more', () => {
    const story = advance(open(intake({ severity: 'minor' }), OPENED), at('2026-12-03T12:00:00'));
    const daily = story.events.filter((e) => e.type === 'complaint.still-overdue');
    expect(daily.map((e) => [e.at, e.data.day, e.data.level])).toEqual([
      [at('2026-11-28T08:30:00').toISOString(), 1, 'director'],
      [at('2026-11-29T08:30:00').toISOString(), 2, 'deputyGm'],
      [at('2026-11-30T08:30:00').toISOString(), 3, 'gm'],
    ]);
    expect(daily[0]?.data.owed).toEqual(expect.arrayContaining(['report-sheet', 'follow-up']));
    const texts = allTexts(story).filter((t) => t.type === 'complaint.still-overdue');
    expect(texts.map((t) => t.to)).toEqual(['office-director-1', 'deputy-gm-1', 'gm-1']);
    const first = complaintRules.notifications(daily[0]!, story.ticket, STAFF, PARK)[0]!;
    expect(first.text).toMatch(
      /^【翠湖物业】投诉C20261127-001逾期第1个工作日仍未签收呈报单、跟进\(工程部\):/,
    );
  });

  it('a weekday office texts on working days only: Friday’s miss is texted again on Monday', () => {
    const weekdays = { ...PARK, workingDays: [1, 2, 3, 4, 5] };
    const story = advance(
      open(intake({ severity: 'minor' }), OPENED, weekdays),
      at('2026-11-30T09:00:00'),
      weekdays,
    );
    const daily = story.events.filter((e) => e.type === 'complaint.still-overdue');
    expect(daily.map((e) => e.at)).toEqual([at('2026-11-30T08:30:00').toISOString()]);
  });

  it('doing what is owed stops the daily texts', () => {
    let story = advance(open(intake({ severity: 'minor' }), OPENED), at('2026-11-28T09:00:00'));
    expect(story.ticket.timers['overdue-day-2']?.state).toBe('pending');
    const head = actorOf('engineering-manager-1');
    story = run(story, { type: 'acknowledge' }, at('2026-11-28T09:05:00'), head);
    story = run(story, { type: 'follow-ups', note: '已联系' }, at('2026-11-28T09:06:00'));
    story = run(story, { type: 'follow-ups', note: '已安排' }, at('2026-11-28T09:07:00'));
    expect(story.ticket.overdue).toEqual([]);
    expect(story.ticket.timers['overdue-day-2']?.state).toBe('cancelled');
  });
});

describe('item 13: clocks about office work wait for office hours (ADR 016)', () => {
  const guard = { about: { staffId: 'security-guard-2' } } as const;
  const evening = at('2026-11-27T21:00:00');

  it('an important complaint about a rude guard at 21:00 texts nobody up the chain before the office opens', () => {
    const opened = open(intake({ ...guard, occurredAt: '2026-11-27T20:50:00+08:00' }), evening);
    expect(opened.ticket.timers['handoff-10m']?.dueAt).toBe(at('2026-11-28T08:40:00').toISOString());
    expect(opened.ticket.timers['supervisor-30m']?.dueAt).toBe(at('2026-11-28T09:00:00').toISOString());
    expect(opened.ticket.timers['follow-up-2h']?.dueAt).toBe(at('2026-11-28T10:30:00').toISOString());
    const story = advance(opened, at('2026-11-28T12:00:00'));
    const texts = allTexts(story).filter((t) => t.type === 'complaint.escalated');
    expect(texts.every((t) => t.at >= at('2026-11-28T08:30:00').toISOString())).toBe(true);
    const deputy = texts.find((t) => t.to === 'deputy-gm-1');
    expect(deputy?.at).toBe(at('2026-11-28T09:30:00').toISOString());
  });

  it('CH-8 ongoing harm keeps running after hours', () => {
    const opened = open(intake({ ...guard, ongoingHarm: true }), evening);
    expect(opened.ticket.timers['handoff-10m']?.dueAt).toBe(at('2026-11-27T21:10:00').toISOString());
    expect(opened.ticket.timers['harm-10m']?.dueAt).toBe(at('2026-11-27T21:10:00').toISOString());
    expect(opened.ticket.timers['supervisor-30m']?.dueAt).toBe(at('2026-11-27T21:30:00').toISOString());
  });

  it('office minutes carry over closing time to the next opening', () => {
    const calendar = calendarOf(PARK);
    expect(addOfficeMinutes(at('2026-11-27T17:25:00'), 10, calendar)).toEqual(at('2026-11-28T08:35:00'));
    expect(addOfficeMinutes(at('2026-11-27T09:00:00'), 10, calendar)).toEqual(at('2026-11-27T09:10:00'));
    expect(addOfficeMinutes(at('2026-11-28T02:00:00'), 120, calendar)).toEqual(at('2026-11-28T10:30:00'));
  });
});

describe('item 14: the complaint call’s script (CH-2 在稳定业主的情况下…先处理心情)', () => {
  it('feelings first (calm, an apology), then the matter read back, then what happens next', () => {
    const { reply } = complaintRules.open(
      { id: 'ticket-1', parkId: PARK.id, number: NUMBER, intake: intake() },
      ruleContext(OPENED, DISPATCHER, PARK),
    );
    expect(reply).toEqual({
      script: {
        comfort: '您先别着急,您反映的情况我们很重视。给您带来不便,我们非常抱歉。',
        confirmation: '跟您确认一下:地点:5号楼电梯;情况:电梯停运两天无人处理;您的要求:今天修好。对吗?',
        next: '投诉单号C20261127-001,已转交工程部负责人,会三天内处理完毕,处理完毕当天回访您。',
      },
    });
  });
});
