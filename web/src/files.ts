/**
 * CSV downloads and printable pages. Both need the session's bearer token, which a plain link
 * cannot send: the file is fetched with it, then saved as a download (an object URL on an
 * `<a download>`) or written into a new window and printed. Small on purpose: the ticket page and
 * the queue import it, so it must not pull anything heavy into their chunks.
 */
import { errorText } from './api/client';
import { apiRequestUrl, consoleConfig } from './config';
import { currentSession, signOut } from './session';

/** GET `path` (with its query) from the API with the session's token; the API's words on a refusal. */
async function fetchFile(path: string): Promise<Response> {
  const session = currentSession();
  // On AWS the API has an origin of its own (config.json's apiUrl, ADR 024); locally it is this one.
  const config = await consoleConfig();
  const here = new URL(path, window.location.origin).toString();
  const res = await fetch(config.mode === 'cognito' ? apiRequestUrl(here, config.apiUrl) : here, {
    headers: session ? { authorization: `Bearer ${session.token}` } : {},
  });
  if (res.ok) return res;
  if (res.status === 401 && session) signOut();
  const body: unknown = await res.json().catch(() => undefined);
  throw new Error(body ? errorText(body) : `请求失败(${res.status})`);
}

/** The name the API gave the file (RFC 6266 `filename*`), else `fallback`. */
function fileNameOf(res: Response, fallback: string): string {
  const disposition = res.headers.get('content-disposition') ?? '';
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (utf8) {
    try {
      return decodeURIComponent(utf8);
    } catch {
      // a malformed name: the fallback below
    }
  }
  return /filename="([^"]+)"/i.exec(disposition)?.[1] ?? fallback;
}

/** Downloads `path` (e.g. `/reports/monthly?month=2026-11&format=csv`) as a file. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await fetchFile(path);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = fileNameOf(res, fallbackName);
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has its own copy once started; the URL is freed a little later.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Opens the printable page at `path` (`format=html` or `/tickets/{id}/print`) in a new window and
 * prints it. Call it straight from a click: the window is opened before the fetch, while the click
 * still allows a pop-up; on a refusal it is closed again and the error thrown.
 */
export async function printPage(path: string): Promise<void> {
  const win = window.open('', '_blank');
  try {
    const res = await fetchFile(path);
    const html = await res.text();
    if (!win) throw new Error('浏览器拦截了弹出窗口,请允许本站弹出窗口后重试');
    // The API's printable pages carry no script (print/html.ts): written as they are.
    win.document.open();
    win.document.write(html);
    win.document.close();
    win.focus();
    win.print();
  } catch (error) {
    win?.close();
    throw error;
  }
}
