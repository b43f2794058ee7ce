/**
 * The Lambda handlers the local runtime serves, loaded as Lambda loads them: by the entry file the
 * route table names (infra/routes.ts), the same file the CDK stack bundles. infra/local never
 * imports functions/ by name (ADR 007); each file is imported once, on first use.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  Context,
  DynamoDBBatchResponse,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { BACKGROUND_HANDLERS } from '../routes';
import { PROJECT_ROOT } from './paths';

export type HttpHandler = (
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>;
export type EffectsHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
export type TimerHandler = (input: unknown) => Promise<{ outcome: string }>;
export type ReconcileHandler = () => Promise<unknown>;

const loaded = new Map<string, Promise<unknown>>();

/** The `handler` export of a file under the project root, e.g. `functions/http/open-ticket.ts`. */
export function handlerIn<H>(entry: string): Promise<H> {
  let mod = loaded.get(entry);
  if (!mod) {
    const url = pathToFileURL(resolve(PROJECT_ROOT, entry)).href;
    mod = import(/* @vite-ignore */ url).then((m: { handler?: unknown }) => {
      if (typeof m.handler !== 'function') throw new Error(`${entry} exports no handler`);
      return m.handler;
    });
    loaded.set(entry, mod);
  }
  return mod as Promise<H>;
}

/** The stream consumer, the timer target and the reconciler, as AWS invokes them. */
export async function backgroundHandlers(): Promise<{
  effects: EffectsHandler;
  timerDue: TimerHandler;
  reconcile: ReconcileHandler;
}> {
  const [effects, timerDue, reconcile] = await Promise.all([
    handlerIn<EffectsHandler>(BACKGROUND_HANDLERS.effects),
    handlerIn<TimerHandler>(BACKGROUND_HANDLERS.timerDue),
    handlerIn<ReconcileHandler>(BACKGROUND_HANDLERS.reconcile),
  ]);
  return { effects, timerDue, reconcile };
}
