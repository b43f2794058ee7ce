/**
 * EM-2: the escalation chain as a pure decision (table-tested), over time through its timers, and
 * the acknowledgement that stops it.
 */
import { describe, expect, it } from 'vitest';
import {
  type ChainLevel,
  decideChain,
  EMERGENCY_DEFAULTS,
  type EmergencyTicket,
  nextChainMove,
} from '../../../shared/domain/emergency';
import { Forbidden, IllegalTransition, RuleViolation } from '../../../shared/domain/errors';
import type { StaffMember } from '../../../shared/domain/park';
import {
  actor,
  DISPATCHER,
  expectRefusal,
  GM,
  MANAGER,
  min,
  NIGHT,
  person,
  type RefusalCase,
  STAFF,
  Story,
  where,
  without,
} from '../../support/emergency-story';

describe('EM-2: where the chain goes next (nextChainMove)', () => {
  const DEFAULT = { levels: EMERGENCY_DEFAULTS.chain, rounds: 3 };
  const twoManagers = [...STAFF, person('office-manager-2', '何平', 'office-manager')];
  const cases: [
    string,
    { levels: ChainLevel[]; rounds: number },
    [number, number],
    StaffMember[],
    string,
    string[],
  ][] = [
    ['the start → the office manager', DEFAULT, [1, 0], STAFF, 'r1-L1 office-manager office-manager-1', []],
    ['office manager → deputy GM', DEFAULT, [1, 1], STAFF, 'r1-L2 deputy-gm deputy-gm-1', []],
    ['deputy GM → GM', DEFAULT, [1, 2], STAFF, 'r1-L3 gm gm-1', []],
    ['GM → the top again, round 2', DEFAULT, [1, 3], STAFF, 'r2-L1 office-manager office-manager-1', []],
    ['the last level of the last round → exhausted', DEFAULT, [3, 3], STAFF, 'exhausted', []],
    ['one round only: after the GM → exhausted', { ...DEFAULT, rounds: 1 }, [1, 3], STAFF, 'exhausted', []],
    [
      'every holder of a role is told',
      DEFAULT,
      [1, 0],
      twoManagers,
      'r1-L1 office-manager office-manager-1+office-manager-2',
      [],
    ],
    [
      'no deputy GM in the directory → straight to the GM, the gap recorded',
      DEFAULT,
      [1, 1],
      without('deputy-gm'),
      'r1-L3 gm gm-1',
      ['r1-L2 deputy-gm'],
    ],
    [
      'no GM → round 2 from the top',
      DEFAULT,
      [1, 2],
      without('gm'),
      'r2-L1 office-manager office-manager-1',
      ['r1-L3 gm'],
    ],
    [
      'nobody of the chain in the directory → exhausted, every level recorded',
      { ...DEFAULT, rounds: 2 },
      [1, 0],
      without('office-manager', 'deputy-gm', 'gm'),
      'exhausted',
      [
        'r1-L1 office-manager',
        'r1-L2 deputy-gm',
        'r1-L3 gm',
        'r2-L1 office-manager',
        'r2-L2 deputy-gm',
        'r2-L3 gm',
      ],
    ],
  ];
  it.each(cases)('%s', (_name, chain, [round, level], staff, expected, skipped) => {
    const move = nextChainMove(chain, { round, level }, staff, NIGHT);
    expect(where(move)).toBe(expected);
    expect(move.skipped.map((s) => `r${s.round}-L${s.level} ${s.role}`)).toEqual(skipped);
    expect(move.skipped.every((s) => s.reason === 'nobody-in-directory')).toBe(true);
  });

  it('each level waits its own minutes, from now; its timer is named after it', () => {
    const chain = {
      levels: [
        { role: 'office-manager' as const, waitMinutes: 5 },
        { role: 'deputy-gm' as const, waitMinutes: 10 },
      ],
      rounds: 2,
    };
    const move = nextChainMove(chain, { round: 1, level: 1 }, STAFF, NIGHT);
    expect(move.to).toMatchObject({
      at: NIGHT.toISOString(),
      dueAt: min(NIGHT, 10).toISOString(),
      timer: 'escalate-r1-L2',
    });
  });
});

