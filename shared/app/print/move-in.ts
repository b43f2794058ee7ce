/**
 * The move-in checklist (业户入住, MI-1..MI-8): each step of the original's 四 in its order, with
 * the department that does it, what was recorded, who recorded it and when (a step recorded again
 * says so: the last record stands, the earlier ones stay in the history), the repairs the
 * inspection opened (MI-6) with their state now, and the forms and manuals of MI-9.
 */
import type { MoveInStep, StepData, StepRecord } from '../../domain/move-in';
import { CHECKLIST, MOVE_IN_STEPS } from '../../domain/move-in';
import { DEPARTMENT_LABELS } from '../../domain/park';
import type { RepairStatus } from '../../domain/repair';
import type { PrintContext, ViewOf } from './format';
import { localTime, person, printedAt, staffName, yesNo, yuan } from './format';
import type { PrintDocument } from './html';
import { REPAIR_STATUS_LABELS } from './repair';

const list = (items: readonly string[] | undefined) => (items ?? []).join('、');

/** What a step recorded, in a line (its data as the step's rule checked it). */
export function stepSummary(step: MoveInStep, record: StepRecord, ctx: PrintContext): string {
  const data = record.data;
  switch (step) {
    case 'developer-confirmation': {
      const d = data as Partial<StepData['developer-confirmation']>;
      return `入住确认单 ${d.confirmationNo ?? ''};查验:${list(d.documents)}`;
    }
    case 'registration': {
      const d = data as Partial<StepData['registration']>;
      const signed = Object.entries(d.signed ?? {})
        .map(([name, s]) => `《${name}》${s.copies}份(业主留${s.ownerKept}份)`)
        .join('、');
      return `证件已复印:${yesNo(d.idCopied)};填表:${list(d.forms)};签署:${signed}`;
    }
    case 'items': {
      const d = data as Partial<StepData['items']>;
      const counted = Object.entries(d.counted ?? {})
        .map(([name, n]) => `${name}×${n}${d.reasons?.[name] ? `(${d.reasons[name]})` : ''}`)
        .join('、');
      return `说明书:${list(d.manuals)};物品:${counted}`;
    }
    case 'fees': {
      const d = data as Partial<StepData['fees']>;
      const p = d.propertyFee;
      const tv = d.tvFee;
      return (
        (p ? `物业管理费${p.months}个月 ${yuan(p.amount)}(收据 ${p.receiptNo})` : '') +
        (tv ? `;有线电视费 ${yuan(tv.amount)}(收据 ${tv.receiptNo})` : '')
      );
    }
    case 'keys': {
      const d = data as Partial<StepData['keys']>;
      return `领用条 ${d.slipNumber ?? ''};发放保安员 ${staffName(ctx, d.guardId)};业主签字:${yesNo(d.ownerSigned)}`;
    }
    case 'inspection': {
      const d = data as Partial<StepData['inspection']>;
      const copies = d.copies
        ? [
            d.copies.owner ? '业主' : '',
            d.copies.archive ? '物业部存档' : '',
            d.copies.engineering ? '工程部' : '',
          ]
            .filter(Boolean)
            .join('、')
        : '';
      return (
        `验房人 ${staffName(ctx, d.inspectorId)};业主在场:${yesNo(d.withOwner)};` +
        `问题 ${d.defects?.length ?? 0} 处;验房单:${copies}`
      );
    }
    case 'key-retention': {
      const d = data as Partial<StepData['key-retention']>;
      return (
        `《钥匙留存协议》${d.agreementNo ?? ''}、《钥匙留存单》${d.slipNo ?? ''};` +
        `${d.tag ?? ''} ${d.label ?? ''}×${d.count ?? ''};签署 ${localTime(d.signedAt, ctx)}`
      );
    }
    case 'meters': {
      const d = data as Partial<StepData['meters']>;
      return `冷水表 ${d.coldWater ?? ''};热水表 ${d.hotWater ?? ''};业主签字:${yesNo(d.ownerSigned)}`;
    }
  }
}

/** MI-1..MI-9: the checklist of `view` (a move-in case as its reader may see it). */
export function moveInChecklist(view: ViewOf<'move-in'>, ctx: PrintContext): PrintDocument {
  const rows = MOVE_IN_STEPS.map((step) => {
    const c = CHECKLIST[step];
    const record = view.steps[step];
    const department = c.department === 'developer' ? '开发商' : DEPARTMENT_LABELS[c.department];
    const title = `${c.title}${c.mandatory ? '' : '(如需)'}`;
    if (!record) return [c.rule, title, department, c.mandatory ? '未办' : '未办(可选)', '', ''];
    return [
      c.rule,
      title,
      department,
      stepSummary(step, record, ctx) + (record.times > 1 ? `(已更正,共记录${record.times}次)` : ''),
      staffName(ctx, record.by, record.byName),
      localTime(record.at, ctx),
    ];
  });
  return {
    title: '业户入住手续清单',
    parkName: ctx.parkName,
    number: view.number ?? view.id,
    sections: [
      {
        fields: [
          { label: '房号', value: view.unit },
          { label: '业主', value: person(view.owner.name, view.owner.phone) },
          { label: '开始办理', value: localTime(view.createdAt, ctx) },
          { label: '办结', value: localTime(view.completed?.at, ctx) },
          ...(view.missing.length
            ? [
                {
                  label: '未办步骤',
                  value: view.missing.map((s) => CHECKLIST[s].rule).join('、'),
                  wide: true,
                },
              ]
            : []),
          ...(view.completed?.note ? [{ label: '备注', value: view.completed.note, wide: true }] : []),
        ],
      },
      {
        heading: '办理步骤(MI-1至MI-8)',
        table: { headers: ['规程', '步骤', '部门', '办理情况', '经办人', '时间'], rows },
      },
      {
        heading: '验房问题及维修(MI-6)',
        table: {
          headers: ['派工单号', '位置', '问题', '状态', '维修人'],
          rows: view.repairs.map((r) => [
            r.number,
            r.location,
            r.description,
            r.status ? (REPAIR_STATUS_LABELS[r.status as RepairStatus] ?? r.status) : '',
            r.assigneeName ?? '',
          ]),
          empty: '（验房未发现问题）',
        },
      },
      {
        heading: '表格及说明书(MI-9)',
        table: {
          headers: ['序号', '名称', '签署', '份数', '业主留存'],
          rows: view.forms.map((f) => [
            String(f.no),
            `《${f.name}》`,
            f.signed ? '签署' : '发放',
            String(f.copies),
            String(f.ownerCopies),
          ]),
        },
      },
    ],
    signatures: ['业主', '物业部经办人', '验房人(工程部)', '保安部'],
    printedAt: printedAt(ctx),
  };
}
