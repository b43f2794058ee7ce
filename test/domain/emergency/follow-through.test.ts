/**
 * Issue 11 items 15..18 in the domain (ADR 017): the owner told of each level nobody answered
 * (EM-2) and of responders not on the scene (EM-3), closing with a note on each open instruction
 * and the leader told of its outcome (EM-5, EM-6), emergencies opened from patrol (EM-1, EM-4).
 */
import { describe, expect, it } from 'vitest';
import { emergencyNotifications, emergencySmsMoot, smsNeverHeld } from '../../../shared/domain/emergency';
import { RuleViolation } from '../../../shared/domain/errors';
import { LINK_SMS_ROOM, SMS_SEGMENT } from '../../../shared/domain/sms';
import { thrownBy } from '../../support/fixtures';
import {
  CAPTAIN,
  DISPATCHER,
  DUTY,
  GM,
  MANAGER,
  min,
  NIGHT,
  PARK,
  STAFF,
  Story,
  TECH,
} from '../../support/emergency-story';

const sms = (s: Story) => emergencyNotifications(s.events.at(-1)!, s.ticket, STAFF, PARK);
const phoneOf = (id: string) => STAFF.find((s) => s.id === id)!.phone.slice(3);

describe('EM-2 (item 15): the owner hears of each level nobody answered, with whom to phone', () => {
  it('the office manager’s wait is over: the deputy GM is asked, and the owner gets the manager’s name and phone with their link', () => {
    const story = new Story();
    story.fire('escalate-r1-L1');
    expect(story.events.at(-1)?.data).toMatchObject({
      missed: [{ staffId: 'office-manager-1', name: '林涛' }],
    });
    const out = sms(story);
    expect(out.map((n) => [n.to.id, n.purpose])).toEqual([
      ['deputy-gm-1', 'ack-r1-L2'],
      ['dispatcher-1', 'missed-r1-L1'],
    ]);
    const owner = out[1]!;
    expect(owner.text).toBe(
      `【翠湖物业】紧急E20261128-001火警:3号楼地下车库。第1轮管理处经理林涛${phoneOf('office-manager-1')}未确认,请电话联系,详情:`,
    );
    expect(owner.link?.purpose).toBe('owner');
    expect(owner.text.length).toBeLessThanOrEqual(LINK_SMS_ROOM);
    // Every level, not only after all three rounds.
    story.fire('escalate-r1-L2');
    expect(sms(story).find((n) => n.purpose === 'missed-r1-L2')?.text).toContain(
      `郑华${phoneOf('deputy-gm-1')}未确认`,
    );
  });

  it('the owner’s SMS is never held by a budget, and moot once somebody acknowledged', () => {
    const story = new Story();
    story.fire('escalate-r1-L1');
    const owner = sms(story).find((n) => n.purpose === 'missed-r1-L1')!;
    expect(smsNeverHeld('missed-r1-L1')).toBe(true);
    expect(emergencySmsMoot(owner, story.ticket)).toBe(false);
    story.run({ type: 'acknowledge' }, min(NIGHT, 6), MANAGER);
    expect(emergencySmsMoot(owner, story.ticket)).toBe(true);
  });

  it('a level whose SMS cannot be delivered is named too, as unreachable', () => {
    const story = new Story();
    story.undeliverable('office-manager-1', 'ack-r1-L1', min(NIGHT, 1));
    expect(sms(story).find((n) => n.purpose === 'missed-r1-L1')?.text).toContain(
      `林涛${phoneOf('office-manager-1')}无法接收短信`,
    );
  });

  it('an owner who was on the level themselves is not told about themselves', () => {
    // The office manager opened it: owner, and the chain's first level.
    const story = new Story({}, NIGHT, MANAGER);
    story.fire('escalate-r1-L1');
    expect(sms(story).map((n) => n.purpose)).toEqual(['ack-r1-L2']);
  });
});

