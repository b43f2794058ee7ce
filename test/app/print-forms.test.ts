/**
 * Issue 13 item 6: the printed forms as pure functions of a ticket view (+ the park's name, zone
 * and directory names): 《报修派工单》 (RP-1..RP-5), 《投诉、维修呈报单》 (CH-4) and 《投诉处置记录表》
 * (CH-5..CH-9) built from the view a reader gets (CH-3 masking), 《物业部钥匙领用条》 (KY-3, KY-4),
 * the move-in checklist (MI-1..MI-9), 《紧急或重大事情呈报单》 (EM-1..EM-6), and which form fits
 * which kind.
 */
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../shared/domain/errors';
import { FORMS_OF_KIND, PRINT_FORMS } from '../../shared/app/print/form-names';
import { formFor, printDocument } from '../../shared/app/print/forms';
import type { PrintContext } from '../../shared/app/print/format';
import { localTime } from '../../shared/app/print/format';
import { printHtml, type PrintDocument } from '../../shared/app/print/html';
import { stepSummary } from '../../shared/app/print/move-in';
import type { TicketView } from '../../shared/app/queries';
import { viewFor } from '../../shared/app/views';
import { TICKET_KINDS } from '../../shared/domain/ticket';
import { STAFF, thrownBy } from '../support/fixtures';

const ctx: PrintContext = {
  parkName: '翠湖园',
  timeZone: 'Asia/Shanghai',
  names: new Map(STAFF.map((s) => [s.id, s.name])),
  now: new Date('2026-11-27T07:00:00Z'),
};
const DESK = { staffId: 'dispatcher-1', groups: ['dispatcher'], name: '陈静' } as const;

/** Every value a document prints, in one string (labels, fields, tables, paragraphs). */
function textOf(doc: PrintDocument): string {
  return JSON.stringify(doc);
}
function field(doc: PrintDocument, label: string): string | undefined {
  for (const s of doc.sections) for (const f of s.fields ?? []) if (f.label === label) return f.value;
  return undefined;
}

const base = {
  parkId: 'park-1',
  version: 5,
  createdAt: '2026-11-27T01:40:00.000Z',
  updatedAt: '2026-11-27T03:30:00.000Z',
  createdBy: DESK,
  timers: {},
  allowedCommands: [],
};

function repairView(overrides: Record<string, unknown> = {}): TicketView {
  return {
    ...base,
    id: '01JREPAIR000000000000000000',
    kind: 'repair',
    number: 'R20261127-003',
    status: 'completed',
    caller: { name: '王先生', phone: '+8613800000001', unit: '3-2-1502' },
    description: '厨房水管漏水 <script>alert(1)</script>',
    location: '3号楼2单元1502 厨房',
    wantedAt: '2026-11-27T07:00:00.000Z',
    decision: 'appointment',
    appointmentAt: '2026-11-28T02:00:00.000Z',
    paidService: { fee: 80, consent: true },
    assigneeId: 'technician-1',
    assigneeName: '张伟',
    serviceSlip: { number: 'FW-0101', signedBy: '王先生' },
    timeline: [
      { at: '2026-11-27T01:40:00.000Z', type: 'repair.opened', seq: 1, actor: DESK, data: {} },
      {
        at: '2026-11-27T01:41:00.000Z',
        type: 'ticket.assigned',
        seq: 2,
        actor: DESK,
        data: { staffId: 'technician-1', staffName: '张伟' },
      },
      { at: '2026-11-27T01:41:00.000Z', type: 'sms', data: { to: '+8613900000001', text: '…' } },
      {
        at: '2026-11-27T02:05:00.000Z',
        type: 'ticket.acknowledged',
        seq: 3,
        actor: { staffId: 'technician-1', groups: ['staff'] },
        data: {},
      },
      {
        at: '2026-11-27T03:30:00.000Z',
        type: 'ticket.completed',
        seq: 4,
        actor: { staffId: 'technician-1', groups: ['staff'] },
        data: { serviceSlip: { number: 'FW-0101', signedBy: '王先生' } },
      },
    ],
    ...overrides,
  } as unknown as TicketView;
}

