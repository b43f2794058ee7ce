/**
 * The plain Chinese page behind an SMS link (`/ack/{token}`), shared by the GET and POST handlers:
 * the link module's page (shared/app/ack-links) as HTML. No script, no external resources, nothing
 * cached, no referrer: the token is in the URL, so it must not leak to another site or a cache.
 * Every value from the ticket is escaped.
 */
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { LinkFact, LinkField, LinkForm, LinkPage } from '../../shared/app/ack-links';
import { log } from '../../shared/log';
import { escapeHtml } from '../../shared/app/print/html';

const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-content-type-options': 'nosniff',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
} as const;

const MAX_FORM_BYTES = 64 * 1024;

function page(status: number, title: string, body: string): APIGatewayProxyStructuredResultV2 {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)}</title><style>` +
    'body{font-family:system-ui,sans-serif;max-width:34rem;margin:1rem auto;padding:0 1rem;line-height:1.6}' +
    'h1{font-size:1.4rem}button{font-size:1.15rem;padding:.7rem 1rem;width:100%;margin:.4rem 0}' +
    'textarea,input,select{width:100%;font-size:1rem;box-sizing:border-box;padding:.4rem}textarea{min-height:6rem}.note{color:#555}' +
    '.done{color:#0a6b2d;font-weight:bold}.warn{color:#a00;font-weight:bold}dt{font-weight:bold}dd{margin:0 0 .4rem}' +
    `</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return { statusCode: status, headers: { ...HEADERS }, body: html };
}

/** A field of a form: a text box, a text area or a choice, each with its label. */
function field(f: LinkField): string {
  const id = `f-${escapeHtml(f.name)}`;
  const required = f.required ? ' required' : '';
  const label = `<p><label for="${id}">${escapeHtml(f.label)}</label></p>`;
  if (f.type === 'select') {
    const options = (f.options ?? [])
      .map((o) => `<option value="${escapeHtml(o.value)}">${escapeHtml(o.label)}</option>`)
      .join('');
    return `${label}<select id="${id}" name="${escapeHtml(f.name)}"${required}>${options}</select>`;
  }
  const value = f.value ?? '';
  return f.type === 'textarea'
    ? `${label}<textarea id="${id}" name="${escapeHtml(f.name)}" maxlength="${f.maxLength}"${required}>${escapeHtml(value)}</textarea>`
    : `${label}<input id="${id}" name="${escapeHtml(f.name)}" maxlength="${f.maxLength}" value="${escapeHtml(value)}"${required}>`;
}

function form(f: LinkForm): string {
  return (
    (f.intro ? `<p>${escapeHtml(f.intro)}</p>` : '') +
    `<form method="post"><input type="hidden" name="action" value="${escapeHtml(f.action)}">` +
    (f.fields ?? []).map(field).join('') +
    `<button type="submit">${escapeHtml(f.button)}</button></form>`
  );
}

function facts(list: LinkFact[]): string {
  if (list.length === 0) return '';
  const value = (f: LinkFact) =>
    f.tel ? `<a href="tel:${escapeHtml(f.tel)}">${escapeHtml(f.value)}</a>` : escapeHtml(f.value);
  return `<dl>${list.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${value(f)}</dd>`).join('')}</dl>`;
}

const TONES = { done: 'done', warn: 'warn', info: 'note' } as const;

/** The HTTP status of an outcome; "already done" is a refusal when posted (409), news when opened. */
function statusOf(view: LinkPage, method: 'GET' | 'POST'): number {
  switch (view.outcome) {
    case 'form':
    case 'recorded':
      return 200;
    case 'done':
    case 'closed':
      return method === 'POST' ? 409 : 200;
    case 'tampered':
    case 'not-yours':
      return 403;
    case 'expired':
      return 410;
    case 'invalid-form':
      return 400;
    case 'refused':
      return view.status ?? 409;
    case 'unavailable':
      return 503;
  }
}

/** The page for a link's answer: its notice, what the ticket is about, and the forms it offers. */
export function renderAckPage(view: LinkPage, method: 'GET' | 'POST'): APIGatewayProxyStructuredResultV2 {
  const notice = view.notice
    ? `<p class="${TONES[view.notice.tone]}">${escapeHtml(view.notice.text)}</p>`
    : '';
  const call = view.facts.length === 0 ? '<p class="note">如有疑问,请直接致电调度。</p>' : '';
  return page(
    statusOf(view, method),
    view.title,
    notice + facts(view.facts) + view.forms.map(form).join('') + call,
  );
}

/** The fields of a posted form (`application/x-www-form-urlencoded`); anything else gives none. */
export function formOf(event: APIGatewayProxyEventV2): Record<string, string> | 'too-large' {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > MAX_FORM_BYTES) return 'too-large';
  const type = (event.headers?.['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('application/x-www-form-urlencoded')) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(bytes.toString('utf8'))) if (!(k in out)) out[k] = v;
  return out;
}

/**
 * A failed link request: a plain page, and a log line that names the route template only
 * (`GET /ack/{token}`), never the path, which holds the token. Middy's `onError`, like the API's
 * error mapping (ADR 008).
 */
const errorPage: middy.MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2> = {
  onError: async (request) => {
    const { error, event, context } = request;
    const reference = context?.awsRequestId ?? event.requestContext?.requestId ?? 'unknown';
    // The token is cut out of whatever the error says, should it ever quote the request.
    const token = tokenOf(event);
    const hide = (text: string) => (token ? text.split(token).join('[token]') : text);
    log.error('unexpected error on an SMS link', {
      error: error instanceof Error ? { name: error.name, message: hide(error.message) } : 'non-error',
      reference,
      route: event.routeKey,
    });
    request.response = page(
      500,
      '系统错误',
      `<p class="warn">系统出错,未作任何记录。请致电调度。</p><p class="note">参考号 ${escapeHtml(reference)}</p>`,
    );
  },
};

/** A link handler: an unexpected error answers with `errorPage`. */
export function ackHandler(
  body: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2>().use(errorPage).handler(body);
}

/** The token: the one path parameter; a missing one is treated like a tampered link. */
export function tokenOf(event: APIGatewayProxyEventV2): string {
  return event.pathParameters?.token ?? '';
}
