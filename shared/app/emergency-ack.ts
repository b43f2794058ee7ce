/**
 * The personal link of an emergency SMS, opened (GET) and used (POST). No login: the signed link
 * is the authentication, so every answer here is about what the link may do now.
 *
 * `viewAckLink` (GET) never writes: SMS apps and link previewers fetch links on their own.
 * `useAckLink` (POST):
 * 1. Check the link: signature (tampered), expiry, the ticket it names.
 * 2. Ask the ticket whether the link may still act: an acknowledged chain refuses every further
 *    acknowledgement (single use lives in the ticket's events, not in a token table), a closed
 *    case refuses everything, a link for someone the ticket never told refuses.
 * 3. Record the event with the link's person as actor, in one versioned write. A concurrent change
 *    (the chain's timer, another acknowledgement) makes us read and decide again, so exactly one
 *    outcome is stored and the answer says which.
 * The token never leaves this module: not in errors, not in logs.
 */
import type { AckLinkClaims, AckLinkPurpose } from '../domain/ack-link';
import { verifyAckLink } from '../domain/ack-link';
import type { Acknowledgement, EmergencyTicket, Responder } from '../domain/emergency';
import {
  CATEGORY_LABELS,
  decideAcknowledgement,
  decideResponder,
  linkActor,
  linkRefusal,
} from '../domain/emergency';
import { ConcurrentChange } from '../domain/errors';
import type { StaffMember } from '../domain/park';
import { ROLE_LABELS } from '../domain/park';
import type { TicketEventOf } from '../domain/tickets';
import { applyEvent } from '../domain/tickets';
import type { AckDeps } from './deps';
import { DEFAULT_TIME_ZONE } from '../domain/formats';

export type AckLinkAction = 'acknowledge' | 'on-scene' | 'report';

export type AckLinkOutcome =
  /** GET of a usable link: what happened, and the buttons. */
  | 'form'
  /** POST recorded the action. */
  | 'recorded'
  | 'tampered'
  | 'expired'
  /** Signed, but for someone this emergency never told (or a ticket that is not an emergency). */
  | 'not-yours'
  /** The chain was acknowledged already (by this person or another): nothing more to record. */
  | 'acknowledged'
  /** "On the scene" pressed again: recorded the first time only. */
  | 'already-on-scene'
  | 'closed'
  /** The form was not one this page sends (unknown action, empty report). */
  | 'invalid-form'
  /** The key cannot be read: nothing can be checked. */
  | 'unavailable';

/** What the page shows: never the token, only what the link's person may see. */
export interface AckLinkView {
  outcome: AckLinkOutcome;
  purpose?: AckLinkPurpose;
  action?: AckLinkAction;
  person?: { staffId: string; name: string; role?: string };
  expiresAt?: string;
  timeZone?: string;
  emergency?: {
    number?: string;
    category: string;
    location: string;
    description: string;
    openedAt: string;
    status: EmergencyTicket['status'];
  };
  acknowledgement?: Acknowledgement;
  responder?: Pick<Responder, 'onSceneAt' | 'reports'>;
}

const ATTEMPTS = 5;

interface Checked {
  claims: AckLinkClaims;
  ticket: EmergencyTicket;
  member: StaffMember | undefined;
  staff: StaffMember[];
  timeZone: string;
}

async function check(deps: AckDeps, token: string): Promise<Checked | AckLinkView> {
  let key: string;
  try {
    key = await deps.ackLinks.key();
  } catch {
    return { outcome: 'unavailable' };
  }
  const verified = verifyAckLink(token, key, deps.clock.now());
  if (!verified.ok) {
    return verified.reason === 'expired'
      ? { outcome: 'expired', expiresAt: verified.claims.expiresAt.toISOString() }
      : { outcome: 'tampered' };
  }
  const { claims } = verified;
  const ticket = await deps.store.get(claims.ticketId);
  if (ticket?.kind !== 'emergency') return { outcome: 'not-yours' };
  const [park, staff] = await Promise.all([
    deps.directory.park(ticket.parkId),
    deps.directory.staff(ticket.parkId),
  ]);
  const member = staff.find((s) => s.id === claims.staffId);
  return { claims, ticket, member, staff, timeZone: park?.timeZone ?? DEFAULT_TIME_ZONE };
}

