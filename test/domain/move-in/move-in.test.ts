/** The move-in rules (MI-1..MI-9): the checklist, each step's data, the inspection's repairs, completion, the clock. */
import { describe, expect, it } from 'vitest';
import {
  applyMoveInEvent,
  CHECKLIST,
  DEFAULT_FORMS,
  defectRepairIntake,
  defectsOf,
  decideMoveIn,
  MOVE_IN_STEPS,
  MOVE_IN_TIMERS,
  type MoveInCommandBody,
  type MoveInEvent,
  moveInNotifications,
  withRepairs,
} from '../../../shared/domain/move-in';
import { SMS_SEGMENT } from '../../../shared/domain/sms';
import { makePark, STAFF, thrownBy } from '../../support/fixtures';
import { fire, leadAt, MORNING, NUMBER, officeAt, openCase, PARK, PASSING, step } from './driver';

const mandatory = MOVE_IN_STEPS.filter((s) => s !== 'key-retention');

describe('a move-in case (MI-1..MI-8 checklist, MI-9 forms)', () => {
  it('opens numbered in the M register with every mandatory step missing and the 7-day clock', () => {
    const t = openCase();
    expect(t).toMatchObject({ kind: 'move-in', number: NUMBER, status: 'open', unit: '3-2-1502' });
    expect(t.missing).toEqual(mandatory);
    expect(t.timers[MOVE_IN_TIMERS.openTooLong]).toEqual({
      dueAt: '2026-12-04T01:00:00.000Z',
      state: 'pending',
    });
  });

  it('names each step with its rule and department; only MI-7 is optional', () => {
    expect(MOVE_IN_STEPS.map((s) => CHECKLIST[s].rule)).toEqual([
      'MI-1',
      'MI-2',
      'MI-3',
      'MI-4',
      'MI-5',
      'MI-6',
      'MI-7',
      'MI-8',
    ]);
    expect(MOVE_IN_STEPS.filter((s) => !CHECKLIST[s].mandatory)).toEqual(['key-retention']);
    expect(CHECKLIST.fees.department).toBe('finance');
    expect(CHECKLIST.meters.department).toBe('engineering');
  });

  it('MI-9: shows the 20 forms and manuals of the original, signed or not, with copies; a park may list its own', () => {
    const t = openCase();
    expect(t.forms).toHaveLength(20);
    expect(t.forms[1]).toMatchObject({ no: 2, name: '验房单', signed: true, copies: 3, ownerCopies: 1 });
    expect(DEFAULT_FORMS.filter((f) => f.signed).length).toBeGreaterThan(5);
    const own = makePark({
      moveIn: { forms: [{ no: 1, name: '业主资料登记表', signed: true, copies: 1, ownerCopies: 0 }] },
    });
    expect(openCase(own).forms).toEqual([
      { no: 1, name: '业主资料登记表', signed: true, copies: 1, ownerCopies: 0 },
    ]);
  });

  it('records a step with who and when; GET shows which are done', () => {
    const { ticket, event } = step(openCase(), PASSING['developer-confirmation']);
    expect(event.type).toBe('move-in.step-recorded');
    expect(ticket.steps['developer-confirmation']).toMatchObject({
      by: 'property-office-1',
      byName: '黄磊',
      at: MORNING.toISOString(),
      times: 1,
      data: { confirmationNo: 'RZ-2026-0153' },
    });
    expect(ticket.missing).not.toContain('developer-confirmation');
  });
});

