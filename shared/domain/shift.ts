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

/**
 * Who answers for keys and move-ins (篇2, 篇3: 物业部) at `at`: the property office in office hours,
 * nobody outside them (the caller then reaches the desk on shift). Unreadable hours count as office hours.
 */
export function propertyOfficeOnShift(at: Date, park: Park, staff: readonly StaffMember[]): StaffMember[] {
  let inOffice = true;
  try {
    inOffice = isOfficeHours(at, calendarOf(park));
  } catch {
    // As for the desk: a bad setting must never leave the caller with nobody.
  }
  return inOffice ? firstHolders(staff, ['property-office']) : [];
}

/** The people at the desk at `at`: every holder of the first role on shift that anybody holds. */
export function deskOnShift(at: Date, park: Park, staff: readonly StaffMember[]): StaffMember[] {
  return firstHolders(staff, deskRolesOnShift(at, park));
}
