/**
 * EM-5: a leader's instructions (领导指示), each its own tracked item (件件立项): issued to a person
 * of the directory with a due time, reported done by that person or the desk, overdue when its
 * time passes first.
 */
import { Forbidden, IllegalTransition, NotFound, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import type { EmergencyCommandBody, EmergencyDraft, EmergencyTicket } from './model';
import { actsForTheDesk, directoryPerson, person } from './people';

/**
 * EM-5's instructions live on the ticket item, whose size DynamoDB caps at 400 KB: an emergency
 * takes this many. At every text's schema maximum (from 50, text and result 300 characters each, up
 * to 3 bytes a character) the item then stays near 250 KB (test/adapters/ticket-item-size.test.ts),
 * so the case can always be signed off and closed.
 */
export const MAX_INSTRUCTIONS = 100;

export function instructionTimer(number: number): string {
  return `instruction-${number}-due`;
}

/** The numbers of the instructions not yet done, as sign-off and closing record them. */
export const openInstructions = (ticket: EmergencyTicket) =>
  ticket.instructions.filter((i) => i.state === 'open' || i.state === 'overdue').map((i) => i.number);

/** EM-5: an instruction goes to a person of the directory, due in the future, numbered in order. */
export function issueInstruction(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'instructions' }>,
  { staff, now }: RuleContext,
): EmergencyDraft {
  if (ticket.instructions.length >= MAX_INSTRUCTIONS) {
    throw new RuleViolation(
      'EMERGENCY.TOO_MANY_INSTRUCTIONS',
      `EM-5: an emergency tracks at most ${MAX_INSTRUCTIONS} instructions and this ` +
        'one has them all; track further ones in a new emergency',
    );
  }
  const to = directoryPerson(staff, command.to, 'to');
  // The leader of the directory who gave it, when named: told when it is done or closed (item 17).
  const leader = command.fromStaffId ? directoryPerson(staff, command.fromStaffId, 'fromStaffId') : undefined;
  const dueAt = Date.parse(command.dueAt);
  if (dueAt <= now.getTime()) {
    throw new RuleViolation('EMERGENCY.DUE_IN_PAST', 'EM-5: an instruction is due in the future', 'dueAt');
  }
  const number = ticket.instructions.length + 1;
  return {
    type: 'emergency.instruction-issued',
    data: {
      number,
      from: command.from,
      ...(leader ? { fromStaffId: leader.id } : {}),
      to: person(to),
      text: command.text,
      dueAt: new Date(dueAt).toISOString(),
      timer: instructionTimer(number),
    },
  };
}

/** EM-5: the person an instruction was given to (or the desk) reports it done, once. */
export function instructionDone(
  ticket: EmergencyTicket,
  command: Extract<EmergencyCommandBody, { type: 'instruction-done' }>,
  { actor }: RuleContext,
): EmergencyDraft {
  const item = ticket.instructions.find((i) => i.number === command.number);
  if (!item) {
    throw new NotFound('EMERGENCY.INSTRUCTION_NOT_FOUND', `no instruction #${command.number}`, 'number');
  }
  if (item.state === 'done')
    throw new IllegalTransition(`instruction #${item.number} was done at ${item.doneAt}`);
  if (item.to.staffId !== actor.staffId && !actsForTheDesk(actor)) {
    throw new Forbidden(
      `instruction #${item.number} is ${item.to.name}'s; only they or the desk may report it done`,
    );
  }
  return { type: 'emergency.instruction-done', data: { number: item.number, result: command.result } };
}

/** EM-5: an instruction's due time passed while it was still open. */
export function instructionTimerDue(ticket: EmergencyTicket, timer: string): EmergencyDraft | undefined {
  const item = ticket.instructions.find((i) => i.timer === timer);
  if (item?.state !== 'open') return undefined;
  return { type: 'emergency.instruction-overdue', data: { number: item.number, dueAt: item.dueAt } };
}
