/**
 * Nobody settles a complaint about themselves (CH-4, CH-5, DS-6): the three attacks, the
 * next in line acting instead, and the callback and service slip kept from the department
 * complained about (DS-6: 调度人员要在此副本上签字).
 */
import { describe, expect, it } from 'vitest';
import {
  type ComplaintCommandBody,
  type ComplaintIntake,
  complaintRules,
} from '../../../shared/domain/complaint';
import { Forbidden } from '../../../shared/domain/errors';
import { actorOf, thrownBy } from '../../support/fixtures';
import { intake, minutes, OPENED, open, PARK, phoneIntake, run, STAFF, type Story } from './driver';

const RESOLVE: ComplaintCommandBody = { type: 'resolve', confirmedBy: '张伟', via: 'phone' };
const CALLBACK: ComplaintCommandBody = { type: 'callback', outcome: 'satisfied' };
const SLIP: ComplaintCommandBody = { type: 'service-slip', number: 'FW-0101', signedBy: '陈静' };

/** Every command a complaint takes, each with a body that would pass if someone else sent it. */
const EVERY_COMMAND: ComplaintCommandBody[] = [
  { type: 'grade', valid: true, severity: 'minor', about: { department: 'engineering' } },
  { type: 'acknowledge' },
  { type: 'follow-ups', note: '跟进' },
  { type: 'reply', note: '已答复' },
  RESOLVE,
  CALLBACK,
  SLIP,
];

/** A complaint about `staffId`, opened by the desk's next person when it is about the dispatcher. */
function about(staffId: string, overrides: Partial<ComplaintIntake> = {}): Story {
  const opener = staffId === 'dispatcher-1' ? 'duty-officer-1' : 'dispatcher-1';
  return open(intake({ about: { staffId }, ...overrides }), OPENED, PARK, actorOf(opener));
}

/** Signed by whoever the rules ask (next in line), reported done by the desk's `desk`. */
function resolvedBy(story: Story, desk = 'dispatcher-1'): Story {
  let s = story;
  for (const step of ['report-sheet', 'supervisor'] as const) {
    s = run(s, { type: 'acknowledge', step }, minutes(OPENED, 5), actorOf(desk));
  }
  return run(s, RESOLVE, minutes(OPENED, 60), actorOf(desk));
}

function refusal(story: Story, command: ComplaintCommandBody, who: string) {
  return thrownBy(() => run(story, command, minutes(OPENED, 90), actorOf(who)));
}

