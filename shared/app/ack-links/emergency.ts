/**
 * An emergency's links (EM-2..EM-4): acknowledge the chain's request, go to the scene and report
 * back, take the desk's post (owner). Single use is the ticket's: an acknowledged chain refuses
 * every further acknowledgement, "on the scene" is recorded once, an accepted post is taken, a
 * closed case refuses everything.
 */
import type { EmergencyTicket } from '../../domain/emergency';
import { CATEGORY_LABELS, linkRefusal } from '../../domain/emergency';
import { ROLE_LABELS } from '../../domain/park';
import { phoneForSms } from '../../domain/sms';
import type { TicketCommand } from '../ticket-command';
import type { Checked } from './check';
import type { LinkFlow, LinkFormInput } from './flow';
import { parseStep, refusalOf, refusedPage, when } from './flow';
import type { LinkForm, LinkPage } from './page';
import { CALL_THE_DESK, ticketPage } from './page';

type C = Checked<EmergencyTicket>;

function title(ticket: EmergencyTicket): string {
  return `紧急事件${ticket.number ? ` ${ticket.number}` : ''}`;
}

/** The link's person, with the role that put them on this case. */
function holder(c: C): string {
  const { ticket, claims, member } = c;
  const responder = ticket.responders.find((r) => r.staffId === claims.staffId);
  const recipient = ticket.chain.step?.recipients.find((r) => r.staffId === claims.staffId);
  const role = responder?.role ?? member?.roles.find((r) => ticket.chain.levels.some((l) => l.role === r));
  const name = member?.name ?? responder?.name ?? recipient?.name ?? claims.staffId;
  return `${name}${role ? `(${ROLE_LABELS[role]})` : ''}`;
}

const base = ticketPage((c: C) => {
  const { ticket } = c;
  return {
    title: title(ticket),
    facts: [
      { label: '类别', value: CATEGORY_LABELS[ticket.category] },
      { label: '地点', value: ticket.location },
      { label: '情况', value: ticket.description },
      { label: '报告时间', value: when(c, ticket.createdAt) },
      { label: '本链接属于', value: holder(c) },
      ...ownerFacts(c),
    ],
  };
});

/** A person as the owner phones them: their name, and their number to call (the owner's page only). */
function callFact(c: C, label: string, p: { staffId: string; name: string }): LinkPage['facts'][number] {
  const phone = c.staff.find((s) => s.id === p.staffId)?.phone;
  return phone ? { label, value: `${p.name} ${phoneForSms(phone)}`, tel: phone } : { label, value: p.name };
}

/**
 * The owner's page (issue 11 items 15, 16): who owes an answer or an arrival, each with a number to
 * call, where the owner's SMS could not carry them all. Only on the owner's own link.
 */
function ownerFacts(c: C): LinkPage['facts'] {
  const { ticket, claims } = c;
  if (claims.purpose !== 'owner' || ticket.owner.staffId !== claims.staffId) return [];
  const facts: LinkPage['facts'] = [];
  const a = ticket.chain.acknowledgement;
  const step = ticket.chain.step;
  if (a) facts.push({ label: '已确认', value: `${a.name} ${when(c, a.at)}` });
  else if (step) {
    for (const r of step.recipients) facts.push(callFact(c, `待确认(${ROLE_LABELS[step.role]})`, r));
  }
  for (const r of ticket.responders.filter((x) => !x.onSceneAt)) {
    facts.push(callFact(c, `未到场(${ROLE_LABELS[r.role]})`, r));
  }
  return facts;
}

const ACKNOWLEDGE: LinkForm = {
  action: 'acknowledge',
  button: '确认收到,立即处理',
  intro: '请确认您已收到并立即处理。确认后,系统即停止向上级继续发送通知。',
};
const ON_SCENE: LinkForm = { action: 'on-scene', button: '我已到达现场' };
const REPORT: LinkForm = {
  action: 'report',
  button: '报回调度',
  fields: [{ name: 'text', label: '现场情况报回调度:', type: 'textarea', required: true, maxLength: 500 }],
};
const ACCEPT: LinkForm = {
  action: 'accept-handover',
  button: '我接手调度',
  intro: '接手后,您即为本事件的调度负责人,直至结案或再次交接。',
};

function onSceneAt(c: C): string | undefined {
  return c.ticket.responders.find((r) => r.staffId === c.claims.staffId)?.onSceneAt;
}

