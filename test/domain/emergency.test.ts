/**
 * Emergencies (DOMAIN.md EM-1..EM-6, 篇4 3.2): opening, the escalation chain as a pure decision
 * (table-tested), undeliverable numbers, the commands and their refusals, replay, and the SMS.
 */
import { describe, expect, it } from 'vitest';
import {
  applyEmergencyEvent,
  type ChainLevel,
  type ChainMove,
  decideChain,
  decideEmergency,
  decideUndeliverable,
  EMERGENCY_CATEGORIES,
  EMERGENCY_COMMANDS,
  EMERGENCY_DEFAULTS,
  EMERGENCY_STATUSES,
  EMERGENCY_TRANSITIONS,
  type EmergencyEvent,
  type EmergencyIntake,
  type EmergencyStatus,
  type EmergencyTicket,
  emergencySettings,
  emergencyTimerDue,
  linkRefusal,
  nextChainMove,
  nextEmergencyCommands,
  openEmergency,
} from '../../shared/domain/emergency';
import { emergencyNotifications, hasLink } from '../../shared/domain/emergency-notifications';
import {
  type DomainError,
  Forbidden,
  IllegalTransition,
  NotFound,
  RuleViolation,
} from '../../shared/domain/errors';
import type { RuleContext } from '../../shared/domain/kind';
import { SMS_SEGMENT } from '../../shared/domain/sms';
import type { Park, Role, StaffMember } from '../../shared/domain/park';
import type { Actor } from '../../shared/domain/ticket';

// ------------------------------------------------------------------ fixtures

const TICKET = '01JD3Q0000AAAAAAAAAAAAAAAA';
const NUMBER = 'E20261128-001';
/** 02:00 on a Saturday night in the park: out of office hours. */
const NIGHT = new Date('2026-11-28T02:00:00+08:00');
/** 10:00 on a Friday: office hours. */
const DAY = new Date('2026-11-27T10:00:00+08:00');
const min = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

const PARK: Park = {
  id: 'park-1',
  companyId: 'co-1',
  name: '翠湖园',
  timeZone: 'Asia/Shanghai',
  officeOpens: '08:30',
  officeCloses: '17:30',
  smsSignature: '【翠湖物业】',
};

let phone = 0;
function person(id: string, name: string, ...roles: Role[]): StaffMember {
  phone += 1;
  return {
    id,
    parkId: 'park-1',
    name,
    roles,
    department: 'management',
    phone: `+86139000001${String(phone).padStart(2, '0')}`,
  };
}

const STAFF: StaffMember[] = [
  person('dispatcher-1', '陈静', 'dispatcher'),
  person('duty-officer-1', '刘洋', 'duty-officer'),
  person('office-manager-1', '林涛', 'office-manager'),
  person('deputy-gm-1', '郑华', 'deputy-gm'),
  person('gm-1', '梁思远', 'gm'),
  person('supervisor-1', '高峰', 'supervisor'),
  person('security-manager-1', '郭勇', 'security-manager'),
  person('engineering-manager-1', '吴军', 'engineering-manager'),
  person('security-captain-1', '朱斌', 'security-captain'),
  person('elevator-lead-1', '徐涛', 'elevator-lead'),
  person('repair-lead-1', '王刚', 'repair-lead'),
  person('security-shift-lead-1', '胡亮', 'security-shift-lead'),
  person('technician-1', '张伟', 'technician'),
];
const without = (...roles: Role[]) => STAFF.filter((s) => !s.roles.some((r) => roles.includes(r)));

const actor = (staffId: string, groups: Actor['groups'], name?: string): Actor => ({
  staffId,
  groups,
  ...(name ? { name } : {}),
});
const DISPATCHER = actor('dispatcher-1', ['dispatcher'], '陈静');
const IVR = actor('ivr', ['dispatcher']);
const MANAGER = actor('office-manager-1', ['manager'], '林涛');
const SUPERVISOR = actor('supervisor-1', ['manager'], '高峰');
const GM = actor('gm-1', ['executive'], '梁思远');
const TECH = actor('technician-1', ['staff'], '张伟');
const CAPTAIN = actor('security-captain-1', ['security'], '朱斌');
const DUTY = actor('duty-officer-1', ['dispatcher'], '刘洋');

const FIRE: EmergencyIntake = {
  category: 'fire',
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
};

