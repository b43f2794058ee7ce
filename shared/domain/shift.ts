/**
 * Who is at the desk now (篇4 2, EM-4): the dispatcher in office hours (正式班), the duty officer
 * outside them. The one rule every kind uses: repair and complaint SMS for the desk, the
 * emergency's owner, the phone line's put-through.
 */
import { calendarOf, isOfficeHours } from './calendar';
import type { Park, Role, StaffMember } from './park';
import { firstHolders } from './park';

/**
 * The desk's roles at `at`, first choice first. The one fallback: whoever of the other shift is
 * in the directory, then the customer-service lead (客服主管), who answers for the desk. Office
 * hours a park cannot read count as office hours: a bad setting must never silence the desk.
 */
export function deskRolesOnShift(at: Date, park: Park): readonly Role[] {
  let inOffice = true;
  try {
    inOffice = isOfficeHours(at, calendarOf(park));
  } catch {
    // Unreadable office hours: the dispatcher first, as in office hours.
  }
  return inOffice
    ? ['dispatcher', 'duty-officer', 'customer-service-lead']
    : ['duty-officer', 'dispatcher', 'customer-service-lead'];
}

/** The people at the desk at `at`: every holder of the first role on shift that anybody holds. */
export function deskOnShift(at: Date, park: Park, staff: readonly StaffMember[]): StaffMember[] {
  return firstHolders(staff, deskRolesOnShift(at, park));
}
