/**
 * The team server's HTTP(S) side: the built renderer for browsers, the contract as
 * `POST /api/<channel>` through the same dispatch as the desktop app and the preview, and the
 * change events as `GET /api/events`. Every request is served as its session: a signed-in user's
 * token (cookie or bearer) picks their DeskSession; without one only the open channels answer.
 * Until the first admin exists (added by the operator against the database) every other channel
 * is refused. The services enforce each user's role; the server never trusts the page to.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { isChannel, type Channel, type Result } from '../../../shared/contract';
import type { SessionView } from '../../../shared/contract-promises';
import { dispatch } from '../../handlers/dispatch';
import { DeskSession } from '../../session/desk-session';
import { SECURITY_HEADERS } from '../../shell/csp';
import { WINDOW_HEADER } from '../../../shared/http-headers';
import { ChangeBus, serveEventStream, windowId, type ChangeEvent } from '../change-events';
import { decodeChannel, readJsonPayload, refuse, sendResult, serveFile } from '../http-io';
import { answerChanged, CHANNEL_ACCESS } from './channel-access';
import type { ServedDesk } from './served-desk';
import { SessionTable } from './session-table';
import { clearedCookie, requestToken, sessionCookie } from './session-token';
import type { TlsIdentity } from './tls-identity';

export const NO_ADMIN_YET =
  'This team server has no users yet, so it refuses every change: the operator adds the first admin with `npm run cli -- users add NAME --role admin --db postgres://…`.';

export interface TeamServerOptions {
  desk: ServedDesk;
  rendererDir: string;
  /** Without TLS the server listens on loopback only, whatever is asked. */
  host?: string;
  port?: number;
  tls?: TlsIdentity;
  idleMinutes?: number;
  /** Where changes are told: this instance's windows, and (through it) the other instances'. */
  events?: ChangeBus;
  /** Called with every change made through this instance (to tell the other instances). */
  onChange?: (e: ChangeEvent) => void;
}

export interface TeamServer {
  url: string;
  host: string;
  port: number;
  events: ChangeBus;
  sessions: SessionTable;
  close(): Promise<void>;
}

export const LOOPBACK = '127.0.0.1';

const signedOut = (idle: number): SessionView => ({ mode: 'signed_out', user: null, idle_minutes: idle, may: { administer_users: false, edit_operations: false, fulfil: false, approve_for: [] } });