function ctx(
  now: Date,
  who: Actor = DISPATCHER,
  staff: StaffMember[] = STAFF,
  park: Park = PARK,
): RuleContext {
  return { now, actor: who, park, staff };
}

/** An emergency and its events, moved on step by step exactly as the use cases do. */
class Story {
  ticket: EmergencyTicket;
  events: EmergencyEvent[];
  constructor(
    intake: Partial<EmergencyIntake> = {},
    at: Date = NIGHT,
    who: Actor = DISPATCHER,
    staff: StaffMember[] = STAFF,
    park: Park = PARK,
  ) {
    const { ticket, event } = openEmergency(
      { id: TICKET, parkId: 'park-1', number: NUMBER, intake: { ...FIRE, ...intake } },
      ctx(at, who, staff, park),
    );
    this.ticket = ticket;
    this.events = [event];
  }

  record(
    draft: Omit<EmergencyEvent, 'seq' | 'at' | 'actor'>,
    at: Date,
    who: Actor = DISPATCHER,
  ): EmergencyTicket {
    const event = {
      ...draft,
      seq: this.ticket.version + 1,
      at: at.toISOString(),
      actor: who,
    } as EmergencyEvent;
    this.ticket = applyEmergencyEvent(this.ticket, event);
    this.events.push(event);
    return this.ticket;
  }

  run(command: Record<string, unknown> & { type: string }, at: Date, who: Actor = DISPATCHER, staff = STAFF) {
    return this.record(decideEmergency(this.ticket, command, ctx(at, who, staff)), at, who);
  }

  /** The chain's timer fires at its due time; returns false when it had nothing to do. */
  fire(timer: string, at?: Date, staff = STAFF): boolean {
    const due = at ?? new Date(this.ticket.timers[timer]?.dueAt ?? 0);
    const draft = emergencyTimerDue(this.ticket, timer, ctx(due, DISPATCHER, staff));
    if (!draft) return false;
    this.record(draft, due, { staffId: 'system', groups: ['system'], name: '系统' });
    return true;
  }

  undeliverable(staffId: string, purpose: string, at: Date, smsEventSeq = 1, index = 0, staff = STAFF) {
    const draft = decideUndeliverable(
      this.ticket,
      { staffId, purpose, eventSeq: smsEventSeq, index, error: 'SmsUndeliverable' },
      staff,
      at,
    );
    if (draft) this.record(draft, at, { staffId: 'system', groups: ['system'], name: '系统' });
    return draft;
  }
}

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected a refusal');
}

const where = (move: ChainMove) =>
  move.to === 'exhausted'
    ? 'exhausted'
    : `r${move.to.round}-L${move.to.level} ${move.to.role} ${move.to.recipients.map((r) => r.staffId).join('+')}`;

// ------------------------------------------------------------------ EM-1: opening

