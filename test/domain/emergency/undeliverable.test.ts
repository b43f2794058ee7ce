/** EM-2, point 7: an SMS that can never be delivered is recorded and may move the chain at once. */
import { describe, expect, it } from 'vitest';
import { DISPATCHER, MANAGER, min, NIGHT, PARK, STAFF, Story } from '../../support/emergency-story';

describe('point 7: an SMS that can never be delivered', () => {
  it('the sole office manager unreachable → recorded, and the chain moves to the deputy GM at once', () => {
    const story = new Story();
    const draft = story.undeliverable('office-manager-1', 'ack-r1-L1', min(NIGHT, 0));
    expect(draft?.type).toBe('sms.undeliverable');
    expect(story.ticket.chain.step).toMatchObject({ round: 1, level: 2 });
    expect(story.ticket.undeliverable).toEqual(['1#0']);
  });

  it('the same SMS reported again (a replay) records nothing', () => {
    const story = new Story();
    story.undeliverable('office-manager-1', 'ack-r1-L1', NIGHT, 1, 0);
    expect(story.undeliverable('office-manager-1', 'ack-r1-L1', NIGHT, 1, 0)).toBeUndefined();
    expect(story.events).toHaveLength(2);
  });

  it('a responder’s or an earlier level’s SMS is recorded but moves nothing', () => {
    const story = new Story();
    story.undeliverable('security-manager-1', 'scene', NIGHT, 1, 1);
    expect(story.events.at(-1)?.data).not.toHaveProperty('move');
    story.fire('escalate-r1-L1');
    story.undeliverable('office-manager-1', 'ack-r1-L1', min(NIGHT, 5), 1, 0);
    expect(story.events.at(-1)?.data).not.toHaveProperty('move');
    expect(story.ticket.chain.step).toMatchObject({ level: 2 });
  });

  it('after an acknowledgement it is only recorded', () => {
    const story = new Story();
    story.run({ type: 'acknowledge' }, NIGHT, MANAGER);
    story.undeliverable('office-manager-1', 'ack-r1-L1', NIGHT);
    expect(story.ticket.status).toBe('acknowledged');
    expect(story.events.at(-1)?.data).not.toHaveProperty('move');
  });

  it('the GM of the last round unreachable → unanswered at once', () => {
    const park = { ...PARK, emergency: { rounds: 1 } };
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, park);
    story.fire('escalate-r1-L1');
    story.fire('escalate-r1-L2');
    story.undeliverable('gm-1', 'ack-r1-L3', min(NIGHT, 10), 3, 0);
    expect(story.ticket.status).toBe('unanswered');
    expect(story.ticket.timers['escalate-r1-L3']?.state).toBe('cancelled');
  });
});
