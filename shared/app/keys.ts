/**
 * The key register's use cases (KY-1, MI-7) and its API for the ticket procedures.
 *
 * For the routes: register a key set (`POST /keys`), the ledger (`GET /keys`), one set with its
 * history (`GET /keys/{id}`), a loss (`POST /keys/{id}/report-lost`). For the tickets: the key set
 * a key request opens on (`intakeWithKeySet`), and the changes of custody a ticket's event implies
 * (`keySetChangesFor`), written with that event in ONE transaction. A move-in hands a unit's keys to
 * the owner (MI-5) with `releaseToOwner`, and registers a key the owner leaves (MI-7) with
 * `retainedKey`; both return changes to pass to `store.appendWithKeySets` with the move-in's event.
 */
import { NotFound } from '../domain/errors';
import {
  handOutKeySet,
  type KeyHolder,
  type KeyIntake,
  type KeyRequestBody,
  type KeySet,
  type KeySetDraft,
  type KeySetEvent,
  type KeySetInput,
  keyRefFor,
  registerKeySet,
  releaseKeySetToOwner,
  reportKeySetLost,
  returnKeySet,
  applyKeySetEvent,
} from '../domain/key';
import { isUlid } from '../domain/formats';
import type { Actor } from '../domain/ticket';
import type { Ticket, TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import type { KeySetChange, KeySetHistory, SmsRecord } from '../ports';
import type { Principal } from './access';
import { actorOf, authorize, canSeePark, resolvePark } from './access';
import type { CoreDeps } from './deps';
import { checkUnit } from './unit-check';

/** A key set as the ledger shows it: where it is, and each custody change in order. */
export type KeySetView = KeySet & {
  history: { seq: number; at: string; type: string; by: string; data: Record<string, unknown> }[];
  sms?: Pick<SmsRecord, 'at' | 'to' | 'staffId' | 'purpose' | 'text' | 'state'>[];
};

function keySetNotFound(keySetId: string, field?: string): NotFound {
  const shown = keySetId.length <= 40 ? keySetId : `${keySetId.slice(0, 40)}…`;
  return new NotFound('KEY.NOT_FOUND', `key set ${shown} not found`, field);
}

/** A key set of `parkId` (a set of another park is "not found", as a ticket is). */
async function keySetIn(deps: CoreDeps, parkId: string, keySetId: string, field?: string): Promise<KeySet> {
  const keySet = isUlid(keySetId) ? await deps.store.keySet(keySetId) : undefined;
  if (!keySet || keySet.parkId !== parkId) throw keySetNotFound(keySetId, field);
  return keySet;
}

/** A key set's change: `draft` recorded after the version read, by `actor` at `at`. */
function changeOf(keySet: KeySet, draft: KeySetDraft, at: Date, actor: Actor): KeySetChange {
  const event = { ...draft, seq: keySet.version + 1, at: at.toISOString(), actor } as KeySetEvent;
  return { keySet: applyKeySetEvent(keySet, event), event, expectedVersion: keySet.version };
}

function viewOf(history: Pick<KeySetHistory, 'keySet' | 'events'> & { sms?: SmsRecord[] }): KeySetView {
  return {
    ...history.keySet,
    history: [...history.events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({
        seq: e.seq,
        at: e.at,
        type: e.type,
        by: e.actor.name ?? e.actor.staffId,
        data: e.data as unknown as Record<string, unknown>,
      })),
    ...(history.sms
      ? {
          sms: history.sms.map(({ at, to, staffId, purpose, text, state }) => ({
            at,
            to,
            staffId,
            purpose,
            text,
            state,
          })),
        }
      : {}),
  };
}

/** KY-1 (MI-7 with `retention`): registers a key set, in security's custody from now on. */
export async function registerKeys(
  deps: CoreDeps,
  principal: Principal,
  body: KeySetInput & { parkId?: string; unitConfirmed?: boolean },
): Promise<KeySetView> {
  authorize(principal, 'keys.register');
  const { parkId: asked, unitConfirmed, ...input } = body;
  const parkId = resolvePark(principal, asked);
  if (!(await deps.directory.park(parkId)))
    throw new NotFound('PARK.NOT_FOUND', `park ${parkId} not found`, 'parkId');
  // KY-1, KY-2: a unit the park lacks is a typo (its owners could never be verified) unless confirmed.
  await checkUnit(deps.directory, parkId, input.unit, unitConfirmed);
  const { keySet, event } = registerKeySet(
    input,
    { id: deps.ids.next(), parkId },
    deps.clock.now(),
    actorOf(principal),
  );
  await deps.store.writeKeySets([{ keySet, event, expectedVersion: 0 }]);
  return viewOf({ keySet, events: [event] });
}

/**
 * MI-7 for the move-in procedure: the change registering a key the owner leaves with security
 * under a signed retention agreement, to write with the move-in's event.
 */
export function retainedKey(
  deps: Pick<CoreDeps, 'ids'>,
  parkId: string,
  input: KeySetInput & { retention: NonNullable<KeySetInput['retention']> },
  at: Date,
  actor: Actor,
): KeySetChange {
  const { keySet, event } = registerKeySet(input, { id: deps.ids.next(), parkId }, at, actor);
  return { keySet, event, expectedVersion: 0 };
}

/** MI-5 for the move-in procedure: the change handing a unit's key set to its owner for good. */
export async function releaseToOwner(
  deps: CoreDeps,
  parkId: string,
  keySetId: string,
  release: {
    ticketId: string;
    ticketNumber?: string;
    ownerName: string;
    guardId: string;
    slipNumber?: string;
  },
  at: Date,
  actor: Actor,
): Promise<KeySetChange> {
  const keySet = await keySetIn(deps, parkId, keySetId, 'keyId');
  return changeOf(keySet, releaseKeySetToOwner(keySet, release), at, actor);
}

/** The ledger (KY-1): a park's key sets by state and place, each with its custody history. */
export async function listKeys(
  deps: CoreDeps,
  principal: Principal,
  query: {
    parkId?: string;
    unit?: string;
    area?: string;
    state?: KeySet['state'];
    limit: number;
    cursor?: string;
  },
): Promise<{ parkId: string; keySets: KeySetView[]; cursor?: string }> {
  authorize(principal, 'keys.read');
  const parkId = resolvePark(principal, query.parkId);
  if (!(await deps.directory.park(parkId)))
    throw new NotFound('PARK.NOT_FOUND', `park ${parkId} not found`, 'parkId');
  const { parkId: _p, ...filters } = query;
  const page = await deps.store.listKeySets({ ...filters, parkId });
  // At most `limit` (50) partitions, read side by side: each set's history is its own Query.
  const histories = await Promise.all(page.keySets.map((set) => deps.store.keySetHistory(set.id)));
  return {
    parkId,
    keySets: page.keySets.map((set, i) => viewOf({ keySet: set, events: histories[i]?.events ?? [] })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

/** One key set with its whole history and the SMS it caused. */
export async function getKeySet(deps: CoreDeps, principal: Principal, keySetId: string): Promise<KeySetView> {
  authorize(principal, 'keys.read');
  const history = isUlid(keySetId) ? await deps.store.keySetHistory(keySetId) : undefined;
  if (!history || !canSeePark(principal, history.keySet.parkId)) throw keySetNotFound(keySetId, 'id');
  return viewOf(history);
}

/**
 * KY-1: a lost key is an event with an SMS to the security manager (from the stream). A set out on
 * a request ends that request as `lost` in the same transaction: nobody is chased for its return.
 */
export async function reportLost(
  deps: CoreDeps,
  principal: Principal,
  keySetId: string,
  body: { note?: string },
): Promise<KeySetView> {
  authorize(principal, 'keys.report-lost');
  const found = isUlid(keySetId) ? await deps.store.keySet(keySetId) : undefined;
  if (!found || !canSeePark(principal, found.parkId)) throw keySetNotFound(keySetId, 'id');
  const now = deps.clock.now();
  const actor = actorOf(principal);
  const change = changeOf(found, reportKeySetLost(found, body.note), now, actor);
  const holder: KeyHolder | undefined = found.holder;
  const ticket = holder ? await deps.store.get(holder.ticketId) : undefined;
  if (ticket?.kind === 'key' && ticket.status === 'handed-out') {
    const event = {
      type: 'key.lost',
      data: body.note ? { note: body.note } : {},
      seq: ticket.version + 1,
      at: now.toISOString(),
      actor,
    } as TicketEventOf;
    await deps.store.appendWithKeySets(applyEvent(ticket, event), event, ticket, [change]);
  } else {
    await deps.store.writeKeySets([change]);
  }
  return viewOf({ keySet: change.keySet, events: [change.event] });
}

/** A key request's intake with its key set looked up in the register (and the unit's owners). */
export async function intakeWithKeySet(
  deps: CoreDeps,
  parkId: string,
  body: KeyRequestBody,
): Promise<KeyIntake> {
  const keySet = await keySetIn(deps, parkId, body.keyId, 'keyId');
  const unit = keySet.unit !== undefined ? await deps.directory.unit(parkId, keySet.unit) : undefined;
  const owners = (unit?.residents ?? []).filter((r) => r.relation === 'owner').map((r) => r.name);
  const { keyId, requester, reason } = body;
  return { keyId, requester, reason, key: keyRefFor(keySet, owners) };
}

/**
 * The custody changes a ticket's event implies (KY-4: a key request's hand-out and return), to
 * write with it in one transaction; none for an event that moves no key.
 */
export async function keySetChangesFor(
  deps: CoreDeps,
  after: Ticket,
  event: TicketEventOf,
): Promise<KeySetChange[]> {
  if (after.kind !== 'key') return [];
  const at = new Date(event.at);
  if (event.type === 'key.handed-out') {
    const keySet = await keySetIn(deps, after.parkId, after.key.id);
    const { clocks: _clocks, idType: _t, idLast4: _l, ...holder } = event.data;
    return [changeOf(keySet, handOutKeySet(keySet, holder), at, event.actor)];
  }
  if (event.type === 'key.returned') {
    const keySet = await keySetIn(deps, after.parkId, after.key.id);
    const draft = returnKeySet(
      keySet,
      { ticketId: after.id, receivedBy: event.data.receivedBy, receivedByName: event.data.receivedByName },
      at,
    );
    return [changeOf(keySet, draft, at, event.actor)];
  }
  return [];
}
