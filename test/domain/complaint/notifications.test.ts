/**
 * Who is texted about a complaint and what the Chinese SMS says (CH-4, CH-5, CH-6, CH-8, DS-4,
 * DS-5, and each missed deadline up the chain); whoever is asked to sign or to report the work
 * done gets their own link (ADR 012). Texts fit one segment, two with a link, never losing the
 * place or the description's core.
 */
import { describe, expect, it } from 'vitest';
import type { ComplaintEvent, ComplaintTicket } from '../../../shared/domain/complaint';
import {
  COMPLAINT_TIMERS,
  complaintNotifications,
  complaintRules,
  MISS_TEXTS,
} from '../../../shared/domain/complaint';
import { deskRolesOnShift } from '../../../shared/domain/shift';
import { DESCRIPTION_CORE, LINK_SMS_ROOM, SMS_SEGMENT } from '../../../shared/domain/sms';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket';
import { actorOf } from '../../support/fixtures';
import {
  advance,
  intake,
  MANAGER,
  minutes,
  OPENED,
  OVERRIDE,
  open,
  PARK,
  phoneIntake,
  run,
  STAFF,
  type Story,
} from './driver';

const SIGNATURE = PARK.smsSignature;
const LONG_PLACE = '8号楼3单元地下车库B2层东侧通道靠近电梯厅的消防门附近,离充电桩大约二十米处';
const LONG_DESCRIPTION =
  '地下车库排水沟堵塞导致积水漫进电梯井,电梯停运两天,物业多次答应处理却一直没人来,老人上下楼非常困难,要求立即处理并给出书面说明';

/** Who got which text for the last event of a story. */
function sent(story: Story): { to: string; purpose: string; text: string }[] {
  return links(story).map(({ link: _link, ...n }) => n);
}

/** The same, with the purpose of the link each ends in (none: no link). */
function links(story: Story): { to: string; purpose: string; text: string; link?: string }[] {
  const event = story.events.at(-1)!;
  return complaintRules.notifications(event, story.ticket, STAFF, PARK).map((n) => ({
    to: n.to.id,
    purpose: n.purpose,
    text: n.text,
    ...(n.link ? { link: n.link.purpose } : {}),
  }));
}

function escalation(ticket: ComplaintTicket, timer: string, at: string, reasons?: string[]): ComplaintEvent {
  return {
    seq: ticket.version + 1,
    type: 'complaint.escalated',
    at,
    actor: SYSTEM_ACTOR,
    data: { timer, dueAt: at, owes: 'resolve', timers: {}, ...(reasons ? { reasons } : {}) },
  } as ComplaintEvent;
}