describe('the person complained about never acts on it (CH-4, CH-5, DS-6)', () => {
  it('attack 1: the technician resolving the complaint about himself before anyone signed → 403, no clock stops', () => {
    const story = about('technician-1');
    const error = refusal(story, RESOLVE, 'technician-1');
    expect(error).toBeInstanceOf(Forbidden);
    expect(error.code).toBe('COMPLAINT.ACCUSED_MAY_NOT_ACT');
    expect(error.message).toContain('CH-4/CH-5');
    expect(error.message).toContain('never acts on it');
    // His colleague may report it done only once the signatures are in (CH-4, CH-5).
    expect(refusal(story, RESOLVE, 'technician-2').code).toBe('COMPLAINT.SIGNATURE_OWED');
  });

  it('attack 2: the engineering manager may send no step on a complaint about himself — follow-up, resolve, callback, slip, any', () => {
    const handling = about('engineering-manager-1');
    const resolved = resolvedBy(handling);
    for (const command of EVERY_COMMAND) {
      const story = command.type === 'callback' || command.type === 'service-slip' ? resolved : handling;
      const error = refusal(story, command, 'engineering-manager-1');
      expect(error.code, command.type).toBe('COMPLAINT.ACCUSED_MAY_NOT_ACT');
    }
    // The report sheet went to the next head (the repair lead), who signs; the desk closes it.
    const signed = run(handling, { type: 'acknowledge' }, minutes(OPENED, 3), actorOf('repair-lead-1'));
    expect(signed.ticket.acknowledgements['report-sheet']?.staffId).toBe('repair-lead-1');
    const closed = run(run(resolved, CALLBACK, minutes(OPENED, 90)), SLIP, minutes(OPENED, 95));
    expect(closed.ticket.status).toBe('closed');
  });

  it('attack 3: the dispatcher may send nothing on one about her; the duty officer or the customer-service lead acts instead', () => {
    const handling = about('dispatcher-1');
    const resolved = resolvedBy(handling, 'duty-officer-1');
    for (const command of EVERY_COMMAND) {
      const story = command.type === 'callback' || command.type === 'service-slip' ? resolved : handling;
      expect(refusal(story, command, 'dispatcher-1').code, command.type).toBe(
        'COMPLAINT.ACCUSED_MAY_NOT_ACT',
      );
    }
    const followed = run(
      handling,
      { type: 'follow-ups', note: '跟进' },
      minutes(OPENED, 10),
      actorOf('duty-officer-1'),
    );
    expect(followed.ticket.followUps).toBe(1);
    const called = run(resolved, CALLBACK, minutes(OPENED, 90), actorOf('customer-service-lead-1'));
    const closed = run(called, SLIP, minutes(OPENED, 95), actorOf('duty-officer-1'));
    expect(closed.ticket.status).toBe('closed');
  });

  it('CH-2: nobody grades a complaint so that it names themselves, nor opens one about themselves graded', () => {
    const received = open(phoneIntake(), OPENED);
    const grading: ComplaintCommandBody = {
      type: 'grade',
      valid: false,
      about: { staffId: 'dispatcher-1' },
    };
    expect(refusal(received, grading, 'dispatcher-1').code).toBe('COMPLAINT.ACCUSED_MAY_NOT_ACT');
    expect(() => run(received, grading, minutes(OPENED, 5), actorOf('duty-officer-1'))).not.toThrow();
    expect(
      thrownBy(() =>
        open(intake({ about: { staffId: 'dispatcher-1' } }), OPENED, PARK, actorOf('dispatcher-1')),
      ).code,
    ).toBe('COMPLAINT.ACCUSED_MAY_NOT_ACT');
  });

  it('DS-1: one about the dispatcher is still recorded by her, ungraded, and the next at the desk is texted to grade it', () => {
    const { valid: _v, severity: _s, ...ungraded } = intake({ about: { staffId: 'dispatcher-1' } });
    const story = open(ungraded, OPENED, PARK, actorOf('dispatcher-1'));
    expect(story.ticket.status).toBe('received');
    const texts = complaintRules.notifications(story.events[0]!, story.ticket, STAFF, PARK);
    expect(texts.map((n) => [n.to.id, n.purpose])).toEqual([['duty-officer-1', 'received']]);
    expect(texts[0]?.text).toBe(
      '【翠湖物业】投诉C20261127-001待定性:电梯停运两天无人处理,请10分钟内定性呈报。',
    );
  });
});

describe('the callback and the service slip: the desk and management above the department (DS-6, CH-6)', () => {
  const resolved = () => resolvedBy(open(intake(), OPENED));

  it.each(['engineering-manager-1'])(
    'the head of the department complained about (%s) may not call back or file the slip: 403',
    (who) => {
      for (const command of [CALLBACK, SLIP]) {
        const error = refusal(resolved(), command, who);
        expect(error).toBeInstanceOf(Forbidden);
        expect(error.code).toBe('COMPLAINT.DEPARTMENT_MAY_NOT_ACT');
        expect(error.message).toContain('DS-6');
      }
    },
  );

  it.each([
    'dispatcher-1',
    'duty-officer-1',
    'customer-service-1',
    'supervisor-1',
    'office-manager-1',
    'gm-1',
  ])('%s may', (who) => {
    expect(() => run(resolved(), CALLBACK, minutes(OPENED, 90), actorOf(who))).not.toThrow();
    expect(() => run(resolved(), SLIP, minutes(OPENED, 90), actorOf(who))).not.toThrow();
  });

  it('a complaint about the office itself: its managers may not, the desk and the company’s leaders may', () => {
    const office = resolvedBy(open(intake({ about: { department: 'management' } }), OPENED));
    expect(refusal(office, CALLBACK, 'office-manager-1').code).toBe('COMPLAINT.DEPARTMENT_MAY_NOT_ACT');
    expect(refusal(office, SLIP, 'supervisor-1').code).toBe('COMPLAINT.DEPARTMENT_MAY_NOT_ACT');
    expect(() => run(office, CALLBACK, minutes(OPENED, 90), actorOf('deputy-gm-1'))).not.toThrow();
    expect(() => run(office, SLIP, minutes(OPENED, 90), actorOf('dispatcher-1'))).not.toThrow();
  });
});
