/** What a genuine, unexpired personal link may still do. */
import { describe, expect, it } from 'vitest';
import { linkRefusal } from '../../../shared/domain/emergency';
import { MANAGER, NIGHT, Story } from '../../support/emergency-story';

describe('links: what a genuine link may still do', () => {
  it('acknowledge: only for someone told, only until the first acknowledgement, never once closed', () => {
    const story = new Story();
    expect(linkRefusal(story.ticket, 'office-manager-1', 'acknowledge')).toBeUndefined();
    expect(linkRefusal(story.ticket, 'gm-1', 'acknowledge')).toEqual({ reason: 'not-yours' });
    story.run({ type: 'acknowledge' }, NIGHT, MANAGER);
    expect(linkRefusal(story.ticket, 'office-manager-1', 'acknowledge')).toMatchObject({
      reason: 'acknowledged',
      by: { staffId: 'office-manager-1' },
    });
    expect(linkRefusal({ ...story.ticket, status: 'closed' }, 'security-captain-1', 'scene')).toEqual({
      reason: 'closed',
    });
  });

  it('scene: only for a responder', () => {
    const { ticket } = new Story();
    expect(linkRefusal(ticket, 'security-captain-1', 'scene')).toBeUndefined();
    expect(linkRefusal(ticket, 'office-manager-1', 'scene')).toEqual({ reason: 'not-yours' });
  });
});