describe('RP-5: 《报修派工单》', () => {
  const doc = printDocument(repairView(), undefined, ctx);

  it('RP-1..RP-4: caller, unit, phone, content, RP-2 decision, appointment, paid service with fee and consent', () => {
    expect(doc).toMatchObject({ title: '报修派工单', parkName: '翠湖园', number: 'R20261127-003' });
    expect(field(doc, '报修人')).toBe('王先生(+8613800000001)');
    expect(field(doc, '房号')).toBe('3-2-1502');
    expect(field(doc, '决定')).toBe('暂时没有人手:约定时间维修');
    expect(field(doc, '预约时间')).toBe('2026-11-28 10:00');
    expect(field(doc, '特约有偿服务')).toBe('是');
    expect(field(doc, '费用')).toBe('¥80.00');
    expect(field(doc, '住户同意付费')).toBe('是');
  });

  it('who dispatched it, to whom, when it was taken and done (park time), the service slip (DS-6)', () => {
    expect(field(doc, '派工人')).toBe('陈静');
    expect(field(doc, '维修人')).toBe('张伟');
    expect(field(doc, '接单时间')).toBe('2026-11-27 10:05');
    expect(field(doc, '完工时间')).toBe('2026-11-27 11:30');
    expect(field(doc, '服务单号')).toBe('FW-0101');
    expect(doc.signatures).toEqual(['派工人', '维修人', '住户确认']);
    expect(doc.printedAt).toBe('2026-11-27 15:00');
  });

  it('the history lists the steps with the directory’s names, never the SMS (staff phones)', () => {
    const history = doc.sections.find((s) => s.heading === '处理记录')?.table?.rows;
    expect(history).toEqual([
      ['2026-11-27 09:40', '报修登记', '陈静'],
      ['2026-11-27 09:41', '派工:张伟', '陈静'],
      ['2026-11-27 10:05', '维修人接单', '张伟'],
      ['2026-11-27 11:30', '完工,服务单 FW-0101', '张伟'],
    ]);
    expect(textOf(doc)).not.toContain('+8613900000001');
  });

  it('a repair without paid service, undecided: boxes left blank to fill by hand', () => {
    const d = printDocument(
      repairView({ decision: undefined, paidService: undefined, status: 'received', timeline: [] }),
      undefined,
      ctx,
    );
    expect(field(d, '决定')).toBe('待定');
    expect(field(d, '费用')).toBe('');
    expect(field(d, '接单时间')).toBe('');
  });

  it('the page escapes what the resident said: no script', () => {
    const page = printHtml(doc);
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;');
  });

  it('times are read in the park’s zone, whatever it is', () => {
    expect(localTime('2026-11-27T03:30:00.000Z', { timeZone: 'Asia/Urumqi' })).toBe('2026-11-27 09:30');
    expect(localTime(undefined, ctx)).toBe('');
  });
});

