/**
 * EM-1: opening an emergency, from the desk or the phone line. The opening event carries
 * everything later steps need from the park's settings as they were then: the chain (EM-2), the
 * responders (EM-3), the owner (EM-4), the sign-off roles (EM-6).
 */
import { RuleViolation } from '../errors';
import type { OpenInput, RuleContext } from '../kind';
import { applyEmergencyEvent } from './apply';
import { nextChainMove } from './chain';
import type { EmergencyEvent, EmergencyIntake, EmergencyTicket } from './model';
import { EMERGENCY_CATEGORIES } from './model';
import { initialOwner } from './owner';
import { respondersFor } from './responders';
import { emergencySettings } from './settings';
import { addMinutes } from '../time';

/** What the desk (or the phone line) says to the caller once the emergency is opened. */
export const CALLER_SENTENCE = '您的紧急报告已收到,我们已立即通知管理处负责人和相关人员赶赴现场,请注意安全。';

/** EM-1: one of the four categories; the chain's first level and the responders are told at once. */
export function openEmergency(
  input: OpenInput<EmergencyIntake>,
  ctx: RuleContext,
): { ticket: EmergencyTicket; event: EmergencyEvent } {
  const { intake } = input;
  if (!(EMERGENCY_CATEGORIES as readonly string[]).includes(intake.category)) {
    throw new RuleViolation(
      'EMERGENCY.CATEGORY',
      `EM-1: category must be one of ${EMERGENCY_CATEGORIES.join(', ')}`,
      'category',
    );
  }
  const { settings, warnings } = emergencySettings(ctx.park);
  const move = nextChainMove(
    { levels: settings.chain, rounds: settings.rounds },
    { round: 1, level: 0 },
    ctx.staff,
    ctx.now,
  );
  const responders = respondersFor(settings.responders, ctx.staff);
  const event: EmergencyEvent = {
    seq: 1,
    type: 'emergency.opened',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    data: {
      category: intake.category,
      location: intake.location,
      description: intake.description,
      ...(intake.caller ? { caller: intake.caller } : {}),
      ...(intake.source ? { source: intake.source } : {}),
      ...(input.number ? { number: input.number } : {}),
      owner: initialOwner(ctx.actor, ctx.park, ctx.staff, ctx.now),
      levels: settings.chain,
      rounds: settings.rounds,
      procedure: {
        signOff: settings.signOff,
        ackLinkMinutes: settings.ackLinkMinutes,
        sceneLinkMinutes: settings.sceneLinkMinutes,
      },
      warnings,
      responders,
      move,
      // EM-3 follow-through: the owner hears who is not there yet when this time comes.
      ...(responders.length > 0
        ? { sceneDueAt: addMinutes(ctx.now, settings.sceneMinutes).toISOString() }
        : {}),
    },
  };
  return { ticket: applyEmergencyEvent(undefined, event, input), event };
}

/** What the desk is answered on opening: the sentence for the caller, the owner, who was told. */
export function openingReply(ticket: EmergencyTicket): Record<string, unknown> {
  return {
    script: { caller: CALLER_SENTENCE },
    owner: ticket.owner,
    notified: {
      chain: ticket.chain.step?.recipients ?? [],
      responders: ticket.responders.map((r) => ({ staffId: r.staffId, name: r.name, role: r.role })),
    },
  };
}
