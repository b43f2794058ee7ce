/**
 * The first part of every link request: is the token genuine and unexpired, and what does it name.
 * v2 tokens are checked against the claims stored under them, v1 tokens (emergency links sent
 * before ADR 012) carry their claims. Then the ticket, the park and its directory are read.
 */
import type { AckLinkCheck, AckLinkClaims, AckLinkPurpose } from '../../domain/ack-link';
import {
  checkAckLinkToken,
  isAckLinkToken,
  monthOfSubject,
  reviewOfSubject,
  verifyAckLink,
} from '../../domain/ack-link';
import { DEFAULT_TIME_ZONE } from '../../domain/formats';
import type { Park, StaffMember } from '../../domain/park';
import { GROUP_OF_ROLE } from '../../domain/park';
import type { TicketKind } from '../../domain/ticket';
import type { Ticket } from '../../domain/tickets';
import { chineseShort } from '../../domain/time';
import type { Principal } from '../access';
import type { AckDeps } from '../deps';
import { withRepairStates } from '../move-in';
import type { LinkPage } from './page';
import { BROKEN, expiredPage } from './page';

/** The kind of ticket each purpose is for: a genuine link on another kind's ticket names nobody. */
export const PURPOSE_KIND: Record<AckLinkPurpose, TicketKind> = {
  acknowledge: 'emergency',
  scene: 'emergency',
  owner: 'emergency',
  job: 'repair',
  dispatch: 'repair',
  'report-sheet': 'complaint',
  'stop-harm': 'complaint',
  supervisor: 'complaint',
  director: 'complaint',
  resolve: 'complaint',
  'key-return': 'key',
  'move-in-lead': 'move-in',
  // Its subject is a park's week of complaints, not one ticket (ADR 022): checkLink answers ReviewLink.
  'weekly-review': 'complaint',
  // Its subject is a park's month (CH-10, ADR 021): checkLink answers MonthLink.
  'monthly-report': 'complaint',
};

/** A genuine, unexpired link and what it names. */
export interface Checked<T extends Ticket = Ticket> {
  claims: AckLinkClaims;
  ticket: T;
  /** The link's person in the directory (absent: no longer in it). */
  member: StaffMember | undefined;
  staff: StaffMember[];
  park: Park;
  timeZone: string;
  now: Date;
}

async function verify(deps: AckDeps, token: string, key: string, now: Date): Promise<AckLinkCheck> {
  if (!isAckLinkToken(token)) return verifyAckLink(token, key, now);
  const stored = await deps.store.ackLink(token);
  const claims = stored ? { ...stored, expiresAt: new Date(stored.expiresAt) } : undefined;
  return checkAckLinkToken(token, claims, key, now);
}

/** A genuine, unexpired `weekly-review` link (DS-7, ADR 022): its subject is a park's week. */
export interface ReviewLink {
  review: { parkId: string; week: string };
  claims: AckLinkClaims;
  now: Date;
}

/** A genuine, unexpired `monthly-report` link (CH-10, ADR 021): its subject is a park's month. */
export interface MonthLink {
  month: { parkId: string; month: string };
  claims: AckLinkClaims;
  now: Date;
}

/** The link's claims and ticket (or week, or month), or the page that says why it cannot act. */
export async function checkLink(
  deps: AckDeps,
  token: string,
): Promise<Checked | ReviewLink | MonthLink | LinkPage> {
  let key: string;
  try {
    key = await deps.ackLinks.key();
  } catch {
    return BROKEN.unavailable;
  }
  const now = deps.clock.now();
  const verified = await verify(deps, token, key, now);
  if (!verified.ok) {
    return verified.reason === 'expired'
      ? expiredPage(chineseShort(verified.claims.expiresAt, DEFAULT_TIME_ZONE))
      : BROKEN.tampered;
  }
  const { claims } = verified;
  if (claims.purpose === 'weekly-review') {
    const review = reviewOfSubject(claims.ticketId);
    return review ? { review, claims, now } : BROKEN.tampered;
  }
  if (claims.purpose === 'monthly-report') {
    const month = monthOfSubject(claims.ticketId);
    return month ? { month, claims, now } : BROKEN.tampered;
  }
  const stored = await deps.store.get(claims.ticketId);
  if (!stored || stored.kind !== PURPOSE_KIND[claims.purpose]) return BROKEN['not-yours'];
  // A move-in shows its inspection's repairs as they stand (MI-6); other kinds are as stored.
  const ticket = await withRepairStates(deps, stored);
  const [park, staff] = await Promise.all([
    deps.directory.park(ticket.parkId),
    deps.directory.staff(ticket.parkId),
  ]);
  if (!park) return BROKEN.unavailable;
  const member = staff.find((s) => s.id === claims.staffId);
  return { claims, ticket, member, staff, park, timeZone: park.timeZone ?? DEFAULT_TIME_ZONE, now };
}

/**
 * The link's person as the use cases know principals: their directory groups, the ticket's park,
 * and `via: 'link'` so every event they record says how it came (the timeline shows it).
 */
export function linkPrincipal(c: Checked): Principal {
  const groups = c.member ? [...new Set(c.member.roles.map((r) => GROUP_OF_ROLE[r]))] : [];
  return {
    staffId: c.claims.staffId,
    groups,
    parks: [c.ticket.parkId],
    ...(c.member ? { name: c.member.name } : {}),
    via: 'link',
  };
}
