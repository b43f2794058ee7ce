/** Who gets which SMS for an emergency's events, and what it says. */
import { describe, expect, it } from 'vitest';
import { emergencyNotifications, emergencySmsMoot, hasLink } from '../../../shared/domain/emergency';
import { isWellFormed } from '../../../shared/domain/formats';
import { DESCRIPTION_CORE, LINK_SMS_ROOM, SMS_SEGMENT } from '../../../shared/domain/sms';
import {
  DISPATCHER,
  GM,
  IVR,
  MANAGER,
  min,
  NIGHT,
  PARK,
  STAFF,
  Story,
  without,
} from '../../support/emergency-story';

/** A person's phone as an SMS prints it (a mainland mobile's 11 digits). */
const phoneOf = (id: string) => STAFF.find((s) => s.id === id)!.phone.slice(3);

describe('SMS (emergency-notifications)', () => {
  const sms = (s: Story, staff = STAFF) => emergencyNotifications(s.events.at(-1)!, s.ticket, staff, PARK);
  const beforeLink = (text: string) => text.length;

  it('EM-2 + EM-3 on opening: the office manager’s acknowledgement link, then six responders’ scene links', () => {
    // A description past its core (30 characters): the fitting may cut its tail only.
    const long =
      '车库B区冒烟,有焦味,住户报警说火势在蔓延,请尽快派人处理,电梯已停运,地下二层已有浓烟,两辆车被困在B区出口处无法驶出,需要消防车辆';
    const story = new Story({ description: long });
    const out = sms(story);
    expect(out.map((n) => [n.to.id, n.purpose])).toEqual([
      ['office-manager-1', 'ack-r1-L1'],
      ['security-manager-1', 'scene'],
      ['engineering-manager-1', 'scene'],
      ['security-captain-1', 'scene'],
      ['elevator-lead-1', 'scene'],
      ['repair-lead-1', 'scene'],
      ['security-shift-lead-1', 'scene'],
    ]);
    expect(out.every(hasLink)).toBe(true);
    const [ack, scene] = out;
    expect(ack?.text.startsWith('【翠湖物业】紧急E20261128-001火警:3号楼地下车库。车库B区冒烟')).toBe(true);
    // Courtesy (请速处理) went first, then the description's tail; the number stays.
    expect(ack?.text.endsWith('。点链接确认:')).toBe(true);
    expect(ack?.text).toContain(`${[...long].slice(0, DESCRIPTION_CORE).join('')}`);
    expect(ack?.text).toContain('…');
    // The text before the link leaves the link its room: the whole fits two segments.
    for (const n of out) expect(beforeLink(n.text)).toBeLessThanOrEqual(LINK_SMS_ROOM);
    expect(hasLink(ack!) && ack.link).toEqual({
      purpose: 'acknowledge',
      expiresAt: min(NIGHT, 120).toISOString(),
    });
    expect(hasLink(scene!) && scene.link).toEqual({
      purpose: 'scene',
      expiresAt: min(NIGHT, 720).toISOString(),
    });
  });

  it('EM-4: opened by the phone line, the duty officer is told to take it on, with the link that does it', () => {
    const out = sms(new Story({}, NIGHT, IVR));
    const owner = out.find((n) => n.purpose === 'owner');
    expect(owner?.to.id).toBe('duty-officer-1');
    expect(owner?.text).toBe(
      '【翠湖物业】紧急E20261128-001火警经电话转入:3号楼地下车库。车库B区冒烟,有焦味。请您负责调度,接手请点:',
    );
    expect(owner?.link).toEqual({ purpose: 'owner', expiresAt: min(NIGHT, 120).toISOString() });
  });

  it('EM-2: an escalation tells the next level who did not answer, by role; round 2 says so', () => {
    // 上一级 means the level above: told to the deputy GM it would name the GM, who has not been asked.
    const story = new Story();
    story.fire('escalate-r1-L1');
    const [deputy] = sms(story);
    expect(deputy?.to.id).toBe('deputy-gm-1');
    expect(deputy?.text).toContain('。管理处经理未确认,请速处理,点链接确认:');
    story.fire('escalate-r1-L2');
    const [gm] = sms(story);
    expect(gm?.text).toContain('。主管副总经理未确认,请速处理');
    story.fire('escalate-r1-L3');
    const [again] = sms(story);
    expect(again?.to.id).toBe('office-manager-1');
    expect(again?.purpose).toBe('ack-r2-L1');
    expect(again?.text).toContain('。第2轮,上轮各级均未确认,请速处理');
    for (const n of [deputy, gm, again]) expect(n?.text).not.toContain('上一级');
  });

  it('no SMS for an escalation once the ticket is acknowledged (the acknowledgement was stored first)', () => {
    const story = new Story();
    story.fire('escalate-r1-L1');
    const escalation = story.events.at(-1)!;
    story.run({ type: 'acknowledge' }, min(NIGHT, 5), MANAGER);
    expect(emergencyNotifications(escalation, story.ticket, STAFF, PARK)).toEqual([]);
  });

  it('issue 9 point 4: derived from the ticket of its time, an escalation’s SMS stays in the list; an answer stored since makes it moot, for good', () => {
    const story = new Story();
    story.fire('escalate-r1-L1');
    const escalation = story.events.at(-1)!;
    const then = story.ticket;
    const [deputy] = emergencyNotifications(escalation, then, STAFF, PARK);
    expect(deputy?.to.id).toBe('deputy-gm-1');
    expect(emergencySmsMoot(deputy!, then)).toBe(false);
    story.run({ type: 'acknowledge' }, min(NIGHT, 6), MANAGER);
    expect(emergencySmsMoot(deputy!, story.ticket)).toBe(true);
    // A scene link is never moot: responders go whatever the chain does.
    const scene = emergencyNotifications(story.events[0]!, new Story().ticket, STAFF, PARK).find(
      (n) => n.purpose === 'scene',
    );
    expect(emergencySmsMoot(scene!, story.ticket)).toBe(false);
  });

  it('unanswered: the owner is told to phone, naming the last level with its phone (EM-2, issue 11 item 15)', () => {
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, { ...PARK, emergency: { rounds: 1 } });
    story.fire('escalate-r1-L1');
    story.fire('escalate-r1-L2');
    story.fire('escalate-r1-L3');
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text, n.link?.purpose])).toEqual([
      [
        'dispatcher-1',
        'unanswered',
        `【翠湖物业】紧急E20261128-001火警:3号楼地下车库。经1轮短信无人确认。总经理梁思远${phoneOf('gm-1')}未确认,请立即电话联系领导,详情:`,
        'owner',
      ],
    ]);
  });

  it('no "unanswered" SMS to the owner when somebody acknowledged before it went out', () => {
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, { ...PARK, emergency: { rounds: 1 } });
    story.fire('escalate-r1-L1');
    story.fire('escalate-r1-L2');
    story.fire('escalate-r1-L3');
    const unanswered = story.events.at(-1)!;
    story.run({ type: 'acknowledge' }, min(NIGHT, 16), GM);
    expect(emergencyNotifications(unanswered, story.ticket, STAFF, PARK)).toEqual([]);
  });

  it('point 7: the level after an unreachable one is told so; an undeliverable that moves nothing sends nothing', () => {
    const story = new Story();
    story.undeliverable('security-manager-1', 'scene', NIGHT, 1, 1);
    expect(sms(story)).toEqual([]);
    story.undeliverable('office-manager-1', 'ack-r1-L1', NIGHT, 1, 0);
    const [deputy] = sms(story);
    expect(deputy?.to.id).toBe('deputy-gm-1');
    expect(deputy?.text).toContain('。管理处经理无法联系,请速处理');
  });

  it('EM-4: a handover tells the successor; EM-5: an instruction tells its person, and when overdue the owner too', () => {
    const story = new Story();
    story.run({ type: 'hand-over', staffId: 'duty-officer-1' }, NIGHT);
    expect(sms(story).map((n) => [n.to.id, n.text, n.link?.purpose])).toEqual([
      [
        'duty-officer-1',
        '【翠湖物业】紧急E20261128-001火警:陈静请您接替调度:3号楼地下车库。车库B区冒烟,有焦味。接手请点:',
        'owner',
      ],
    ]);
    story.run(
      {
        type: 'instructions',
        from: '郑华',
        to: 'security-captain-1',
        text: '疏散B区住户',
        dueAt: min(NIGHT, 30).toISOString(),
      },
      NIGHT,
    );
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      [
        'security-captain-1',
        'instruction-1',
        '【翠湖物业】紧急E20261128-001火警指示#1(郑华):疏散B区住户,请于11月28日02:30前完成并回报。',
      ],
    ]);
    story.fire('instruction-1-due');
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      [
        'security-captain-1',
        'instruction-1-overdue',
        '【翠湖物业】紧急E20261128-001火警指示#1已到期未完成(朱斌):疏散B区住户,请跟进。',
      ],
      [
        'dispatcher-1',
        'instruction-1-overdue',
        '【翠湖物业】紧急E20261128-001火警指示#1已到期未完成(朱斌):疏散B区住户,请跟进。',
      ],
    ]);
  });

  it('issue 9 point 5: an instruction sent whole is still well-formed, whatever text it was given', () => {
    const story = new Story();
    story.run(
      {
        type: 'instructions',
        from: '郑华\ud83d',
        to: 'security-captain-1',
        text: '疏散B区住户\udc00',
        dueAt: min(NIGHT, 30).toISOString(),
      },
      NIGHT,
    );
    const [issued] = sms(story);
    expect(isWellFormed(issued!.text)).toBe(true);
    expect(issued?.text).toContain('指示#1(郑华\ufffd):疏散B区住户\ufffd,');
  });

  it('EM-5: an instruction goes out whole, even past one segment: a cut instruction is not one issued', () => {
    const story = new Story();
    const text = '封锁南门车道,引导车辆从北门出入,并安排两名保安在B区入口劝离围观住户';
    story.run(
      {
        type: 'instructions',
        from: '郑华(主管副总)',
        to: 'security-captain-1',
        text,
        dueAt: min(NIGHT, 30).toISOString(),
      },
      NIGHT,
    );
    const [issued] = sms(story);
    expect(issued?.text).toBe(
      `【翠湖物业】紧急E20261128-001火警指示#1(郑华(主管副总)):${text},请于11月28日02:30前完成并回报。`,
    );
    expect(issued!.text.length).toBeGreaterThan(SMS_SEGMENT);
  });

  it('acknowledgements, reports the owner records, sign-off and closing send nothing', () => {
    const story = new Story();
    for (const [command, who] of [
      [{ type: 'acknowledge' }, MANAGER],
      [{ type: 'on-scene', staffId: 'security-captain-1' }, DISPATCHER],
      [{ type: 'report', text: '已到场', staffId: 'security-captain-1' }, DISPATCHER],
      [{ type: 'sign-off', comment: '同意' }, MANAGER],
      [{ type: 'close' }, DISPATCHER],
    ] as const) {
      story.run(command, NIGHT, who);
      expect(sms(story), command.type).toEqual([]);
    }
  });

  it('a person who left the directory is skipped, not an error', () => {
    const story = new Story();
    expect(sms(story, without('office-manager')).map((n) => n.purpose)).not.toContain('ack-r1-L1');
  });
});
