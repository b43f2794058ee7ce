/**
 * The local desk's own routes (`/local/*`: sign-in, clock, outbox). They exist only in `npm start`,
 * never in AWS, so they are not in the OpenAPI document; their few shapes are written here.
 */
import { currentSession } from './session';

export interface DemoPerson {
  id: string;
  name: string;
  roles: string[];
  department: string;
}
export interface LocalSms {
  id: string;
  to: string;
  text: string;
  at: string;
  ticketId?: string;
}
export interface LocalClock {
  now: string;
  offsetMs: number;
  pendingTimers?: unknown[];
  fired?: unknown[];
}

export async function local<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const session = currentSession();
  if (session) headers.authorization = `Bearer ${session.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`/local/${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const parsed = (await res.json().catch(() => ({}))) as T & { error?: { message: string; code: string } };
  if (!res.ok)
    throw new Error(parsed.error ? `${parsed.error.message} [${parsed.error.code}]` : `HTTP ${res.status}`);
  return parsed;
}
