/**
 * KY-3: only after KY-2 does the property office issue the key slip (《物业部钥匙领用条》), which the
 * requester takes to security. Its number is the request's: `LY` + the K-register number
 * (K20261127-003 → LY20261127-003), a reissue adding `-2`, `-3`: every slip traces to its request
 * in page order, and no slip number is ever skipped or reused.
 */
import { IllegalTransition, RuleViolation } from '../errors';
import type { RuleContext } from '../kind';
import { maskPhone } from '../complaint/contact';
import { chineseShort } from '../time';
import type { KeySlip, KeyTicket, KeyVerification } from './model';
import { ID_TYPE_LABELS, REQUESTER_LABELS } from './model';
import { keySetName } from './register';
import { keySettings } from './settings';
import { refuseIdNumbers } from './verification';

/** The longest a slip may lend a key for: a key kept longer is a custody question, not a loan. */
export const MAX_LOAN_DAYS = 7;

/** KY-4: a guard escorts the viewing (陪同看房) unless the owner or a member of staff takes the key. */
export function escortRequired(ticket: Pick<KeyTicket, 'requester'>): boolean {
  return ticket.requester.type !== 'owner' && ticket.requester.type !== 'staff';
}

export function slipNumber(ticket: Pick<KeyTicket, 'number' | 'id'>, nth: number): string {
  const base = `LY${(ticket.number ?? ticket.id).replace(/^K/, '')}`;
  return nth <= 1 ? base : `${base}-${nth}`;
}

/** How KY-2 was done, in a line of the slip. */
function checkLine(v: KeyVerification): string {
  if (v.id) return `业主出示${ID_TYPE_LABELS[v.id.type]}(尾号${v.id.last4}),已确认业主身份`;
  if (v.ownerCall)
    return v.requesterType === 'agent'
      ? '已电话联系业主,确认身份并同意看房'
      : '已电话联系业主确认身份及领取原因';
  if (v.departmentHead) return `已向部门负责人${v.departmentHead.name}确认领取原因`;
  return '已核实';
}

/** The slip's printed lines (Chinese, the park's zone): what security checks the requester against. */
export function slipPrintout(
  ticket: KeyTicket,
  slip: Omit<KeySlip, 'printout'>,
  timeZone: string,
  loanMinutes: number,
): string[] {
  const v = ticket.verification;
  const loan = loanMinutes % 60 === 0 ? `${loanMinutes / 60}小时` : `${loanMinutes}分钟`;
  const due = slip.dueAt ? chineseShort(new Date(slip.dueAt), timeZone) : `领用后${loan}内`;
  return [
    `物业部钥匙领用条 No.${slip.number}`,
    `申请单号:${ticket.number ?? ticket.id}`,
    `钥匙:${keySetName(ticket.key)}`,
    `领用人:${ticket.requester.name}(${REQUESTER_LABELS[ticket.requester.type]}) 电话:${maskPhone(ticket.requester.phone)}`,
    `领用原因:${ticket.reason}`,
    ...(v ? [`核实:${checkLine(v)}`] : []),
    `归还时间:${due}`,
    slip.escortRequired
      ? '保安部:请领用人出示本人有效证件,与本条核对;保安员携带钥匙陪同看房。'
      : '保安部:请领用人出示本人有效证件,与本条核对。',
    `开单:${slip.issuedBy} ${chineseShort(new Date(slip.issuedAt), timeZone)}`,
  ];
}

/** KY-3: the slip for a verified request; `dueAt` (optional) is the return time it gives. */
export function issueSlip(ticket: KeyTicket, body: { dueAt?: string }, ctx: RuleContext): KeySlip {
  if (!ticket.verification?.passed) {
    throw new IllegalTransition(
      'KY-3: a key slip is issued only after the check of KY-2 passed',
      'KEY.NOT_VERIFIED',
    );
  }
  if (body.dueAt !== undefined) {
    const due = Date.parse(body.dueAt);
    if (due <= ctx.now.getTime()) {
      throw new RuleViolation(
        'KEY.DUE_IN_PAST',
        'KY-3: the slip’s return time must be in the future',
        'dueAt',
      );
    }
    if (due > ctx.now.getTime() + MAX_LOAN_DAYS * 86_400_000) {
      throw new RuleViolation(
        'KEY.DUE_TOO_FAR',
        `KY-3: a slip lends a key for at most ${MAX_LOAN_DAYS} days`,
        'dueAt',
      );
    }
  }
  refuseIdNumbers({ reason: ticket.reason });
  const slip = {
    number: slipNumber(ticket, ticket.slips + 1),
    issuedAt: ctx.now.toISOString(),
    issuedBy: ctx.actor.name ?? ctx.actor.staffId,
    ...(body.dueAt ? { dueAt: new Date(body.dueAt).toISOString() } : {}),
    escortRequired: escortRequired(ticket),
  };
  return {
    ...slip,
    printout: slipPrintout(ticket, slip, ctx.park.timeZone, keySettings(ctx.park).loanMinutes),
  };
}