function describe(c: Checked, outcome: AckLinkOutcome): AckLinkView {
  const { ticket, claims, member } = c;
  const responder = ticket.responders.find((r) => r.staffId === claims.staffId);
  const recipient = ticket.chain.step?.recipients.find((r) => r.staffId === claims.staffId);
  const role = responder?.role ?? member?.roles.find((r) => ticket.chain.levels.some((l) => l.role === r));
  const name = member?.name ?? responder?.name ?? recipient?.name ?? claims.staffId;
  return {
    outcome,
    purpose: claims.purpose,
    person: { staffId: claims.staffId, name, ...(role ? { role: ROLE_LABELS[role] } : {}) },
    expiresAt: claims.expiresAt.toISOString(),
    timeZone: c.timeZone,
    emergency: {
      ...(ticket.number ? { number: ticket.number } : {}),
      category: CATEGORY_LABELS[ticket.category],
      location: ticket.location,
      description: ticket.description,
      openedAt: ticket.createdAt,
      status: ticket.status,
    },
    ...(ticket.chain.acknowledgement ? { acknowledgement: ticket.chain.acknowledgement } : {}),
    ...(responder
      ? {
          responder: {
            reports: responder.reports,
            ...(responder.onSceneAt ? { onSceneAt: responder.onSceneAt } : {}),
          },
        }
      : {}),
  };
}

/** GET: what the link is for and whether it can still act. Reads only. */
export async function viewAckLink(deps: AckDeps, token: string): Promise<AckLinkView> {
  const checked = await check(deps, token);
  if (!('claims' in checked)) return checked;
  const refusal = linkRefusal(checked.ticket, checked.claims.staffId, checked.claims.purpose);
  return describe(checked, refusal ? refusal.reason : 'form');
}

/** POST: records what the link's person did (acknowledged; on the scene; a report back). */
export async function useAckLink(
  deps: AckDeps,
  token: string,
  form: { action?: string; text?: string },
): Promise<AckLinkView> {
  for (let attempt = 1; ; attempt++) {
    const checked = await check(deps, token);
    if (!('claims' in checked)) return checked;
    const { ticket, claims, staff, member } = checked;
    const refusal = linkRefusal(ticket, claims.staffId, claims.purpose);
    if (refusal) return describe(checked, refusal.reason);
    const action = form.action as AckLinkAction | undefined;
    const text = form.text?.trim() ?? '';
    const onSceneAt = ticket.responders.find((r) => r.staffId === claims.staffId)?.onSceneAt;
    if (claims.purpose === 'scene' && action === 'on-scene' && onSceneAt)
      return describe(checked, 'already-on-scene');
    const fits =
      claims.purpose === 'acknowledge'
        ? action === 'acknowledge'
        : action === 'on-scene' || (action === 'report' && text.length > 0 && text.length <= 500);
    if (!fits) return { ...describe(checked, 'invalid-form'), ...(action ? { action } : {}) };
    const draft =
      action === 'acknowledge'
        ? decideAcknowledgement(ticket, claims.staffId, staff, 'link')
        : decideResponder(
            ticket,
            action === 'report' ? { type: 'report', text } : { type: 'on-scene' },
            claims.staffId,
            'link',
          );
    const now = deps.clock.now();
    const person = describe(checked, 'recorded').person;
    const actor = linkActor(member, claims.staffId, person?.name ?? claims.staffId);
    const event = { ...draft, seq: ticket.version + 1, at: now.toISOString(), actor } as TicketEventOf;
    const next = applyEvent(ticket, event) as EmergencyTicket;
    try {
      await deps.store.append(next, event, ticket.version);
      return { ...describe({ ...checked, ticket: next }, 'recorded'), action: action as AckLinkAction };
    } catch (error) {
      if (!(error instanceof ConcurrentChange) || attempt >= ATTEMPTS) throw error;
    }
  }
}
