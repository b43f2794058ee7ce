/**
 * A complaint's links: the signatures (CH-4 the report sheet, CH-8 stop-harm, CH-5 supervisor and
 * director) and the department's report that the work is done (DS-6, with a note). The report
 * sheet's link, once signed, reports the work done too. Who may sign or report is the domain's
 * (signatures.ts, decide.ts), asked before a button is offered; single use by the ticket: a
 * signature given, a complaint resolved or closed, is shown as done.
 */
import type { AckStep, ComplaintTicket } from '../../domain/complaint';
import { openAckSteps, requiredAckSteps, seesContact } from '../../domain/complaint';
import { IllegalTransition } from '../../domain/errors';
import { DEPARTMENT_LABELS } from '../../domain/park';
import { phoneForSms } from '../../domain/sms';
import { actorOf } from '../access';
import type { Checked } from './check';
import { linkPrincipal } from './check';
import type { LinkFlow, LinkFormInput } from './flow';
import { holderFact, invalidForm, parseStep, refusalOf, refusedPage, when } from './flow';
import type { LinkFact, LinkForm, LinkPage } from './page';
import { CALL_THE_DESK, ticketPage } from './page';

type C = Checked<ComplaintTicket>;

const SEVERITY = { major: '重大', important: '重要', minor: '轻微' } as const;

/** Each signature's words: what is signed, and the button. */
const SIGNATURES: Record<AckStep, { name: string; button: string; intro: string }> = {
  'report-sheet': {
    name: '投诉呈报单签收',
    button: '签收',
    intro: '签收即表示本部门已收到呈报单并负责处理。',
  },
  'stop-harm': {
    name: '止损确认',
    button: '确认已止损',
    intro: '投诉所述情况正在造成损害:请先止损,再点确认。',
  },
  supervisor: { name: '主管签收', button: '签收', intro: '重要投诉:请签收并督办。' },
  director: { name: '管理处主任签收', button: '签收并处置', intro: '重大投诉:请签收并处置。' },
};

const NOTE = {
  name: 'note',
  label: '备注(可不填)',
  type: 'textarea',
  required: false,
  maxLength: 300,
} as const;

function resolveForm(c: C): LinkForm {
  return {
    action: 'resolve',
    button: '报处理完毕',
    intro: '处理完毕后请填写处理情况,调度将回访业主。',
    fields: [
      { name: 'note', label: '处理情况', type: 'textarea', required: true, maxLength: 500 },
      {
        name: 'confirmedBy',
        label: '处理人',
        type: 'text',
        required: true,
        maxLength: 50,
        ...(c.member ? { value: c.member.name } : {}),
      },
      {
        name: 'via',
        label: '确认方式',
        type: 'select',
        required: true,
        maxLength: 20,
        options: [
          { value: 'in-person', label: '当面确认' },
          { value: 'phone', label: '电话确认' },
          { value: 'service-slip', label: '维修单' },
        ],
      },
    ],
  };
}

function signForm(step: AckStep): LinkForm {
  const s = SIGNATURES[step];
  return { action: 'acknowledge', button: s.button, intro: s.intro, fields: [NOTE] };
}

const base = ticketPage((c: C) => {
  const { ticket, member } = c;
  // CH-3: the resident's contact only for those who need it (the department head, management).
  const contact: LinkFact[] =
    ticket.caller && seesContact(ticket, actorOf(linkPrincipal(c)), c.staff)
      ? [
          { label: '业主', value: ticket.caller.name },
          { label: '业主电话', value: phoneForSms(ticket.caller.phone), tel: ticket.caller.phone },
        ]
      : [];
  const role = member?.roles[0];
  return {
    title: `投诉${ticket.number ? ` ${ticket.number}` : ''}`,
    facts: [
      ...(ticket.about ? [{ label: '被投诉部门', value: DEPARTMENT_LABELS[ticket.about.department] }] : []),
      ...(ticket.severity ? [{ label: '类别', value: `${SEVERITY[ticket.severity]}投诉` }] : []),
      { label: '地点', value: ticket.place },
      { label: '投诉内容', value: ticket.description },
      ...(ticket.demand ? [{ label: '业主诉求', value: ticket.demand }] : []),
      ...contact,
      { label: '受理时间', value: when(c, ticket.createdAt) },
      holderFact(c, role),
    ],
  };
});