describe('at the hand-off (CH-4, CH-5, CH-8)', () => {
  it('CH-4/CH-5/DS-2 important: the report sheet to the department head, the routing to the supervisor with the deadline', () => {
    expect(sent(open(intake(), OPENED))).toEqual([
      {
        to: 'engineering-manager-1',
        purpose: 'report-sheet',
        text: '【翠湖物业】投诉呈报单C20261127-001(工程部):5号楼电梯 电梯停运两天无人处理,请签收:',
      },
      {
        to: 'supervisor-1',
        purpose: 'supervisor',
        text: '【翠湖物业】重要投诉C20261127-001(工程部):电梯停运两天无人处理,请11月27日10:10前签收:',
      },
    ]);
  });

  it('ADR 012: each signer’s text ends in their own link for their signature, working for ten days (CH-7’s longest)', () => {
    const story = open(intake(), OPENED);
    expect(links(story).map((n) => [n.to, n.link])).toEqual([
      ['engineering-manager-1', 'report-sheet'],
      ['supervisor-1', 'supervisor'],
    ]);
    const [first] = complaintRules.notifications(story.events.at(-1)!, story.ticket, STAFF, PARK);
    expect(first?.link?.expiresAt).toBe(new Date(OPENED.getTime() + 10 * 24 * 3_600_000).toISOString());
  });

  it('CH-5 major: to the office director, by the closing time', () => {
    expect(sent(open(intake({ severity: 'major' }), OPENED)).map((m) => [m.to, m.text])).toContainEqual([
      'office-director-1',
      '【翠湖物业】重大投诉C20261127-001(工程部):电梯停运两天无人处理,请11月27日17:30前签收处置:',
    ]);
  });

  it('CH-8: ongoing harm sends the department head the order to stop it first', () => {
    const texts = sent(open(intake({ severity: 'minor', ongoingHarm: true }), OPENED));
    expect(texts.map((m) => [m.to, m.purpose])).toEqual([
      ['engineering-manager-1', 'report-sheet'],
      ['engineering-manager-1', 'stop-harm'],
    ]);
    expect(texts[1]?.text).toBe(
      '【翠湖物业】紧急!投诉C20261127-001正在造成损害:5号楼电梯 电梯停运两天无人处理。请先止损再处理,止损后点:',
    );
  });

  it('DS-2: the report sheet goes to the head of the department of the person complained about (the next lead when that is the head), never to that person', () => {
    const about = open(intake({ severity: 'minor', about: { staffId: 'engineering-manager-1' } }), OPENED);
    expect(sent(about).map((m) => m.to)).toEqual(['repair-lead-1']);
    const guard = open(intake({ severity: 'minor', about: { staffId: 'security-guard-1' } }), OPENED);
    expect(sent(guard).map((m) => m.to)).toEqual(['security-manager-1']);
  });

  it('CH-5: the routing of a complaint about the supervisor or the director goes past them to the next in line', () => {
    const important = open(intake({ about: { staffId: 'supervisor-1' } }), OPENED);
    expect(sent(important).find((m) => m.purpose === 'supervisor')?.to).toBe('office-manager-1');
    const major = open(intake({ severity: 'major', about: { staffId: 'office-director-1' } }), OPENED);
    expect(sent(major).find((m) => m.purpose === 'director')?.to).toBe('office-manager-1');
    // … and so do the escalations that would ask them to press on (督办) their own case.
    const texts = complaintNotifications(
      escalation(important.ticket, 'handoff-L2', '2026-11-27T02:00:00.000Z'),
      important.ticket,
      STAFF,
      PARK,
    );
    // The office manager signs for the supervisor's department and just missed it: the next up
    // (ADR 016, issue 11 item 11).
    expect(texts.map((n) => n.to.id)).toEqual(['office-director-1']);
  });

  it('CH-2: a complaint from the phone tells the desk to grade it; one typed at the desk tells nobody', () => {
    expect(sent(open(phoneIntake(), OPENED))).toEqual([
      {
        to: 'dispatcher-1',
        purpose: 'received',
        text: '【翠湖物业】电话投诉C20261127-001待定性:电梯停运两天无人处理,今天必须修好,请10分钟内定性呈报。',
      },
    ]);
    const { source: _source, ...typed } = phoneIntake();
    expect(sent(open(typed, OPENED))).toEqual([]);
  });

  it('grading a received complaint sends the hand-off texts', () => {
    const story = run(
      open(phoneIntake(), OPENED),
      { type: 'grade', valid: true, severity: 'important', about: { department: 'engineering' } },
      minutes(OPENED, 5),
    );
    expect(sent(story).map((m) => m.purpose)).toEqual(['report-sheet', 'supervisor']);
  });
});

