/** Reading a request's body and writing a JSON answer on node:http, for the local server's own answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The most a body may be before the server refuses it outright; handlers enforce 64 KB. */
const HARD_BODY_LIMIT = 1024 * 1024;

export function send(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** The error body every handler answers with (functions/http/lib/http.ts). */
export function problem(res: ServerResponse, status: number, code: string, message: string): void {
  send(res, status, { error: { code, message } });
}

export async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= HARD_BODY_LIMIT) chunks.push(chunk as Buffer);
  }
  return size > HARD_BODY_LIMIT ? 'too-large' : Buffer.concat(chunks);
}