describe('EM-3 (item 16): responders not on the scene in time are named to the owner', () => {
  it('15 minutes after the call, those not there are named with their phones; those there are not', () => {
    const story = new Story();
    story.run({ type: 'on-scene' }, min(NIGHT, 8), CAPTAIN);
    expect(story.fire('scene-due')).toBe(true);
    const event = story.events.at(-1)!;
    expect(event.type).toBe('emergency.not-on-scene');
    const missing = (event.data as { missing: { staffId: string }[] }).missing.map((m) => m.staffId);
    expect(missing).not.toContain('security-captain-1');
    expect(missing).toHaveLength(5);
    const [owner] = sms(story);
    expect(owner?.to.id).toBe('dispatcher-1');
    expect(owner?.purpose).toBe('not-on-scene');
    expect(owner?.link?.purpose).toBe('owner');
    expect(owner?.text).toContain(`已过15分钟,未到场:郭勇${phoneOf('security-manager-1')}`);
    expect(owner?.text).toMatch(/等5人/);
    expect(owner!.text.length).toBeLessThanOrEqual(LINK_SMS_ROOM);
    expect(story.ticket.timers['scene-due']?.state).toBe('missed');
  });

  it('everyone on the scene in time: the timer is met and nothing is sent', () => {
    const story = new Story();
    for (const r of story.ticket.responders) {
      story.run({ type: 'on-scene', staffId: r.staffId }, min(NIGHT, 5), DISPATCHER);
    }
    expect(story.ticket.timers['scene-due']?.state).toBe('met');
    expect(story.fire('scene-due', min(NIGHT, 15))).toBe(false);
  });

  it('the park sets the time to the scene', () => {
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, { ...PARK, emergency: { sceneMinutes: 8 } });
    expect(story.ticket.timers['scene-due']?.dueAt).toBe(min(NIGHT, 8).toISOString());
  });

  it('the owner hears each arrival and report of a responder, in one segment', () => {
    const story = new Story();
    story.run({ type: 'on-scene' }, min(NIGHT, 8), CAPTAIN);
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      [
        'dispatcher-1',
        'responder-on-scene',
        '【翠湖物业】紧急E20261128-001火警:朱斌(保安队长)已到达现场(3号楼地下车库)。',
      ],
    ]);
    story.run({ type: 'report', text: '明火已扑灭,正在排烟' }, min(NIGHT, 12), CAPTAIN);
    const [report] = sms(story);
    expect(report?.purpose).toBe('responder-report');
    expect(report?.text).toContain('朱斌(保安队长)报回:明火已扑灭,正在排烟');
    expect(report!.text.length).toBeLessThanOrEqual(SMS_SEGMENT);
  });
});

describe('EM-5/EM-6 (item 17): open instructions closed with a note; the leader told', () => {
  function signedOff() {
    const story = new Story();
    story.run({ type: 'acknowledge' }, min(NIGHT, 2), MANAGER);
    story.run(
      {
        type: 'instructions',
        from: '梁总',
        fromStaffId: 'gm-1',
        to: 'security-captain-1',
        text: '疏散3号楼住户',
        dueAt: min(NIGHT, 30).toISOString(),
      },
      min(NIGHT, 3),
    );
    story.run(
      {
        type: 'instructions',
        from: '区消防大队',
        to: 'engineering-manager-1',
        text: '关闭B区电源',
        dueAt: min(NIGHT, 30).toISOString(),
      },
      min(NIGHT, 4),
      GM,
    );
    story.run({ type: 'sign-off', comment: '同意销项' }, min(NIGHT, 60), MANAGER);
    return story;
  }

  it('closing without a note on each open instruction is refused, naming them; bad notes too', () => {
    const story = signedOff();
    const error = thrownBy(() => story.run({ type: 'close' }, min(NIGHT, 61)));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.message).toMatch(/#1 朱斌: 疏散3号楼住户; #2 吴军: 关闭B区电源/);
    expect(
      thrownBy(() => story.run({ type: 'close', instructions: [{ number: 1, note: 'x' }] }, min(NIGHT, 61)))
        .message,
    ).toMatch(/#2 吴军/);
    expect(
      thrownBy(() =>
        story.run(
          {
            type: 'close',
            instructions: [
              { number: 1, note: 'x' },
              { number: 3, note: 'y' },
            ],
          },
          min(NIGHT, 61),
        ),
      ).message,
    ).toMatch(/#3 is not open/);
    expect(story.ticket.status).toBe('signed-off');
  });

  it('the leader who gave an instruction is told when it is done, and when it closes with the case', () => {
    const story = signedOff();
    story.run({ type: 'instruction-done', number: 1, result: '已全部疏散' }, min(NIGHT, 62), CAPTAIN);
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      ['gm-1', 'instruction-1-done', '【翠湖物业】紧急E20261128-001火警指示#1(朱斌)已完成:已全部疏散'],
    ]);
    story.run(
      { type: 'close', instructions: [{ number: 2, note: '供电局已切断B区电源' }] },
      min(NIGHT, 63),
      DUTY,
    );
    expect(story.ticket.instructions[1]).toMatchObject({ state: 'closed', closeNote: '供电局已切断B区电源' });
    // #2 was recorded by the GM (an authority's instruction): the GM hears what became of it.
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      [
        'gm-1',
        'instruction-2-closed',
        '【翠湖物业】紧急E20261128-001火警已结案,指示#2(吴军)未完成即关闭:供电局已切断B区电源',
      ],
    ]);
  });
});

describe('EM-1/EM-4 (item 18): opened from patrol', () => {
  it('a technician who opens an emergency is its reporter, not its owner: the desk on shift owns it and is asked to accept', () => {
    const story = new Story({}, NIGHT, TECH);
    expect(story.ticket.createdBy).toMatchObject({ staffId: 'technician-1', name: '张伟' });
    expect(story.ticket.owner).toEqual({ staffId: 'duty-officer-1', name: '刘洋', how: 'on-duty' });
    expect(
      emergencyNotifications(story.events[0]!, story.ticket, STAFF, PARK).map((n) => [n.to.id, n.purpose]),
    ).toContainEqual(['duty-officer-1', 'owner']);
  });
});