describe('EM-1: opening an emergency', () => {
  it.each(EMERGENCY_CATEGORIES)(
    'EM-1: a "%s" emergency opens numbered in the E register, escalating',
    (category) => {
      const { ticket } = new Story({ category });
      expect(ticket).toMatchObject({
        kind: 'emergency',
        number: NUMBER,
        status: 'escalating',
        category,
        version: 1,
      });
    },
  );

  it('EM-1: anything else is refused with 422 EMERGENCY.CATEGORY', () => {
    const error = refusal(() => new Story({ category: 'flood' as never }));
    expect(error).toBeInstanceOf(RuleViolation);
    expect(error).toMatchObject({ code: 'EMERGENCY.CATEGORY', field: 'category' });
  });

  it('keeps the caller and the phone call it came from (IVR source)', () => {
    const source = { channel: 'ivr-twilio' as const, callId: 'CA123', transcript: '车库着火了' };
    const caller = { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' };
    const { ticket } = new Story({ source, caller }, NIGHT, IVR);
    expect(ticket.source).toEqual(source);
    expect(ticket.caller).toEqual(caller);
  });

  it('EM-2/DS-3: the first level (office manager) is told at once; its timer waits 5 minutes', () => {
    const { ticket } = new Story();
    expect(ticket.chain.step).toMatchObject({
      round: 1,
      level: 1,
      role: 'office-manager',
      timer: 'escalate-r1-L1',
    });
    expect(ticket.chain.step?.recipients).toEqual([{ staffId: 'office-manager-1', name: '林涛' }]);
    expect(ticket.chain.notified).toEqual(['office-manager-1']);
    expect(ticket.timers).toEqual({
      'escalate-r1-L1': { dueAt: min(NIGHT, 5).toISOString(), state: 'pending' },
    });
  });

  it('EM-3: responders are everyone the directory names for the six roles, each once, in the procedure’s order', () => {
    const twoHats = [...STAFF, person('guard-lead-2', '马超', 'security-captain', 'security-shift-lead')];
    const { ticket } = new Story({}, NIGHT, DISPATCHER, twoHats);
    expect(ticket.responders.map((r) => [r.staffId, r.role])).toEqual([
      ['security-manager-1', 'security-manager'],
      ['engineering-manager-1', 'engineering-manager'],
      ['security-captain-1', 'security-captain'],
      ['guard-lead-2', 'security-captain'],
      ['elevator-lead-1', 'elevator-lead'],
      ['repair-lead-1', 'repair-lead'],
      ['security-shift-lead-1', 'security-shift-lead'],
    ]);
    expect(ticket.responders.every((r) => r.reports === 0 && !r.onSceneAt)).toBe(true);
  });

  it.each<[string, Actor, Date, StaffMember[], { staffId: string; how: string; accepted: boolean }]>([
    [
      'a dispatcher of the directory owns what they open',
      DISPATCHER,
      NIGHT,
      STAFF,
      { staffId: 'dispatcher-1', how: 'opened', accepted: true },
    ],
    [
      'a manager who opens it owns it',
      MANAGER,
      DAY,
      STAFF,
      { staffId: 'office-manager-1', how: 'opened', accepted: true },
    ],
    [
      'the phone line in office hours → the dispatcher, who must accept',
      IVR,
      DAY,
      STAFF,
      { staffId: 'dispatcher-1', how: 'on-duty', accepted: false },
    ],
    [
      'the phone line at night → the duty officer (非正式班), who must accept',
      IVR,
      NIGHT,
      STAFF,
      { staffId: 'duty-officer-1', how: 'on-duty', accepted: false },
    ],
    [
      'at night with no duty officer → the dispatcher',
      IVR,
      NIGHT,
      without('duty-officer'),
      { staffId: 'dispatcher-1', how: 'on-duty', accepted: false },
    ],
    [
      'nobody at the desk at all → the opener stays owner (never ownerless)',
      IVR,
      NIGHT,
      without('duty-officer', 'dispatcher'),
      { staffId: 'ivr', how: 'opened', accepted: true },
    ],
  ])('EM-4: %s', (_name, who, at, staff, expected) => {
    const { ticket } = new Story({}, at, who, staff);
    expect(ticket.owner).toMatchObject({ staffId: expected.staffId, how: expected.how });
    expect(ticket.owner.acceptedAt !== undefined).toBe(expected.accepted);
  });

  it('the park’s chain, waits and rounds are read when the emergency opens', () => {
    const park = { ...PARK, emergency: { chain: [{ role: 'gm' as const, waitMinutes: 2 }], rounds: 1 } };
    const { ticket } = new Story({}, NIGHT, DISPATCHER, STAFF, park);
    expect(ticket.chain).toMatchObject({ levels: [{ role: 'gm', waitMinutes: 2 }], rounds: 1 });
    expect(ticket.timers['escalate-r1-L1']?.dueAt).toBe(min(NIGHT, 2).toISOString());
  });

  it('a park that changes its settings later does not change an emergency already open', () => {
    const story = new Story();
    const changed = { ...PARK, emergency: { chain: [{ role: 'supervisor' as const, waitMinutes: 1 }] } };
    const draft = emergencyTimerDue(
      story.ticket,
      'escalate-r1-L1',
      ctx(min(NIGHT, 5), DISPATCHER, STAFF, changed),
    );
    expect(draft?.type).toBe('emergency.escalated');
    expect(where((draft!.data as { move: ChainMove }).move)).toBe('r1-L2 deputy-gm deputy-gm-1');
  });
});

describe('settings: a broken setting never stops an emergency', () => {
  it('no settings → the procedure’s defaults', () => {
    expect(emergencySettings({})).toEqual({ settings: EMERGENCY_DEFAULTS, warnings: [] });
    expect(EMERGENCY_DEFAULTS.chain.map((l) => [l.role, l.waitMinutes])).toEqual([
      ['office-manager', 5],
      ['deputy-gm', 5],
      ['gm', 5],
    ]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an empty chain', { chain: [] }, 'chain'],
    ['a role the directory does not know', { chain: [{ role: 'ceo', waitMinutes: 5 }] }, 'chain'],
    ['a wait of 0 minutes', { chain: [{ role: 'gm', waitMinutes: 0 }] }, 'chain'],
    ['a fractional wait', { chain: [{ role: 'gm', waitMinutes: 2.5 }] }, 'chain'],
    ['0 rounds', { rounds: 0 }, 'rounds'],
    ['11 rounds', { rounds: 11 }, 'rounds'],
    ['an unknown responder role', { responders: ['fireman'] }, 'responders'],
    ['nobody may sign off', { signOff: [] }, 'signOff'],
    ['links valid 1 minute', { ackLinkMinutes: 1 }, 'ackLinkMinutes'],
  ])('%s → the default, and a warning in the opening event', (_name, emergency, field) => {
    const { settings, warnings } = emergencySettings({ emergency: emergency as never });
    expect(settings[field as keyof typeof settings]).toEqual(
      EMERGENCY_DEFAULTS[field as keyof typeof EMERGENCY_DEFAULTS],
    );
    expect(warnings).toEqual([`emergency.${field} is not valid; the default is used`]);
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, { ...PARK, emergency: emergency as never });
    expect(story.events[0]?.data).toMatchObject({ warnings });
  });
});

// ------------------------------------------------------------------ EM-2: the chain, a pure decision

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
    expect(Object.values(story.ticket.timers).map((t) => t.state)).toEqual(Array(9).fill('missed'));
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

// ------------------------------------------------------------------ commands

describe('the lifecycle table', () => {
  it('close only from signed-off (EM-6); sign-off only after an acknowledgement; nothing after closed', () => {
    const closeFrom = EMERGENCY_STATUSES.filter((s) => EMERGENCY_TRANSITIONS[s].close);
    expect(closeFrom).toEqual(['signed-off']);
    const signOffFrom = EMERGENCY_STATUSES.filter((s) => EMERGENCY_TRANSITIONS[s]['sign-off']);
    expect(signOffFrom).toEqual(['acknowledged']);
    expect(EMERGENCY_TRANSITIONS.closed).toEqual({});
  });

  it.each<[EmergencyStatus, string[]]>([
    ['escalating', ['acknowledge', 'on-scene', 'report', 'hand-over', 'instructions']],
    ['unanswered', ['acknowledge', 'on-scene', 'report', 'hand-over', 'instructions']],
    ['acknowledged', ['on-scene', 'report', 'hand-over', 'instructions', 'sign-off']],
    ['signed-off', ['on-scene', 'report', 'hand-over', 'instructions', 'close']],
    ['closed', []],
  ])(
    'a %s emergency offers %j (accept-handover and instruction-done only when there is one)',
    (status, expected) => {
      const { ticket } = new Story();
      expect(nextEmergencyCommands({ ...ticket, status })).toEqual(expected);
      expect(EMERGENCY_COMMANDS).toHaveLength(9);
    },
  );
});

describe('commands and their refusals', () => {
  const cases: [string, (s: Story) => void, new (...a: never[]) => DomainError, RegExp][] = [
    [
      'EM-6: close before sign-off → 409 naming EM-6',
      (s) => s.run({ type: 'close' }, NIGHT),
      IllegalTransition,
      /EM-6/,
    ],
    [
      'EM-6: close after an acknowledgement but before sign-off → 409',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'close' }, NIGHT);
      },
      IllegalTransition,
      /EM-6.*sign-off/,
    ],
    [
      'EM-6: sign-off before anybody acknowledged → 409',
      (s) => s.run({ type: 'sign-off', comment: '同意' }, NIGHT, MANAGER),
      IllegalTransition,
      /sign-off/,
    ],
    [
      'EM-6: a supervisor may not sign off (the park names the office manager)',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'sign-off', comment: '同意' }, NIGHT, SUPERVISOR);
      },
      Forbidden,
      /EM-6.*office-manager/,
    ],
    [
      'EM-6: the GM may not sign off either',
      (s) => {
        s.run({ type: 'acknowledge' }, NIGHT, MANAGER);
        s.run({ type: 'sign-off', comment: '同意' }, NIGHT, GM);
      },
      Forbidden,
      /EM-6/,
    ],
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
    [
      'EM-3: somebody not sent to the scene may not report on scene',
      (s) => s.run({ type: 'on-scene' }, NIGHT, TECH),
      Forbidden,
      /EM-3/,
    ],
    [
      'EM-3: field staff may not record another person',
      (s) => s.run({ type: 'on-scene', staffId: 'security-manager-1' }, NIGHT, CAPTAIN),
      Forbidden,
      /desk/,
    ],
    [
      'EM-3: on the scene twice → 409',
      (s) => {
        s.run({ type: 'on-scene' }, NIGHT, CAPTAIN);
        s.run({ type: 'on-scene' }, NIGHT, CAPTAIN);
      },
      IllegalTransition,
      /on the scene since/,
    ],
    [
      'EM-4: only the owner (or a manager) hands over',
      (s) => s.run({ type: 'hand-over', staffId: 'dispatcher-1' }, NIGHT, DUTY),
      Forbidden,
      /EM-4/,
    ],
    [
      'EM-4: a handover to the owner → 422',
      (s) => s.run({ type: 'hand-over', staffId: 'dispatcher-1' }, NIGHT),
      RuleViolation,
      /owns this emergency already/,
    ],
    [
      'EM-4: a handover to somebody unknown → 404',
      (s) => s.run({ type: 'hand-over', staffId: 'nobody' }, NIGHT),
      NotFound,
      /not in this park/,
    ],
    [
      'EM-4: a handover to field staff, who may not take the desk’s post (nor accept it) → 422',
      (s) => s.run({ type: 'hand-over', staffId: 'technician-1' }, NIGHT),
      RuleViolation,
      /EM-4.*张伟/,
    ],
    [
      'EM-4: only the named successor accepts',
      (s) => {
        s.run({ type: 'hand-over', staffId: 'duty-officer-1' }, NIGHT);
        s.run({ type: 'accept-handover' }, NIGHT, actor('customer-service-1', ['dispatcher']));
      },
      Forbidden,
      /offered to 刘洋/,
    ],
    [
      'EM-4: nothing to accept → 409',
      (s) => s.run({ type: 'accept-handover' }, NIGHT, DUTY),
      IllegalTransition,
      /no handover/,
    ],
    [
      'EM-5: an instruction for somebody unknown → 404',
      (s) =>
        s.run(
          { type: 'instructions', from: '郑华', to: 'x', text: '疏散', dueAt: min(NIGHT, 30).toISOString() },
          NIGHT,
        ),
      NotFound,
      /x/,
    ],
    [
      'EM-5: an instruction due in the past → 422',
      (s) =>
        s.run(
          {
            type: 'instructions',
            from: '郑华',
            to: 'security-captain-1',
            text: '疏散',
            dueAt: min(NIGHT, -1).toISOString(),
          },
          NIGHT,
        ),
      RuleViolation,
      /EM-5/,
    ],
    [
      'EM-5: done for an instruction that does not exist → 404',
      (s) => s.run({ type: 'instruction-done', number: 3, result: '已完成' }, NIGHT),
      NotFound,
      /#3/,
    ],
    [
      'EM-5: somebody else’s instruction may not be reported done by field staff',
      (s) => {
        s.run(
          {
            type: 'instructions',
            from: '郑华',
            to: 'security-captain-1',
            text: '疏散B区住户',
            dueAt: min(NIGHT, 30).toISOString(),
          },
          NIGHT,
        );
        s.run({ type: 'instruction-done', number: 1, result: '已完成' }, NIGHT, TECH);
      },
      Forbidden,
      /朱斌/,
    ],
    [
      'an unknown step → 409',
      (s) => s.run({ type: 'assign', staffId: 'technician-1' }, NIGHT),
      IllegalTransition,
      /no step "assign"/,
    ],
  ];
  it.each(cases)('%s', (_name, act, type, message) => {
    const story = new Story();
    const error = refusal(() => act(story));
    expect(error).toBeInstanceOf(type);
    expect(error.message).toMatch(message);
  });

  it('a refused command changes nothing', () => {
    const story = new Story();
    const before = structuredClone(story.ticket);
    refusal(() => story.run({ type: 'close' }, NIGHT));
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
    story.run({ type: 'close' }, min(NIGHT, 91), DUTY);
    expect(story.ticket.status).toBe('closed');
    expect(Object.values(story.ticket.timers).filter((t) => t.state === 'pending')).toEqual([]);
    expect(nextEmergencyCommands(story.ticket)).toEqual([]);
  });

  it('EM-4: the phone line opens it; the duty officer named owner accepts it', () => {
    const story = new Story({}, NIGHT, IVR);
    expect(nextEmergencyCommands(story.ticket)).toContain('accept-handover');
    refusal(() => story.run({ type: 'accept-handover' }, NIGHT, DISPATCHER));
    story.run({ type: 'accept-handover' }, min(NIGHT, 1), DUTY);
    expect(story.ticket.owner).toEqual({
      staffId: 'duty-officer-1',
      name: '刘洋',
      acceptedAt: min(NIGHT, 1).toISOString(),
      how: 'on-duty',
    });
  });

  it('EM-6: a park may let the supervisor (管理处负责人 in the original) sign off', () => {
    const park = { ...PARK, emergency: { signOff: ['office-manager', 'supervisor'] as Role[] } };
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, park);
    story.run({ type: 'acknowledge' }, NIGHT, MANAGER);
    story.run({ type: 'sign-off', comment: '同意' }, NIGHT, SUPERVISOR);
    expect(story.ticket.signOff).toMatchObject({ staffId: 'supervisor-1', comment: '同意' });
  });
});

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