describe('EM-2: whether the chain moves (decideChain), from the ticket and now', () => {
  const fresh = () => new Story();
  const cases: [string, () => EmergencyTicket, Parameters<typeof decideChain>[1], Date, string][] = [
    [
      'its timer, before the wait is over → stay (not-due)',
      () => fresh().ticket,
      { kind: 'timer', timer: 'escalate-r1-L1' },
      min(NIGHT, 4),
      'stay not-due',
    ],
    [
      'its timer, the wait over → move to the deputy GM',
      () => fresh().ticket,
      { kind: 'timer', timer: 'escalate-r1-L1' },
      min(NIGHT, 5),
      'move r1-L2 deputy-gm deputy-gm-1',
    ],
    [
      'a timer of an earlier level → stay (not-current)',
      () => fresh().ticket,
      { kind: 'timer', timer: 'escalate-r1-L3' },
      min(NIGHT, 30),
      'stay not-current',
    ],
    [
      'acknowledged → stay, whatever fires',
      () => {
        const s = fresh();
        s.run({ type: 'acknowledge' }, min(NIGHT, 1), MANAGER);
        return s.ticket;
      },
      { kind: 'timer', timer: 'escalate-r1-L1' },
      min(NIGHT, 5),
      'stay acknowledged',
    ],
    [
      'closed → stay',
      () => ({ ...fresh().ticket, status: 'closed' as const }),
      { kind: 'timer', timer: 'escalate-r1-L1' },
      min(NIGHT, 5),
      'stay closed',
    ],
    [
      'exhausted → stay',
      () => ({ ...fresh().ticket, chain: { ...fresh().ticket.chain, state: 'exhausted' as const } }),
      { kind: 'timer', timer: 'escalate-r1-L1' },
      min(NIGHT, 5),
      'stay exhausted',
    ],
    [
      'its timer already settled (a duplicate delivery) → stay',
      () => {
        const t = fresh().ticket;
        return {
          ...t,
          timers: { 'escalate-r1-L1': { dueAt: min(NIGHT, 5).toISOString(), state: 'cancelled' as const } },
        };
      },
      { kind: 'timer', timer: 'escalate-r1-L1' },
      min(NIGHT, 5),
      'stay settled',
    ],
    [
      'the only person at the level is unreachable → move at once',
      () => fresh().ticket,
      { kind: 'undeliverable', staffId: 'office-manager-1', purpose: 'ack-r1-L1' },
      min(NIGHT, 0),
      'move r1-L2 deputy-gm deputy-gm-1',
    ],
    [
      'a responder unreachable → stay (not the chain)',
      () => fresh().ticket,
      { kind: 'undeliverable', staffId: 'security-manager-1', purpose: 'scene' },
      NIGHT,
      'stay not-current',
    ],
    [
      'an SMS of an earlier level → stay',
      () => fresh().ticket,
      { kind: 'undeliverable', staffId: 'office-manager-1', purpose: 'ack-r2-L1' },
      NIGHT,
      'stay not-current',
    ],
  ];
  it.each(cases)('%s', (_name, ticket, trigger, now, expected) => {
    const decision = decideChain(ticket(), trigger, STAFF, now);
    expect(decision.action === 'move' ? `move ${where(decision.move)}` : `stay ${decision.why}`).toBe(
      expected,
    );
  });

  it('two people at a level: one unreachable → wait for the other; both unreachable → move', () => {
    const staff = [...STAFF, person('office-manager-2', '何平', 'office-manager')];
    const story = new Story({}, NIGHT, DISPATCHER, staff);
    story.undeliverable('office-manager-1', 'ack-r1-L1', min(NIGHT, 0), 1, 0, staff);
    expect(story.ticket.chain.step).toMatchObject({
      level: 1,
      recipients: [{ staffId: 'office-manager-1', unreachable: true }, { staffId: 'office-manager-2' }],
    });
    expect(story.ticket.timers['escalate-r1-L1']?.state).toBe('pending');
    story.undeliverable('office-manager-2', 'ack-r1-L1', min(NIGHT, 1), 1, 1, staff);
    expect(story.ticket.chain.step).toMatchObject({ round: 1, level: 2, role: 'deputy-gm' });
    expect(story.ticket.timers['escalate-r1-L1']?.state).toBe('cancelled');
    expect(story.ticket.timers['escalate-r1-L2']).toEqual({
      dueAt: min(NIGHT, 6).toISOString(),
      state: 'pending',
    });
  });
});

