/**
 * Who is signed in: the ID token and the claims the console shows, kept for this browser tab
 * (sessionStorage: closing the tab signs out; a shared office PC keeps no token).
 */
export interface Session {
  token: string;
  staffId: string;
  name: string;
  groups: string[];
}

const KEY = 'estate-desk.session';
const listeners = new Set<() => void>();

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

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

export function signOut(): void {
  sessionStorage.removeItem(KEY);
  for (const l of listeners) l();
}

export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
