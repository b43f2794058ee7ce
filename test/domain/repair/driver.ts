/** What the repair tests share: a dispatcher, a small engineering directory, an intake, and steps through the rules. */
import type { RuleContext } from '../../../shared/domain/kind';
import type { StaffMember } from '../../../shared/domain/park';
import {
  applyRepairEvent,
  decideRepair,
  openRepair,
  type RepairCommandBody,
  type RepairEvent,
  type RepairIntake,
  type RepairStatus,
  type RepairTicket,
} from '../../../shared/domain/repair';
import type { Actor } from '../../../shared/domain/ticket';
import { actorOf, makePark, ruleContext } from '../../support/fixtures';

export const TZ = 'Asia/Shanghai';
/** 14:00 in the park, a weekday afternoon. */
export const OPENED_AT = new Date('2026-11-27T06:00:00.000Z');
/** 陈静, the dispatcher. */
export const DISPATCHER: Actor = actorOf('dispatcher-1');
export const NUMBER = 'R20261127-001';

export const TECHNICIAN: StaffMember = {
  id: 'technician-1',
  parkId: 'park-1',
  name: '张伟',
  roles: ['technician'],
  department: 'engineering',
  phone: '+8613900000007',
};
export const REPAIR_LEAD: StaffMember = {
  ...TECHNICIAN,
  id: 'repair-lead-1',
  name: '王刚',
  roles: ['repair-lead'],
};
export const GUARD: StaffMember = {
  ...TECHNICIAN,
  id: 'security-guard-1',
  name: '孙鹏',
  roles: ['security-guard'],
  department: 'security',
};
export const SLIP = { number: 'S-0001', signedBy: '王先生' };
/** The directory the commands below name people from. */
export const DIRECTORY: StaffMember[] = [TECHNICIAN, REPAIR_LEAD, GUARD];

/** What the rules see at `at`: the dispatcher acting in 翠湖园 (Asia/Shanghai), with `staff` as its directory. */
export function ctxAt(at: Date, staff: readonly StaffMember[] = DIRECTORY): RuleContext {
  return ruleContext(at, DISPATCHER, makePark({ timeZone: TZ }), staff);
}

export function intake(overrides: Partial<RepairIntake> = {}): RepairIntake {
  return {
    caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
    description: '厨房水龙头漏水',
    location: '3号楼2单元1502',
    wantedAt: '2026-11-27T15:00:00+08:00',
    decision: 'dispatch',
    ...overrides,
  };
}

/** Opens a repair; a work-order number is passed unless the decision is a decline (RP-5). */
export function open(overrides: Partial<RepairIntake> = {}, now: Date = OPENED_AT) {
  const request = intake(overrides);
  return openRepair(
    {
      id: 'ticket-1',
      parkId: 'park-1',
      intake: request,
      ...(request.decision === 'decline' ? {} : { number: NUMBER }),
    },
    ctxAt(now),
  );
}

/** Opens a request without a decision, as the IVR does: wanted "now", with its R number. */
export function receive(overrides: Partial<RepairIntake> = {}) {
  const { decision: _none, ...rest } = intake({ wantedAt: OPENED_AT.toISOString(), ...overrides });
  return openRepair({ id: 'ticket-1', parkId: 'park-1', intake: rest, number: NUMBER }, ctxAt(OPENED_AT));
}

export type Command = RepairCommandBody;

/** The assign command naming `technician` (who must be in the context's directory). */
export function assignTo(technician: StaffMember): Command {
  return { type: 'assign', staffId: technician.id };
}

/** Decides a command and folds the resulting event, as the use case does. */
export function step(
  ticket: RepairTicket,
  command: Command,
  at: Date,
  staff: readonly StaffMember[] = DIRECTORY,
): RepairTicket {
  return record(ticket, decideRepair(ticket, command, ctxAt(at, staff)), at);
}

export function record(ticket: RepairTicket, draft: ReturnType<typeof decideRepair>, at: Date): RepairTicket {
  const event = { ...draft, seq: ticket.version + 1, at: at.toISOString(), actor: DISPATCHER } as RepairEvent;
  return applyRepairEvent(ticket, event);
}

export function inStatus(status: RepairStatus): RepairTicket {
  return { ...open().ticket, status };
}

export function minutesAfter(start: Date, minutes: number, seconds = 0): Date {
  return new Date(start.getTime() + (minutes * 60 + seconds) * 1000);
}
