/**
 * Writing a move-in's step (MI-5, MI-6, MI-7) with what it moves, in ONE transaction each:
 * - MI-6 inspection: every defect opens a repair work order (R register, dispatched to
 *   engineering, linked to the move-in); the move-in's event, the repairs, their opening events and
 *   the register counter are one TransactWriteItems (`appendWithOpened`).
 * - MI-5 keys: the unit's key set goes to the owner for good (`releaseToOwner`), with the event.
 * - MI-7 key retention: the key the owner leaves is registered (`retainedKey`), with the event.
 * Any other step is the ticket and its event, as for every kind.
 */
import { registerNumber } from '../domain/register-number';
import { ConcurrentChange, RuleViolation } from '../domain/errors';
import type { EventDraft, RuleContext } from '../domain/kind';
import type { DefectRepair, MoveInEvent, MoveInTicket } from '../domain/move-in';
import { defectRepairIntake, defectsOf, withRepairs } from '../domain/move-in';
import { repairRules } from '../domain/repair';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import { localDay } from '../domain/time';
import type { KeySetChange } from '../ports';
import type { CoreDeps } from './deps';
import { releaseToOwner, retainedKey } from './keys';
import { claimsToRelease } from './move-in-claims';

/** A burst of inspections taking R numbers at once; each retry re-reads the counter it lost to. */
const NUMBER_ATTEMPTS = 10;

const stored = (ticket: Ticket, draft: EventDraft<MoveInEvent>, ctx: RuleContext) =>
  ({ ...draft, seq: ticket.version + 1, at: ctx.now.toISOString(), actor: ctx.actor }) as TicketEventOf;

/** Writes the move-in's decided event and what it moves; returns the case after it and the event. */
export async function writeMoveInEvent(
  deps: CoreDeps,
  before: MoveInTicket,
  draft: EventDraft<MoveInEvent>,
  ctx: RuleContext,
): Promise<{ ticket: Ticket; event: TicketEventOf }> {
  const defects = defectsOf(draft);
  if (defects.length > 0) return openDefectRepairs(deps, before, draft, ctx);
  const changes = await keyChanges(deps, before, draft, ctx);
  const recorded = changes.retained ? withRecord(draft, { keySetId: changes.retained.keySet.id }) : draft;
  const event = stored(before, recorded, ctx);
  const next = applyEvent(before, event);
  if (changes.list.length > 0) await deps.store.appendWithKeySets(next, event, before, changes.list);
  // A completed case lets go of its unit (one open case per unit, ADR 014).
  else await deps.store.append(next, event, before, undefined, claimsToRelease(next, event));
  return { ticket: next, event };
}

function withRecord(draft: EventDraft<MoveInEvent>, extra: Record<string, unknown>): EventDraft<MoveInEvent> {
  if (draft.type !== 'move-in.step-recorded') return draft;
  return { ...draft, data: { ...draft.data, record: { ...draft.data.record, ...extra } } };
}

/** MI-5 and MI-7 through the key register; the set must be this unit's (MI-5). */
async function keyChanges(
  deps: CoreDeps,
  ticket: MoveInTicket,
  draft: EventDraft<MoveInEvent>,
  ctx: RuleContext,
): Promise<{ list: KeySetChange[]; retained?: KeySetChange }> {
  if (draft.type !== 'move-in.step-recorded') return { list: [] };
  const record = draft.data.record;
  if (draft.data.step === 'keys') {
    const change = await releaseToOwner(
      deps,
      ticket.parkId,
      String(record.keyId),
      {
        ticketId: ticket.id,
        ...(ticket.number ? { ticketNumber: ticket.number } : {}),
        ownerName: ticket.owner.name,
        guardId: String(record.guardId),
        slipNumber: String(record.slipNumber),
      },
      ctx.now,
      ctx.actor,
    );
    if (change.keySet.unit !== ticket.unit) {
      throw new RuleViolation(
        'MOVE_IN.KEYS_OF_ANOTHER_UNIT',
        `MI-5: key set ${change.keySet.tag} is not ${ticket.unit}'s`,
        'keyId',
      );
    }
    return { list: [change] };
  }
  if (draft.data.step === 'key-retention') {
    const change = retainedKey(
      deps,
      ticket.parkId,
      {
        unit: ticket.unit,
        label: String(record.label),
        count: Number(record.count),
        tag: String(record.tag),
        retention: {
          agreementNo: String(record.agreementNo),
          ownerName: ticket.owner.name,
          signedAt: String(record.signedAt),
        },
      },
      ctx.now,
      ctx.actor,
    );
    return { list: [change], retained: change };
  }
  return { list: [] };
}

/**
 * MI-6: numbers from the park-local day's R register, one repair per defect, written with the
 * move-in's event. Each number is reserved first with the repair's id as its claim, as every
 * intake's is (ADR 010); a page voided meanwhile (the request outlived the lease) takes new ones.
 * The move-in changed meanwhile is the usual 409 (its reserved numbers are voided by the reconciler).
 */
async function openDefectRepairs(
  deps: CoreDeps,
  before: MoveInTicket,
  draft: EventDraft<MoveInEvent>,
  ctx: RuleContext,
): Promise<{ ticket: Ticket; event: TicketEventOf }> {
  const defects = defectsOf(draft);
  const ids = defects.map(() => deps.ids.next());
  const register = repairRules.register;
  const day = localDay(ctx.now, ctx.park.timeZone);
  for (let attempt = 1; ; attempt++) {
    const opened = [];
    for (const [i, defect] of defects.entries()) {
      const id = ids[i] as string;
      const claim = attempt === 1 ? id : `${id}#${attempt}`;
      const value = await deps.store.reserveNumber({ parkId: before.parkId, register, day }, claim, ctx.now);
      const number = registerNumber(register, day, value);
      const { ticket, event } = repairRules.open(
        { id, parkId: before.parkId, number, intake: defectRepairIntake(before, defect, ctx.now) },
        ctx,
      );
      opened.push({
        ticket: ticket as Ticket,
        event: event as TicketEventOf,
        numbering: { register, day, value },
        ref: { ...defect, ticketId: ticket.id, number },
      });
    }
    const refs: DefectRepair[] = opened.map((o) => o.ref);
    const event = stored(before, withRepairs(draft, refs), ctx);
    const next = applyEvent(before, event);
    try {
      await deps.store.appendWithOpened(next, event, before, opened);
      return { ticket: next, event };
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= NUMBER_ATTEMPTS) throw error;
      const now = await deps.store.get(before.id);
      if (now?.version !== before.version) throw error;
    }
  }
}

/** MI-6 on reads: the move-in with each of its repairs' state now (one GetItem each, at most MAX_DEFECTS). */
export async function withRepairStates<T extends Ticket>(deps: CoreDeps, ticket: T): Promise<T> {
  if (ticket.kind !== 'move-in' || ticket.repairs.length === 0) return ticket;
  const repairs = await Promise.all(
    ticket.repairs.map(async (ref) => {
      const repair = await deps.store.get(ref.ticketId);
      if (repair?.kind !== 'repair') return ref;
      return {
        ...ref,
        status: repair.status,
        ...(repair.assigneeName ? { assigneeName: repair.assigneeName } : {}),
      };
    }),
  );
  return { ...ticket, repairs };
}
