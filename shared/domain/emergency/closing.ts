/**
 * EM-6: an emergency is closed (销项) only with the signed consent of the 管理处负责人, as the
 * park's settings name them; both steps record which instructions were still open.
 */
import { Forbidden, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import { openInstructions } from './instructions';
import type { EmergencyCommandBody, EmergencyDraft, EmergencyTicket } from './model';
import { person } from './people';

/** EM-6: the 管理处负责人 in person, as the park's directory names them, signs the case off. */
export function signOff(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'sign-off' }>,
  { actor, staff }: RuleContext,
): EmergencyDraft {
  const signer = staff.find((s) => s.id === actor.staffId);
  if (!signer?.roles.some((r) => ticket.procedure.signOff.includes(r))) {
    throw new Forbidden(`EM-6: only the ${ticket.procedure.signOff.join(' or ')} may sign an emergency off`);
  }
  return {
    type: 'emergency.signed-off',
    data: { ...person(signer), comment: command.comment, openInstructions: openInstructions(ticket) },
  };
}

/** How many open instructions a refusal names with their person and text (all are named by number). */
const NAMED = 10;

/**
 * EM-6: closing after the sign-off (the lifecycle table refuses it before). EM-5's instructions are
 * each tracked to the end (件件立项): one still open closes only with a note on what became of it
 * (issue 11 item 17), and the refusal names every one still owing its note.
 */
export function close(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'close' }>,
  _ctx: RuleContext,
): EmergencyDraft {
  const open = openInstructions(ticket);
  const notes = command.instructions ?? [];
  const seen = new Set<number>();
  for (const n of notes) {
    if (!open.includes(n.number) || seen.has(n.number)) {
      throw new RuleViolation(
        'EMERGENCY.NOTE_NOT_OPEN',
        `EM-6: instruction #${n.number} is not open${seen.has(n.number) ? ' (or is noted twice)' : ''}; ` +
          `notes are for the open instructions only (${open.length ? open.map((x) => `#${x}`).join(', ') : 'none'})`,
        'instructions',
      );
    }
    seen.add(n.number);
  }
  const owing = ticket.instructions.filter((i) => open.includes(i.number) && !seen.has(i.number));
  if (owing.length > 0) {
    throw new RuleViolation(
      'EMERGENCY.OPEN_INSTRUCTIONS',
      'EM-5/EM-6: instructions still open need a note on what became of each before the case closes ' +
        `(instructions: [{ number, note }]): ${owing
          .slice(0, NAMED)
          .map((i) => `#${i.number} ${i.to.name}: ${[...i.text].slice(0, 30).join('')}`)
          .join(
            '; ',
          )}${owing.length > NAMED ? `; … ${owing.length} in all (${owing.map((i) => `#${i.number}`).join(', ')})` : ''}`,
      'instructions',
    );
  }
  return {
    type: 'emergency.closed',
    data: { openInstructions: open, ...(notes.length ? { notes } : {}) },
  };
}
