/**
 * Every HTTP route, with the handler file that serves it. The CDK stack makes one function per
 * handler file and one API route per entry; the local runtime serves the same table.
 */

export interface HttpRoute {
  method: 'GET' | 'POST';
  /** API Gateway route path; `{name}` segments are path parameters. */
  path: string;
  /** Handler file under functions/http, without extension; it exports `handler`. */
  handler: string;
  /** False only for routes a load balancer or a person probes without a token. */
  authorized: boolean;
}

export const HTTP_ROUTES: readonly HttpRoute[] = [
  { method: 'GET', path: '/health', handler: 'health', authorized: false },
  { method: 'GET', path: '/staff', handler: 'list-staff', authorized: true },
  { method: 'POST', path: '/tickets', handler: 'open-ticket', authorized: true },
  { method: 'GET', path: '/tickets', handler: 'list-tickets', authorized: true },
  { method: 'GET', path: '/tickets/{id}', handler: 'get-ticket', authorized: true },
  { method: 'POST', path: '/tickets/{id}/{command}', handler: 'ticket-command', authorized: true },
];

/** Handler files that are not HTTP: the stream consumer and the timer target. */
export const BACKGROUND_HANDLERS = {
  effects: 'functions/streams/effects.ts',
  timerDue: 'functions/timers/due.ts',
} as const;
