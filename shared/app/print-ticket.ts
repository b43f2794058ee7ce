/**
 * `GET /tickets/{id}/print`: a ticket's filled form as an A4 page (issue 13 item 6). It reads the
 * ticket exactly as `GET /tickets/{id}` does — the same permission, the same park scoping (another
 * park's ticket is not found), the same view (a complaint's contact masked for those who may not
 * see it, CH-3) — so nothing is on paper that the reader could not read as JSON.
 */
import { DEFAULT_TIME_ZONE } from '../domain/formats';
import type { Principal } from './access';
import type { CoreDeps } from './deps';
import type { PrintForm } from './print/form-names';
import { printDocument } from './print/forms';
import { printHtml } from './print/html';
import { getTicket } from './queries';

export async function printTicket(
  deps: CoreDeps,
  principal: Principal,
  ticketId: string,
  form?: PrintForm,
): Promise<string> {
  const view = await getTicket(deps, principal, ticketId);
  const [park, staff] = await Promise.all([
    deps.directory.park(view.parkId),
    deps.directory.staff(view.parkId),
  ]);
  const doc = printDocument(view, form, {
    parkName: park?.name ?? view.parkId,
    timeZone: park?.timeZone ?? DEFAULT_TIME_ZONE,
    names: new Map(staff.map((s) => [s.id, s.name])),
    now: deps.clock.now(),
  });
  return printHtml(doc);
}
