/**
 * The browser preview's HTTP server: the built renderer as static files, and the IPC contract as
 * `POST /api/<channel>` served by the same dispatch and handlers as the desktop app, and the
 * change events as `GET /api/events` (server-sent events, as on the team server). Bound to
 * 127.0.0.1 only; see request-guard.ts for who may call it. Never part of the packaged app.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isChannel } from '../../shared/contract';
import type { HandlerContext } from '../handlers/context';
import { dispatch } from '../handlers/dispatch';
import { SECURITY_HEADERS } from '../shell/csp';
import { TOKEN_HEADER, WINDOW_HEADER } from '../../shared/http-headers';
import { ChangeBus, serveEventStream, windowId } from './change-events';
import { decodeChannel, readJsonPayload, refuse, sendResult, serveFile } from './http-io';
import { isAllowedHost, isAllowedOrigin, isValidToken } from './request-guard';
import { answerChanged, CHANNEL_ACCESS } from './team/channel-access';

export const HOST = '127.0.0.1';

export interface WebServerOptions {
  ctx: HandlerContext;
  rendererDir: string;
  /** 0 or left out: a free port. */
  port?: number;
  token?: string;
  /** Where successful changes are told (a new bus when left out). */
  events?: ChangeBus;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  events: ChangeBus;
  close(): Promise<void>;
}

async function serveApi(req: IncomingMessage, res: ServerResponse, rawChannel: string, opts: WebServerOptions, token: string, events: ChangeBus): Promise<void> {
  // The token before anything else: nothing of a request without it is decoded or read.
  if (!isValidToken(req.headers[TOKEN_HEADER], token)) return refuse(res, 'Missing or wrong token: open the URL the preview printed.');
  const channel = decodeChannel(res, rawChannel);
  if (channel === null) return;
  const body = await readJsonPayload(req, res);
  if (!body) return;
  const result = await dispatch(channel, body.payload, opts.ctx);
  sendResult(res, 200, result);
  const changes = isChannel(channel) ? CHANNEL_ACCESS[channel].changes : undefined;
  const window = windowId(req.headers[WINDOW_HEADER]);
  if (result.ok && changes && answerChanged(result.value)) events.publish({ kind: changes, channel, at: new Date().toISOString(), ...(window ? { window } : {}) });
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const events = opts.events ?? new ChangeBus();
  let port = 0;
  const server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, port)) return refuse(res, 'Wrong Host header.');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(res, 'Wrong Origin.');
    const url = new URL(req.url ?? '/', 'http://preview');
    const pathname = url.pathname;
    if (pathname === '/api/events') {
      // An EventSource cannot send headers: the token comes in the query.
      if (req.method !== 'GET') return sendResult(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use GET.' } });
      if (!isValidToken(url.searchParams.get('token') ?? undefined, token)) return refuse(res, 'Missing or wrong token: open the URL the preview printed.');
      return serveEventStream(req, res, events, { headers: SECURITY_HEADERS, window: windowId(url.searchParams.get('window')) });
    }
    // Nothing decoded here: a malformed `%` escape must answer 400, never throw out of the handler.
    const done = pathname.startsWith('/api/') ? serveApi(req, res, pathname.slice(5), opts, token, events) : serveFile(req, res, pathname, opts.rendererDir);
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
    events,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
