/**
 * What a reader may see of a ticket: one place every read path goes through (GET /tickets/{id}
 * with its timeline, the lists, a command's answer), so no handler can forget it. Complaints: the
 * resident's contact (CH-3) only for those who need it, masked for everyone else, and no steps
 * offered to the person complained about (they may send none: complaint/conflict.ts).
 */
import { contactNeedsDirectory, isAccused, maskCaller, maskPhone, seesContact } from '../domain/complaint';
import type { StaffMember } from '../domain/park';
import type { Ticket } from '../domain/tickets';
import type { Principal } from './access';
import { actorOf } from './access';
import type { CoreDeps } from './deps';

/** The parts of a ticket's answer a view may change besides the ticket's own fields. */
type Viewable = Ticket & {
  allowedCommands?: string[];
  timeline?: { data: Record<string, unknown> }[];
};

/**
 * The park's directory when some ticket's view depends on it (a department head reading a
 * complaint), else none: the desk, management and field staff are decided without a read.
 */
export async function directoryForViews(
  deps: CoreDeps,
  principal: Principal,
  tickets: readonly Ticket[],
): Promise<readonly StaffMember[]> {
  const viewer = actorOf(principal);
  const needing = tickets.find((t) => t.kind === 'complaint' && contactNeedsDirectory(t, viewer));
  return needing ? deps.directory.staff(needing.parkId) : [];
}

function hasCaller(data: Record<string, unknown>): boolean {
  return typeof data.caller === 'object' && data.caller !== null;
}

/**
 * `ticket` as `principal` may see it. `staff`: the park's directory (directoryForViews), needed
 * only to recognise the head of the department handling a complaint.
 */
export function viewFor<T extends Viewable>(
  principal: Principal,
  ticket: T,
  staff: readonly StaffMember[],
): T {
  if (ticket.kind === 'key') return keyRequestView(principal, ticket);
  if (ticket.kind !== 'complaint') return ticket;
  const viewer = actorOf(principal);
  let view: T = ticket;
  if (isAccused(ticket, viewer.staffId) && ticket.allowedCommands) view = { ...view, allowedCommands: [] };
  if (seesContact(ticket, viewer, staff)) return view;
  // CH-3: the contact, wherever it is repeated (the ticket, the opening event in the timeline).
  return {
    ...view,
    ...(ticket.caller ? { caller: maskCaller(ticket.caller) } : {}),
    ...(ticket.timeline
      ? {
          timeline: ticket.timeline.map((entry) =>
            hasCaller(entry.data)
              ? {
                  ...entry,
                  data: { ...entry.data, caller: maskCaller(entry.data.caller as Ticket['caller'] & object) },
                }
              : entry,
          ),
        }
      : {}),
  };
}

/**
 * A key request's requester phone is for those who act on it: the desk, the property office,
 * security (who escorts) and management; field staff who only read it see it masked.
 */
function keyRequestView<T extends Viewable>(principal: Principal, ticket: T): T {
  if (ticket.kind !== 'key' || !principal.groups.every((g) => g === 'staff')) return ticket;
  const masked = <R extends { phone: string }>(requester: R): R => ({
    ...requester,
    phone: maskPhone(requester.phone),
  });
  return {
    ...ticket,
    requester: masked(ticket.requester),
    // The opening event repeats it in the timeline.
    ...(ticket.timeline
      ? {
          timeline: ticket.timeline.map((entry) =>
            typeof entry.data.requester === 'object' && entry.data.requester !== null
              ? {
                  ...entry,
                  data: { ...entry.data, requester: masked(entry.data.requester as { phone: string }) },
                }
              : entry,
          ),
        }
      : {}),
  };
}
