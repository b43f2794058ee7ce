/**
 * MI-6: each defect the inspection (验房) finds becomes a repair work order of its own, linked to
 * the move-in: RP numbering (the R register), dispatched to engineering at once, with the owner as
 * the caller. The use case takes the ids and numbers and writes the repairs with the move-in's event.
 */
import type { EventDraft } from '../kind';
import type { RepairIntake } from '../repair';
import type { Defect, DefectRepair, MoveInEvent, MoveInTicket } from './model';

/** The repair a defect opens (RP-2: dispatch; the owner, reached by phone, is the caller). */
export function defectRepairIntake(ticket: MoveInTicket, defect: Defect, now: Date): RepairIntake {
  return {
    caller: { name: ticket.owner.name, phone: ticket.owner.phone, unit: ticket.unit },
    description: `验房问题(${ticket.number ?? ticket.id}):${defect.description}`,
    location: `${ticket.unit} ${defect.location}`,
    wantedAt: now.toISOString(),
    decision: 'dispatch',
    moveIn: { ticketId: ticket.id, number: ticket.number ?? ticket.id },
  };
}

/** The defects an inspection step's draft carries (none for any other event). */
export function defectsOf(draft: EventDraft<MoveInEvent>): Defect[] {
  if (draft.type !== 'move-in.step-recorded' || draft.data.step !== 'inspection') return [];
  return (draft.data.record.defects as Defect[] | undefined) ?? [];
}

/** The inspection's event with the repairs opened for its defects, in the defects' order. */
export function withRepairs(
  draft: EventDraft<MoveInEvent>,
  repairs: DefectRepair[],
): EventDraft<MoveInEvent> {
  if (draft.type !== 'move-in.step-recorded') return draft;
  return { ...draft, data: { ...draft.data, repairs } };
}
