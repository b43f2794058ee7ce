/**
 * The park, its office calendar and its staff directory (roles from DOMAIN.md): the directory's
 * facts in one place (roles, departments, their Chinese names, who heads what).
 */

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
  /** ISO weekdays the office works (1 = Monday … 7 = Sunday); absent = every day (calendar.ts). */
  workingDays?: number[];
  /** Park-local dates (`yyyy-mm-dd`) the office is closed on a working weekday. */
  holidays?: string[];
  /** How day deadlines count (CH-7): `calendar` days (default) or `working` days. */
  dayCount?: 'calendar' | 'working';
  /** The emergency procedure (EM-2, EM-3, EM-6); absent fields take emergency/settings.ts's defaults. */
  emergency?: Partial<EmergencySettings>;
  /** Key custody (KY-4's clocks); absent fields take key/settings.ts's defaults. */
  keys?: Partial<KeySettings>;
  /** Resident move-in (MI-3's counted items, MI-9's forms, the open clock); absent fields take move-in/settings.ts's defaults. */
  moveIn?: Partial<MoveInSettings>;
  /** What one caller, one token or one ticket may cost; absent fields take limits.ts's defaults. */
  limits?: Partial<LimitSettings>;
  /** Repair clocks (issue 11: received, completion); absent fields take repair/settings.ts's defaults. */
  repair?: Partial<RepairSettings>;
}

/** A park's repair clocks, read when a repair is taken down, decided, rescheduled or reopened (repair/settings.ts). */
export interface RepairSettings {
  /** A received repair not yet decided (RP-2): the desk on shift is texted after this many minutes. */
  receivedDeskMinutes: number;
  /** … and the office manager after this many. */
  receivedManagerMinutes: number;
  /** Hours a dispatched repair has to be completed; 0: by the end of the same working day. */
  dispatchedCompleteHours: number;
  /** Hours after the appointment a booked repair has to be completed; 0: by the end of the appointment's working day. */
  bookedCompleteHours: number;
  /** Minutes past the completion deadline before the engineering manager is texted (the repair lead is at once). */
  completeManagerAfterMinutes: number;
}

/** A park's move-in data (move-in/settings.ts). */
export interface MoveInSettings {
  /** How many days a move-in may stay open before the property office lead is texted. */
  openDays: number;
  /** MI-3: the items counted out to the owner, name → count. */
  countedItems: Record<string, number>;
  /** MI-9: the forms and manuals (the original's 五). */
  forms: readonly {
    no: number;
    name: string;
    signed: boolean;
    copies: number;
    ownerCopies: number;
    step?: string;
  }[];
}

/** A park's limits (limits.ts, ADR 011): duplicates, call and request rates, SMS budgets. */
export interface LimitSettings {
  /**
   * Intake: a ticket asked for by the same caller phone, of the same kind (and emergency category),
   * within this many minutes of an open one of theirs joins that one instead (`duplicateOf`). 0: off.
   */
  duplicateWindowMinutes: number;
  /** IVR: calls one number may make in `ivrCallWindowMinutes`; beyond them it is put through to a person. */
  ivrCallsPerPhone: number;
  ivrCallWindowMinutes: number;
  /** Writes (POST) one token may send in `writeWindowSeconds`; beyond them 429 `REQUEST.RATE_LIMITED`. */
  writesPerToken: number;
  writeWindowSeconds: number;
  /** SMS one repair or complaint may cause; beyond it they are held (recorded, not sent). */
  smsPerTicket: number;
  /** SMS one emergency may cause; its EM-2 chain and EM-3 scene SMS are never held, only counted. */
  emergencySmsPerTicket: number;
  /** SMS the park may send in one clock hour; beyond it repair and complaint SMS are held. */
  smsPerParkHour: number;
}

/** A park's key custody clocks, read when a key is handed out (key/settings.ts). */
export interface KeySettings {
  /** How long a key may stay out when the slip gives no time (minutes). */
  loanMinutes: number;
  /** How long past its due time an unreturned key waits before the security manager is told (minutes). */
  managerAfterMinutes: number;
}

/** A park's emergency procedure, read when an emergency opens (emergency/settings.ts). */
export interface EmergencySettings {
  /** EM-2: who is told, level by level, each with its wait for an acknowledgement (minutes). */
  chain: { role: Role; waitMinutes: number }[];
  /** How many times the chain runs from the top when nobody acknowledges. */
  rounds: number;
  /** EM-3: who is sent to the scene (everyone the directory names for each role). */
  responders: Role[];
  /** EM-6: whose signed consent closes an emergency (管理处负责人). */
  signOff: Role[];
  /** How long an acknowledgement link and a scene link work (minutes). */
  ackLinkMinutes: number;
  sceneLinkMinutes: number;
  /**
   * EM-3 follow-through (issue 11 item 16): minutes after the call to the scene by which every
   * responder should be there; those who are not are named to the owner.
   */
  sceneMinutes: number;
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

/** The first people holding one of `roles`, trying each role in turn (a fallback chain). */
export function firstHolders(staff: readonly StaffMember[], roles: readonly Role[]): StaffMember[] {
  for (const role of roles) {
    const holders = staffWithRole(staff, role);
    if (holders.length > 0) return holders;
  }
  return [];
}

/** The directory's roles as the procedures name them. */
export const ROLE_LABELS: Record<Role, string> = {
  dispatcher: '调度员',
  'duty-officer': '值班人员',
  'customer-service': '客服',
  'customer-service-lead': '客服主管',
  'property-office': '物业部',
  finance: '财务部',
  technician: '维修工',
  'repair-lead': '维修班长',
  'engineering-manager': '工程部经理',
  'elevator-lead': '电梯队长',
  'security-guard': '保安员',
  'security-captain': '保安队长',
  'security-shift-lead': '保安班长',
  'security-manager': '保安部经理',
  cleaner: '清洁工',
  supervisor: '主管',
  'office-manager': '管理处经理',
  'office-director': '管理处主任',
  'deputy-gm': '主管副总经理',
  gm: '总经理',
};

/** Chinese names of the departments, as printed on the report sheet and in SMS. */
export const DEPARTMENT_LABELS: Record<Department, string> = {
  'customer-service': '客服中心',
  'property-office': '物业部',
  engineering: '工程部',
  security: '保安部',
  cleaning: '清洁部',
  finance: '财务部',
  management: '管理处',
};

/**
 * Who heads each department for signing the report sheet (CH-4), first role first. Departments
 * without a head role in the directory fall to the supervisor or the office manager (篇4:
 * 管理处负责人 = the office manager or the supervisor in charge of complaints).
 */
export const DEPARTMENT_HEAD_ROLES: Record<Department, readonly Role[]> = {
  engineering: ['engineering-manager', 'repair-lead'],
  security: ['security-manager', 'security-captain'],
  cleaning: ['supervisor', 'office-manager'],
  'customer-service': ['customer-service-lead', 'supervisor'],
  'property-office': ['supervisor', 'office-manager'],
  finance: ['office-manager'],
  management: ['office-manager', 'office-director'],
};
