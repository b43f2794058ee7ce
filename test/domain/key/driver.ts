/** What the key tests share: a key set in the register, a request for it, and steps through the rules. */
import {
  applyKeyEvent,
  decideKey,
  type KeyCommandBody,
  type KeyEvent,
  type KeySet,
  type KeyTicket,
  keyRefFor,
  keyTimerDue,
  openKeyRequest,
  type Requester,
  registerKeySet,
} from '../../../shared/domain/key';
import type { RuleContext } from '../../../shared/domain/kind';
import type { Park } from '../../../shared/domain/park';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket';
import { actorOf, makePark, ruleContext, STAFF } from '../../support/fixtures';

/** 09:40 in the park on a Friday morning (office hours 08:30–17:30). */
export const MORNING = new Date('2026-11-27T09:40:00+08:00');
export const NUMBER = 'K20261127-001';
export const PARK: Park = makePark();

/** The unit's key set in the cabinet: 3-2-1502, whose owner is 王先生 in the demo directory. */
export function unitKeySet(overrides: Partial<Parameters<typeof registerKeySet>[0]> = {}): KeySet {
  return registerKeySet(
    { unit: '3-2-1502', label: '入户门钥匙', count: 2, tag: 'K-0153', ...overrides },
    { id: 'KEYSET-1', parkId: PARK.id },
    new Date('2026-11-01T10:00:00+08:00'),
    actorOf('security-guard-1'),
  ).keySet;
}

export const REQUESTERS: Record<Requester['type'], Requester> = {
  owner: { type: 'owner', name: '王先生', phone: '+8613800000001' },
  tenant: { type: 'tenant', name: '钱女士', phone: '+8613800000004' },
  agent: { type: 'agent', name: '链家小周', phone: '+8613800000010' },
  other: { type: 'other', name: '王先生的表弟', phone: '+8613800000011' },
  staff: { type: 'staff', name: '张伟', phone: '+8613900000007', staffId: 'technician-1' },
};

/** The property office (黄磊) acting at `at`. */
export function officeAt(at: Date, park: Park = PARK): RuleContext {
  return ruleContext(at, actorOf('property-office-1'), park, STAFF);
}

export function guardAt(at: Date, park: Park = PARK): RuleContext {
  return ruleContext(at, actorOf('security-guard-1'), park, STAFF);
}

/** A request by `type` for `keySet`, opened at the office at `at`. */
export function requestBy(
  type: Requester['type'],
  keySet: KeySet = unitKeySet(),
  at: Date = MORNING,
  owners: string[] = ['王先生'],
): KeyTicket {
  return openKeyRequest(
    {
      id: 'TICKET-K1',
      parkId: PARK.id,
      number: NUMBER,
      intake: {
        keyId: keySet.id,
        requester: REQUESTERS[type],
        reason: '看房',
        key: keyRefFor(keySet, owners),
      },
    },
    officeAt(at),
  ).ticket;
}

/** Decides and applies one command, as the use case does (next seq, `at`, the actor). */
export function step(
  ticket: KeyTicket,
  command: KeyCommandBody,
  ctx: RuleContext,
): { ticket: KeyTicket; event: KeyEvent } {
  const draft = decideKey(ticket, command, ctx);
  const event = {
    ...draft,
    seq: ticket.version + 1,
    at: ctx.now.toISOString(),
    actor: ctx.actor,
  } as KeyEvent;
  return { ticket: applyKeyEvent(ticket, event), event };
}

/** Fires `timer` at `at` as the timer function would; undefined when it records nothing. */
export function fire(
  ticket: KeyTicket,
  timer: string,
  at: Date,
): { ticket: KeyTicket; event: KeyEvent } | undefined {
  const draft = keyTimerDue(ticket, timer, ruleContext(at, SYSTEM_ACTOR, PARK, STAFF));
  if (!draft) return undefined;
  const event = { ...draft, seq: ticket.version + 1, at: at.toISOString(), actor: SYSTEM_ACTOR } as KeyEvent;
  return { ticket: applyKeyEvent(ticket, event), event };
}

/** A tenant's request verified by the owner's call, its slip issued at 09:45. */
export function tenantWithSlip(dueAt?: string): KeyTicket {
  let t = requestBy('tenant');
  t = step(t, { type: 'verify', ownerCall: { outcome: 'confirmed' } }, officeAt(MORNING)).ticket;
  return step(
    t,
    { type: 'issue-slip', ...(dueAt ? { dueAt } : {}) },
    officeAt(new Date('2026-11-27T09:45:00+08:00')),
  ).ticket;
}

/** …and handed out at 10:00 by 孙鹏, escorted by 马超. */
export function tenantHandedOut(dueAt?: string): KeyTicket {
  return step(
    tenantWithSlip(dueAt),
    { type: 'hand-out', guardId: 'security-guard-1', idChecked: true, escortId: 'security-guard-2' },
    guardAt(new Date('2026-11-27T10:00:00+08:00')),
  ).ticket;
}