describe('EM-2: the chain over time, through its timers', () => {
  it('nobody answers: three rounds of manager, deputy GM, GM, then unanswered; each level missed in turn', () => {
    const story = new Story();
    const reached: string[] = [];
    for (let i = 0; i < 9; i++) {
      const step = story.ticket.chain.step!;
      expect(story.fire(step.timer, min(NIGHT, 5 * i + 4))).toBe(false); // not yet
      expect(story.fire(step.timer)).toBe(true);
      reached.push(
        story.ticket.chain.state === 'exhausted'
          ? 'unanswered'
          : `r${story.ticket.chain.step!.round}-L${story.ticket.chain.step!.level}`,
      );
    }
    expect(reached).toEqual([
      'r1-L2',
      'r1-L3',
      'r2-L1',
      'r2-L2',
      'r2-L3',
      'r3-L1',
      'r3-L2',
      'r3-L3',
      'unanswered',
    ]);
    expect(story.ticket.status).toBe('unanswered');
    expect(story.events.map((e) => e.type).slice(-2)).toEqual([
      'emergency.escalated',
      'emergency.unanswered',
    ]);
    const { 'scene-due': _scene, ...chainTimers } = story.ticket.timers;
    expect(Object.values(chainTimers).map((t) => t.state)).toEqual(Array(9).fill('missed'));
    // Everyone of the chain was told, and may still acknowledge after the last round.
    expect(story.ticket.chain.notified).toEqual(['office-manager-1', 'deputy-gm-1', 'gm-1']);
    story.run({ type: 'acknowledge' }, min(NIGHT, 50), GM);
    expect(story.ticket.status).toBe('acknowledged');
    expect(story.ticket.chain.acknowledgement).toMatchObject({
      staffId: 'gm-1',
      round: 3,
      level: 3,
      via: 'api',
    });
  });

  it('a timer firing twice, or late after an acknowledgement, records nothing', () => {
    const story = new Story();
    expect(story.fire('escalate-r1-L1')).toBe(true);
    expect(story.fire('escalate-r1-L1', min(NIGHT, 6))).toBe(false);
    story.run({ type: 'acknowledge' }, min(NIGHT, 7), actor('deputy-gm-1', ['executive']));
    expect(story.fire('escalate-r1-L2', min(NIGHT, 20))).toBe(false);
    expect(story.ticket.timers['escalate-r1-L2']?.state).toBe('met');
  });
});

describe('commands and their refusals', () => {
  const cases: RefusalCase[] = [
    [
      'EM-2: somebody the chain has not told may not acknowledge',
      (s) => s.run({ type: 'acknowledge' }, NIGHT, GM),
      Forbidden,
      /EM-2.*office-manager-1/,
    ],
    [
      'EM-2: a second acknowledgement → 409 naming the first',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
      },
      IllegalTransition,
      /already acknowledged by 林涛/,
    ],
    [
      'an acknowledgement naming a complaint’s step → 422',
      (s) => s.run({ type: 'acknowledge', step: 'report-sheet' }, NIGHT, MANAGER),
      RuleViolation,
      /no step/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => expectRefusal(act, type, message));
});
