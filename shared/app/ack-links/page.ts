/**
 * What a link's page says, as data: the HTTP handlers render it (functions/http/ack-html.ts), the
 * kinds' flows fill it in Chinese. Never the token: only what the link's person may see.
 */

export type LinkOutcome =
  /** A usable link: what it is about, and the step(s) it may take now. */
  | 'form'
  /** POST recorded the step. */
  | 'recorded'
  /** Its work is done (by this person or another): nothing more to record. A refusal when posted. */
  | 'done'
  | 'closed'
  /** Malformed, edited, guessed, or not signed by us. */
  | 'tampered'
  | 'expired'
  /** Genuine, but for someone the ticket does not ask this of (any more). */
  | 'not-yours'
  /** The form was not one this page sends, or a field is missing. */
  | 'invalid-form'
  /** The domain refused the step (`status` says how: 403, 409, 422). */
  | 'refused'
  /** The key or the table cannot be read: nothing can be checked. */
  | 'unavailable';

export interface LinkField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select';
  required: boolean;
  maxLength: number;
  value?: string;
  options?: { value: string; label: string }[];
}

export interface LinkForm {
  /** Sent as the form's `action` field: which step. */
  action: string;
  button: string;
  intro?: string;
  fields?: LinkField[];
}

export interface LinkFact {
  label: string;
  value: string;
  /** A number to call (`tel:` link). */
  tel?: string;
}

export interface LinkPage {
  outcome: LinkOutcome;
  title: string;
  /** What happened or what to do, first on the page. */
  notice?: { tone: 'done' | 'warn' | 'info'; text: string };
  facts: LinkFact[];
  forms: LinkForm[];
  /** For `refused`: the status the refusal means. */
  status?: number;
}

const CALL = '如有疑问,请直接致电调度。';

/** Pages for links that cannot act, before (or without) their ticket. */
export const BROKEN: Record<'tampered' | 'unavailable' | 'not-yours', LinkPage> = {
  'not-yours': {
    outcome: 'not-yours',
    title: '链接无效',
    notice: { tone: 'warn', text: '此链接不属于此单的通知对象,未作任何记录。' },
    facts: [],
    forms: [],
  },
  tampered: {
    outcome: 'tampered',
    title: '链接无效',
    notice: { tone: 'warn', text: '此链接不完整或已被改动,无法使用。请使用短信中的原始链接。' },
    facts: [],
    forms: [],
  },
  unavailable: {
    outcome: 'unavailable',
    title: '暂时无法验证',
    notice: { tone: 'warn', text: '系统暂时无法验证此链接,未作任何记录。请稍后再试。' },
    facts: [],
    forms: [],
  },
};

export function expiredPage(when: string): LinkPage {
  return {
    outcome: 'expired',
    title: '链接已过期',
    notice: { tone: 'warn', text: `此链接已于${when}过期,未作任何记录。` },
    facts: [],
    forms: [],
  };
}

/** The line every refusal ends with. */
export const CALL_THE_DESK = CALL;

/**
 * A kind's page builder: the ticket's title and facts come from the checked link (`head`); each step
 * gives its outcome, a notice and the forms it offers.
 */
export function ticketPage<C>(head: (c: C) => { title: string; facts: LinkFact[] }) {
  return (c: C, outcome: LinkOutcome, notice?: LinkPage['notice'], forms: LinkForm[] = []): LinkPage => {
    const { title, facts } = head(c);
    return { outcome, title, ...(notice ? { notice } : {}), facts, forms };
  };
}
