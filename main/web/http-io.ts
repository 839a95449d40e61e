/** Reading requests and writing answers, shared by the preview and the team server. */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Result } from '../../shared/contract';
import { contentType, SECURITY_HEADERS } from '../shell/csp';
import { resolveStaticFile } from '../shell/trusted-url';

// Large enough for an uploaded workbook of 100,000 rows (base64) or a save of a whole table.
export const MAX_BODY = 200_000_000;

export function send(res: ServerResponse, status: number, body: string | Buffer, type: string, extra: Record<string, string | string[]> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...extra, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

export function sendResult(res: ServerResponse, status: number, result: Result<unknown>, extra: Record<string, string | string[]> = {}): void {
  send(res, status, JSON.stringify(result), 'application/json', extra);
}

export function refuse(res: ServerResponse, message: string): void {
  sendResult(res, 403, { ok: false, error: { code: 'forbidden', message } });
}

export async function readBody(req: IncomingMessage, max = MAX_BODY): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The channel named in an `/api/<channel>` address, or null (400 sent) when a `%` escape is broken. */
export function decodeChannel(res: ServerResponse, raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    sendResult(res, 400, { ok: false, error: { code: 'bad_input', message: 'The address is not valid (a % escape is broken).' } });
    return null;
  }
}

/** A POSTed JSON payload, or the answer already sent when it is not one. */
export async function readJsonPayload(req: IncomingMessage, res: ServerResponse): Promise<{ payload: unknown } | null> {
  if (req.method !== 'POST') {
    sendResult(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use POST.' } });
    return null;
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    sendResult(res, 415, { ok: false, error: { code: 'bad_input', message: 'Send JSON (Content-Type: application/json).' } });
    return null;
  }
  const text = await readBody(req);
  if (text === null) {
    sendResult(res, 413, { ok: false, error: { code: 'bad_input', message: 'The request is too large.' } });
    return null;
  }
  try {
    return { payload: text.trim() === '' ? undefined : JSON.parse(text) };
  } catch {
    sendResult(res, 400, { ok: false, error: { code: 'bad_input', message: 'The body is not valid JSON.' } });
    return null;
  }
}

export async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string, rendererDir: string, extra: Record<string, string> = {}): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  try {
    send(res, 200, await readFile(file), contentType(file), extra);
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}
