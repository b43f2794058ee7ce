/** What the move-in tests share: a case for 3-2-1502, each step's passing data, steps through the rules. */
import type { RuleContext } from '../../../shared/domain/kind';
import {
  applyMoveInEvent,
  decideMoveIn,
  type MoveInCommandBody,
  type MoveInEvent,
  type MoveInTicket,
  moveInTimerDue,
  openMoveIn,
  type RecordStepBody,
} from '../../../shared/domain/move-in';
import type { Park } from '../../../shared/domain/park';
import { SYSTEM_ACTOR } from '../../../shared/domain/ticket';
import { actorOf, makePark, ruleContext, STAFF } from '../../support/fixtures';

/** 09:00 in the park on a Friday of the 交房 season. */
export const MORNING = new Date('2026-11-27T09:00:00+08:00');
export const NUMBER = 'M20261127-001';
export const PARK: Park = makePark();

export function officeAt(at: Date = MORNING, park: Park = PARK): RuleContext {
  return ruleContext(at, actorOf('property-office-1'), park, STAFF);
}

/** The property office lead (物业部负责人, 高峰): may record every step (recorders.ts). */
export function leadAt(at: Date = MORNING, park: Park = PARK): RuleContext {
  return ruleContext(at, actorOf('supervisor-1'), park, STAFF);
}

/** Who records a command by default: the property office for its own steps, else its lead. */
function recorderAt(command: MoveInCommandBody): RuleContext {
  const office = ['developer-confirmation', 'registration', 'items', 'inspection'];
  return command.type === 'record-step' && !office.includes(command.step) ? leadAt() : officeAt();
}

export function openCase(park: Park = PARK): MoveInTicket {
  return openMoveIn(
    {
      id: 'TICKET-M1',
      parkId: park.id,
      number: NUMBER,
      intake: { unit: '3-2-1502', owner: { name: '王先生', phone: '+8613800000001' } },
    },
    officeAt(MORNING, park),
  ).ticket;
}

/** Each step's data as a desk that did everything right sends it. */
export const PASSING: { [S in RecordStepBody['step']]: Extract<RecordStepBody, { step: S }> } = {
  'developer-confirmation': {
    type: 'record-step',
    step: 'developer-confirmation',
    confirmationNo: 'RZ-2026-0153',
    documents: ['入伙通知书', '身份证', '房屋预售契约', '购房发票或付款凭证'],
  },
  registration: {
    type: 'record-step',
    step: 'registration',
    idCopied: true,
    forms: ['住户情况登记表', '接收物品确认书', '验房单'],
    signed: {
      物业管理公约承诺书: { copies: 3, ownerKept: 1 },
      消防安全责任书: { copies: 2, ownerKept: 1 },
      住户供暖协议: { copies: 2, ownerKept: 1 },
    },
  },
  items: {
    type: 'record-step',
    step: 'items',
    manuals: [
      '物业管理公约书',
      '住户服务手册',
      '房屋质量保证书',
      '住宅使用说明书',
      '空调使用说明书',
      '可视对讲说明书',
    ],
    counted: { 用电卡: 1, 燃气卡: 1, 门禁IC卡: 2, 户门钥匙: 3, 信报箱钥匙: 2 },
  },
  fees: {
    type: 'record-step',
    step: 'fees',
    propertyFee: { months: 12, amount: 3600, receiptNo: 'SJ-0001' },
    tvFee: { amount: 300, receiptNo: 'SJ-0002' },
  },
  keys: {
    type: 'record-step',
    step: 'keys',
    keyId: '01JD0000000000000000000001',
    guardId: 'security-guard-1',
    slipNumber: 'KS-0153',
    ownerSigned: true,
  },
  inspection: {
    type: 'record-step',
    step: 'inspection',
    inspectorId: 'technician-1',
    withOwner: true,
    defects: [
      { location: '主卧', description: '窗框渗水' },
      { location: '卫生间', description: '地漏堵塞' },
    ],
    copies: { owner: true, archive: true, engineering: true },
  },
  'key-retention': {
    type: 'record-step',
    step: 'key-retention',
    agreementNo: 'LC-0001',
    slipNo: 'LD-0001',
    label: '入户门钥匙',
    count: 1,
    tag: 'K-0999',
    signedAt: '2026-11-27T09:00:00+08:00',
  },
  meters: { type: 'record-step', step: 'meters', coldWater: 12.5, hotWater: 3.2, ownerSigned: true },
};

/** Decides and applies one command, as the use case does. */
export function step(
  ticket: MoveInTicket,
  command: MoveInCommandBody,
  ctx: RuleContext = recorderAt(command),
): { ticket: MoveInTicket; event: MoveInEvent } {
  const draft = decideMoveIn(ticket, command, ctx);
  const event = {
    ...draft,
    seq: ticket.version + 1,
    at: ctx.now.toISOString(),
    actor: ctx.actor,
  } as MoveInEvent;
  return { ticket: applyMoveInEvent(ticket, event), event };
}

export function fire(ticket: MoveInTicket, timer: string, at: Date) {
  const draft = moveInTimerDue(ticket, timer, ruleContext(at, SYSTEM_ACTOR, PARK, STAFF));
  if (!draft) return undefined;
  const event = {
    ...draft,
    seq: ticket.version + 1,
    at: at.toISOString(),
    actor: SYSTEM_ACTOR,
  } as MoveInEvent;
  return { ticket: applyMoveInEvent(ticket, event), event };
}
