/** Read-side use case for a park's settings: its office calendar, SMS signature and limits. */
import type { CalendarSettings } from '../domain/calendar';
import { calendarSettings } from '../domain/calendar';
import { NotFound } from '../domain/errors';
import { limitSettings } from '../domain/limits';
import type { LimitSettings, Park, RepairSettings } from '../domain/park';
import { repairSettings } from '../domain/repair';
import type { Principal } from './access';
import { authorize, canSeePark } from './access';
import type { CoreDeps } from './deps';

/**
 * A park as `GET /parks/{id}` shows it: every calendar setting and every limit (ADR 011) filled in
 * with its default; a limit set wrong is named in `limitWarnings` (its default applies).
 */
export type ParkView = Park &
  CalendarSettings & { limits: LimitSettings; limitWarnings?: string[]; repair: RepairSettings };

/**
 * One park the principal may see, with the calendar its clocks run on (CH-5, CH-6, DS-5).
 * A park the token does not cover is "not found", like a missing one.
 */
export async function getPark(deps: CoreDeps, principal: Principal, parkId: string): Promise<ParkView> {
  authorize(principal, 'park.read');
  const park = canSeePark(principal, parkId) ? await deps.directory.park(parkId) : undefined;
  if (!park) throw new NotFound('PARK.NOT_FOUND', `park ${parkId.slice(0, 64)} not found`, 'id');
  const { settings, warnings } = limitSettings(park);
  return {
    ...park,
    ...calendarSettings(park),
    limits: settings,
    // The repair clocks (issue 11, ADR 015), every one filled in.
    repair: repairSettings(park),
    ...(warnings.length ? { limitWarnings: warnings } : {}),
  };
}
