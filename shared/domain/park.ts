/** The park, its office calendar and its staff directory (roles from DOMAIN.md). */

export const ROLES = [
  'dispatcher',
  'duty-officer',
  'customer-service',
  'customer-service-lead',
  'property-office',
  'finance',
  'technician',
  'repair-lead',
  'engineering-manager',
  'elevator-lead',
  'security-guard',
  'security-captain',
  'security-shift-lead',
  'security-manager',
  'cleaner',
  'supervisor',
  'office-manager',
  'office-director',
  'deputy-gm',
  'gm',
] as const;
export type Role = (typeof ROLES)[number];

export const DEPARTMENTS = [
  'customer-service',
  'property-office',
  'engineering',
  'security',
  'cleaning',
  'finance',
  'management',
] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** Access groups (Cognito groups in AWS); a token carries one or more. */
export const GROUPS = ['dispatcher', 'staff', 'security', 'office', 'manager', 'executive'] as const;
export type Group = (typeof GROUPS)[number];

/** Which access group a directory role belongs to. */
export const GROUP_OF_ROLE: Record<Role, Group> = {
  dispatcher: 'dispatcher',
  'duty-officer': 'dispatcher',
  'customer-service': 'dispatcher',
  'customer-service-lead': 'dispatcher',
  'property-office': 'office',
  finance: 'office',
  technician: 'staff',
  'repair-lead': 'staff',
  'elevator-lead': 'staff',
  cleaner: 'staff',
  'engineering-manager': 'manager',
  'security-guard': 'security',
  'security-captain': 'security',
  'security-shift-lead': 'security',
  'security-manager': 'security',
  supervisor: 'manager',
  'office-manager': 'manager',
  'office-director': 'manager',
  'deputy-gm': 'executive',
  gm: 'executive',
};

export interface StaffMember {
  id: string;
  parkId: string;
  name: string;
  roles: Role[];
  department: Department;
  /** E.164. */
  phone: string;
}

export interface Park {
  id: string;
  companyId: string;
  name: string;
  /** IANA zone; all wall-clock rules are computed in it. */
  timeZone: string;
  /** Office hours, `HH:mm` park-local. */
  officeOpens: string;
  officeCloses: string;
  /** Sender signature put in front of every SMS, e.g. 【翠湖物业】. */
  smsSignature: string;
}

export interface Resident {
  name: string;
  phone: string;
  relation: 'owner' | 'tenant';
}

export interface Unit {
  parkId: string;
  /** building-entrance-room, e.g. 3-2-1502 */
  unit: string;
  address: string;
  residents: Resident[];
}

/** The people holding `role`, in directory order. */
export function staffWithRole(staff: readonly StaffMember[], role: Role): StaffMember[] {
  return staff.filter((s) => s.roles.includes(role));
}
