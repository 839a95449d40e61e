/**
 * The browser preview's HTTP server: the built renderer as static files, and the IPC contract as
 * `POST /api/<channel>` served by the same dispatch and handlers as the desktop app. Bound to
 * 127.0.0.1 only; see request-guard.ts for who may call it. Never part of the packaged app.
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Result } from '../../shared/contract';
import type { HandlerContext } from '../handlers/backend';
import { dispatch } from '../handlers/dispatch';
import { contentType, SECURITY_HEADERS } from '../shell/csp';
import { resolveStaticFile } from '../shell/trusted-url';
import { isAllowedHost, isAllowedOrigin, isValidToken, TOKEN_HEADER } from './request-guard';

export const HOST = '127.0.0.1';
// Large enough for an uploaded workbook of 100,000 rows (base64) or a save of a whole table.
const MAX_BODY = 200_000_000;

export interface WebServerOptions {
  ctx: HandlerContext;
  rendererDir: string;
  /** 0 or left out: a free port. */
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: Result<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json');
}

function refuse(res: ServerResponse, message: string): void {
  sendResult(res, 403, { ok: false, error: { code: 'forbidden', message } });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function serveApi(req: IncomingMessage, res: ServerResponse, rawChannel: string, opts: WebServerOptions, token: string): Promise<void> {
  // The token before anything else: nothing of a request without it is decoded or read.
  if (!isValidToken(req.headers[TOKEN_HEADER], token)) return refuse(res, 'Missing or wrong token: open the URL the preview printed.');
  if (req.method !== 'POST') return sendResult(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use POST.' } });
  let channel: string;
  try {
    channel = decodeURIComponent(rawChannel);
  } catch {
    return sendResult(res, 400, { ok: false, error: { code: 'bad_input', message: 'The address is not valid (a % escape is broken).' } });
  }
  if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendResult(res, 415, { ok: false, error: { code: 'bad_input', message: 'Send JSON (Content-Type: application/json).' } });
  }
  const text = await readBody(req);
  if (text === null) return sendResult(res, 413, { ok: false, error: { code: 'bad_input', message: 'The request is too large.' } });
  let payload: unknown;
  try {
    payload = text.trim() === '' ? undefined : JSON.parse(text);
  } catch {
    return sendResult(res, 400, { ok: false, error: { code: 'bad_input', message: 'The body is not valid JSON.' } });
  }
  sendResult(res, 200, await dispatch(channel, payload, opts.ctx));
}

async function serveFile(req: IncomingMessage, res: ServerResponse, pathname: string, rendererDir: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', 'text/plain; charset=utf-8');
  const file = resolveStaticFile(rendererDir, pathname);
  if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  try {
    send(res, 200, await readFile(file), contentType(file));
  } catch {
    send(res, 404, 'Not found', 'text/plain; charset=utf-8');
  }
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) return refuse(res, 'Wrong Host header.');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 'Wrong Origin.');
    const pathname = (req.url ?? '/').split('?')[0]!;
    // Nothing decoded here: a malformed `%` escape must answer 400, never throw out of the handler.
    const done = pathname.startsWith('/api/') ? serveApi(req, res, pathname.slice(5), opts, token) : serveFile(req, res, pathname, opts.rendererDir);
    done.catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) sendResult(res, 500, { ok: false, error: { code: 'internal', message: 'The preview server failed; see its log.' } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, HOST, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
