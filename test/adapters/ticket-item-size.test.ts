/**
 * Issue 9 point 6: an item over 400 KB makes a ticket unclosable. What grows on a ticket item is
 * capped (EM-5 instructions) or kept as a count (reports, follow-ups, replies): at every cap, with
 * every text at its schema maximum, the item stays well under the limit. And the store refuses an
 * oversized write with a 422 of its own instead of DynamoDB's error.
 */
import { describe, expect, it } from 'vitest';
import { itemSize, MAX_ITEM_BYTES } from '../../shared/adapters/dynamo/item-size';
import type { ComplaintTicket } from '../../shared/domain/complaint';
import type { EmergencyTicket } from '../../shared/domain/emergency';
import { MAX_INSTRUCTIONS } from '../../shared/domain/emergency';
import { RuleViolation } from '../../shared/domain/errors';
import { MAX_TRANSCRIPT } from '../../shared/ivr/call-tree';
import { intake, OPENED, open as openComplaint, run as runComplaint } from '../domain/complaint/driver';
import { DISPATCHER, MANAGER, min, NIGHT, Story } from '../support/emergency-story';
import { actorOf, thrownBy } from '../support/fixtures';
import { freshStore } from '../support/store';

/** A text at its schema maximum, of the widest characters the schema counts as one (3 UTF-8 bytes). */
const max = (units: number) => '漏'.repeat(units);
/** Well under DynamoDB's 400 KB, with room for the keys and anything the rounding misses. */
const BUDGET = 350 * 1024;

/** The ticket item's size by DynamoDB's rules and as JSON (the two agree to within a few percent). */
function sizes(ticket: object) {
  const item = { pk: `TICKET#${'X'.repeat(26)}`, sk: 'TICKET', itemType: 'ticket', ...ticket };
  return { dynamo: itemSize(item), json: Buffer.byteLength(JSON.stringify(item), 'utf8') };
}

/** An emergency taken as far as it goes: every list at its cap, every text at its schema maximum. */
function emergencyAtTheCaps(): Story {
  const story = new Story({
    location: max(200),
    description: max(500),
    caller: { name: max(50), phone: '+8613800000001', unit: max(30) },
    source: {
      channel: 'ivr-twilio',
      callId: `CA${'0'.repeat(32)}`,
      transcript: max(MAX_TRANSCRIPT),
      recordingUrl: `https://api.twilio.com/${'r'.repeat(480)}`,
    },
  });
  story.run({ type: 'acknowledge', note: max(300) }, min(NIGHT, 1), MANAGER);
  for (const r of story.ticket.responders) {
    story.run({ type: 'on-scene', staffId: r.staffId }, min(NIGHT, 2));
    story.run({ type: 'report', text: max(500), staffId: r.staffId }, min(NIGHT, 3));
  }
  story.run({ type: 'hand-over', staffId: 'duty-officer-1' }, min(NIGHT, 4));
  for (let n = 1; n <= MAX_INSTRUCTIONS; n++) {
    const at = min(NIGHT, 5 + n);
    story.run(
      {
        type: 'instructions',
        from: max(50),
        to: 'security-captain-1',
        text: max(300),
        dueAt: min(at, 30).toISOString(),
      },
      at,
    );
    story.run({ type: 'instruction-done', number: n, result: max(300) }, at);
  }
  return story;
}