function complaintView(): TicketView {
  return {
    ...base,
    id: '01JCOMPLAINT0000000000000000',
    kind: 'complaint',
    number: 'C20261127-001',
    status: 'closed',
    caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' },
    occurredAt: '2026-11-27T01:30:00.000Z',
    place: '5号楼电梯',
    description: '维修工态度恶劣',
    demand: '当面道歉',
    about: { department: 'engineering', staffId: 'technician-1', staffName: '张伟' },
    valid: true,
    severity: 'important',
    handedOffAt: '2026-11-27T01:40:00.000Z',
    acknowledgements: {
      'report-sheet': {
        staffId: 'engineering-manager-1',
        staffName: '吴军',
        at: '2026-11-27T01:45:00.000Z',
        onBehalf: true,
      },
    },
    followUps: 1,
    resolution: { at: '2026-11-27T05:00:00.000Z', confirmedBy: '吴军', via: 'phone', note: '已当面道歉' },
    callback: { at: '2026-11-27T06:00:00.000Z', outcome: 'satisfied' },
    serviceSlip: { number: 'FW-0102', signedBy: '吴军', at: '2026-11-27T06:10:00.000Z' },
    closedAt: '2026-11-27T06:10:00.000Z',
    missedDeadlines: ['supervisor-30m'],
    overdue: [],
    timers: {
      'handoff-10m': {
        dueAt: '2026-11-27T01:50:00.000Z',
        state: 'met',
        settledAt: '2026-11-27T01:45:00.000Z',
      },
      'supervisor-30m': {
        dueAt: '2026-11-27T02:10:00.000Z',
        state: 'missed',
        settledAt: '2026-11-27T02:10:00.000Z',
      },
      'supervisor-L2': { dueAt: '2026-11-27T02:40:00.000Z', state: 'cancelled' },
    },
    timeline: [
      {
        at: '2026-11-27T01:40:00.000Z',
        type: 'complaint.opened',
        seq: 1,
        actor: DESK,
        data: { caller: { name: '李女士', phone: '+8613800000002', unit: '5-1-0801' } },
      },
      {
        at: '2026-11-27T03:40:00.000Z',
        type: 'complaint.followed-up',
        seq: 2,
        actor: DESK,
        data: { round: 1, note: '经理已约谈' },
      },
      {
        at: '2026-11-27T06:00:00.000Z',
        type: 'complaint.called-back',
        seq: 3,
        actor: DESK,
        data: { outcome: 'satisfied', closes: false },
      },
    ],
  } as unknown as TicketView;
}

describe('CH-4: 《投诉、维修呈报单》 and CH-6: 《投诉处置记录表》, from the view a reader gets (CH-3)', () => {
  const accused = { staffId: 'technician-1', groups: ['staff' as const], parks: ['park-1'] };
  const desk = { staffId: 'dispatcher-1', groups: ['dispatcher' as const], parks: ['park-1'] };

  it('the desk’s report sheet: the contact, the person complained about, the signature, the deadlines', () => {
    const doc = printDocument(viewFor(desk, complaintView(), STAFF), 'report-sheet', ctx);
    expect(doc).toMatchObject({ title: '投诉、维修呈报单', number: 'C20261127-001' });
    expect(field(doc, '投诉人')).toBe('李女士(+8613800000002)');
    expect(field(doc, '房号')).toBe('5-1-0801');
    expect(field(doc, '被投诉部门')).toBe('工程部');
    expect(field(doc, '被投诉人')).toBe('张伟');
    expect(field(doc, '级别')).toBe('重要投诉');
    const signatures = doc.sections.find((s) => s.heading?.startsWith('签收'))?.table?.rows;
    expect(signatures).toEqual([
      ['被投诉部门签收(CH-4)', '吴军', '2026-11-27 09:45', '客服代记(电话签收)'],
      ['主管签收(CH-5 重要投诉)', '', '', '未签收'],
    ]);
    const deadlines = doc.sections.find((s) => s.heading?.startsWith('处理时限'))?.table?.rows;
    // The escalation level (supervisor-L2) is the desk's machinery, not a deadline of the procedure.
    expect(deadlines).toEqual([
      ['部门签收(CH-4,10分钟)', '2026-11-27 09:50', '按时', '2026-11-27 09:45'],
      ['主管签收(CH-5,30分钟)', '2026-11-27 10:10', '超时', '2026-11-27 10:10'],
    ]);
    expect(doc.signatures).toContain('被投诉部门签收');
  });

  it.each(['report-sheet', 'record'] as const)(
    'the person complained about gets %s with the contact masked and the unit left out',
    (form) => {
      const doc = printDocument(viewFor(accused, complaintView(), STAFF), form, ctx);
      const text = textOf(doc);
      expect(field(doc, '投诉人')).toBe('李**(138****0002)');
      expect(field(doc, '房号')).toBe('(不可见)');
      expect(text).not.toContain('13800000002');
      expect(text).not.toContain('5-1-0801');
      expect(text).not.toContain('李女士');
    },
  );

  it('the disposal record: follow-ups (DS-4), callback (CH-6), slip (DS-6), the deadlines missed', () => {
    const doc = printDocument(viewFor(desk, complaintView(), STAFF), 'record', ctx);
    expect(doc.title).toBe('投诉处置记录表');
    const rows = doc.sections.find((s) => s.heading === '处置经过')?.table?.rows;
    expect(rows).toEqual([
      ['2026-11-27 09:40', '受理登记(CH-3)', '陈静'],
      ['2026-11-27 11:40', '第1次跟进(DS-4、DS-5):经理已约谈', '陈静'],
      ['2026-11-27 14:00', '电话通报业主(CH-6):满意', '陈静'],
    ]);
    expect(field(doc, '电话通报')).toBe('2026-11-27 14:00 满意');
    expect(field(doc, '服务单副本')).toBe('FW-0102(吴军签字)');
    expect(field(doc, '超时')).toBe('主管签收(CH-5,30分钟)');
  });

  it('CH-9: an invalid complaint is still served, and the record says so', () => {
    const view = { ...complaintView(), valid: false } as TicketView;
    const doc = printDocument(view, 'record', ctx);
    expect(doc.sections.at(-1)?.paragraphs?.[0]).toContain('CH-9');
  });
});

