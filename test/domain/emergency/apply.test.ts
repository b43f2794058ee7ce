/** Replay: apply depends on the events alone. */
import { describe, expect, it } from 'vitest';
import { applyEmergencyEvent } from '../../../shared/domain/emergency';
import { CAPTAIN, DUTY, GM, IVR, min, NIGHT, Story, TICKET } from '../../support/emergency-story';

describe('apply depends on the events alone', () => {
  it('folding the stored events again gives the same ticket, whatever the park or directory says now', () => {
    const story = new Story({}, NIGHT, IVR);
    story.undeliverable('office-manager-1', 'ack-r1-L1', NIGHT);
    story.fire('escalate-r1-L2');
    story.run({ type: 'accept-handover' }, min(NIGHT, 6), DUTY);
    story.run({ type: 'acknowledge' }, min(NIGHT, 7), GM);
    story.run(
      {
        type: 'instructions',
        from: '梁思远',
        to: 'security-captain-1',
        text: '封锁车库入口',
        dueAt: min(NIGHT, 30).toISOString(),
      },
      min(NIGHT, 8),
      GM,
    );
    story.run({ type: 'report', text: '已封锁' }, min(NIGHT, 12), CAPTAIN);

    const [first, ...rest] = story.events;
    let replayed = applyEmergencyEvent(undefined, first!, { id: TICKET, parkId: 'park-1' });
    for (const event of rest) replayed = applyEmergencyEvent(replayed, event);
    expect(replayed).toEqual(story.ticket);
    expect(replayed.version).toBe(story.events.length);
  });
});