describe('the ticket item at every cap, with every text at its schema maximum', () => {
  it(`an emergency with ${MAX_INSTRUCTIONS} instructions, every responder reporting, signed off and closed: under 350 KB`, () => {
    // Prepare + Act
    const story = emergencyAtTheCaps();
    const atCap = sizes(story.ticket);
    const end = min(NIGHT, 5 + MAX_INSTRUCTIONS + 1);
    story.run({ type: 'sign-off', comment: max(300) }, end, MANAGER);
    story.run({ type: 'close' }, end, DISPATCHER);
    const closed = sizes(story.ticket);

    // Assess
    expect(story.ticket.instructions).toHaveLength(MAX_INSTRUCTIONS);
    expect(story.ticket.status).toBe('closed');
    expect(closed.dynamo).toBeLessThan(BUDGET);
    expect(closed.json).toBeLessThan(BUDGET);
    expect(closed.dynamo).toBeLessThan(MAX_ITEM_BYTES);
    // Closing adds a sign-off and little else: the cap, not the last steps, bounds the item.
    expect(closed.dynamo - atCap.dynamo).toBeLessThan(2 * 1024);
  });

  it('EM-6 (issue 11 item 17): 100 instructions left open and closed each with a note at its maximum: under 350 KB too', () => {
    const story = new Story({ location: max(200), description: max(500) });
    story.run({ type: 'acknowledge', note: max(300) }, min(NIGHT, 1), MANAGER);
    for (let n = 1; n <= MAX_INSTRUCTIONS; n++) {
      const at = min(NIGHT, 5 + n);
      story.run(
        {
          type: 'instructions',
          from: max(50),
          to: 'security-captain-1',
          text: max(300),
          dueAt: min(at, 30).toISOString(),
        },
        at,
      );
    }
    const end = min(NIGHT, 5 + MAX_INSTRUCTIONS + 1);
    story.run({ type: 'sign-off', comment: max(300) }, end, MANAGER);
    const notes = Array.from({ length: MAX_INSTRUCTIONS }, (_, i) => ({ number: i + 1, note: max(150) }));
    story.run({ type: 'close', instructions: notes }, end, DISPATCHER);

    expect(story.ticket.instructions.every((i) => i.state === 'closed')).toBe(true);
    expect(sizes(story.ticket).dynamo).toBeLessThan(BUDGET);
  });

  it('EM-5: the instruction after the cap is a 422 naming the limit; the case can still be signed off and closed', () => {
    const story = emergencyAtTheCaps();
    const at = min(NIGHT, 200);

    const refused = thrownBy(() =>
      story.run(
        {
          type: 'instructions',
          from: '郑华',
          to: 'security-captain-1',
          text: '再疏散',
          dueAt: min(at, 30).toISOString(),
        },
        at,
      ),
    );

    expect(refused).toBeInstanceOf(RuleViolation);
    expect(refused.code).toBe('EMERGENCY.TOO_MANY_INSTRUCTIONS');
    expect(refused.message).toContain(`at most ${MAX_INSTRUCTIONS} instructions`);
    story.run({ type: 'sign-off', comment: '同意销项' }, at, MANAGER);
    story.run({ type: 'close' }, at, DISPATCHER);
    expect(story.ticket.status).toBe('closed');
  });

  it('reports are counted on the item, not kept there: 300 more reports leave it the same size', () => {
    const story = new Story();
    const captain = { type: 'report', text: max(500), staffId: 'security-captain-1' } as const;
    story.run(captain, min(NIGHT, 1));
    const once = sizes(story.ticket).dynamo;
    for (let i = 0; i < 300; i++) story.run(captain, min(NIGHT, 1));

    // The count grows from 1 to 301 digits-wise only; the version likewise.
    expect(sizes(story.ticket).dynamo - once).toBeLessThan(16);
    expect(
      (story.ticket as EmergencyTicket).responders.find((r) => r.staffId === 'security-captain-1')?.reports,
    ).toBe(301);
  });

  it('a complaint’s follow-ups and replies are counted, not kept: 300 of each leave the item the same size', () => {
    let story = openComplaint(
      intake({
        caller: { name: max(50), phone: '+8613800000002', unit: max(30) },
        place: max(200),
        description: max(500),
        demand: max(300),
      }),
      OPENED,
    );
    story = runComplaint(story, { type: 'follow-ups', note: max(500) }, OPENED);
    story = runComplaint(story, { type: 'reply', note: max(500) }, OPENED);
    const once = sizes(story.ticket).dynamo;
    for (let i = 0; i < 300; i++) {
      story = runComplaint(story, { type: 'follow-ups', note: max(500) }, OPENED);
      story = runComplaint(story, { type: 'reply', note: max(500) }, OPENED, actorOf('dispatcher-1'));
    }

    expect(sizes(story.ticket).dynamo - once).toBeLessThan(16);
    expect((story.ticket as ComplaintTicket).followUps).toBe(301);
    expect(sizes(story.ticket).dynamo).toBeLessThan(20 * 1024);
  });
});

describe('the store refuses an item DynamoDB would refuse, with a 422 of its own', () => {
  it('create and append of a ticket over the safe size: TICKET.TOO_LARGE (RuleViolation), nothing written', async () => {
    // Prepare: a ticket whose item would be about 400 KB (its description alone).
    const { store } = await freshStore({ seed: false });
    const story = new Story();
    const huge = { ...story.ticket, id: '01JD3Q0000BBBBBBBBBBBBBBBB', description: 'x'.repeat(400 * 1024) };
    const [opening] = story.events;

    // Act + Assess: creating it.
    const creating = store.create(huge, opening!);
    await expect(creating).rejects.toBeInstanceOf(RuleViolation);
    await expect(creating).rejects.toMatchObject({
      code: 'TICKET.TOO_LARGE',
      message: expect.stringContaining(`over the ${MAX_ITEM_BYTES / 1024} KB`),
    });
    expect(await store.get(huge.id)).toBeUndefined();

    // Appending to a stored ticket the step that would take it over.
    await store.create(story.ticket, opening!);
    story.run({ type: 'report', text: '现场有烟', staffId: 'security-captain-1' }, min(NIGHT, 1));
    const next = { ...story.ticket, description: 'x'.repeat(400 * 1024) };
    const appending = store.append(next, story.events.at(-1)!, 1);
    await expect(appending).rejects.toMatchObject({ code: 'TICKET.TOO_LARGE' });
    expect((await store.get(story.ticket.id))?.version).toBe(1);
  });
});