describe('missed deadlines go to the person who must act, then up the chain', () => {
  it.each([
    [
      'handoff-10m',
      10,
      ['dispatcher-1', 'engineering-manager-1'],
      '投诉呈报单C20261127-001已10分钟未签收(工程部)',
    ],
    ['handoff-L2', 20, ['supervisor-1'], '已20分钟仍未签收'],
    ['supervisor-30m', 30, ['office-manager-1'], '重要投诉C20261127-001已30分钟未获主管签收'],
    ['supervisor-L2', 60, ['deputy-gm-1'], '已1小时仍未获主管签收'],
    ['follow-up-2h', 120, ['dispatcher-1'], '已呈报2小时,请跟进进度并记录'],
  ])('%s (at %d minutes) → %j', (timer, after, to, words) => {
    const story = advance(open(intake(), OPENED), minutes(OPENED, after));
    const event = story.events.find((e) => 'timer' in e.data && e.data.timer === timer)!;
    const texts = complaintNotifications(event, story.ticket, STAFF, PARK);
    expect(texts.map((n) => n.to.id)).toEqual(to);
    expect(texts.every((n) => n.text.includes(words) && n.purpose === timer)).toBe(true);
  });

  it('DS-4: outside office hours the reminder goes to the duty officer (篇4 2)', () => {
    // With ongoing harm (CH-8) the follow-up clock runs after hours (ADR 016).
    const late = new Date('2026-11-27T16:30:00+08:00');
    const story = advance(
      open(intake({ occurredAt: '2026-11-27T16:00:00+08:00', ongoingHarm: true }), late),
      minutes(late, 120),
    );
    const reminder = story.events.find((e) => e.type === 'complaint.reminded')!;
    expect(complaintNotifications(reminder, story.ticket, STAFF, PARK).map((n) => n.to.id)).toEqual([
      'duty-officer-1',
    ]);
    expect(deskRolesOnShift(new Date('2026-11-27T17:29:00+08:00'), PARK)[0]).toBe('dispatcher');
    expect(deskRolesOnShift(new Date('2026-11-27T17:30:00+08:00'), PARK)[0]).toBe('duty-officer');
  });

  it.each([
    [['second-follow-up-missing', 'nothing-arranged'], '下班前未二次跟进且未安排处理'],
    [['nothing-arranged'], '至下班仍未处理或安排(工程部)'],
    [['second-follow-up-missing'], '下班前未做第二次跟进'],
  ])('DS-5: at closing with %j the office manager is told', (reasons, words) => {
    const { ticket } = open(intake(), OPENED);
    const texts = complaintNotifications(
      escalation(ticket, 'follow-up-eod', '2026-11-27T09:30:00.000Z', reasons),
      ticket,
      STAFF,
      PARK,
    );
    expect(texts.map((n) => n.to.id)).toEqual(['office-manager-1']);
    expect(texts[0]?.text).toContain(words);
  });

  it.each([
    ['grade-10m', ['dispatcher-1', 'customer-service-lead-1']],
    ['grade-L2', ['supervisor-1']],
    ['harm-10m', ['dispatcher-1', 'engineering-manager-1']],
    ['harm-L2', ['supervisor-1']],
    ['director-eod', ['office-manager-1']],
    ['director-L2', ['deputy-gm-1']],
    ['resolve-2d', ['engineering-manager-1', 'supervisor-1']],
    ['resolve-by-resident', ['engineering-manager-1', 'supervisor-1']],
    ['resolve-3d', ['engineering-manager-1', 'office-manager-1']],
    ['reply-2d', ['office-director-1', 'deputy-gm-1']],
    ['resolve-10d', ['office-director-1', 'deputy-gm-1']],
    ['callback-eod', ['customer-service-lead-1']],
  ])('%s → %j', (timer, to) => {
    const { ticket } = open(intake(), OPENED);
    const texts = complaintNotifications(
      escalation(ticket, timer, '2026-11-27T03:00:00.000Z'),
      ticket,
      STAFF,
      PARK,
    );
    expect(texts.map((n) => n.to.id)).toEqual(to);
  });

  it.each([
    [
      'handoff-10m',
      [
        ['dispatcher-1', undefined],
        ['engineering-manager-1', 'report-sheet'],
      ],
    ],
    [
      'harm-10m',
      [
        ['dispatcher-1', undefined],
        ['engineering-manager-1', 'stop-harm'],
      ],
    ],
    // The report sheet is unsigned: its link, which reports the work done once signed.
    [
      'resolve-2d',
      [
        ['engineering-manager-1', 'report-sheet'],
        ['supervisor-1', undefined],
      ],
    ],
    ['handoff-L2', [['supervisor-1', undefined]]],
  ])(
    'ADR 012: told of %s, whoever can do what is owed gets the link for it; the others are asked to follow up',
    (timer, expected) => {
      const { ticket } = open(intake(), OPENED);
      const texts = complaintNotifications(
        escalation(ticket, timer, '2026-11-27T03:00:00.000Z'),
        ticket,
        STAFF,
        PARK,
      );
      expect(texts.map((n) => [n.to.id, n.link?.purpose])).toEqual(expected);
      for (const n of texts) expect(n.text.endsWith(n.link ? ':' : '。')).toBe(true);
    },
  );

  it('a role nobody holds falls to the next in the chain (no supervisor → the office manager)', () => {
    const { ticket, events } = open(intake(), OPENED);
    const noSupervisor = STAFF.filter((s) => !s.roles.includes('supervisor'));
    expect(complaintNotifications(events[0]!, ticket, noSupervisor, PARK).map((n) => n.to.id)).toEqual([
      'engineering-manager-1',
      'office-manager-1',
    ]);
  });

  it('CH-1: raised to major after a month: the director and the office manager', () => {
    const story = advance(open(intake({ severity: 'minor' }), OPENED), new Date('2026-12-27T09:40:00+08:00'));
    const texts = links(story);
    expect(texts.map((m) => [m.to, m.link])).toEqual([
      ['office-director-1', 'director'],
      ['office-manager-1', undefined],
    ]);
    expect(texts[0]?.text).toBe(
      '【翠湖物业】投诉C20261127-001受理满一个月未解决,升为重大投诉:电梯停运两天无人处理,请12月27日17:30前签收:',
    );
    expect(texts[1]?.text).toBe(
      '【翠湖物业】投诉C20261127-001受理满一个月未解决,升为重大投诉:电梯停运两天无人处理,须12月27日17:30前签收,请督办。',
    );
  });

  it('CH-6: when the work is reported done the supervisor is told and reminded of the callback', () => {
    const story = run(
      open(intake(), OPENED),
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
      minutes(OPENED, 60),
      MANAGER,
    );
    expect(sent(story)).toEqual([
      {
        to: 'supervisor-1',
        purpose: 'resolved',
        text: '【翠湖物业】投诉C20261127-001已处理完毕(工程部):电梯停运两天无人处理,请11月27日17:30前回访业主。',
      },
    ]);
  });

  it('CH-6: reported done after closing, the callback is asked for by the next closing, not "today"', () => {
    const night = new Date('2026-11-27T22:00:00+08:00');
    const story = run(
      open(intake(), OPENED),
      { type: 'resolve', confirmedBy: '张伟', via: 'phone', ...OVERRIDE },
      night,
      MANAGER,
    );
    expect(story.ticket.timers['callback-eod']?.dueAt).toBe('2026-11-28T09:30:00.000Z');
    expect(sent(story)[0]?.text).toBe(
      '【翠湖物业】投诉C20261127-001已处理完毕(工程部):电梯停运两天无人处理,请11月28日17:30前回访业主。',
    );
  });
});