const done = (c: C, text: string) => base(c, 'done', { tone: 'done', text: `${text}本次未作任何记录。` });
const notYours = (c: C, text: string) =>
  base(c, 'not-yours', { tone: 'warn', text: `${text}未作任何记录。${CALL_THE_DESK}` });

/** DS-6: the report that the work is done, once every signature is in; or why not yet. */
function resolvePage(c: C, signed?: string): LinkPage {
  const { ticket } = c;
  if (ticket.resolution) return done(c, `本投诉已于${when(c, ticket.resolution.at)}报处理完毕。`);
  const form = resolveForm(c);
  const refusal = refusalOf(c, { type: 'resolve', confirmedBy: '-', via: 'in-person', note: '-' });
  const lead = signed ? `${signed}` : '';
  if (!refusal) return base(c, 'form', signed ? { tone: 'done', text: lead } : undefined, [form]);
  if (refusal instanceof IllegalTransition && refusal.code === 'COMPLAINT.SIGNATURE_OWED') {
    const owed = openAckSteps(ticket)
      .map((s) => SIGNATURES[s].name)
      .join('、');
    return base(c, 'done', { tone: 'info', text: `${lead}尚待${owed},之后可用此链接报处理完毕。` });
  }
  if (signed) return done(c, signed);
  return refusedPage(base(c, 'form'), refusal);
}

function page(c: C): LinkPage {
  const { ticket, claims } = c;
  if (ticket.status === 'closed') {
    return base(c, 'closed', { tone: 'warn', text: '本投诉已结案,此链接不再使用,未作任何记录。' });
  }
  if (claims.purpose === 'resolve') return resolvePage(c);
  const step = claims.purpose as AckStep;
  const signature = ticket.acknowledgements[step];
  if (signature) {
    const by = signature.staffId === claims.staffId ? '您' : (signature.staffName ?? '他人');
    const text = `${SIGNATURES[step].name}已由${by}于${when(c, signature.at)}完成。`;
    return step === 'report-sheet' ? resolvePage(c, text) : done(c, text);
  }
  if (!requiredAckSteps(ticket).includes(step)) return done(c, `本投诉已不需要${SIGNATURES[step].name}。`);
  const refusal = refusalOf(c, { type: 'acknowledge', step });
  if (!refusal) return base(c, 'form', undefined, [signForm(step)]);
  return refusal instanceof IllegalTransition
    ? refusedPage(base(c, 'form'), refusal)
    : notYours(c, `${SIGNATURES[step].name}不由您签署,`);
}

function step(c: C, form: LinkFormInput): ReturnType<LinkFlow['step']> {
  const current = page(c);
  if (current.outcome !== 'form') return current;
  const offered = current.forms[0]?.action;
  const invalid = (text: string) => invalidForm(current, text);
  if (!offered || form.action !== offered) return invalid('提交的内容不完整,');
  if (offered === 'resolve') {
    const command = parseStep('resolve', {
      confirmedBy: form.confirmedBy ?? '',
      via: form.via ?? '',
      note: form.note ?? '',
    });
    return command ? { action: 'resolve', command } : invalid('请填写处理情况(500字以内)、处理人和确认方式,');
  }
  const note = form.note?.trim();
  const command = parseStep('acknowledge', {
    step: c.claims.purpose,
    ...(note ? { note } : {}),
  });
  return command ? { action: 'acknowledge', command } : invalid('备注不超过300字,');
}

function recorded(c: C, action: string): string {
  if (action === 'resolve') return '已报处理完毕,调度将回访业主。谢谢!';
  const step = c.claims.purpose as AckStep;
  const next = step === 'report-sheet' ? '处理完毕后请再次打开此链接报处理完毕。' : '';
  return `已记录${SIGNATURES[step].name}(${when(c, c.ticket.acknowledgements[step]?.at)})。${next}`;
}

export const complaintLinks: LinkFlow<ComplaintTicket> = { page, step, recorded };