describe('each step checked by its rule (422 naming it)', () => {
  const t = openCase();
  const cases: [string, Parameters<typeof decideMoveIn>[1], string][] = [
    [
      'MI-1',
      { ...PASSING['developer-confirmation'], documents: ['入伙通知书', '身份证'] },
      'MOVE_IN.DOCUMENTS_MISSING',
    ],
    ['MI-2', { ...PASSING.registration, idCopied: false }, 'MOVE_IN.ID_NOT_COPIED'],
    [
      'MI-2',
      {
        ...PASSING.registration,
        signed: { ...PASSING.registration.signed, 物业管理公约承诺书: { copies: 2, ownerKept: 1 } },
      },
      'MOVE_IN.SIGNATURE_MISSING',
    ],
    ['MI-3', { ...PASSING.items, manuals: ['住户服务手册'] }, 'MOVE_IN.MANUALS_MISSING'],
    [
      'MI-3',
      { ...PASSING.items, counted: { ...PASSING.items.counted, 户门钥匙: 2 } },
      'MOVE_IN.COUNT_REASON_REQUIRED',
    ],
    [
      'MI-4',
      { ...PASSING.fees, propertyFee: { months: 3, amount: 900, receiptNo: 'SJ-1' } },
      'MOVE_IN.PREPAID_MONTHS',
    ],
    ['MI-5', { ...PASSING.keys, ownerSigned: false }, 'MOVE_IN.OWNER_SIGNATURE'],
    ['MI-5', { ...PASSING.keys, guardId: 'technician-1' }, 'MOVE_IN.GUARD_REQUIRED'],
    ['MI-6', { ...PASSING.inspection, inspectorId: 'cleaner-1' }, 'MOVE_IN.INSPECTOR'],
    ['MI-6', { ...PASSING.inspection, withOwner: false }, 'MOVE_IN.OWNER_ABSENT'],
    [
      'MI-6',
      { ...PASSING.inspection, copies: { owner: true, archive: true, engineering: false } },
      'MOVE_IN.FORM_COPIES',
    ],
    ['MI-8', { ...PASSING.meters, ownerSigned: false }, 'MOVE_IN.OWNER_SIGNATURE'],
  ];
  it.each(cases)('%s refuses %#', (rule, command, code) => {
    const error = thrownBy(() => decideMoveIn(t, command, leadAt()));
    expect(error.code).toBe(code);
    expect(error.message).toContain(`${rule}:`);
  });

  it('MI-3: a count that differs is recorded with its reason', () => {
    const { ticket } = step(t, {
      ...PASSING.items,
      counted: { ...PASSING.items.counted, 户门钥匙: 2 },
      reasons: { 户门钥匙: '一把由开发商留存,次日补交' },
    });
    expect(ticket.steps.items?.data).toMatchObject({ reasons: { 户门钥匙: '一把由开发商留存,次日补交' } });
  });

  it('MI-3: counted items are park settings', () => {
    const park = makePark({ moveIn: { countedItems: { 用电卡: 1, 户门钥匙: 4 } } });
    const ctx = officeAt(MORNING, park);
    expect(thrownBy(() => decideMoveIn(t, PASSING.items, ctx)).code).toBe('MOVE_IN.UNKNOWN_ITEM');
    expect(() =>
      decideMoveIn(t, { ...PASSING.items, counted: { 用电卡: 1, 户门钥匙: 4 } }, ctx),
    ).not.toThrow();
  });

  it('a step may be recorded again as a correction (a new event), but MI-5, MI-6, MI-7 only once (409)', () => {
    const once = step(t, PASSING.fees).ticket;
    const twice = step(once, { ...PASSING.fees, tvFee: { amount: 360, receiptNo: 'SJ-0003' } }).ticket;
    expect(twice.steps.fees).toMatchObject({ times: 2, data: { tvFee: { amount: 360 } } });
    const inspected = step(t, PASSING.inspection).ticket;
    const error = thrownBy(() => decideMoveIn(inspected, PASSING.inspection, officeAt()));
    expect(error.code).toBe('MOVE_IN.STEP_RECORDED');
    expect(error.message).toContain('MI-6');
  });
});

describe('MI-6: each inspection defect opens a repair work order linked to the move-in', () => {
  it('gives a dispatched repair intake per defect, with the owner as caller and the link', () => {
    const t = openCase();
    const draft = decideMoveIn(t, PASSING.inspection, officeAt());
    const defects = defectsOf(draft);
    expect(defects).toHaveLength(2);
    const intake = defectRepairIntake(t, defects[0]!, MORNING);
    expect(intake).toMatchObject({
      decision: 'dispatch',
      caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
      location: '3-2-1502 主卧',
      moveIn: { ticketId: 'TICKET-M1', number: NUMBER },
    });
    expect(intake.description).toContain('窗框渗水');
    const linked = withRepairs(draft, [
      { ...defects[0]!, ticketId: 'R1', number: 'R20261127-001' },
      { ...defects[1]!, ticketId: 'R2', number: 'R20261127-002' },
    ]);
    const event = { ...linked, seq: 2, at: MORNING.toISOString(), actor: officeAt().actor };
    const after = step(t, PASSING.inspection).ticket;
    expect(after.repairs).toEqual([]);
    expect(applyMoveInEvent(t, event as MoveInEvent).repairs.map((r) => r.number)).toEqual([
      'R20261127-001',
      'R20261127-002',
    ]);
  });

  it('an inspection without defects opens none', () => {
    const draft = decideMoveIn(openCase(), { ...PASSING.inspection, defects: [] }, officeAt());
    expect(defectsOf(draft)).toEqual([]);
  });
});

