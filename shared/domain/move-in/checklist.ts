/**
 * The move-in checklist (MI-1..MI-8): each step with the department that does it, what it must
 * record and whether the case can be completed without it (only MI-7, key retention, is optional).
 */
import { IllegalTransition } from '../errors';
import type { ChecklistStep, MoveInStep, MoveInTicket } from './model';
import { MOVE_IN_STEPS } from './model';

export const CHECKLIST: Record<MoveInStep, ChecklistStep> = {
  'developer-confirmation': {
    step: 'developer-confirmation',
    rule: 'MI-1',
    department: 'developer',
    title: '开发商处确认入住资格、缴清房款税费(入住确认单)',
    records: 'confirmationNo; documents seen (入伙通知书, 身份证, 房屋预售契约, 购房发票或付款凭证)',
    mandatory: true,
  },
  registration: {
    step: 'registration',
    rule: 'MI-2',
    department: 'property-office',
    title: '物业部登记:复印证件,填表,签署公约承诺书、消防安全责任书、供暖协议',
    records: 'idCopied; forms filled; signed copies and the owner’s copy of each document',
    mandatory: true,
  },
  items: {
    step: 'items',
    rule: 'MI-3',
    department: 'property-office',
    title: '领取说明书及物品(电卡、燃气卡、门禁卡、钥匙)',
    records: 'manuals handed over; counted items (a different count with its reason)',
    mandatory: true,
  },
  fees: {
    step: 'fees',
    rule: 'MI-4',
    department: 'finance',
    title: '财务部交纳首次物业管理费及有线电视费',
    records: 'property fee months (6 or 12), amount, receipt number; TV fee amount, receipt number',
    mandatory: true,
  },
  keys: {
    step: 'keys',
    rule: 'MI-5',
    department: 'security',
    title: '凭钥匙领用条到保安部领取单元钥匙,业主签字',
    records: 'the unit’s key set from the register, slip number, guard, owner signed',
    mandatory: true,
  },
  inspection: {
    step: 'inspection',
    rule: 'MI-6',
    department: 'engineering',
    title: '验房(物业部或工程部陪同),验房单一式三份',
    records: 'inspector, with the owner, defects (each becomes a repair), the three copies',
    mandatory: true,
  },
  'key-retention': {
    step: 'key-retention',
    rule: 'MI-7',
    department: 'security',
    title: '业主在保安部留存钥匙(钥匙留存协议、钥匙留存单)',
    records: 'agreement and slip numbers, the key set left (label, count, tag), signed at',
    mandatory: false,
  },
  meters: {
    step: 'meters',
    rule: 'MI-8',
    department: 'engineering',
    title: '工程部陪同查冷热水表底数,业主签确认书',
    records: 'cold- and hot-water readings, the owner signed',
    mandatory: true,
  },
};

/** The steps `complete` needs and the case lacks, in the checklist's order. */
export function missingSteps(steps: MoveInTicket['steps']): MoveInStep[] {
  return MOVE_IN_STEPS.filter((s) => CHECKLIST[s].mandatory && steps[s] === undefined);
}

/** MI-1..MI-8: `complete` only with every mandatory step recorded; the 409 lists what is missing. */
export function checkComplete(ticket: MoveInTicket): void {
  const missing = missingSteps(ticket.steps);
  if (missing.length === 0) return;
  const named = missing.map((s) => `${s} (${CHECKLIST[s].rule})`).join(', ');
  throw new MoveInIncomplete(`the move-in cannot be completed: missing ${named}`, missing);
}

/** A 409 whose message names each missing step and its rule (`missing` holds them for code). */
export class MoveInIncomplete extends IllegalTransition {
  constructor(
    message: string,
    readonly missing: MoveInStep[],
  ) {
    super(message, 'MOVE_IN.STEPS_MISSING');
  }
}
