/**
 * The personal link of an SMS, opened (GET) and used (POST). No login: the signed link is the
 * authentication, so every answer here is about what the link may do now (ADR 005, ADR 012).
 *
 * `viewAckLink` (GET) never writes: SMS apps and link previewers fetch links on their own.
 * `useAckLink` (POST):
 * 1. Check the link: signature (tampered), expiry, the ticket it names (check.ts).
 * 2. Ask the ticket whether the link may still act: each kind's flow says which step the link's
 *    purpose allows now, and the domain, asked as the link's person, whether they may take it.
 * 3. Record the step through the desk's command path as the link's person, `via: 'link'`, in one
 *    versioned write, deciding again after a concurrent change (flow.ts).
 * The token never leaves this module: not in errors, not in logs.
 */
import type { Ticket } from '../../domain/tickets';
import type { AckDeps } from '../deps';
import { complaintLinks } from './complaint';
import { emergencyLinks } from './emergency';
import type { LinkFlow, LinkFormInput } from './flow';
import { useLink, viewLink } from './flow';
import { keyLinks } from './key';
import { moveInLinks } from './move-in';
import type { LinkPage } from './page';
import { repairLinks } from './repair';

export type { LinkFact, LinkField, LinkForm, LinkOutcome, LinkPage } from './page';

const FLOWS = {
  repair: repairLinks,
  complaint: complaintLinks,
  emergency: emergencyLinks,
  key: keyLinks,
  'move-in': moveInLinks,
} as Record<Ticket['kind'], LinkFlow>;

/** GET: what the link is for and whether it can still act. Reads only. */
export function viewAckLink(deps: AckDeps, token: string): Promise<LinkPage> {
  return viewLink(deps, token, FLOWS);
}

/** POST: records the step the page's form asks for, as the link's person. */
export function useAckLink(deps: AckDeps, token: string, form: LinkFormInput): Promise<LinkPage> {
  return useLink(deps, token, form, FLOWS);
}
