/** Who is told by SMS about a repair, and what the one-segment text says. */
import { describe, expect, it } from 'vitest';
import type { Park, Role, StaffMember } from '../../shared/domain/park';
import { firstHolders } from '../../shared/domain/park';
import {
  applyRepairEvent,
  ENGINEERING_LEAD_ROLES,
  openRepair,
  type RepairEvent,
  type RepairIntake,
  type RepairTicket,
  repairNotifications,
} from '../../shared/domain/repair';
import { deskRolesOnShift } from '../../shared/domain/shift';
import { fitSms, SMS_SEGMENT } from '../../shared/domain/sms';
import type { Actor } from '../../shared/domain/ticket';
import { ruleContext } from '../support/fixtures';

const PARK: Park = {
  id: 'park-1',
  companyId: 'co-1',
  name: '翠湖园',
  timeZone: 'Asia/Shanghai',
  officeOpens: '08:30',
  officeCloses: '17:30',
  smsSignature: '【翠湖物业】',
};
const SIGNATURE = PARK.smsSignature;
const NUMBER = 'R20261127-001';
const OPENED_AT = new Date('2026-11-27T06:00:00.000Z');
const DISPATCHER: Actor = { staffId: 'dispatcher-1', groups: ['dispatcher'], name: '陈静' };

function person(id: string, name: string, roles: Role[]): StaffMember {
  return { id, parkId: PARK.id, name, roles, department: 'engineering', phone: `+86139${id.length}0000000` };
}

const TECH_ZHANG = person('technician-1', '张伟', ['technician']);
const TECH_LI = person('technician-2', '李强', ['technician']);
const REPAIR_LEAD = person('repair-lead-1', '王刚', ['repair-lead']);
const ENGINEERING_MANAGER = person('engineering-manager-1', '吴军', ['engineering-manager']);
const DISPATCHER_CHEN = person('dispatcher-1', '陈静', ['dispatcher']);
const DUTY_OFFICER = person('duty-officer-1', '刘洋', ['duty-officer']);
const GUARD = person('security-guard-1', '孙鹏', ['security-guard']);

const STAFF: StaffMember[] = [
  GUARD,
  DISPATCHER_CHEN,
  DUTY_OFFICER,
  TECH_ZHANG,
  TECH_LI,
  REPAIR_LEAD,
  ENGINEERING_MANAGER,
];
const without = (...gone: StaffMember[]) => STAFF.filter((s) => !gone.includes(s));

const LONG_DESCRIPTION =
  '卫生间天花板渗水严重,楼上住户家中无人,需要联系楼上业主并检查防水层,同时更换吊顶石膏板三块,客厅墙面也要重新刷漆';

function opened(overrides: Partial<RepairIntake> = {}): RepairTicket {
  const intake: RepairIntake = {
    caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
    description: '厨房水龙头漏水',
    location: '3号楼2单元1502',
    wantedAt: '2026-11-27T15:00:00+08:00',
    decision: 'dispatch',
    ...overrides,
  };
  return openRepair(
    { id: 'ticket-1', parkId: PARK.id, number: NUMBER, intake },
    ruleContext(OPENED_AT, DISPATCHER, PARK, STAFF),
  ).ticket;
}

const BOOKED = { decision: 'appointment', appointmentAt: '2026-11-28T10:00:00+08:00' } as const;

function assignedEvent(staff: StaffMember, seq = 2): RepairEvent {
  return {
    seq,
    type: 'ticket.assigned',
    at: '2026-11-27T06:05:00.000Z',
    actor: DISPATCHER,
    data: { staffId: staff.id, staffName: staff.name },
  };
}

function firedEvent(ticket: RepairTicket, timer: string): RepairEvent {
  return {
    seq: ticket.version + 1,
    type: 'timer.fired',
    at: ticket.timers[timer]?.dueAt ?? '2026-11-27T06:30:00.000Z',
    actor: { staffId: 'system', groups: ['system'] },
    data: { timer, dueAt: ticket.timers[timer]?.dueAt ?? '2026-11-27T06:30:00.000Z' },
  };
}