describe('the longest texts: one segment, two with a link; the place and the description’s core never cut', () => {
  /** The longest number, department label, place and description the desk allows. */
  function longest(overrides: Parameters<typeof intake>[0] = {}): ComplaintTicket {
    const { ticket } = open(
      intake({
        place: LONG_PLACE,
        description: LONG_DESCRIPTION,
        about: { department: 'customer-service' },
        ...overrides,
      }),
      new Date('2026-12-31T09:40:00+08:00'),
    );
    return { ...ticket, number: 'C20261231-999' };
  }
  const core = [...LONG_DESCRIPTION].slice(0, DESCRIPTION_CORE).join('');

  const check = (texts: { text: string; link?: unknown }[]) => {
    expect(texts.length).toBeGreaterThan(0);
    for (const { text, link } of texts) {
      expect(text.startsWith(SIGNATURE)).toBe(true);
      // The facts: the description's core always, the place whole wherever it is said.
      expect(text).toContain(core);
      if (text.includes(LONG_PLACE.slice(0, 8))) expect(text).toContain(LONG_PLACE);
      if (!link) {
        // One segment is given up before the core (two at most); the number, the only handle, stays.
        expect(text.length).toBeLessThanOrEqual(2 * SMS_SEGMENT);
        expect(text).toContain('C20261231-999');
      } else if (text.length > LINK_SMS_ROOM) {
        // Longer than two segments with the link only when the place and the core alone need it:
        // everything else that may go has gone.
        expect(text).toContain(LONG_PLACE);
        expect(text).toContain(`${core}…`);
        expect(text).not.toContain('C20261231-999');
      }
    }
  };

  it.each(Object.keys(MISS_TEXTS))('%s', (timer) => {
    const ticket = longest();
    check(complaintNotifications(escalation(ticket, timer, '2026-12-31T01:40:00.000Z'), ticket, STAFF, PARK));
  });

  it.each([['major'], ['important'], ['minor']] as const)(
    'the hand-off of a %s complaint with ongoing harm',
    (severity) => {
      const ticket = longest({ severity, ongoingHarm: true });
      const opening = {
        seq: 1,
        type: 'complaint.opened',
        at: ticket.createdAt,
        actor: actorOf('dispatcher-1'),
        data: { valid: true },
      };
      check(complaintNotifications(opening as unknown as ComplaintEvent, ticket, STAFF, PARK));
    },
  );

  it.each([
    ['the phone intake', { seq: 1, type: 'complaint.opened', data: {} }],
    [
      'the follow-up reminder',
      { seq: 2, type: 'complaint.reminded', data: { timer: COMPLAINT_TIMERS.followUp } },
    ],
    ['the resolution', { seq: 2, type: 'complaint.resolved', data: {} }],
    [
      'the one-month raise',
      { seq: 2, type: 'complaint.severity-raised', data: { timer: COMPLAINT_TIMERS.oneMonth } },
    ],
    [
      'DS-5 both reasons',
      {
        seq: 2,
        type: 'complaint.escalated',
        data: { timer: 'follow-up-eod', reasons: ['second-follow-up-missing', 'nothing-arranged'] },
      },
    ],
    [
      'DS-5 nothing arranged',
      {
        seq: 2,
        type: 'complaint.escalated',
        data: { timer: 'follow-up-eod', reasons: ['nothing-arranged'] },
      },
    ],
  ])('%s', (_what, shape) => {
    const ticket = {
      ...longest(),
      source: { channel: 'ivr-connect' as const, callId: 'c-1' },
      timers: { 'director-eod': { dueAt: '2026-12-31T09:30:00.000Z', state: 'pending' as const } },
    };
    const event = {
      ...shape,
      at: '2026-12-31T01:40:00.000Z',
      actor: SYSTEM_ACTOR,
    } as unknown as ComplaintEvent;
    check(complaintNotifications(event, ticket, STAFF, PARK));
  });

  it('a short complaint is sent whole, without an ellipsis', () => {
    for (const { text } of sent(open(intake({ severity: 'major', ongoingHarm: true }), OPENED))) {
      expect(text).not.toContain('…');
    }
  });
});