// ------------------------------------------------------------------ replay

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

// ------------------------------------------------------------------ SMS

describe('SMS (emergency-notifications)', () => {
  const sms = (s: Story, staff = STAFF) => emergencyNotifications(s.events.at(-1)!, s.ticket, staff, PARK);
  const beforeLink = (text: string) => text.length;

  it('EM-2 + EM-3 on opening: the office manager’s acknowledgement link, then six responders’ scene links', () => {
    const story = new Story({
      description: '车库B区冒烟,有焦味,住户报警说火势在蔓延,请尽快派人处理,电梯已停运',
    });
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
    expect(ack?.text.endsWith('请速处理,点链接确认:')).toBe(true);
    expect(ack?.text).toContain('…');
    // The text before the link fits one segment; the link follows it.
    for (const n of out) expect(beforeLink(n.text)).toBeLessThanOrEqual(SMS_SEGMENT);
    expect(hasLink(ack!) && ack.link).toEqual({
      purpose: 'acknowledge',
      expiresAt: min(NIGHT, 120).toISOString(),
    });
    expect(hasLink(scene!) && scene.link).toEqual({
      purpose: 'scene',
      expiresAt: min(NIGHT, 720).toISOString(),
    });
  });

  it('EM-4: opened by the phone line, the duty officer is told to take it on', () => {
    const out = sms(new Story({}, NIGHT, IVR));
    const owner = out.find((n) => n.purpose === 'owner');
    expect(owner?.to.id).toBe('duty-officer-1');
    expect(owner?.text).toBe(
      '【翠湖物业】紧急E20261128-001火警经电话转入:3号楼地下车库。车库B区冒烟,有焦味。请您负责调度并在系统中接手。',
    );
    expect(hasLink(owner!)).toBe(false);
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

  it('unanswered: the owner is told to phone', () => {
    const story = new Story({}, NIGHT, DISPATCHER, STAFF, { ...PARK, emergency: { rounds: 1 } });
    story.fire('escalate-r1-L1');
    story.fire('escalate-r1-L2');
    story.fire('escalate-r1-L3');
    expect(sms(story).map((n) => [n.to.id, n.purpose, n.text])).toEqual([
      [
        'dispatcher-1',
        'unanswered',
        '【翠湖物业】紧急E20261128-001火警经1轮短信无人确认:3号楼地下车库。请立即电话联系领导。',
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
    expect(sms(story).map((n) => [n.to.id, n.text])).toEqual([
      [
        'duty-officer-1',
        '【翠湖物业】紧急E20261128-001火警:陈静请您接替调度(3号楼地下车库),请在系统中接手。',
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

  it('acknowledgements, reports, sign-off and closing send nothing', () => {
    const story = new Story();
    for (const [command, who] of [
      [{ type: 'acknowledge' }, MANAGER],
      [{ type: 'on-scene' }, CAPTAIN],
      [{ type: 'report', text: '已到场' }, CAPTAIN],
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
