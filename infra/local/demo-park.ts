/** The demo park the local desk starts with: one company, one park, every directory role, a few units. */
import { DEFAULT_SMS_SIGNATURE, DEFAULT_TIME_ZONE } from '../../shared/config';
import type { Park, StaffMember, Unit } from '../../shared/domain/park';

export const DEMO_COMPANY = { id: 'co-1', name: '某物业服务有限公司' };

export const DEMO_PARK: Park = {
  id: 'park-1',
  companyId: DEMO_COMPANY.id,
  name: '翠湖园',
  timeZone: DEFAULT_TIME_ZONE,
  officeOpens: '08:30',
  officeCloses: '17:30',
  smsSignature: DEFAULT_SMS_SIGNATURE,
  // The office calendar (calendar.ts): open every day, no holidays, deadlines in calendar days.
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  holidays: [],
  dayCount: 'calendar',
  // Emergencies (EM-2, EM-3, EM-6): the procedure's order, 5 minutes a level, three rounds.
  emergency: {
    chain: [
      { role: 'office-manager', waitMinutes: 5 },
      { role: 'deputy-gm', waitMinutes: 5 },
      { role: 'gm', waitMinutes: 5 },
    ],
    rounds: 3,
    responders: [
      'security-manager',
      'engineering-manager',
      'security-captain',
      'elevator-lead',
      'repair-lead',
      'security-shift-lead',
    ],
    signOff: ['office-manager'],
    ackLinkMinutes: 120,
    sceneLinkMinutes: 720,
    sceneMinutes: 15,
  },
  // What one caller, token or ticket may cost (ADR 011): the defaults, written out.
  limits: {
    duplicateWindowMinutes: 30,
    ivrCallsPerPhone: 5,
    ivrCallWindowMinutes: 60,
    writesPerToken: 60,
    writeWindowSeconds: 60,
    smsPerTicket: 50,
    emergencySmsPerTicket: 400,
    smsPerParkHour: 200,
  },
  // Repair clocks (issue 11, ADR 015): the defaults, written out. RP-2 owed: the desk after 10
  // minutes, the office manager after 30; completion: 0 = by the end of the (appointment's)
  // working day; the engineering manager an hour after a missed completion.
  repair: {
    receivedDeskMinutes: 10,
    receivedManagerMinutes: 30,
    dispatchedCompleteHours: 0,
    bookedCompleteHours: 0,
    completeManagerAfterMinutes: 60,
  },
};

type Seat = Omit<StaffMember, 'parkId' | 'phone'>;

/** One person per role (two technicians and two guards), numbered phones +86139000000NN. */
const SEATS: Seat[] = [
  { id: 'dispatcher-1', name: '陈静', roles: ['dispatcher'], department: 'customer-service' },
  { id: 'duty-officer-1', name: '刘洋', roles: ['duty-officer'], department: 'customer-service' },
  { id: 'customer-service-1', name: '杨丽', roles: ['customer-service'], department: 'customer-service' },
  {
    id: 'customer-service-lead-1',
    name: '赵敏',
    roles: ['customer-service-lead'],
    department: 'customer-service',
  },
  { id: 'property-office-1', name: '黄磊', roles: ['property-office'], department: 'property-office' },
  { id: 'finance-1', name: '周芳', roles: ['finance'], department: 'finance' },
  { id: 'technician-1', name: '张伟', roles: ['technician'], department: 'engineering' },
  { id: 'technician-2', name: '李强', roles: ['technician'], department: 'engineering' },
  { id: 'repair-lead-1', name: '王刚', roles: ['repair-lead'], department: 'engineering' },
  { id: 'engineering-manager-1', name: '吴军', roles: ['engineering-manager'], department: 'engineering' },
  { id: 'elevator-lead-1', name: '徐涛', roles: ['elevator-lead'], department: 'engineering' },
  { id: 'security-guard-1', name: '孙鹏', roles: ['security-guard'], department: 'security' },
  { id: 'security-guard-2', name: '马超', roles: ['security-guard'], department: 'security' },
  { id: 'security-captain-1', name: '朱斌', roles: ['security-captain'], department: 'security' },
  { id: 'security-shift-lead-1', name: '胡亮', roles: ['security-shift-lead'], department: 'security' },
  { id: 'security-manager-1', name: '郭勇', roles: ['security-manager'], department: 'security' },
  { id: 'cleaner-1', name: '何琴', roles: ['cleaner'], department: 'cleaning' },
  { id: 'supervisor-1', name: '高峰', roles: ['supervisor'], department: 'management' },
  { id: 'office-manager-1', name: '林涛', roles: ['office-manager'], department: 'management' },
  { id: 'office-director-1', name: '罗晨', roles: ['office-director'], department: 'management' },
  { id: 'deputy-gm-1', name: '郑华', roles: ['deputy-gm'], department: 'management' },
  { id: 'gm-1', name: '梁思远', roles: ['gm'], department: 'management' },
];

export const DEMO_STAFF: StaffMember[] = SEATS.map((s, i) => ({
  ...s,
  parkId: DEMO_PARK.id,
  phone: `+86139000000${String(i + 1).padStart(2, '0')}`,
}));

export const DEMO_UNITS: Unit[] = [
  {
    unit: '3-2-1502',
    address: '3号楼2单元1502',
    residents: [{ name: '王先生', phone: '+8613800000001', relation: 'owner' }],
  },
  {
    unit: '5-1-0801',
    address: '5号楼1单元0801',
    residents: [{ name: '李女士', phone: '+8613800000002', relation: 'owner' }],
  },
  {
    unit: '5-1-0802',
    address: '5号楼1单元0802',
    residents: [
      { name: '赵先生', phone: '+8613800000003', relation: 'owner' },
      { name: '钱女士', phone: '+8613800000004', relation: 'tenant' },
    ],
  },
  {
    unit: '8-3-2201',
    address: '8号楼3单元2201',
    residents: [{ name: '孙女士', phone: '+8613800000005', relation: 'owner' }],
  },
].map((u) => ({ ...u, parkId: DEMO_PARK.id }) as Unit);