describe('complete (every mandatory step recorded, 409 listing what is missing)', () => {
  it('refuses with the missing steps and their rules', () => {
    let t = openCase();
    for (const s of ['developer-confirmation', 'registration', 'items', 'fees'] as const)
      t = step(t, PASSING[s]).ticket;
    const error = thrownBy(() => decideMoveIn(t, { type: 'complete' }, officeAt()));
    expect(error.code).toBe('MOVE_IN.STEPS_MISSING');
    expect(error.message).toContain('keys (MI-5), inspection (MI-6), meters (MI-8)');
  });

  it('completes without MI-7 (optional), inspection repairs may stay open, the clock is met', () => {
    let t = openCase();
    for (const s of mandatory) t = step(t, PASSING[s]).ticket;
    expect(t.missing).toEqual([]);
    const done = step(t, { type: 'complete' }).ticket;
    expect(done.status).toBe('completed');
    expect(done.timers[MOVE_IN_TIMERS.openTooLong]?.state).toBe('met');
    expect(thrownBy(() => decideMoveIn(done, PASSING.fees, officeAt())).code).toBe(
      'TICKET.ILLEGAL_TRANSITION',
    );
  });
});

describe('the open clock: a case open longer than the park setting texts the property office lead', () => {
  it('fires at 7 days by default with what is missing, to the supervisor (物业部负责人)', () => {
    const t = step(openCase(), PASSING['developer-confirmation']).ticket;
    expect(fire(t, MOVE_IN_TIMERS.openTooLong, new Date('2026-12-04T08:59:00+08:00'))).toBeUndefined();
    const fired = fire(t, MOVE_IN_TIMERS.openTooLong, new Date('2026-12-04T09:00:00+08:00'));
    expect(fired?.ticket.overdue).toEqual(['open']);
    const sms = moveInNotifications(fired!.event, fired!.ticket, STAFF, PARK);
    expect(sms.map((n) => n.to.id)).toEqual(['supervisor-1']);
    expect(sms[0]?.text).toContain(NUMBER);
    expect(sms[0]?.text).toContain('3-2-1502');
    expect(sms[0]?.text).toContain('超7天');
    expect(sms[0]?.text).toContain('缺5步:MI-2/3/4/5/6/8'.replace('5步', '6步'));
    expect(sms[0]?.text).toContain('MI-2');
    expect(sms[0]!.text.length).toBeLessThanOrEqual(SMS_SEGMENT);
  });

  it('takes the park setting, and does not fire on a completed case', () => {
    const park = makePark({ moveIn: { openDays: 3 } });
    expect(openCase(park).timers[MOVE_IN_TIMERS.openTooLong]?.dueAt).toBe('2026-11-30T01:00:00.000Z');
    let t = openCase();
    for (const s of mandatory) t = step(t, PASSING[s]).ticket;
    const done = step(t, { type: 'complete' }).ticket;
    expect(fire(done, MOVE_IN_TIMERS.openTooLong, new Date('2026-12-05T09:00:00+08:00'))).toBeUndefined();
  });
});

describe('personal data: an ID number is never kept whole (issue 12, what must hold)', () => {
  const ID = '110101199003071234';
  const cases: [string, MoveInCommandBody, string][] = [
    ['MI-1 note', { ...PASSING['developer-confirmation'], note: `身份证${ID}` }, 'note'],
    [
      'MI-3 reason',
      {
        ...PASSING.items,
        counted: { ...PASSING.items.counted, 户门钥匙: 2 },
        reasons: { 户门钥匙: `业主${ID}代领` },
      },
      'reasons.户门钥匙',
    ],
    [
      'MI-6 defect',
      { ...PASSING.inspection, defects: [{ location: '主卧', description: `业主证件${ID}复印件遗留` }] },
      'defects.0.description',
    ],
    ['complete note', { type: 'complete', note: `证件号${ID}` }, 'note'],
  ];
  it.each(cases)(
    '%s with a whole ID number → 422 MOVE_IN.ID_NUMBER_NOT_KEPT, nothing recorded',
    (_, command, field) => {
      const t =
        command.type === 'complete'
          ? (
              [
                'developer-confirmation',
                'registration',
                'items',
                'fees',
                'keys',
                'inspection',
                'meters',
              ] as const
            ).reduce((ticket, s) => step(ticket, PASSING[s]).ticket, openCase())
          : openCase();
      const error = thrownBy(() => decideMoveIn(t, command, leadAt()));
      expect([error.code, (error as { field?: string }).field]).toEqual([
        'MOVE_IN.ID_NUMBER_NOT_KEPT',
        field,
      ]);
    },
  );
});