function assignedTo(ticket: RepairTicket, staff: StaffMember): RepairTicket {
  return applyRepairEvent(ticket, assignedEvent(staff, ticket.version + 1));
}

/** The notifications of an event, given the ticket as the event left it (what the stream consumer sees). */
function notify(ticket: RepairTicket, event: RepairEvent, staff: readonly StaffMember[] = STAFF) {
  return repairNotifications(event, applyRepairEvent(ticket, event), staff, PARK);
}

describe('repairNotifications: assigned', () => {
  it('the assigned technician gets the work order number, unit, description and time', () => {
    const notifications = notify(opened(), assignedEvent(TECH_ZHANG));

    expect(notifications).toEqual([
      {
        to: TECH_ZHANG,
        purpose: 'assigned',
        text: '【翠湖物业】派工单R20261127-001:3-2-1502 厨房水龙头漏水,时间11月27日15:00,请尽快接单。',
      },
    ]);
  });

  it('a booked repair tells the technician the appointment time, not the wanted time', () => {
    const [sms] = notify(opened(BOOKED), assignedEvent(TECH_LI));

    expect(sms?.to).toBe(TECH_LI);
    expect(sms?.text).toContain('时间11月28日10:00');
  });

  it('without a unit on the caller the repair location stands in for it', () => {
    const ticket = opened({ caller: { name: '物业前台', phone: '+8613800000009' }, location: '5号楼大堂' });

    const [sms] = notify(ticket, assignedEvent(TECH_ZHANG));

    expect(sms?.text).toBe(
      '【翠湖物业】派工单R20261127-001:5号楼大堂 厨房水龙头漏水,时间11月27日15:00,请尽快接单。',
    );
  });

  it('nobody is texted when the assignee is not in the directory', () => {
    expect(notify(opened(), assignedEvent(TECH_ZHANG), without(TECH_ZHANG))).toEqual([]);
  });
});

describe('repairNotifications: ack-30m fired (not acknowledged within 30 minutes)', () => {
  it('the repair lead is told, naming the technician who has not acknowledged', () => {
    const ticket = assignedTo(opened(), TECH_ZHANG);

    expect(notify(ticket, firedEvent(ticket, 'ack-30m'))).toEqual([
      {
        to: REPAIR_LEAD,
        purpose: 'ack-30m',
        text: '【翠湖物业】派工单R20261127-001派出30分钟未接单(张伟):3-2-1502 厨房水龙头漏水,请跟进。',
      },
    ]);
  });

  it('a work order nobody was assigned to says so', () => {
    const ticket = opened();

    const [sms] = notify(ticket, firedEvent(ticket, 'ack-30m'));

    expect(sms?.text).toBe(
      '【翠湖物业】派工单R20261127-001派出30分钟未接单(未派人):3-2-1502 厨房水龙头漏水,请跟进。',
    );
  });

  it.each<[string, StaffMember[], StaffMember[]]>([
    ['the repair lead when there is one', STAFF, [REPAIR_LEAD]],
    ['else the engineering manager', without(REPAIR_LEAD), [ENGINEERING_MANAGER]],
    ['else nobody', without(REPAIR_LEAD, ENGINEERING_MANAGER), []],
    [
      'every repair lead when there are several',
      [...STAFF, person('repair-lead-2', '赵亮', ['repair-lead'])],
      [REPAIR_LEAD, expect.objectContaining({ id: 'repair-lead-2' })],
    ],
  ])('fallback chain: %s', (_case, staff, recipients) => {
    // Assigned: an unassigned work order also goes to the desk (test/domain/repair.test.ts, review).
    const ticket = assignedTo(opened(), TECH_ZHANG);

    const notifications = notify(ticket, firedEvent(ticket, 'ack-30m'), staff);

    expect(notifications.map((n) => n.to)).toEqual(recipients);
    for (const n of notifications) expect(n.purpose).toBe('ack-30m');
  });
});

