/** Opening a repair: RP-2 and RP-4 at once when the desk decided, else taken down as received; RP-5's number. */
import type { OpenInput, RuleContext } from '../kind';
import { applyRepairEvent } from './apply';
import { decisionClocks, receivedClocks } from './clocks';
import { checkReceived, checkRepairDecision, repairScript } from './decision';
import type { RepairDecision, RepairEvent, RepairIntake, RepairScript, RepairTicket } from './model';

/** RP-5: only dispatched or booked requests get a numbered work order. */
export function needsWorkOrder(decision: RepairDecision): boolean {
  return decision !== 'decline';
}

/**
 * Does this intake take a number of the R register at opening? A dispatch or booking does (its
 * work order, RP-5); so does a received request, whose number the caller is told at once and which
 * it keeps whatever RP-2 later decides (CH-11: a register entry is never withdrawn; ADR 006).
 */
export function needsRepairNumber(intake: { decision?: RepairDecision }): boolean {
  return intake.decision === undefined || needsWorkOrder(intake.decision);
}

/**
 * Opens a repair request. With a decision, enforces RP-2 and RP-4 at once; without one the request
 * is `received`, waiting for the desk's RP-2 decision (`decide`). The sentences are in the park's zone.
 */
export function openRepair(
  input: OpenInput<RepairIntake>,
  ctx: RuleContext,
): { ticket: RepairTicket; event: RepairEvent; script: RepairScript } {
  const { intake } = input;
  if (intake.decision === undefined) checkReceived(intake);
  else checkRepairDecision({ ...intake, decision: intake.decision }, ctx.now);
  if (needsRepairNumber(intake) !== (input.number !== undefined)) {
    throw new Error('work-order number must be given exactly when the decision needs one (RP-5)');
  }
  const at = ctx.now.toISOString();
  const script = repairScript(intake, ctx.park.timeZone, ctx.now);
  // Issue 11 items 4 and 6: a received request is owed RP-2 (the desk's clock, then the office
  // manager's); a decided one its completion (and a booking its appointment clock).
  const clocks =
    intake.decision === undefined
      ? receivedClocks(ctx.now, ctx.park)
      : decisionClocks({ ...intake, decision: intake.decision }, ctx.now, ctx.park);
  const event: RepairEvent = {
    seq: 1,
    type: 'repair.opened',
    at,
    actor: ctx.actor,
    data: {
      ...intake,
      ...(input.number ? { number: input.number } : {}),
      script,
      ...(Object.keys(clocks).length ? { clocks } : {}),
    },
  };
  return { ticket: applyRepairEvent(undefined, event, input), event, script };
}
