/**
 * What every kind's link flow shares: the steps a link may take are the ticket's own commands, run
 * as the link's person through the same path as the API's (ticket-command.ts: permissions, the
 * kind's rules, one versioned write), so a link can never do more than its person could.
 */
import {
  ConcurrentChange,
  DomainError,
  Forbidden,
  IllegalTransition,
  ServiceUnavailable,
} from '../../domain/errors';
import type { Role } from '../../domain/park';
import { ROLE_LABELS } from '../../domain/park';
import type { Ticket } from '../../domain/tickets';
import { chineseShort } from '../../domain/time';
import { commandBodies, type CommandName } from '../../schemas';
import { actorOf } from '../access';
import type { AckDeps } from '../deps';
import type { TicketCommand } from '../ticket-command';
import { decideTicketCommand, recordTicketCommand } from '../ticket-command';
import type { Checked } from './check';
import { checkLink, linkPrincipal } from './check';
import type { LinkFact, LinkPage } from './page';
import { BROKEN, CALL_THE_DESK } from './page';
import { monthLinkPage, useMonthLink } from './monthly-report';
import { reviewLinkPage, useReviewLink } from './weekly-review';

/** A posted form's fields (`application/x-www-form-urlencoded`). */
export type LinkFormInput = Readonly<Record<string, string>>;

/** One kind's links: the page for a purpose now, the step a form asks for, and what recording it says. */
export interface LinkFlow<T extends Ticket = Ticket> {
  /** The page the link opens now: what it is about, its next step's form, or why it has none. */
  page(c: Checked<T>): LinkPage;
  /** The command a posted form asks for (the fields checked), or the page that answers instead. */
  step(c: Checked<T>, form: LinkFormInput): { action: string; command: TicketCommand } | LinkPage;
  /** What the page says once `action` is recorded (`c` holds the ticket after it). */
  recorded(c: Checked<T>, action: string): string;
}

/** Concurrent writes (a timer, another person) before we give up and show the error page. */
const ATTEMPTS = 5;

/** Why the desk would refuse `command` from the link's person now (a dry run); undefined: it would not. */
export function refusalOf(c: Checked, command: TicketCommand): DomainError | undefined {
  const principal = linkPrincipal(c);
  try {
    decideTicketCommand(principal, c.ticket, command, {
      now: c.now,
      actor: actorOf(principal),
      park: c.park,
      staff: c.staff,
    });
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

/** A form's fields as the API's own schema for `name` reads them, or undefined when they do not fit. */
export function parseStep<N extends CommandName>(
  name: N,
  body: Record<string, unknown>,
): TicketCommand | undefined {
  const parsed = commandBodies[name].safeParse(body);
  return parsed.success ? ({ type: name, ...parsed.data } as TicketCommand) : undefined;
}

/** A park-local time for the page: `11月27日15:00`. */
export function when(c: Pick<Checked, 'timeZone'>, iso: string | undefined): string {
  return iso ? chineseShort(new Date(iso), c.timeZone) : '';
}

/** The fact every kind's page ends with: whose link it is, with the role that puts them on the case. */
export function holderFact(c: Checked, role: Role | undefined): LinkFact {
  const name = c.member?.name ?? c.claims.staffId;
  return { label: '本链接属于', value: `${name}${role ? `(${ROLE_LABELS[role]})` : ''}` };
}

/** The page again when the posted form is not what it offers or lacks a field: nothing recorded. */
export function invalidForm(current: LinkPage, text: string): LinkPage {
  return { ...current, outcome: 'invalid-form', notice: { tone: 'warn', text: `${text}未作任何记录。` } };
}

/** The page for a step the desk refused: the HTTP status the refusal means, in Chinese. */
export function refusedPage(page: LinkPage, error: DomainError): LinkPage {
  const [status, why] =
    error instanceof Forbidden
      ? [403, '您无权进行此操作']
      : error instanceof IllegalTransition
        ? [409, '当前状态下不能进行此操作']
        : [422, '提交的内容不符合要求'];
  return {
    ...page,
    outcome: 'refused',
    status,
    notice: { tone: 'warn', text: `${why}(${error.code}),未作任何记录。${CALL_THE_DESK}` },
    forms: [],
  };
}

/** GET: what the link is for and whether it can still act. Reads only. */
export async function viewLink(
  deps: AckDeps,
  token: string,
  flows: Record<Ticket['kind'], LinkFlow>,
): Promise<LinkPage> {
  const checked = await checkLink(deps, token);
  if (!('claims' in checked)) return checked;
  if ('review' in checked) return reviewLinkPage(deps, checked);
  if ('month' in checked) return monthLinkPage(deps, checked);
  return flows[checked.ticket.kind].page(checked);
}

/**
 * POST: records the step the form asks for, as the link's person, in one versioned write. A
 * concurrent change (a timer, another person) makes us read and decide again, so exactly one
 * outcome is stored and the page says which.
 */
export async function useLink(
  deps: AckDeps,
  token: string,
  form: LinkFormInput,
  flows: Record<Ticket['kind'], LinkFlow>,
): Promise<LinkPage> {
  for (let attempt = 1; ; attempt++) {
    const checked = await checkLink(deps, token);
    if (!('claims' in checked)) return checked;
    if ('review' in checked) return useReviewLink(deps, checked, form);
    if ('month' in checked) return useMonthLink(deps, checked, form);
    const flow = flows[checked.ticket.kind];
    const step = flow.step(checked, form);
    if ('outcome' in step) return step;
    try {
      const { ticket } = await recordTicketCommand(
        deps,
        linkPrincipal(checked),
        checked.ticket.id,
        step.command,
      );
      const after = { ...checked, ticket };
      return {
        ...flow.page(after),
        outcome: 'recorded',
        notice: { tone: 'done', text: flow.recorded(after, step.action) },
      };
    } catch (error) {
      if (error instanceof ConcurrentChange && attempt < ATTEMPTS) continue;
      if (error instanceof ServiceUnavailable) return BROKEN.unavailable;
      if (error instanceof DomainError && !(error instanceof ConcurrentChange)) {
        return refusedPage(flow.page(checked), error);
      }
      throw error;
    }
  }
}
