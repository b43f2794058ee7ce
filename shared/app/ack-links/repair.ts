/**
 * The technician's work order link (`job`): 接单 while the repair is assigned to them, then 完工
 * with the service slip's number and who signed it. Single use by the ticket: a step done is not
 * offered again, a completed job shows it is done, a job given to someone else is not theirs.
 *
 * The repair lead's link (`dispatch`, issue 11): 派工/改派 while nobody has taken the job (the
 * clocks that text him: a job not taken, a booking with nobody on it, a repair reopened). Once a
 * technician has acknowledged it, or it is done or cancelled, the link shows so and records nothing.
 */
import type { RepairTicket } from '../../domain/repair';
import { wantedTimeText, yuan } from '../../domain/repair';
import { phoneForSms } from '../../domain/sms';
import type { Checked } from './check';
import type { LinkFlow, LinkFormInput } from './flow';
import { holderFact, invalidForm, parseStep, refusalOf, refusedPage, when } from './flow';
import type { LinkForm, LinkPage } from './page';
import { CALL_THE_DESK, ticketPage } from './page';

type C = Checked<RepairTicket>;

const ACKNOWLEDGE: LinkForm = {
  action: 'acknowledge',
  button: '接单',
  intro: '请先致电住户约定上门,再点“接单”。接单后,完工时仍用此链接登记维修单。',
};
const COMPLETE: LinkForm = {
  action: 'complete',
  button: '提交完工',
  intro: '完工后请登记住户签字的维修单:',
  fields: [
    { name: 'slip', label: '维修单号', type: 'text', required: true, maxLength: 40 },
    { name: 'signedBy', label: '住户签字人', type: 'text', required: true, maxLength: 50 },
  ],
};

const base = ticketPage((c: C) => {
  const { ticket, member } = c;
  const fee = ticket.paidService ? `${yuan(ticket.paidService.fee)}元(住户已同意)` : undefined;
  const role = member?.roles.find((r) => r === 'technician' || r === 'repair-lead');
  return {
    title: `派工单${ticket.number ? ` ${ticket.number}` : ''}`,
    facts: [
      { label: '地点', value: [ticket.caller.unit, ticket.location].filter(Boolean).join(' ') },
      { label: '维修内容', value: ticket.description },
      { label: '住户', value: ticket.caller.name },
      { label: '住户电话', value: phoneForSms(ticket.caller.phone), tel: ticket.caller.phone },
      { label: '时间', value: wantedTimeText(ticket, c.timeZone, new Date(ticket.createdAt)) },
      ...(fee ? [{ label: '特约有偿服务', value: fee }] : []),
      ...(ticket.serviceSlip
        ? [{ label: '维修单', value: `${ticket.serviceSlip.number}(${ticket.serviceSlip.signedBy}签字)` }]
        : []),
      holderFact(c, role),
    ],
  };
});

/** Who may be given a work order: the engineering department's technicians and repair leads. */
function assignable(c: C): { value: string; label: string }[] {
  return c.staff
    .filter((s) => s.roles.includes('technician') || s.roles.includes('repair-lead'))
    .map((s) => ({
      value: s.id,
      label: `${s.name}${s.id === c.ticket.assigneeId ? '(当前)' : ''}`,
    }));
}

/** The statuses a job may still be given out in: nobody has taken it yet. */
const NOT_TAKEN: readonly string[] = ['dispatched', 'booked', 'assigned'];

function dispatchPage(c: C): LinkPage {
  const { ticket } = c;
  if (!NOT_TAKEN.includes(ticket.status)) {
    const text =
      ticket.status === 'acknowledged'
        ? `${ticket.assigneeName ?? '维修工'}已接单,无需派工。`
        : ticket.status === 'cancelled'
          ? '本工单已取消,无需派工。'
          : '本工单当前无需派工。';
    return base(c, 'done', { tone: 'done', text: `${text}本次未作任何记录。` });
  }
  const options = assignable(c);
  const first = options[0];
  if (!first) return base(c, 'done', { tone: 'warn', text: `工程部名册中没有维修工。${CALL_THE_DESK}` });
  const refusal = refusalOf(c, { type: 'assign', staffId: first.value });
  if (refusal) return refusedPage(base(c, 'form'), refusal);
  const form: LinkForm = {
    action: 'assign',
    button: ticket.assigneeId ? '改派' : '派工',
    intro: ticket.assigneeId
      ? `${ticket.assigneeName ?? ''}尚未接单。请选择维修工改派(将短信通知双方):`
      : '尚无人接此单。请选择维修工派工(将短信通知维修工):',
    fields: [{ name: 'staffId', label: '维修工', type: 'select', required: true, maxLength: 64, options }],
  };
  return base(c, 'form', undefined, [form]);
}

