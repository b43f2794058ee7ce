/**
 * The emergency tests' world: a directory with one person for each role the procedure names, the
 * actors, two moments (a Friday morning, a Saturday night), and a story driver that moves an
 * emergency on step by step exactly as the use cases do.
 */
import { expect } from 'vitest';
import {
  applyEmergencyEvent,
  type ChainMove,
  decideEmergency,
  decideUndeliverable,
  type EmergencyCommandBody,
  type EmergencyEvent,
  type EmergencyIntake,
  type EmergencyTicket,
  emergencyTimerDue,
  openEmergency,
} from '../../shared/domain/emergency';
import type { DomainError } from '../../shared/domain/errors';
import type { Park, Role, StaffMember } from '../../shared/domain/park';
import { type Actor, SYSTEM_ACTOR } from '../../shared/domain/ticket';
import { actorOf, makePark, makeStaff, ruleContext, thrownBy } from './fixtures';

export const TICKET = '01JD3Q0000AAAAAAAAAAAAAAAA';
export const NUMBER = 'E20261128-001';
/** 02:00 on a Saturday night in the park: out of office hours. */
export const NIGHT = new Date('2026-11-28T02:00:00+08:00');
/** 10:00 on a Friday: office hours. */
export const DAY = new Date('2026-11-27T10:00:00+08:00');
export const min = (at: Date, minutes: number) => new Date(at.getTime() + minutes * 60_000);

export const PARK: Park = makePark();

let phone = 0;
/** A member of the emergency directory, with a phone number of their own. */
export function person(id: string, name: string, ...roles: Role[]): StaffMember {
  phone += 1;
  return makeStaff(id, name, roles, {
    department: 'management',
    phone: `+86139000001${String(phone).padStart(2, '0')}`,
  });
}

/**
 * Not the demo directory: nobody holds the customer-service lead's role, so a test can leave the
 * desk empty (EM-4's "never ownerless") by leaving out the dispatcher and the duty officer.
 */
export const STAFF: StaffMember[] = [
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
export const without = (...roles: Role[]) => STAFF.filter((s) => !s.roles.some((r) => roles.includes(r)));

/** An actor with exactly the groups a test gives, for people the directory does not list that way. */
export const actor = (staffId: string, groups: Actor['groups'], name?: string): Actor => ({
  staffId,
  groups,
  ...(name ? { name } : {}),
});
export const DISPATCHER = actorOf('dispatcher-1', STAFF);
/** The phone line: a system, not a person of the directory. */
export const IVR = actor('ivr', ['dispatcher']);
export const MANAGER = actorOf('office-manager-1', STAFF);
export const SUPERVISOR = actorOf('supervisor-1', STAFF);
export const GM = actorOf('gm-1', STAFF);
export const TECH = actorOf('technician-1', STAFF);
export const CAPTAIN = actorOf('security-captain-1', STAFF);
export const DUTY = actorOf('duty-officer-1', STAFF);

export const FIRE: EmergencyIntake = {
  category: 'fire',
  location: '3号楼地下车库',
  description: '车库B区冒烟,有焦味',
};

/** An emergency and its events, moved on step by step exactly as the use cases do. */
export class Story {
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
      ruleContext(at, who, park, staff),
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

  /** A command as the desk routes it by the ticket's kind: another kind's step included. */
  run(command: Record<string, unknown> & { type: string }, at: Date, who: Actor = DISPATCHER, staff = STAFF) {
    return this.record(
      decideEmergency(this.ticket, command as EmergencyCommandBody, ruleContext(at, who, PARK, staff)),
      at,
      who,
    );
  }

  /** The chain's timer fires at its due time; returns false when it had nothing to do. */
  fire(timer: string, at?: Date, staff = STAFF): boolean {
    const due = at ?? new Date(this.ticket.timers[timer]?.dueAt ?? 0);
    const draft = emergencyTimerDue(this.ticket, timer, ruleContext(due, DISPATCHER, PARK, staff));
    if (!draft) return false;
    this.record(draft, due, SYSTEM_ACTOR);
    return true;
  }

  undeliverable(staffId: string, purpose: string, at: Date, smsEventSeq = 1, index = 0, staff = STAFF) {
    const draft = decideUndeliverable(
      this.ticket,
      { staffId, purpose, eventSeq: smsEventSeq, index, error: 'SmsUndeliverable' },
      staff,
      at,
    );
    if (draft) this.record(draft, at, SYSTEM_ACTOR);
    return draft;
  }
}

/** Where a chain move leads, in one comparable line: `r1-L2 deputy-gm deputy-gm-1`. */
export const where = (move: ChainMove) =>
  move.to === 'exhausted'
    ? 'exhausted'
    : `r${move.to.round}-L${move.to.level} ${move.to.role} ${move.to.recipients.map((r) => r.staffId).join('+')}`;

/** A command refused: its name, what it does to a fresh story, the error's class, its message. */
export type RefusalCase = [string, (s: Story) => void, new (...a: never[]) => DomainError, RegExp];

/** Runs one refusal case on a fresh story. */
export function expectRefusal(act: (s: Story) => void, type: RefusalCase[2], message: RegExp): void {
  const story = new Story();
  const error = thrownBy(() => act(story));
  expect(error).toBeInstanceOf(type);
  expect(error.message).toMatch(message);
}
