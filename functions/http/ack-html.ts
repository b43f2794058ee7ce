/**
 * The plain Chinese page behind an emergency SMS link (`/ack/{token}`), shared by the GET and POST
 * handlers. No script, no external resources, nothing cached, no referrer: the token is in the
 * URL, so it must not leak to another site or a cache. Every value from the ticket is escaped.
 */
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  APIGatewayProxyStructuredResultV2,
} from 'aws-lambda';
import type { AckLinkView } from '../../shared/app/emergency-ack';
import { chineseShort } from '../../shared/domain/time';
import { log } from '../../shared/log';
import { DEFAULT_TIME_ZONE } from '../../shared/domain/formats';

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

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function page(status: number, title: string, body: string): APIGatewayProxyStructuredResultV2 {
  const html =
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">' +
    `<title>${escapeHtml(title)}</title><style>` +
    'body{font-family:system-ui,sans-serif;max-width:34rem;margin:1rem auto;padding:0 1rem;line-height:1.6}' +
    'h1{font-size:1.4rem}button{font-size:1.15rem;padding:.7rem 1rem;width:100%;margin:.4rem 0}' +
    'textarea{width:100%;min-height:6rem;font-size:1rem;box-sizing:border-box}.note{color:#555}' +
    '.done{color:#0a6b2d;font-weight:bold}.warn{color:#a00;font-weight:bold}dt{font-weight:bold}dd{margin:0 0 .4rem}' +
    `</style></head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
  return { statusCode: status, headers: { ...HEADERS }, body: html };
}

function when(iso: string | undefined, zone: string): string {
  return iso ? chineseShort(new Date(iso), zone) : '';
}

function details(view: AckLinkView): string {
  const e = view.emergency;
  if (!e) return '';
  const zone = view.timeZone ?? DEFAULT_TIME_ZONE;
  const who = view.person ? `${view.person.name}${view.person.role ? `(${view.person.role})` : ''}` : '';
  return (
    '<dl>' +
    `<dt>类别</dt><dd>${escapeHtml(e.category)}</dd>` +
    `<dt>地点</dt><dd>${escapeHtml(e.location)}</dd>` +
    `<dt>情况</dt><dd>${escapeHtml(e.description)}</dd>` +
    `<dt>报告时间</dt><dd>${escapeHtml(when(e.openedAt, zone))}</dd>` +
    (who ? `<dt>本链接属于</dt><dd>${escapeHtml(who)}</dd>` : '') +
    '</dl>'
  );
}

const button = (action: string, label: string) =>
  `<form method="post"><input type="hidden" name="action" value="${action}"><button type="submit">${label}</button></form>`;

const reportForm =
  '<form method="post"><input type="hidden" name="action" value="report">' +
  '<p><label for="text">现场情况报回调度:</label></p><textarea id="text" name="text" maxlength="500" required></textarea>' +
  '<button type="submit">报回调度</button></form>';

function sceneForms(view: AckLinkView): string {
  const zone = view.timeZone ?? DEFAULT_TIME_ZONE;
  const onScene = view.responder?.onSceneAt;
  return (
    (onScene
      ? `<p class="done">您已于${escapeHtml(when(onScene, zone))}到达现场。</p>`
      : button('on-scene', '我已到达现场')) + reportForm
  );
}

/** The page for an outcome; `method` decides whether "already done" is a refusal (POST) or news (GET). */
export function renderAckPage(view: AckLinkView, method: 'GET' | 'POST'): APIGatewayProxyStructuredResultV2 {
  const zone = view.timeZone ?? DEFAULT_TIME_ZONE;
  const number = view.emergency?.number ?? '';
  const title = `紧急事件${number ? ` ${number}` : ''}`;
  const call = '<p class="note">如有疑问,请直接致电调度。</p>';
  switch (view.outcome) {
    case 'tampered':
      return page(
        403,
        '链接无效',
        `<p class="warn">此链接不完整或已被改动,无法使用。</p><p>请使用短信中的原始链接。</p>${call}`,
      );
    case 'expired':
      return page(
        410,
        '链接已过期',
        `<p class="warn">此链接已于${escapeHtml(when(view.expiresAt, zone))}过期,未作任何记录。</p>${call}`,
      );
    case 'not-yours':
      return page(403, '链接无效', `<p class="warn">此链接不属于本事件的通知对象,未作任何记录。</p>${call}`);
    case 'unavailable':
      return page(
        503,
        '暂时无法验证',
        `<p class="warn">系统暂时无法验证此链接,未作任何记录。请稍后再试。</p>${call}`,
      );
    case 'closed':
      return page(
        method === 'POST' ? 409 : 200,
        title,
        `<p class="warn">本事件已结案,此链接不再使用,未作任何记录。</p>${details(view)}`,
      );
    case 'acknowledged': {
      const a = view.acknowledgement;
      const by = a ? `${a.name}于${when(a.at, zone)}` : '他人';
      const yours =
        a && view.person?.staffId === a.staffId ? `您已于${when(a.at, zone)}确认` : `本事件已由${by}确认`;
      return page(
        method === 'POST' ? 409 : 200,
        title,
        `<p class="done">${escapeHtml(yours)},无需再次确认。本次未作任何记录。</p>${details(view)}`,
      );
    }
    case 'already-on-scene':
      return page(
        409,
        title,
        `<p class="done">您已于${escapeHtml(when(view.responder?.onSceneAt, zone))}到达现场,本次未作记录。</p>${details(view)}${reportForm}`,
      );
    case 'invalid-form':
      return page(
        400,
        title,
        '<p class="warn">提交的内容不完整,未作任何记录。</p>' +
          details(view) +
          (view.purpose === 'acknowledge' ? button('acknowledge', '确认收到,立即处理') : sceneForms(view)),
      );
    case 'form':
      if (view.purpose === 'acknowledge') {
        return page(
          200,
          title,
          details(view) +
            '<p>请确认您已收到并立即处理。确认后,系统即停止向上级继续发送通知。</p>' +
            button('acknowledge', '确认收到,立即处理'),
        );
      }
      return page(
        200,
        title,
        `${details(view)}<p>请立即赶赴现场,到场后点“我已到达现场”,并随时报回现场情况。</p>${sceneForms(view)}`,
      );
    case 'recorded': {
      if (view.action === 'acknowledge') {
        const at = when(view.acknowledgement?.at, zone);
        return page(
          200,
          '已确认',
          `<p class="done">已记录您于${escapeHtml(at)}的确认,通知链已停止。谢谢!</p>${details(view)}`,
        );
      }
      const said =
        view.action === 'on-scene'
          ? '已记录您到达现场。'
          : `已报回调度(第${view.responder?.reports ?? 1}次),谢谢。`;
      return page(
        200,
        '已记录',
        `<p class="done">${escapeHtml(said)}</p>${details(view)}${sceneForms(view)}`,
      );
    }
  }
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
    log.error('unexpected error on an emergency link', {
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