function keyView(overrides: Record<string, unknown> = {}): TicketView {
  return {
    ...base,
    id: '01JKEY00000000000000000000',
    kind: 'key',
    number: 'K20261127-001',
    status: 'handed-out',
    requester: { type: 'owner', name: '王先生', phone: '+8613800000001' },
    reason: '忘带钥匙',
    key: { id: 'k1', tag: 'K-0153', label: '入户门钥匙', count: 2, unit: '3-2-1502', owners: ['王先生'] },
    verification: { requesterType: 'owner', passed: true, id: { type: 'resident-id', last4: '123X' } },
    slip: {
      number: 'LY20261127-001',
      issuedAt: '2026-11-27T01:50:00.000Z',
      issuedBy: '黄磊',
      dueAt: '2026-11-27T09:00:00.000Z',
      escortRequired: false,
      printout: [],
    },
    slips: 1,
    handOut: {
      name: '王先生',
      requesterType: 'owner',
      ticketId: '01JKEY00000000000000000000',
      ticketNumber: 'K20261127-001',
      slipNumber: 'LY20261127-001',
      guardId: 'security-guard-1',
      guardName: '孙鹏',
      since: '2026-11-27T02:00:00.000Z',
      dueAt: '2026-11-27T09:00:00.000Z',
      idType: 'resident-id',
      idLast4: '123X',
    },
    overdue: [],
    timeline: [],
    ...overrides,
  } as unknown as TicketView;
}

describe('KY-3: 《物业部钥匙领用条》', () => {
  it('who, which key, why, KY-2 with the ID as its type and last four, due back, no escort for the owner', () => {
    const doc = printDocument(keyView(), undefined, ctx);
    expect(doc).toMatchObject({ title: '物业部钥匙领用条', number: 'LY20261127-001' });
    expect(field(doc, '领用人')).toBe('王先生(+8613800000001)');
    expect(field(doc, '身份')).toBe('业主');
    expect(field(doc, '钥匙')).toBe('K-0153 3-2-1502入户门钥匙×2');
    expect(field(doc, '领用原因')).toBe('忘带钥匙');
    expect(field(doc, '身份核实')).toBe('出示居民身份证(尾号123X),已确认业主身份及领取原因');
    expect(field(doc, '归还时间')).toBe('2026-11-27 17:00');
    expect(field(doc, '保安陪同')).toBe('不需要');
    expect(field(doc, '核对证件')).toBe('居民身份证(尾号123X)');
    expect(field(doc, '发放保安员')).toBe('孙鹏');
    expect(doc.signatures).toEqual(['开条人(物业部)', '领用人', '保安员', '归还签收']);
  });

  it('a reissued slip says the earlier ones are void', () => {
    const doc = printDocument(keyView({ slips: 2 }), undefined, ctx);
    expect(field(doc, '说明')).toBe('本条为第2张,此前所开领用条作废');
  });

  it('KY-3: no slip before it is issued (409 PRINT.SLIP_NOT_ISSUED)', () => {
    const error = thrownBy(() =>
      printDocument(keyView({ slip: undefined, status: 'verified' }), undefined, ctx),
    );
    expect([error.code, error.name]).toEqual(['PRINT.SLIP_NOT_ISSUED', 'IllegalTransition']);
  });
});

