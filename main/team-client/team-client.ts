/**
 * A team server's contract, called from Node (the desktop app's main process and the command
 * line): the same channels and Results as in-process dispatch, each answer parsed with the
 * contract's schema before it is believed. Signing in keeps the session token (taken from the
 * server's cookie) and sends it as a bearer token. An unreachable server is an `unavailable`
 * Result saying so, never a throw: the caller keeps what the user typed and may try again.
 */
import { randomUUID } from 'node:crypto';
import { isChannel, resultSchema, type Channel, type ChannelResult, type Input } from '../../shared/contract';
import type { SignInAnswer } from '../../shared/contract-promises';
import { WINDOW_HEADER } from '../../shared/http-headers';
import { tokenFromSetCookie } from '../web/team/session-token';
import { FingerprintMismatch, transport, type ServerAddress, type Transport } from './transport';

export interface TeamClientOptions {
  timeoutMs?: number;
  /** A token from an earlier sign-in (kept by the caller). */
  token?: string | null;
}

export class TeamClient {
  private readonly http: Transport;
  token: string | null;
  private readonly timeoutMs: number;

  constructor(
    readonly address: ServerAddress,
    opts: TeamClientOptions = {},
  ) {
    this.http = transport(address);
    this.token = opts.token ?? null;
    this.timeoutMs = opts.timeoutMs ?? 60_000;
  }

  get origin(): string {
    return this.http.base.origin;
  }

  /** This client as one window: its own changes are not told back to its event stream. */
  readonly windowId = randomUUID();

  headers(): Record<string, string> {
    return { [WINDOW_HEADER]: this.windowId, ...(this.token ? { Authorization: `Bearer ${this.token}` } : {}) };
  }

  /** The transport, for the event stream (same server, same pin). */
  get transport(): Transport {
    return this.http;
  }

  unreachable(e: unknown): { ok: false; error: { code: 'unavailable'; message: string } } {
    const why = e instanceof FingerprintMismatch ? e.message : `The team server at ${this.origin} cannot be reached (${(e as Error).message}).`;
    return { ok: false, error: { code: 'unavailable', message: `${why} Nothing was changed; try again once it answers.` } };
  }

  async call<C extends Channel>(channel: C, payload?: Input<C>): Promise<ChannelResult<C>> {
    if (!isChannel(channel)) return { ok: false, error: { code: 'unknown_channel', message: `There is no channel ${JSON.stringify(channel)}.` } };
    let answer;
    try {
      answer = await this.http.request('POST', `/api/${channel}`, { 'Content-Type': 'application/json', ...this.headers() }, payload === undefined ? '' : JSON.stringify(payload), this.timeoutMs);
    } catch (e) {
      return this.unreachable(e);
    }
    if (channel === 'session:signin') this.token = tokenFromSetCookie(answer.headers['set-cookie']) ?? this.token;
    if (channel === 'session:signout') this.token = null;
    let json: unknown;
    try {
      json = JSON.parse(answer.body);
    } catch {
      return { ok: false, error: { code: 'unavailable', message: `The team server at ${this.origin} answered something that is not Promise Desk (HTTP ${answer.status}).` } };
    }
    const parsed = resultSchema(channel).safeParse(json);
    if (!parsed.success) return { ok: false, error: { code: 'internal', message: `The team server's answer on ${channel} does not match this version's contract: is it another version?` } };
    return parsed.data as ChannelResult<C>;
  }

  /** Signs in; the answer as the contract has it (a token is kept when it succeeded). */
  async signIn(name: string, passphrase: string): Promise<ChannelResult<'session:signin'> & { value?: SignInAnswer }> {
    return this.call('session:signin', { name, passphrase });
  }

  close(): void {
    this.http.close();
  }
}
