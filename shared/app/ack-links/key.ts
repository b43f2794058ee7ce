/**
 * A key's return link (`key-return`, KY-4 and KY-1): sent with the overdue SMS to the guard who
 * handed the key out, the security captain and then the security manager. It shows the key, who
 * has it since when on which slip and when it was due, with the holder's number to chase it; its
 * one step records the key back with security, received by the link's person (`return {
 * receivedBy }` as them: the domain checks they are security). Single use by the ticket: a key
 * returned (through any link or the desk) shows who took it back; a lost key or a closed request
 * records nothing.
 */
import type { KeyTicket } from '../../domain/key';
import { REQUESTER_LABELS, SECURITY_ROLES } from '../../domain/key';
import { phoneForSms } from '../../domain/sms';
import type { Checked } from './check';
import type { LinkFlow, LinkFormInput } from './flow';
import { holderFact, invalidForm, parseStep, refusalOf, refusedPage, when } from './flow';
import type { LinkFact, LinkForm, LinkPage } from './page';
import { ticketPage } from './page';

type C = Checked<KeyTicket>;

const RETURN: LinkForm = {
  action: 'return',
  button: '钥匙已收回',
  intro: '钥匙交回保安部、清点无误后再点此登记;登记为由您收回。',
};

const base = ticketPage((c: C) => {
  const { ticket, member } = c;
  const { key, requester } = ticket;
  const out = ticket.handOut;
  const held: LinkFact[] = out
    ? [
        { label: '领用人', value: `${out.name}(${REQUESTER_LABELS[requester.type]})` },
        // The guard chases the return: the holder's number to call.
        { label: '领用人电话', value: phoneForSms(requester.phone), tel: requester.phone },
        { label: '领用单', value: out.slipNumber },
        { label: '发出', value: `${out.guardName} ${when(c, out.since)}` },
        ...(out.escortName ? [{ label: '陪同', value: out.escortName }] : []),
        { label: '应还时间', value: when(c, out.dueAt) },
      ]
    : [{ label: '申请人', value: `${requester.name}(${REQUESTER_LABELS[requester.type]})` }];
  return {
    title: `钥匙领用${ticket.number ? ` ${ticket.number}` : ''}`,
    facts: [
      { label: '钥匙', value: `${key.tag} ${key.unit ?? key.area ?? ''} ${key.label} ×${key.count}` },
      ...held,
      holderFact(
        c,
        member?.roles.find((r) => SECURITY_ROLES.includes(r)),
      ),
    ],
  };
});

const done = (c: C, text: string) => base(c, 'done', { tone: 'done', text: `${text}本次未作任何记录。` });

function page(c: C): LinkPage {
  const { ticket, claims } = c;
  const back = ticket.returned;
  if (back) {
    const by = back.receivedBy === claims.staffId ? '您' : back.receivedByName;
    return done(c, `钥匙已于${when(c, back.at)}由${by}收回${back.late ? '(逾期归还)' : ''}。`);
  }
  if (ticket.status === 'lost') return done(c, '此钥匙已报遗失,不能登记收回。');
  if (ticket.status !== 'handed-out') return done(c, '此申请的钥匙未借出,无需登记收回。');
  const refusal = refusalOf(c, { type: 'return', receivedBy: claims.staffId });
  if (refusal) return refusedPage(base(c, 'form'), refusal);
  return base(c, 'form', undefined, [RETURN]);
}

function step(c: C, form: LinkFormInput): ReturnType<LinkFlow['step']> {
  const current = page(c);
  if (current.outcome !== 'form') return current;
  if (form.action !== RETURN.action) return invalidForm(current, '提交的内容不完整,');
  // KY-4: received by the link's person, never a name typed into the form.
  const command = parseStep('return', { receivedBy: c.claims.staffId });
  return command ? { action: 'return', command } : invalidForm(current, '提交的内容不完整,');
}

function recorded(c: C): string {
  const back = c.ticket.returned;
  return `已登记钥匙由您收回(${when(c, back?.at)})${back?.late ? ',逾期归还' : ''}。谢谢!`;
}

export const keyLinks: LinkFlow<KeyTicket> = { page, step, recorded };
