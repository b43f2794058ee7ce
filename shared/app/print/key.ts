/**
 * KY-3: the property office's key slip (《物业部钥匙领用条》) that the requester takes to security:
 * who asks (KY-2's requester type), which key set, why, how KY-2 was checked — an ID only as its
 * type and last four characters, never the number (the request keeps nothing more) —, when it is
 * due back, and at security (KY-4): the ID shown again, the guard, the escort, the return. A slip
 * exists only once issued: printing one before KY-2 passed would be the slip KY-3 forbids.
 */
import { IllegalTransition } from '../../domain/errors';
import type { KeyStatus, KeyVerification } from '../../domain/key';
import { ID_TYPE_LABELS, keySetName, REQUESTER_LABELS } from '../../domain/key';
import type { PrintContext, ViewOf } from './format';
import { actorName, eventsOf, localTime, person, printedAt, staffName, yesNo } from './format';
import type { PrintDocument } from './html';

export const KEY_STATUS_LABELS: Record<KeyStatus, string> = {
  requested: '已申请(待核实)',
  verified: '已核实',
  declined: '核实未通过',
  'slip-issued': '已开条(待领取)',
  'handed-out': '已领出',
  returned: '已归还',
  lost: '已报失',
  cancelled: '已取消',
};

/** KY-2 as the slip states it, in the procedure's words. */
export function checkText(v: KeyVerification | undefined): string {
  if (!v) return '';
  if (v.id) return `出示${ID_TYPE_LABELS[v.id.type]}(尾号${v.id.last4}),已确认业主身份及领取原因`;
  if (v.ownerCall) {
    const call =
      v.requesterType === 'agent' ? '已电话联系业主,确认身份并同意看房' : '已电话联系业主,确认身份及领取原因';
    return v.ownerCall.note ? `${call}(${v.ownerCall.note})` : call;
  }
  if (v.departmentHead) return `已向部门负责人${v.departmentHead.name}确认领取原因`;
  return v.note ?? '已核实';
}

/** KY-3, KY-4: the slip of `view` (a key request as its reader may see it). */
export function keySlipForm(view: ViewOf<'key'>, ctx: PrintContext): PrintDocument {
  const slip = view.slip;
  if (!slip) {
    throw new IllegalTransition(
      'KY-3: the key slip is printed once the property office has issued it (after the check of KY-2)',
      'PRINT.SLIP_NOT_ISSUED',
    );
  }
  const out = view.handOut;
  const issued = eventsOf(view, 'key.slip-issued').at(-1);
  const shownId = out?.idType
    ? `${ID_TYPE_LABELS[out.idType]}${out.idLast4 ? `(尾号${out.idLast4})` : ''}`
    : out
      ? '已核对'
      : '';
  const retention = view.key.retention;
  return {
    title: '物业部钥匙领用条',
    parkName: ctx.parkName,
    number: slip.number,
    sections: [
      {
        heading: '领用(KY-2、KY-3)',
        fields: [
          { label: '申请单号', value: view.number ?? view.id },
          { label: '申请时间', value: localTime(view.createdAt, ctx) },
          { label: '领用人', value: person(view.requester.name, view.requester.phone) },
          { label: '身份', value: REQUESTER_LABELS[view.requester.type] },
          { label: '钥匙', value: keySetName(view.key), wide: true },
          ...(view.key.owners.length ? [{ label: '业主', value: view.key.owners.join('、') }] : []),
          ...(retention
            ? [{ label: '留存协议(MI-7)', value: `${retention.agreementNo} ${retention.ownerName}` }]
            : []),
          { label: '领用原因', value: view.reason, wide: true },
          { label: '身份核实', value: checkText(view.verification), wide: true },
          { label: '开条人', value: slip.issuedBy || actorName(ctx, issued?.actor) },
          { label: '开条时间', value: localTime(slip.issuedAt, ctx) },
          { label: '归还时间', value: localTime(slip.dueAt ?? out?.dueAt, ctx) || '按园区规定时限' },
          { label: '保安陪同', value: slip.escortRequired ? '需要(陪同看房)' : '不需要' },
          ...(view.slips > 1
            ? [{ label: '说明', value: `本条为第${view.slips}张,此前所开领用条作废`, wide: true }]
            : []),
        ],
      },
      {
        heading: '保安部(KY-4)',
        paragraphs: [
          slip.escortRequired
            ? '请领用人出示本人有效证件,与本条核对;保安员携带钥匙陪同看房。'
            : '请领用人出示本人有效证件,与本条核对。',
        ],
      },
      {
        fields: [
          { label: '核对证件', value: shownId },
          { label: '领出时间', value: localTime(out?.since, ctx) },
          { label: '发放保安员', value: out ? staffName(ctx, out.guardId, out.guardName) : '' },
          { label: '陪同保安员', value: out?.escortId ? staffName(ctx, out.escortId, out.escortName) : '' },
          { label: '归还时间', value: localTime(view.returned?.at, ctx) },
          {
            label: '归还签收',
            value: view.returned
              ? staffName(ctx, view.returned.receivedBy, view.returned.receivedByName)
              : '',
          },
          ...(view.returned ? [{ label: '逾期归还', value: yesNo(view.returned.late) }] : []),
          { label: '状态', value: KEY_STATUS_LABELS[view.status] ?? view.status },
        ],
      },
    ],
    signatures: ['开条人(物业部)', '领用人', '保安员', '归还签收'],
    printedAt: printedAt(ctx),
  };
}
