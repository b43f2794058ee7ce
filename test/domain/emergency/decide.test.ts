/** The commands end to end (EM-2..EM-6), an unknown step, and a refusal that changes nothing. */
import { describe, expect, it } from 'vitest';
import { nextEmergencyCommands } from '../../../shared/domain/emergency';
import { IllegalTransition } from '../../../shared/domain/errors';
import {
  CAPTAIN,
  DUTY,
  expectRefusal,
  MANAGER,
  min,
  NIGHT,
  type RefusalCase,
  Story,
} from '../../support/emergency-story';
import { thrownBy } from '../../support/fixtures';

describe('commands and their refusals', () => {
  const cases: RefusalCase[] = [
    [
      'an unknown step → 409',
      (s) => s.run({ type: 'assign', staffId: 'technician-1' }, NIGHT),
      IllegalTransition,
      /no step "assign"/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => expectRefusal(act, type, message));

  it('a refused command changes nothing', () => {
    const story = new Story();
    const before = structuredClone(story.ticket);
    thrownBy(() => story.run({ type: 'close' }, NIGHT));
    expect(story.ticket).toEqual(before);
  });

  it('EM-2..EM-6: acknowledge, on scene, report, instructions, handover, sign-off, close', () => {
    // Prepare
    const story = new Story();

    // Act + Assess, step by step.
    story.run({ type: 'acknowledge', note: '10分钟到' }, min(NIGHT, 2), MANAGER);
    expect(story.ticket.status).toBe('acknowledged');
    expect(story.ticket.chain.acknowledgement).toMatchObject({
      staffId: 'office-manager-1',
      note: '10分钟到',
    });
    expect(story.ticket.timers['escalate-r1-L1']?.state).toBe('met');

    story.run({ type: 'on-scene' }, min(NIGHT, 6), CAPTAIN);
    story.run({ type: 'report', text: '明火已扑灭,正在排烟' }, min(NIGHT, 15), CAPTAIN);
    story.run({ type: 'on-scene', staffId: 'elevator-lead-1' }, min(NIGHT, 8)); // the desk, for someone who phoned
    const captain = story.ticket.responders.find((r) => r.staffId === 'security-captain-1');
    expect(captain).toMatchObject({
      onSceneAt: min(NIGHT, 6).toISOString(),
      reports: 1,
      lastReport: { text: '明火已扑灭,正在排烟' },
    });
    expect(story.ticket.responders.find((r) => r.staffId === 'elevator-lead-1')?.onSceneAt).toBe(
      min(NIGHT, 8).toISOString(),
    );

    story.run(
      {
        type: 'instructions',
        from: '郑华(主管副总)',
        to: 'security-captain-1',
        text: '疏散B区住户',
        dueAt: min(NIGHT, 45).toISOString(),
      },
      min(NIGHT, 20),
    );
    story.run(
      {
        type: 'instructions',
        from: '区消防大队',
        to: 'engineering-manager-1',
        text: '关闭B区电源',
        dueAt: min(NIGHT, 30).toISOString(),
      },
      min(NIGHT, 21),
    );
    expect(story.ticket.instructions.map((i) => [i.number, i.state, i.timer])).toEqual([
      [1, 'open', 'instruction-1-due'],
      [2, 'open', 'instruction-2-due'],
    ]);
    expect(story.fire('instruction-2-due')).toBe(true);
    expect(story.ticket.instructions[1]?.state).toBe('overdue');
    story.run({ type: 'instruction-done', number: 1, result: '已疏散' }, min(NIGHT, 40), CAPTAIN);
    expect(story.ticket.instructions[0]).toMatchObject({
      state: 'done',
      result: '已疏散',
      doneAt: min(NIGHT, 40).toISOString(),
    });
    expect(story.ticket.timers['instruction-1-due']?.state).toBe('met');
    expect(story.fire('instruction-1-due', min(NIGHT, 45))).toBe(false);

    story.run({ type: 'hand-over', staffId: 'duty-officer-1' }, min(NIGHT, 50));
    expect(story.ticket.owner.staffId).toBe('dispatcher-1'); // not ownerless while the offer waits
    expect(nextEmergencyCommands(story.ticket)).toContain('accept-handover');
    story.run({ type: 'accept-handover' }, min(NIGHT, 52), DUTY);
    expect(story.ticket.owner).toEqual({
      staffId: 'duty-officer-1',
      name: '刘洋',
      acceptedAt: min(NIGHT, 52).toISOString(),
      how: 'handover',
    });
    expect(story.ticket.handover).toBeUndefined();

    story.run({ type: 'sign-off', comment: '火情已排除,同意销项。' }, min(NIGHT, 90), MANAGER);
    expect(story.events.at(-1)?.data).toMatchObject({ openInstructions: [2] });
    story.run(
      { type: 'close', instructions: [{ number: 2, note: 'B区电源由供电局切断' }] },
      min(NIGHT, 91),
      DUTY,
    );
    expect(story.ticket.status).toBe('closed');
    expect(story.ticket.instructions[1]).toMatchObject({ state: 'closed', closeNote: 'B区电源由供电局切断' });
    expect(Object.values(story.ticket.timers).filter((t) => t.state === 'pending')).toEqual([]);
    expect(nextEmergencyCommands(story.ticket)).toEqual([]);
  });
});
