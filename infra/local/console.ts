/**
 * The web console (web/, ADR 023) as the local desk serves it: the built files of web/dist at `/`
 * beside the API, index.html for the console's own paths (the single-page app routes them), and a
 * build with Vite when web/dist is missing or older than the console's sources, so `npm ci && npm
 * start` still does all the set-up. The API keeps precedence: the console's paths are a fixed
 * list that no API route matches (test/web/console-serving.test.ts checks), and anything else
 * falls through to the API (a JSON 404 for an unknown path, as before).
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { PROJECT_ROOT } from './paths';

export const WEB_DIR = resolve(PROJECT_ROOT, 'web');
export const CONSOLE_DIST = resolve(WEB_DIR, 'dist');

/** The console's pages: each answers index.html. `/ticket/{id}` is singular: `/tickets/{id}` is the API's; the key ledger is `/key-ledger`, `/keys` being the API's. */
export const CONSOLE_PAGES: readonly RegExp[] = [
  /^\/$/,
  /^\/sign-in$/,
  /^\/queue$/,
  /^\/intake$/,
  /^\/local-desk$/,
  // 报表 and its pages (weekly review, monthly summary, work log).
  /^\/records(\/[a-z-]+)?$/,
  // 钥匙: not /keys, which is the API's key register.
  /^\/key-ledger$/,
  /^\/move-in$/,
  /^\/ticket\/[^/]+$/,
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

/** The newest modification time of the files the build reads. */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Whether web/dist is missing or older than a source of the console. */
export function consoleIsStale(webDir = WEB_DIR): boolean {
  const built = join(webDir, 'dist', 'index.html');
  return !existsSync(built) || statSync(built).mtimeMs < newestSource(webDir);
}

/**
 * Builds the console with Vite when it is stale. Into a folder of its own first, then moved into
 * place: a desk serving the old build (or a second desk building at the same time, as two test
 * files may) never sees half a build.
 */
export async function ensureConsoleBuilt(webDir = WEB_DIR): Promise<boolean> {
  if (!consoleIsStale(webDir)) return false;
  const { build } = await import('vite');
  const outDir = join(webDir, `dist.building-${process.pid}-${Date.now()}`);
  await build({
    configFile: join(webDir, 'vite.config.ts'),
    root: webDir,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  const dist = join(webDir, 'dist');
  rmSync(dist, { recursive: true, force: true });
  try {
    renameSync(outDir, dist);
  } catch {
    // Another build landed first: it is as new as ours.
    rmSync(outDir, { recursive: true, force: true });
  }
  return true;
}

/**
 * The console's runtime config here (ADR 024): the local sign-in, the API on this origin. On AWS the
 * stack writes `/config.json` with the user pool's sign-in and the API's URL instead.
 */
export const LOCAL_CONSOLE_CONFIG = { mode: 'local' } as const;

/**
 * Answers a GET or HEAD for the console: a built file, index.html for a console page, or the
 * console's `/config.json`. Returns false for everything else, which the API then answers.
 */
export function serveConsole(dist: string, req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (url.pathname === '/config.json') {
    const body = JSON.stringify(LOCAL_CONSOLE_CONFIG);
    res.writeHead(200, {
      'content-type': TYPES['.json']!,
      'content-length': String(Buffer.byteLength(body)),
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  }
  const page = CONSOLE_PAGES.some((p) => p.test(url.pathname));
  let file: string;
  if (page) file = join(dist, 'index.html');
  else if (url.pathname.startsWith('/assets/')) {
    let name: string;
    try {
      name = decodeURIComponent(url.pathname);
    } catch {
      return false;
    }
    file = resolve(dist, `.${name}`);
    if (!file.startsWith(dist + sep)) return false;
  } else return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const body = readFileSync(file);
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(body.length),
    // Hashed asset names never change; index.html names the current ones, so it is never cached.
    'cache-control': page ? 'no-cache' : 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
