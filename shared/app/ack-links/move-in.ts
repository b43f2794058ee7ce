/**
 * The property office lead's view of a move-in open too long (`move-in-lead`, ADR 014): read only.
 * Each step is recorded by its department at the desk with its forms, counts and signatures (MI-1..
 * MI-8, recorders.ts), nothing a lead can type on a phone; so the link shows what is done, what is
 * missing and whose each missing step is, and the inspection's repairs as they stand (MI-6), and
 * records nothing: a POST is 409 saying so.
 */
import type { MoveInTicket } from '../../domain/move-in';
import { CHECKLIST, MOVE_IN_LEAD_ROLES, MOVE_IN_STEPS } from '../../domain/move-in';
import type { Department } from '../../domain/park';
import { DEPARTMENT_LABELS } from '../../domain/park';
import { phoneForSms } from '../../domain/sms';
import type { Checked } from './check';
import type { LinkFlow } from './flow';
import { holderFact, when } from './flow';
import type { LinkFact, LinkPage } from './page';

type C = Checked<MoveInTicket>;

const REPAIR_STATES: Record<string, string> = {
  received: '待定',
  dispatched: '待派工',
  booked: '已预约',
  declined: '不受理',
  assigned: '已派工',
  acknowledged: '已接单',
  completed: '已完工',
  closed: '已结单',
};

const departmentOf = (d: Department | 'developer') => (d === 'developer' ? '开发商' : DEPARTMENT_LABELS[d]);

function facts(c: C): LinkFact[] {
  const { ticket } = c;
  const done = MOVE_IN_STEPS.filter((s) => ticket.steps[s]).map((s) => {
    const r = ticket.steps[s];
    return { label: `已办 ${CHECKLIST[s].rule}`, value: `${r?.byName ?? r?.by ?? ''} ${when(c, r?.at)}` };
  });
  const missing = ticket.missing.map((s) => ({
    label: `未办 ${CHECKLIST[s].rule}`,
    value: `${CHECKLIST[s].title}(${departmentOf(CHECKLIST[s].department)})`,
  }));
  const repairs = ticket.repairs.map((r) => ({
    label: `验房报修 ${r.number}`,
    value: `${r.location} ${r.description}${r.status ? `:${REPAIR_STATES[r.status] ?? r.status}` : ''}`,
  }));
  return [
    { label: '房号', value: ticket.unit },
    { label: '业主', value: ticket.owner.name },
    { label: '业主电话', value: phoneForSms(ticket.owner.phone), tel: ticket.owner.phone },
    { label: '开始办理', value: when(c, ticket.createdAt) },
    ...missing,
    ...done,
    ...repairs,
    holderFact(
      c,
      c.member?.roles.find((r) => MOVE_IN_LEAD_ROLES.includes(r)),
    ),
  ];
}

function page(c: C): LinkPage {
  const { ticket } = c;
  const title = `业户入住${ticket.number ? ` ${ticket.number}` : ''}`;
  const text =
    ticket.status === 'completed'
      ? `本入住已于${when(c, ticket.completed?.at)}办结。`
      : `尚缺${ticket.missing.length}步:请督促负责部门在办理时登记(表格、份数、签字须在前台录入)。此页仅供查看。`;
  return {
    outcome: 'done',
    title,
    notice: { tone: ticket.status === 'completed' ? 'done' : 'info', text },
    facts: facts(c),
    forms: [],
  };
}

/** Nothing is recorded through this link: the same page, saying so (409 when posted). */
function step(c: C): LinkPage {
  const current = page(c);
  return { ...current, notice: { tone: 'warn', text: '此链接仅供查看,未作任何记录。' } };
}

export const moveInLinks: LinkFlow<MoveInTicket> = { page, step, recorded: () => '' };