describe('repairNotifications: appointment-reminder fired', () => {
  it('the assigned technician is reminded of the appointment', () => {
    const ticket = assignedTo(opened(BOOKED), TECH_LI);

    expect(notify(ticket, firedEvent(ticket, 'appointment-reminder'))).toEqual([
      {
        to: TECH_LI,
        purpose: 'appointment-reminder',
        text: '【翠湖物业】提醒:派工单R20261127-001预约11月28日10:00上门,3-2-1502 厨房水龙头漏水。',
      },
    ]);
  });

  it('an unassigned booking goes to the desk, asking it to dispatch', () => {
    const ticket = opened(BOOKED);

    expect(notify(ticket, firedEvent(ticket, 'appointment-reminder'))).toEqual([
      {
        to: DISPATCHER_CHEN,
        purpose: 'appointment-reminder',
        text: '【翠湖物业】派工单R20261127-001预约11月28日10:00上门,尚未派人:3-2-1502 厨房水龙头漏水,请派工。',
      },
    ]);
  });

  it.each<[string, StaffMember[], StaffMember[]]>([
    ['the dispatcher when there is one', STAFF, [DISPATCHER_CHEN]],
    ['else the duty officer', without(DISPATCHER_CHEN), [DUTY_OFFICER]],
    ['else nobody', without(DISPATCHER_CHEN, DUTY_OFFICER), []],
  ])('fallback chain for an unassigned booking: %s', (_case, staff, recipients) => {
    const ticket = opened(BOOKED);

    expect(notify(ticket, firedEvent(ticket, 'appointment-reminder'), staff).map((n) => n.to)).toEqual(
      recipients,
    );
  });

  it('an assignee who left the directory is replaced by the desk', () => {
    const ticket = assignedTo(opened(BOOKED), TECH_LI);

    const notifications = notify(ticket, firedEvent(ticket, 'appointment-reminder'), without(TECH_LI));

    expect(notifications.map((n) => n.to)).toEqual([DISPATCHER_CHEN]);
    expect(notifications[0]?.text).toContain('尚未派人');
  });
});

describe('repairNotifications: events that text nobody', () => {
  const ticket = assignedTo(opened(), TECH_ZHANG);
  const at = '2026-11-27T06:10:00.000Z';
  it.each<[string, RepairEvent]>([
    ['acknowledged', { seq: 3, type: 'ticket.acknowledged', at, actor: DISPATCHER, data: {} }],
    [
      'completed',
      {
        seq: 3,
        type: 'ticket.completed',
        at,
        actor: DISPATCHER,
        data: { serviceSlip: { number: 'S-1', signedBy: '王先生' } },
      },
    ],
    [
      'an unknown timer',
      { seq: 3, type: 'timer.fired', at, actor: DISPATCHER, data: { timer: 'other', dueAt: at } },
    ],
  ])('%s', (_case, event) => {
    expect(repairNotifications(event, ticket, STAFF, PARK)).toEqual([]);
  });
});

