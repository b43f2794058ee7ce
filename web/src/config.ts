/**
 * Where the console is running (ADR 024): `/config.json`, written into the bucket by the AWS stack,
 * names the API and the user pool's sign-in; the local desk answers `{ "mode": "local" }` (its own
 * sign-in picker, the API on the same origin). Loaded once per page.
 */
export interface CognitoConfig {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: the managed sign-in and its token endpoint. */
  domain: string;
  /** The console's app client (public: no secret, code + PKCE). */
  clientId: string;
}

export type ConsoleConfig =
  | { mode: 'local' }
  | { mode: 'cognito'; region: string; apiUrl: string; cognito: CognitoConfig };

const LOCAL: ConsoleConfig = { mode: 'local' };

function isHttpsUrl(value: unknown): value is string {
  return typeof value === 'string' && /^https:\/\/[^/\s]+/.test(value);
}

/** The config as the console uses it; anything not a complete Cognito config is the local desk. */
export function parseConfig(json: unknown): ConsoleConfig {
  const value = (json ?? {}) as Record<string, unknown>;
  if (value.mode !== 'cognito') return LOCAL;
  const cognito = (value.cognito ?? {}) as Record<string, unknown>;
  if (!isHttpsUrl(value.apiUrl) || !isHttpsUrl(cognito.domain) || typeof cognito.clientId !== 'string') {
    return LOCAL;
  }
  return {
    mode: 'cognito',
    region: typeof value.region === 'string' ? value.region : '',
    apiUrl: value.apiUrl.replace(/\/+$/, ''),
    cognito: { domain: cognito.domain.replace(/\/+$/, ''), clientId: cognito.clientId },
  };
}

let loaded: Promise<ConsoleConfig> | undefined;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/config.json', { headers: { accept: 'application/json' } })
    .then((response) => (response.ok ? response.json() : LOCAL))
    .then(parseConfig, () => LOCAL);
  return loaded;
}

/** The API's URL for a request the client addressed to the console's own origin. */
export function apiRequestUrl(requestUrl: string, apiUrl: string): string {
  const url = new URL(requestUrl);
  return `${apiUrl.replace(/\/+$/, '')}${url.pathname}${url.search}`;
}
