/**
 * Who is told by SMS about a repair, and what the text says: one segment without a link, two with
 * the technician's work order link (its resident to call ahead, 接单 then 完工).
 */
import { describe, expect, it } from 'vitest';
import { RuleViolation } from '../../../shared/domain/errors';
import type { Park, Role, StaffMember } from '../../../shared/domain/park';
import {
  applyRepairEvent,
  decideRepair,
  openRepair,
  type RepairEvent,
  type RepairIntake,
  type RepairTicket,
  receivedRepairNotifications,
  repairNotifications,
} from '../../../shared/domain/repair';
import { DESCRIPTION_CORE, LINK_SMS_ROOM, SMS_SEGMENT } from '../../../shared/domain/sms';
import { makePark, ruleContext, thrownBy } from '../../support/fixtures';
import {
  assignTo,
  ctxAt,
  DISPATCHER,
  intake,
  // The stories' repair lead (a different phone from this file's own 王刚).
  REPAIR_LEAD as LEAD_WANG,
  minutesAfter,
  NUMBER,
  open,
  OPENED_AT,
  receive,
  record,
  step,
  TECHNICIAN,
} from './driver';

const PARK: Park = makePark();
const SIGNATURE = PARK.smsSignature;

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
  it('the assigned technician gets the work order number, unit, description, the resident to call, the time and their work order link', () => {
    const notifications = notify(opened(), assignedEvent(TECH_ZHANG));

    expect(notifications).toEqual([
      {
        to: TECH_ZHANG,
        purpose: 'assigned',
        text: '【翠湖物业】派工单R20261127-001:3-2-1502 厨房水龙头漏水。王先生13800000001,11月27日15:00,请尽快接单:',
        // Three days from the SMS (at least a day past the wanted time): 接单 now, 完工 later.
        link: { purpose: 'job', expiresAt: '2026-11-30T06:05:00.000Z' },
      },
    ]);
  });

  it('a booked repair tells the technician the appointment time, not the wanted time', () => {
    const [sms] = notify(opened(BOOKED), assignedEvent(TECH_LI));

    expect(sms?.to).toBe(TECH_LI);
    expect(sms?.text).toContain(',11月28日10:00,请尽快接单:');
    // A far appointment: the link works until a day after it.
    expect(sms?.link?.expiresAt).toBe('2026-11-30T06:05:00.000Z');
  });

  it('without a unit on the caller the repair location stands in for it', () => {
    const ticket = opened({ caller: { name: '物业前台', phone: '+8613800000009' }, location: '5号楼大堂' });

    const [sms] = notify(ticket, assignedEvent(TECH_ZHANG));

    expect(sms?.text).toBe(
      '【翠湖物业】派工单R20261127-001:5号楼大堂 厨房水龙头漏水。物业前台13800000009,11月27日15:00,请尽快接单:',
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
        // Issue 11: the repair lead's own dispatch link (派工/改派) ends his copy.
        text: '【翠湖物业】派工单R20261127-001派出30分钟未接单(张伟):3-2-1502 厨房水龙头漏水,请跟进,改派:',
        link: { purpose: 'dispatch', expiresAt: expect.any(String) },
      },
    ]);
  });

  it('a work order nobody was assigned to says so', () => {
    const ticket = opened();

    const [sms] = notify(ticket, firedEvent(ticket, 'ack-30m'));

    expect(sms?.text).toBe(
      '【翠湖物业】派工单R20261127-001派出30分钟未接单(未派人):3-2-1502 厨房水龙头漏水,请跟进,改派:',
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
        text: '【翠湖物业】提醒:派工单R20261127-001预约11月28日10:00上门:3-2-1502 厨房水龙头漏水。王先生13800000001,接单/完工:',
        // A fresh link: the one sent at assignment may not reach a far appointment.
        link: { purpose: 'job', expiresAt: '2026-12-01T01:00:00.000Z' },
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

describe('SMS length: one segment without a link, two with it; the facts and the description’s core whole', () => {
  const dispatched = opened({ description: LONG_DESCRIPTION });
  const booked = opened({ ...BOOKED, description: LONG_DESCRIPTION });
  const core = [...LONG_DESCRIPTION].slice(0, DESCRIPTION_CORE).join('');
  const cases: Array<[string, RepairTicket, RepairEvent, string[]]> = [
    [
      'assigned',
      dispatched,
      assignedEvent(TECH_ZHANG),
      ['3-2-1502', '王先生13800000001,11月27日15:00,', '接单:'],
    ],
    [
      'ack-30m, unassigned',
      dispatched,
      firedEvent(dispatched, 'ack-30m'),
      // The lead's copy ends in his dispatch link, the desk's in 请跟进。
      ['(未派人)', '3-2-1502'],
    ],
    [
      'ack-30m, assigned',
      assignedTo(dispatched, TECH_ZHANG),
      firedEvent(assignedTo(dispatched, TECH_ZHANG), 'ack-30m'),
      ['(张伟)', '3-2-1502', ',改派:'],
    ],
    [
      'reminder to the technician',
      assignedTo(booked, TECH_LI),
      firedEvent(assignedTo(booked, TECH_LI), 'appointment-reminder'),
      ['预约11月28日10:00上门', '3-2-1502', '王先生13800000001,接单/完工:'],
    ],
    [
      'reminder to the desk',
      booked,
      firedEvent(booked, 'appointment-reminder'),
      [NUMBER, '预约11月28日10:00上门', '3-2-1502', ',请派工。'],
    ],
  ];

  it.each(cases)(
    '%s: signature first, the facts whole, the description cut to no less than its core',
    (_case, ticket, event, whole) => {
      // Act
      const notifications = notify(ticket, event);

      // Assess
      expect(notifications.length).toBeGreaterThan(0);
      for (const { text, link } of notifications) {
        // A link SMS fits two segments with its link; one without a link goes longer rather than lose the core.
        expect(text.length).toBeLessThanOrEqual(link ? LINK_SMS_ROOM : 2 * SMS_SEGMENT);
        expect(text.startsWith(SIGNATURE)).toBe(true);
        expect(text.indexOf(SIGNATURE, 1)).toBe(-1);
        for (const part of whole) expect(text).toContain(part);
        expect(text).not.toContain(LONG_DESCRIPTION);
        const kept = /3-2-1502 (.+?)…/.exec(text)?.[1];
        expect(kept).toBeDefined();
        expect(kept?.startsWith(core)).toBe(true);
        expect(LONG_DESCRIPTION.startsWith(kept ?? '')).toBe(true);
      }
    },
  );

  it('assigned: courtesy goes, then the description’s tail, then the number; the description takes back the room', () => {
    const [sms] = notify(dispatched, assignedEvent(TECH_ZHANG));

    // Fixed: signature, 派工, unit, resident, time, 接单 (49 characters) leave 40: 39 of the description and ….
    expect(sms?.text).toBe(
      `【翠湖物业】派工:3-2-1502 ${[...LONG_DESCRIPTION].slice(0, 39).join('')}…。王先生13800000001,11月27日15:00,接单:`,
    );
    expect(sms?.text.length).toBe(LINK_SMS_ROOM);
  });

  it('a text without a link and a long description: one segment is given up before the description’s core', () => {
    // The desk's copy (the repair lead's carries his link).
    const sms = notify(dispatched, firedEvent(dispatched, 'ack-30m')).find((n) => !n.link);

    expect(sms?.text).toBe(
      `【翠湖物业】派工单R20261127-001派出30分钟未接单(未派人):3-2-1502 ${core}…,请跟进。`,
    );
  });
});

describe('received repairs: taken down now, RP-2 decided later (ADR 006)', () => {
  const DISPATCHER_STAFF: StaffMember = {
    ...TECHNICIAN,
    id: 'dispatcher-1',
    name: '陈静',
    roles: ['dispatcher'],
    department: 'customer-service',
    phone: '+8613900000001',
  };
  const DUTY_OFFICER: StaffMember = {
    ...DISPATCHER_STAFF,
    id: 'duty-officer-1',
    name: '刘洋',
    roles: ['duty-officer'],
  };

  it('the dispatcher is told of a received repair by SMS; the duty officer when no dispatcher is listed', () => {
    const { ticket, event } = receive({ source: { channel: 'ivr-twilio', callId: 'CA1' } });

    const withDispatcher = receivedRepairNotifications(
      event,
      ticket,
      [TECHNICIAN, DISPATCHER_STAFF, DUTY_OFFICER],
      PARK,
    );
    const withoutDispatcher = receivedRepairNotifications(event, ticket, [TECHNICIAN, DUTY_OFFICER], PARK);

    expect(withDispatcher).toEqual([
      {
        to: DISPATCHER_STAFF,
        purpose: 'received',
        text: '【翠湖物业】新电话报修R20261127-001待定:3-2-1502 厨房水龙头漏水,请确认派工。',
      },
    ]);
    expect(withoutDispatcher.map((n) => n.to.id)).toEqual(['duty-officer-1']);
    expect(withDispatcher[0]!.text.length).toBeLessThanOrEqual(70);
  });

  it('a repair opened with its decision sends no "received" SMS', () => {
    const { ticket, event } = open();

    expect(receivedRepairNotifications(event, ticket, [DISPATCHER_STAFF], PARK)).toEqual([]);
  });
});

describe('review: who is texted and what the texts and scripts say', () => {
  const person = (id: string, name: string, roles: StaffMember['roles'], phone: string): StaffMember => ({
    ...TECHNICIAN,
    id,
    name,
    roles,
    department: roles.includes('technician') ? 'engineering' : 'customer-service',
    phone,
  });
  const DISPATCHER_1 = person('dispatcher-1', '陈静', ['dispatcher'], '+8613900000001');
  const DUTY_1 = person('duty-officer-1', '刘洋', ['duty-officer'], '+8613900000002');
  const TECH_2 = person('technician-2', '李强', ['technician'], '+8613900000008');
  const STAFF = [DISPATCHER_1, DUTY_1, TECHNICIAN, TECH_2, LEAD_WANG];
  /** 02:00 in the park: outside office hours, the duty officer holds the desk (篇4 2). */
  const NIGHT = new Date('2026-11-27T18:00:00.000Z');

  function receivedAt(at: Date, overrides: Partial<RepairIntake> = {}) {
    const { decision: _none, ...rest } = intake({ wantedAt: at.toISOString(), ...overrides });
    return openRepair({ id: 'ticket-1', parkId: 'park-1', intake: rest, number: NUMBER }, ctxAt(at));
  }

  function fired(ticket: RepairTicket, timer: string): RepairEvent {
    const dueAt = ticket.timers[timer]?.dueAt ?? '';
    return {
      seq: ticket.version + 1,
      type: 'timer.fired',
      at: dueAt,
      actor: DISPATCHER,
      data: { timer, dueAt },
    };
  }

  it('a repair received at night is texted to the duty officer on shift, not the dispatcher at home', () => {
    const { ticket, event } = receivedAt(NIGHT, { source: { channel: 'ivr-twilio', callId: 'CA1' } });

    const sent = receivedRepairNotifications(event, ticket, STAFF, PARK);

    expect(sent.map((n) => n.to.id)).toEqual(['duty-officer-1']);
  });

  it('an unassigned booking reminded before office hours goes to the duty officer on shift', () => {
    // Booked at 14:00 for 07:30 the next morning: reminded at 06:30, before the office opens.
    const booked = open({ decision: 'appointment', appointmentAt: '2026-11-28T07:30:00+08:00' }).ticket;

    const sent = repairNotifications(fired(booked, 'appointment-reminder'), booked, STAFF, PARK);

    expect(sent.map((n) => n.to.id)).toEqual(['duty-officer-1']);
  });

  it('ack-30m with nobody assigned also tells the desk, who may assign as the repair lead may (access: repair.assign)', () => {
    const dispatched = open().ticket;

    const sent = repairNotifications(fired(dispatched, 'ack-30m'), dispatched, STAFF, PARK);

    expect(sent.map((n) => n.to.id).sort()).toEqual(['dispatcher-1', 'repair-lead-1']);
  });

  it('a reassignment tells the technician taken off the job not to go', () => {
    const first = step(open().ticket, assignTo(TECHNICIAN), OPENED_AT);
    const acknowledged = step(first, { type: 'acknowledge' }, minutesAfter(OPENED_AT, 5));
    const draft = decideRepair(acknowledged, assignTo(TECH_2), ctxAt(OPENED_AT, STAFF));
    const event = {
      ...draft,
      seq: acknowledged.version + 1,
      at: OPENED_AT.toISOString(),
      actor: DISPATCHER,
    } as RepairEvent;
    const reassigned = applyRepairEvent(acknowledged, event);

    const sent = repairNotifications(event, reassigned, STAFF, PARK);

    expect(sent.map((n) => [n.to.id, n.purpose])).toEqual([
      ['technician-2', 'assigned'],
      ['technician-1', 'unassigned'],
    ]);
    expect(sent[1]?.text).toBe(
      '【翠湖物业】派工单R20261127-001已改派李强,您无需前往:3-2-1502 厨房水龙头漏水。',
    );
  });

  it('a phone repair ("as soon as possible") decided hours later: the technician and the resident hear 尽快, not the call time', () => {
    const received = receivedAt(NIGHT).ticket;
    const morning = new Date('2026-11-28T00:40:00.000Z');
    const draft = decideRepair(received, { type: 'decide', decision: 'dispatch' }, ctxAt(morning));
    const dispatched = record(received, draft, morning);
    const assign = decideRepair(dispatched, assignTo(TECHNICIAN), ctxAt(morning, STAFF));
    const event = {
      ...assign,
      seq: dispatched.version + 1,
      at: morning.toISOString(),
      actor: DISPATCHER,
    } as RepairEvent;

    const [sms] = repairNotifications(event, applyRepairEvent(dispatched, event), STAFF, PARK);

    expect(draft.type === 'repair.decided' && draft.data.script.confirmation).toContain('时间:尽快。');
    expect(sms?.text).toBe(
      '【翠湖物业】派工单R20261127-001:3-2-1502 厨房水龙头漏水。王先生13800000001,尽快上门,请尽快接单:',
    );
  });

  it('RP-4: a paid service taken down before RP-2 is decided: the resident is told the fee at once', () => {
    const { script } = receivedAt(OPENED_AT, { paidService: { fee: 80, consent: false } });

    expect(script.confirmation).toContain('本项为特约有偿服务,费用80元。');
  });

  it('RP-4: the technician sent on a paid service is told the fee to collect', () => {
    const paid = open({ paidService: { fee: 80, consent: true } }).ticket;
    const draft = decideRepair(paid, assignTo(TECHNICIAN), ctxAt(OPENED_AT, STAFF));
    const event = {
      ...draft,
      seq: paid.version + 1,
      at: OPENED_AT.toISOString(),
      actor: DISPATCHER,
    } as RepairEvent;

    const [sms] = repairNotifications(event, applyRepairEvent(paid, event), STAFF, PARK);

    expect(sms?.text).toContain('11月27日15:00,有偿80元,请尽快接单:');
    expect(sms?.text.length).toBeLessThanOrEqual(LINK_SMS_ROOM);
  });

  it.each([
    [80.5, '有偿80.50元', '费用80.50元'],
    [0.1, '有偿0.10元', '费用0.10元'],
    [1e-7, '有偿0.00元', '费用0.00元'],
    [100_000, '有偿100000元', '费用100000元'],
  ])(
    'RP-4: a fee of %s is texted and said as a plain decimal (%s), never in exponent form',
    (fee, texted, said) => {
      const paid = open({ paidService: { fee, consent: true } });
      const draft = decideRepair(paid.ticket, assignTo(TECHNICIAN), ctxAt(OPENED_AT, STAFF));
      const event = {
        ...draft,
        seq: paid.ticket.version + 1,
        at: OPENED_AT.toISOString(),
        actor: DISPATCHER,
      } as RepairEvent;

      const [sms] = repairNotifications(event, applyRepairEvent(paid.ticket, event), STAFF, PARK);

      expect(sms?.text).toContain(texted);
      expect(JSON.stringify(paid)).toContain(said);
      expect(sms?.text).not.toMatch(/\de[-+]?\d/);
    },
  );

  it('RP-4: a "paid" service of 0 yuan is refused (there is no fee to tell the resident of)', () => {
    const error = thrownBy(() => open({ paidService: { fee: 0, consent: true } }));

    expect(error).toBeInstanceOf(RuleViolation);
    expect(error.field).toBe('paidService.fee');
  });
});
