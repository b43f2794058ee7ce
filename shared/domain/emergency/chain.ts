/**
 * EM-2: the SMS chain up the park's managers (office manager → deputy GM → GM, each level timed,
 * round after round), stopped by the first acknowledgement. Pure decisions from the ticket and
 * `now`: where the chain goes next, whether it moves, an SMS that can never be delivered, and the
 * acknowledgement that stops it.
 */
import { Forbidden, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import type { StaffMember } from '../park';
import { staffWithRole } from '../park';
import { addMinutes } from '../time';
import { guardStep } from './lifecycle';
import type {
  ChainLevel,
  ChainMove,
  ChainPosition,
  ChainRecipient,
  ChainSkip,
  EmergencyCommandBody,
  EmergencyDraft,
  EmergencyTicket,
  Via,
} from './model';
import { actsForTheDesk } from './people';

/** The timer of a step: deterministic, and within Scheduler's name rules next to a ticket id. */
export function escalationTimer(position: ChainPosition): string {
  return `escalate-r${position.round}-L${position.level}`;
}

/** The SMS purpose of an acknowledgement request at a step; an undeliverable one is matched by it. */
export function ackPurpose(position: ChainPosition): string {
  return `ack-r${position.round}-L${position.level}`;
}

/**
 * EM-2: the next level after `from` that the directory can staff, in chain order, wrapping to the
 * next round after the last level; levels naming nobody are passed over and recorded. Past the
 * last round the chain is exhausted. The people are looked up now: the directory as it is when
 * the level is reached.
 */
export function nextChainMove(
  chain: { levels: readonly ChainLevel[]; rounds: number },
  from: ChainPosition,
  staff: readonly StaffMember[],
  now: Date,
): ChainMove {
  const skipped: ChainSkip[] = [];
  let { round, level } = from;
  for (;;) {
    level += 1;
    if (level > chain.levels.length) {
      round += 1;
      level = 1;
    }
    if (round > chain.rounds) return { to: 'exhausted', skipped };
    const { role, waitMinutes } = chain.levels[level - 1]!;
    const holders = staffWithRole(staff, role);
    if (holders.length === 0) {
      skipped.push({ round, level, role, reason: 'nobody-in-directory' });
      continue;
    }
    const position = { round, level };
    return {
      to: {
        ...position,
        role,
        recipients: holders.map((s) => ({ staffId: s.id, name: s.name })),
        at: now.toISOString(),
        dueAt: addMinutes(now, waitMinutes).toISOString(),
        timer: escalationTimer(position),
      },
      skipped,
    };
  }
}

/** What can set the chain moving besides a person: its timer, or an SMS that could not be delivered. */
export type ChainTrigger =
  | { kind: 'timer'; timer: string }
  | { kind: 'undeliverable'; staffId: string; purpose: string };

export type ChainDecision =
  | {
      action: 'stay';
      why:
        | 'closed'
        | 'acknowledged'
        | 'exhausted'
        | 'not-current'
        | 'settled'
        | 'not-due'
        | 'others-may-answer';
    }
  | { action: 'move'; from: ChainPosition; move: ChainMove; missed: ChainRecipient[] };

/**
 * EM-2's one decision, from the ticket (the fold of its events) and `now`: does the chain move on,
 * and where to. It moves when the current level's wait is over with nobody acknowledging, or at
 * once when nobody at the current level can be reached by SMS; never after an acknowledgement.
 */
export function decideChain(
  ticket: EmergencyTicket,
  trigger: ChainTrigger,
  staff: readonly StaffMember[],
  now: Date,
): ChainDecision {
  if (ticket.status === 'closed') return { action: 'stay', why: 'closed' };
  const { chain } = ticket;
  if (chain.state === 'acknowledged') return { action: 'stay', why: 'acknowledged' };
  if (chain.state === 'exhausted') return { action: 'stay', why: 'exhausted' };
  const step = chain.step;
  if (!step) return { action: 'stay', why: 'exhausted' };
  if (trigger.kind === 'timer') {
    if (trigger.timer !== step.timer) return { action: 'stay', why: 'not-current' };
    const timer = ticket.timers[trigger.timer];
    if (timer?.state !== 'pending') return { action: 'stay', why: 'settled' };
    if (now.getTime() < Date.parse(timer.dueAt)) return { action: 'stay', why: 'not-due' };
  } else {
    if (trigger.purpose !== ackPurpose(step)) return { action: 'stay', why: 'not-current' };
    const hit = step.recipients.find((r) => r.staffId === trigger.staffId);
    if (!hit) return { action: 'stay', why: 'not-current' };
    const reachable = step.recipients.filter((r) => !r.unreachable && r.staffId !== trigger.staffId);
    if (reachable.length > 0) return { action: 'stay', why: 'others-may-answer' };
  }
  const from = { round: step.round, level: step.level };
  // Who did not answer at the level it leaves: the owner is told at once, to phone them (EM-2, item 15).
  return { action: 'move', from, move: nextChainMove(chain, from, staff, now), missed: step.recipients };
}

/** EM-2: a level's wait is over with nobody acknowledging: the next level, or unanswered. */
export function chainTimerDue(
  ticket: EmergencyTicket,
  timer: string,
  ctx: RuleContext,
): EmergencyDraft | undefined {
  const decision = decideChain(ticket, { kind: 'timer', timer }, ctx.staff, ctx.now);
  if (decision.action !== 'move') return undefined;
  return {
    type: decision.move.to === 'exhausted' ? 'emergency.unanswered' : 'emergency.escalated',
    data: { from: decision.from, reason: 'no-answer', move: decision.move, missed: decision.missed },
  };
}

/** The key of one SMS record: the event that caused it and its place among that event's SMS. */
export const smsKey = (eventSeq: number, index: number) => `${eventSeq}#${index}`;

/**
 * EM-2, point 7: an SMS that can never be delivered becomes an event, and when nobody at the
 * current level can be reached any more, that same event moves the chain on at once. Undefined
 * when it was recorded before (a replayed stream record).
 */
export function decideUndeliverable(
  ticket: EmergencyTicket,
  sms: { staffId: string; purpose: string; eventSeq: number; index: number; error: string },
  staff: readonly StaffMember[],
  now: Date,
): EmergencyDraft | undefined {
  if (ticket.undeliverable.includes(smsKey(sms.eventSeq, sms.index))) return undefined;
  const decision = decideChain(
    ticket,
    { kind: 'undeliverable', staffId: sms.staffId, purpose: sms.purpose },
    staff,
    now,
  );
  return {
    type: 'sms.undeliverable',
    data: {
      staffId: sms.staffId,
      purpose: sms.purpose,
      smsEventSeq: sms.eventSeq,
      index: sms.index,
      error: sms.error,
      ...(decision.action === 'move' ? { move: decision.move, missed: decision.missed } : {}),
    },
  };
}

/** EM-2: an acknowledgement by someone the chain told. Shared by the link page and the API. */
export function decideAcknowledgement(
  ticket: EmergencyTicket,
  staffId: string,
  staff: readonly StaffMember[],
  via: Via,
  note?: string,
  recordedBy?: string,
): EmergencyDraft {
  guardStep(ticket, 'acknowledge');
  if (!ticket.chain.notified.includes(staffId)) {
    throw new Forbidden(
      'EM-2: only a person the escalation chain has told may acknowledge this emergency ' +
        `(${ticket.chain.notified.length ? `told so far: ${ticket.chain.notified.join(', ')}` : 'nobody told yet'})`,
    );
  }
  const who = staff.find((s) => s.id === staffId);
  const name = who?.name ?? ticket.chain.step?.recipients.find((r) => r.staffId === staffId)?.name ?? staffId;
  const step = ticket.chain.step;
  return {
    type: 'emergency.acknowledged',
    data: {
      staffId,
      name,
      round: step?.round ?? 1,
      level: step?.level ?? 1,
      via,
      ...(note ? { note } : {}),
      ...(recordedBy ? { recordedBy } : {}),
    },
  };
}

/**
 * EM-2 through the API: the actor acknowledges, or (the "fastest means") the desk records the
 * acknowledgement of a manager who answered its phone call.
 */
export function acknowledge(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'acknowledge' }>,
  { actor, staff }: RuleContext,
): EmergencyDraft {
  // The command's body is shared with complaints, whose acknowledgements name a step.
  if (command.step !== undefined) {
    throw new RuleViolation('EMERGENCY.NO_STEP', 'an emergency acknowledgement names no step', 'step');
  }
  if (command.staffId !== undefined && command.staffId !== actor.staffId) {
    if (!actsForTheDesk(actor)) {
      throw new Forbidden('only the desk or a manager may record an acknowledgement given by phone');
    }
    return decideAcknowledgement(ticket, command.staffId, staff, 'phone', command.note, actor.staffId);
  }
  return decideAcknowledgement(ticket, actor.staffId, staff, actor.via ?? 'api', command.note);
}