export async function startTeamServer(opts: TeamServerOptions): Promise<TeamServer> {
  const { desk } = opts;
  const secure = !!opts.tls;
  const host = secure ? (opts.host ?? '0.0.0.0') : LOOPBACK;
  const idleMinutes = opts.idleMinutes;
  const sessions = new SessionTable();
  const events = opts.events ?? new ChangeBus();
  const extra: Record<string, string> = secure ? { 'Strict-Transport-Security': 'max-age=31536000' } : {};
  // Users are never deleted: once one exists, the server stays out of single-user mode.
  let usersExist = false;
  const hasUsers = async () => (usersExist ||= !(await desk.people.singleUserMode()));
  // Sign-in attempts are counted per name and source: here the address a request comes from.
  const newSession = (source = 'team') => new DeskSession(desk.people, { source, ...(idleMinutes === undefined ? {} : { idleMinutes }) });

  const answer = (res: ServerResponse, status: number, r: Result<unknown>, headers: Record<string, string | string[]> = {}) => sendResult(res, status, r, { ...extra, ...headers });

  async function serveApi(req: IncomingMessage, res: ServerResponse, rawChannel: string): Promise<void> {
    const channel = decodeChannel(res, rawChannel);
    if (channel === null) return;
    const body = await readJsonPayload(req, res);
    if (!body) return;
    if (!isChannel(channel)) return answer(res, 404, await dispatch(channel, body.payload, desk.contextFor(newSession())));
    const token = requestToken(req.headers);
    const entry = sessions.get(token);
    // One view of the session per request: its user is read from the database once.
    const session = entry ? entry.session.forRequest() : newSession();

    if (channel === 'session:signin') return signIn(res, body.payload, token, `team ${req.socket.remoteAddress ?? ''}`);
    if (channel === 'session:signout') {
      sessions.remove(token);
      return answer(res, 200, { ok: true, value: signedOut(idle()) }, { 'Set-Cookie': clearedCookie(secure) });
    }
    if (channel === 'session:get') {
      const view = entry ? await entry.session.view() : null;
      return answer(res, 200, { ok: true, value: view && view.mode === 'signed_in' ? view : signedOut(idle()) });
    }
    const access = CHANNEL_ACCESS[channel].access;
    if (access !== 'open') {
      if (!(await hasUsers())) return answer(res, 403, { ok: false, error: { code: 'unavailable', message: NO_ADMIN_YET } });
      if (!entry || !(await session.whoever(false))) {
        sessions.remove(token);
        return answer(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'Sign in first: the session ended or was never started.' } });
      }
    }
    const result = await dispatch(channel, body.payload, desk.contextFor(session));
    answer(res, 200, result);
    tell(channel, result, windowId(req.headers[WINDOW_HEADER]));
  }

  function idle(): number {
    return idleMinutes ?? newSession().idleMinutes;
  }

  async function signIn(res: ServerResponse, payload: unknown, oldToken: string | null, source: string): Promise<void> {
    if (!(await hasUsers())) {
      return answer(res, 200, { ok: true, value: { signed_in: false, problem: 'not_needed', message: NO_ADMIN_YET, retry_after_s: null, tries_left: null } });
    }
    const session = newSession(source);
    const result = await dispatch('session:signin', payload, desk.contextFor(session));
    if (!result.ok || !(result.value as { signed_in: boolean }).signed_in) return answer(res, 200, result);
    // A new token at every sign-in: a token known before it (fixation) never gains a user.
    sessions.remove(oldToken);
    const token = sessions.add(session);
    answer(res, 200, result, { 'Set-Cookie': sessionCookie(token, secure) });
  }

  function tell(channel: Channel, result: Result<unknown>, window: string | undefined): void {
    const kind = CHANNEL_ACCESS[channel].changes;
    if (!kind || !result.ok || !answerChanged(result.value)) return;
    const e: ChangeEvent = { kind, channel, at: new Date().toISOString(), ...(window ? { window } : {}) };
    events.publish(e);
    opts.onChange?.(e);
  }

  async function serveEvents(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET') return answer(res, 405, { ok: false, error: { code: 'bad_input', message: 'Use GET.' } });
    const entry = sessions.get(requestToken(req.headers));
    if (!entry || !(await entry.session.whoever(false))) return answer(res, 401, { ok: false, error: { code: 'unauthenticated', message: 'Sign in first.' } });
    let end = () => {};
    res.on('close', () => entry.streams.delete(end));
    end = () => res.end();
    entry.streams.add(end);
    const window = windowId(req.headers[WINDOW_HEADER]) ?? windowId(new URL(req.url ?? '/', 'http://team').searchParams.get('window'));
    serveEventStream(req, res, events, { headers: { ...SECURITY_HEADERS, ...extra }, window, stillAllowed: async () => !!(await entry.session.whoever(false)) });
  }

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    // A page of another site may not drive this one (a sent Origin must be this server's own).
    const origin = req.headers.origin;
    if (origin !== undefined && origin.toLowerCase() !== `${secure ? 'https' : 'http'}://${(req.headers.host ?? '').toLowerCase()}`) return refuse(res, 'Wrong Origin.');
    const pathname = new URL(req.url ?? '/', 'http://team').pathname;
    const done = pathname === '/api/events' ? serveEvents(req, res) : pathname.startsWith('/api/') ? serveApi(req, res, pathname.slice(5)) : serveFile(req, res, pathname, opts.rendererDir, extra);
    done.catch((e: unknown) => {
      console.error(e);
      if (!res.headersSent) answer(res, 500, { ok: false, error: { code: 'internal', message: 'The team server failed; see its log.' } });
      else res.end();
    });
  };

  const server: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key, minVersion: 'TLSv1.2' }, handle) : createHttpServer(handle);
  // Long enough for a slow import; short enough that a stuck client does not hold a socket for ever.
  server.requestTimeout = 300_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return {
    url: `${secure ? 'https' : 'http'}://${shownHost}:${port}/`,
    host,
    port,
    events,
    sessions,
    close: () =>
      new Promise<void>((resolve) => {
        sessions.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