describe('SMS length: one 70-character segment', () => {
  const dispatched = opened({ description: LONG_DESCRIPTION });
  const booked = opened({ ...BOOKED, description: LONG_DESCRIPTION });
  const cases: Array<[string, RepairTicket, RepairEvent, string[]]> = [
    [
      'assigned',
      dispatched,
      assignedEvent(TECH_ZHANG),
      [NUMBER, '3-2-1502', '时间11月27日15:00,请尽快接单。'],
    ],
    [
      'ack-30m, unassigned',
      dispatched,
      firedEvent(dispatched, 'ack-30m'),
      [NUMBER, '(未派人)', '3-2-1502', ',请跟进。'],
    ],
    [
      'ack-30m, assigned',
      assignedTo(dispatched, TECH_ZHANG),
      firedEvent(assignedTo(dispatched, TECH_ZHANG), 'ack-30m'),
      [NUMBER, '(张伟)', '3-2-1502', ',请跟进。'],
    ],
    [
      'reminder to the technician',
      assignedTo(booked, TECH_LI),
      firedEvent(assignedTo(booked, TECH_LI), 'appointment-reminder'),
      [NUMBER, '预约11月28日10:00上门', '3-2-1502'],
    ],
    [
      'reminder to the desk',
      booked,
      firedEvent(booked, 'appointment-reminder'),
      [NUMBER, '预约11月28日10:00上门', '3-2-1502', ',请派工。'],
    ],
  ];

  it.each(cases)(
    '%s: signature first, ≤ 70 characters, description cut with … and the rest whole',
    (_case, ticket, event, whole) => {
      // Act
      const notifications = notify(ticket, event);

      // Assess
      expect(notifications.length).toBeGreaterThan(0);
      for (const { text } of notifications) {
        expect([...text].length).toBeLessThanOrEqual(SMS_SEGMENT);
        // Cut no more than needed: the segment is used to its last character.
        expect([...text].length).toBe(SMS_SEGMENT);
        expect(text.startsWith(SIGNATURE)).toBe(true);
        expect(text.indexOf(SIGNATURE, 1)).toBe(-1);
        for (const part of whole) expect(text).toContain(part);
        expect(text).not.toContain(LONG_DESCRIPTION);
        const kept = /3-2-1502 (.+?)…/.exec(text)?.[1];
        expect(kept).toBeDefined();
        expect(LONG_DESCRIPTION.startsWith(kept ?? '')).toBe(true);
      }
    },
  );

  it('assigned: the long description is cut to the exact room left', () => {
    const [sms] = notify(dispatched, assignedEvent(TECH_ZHANG));

    // 53 fixed characters (signature, number, unit, time, wording) leave 17: 16 of the description and '…'.
    expect(sms?.text).toBe(
      `【翠湖物业】派工单R20261127-001:3-2-1502 ${[...LONG_DESCRIPTION].slice(0, 16).join('')}…,时间11月27日15:00,请尽快接单。`,
    );
  });
});

describe('fitSms', () => {
  const body = (detail: string) => `报修:${detail}。`;
  // Signature (6), '报修:' (3) and '。' (1) leave 60 characters for the detail.
  const fits = '漏'.repeat(60);

  it('a detail that just fits is left whole', () => {
    expect(fitSms(SIGNATURE, body, fits)).toBe(`${SIGNATURE}报修:${fits}。`);
  });

  it('one character more and the detail is cut, ending in …, to exactly 70', () => {
    const text = fitSms(SIGNATURE, body, `${fits}水`);

    expect(text).toBe(`${SIGNATURE}报修:${'漏'.repeat(59)}…。`);
    expect([...text].length).toBe(70);
  });

  it('the signature and the fixed wording are never cut, even when they alone are too long', () => {
    const fixed = '固'.repeat(80);

    const text = fitSms(SIGNATURE, (d) => `${fixed}${d}`, '漏水漏水');

    expect(text.startsWith(`${SIGNATURE}${fixed}`)).toBe(true);
  });

  it('a rare character outside the BMP (surrogate pair) is never split in half by the cut', () => {
    const text = fitSms(SIGNATURE, body, '𠮷'.repeat(70));

    expect(text.endsWith('𠮷…。')).toBe(true);
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });
});

describe('firstHolders', () => {
  it('takes the holders of the first role in the chain that anybody holds, in directory order', () => {
    const twoDispatchers = [...STAFF, person('dispatcher-2', '黄磊', ['dispatcher'])];

    // The desk's roles in office hours (14:00): the dispatcher first, as the old two-role list began.
    expect(firstHolders(twoDispatchers, deskRolesOnShift(OPENED_AT, PARK)).map((s) => s.id)).toEqual([
      'dispatcher-1',
      'dispatcher-2',
    ]);
    expect(firstHolders(without(REPAIR_LEAD), ENGINEERING_LEAD_ROLES)).toEqual([ENGINEERING_MANAGER]);
    expect(firstHolders([GUARD], ENGINEERING_LEAD_ROLES)).toEqual([]);
  });
});
