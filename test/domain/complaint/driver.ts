/**
 * A pure driver for complaint tests: open, command and fire clocks through the kind's rules exactly
 * as the use cases do (decide → event with seq/at/actor → apply), keeping every event.
 */
import type {
  ComplaintCommandBody,
  ComplaintEvent,
  ComplaintIntake,
  ComplaintTicket,
} from '../../../shared/domain/complaint';
import { complaintRules } from '../../../shared/domain/complaint';
import type { Park } from '../../../shared/domain/park';
import { type Actor, SYSTEM_ACTOR } from '../../../shared/domain/ticket';
import { actorOf, makePark, ruleContext } from '../../support/fixtures';

export { STAFF } from '../../support/fixtures';
export const PARK: Park = makePark();
export const NUMBER = 'C20261127-001';
/** When the README's complaint is called in: Friday 27 November 2026, 09:40 in Shanghai. */
export const OPENED = new Date('2026-11-27T09:40:00+08:00');

/** The README's complaint: 李女士 about the lift, important, graded at the desk. */
export function intake(overrides: Partial<ComplaintIntake> = {}): ComplaintIntake {
  return {
    caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
    occurredAt: '2026-11-27T09:40:00+08:00',
    place: '5号楼电梯',
    about: { department: 'engineering' },
    description: '电梯停运两天无人处理',
    demand: '今天修好',
    valid: true,
    severity: 'important',
    ...overrides,
  };
}

/** The same complaint as the phone (IVR) opens it: no grading, no `about`, no demand. */
export function phoneIntake(): ComplaintIntake {
  return {
    caller: { name: '来电 +8613800000002', phone: '+8613800000002' },
    occurredAt: '2026-11-27T09:40:00+08:00',
    place: '电话投诉',
    description: '电梯停运两天无人处理,今天必须修好',
    source: { channel: 'ivr-twilio', callId: 'CA123', transcript: '电梯停运两天无人处理,今天必须修好' },
  };
}

export interface Story {
  ticket: ComplaintTicket;
  events: ComplaintEvent[];
}

export function open(
  data: ComplaintIntake,
  now: Date,
  park: Park = PARK,
  who: Actor = actorOf('dispatcher-1'),
): Story {
  const { ticket, event } = complaintRules.open(
    { id: 'ticket-1', parkId: park.id, number: NUMBER, intake: data },
    ruleContext(now, who, park),
  );
  return { ticket, events: [event] };
}

function append(
  story: Story,
  draft: Omit<ComplaintEvent, 'seq' | 'at' | 'actor'>,
  now: Date,
  who: Actor,
): Story {
  const event = {
    ...draft,
    seq: story.ticket.version + 1,
    at: now.toISOString(),
    actor: who,
  } as ComplaintEvent;
  return { ticket: complaintRules.apply(story.ticket, event), events: [...story.events, event] };
}

export function run(
  story: Story,
  command: ComplaintCommandBody,
  now: Date,
  who: Actor = actorOf('dispatcher-1'),
  park = PARK,
): Story {
  return append(story, complaintRules.decide(story.ticket, command, ruleContext(now, who, park)), now, who);
}

/** Fires `timer` at `now`; the story is unchanged when the rules record nothing. */
export function fire(story: Story, timer: string, now: Date, park: Park = PARK): Story {
  const draft = complaintRules.timerDue(story.ticket, timer, ruleContext(now, SYSTEM_ACTOR, park));
  return draft ? append(story, draft, now, SYSTEM_ACTOR) : story;
}

/** Fires every clock due by `now`, earliest first, each at its own due time (like the local runner). */
export function advance(story: Story, now: Date, park: Park = PARK): Story {
  let s = story;
  for (;;) {
    const due = Object.entries(s.ticket.timers)
      .filter(([, t]) => t.state === 'pending' && new Date(t.dueAt) <= now)
      .sort(([, a], [, b]) => a.dueAt.localeCompare(b.dueAt))[0];
    if (!due) return s;
    s = fire(s, due[0], new Date(due[1].dueAt), park);
  }
}

/**
 * Management above the department (the office manager), reporting the work done past a signature
 * still owed, with its reason on the record (CH-4/CH-5): for tests about what follows resolving.
 */
export const MANAGER: Actor = actorOf('office-manager-1');
export const OVERRIDE = { override: { reason: '业主同意先行处理,签收后补' } } as const;

export const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
export const seconds = (from: Date, n: number) => new Date(from.getTime() + n * 1000);
