/**
 * Who is signed in: the ID token and the claims the console shows, kept for this browser tab
 * (sessionStorage: closing the tab signs out; a shared office PC keeps no token).
 */
import { claimsOf } from './jwt';

export interface Session {
  token: string;
  staffId: string;
  name: string;
  groups: string[];
  /** Signed in through the user pool's managed login: signing out goes through its /logout (ADR 024). */
  logoutUrl?: string;
}

const KEY = 'estate-desk.session';
const listeners = new Set<() => void>();

export function sessionFromToken(token: string): Session {
  const claims = claimsOf(token);
  const staffId = String(claims['custom:staffId'] ?? claims.sub ?? '');
  return {
    token,
    staffId,
    name: typeof claims.name === 'string' ? claims.name : staffId,
    groups: Array.isArray(claims['cognito:groups']) ? claims['cognito:groups'].map(String) : [],
  };
}

export function currentSession(): Session | undefined {
  const kept = sessionStorage.getItem(KEY);
  if (!kept) return undefined;
  try {
    return JSON.parse(kept) as Session;
  } catch {
    return undefined;
  }
}

export function signIn(session: Session): void {
  sessionStorage.setItem(KEY, JSON.stringify(session));
  for (const l of listeners) l();
}

/**
 * Forgets who is signed in. After a managed-login sign-in, a person's own sign-out also ends the
 * user pool's session (its /logout, which comes back to /sign-in), so the next person at the PC
 * signs in afresh; an expired token (`expired`) only asks for a sign-in again.
 */
export function signOut(options: { expired?: boolean } = {}): void {
  const logoutUrl = currentSession()?.logoutUrl;
  sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
  if (logoutUrl && !options.expired) window.location.assign(logoutUrl);
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
