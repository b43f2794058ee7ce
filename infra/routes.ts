/**
 * Every HTTP route, with the handler file that serves it: the one table both runtimes read. The
 * CDK stack (infra/aws) makes one function per handler file and one API route per entry; the local
 * runtime (infra/local) loads the same files by path and serves the same routes (ADR 007).
 */
import { posix } from 'node:path';

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** API Gateway route path; `{name}` segments are path parameters. */
  path: string;
  /** Handler file under functions/http, without extension; it exports `handler` (see `handlerEntry`). */
  handler: string;
  /** False only for routes a load balancer or a person probes without a token. */
  authorized: boolean;
  /**
   * For a route without a token that still acts on data: what authenticates each request instead
   * (a signed link). The stack gives its handler table access and records this as the reason the
   * route has no authorizer.
   */
  authenticatedBy?: string;
  /** For a route without a token that acts on no data: why it needs none (the stack records it). */
  reason?: string;
}

/** EM-2/EM-3: the personal link in an emergency SMS is the credential (no login on a phone at 2 a.m.). */
const SIGNED_LINK =
  'the HMAC-SHA256-signed personal link in the path (shared/domain/ack-link.ts): bound to one person, one ' +
  'ticket and one purpose, with an expiry; a tampered, expired or used link records nothing';

export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/health', handler: 'health', authorized: false },
  // ADR 019: the generated API description (docs/openapi.json), served as a file.
  {
    method: 'GET',
    path: '/openapi.json',
    handler: 'openapi',
    authorized: false,
    reason:
      'it serves the API description generated at build time (docs/openapi.json): no tenant data, and its ' +
      'function has no table access',
  },
  { method: 'GET', path: '/staff', handler: 'list-staff', authorized: true },
  { method: 'POST', path: '/tickets', handler: 'open-ticket', authorized: true },
  { method: 'GET', path: '/tickets', handler: 'list-tickets', authorized: true },
  { method: 'GET', path: '/tickets/{id}', handler: 'get-ticket', authorized: true },
  { method: 'POST', path: '/tickets/{id}/{command}', handler: 'ticket-command', authorized: true },
  // Issue 13 item 6: the ticket's filled form (《报修派工单》, 《投诉、维修呈报单》 …), printable A4 HTML.
  { method: 'GET', path: '/tickets/{id}/print', handler: 'print-ticket', authorized: true },
  { method: 'GET', path: '/parks/{id}', handler: 'get-park', authorized: true },
  // The key register (KY-1, MI-7).
  { method: 'POST', path: '/keys', handler: 'register-keys', authorized: true },
  { method: 'GET', path: '/keys', handler: 'list-keys', authorized: true },
  { method: 'GET', path: '/keys/{id}', handler: 'get-key-set', authorized: true },
  { method: 'POST', path: '/keys/{id}/report-lost', handler: 'report-key-lost', authorized: true },
  // The monthly summary (DS-8, CH-10) and its append-only entries (CH-11; ADR 021).
  { method: 'GET', path: '/reports/monthly', handler: 'monthly-report', authorized: true },
  { method: 'POST', path: '/reports/monthly/{month}/report', handler: 'monthly-entry', authorized: true },
  { method: 'POST', path: '/reports/monthly/{month}/sign', handler: 'monthly-entry', authorized: true },
  { method: 'POST', path: '/reports/monthly/{month}/corrective', handler: 'monthly-entry', authorized: true },
  // The managers' records (issue 13, ADR 022): DS-7/DS-8's weekly review, DS-9's work log.
  { method: 'GET', path: '/reviews/weekly', handler: 'weekly-review', authorized: true },
  { method: 'POST', path: '/reviews/weekly/{week}/items', handler: 'review-item', authorized: true },
  { method: 'POST', path: '/reviews/weekly/{week}/decisions', handler: 'review-decision', authorized: true },
  { method: 'POST', path: '/reviews/weekly/{week}/check', handler: 'review-check', authorized: true },
  { method: 'GET', path: '/work-log', handler: 'work-log', authorized: true },
  // The page an emergency SMS link opens (GET reads only) and its buttons (POST records).
  {
    method: 'GET',
    path: '/ack/{token}',
    handler: 'ack-page',
    authorized: false,
    authenticatedBy: SIGNED_LINK,
  },
  {
    method: 'POST',
    path: '/ack/{token}',
    handler: 'ack-submit',
    authorized: false,
    authenticatedBy: SIGNED_LINK,
  },
];

/** The Twilio webhooks' handler file, relative to functions/http like every route's. */
export const TWILIO_HANDLER = '../ivr/twilio';

/**
 * Phone-system webhooks (IVR): not user-authenticated; the handler checks each request's
 * X-Twilio-Signature (403 without a valid one). The local runtime serves them beside HTTP_ROUTES;
 * in AWS, infra/aws/ivr.ts adds them to the same HTTP API without the Cognito authorizer. The
 * handler lives in functions/ivr, hence the path relative to functions/http.
 */
export const IVR_ROUTES: readonly HttpRoute[] = [
  'voice',
  'menu',
  'unit',
  'category',
  'describe',
  'more',
  // An emergency put-through's dial ended: the next person of the chain (issue 11 item 19).
  'fallback',
].map(
  (step): HttpRoute => ({
    method: 'POST',
    path: `/ivr/twilio/${step}`,
    handler: TWILIO_HANDLER,
    authorized: false,
  }),
);

/** Handler files that are not HTTP: the stream consumer, the timer target and the reconciler. */
export const BACKGROUND_HANDLERS = {
  effects: 'functions/streams/effects.ts',
  timerDue: 'functions/timers/due.ts',
  reconcile: 'functions/timers/reconcile.ts',
} as const;

/** The file a route's handler is in, from the project root: what the stack bundles and the local runtime loads. */
export function handlerEntry(handler: HttpRoute['handler']): string {
  return posix.join('functions/http', `${handler}.ts`);
}