function dispatchStep(c: C, form: LinkFormInput): ReturnType<LinkFlow['step']> {
  const current = dispatchPage(c);
  if (current.outcome !== 'form') return current;
  const chosen = assignable(c).find((o) => o.value === form.staffId);
  const command =
    form.action === 'assign' && chosen ? parseStep('assign', { staffId: chosen.value }) : undefined;
  if (!command) {
    return {
      ...current,
      outcome: 'invalid-form',
      notice: { tone: 'warn', text: '请从名单中选择维修工,未作任何记录。' },
    };
  }
  return { action: 'assign', command };
}

function page(c: C): LinkPage {
  const { ticket, claims } = c;
  if (claims.purpose === 'dispatch') return dispatchPage(c);
  // Reassigned: the technician taken off the job must not go (they were told by SMS too).
  if (ticket.assigneeId !== claims.staffId) {
    return base(c, 'not-yours', {
      tone: 'warn',
      text: `此工单已改派他人,您无需前往,未作任何记录。${CALL_THE_DESK}`,
    });
  }
  if (ticket.status === 'completed' || ticket.status === 'closed') {
    return base(c, 'done', { tone: 'done', text: '本工单已完工登记,无需再次提交。本次未作任何记录。' });
  }
  const form =
    ticket.status === 'assigned' ? ACKNOWLEDGE : ticket.status === 'acknowledged' ? COMPLETE : undefined;
  if (!form) return base(c, 'done', { tone: 'warn', text: '本工单当前无需您操作,未作任何记录。' });
  const sample =
    form === ACKNOWLEDGE
      ? ({ type: 'acknowledge' } as const)
      : ({ type: 'complete', serviceSlip: { number: '-', signedBy: '-' } } as const);
  const refusal = refusalOf(c, sample);
  if (refusal) return refusedPage(base(c, 'form'), refusal);
  const notice = form === COMPLETE ? ({ tone: 'done', text: '您已接单。' } as const) : undefined;
  return base(c, 'form', notice, [form]);
}

function step(c: C, form: LinkFormInput): ReturnType<LinkFlow['step']> {
  if (c.claims.purpose === 'dispatch') return dispatchStep(c, form);
  const current = page(c);
  if (current.outcome !== 'form') return current;
  const offered = current.forms[0]?.action;
  const invalid = (text: string) => invalidForm(current, text);
  if (!offered || form.action !== offered) {
    // 接单 twice (a double tap, a second device): the job is taken already.
    if (form.action === 'acknowledge' && offered === 'complete') {
      return {
        ...current,
        outcome: 'done',
        notice: { tone: 'done', text: '您已接单,无需再次接单。本次未作任何记录。' },
      };
    }
    return invalid('提交的内容不完整,');
  }
  const command =
    offered === 'acknowledge'
      ? parseStep('acknowledge', {})
      : parseStep('complete', { serviceSlip: { number: form.slip ?? '', signedBy: form.signedBy ?? '' } });
  if (!command) return invalid('请填写维修单号和住户签字人(不超过40和50字),');
  return { action: offered, command };
}

function recorded(c: C, action: string): string {
  if (action === 'assign') {
    return `已派给${c.ticket.assigneeName ?? ''}(${when(c, c.ticket.updatedAt)}),已短信通知。`;
  }
  return action === 'acknowledge'
    ? `已接单(${when(c, c.ticket.updatedAt)}),请按约定时间上门。完工后请再次打开此链接登记维修单。`
    : `已登记完工(${when(c, c.ticket.updatedAt)}),谢谢!`;
}

export const repairLinks: LinkFlow<RepairTicket> = { page, step, recorded };
