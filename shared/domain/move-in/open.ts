/** Opening a move-in case for a unit (MI-1..MI-8's checklist, MI-9's forms), numbered in the M register. */
import type { OpenInput, RuleContext } from '../kind';
import { applyMoveInEvent } from './apply';
import { openingClocks } from './clocks';
import type { MoveInEvent, MoveInForm, MoveInIntake, MoveInTicket } from './model';
import { moveInSettings } from './settings';

/** Opens the case; the park's forms (MI-9) and the open clock are fixed in the opening event. */
export function openMoveIn(
  input: OpenInput<MoveInIntake>,
  ctx: RuleContext,
): { ticket: MoveInTicket; event: MoveInEvent } {
  if (input.number === undefined) throw new Error('a move-in is always numbered (M register)');
  const forms: MoveInForm[] = moveInSettings(ctx.park).forms.map((f) => ({ ...f }));
  const event: MoveInEvent = {
    seq: 1,
    type: 'move-in.opened',
    at: ctx.now.toISOString(),
    actor: ctx.actor,
    data: { ...input.intake, number: input.number, forms, clocks: openingClocks(ctx.now, ctx.park) },
  };
  return { ticket: applyMoveInEvent(undefined, event, input), event };
}
