/**
 * What the links whose subject is a park's period rather than a ticket share (DS-7's weekly review,
 * CH-10's monthly report): the link's person as a principal of that park, and the page a refused
 * step shows. The step itself goes through the API's own use case as that principal.
 */
import { type DomainError, Forbidden } from '../../domain/errors';
import { DEFAULT_TIME_ZONE } from '../../domain/formats';
import { GROUP_OF_ROLE } from '../../domain/park';
import type { Principal } from '../access';
import type { AckDeps } from '../deps';
import type { LinkPage } from './page';
import { CALL_THE_DESK } from './page';

/** The link's person in `parkId`'s directory, as the principal the use cases check; undefined when gone. */
export async function parkLinkPerson(deps: AckDeps, parkId: string, staffId: string) {
  const [park, staff] = await Promise.all([deps.directory.park(parkId), deps.directory.staff(parkId)]);
  const member = staff.find((s) => s.id === staffId);
  if (!park || !member) return undefined;
  const principal: Principal = {
    staffId: member.id,
    groups: [...new Set(member.roles.map((r) => GROUP_OF_ROLE[r]))],
    parks: [parkId],
    name: member.name,
    via: 'link',
  };
  return { park, member, principal, timeZone: park.timeZone || DEFAULT_TIME_ZONE };
}

/** A step the use case refused: why, in Chinese, and that nothing was recorded. */
export function refusedPage(title: string, error: DomainError): LinkPage {
  const [status, why] =
    error instanceof Forbidden ? [403, '您无权进行此操作'] : [422, '提交的内容不符合要求'];
  return {
    outcome: 'refused',
    status,
    title,
    notice: { tone: 'warn', text: `${why}(${error.code}),未作任何记录。${CALL_THE_DESK}` },
    facts: [],
    forms: [],
  };
}