describe('which form fits which kind', () => {
  it('each kind prints its own form when none is named; a complaint also its record', () => {
    expect(TICKET_KINDS.map((k) => formFor(k, undefined))).toEqual([
      'work-order',
      'report-sheet',
      'emergency-report',
      'key-slip',
      'checklist',
    ]);
    expect(formFor('complaint', 'record')).toBe('record');
  });

  it('every other pairing is 400 on `form`', () => {
    for (const kind of TICKET_KINDS)
      for (const form of PRINT_FORMS.filter((f) => !FORMS_OF_KIND[kind].includes(f))) {
        const error = thrownBy(() => formFor(kind, form)) as DomainError;
        expect([error.code, error.field], `${kind} ${form}`).toEqual(['PRINT.FORM_NOT_FOR_KIND', 'form']);
      }
  });
});

describe('MI-1..MI-9: the move-in checklist', () => {
  const record = (data: Record<string, unknown>) => ({
    at: '2026-11-27T02:00:00.000Z',
    by: 'technician-2',
    data,
    times: 1,
  });

  it('each step’s record in a line', () => {
    expect(
      stepSummary(
        'fees',
        record({
          propertyFee: { months: 12, amount: 3600, receiptNo: 'SJ-1' },
          tvFee: { amount: 300, receiptNo: 'SJ-2' },
        }),
        ctx,
      ),
    ).toBe('物业管理费12个月 ¥3600.00(收据 SJ-1);有线电视费 ¥300.00(收据 SJ-2)');
    expect(
      stepSummary(
        'inspection',
        record({
          inspectorId: 'technician-2',
          withOwner: true,
          defects: [{ location: '卫生间', description: '渗水' }],
          copies: { owner: true, archive: true, engineering: true },
        }),
        ctx,
      ),
    ).toBe('验房人 李强;业主在场:是;问题 1 处;验房单:业主、物业部存档、工程部');
    expect(stepSummary('meters', record({ coldWater: 12.5, hotWater: 3.2, ownerSigned: true }), ctx)).toBe(
      '冷水表 12.5;热水表 3.2;业主签字:是',
    );
  });

  it('the checklist: every step in order, recorded ones with who and when, the MI-6 repairs, the forms', () => {
    const view = {
      ...base,
      id: '01JMOVEIN0000000000000000',
      kind: 'move-in',
      number: 'M20261127-001',
      status: 'open',
      unit: '3-2-1502',
      owner: { name: '陈女士', phone: '+8613600000004' },
      steps: { meters: { ...record({ coldWater: 1, hotWater: 2, ownerSigned: true }), times: 2 } },
      missing: ['developer-confirmation'],
      repairs: [
        {
          ticketId: 'r',
          number: 'R20261127-009',
          location: '卫生间',
          description: '渗水',
          status: 'assigned',
          assigneeName: '张伟',
        },
      ],
      forms: [{ no: 2, name: '验房单', signed: true, copies: 3, ownerCopies: 1 }],
      overdue: [],
      timeline: [],
    } as unknown as TicketView;
    const doc = printDocument(view, undefined, ctx);
    const steps = doc.sections[1]?.table?.rows;
    expect(steps?.map((r) => r[0])).toEqual(['MI-1', 'MI-2', 'MI-3', 'MI-4', 'MI-5', 'MI-6', 'MI-7', 'MI-8']);
    expect(steps?.[7]).toEqual([
      'MI-8',
      expect.stringContaining('查冷热水表'),
      '工程部',
      '冷水表 1;热水表 2;业主签字:是(已更正,共记录2次)',
      '李强',
      '2026-11-27 10:00',
    ]);
    expect(steps?.[6]?.[3]).toBe('未办(可选)');
    expect(doc.sections[2]?.table?.rows).toEqual([['R20261127-009', '卫生间', '渗水', '已指派', '张伟']]);
    expect(doc.sections[3]?.table?.rows).toEqual([['2', '《验房单》', '签署', '3', '1']]);
  });
});