/** The scene link's forms: "on the scene" until it is recorded, then the report form alone. */
function sceneForms(c: C): { forms: LinkForm[]; said?: string } {
  const at = onSceneAt(c);
  return at ? { forms: [REPORT], said: `您已于${when(c, at)}到达现场。` } : { forms: [ON_SCENE, REPORT] };
}

/** EM-4: whether the owner link may take the post now: offered to this person, or theirs to accept. */
function mayTakePost(c: C): boolean {
  const { ticket, claims } = c;
  if (ticket.handover) return ticket.handover.to.staffId === claims.staffId;
  return !ticket.owner.acceptedAt && ticket.owner.staffId === claims.staffId;
}

function page(c: C): LinkPage {
  const { ticket, claims } = c;
  if (ticket.status === 'closed') {
    return base(c, 'closed', { tone: 'warn', text: '本事件已结案,此链接不再使用,未作任何记录。' });
  }
  if (claims.purpose === 'owner') {
    if (mayTakePost(c)) {
      const refusal = refusalOf(c, { type: 'accept-handover' } as TicketCommand);
      return refusal ? refusedPage(base(c, 'form'), refusal) : base(c, 'form', undefined, [ACCEPT]);
    }
    const owner = ticket.owner;
    const text =
      owner.staffId === claims.staffId
        ? `您已于${when(c, owner.acceptedAt)}接手本事件调度,无需再次接手。本次未作任何记录。`
        : `本事件现由${owner.name}负责调度,此链接无需再用。本次未作任何记录。`;
    return base(c, 'done', { tone: 'done', text });
  }
  const refusal = linkRefusal(ticket, claims.staffId, claims.purpose);
  if (refusal?.reason === 'not-yours') {
    return base(c, 'not-yours', {
      tone: 'warn',
      text: `此链接不属于本事件的通知对象,未作任何记录。${CALL_THE_DESK}`,
    });
  }
  if (refusal?.reason === 'acknowledged') {
    const a = refusal.by;
    const text =
      a && a.staffId === claims.staffId
        ? `您已于${when(c, a.at)}确认`
        : `本事件已由${a ? `${a.name}于${when(c, a.at)}` : '他人'}确认`;
    return base(c, 'done', { tone: 'done', text: `${text},无需再次确认。本次未作任何记录。` });
  }
  if (claims.purpose === 'acknowledge') return base(c, 'form', undefined, [ACKNOWLEDGE]);
  const { forms, said } = sceneForms(c);
  return base(
    c,
    'form',
    {
      tone: said ? 'done' : 'info',
      text: said ?? '请立即赶赴现场,到场后点“我已到达现场”,并随时报回现场情况。',
    },
    forms,
  );
}

/** The actions each purpose's page sends. */
const ACTIONS: Record<'acknowledge' | 'scene' | 'owner', readonly string[]> = {
  acknowledge: ['acknowledge'],
  scene: ['on-scene', 'report'],
  owner: ['accept-handover'],
};

function step(c: C, form: LinkFormInput): ReturnType<LinkFlow['step']> {
  const current = page(c);
  if (current.outcome !== 'form') return current;
  const purpose = c.claims.purpose as keyof typeof ACTIONS;
  const action = form.action ?? '';
  const invalid = (): LinkPage => ({
    ...current,
    outcome: 'invalid-form',
    notice: { tone: 'warn', text: '提交的内容不完整,未作任何记录。' },
  });
  if (!ACTIONS[purpose]?.includes(action)) return invalid();
  if (action === 'on-scene' && onSceneAt(c)) {
    return {
      ...current,
      outcome: 'done',
      notice: { tone: 'done', text: `您已于${when(c, onSceneAt(c))}到达现场,本次未作记录。` },
    };
  }
  const command =
    action === 'report'
      ? parseStep('report', { text: form.text ?? '' })
      : parseStep(action as 'acknowledge' | 'on-scene' | 'accept-handover', {});
  return command ? { action, command } : invalid();
}

function recorded(c: C, action: string): string {
  switch (action) {
    case 'acknowledge':
      return `已记录您于${when(c, c.ticket.chain.acknowledgement?.at)}的确认,通知链已停止。谢谢!`;
    case 'on-scene':
      return '已记录您到达现场。';
    case 'report': {
      const reports = c.ticket.responders.find((r) => r.staffId === c.claims.staffId)?.reports ?? 1;
      return `已报回调度(第${reports}次),谢谢。`;
    }
    default:
      return `已记录:您于${when(c, c.ticket.owner.acceptedAt)}接手本事件调度。`;
  }
}

export const emergencyLinks: LinkFlow<EmergencyTicket> = { page, step, recorded };
