/**
 * The signed-in sessions of one team server instance: token → the user's DeskSession (which
 * holds their opened private key, in this process's memory only). Keyed by a hash of the token.
 * A session ends on sign-out, after its idle time (DeskSession's rule), or when the user is
 * disabled or their key replaced; ended sessions are swept every minute. A cap keeps a flood of
 * sign-ins from filling memory.
 */
import type { DeskSession } from '../../session/desk-session';
import { newToken, tokenKey } from './session-token';

export interface SessionEntry {
  session: DeskSession;
  /** Event streams open on this session, ended with it. */
  streams: Set<() => void>;
}

export class SessionTable {
  private readonly entries = new Map<string, SessionEntry>();
  private readonly sweeper: ReturnType<typeof setInterval>;

  constructor(private readonly maxSessions = 10_000) {
    this.sweeper = setInterval(() => void this.sweep(), 60_000);
    this.sweeper.unref?.();
  }

  get(token: string | null): SessionEntry | null {
    return token ? (this.entries.get(tokenKey(token)) ?? null) : null;
  }

  /** Keeps a session that just signed in; its new token. */
  add(session: DeskSession): string {
    if (this.entries.size >= this.maxSessions) throw new Error('too many sessions on this server instance');
    const token = newToken();
    this.entries.set(tokenKey(token), { session, streams: new Set() });
    return token;
  }

  remove(token: string | null): void {
    if (!token) return;
    const key = tokenKey(token);
    const e = this.entries.get(key);
    if (!e) return;
    this.entries.delete(key);
    e.session.signOut();
    for (const end of e.streams) end();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Drops the sessions that ended by themselves (idle, disabled, key replaced). */
  async sweep(): Promise<void> {
    for (const [key, e] of [...this.entries]) {
      if (await e.session.whoever(false).catch(() => null)) continue;
      this.entries.delete(key);
      e.session.signOut();
      for (const end of e.streams) end();
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    for (const e of this.entries.values()) {
      e.session.signOut();
      for (const end of e.streams) end();
    }
    this.entries.clear();
  }
}