describe('EM-1..EM-6: 《紧急或重大事情呈报单》', () => {
  it('the chain as it ran (a level passed over, a level told), the acknowledgement, instructions and sign-off', () => {
    const step = {
      round: 1,
      level: 2,
      role: 'office-manager',
      recipients: [{ staffId: 'office-manager-1', name: '林涛' }],
      at: '2026-11-27T02:00:00.000Z',
      dueAt: '2026-11-27T02:05:00.000Z',
      timer: 'escalate-r1-L2',
    };
    const view = {
      ...base,
      id: '01JEMERGENCY00000000000000',
      kind: 'emergency',
      number: 'E20261127-001',
      status: 'signed-off',
      category: 'fire',
      location: '地下车库B区',
      description: '冒烟',
      owner: { staffId: 'dispatcher-1', name: '陈静', how: 'opened', acceptedAt: '2026-11-27T02:00:00.000Z' },
      chain: {
        levels: [],
        rounds: 1,
        state: 'acknowledged',
        step,
        notified: ['office-manager-1'],
        acknowledgement: {
          staffId: 'office-manager-1',
          name: '林涛',
          round: 1,
          level: 2,
          at: '2026-11-27T02:03:00.000Z',
          via: 'link',
        },
      },
      responders: [
        {
          staffId: 'security-manager-1',
          name: '郭勇',
          role: 'security-manager',
          onSceneAt: '2026-11-27T02:10:00.000Z',
          reports: 1,
        },
      ],
      instructions: [
        {
          number: 1,
          from: '林涛',
          to: { staffId: 'security-manager-1', name: '郭勇' },
          text: '封闭B区入口',
          dueAt: '2026-11-27T03:00:00.000Z',
          issuedAt: '',
          issuedBy: '',
          timer: 't',
          state: 'done',
          result: '已封闭',
        },
      ],
      signOff: {
        staffId: 'office-manager-1',
        name: '林涛',
        at: '2026-11-27T04:00:00.000Z',
        comment: '处置及时',
      },
      procedure: { signOff: ['office-manager'], ackLinkMinutes: 60, sceneLinkMinutes: 60 },
      undeliverable: [],
      timeline: [
        {
          at: '2026-11-27T02:00:00.000Z',
          type: 'emergency.opened',
          seq: 1,
          actor: DESK,
          data: {
            move: {
              to: step,
              skipped: [{ round: 1, level: 1, role: 'supervisor', reason: 'nobody-in-directory' }],
            },
          },
        },
        {
          at: '2026-11-27T02:12:00.000Z',
          type: 'emergency.reported',
          seq: 2,
          actor: DESK,
          data: { name: '郭勇', text: '火已扑灭' },
        },
      ],
    } as unknown as TicketView;
    const doc = printDocument(view, undefined, ctx);
    expect(doc).toMatchObject({ title: '紧急或重大事情呈报单', number: 'E20261127-001' });
    expect(field(doc, '类别')).toBe('(B) 火警');
    expect(doc.sections[1]?.table?.rows).toEqual([
      ['第1轮第1级', '主管', '通讯录无此人,跳过', '', ''],
      ['第1轮第2级', '管理处经理', '林涛', '2026-11-27 10:00', '2026-11-27 10:05'],
    ]);
    expect(field(doc, '确认人')).toBe('林涛');
    expect(field(doc, '确认方式')).toBe('短信链接');
    expect(doc.sections[3]?.table?.rows).toEqual([['郭勇', '保安部经理', '2026-11-27 10:10', '1']]);
    expect(doc.sections[4]?.table?.rows).toEqual([['2026-11-27 10:12', '郭勇', '火已扑灭']]);
    expect(doc.sections.find((s) => s.heading?.startsWith('领导指示'))?.table?.rows?.[0]).toEqual([
      '1',
      '林涛',
      '郭勇',
      '封闭B区入口',
      '2026-11-27 11:00',
      '已完成',
      '已封闭',
    ]);
    expect(field(doc, '签字同意')).toBe('林涛');
    expect(field(doc, '意见')).toBe('处置及时');
  });
});
