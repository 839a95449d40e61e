/**
 * Follows other processes' changes of holds: LISTEN on the hold log's channel (every hold_log row
 * notifies its version at commit), with a poll of the version row as the fallback. A notification
 * is not delivered while disconnected, so after every (re)connect subscribers are told the current
 * version and catch up from the log; the connection comes back by itself. On the same connection
 * it may also hear of changes to users' rows (`users`), for the rows a server keeps.
 *
 *   const follower = await HoldFollower.start(url);
 *   follower.subscribe((version) => checks.model(today));   // catch up the model
 */
import type pg from 'pg';
import { createClient, type ErrorSink } from './connection';

export const HOLDS_CHANNEL = 'promise_desk_holds';
/** Every change of a user's row names it here (migration 0005). */
export const USERS_CHANNEL = 'promise_desk_users';

/** Told of changes to users' rows on the same connection (see UserRows). */
export interface UserNotices {
  changed(name: string): void;
  /** Whether notices are heard: false while the connection is down (they would be missed). */
  listening(on: boolean): void;
}

export interface FollowerOptions {
  /** Poll the version this often even while listening (catches anything missed). */
  pollMs?: number;
  onError?: ErrorSink;
  users?: UserNotices;
}

export class HoldFollower {
  private client: pg.Client | null = null;
  private listeners = new Set<(version: number) => void>();
  private stopped = false;
  private version = -1;
  private poller: NodeJS.Timeout | null = null;
  private reconnectDelay = 100;
  private polling = false;

  private constructor(
    readonly url: string,
    private readonly opts: FollowerOptions,
  ) {}

  static async start(url: string, opts: FollowerOptions = {}): Promise<HoldFollower> {
    const f = new HoldFollower(url, opts);
    await f.connect();
    f.poller = setInterval(() => void f.poll(), opts.pollMs ?? 1000);
    f.poller.unref();
    return f;
  }

  /** The last holds version seen (-1 before the first). */
  get current(): number {
    return this.version;
  }

  /** Called with each new holds version (after a reconnect, with the current one). */
  subscribe(fn: (version: number) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  private emit(version: number, always = false): void {
    if (!always && version <= this.version) return;
    this.version = Math.max(this.version, version);
    for (const fn of this.listeners) {
      try {
        fn(version);
      } catch (e) {
        this.opts.onError?.(e as Error);
      }
    }
  }

  private async connect(): Promise<void> {
    const client = createClient(this.url, { applicationName: 'promise-desk-follow' }, (e) => {
      this.opts.onError?.(e);
      this.lost(client);
    });
    client.on('end', () => this.lost(client));
    client.on('notification', (n) => {
      if (n.channel === HOLDS_CHANNEL && n.payload) this.emit(Number(n.payload));
      else if (n.channel === USERS_CHANNEL && n.payload) this.opts.users?.changed(n.payload);
    });
    await client.connect();
    await client.query(`LISTEN ${HOLDS_CHANNEL}`);
    if (this.opts.users) {
      await client.query(`LISTEN ${USERS_CHANNEL}`);
      this.opts.users.listening(true);
    }
    this.client = client;
    this.reconnectDelay = 100;
    // Anything committed while we were not listening: subscribers catch up from the log.
    const v = await this.readVersion(client);
    this.emit(v, true);
  }

  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.opts.users?.listening(false);
    client.end().catch(() => {});
    if (!this.stopped) void this.reconnect();
  }

  private async reconnect(): Promise<void> {
    while (!this.stopped && !this.client) {
      await new Promise((r) => setTimeout(r, this.reconnectDelay));
      this.reconnectDelay = Math.min(this.reconnectDelay * 2, 5000);
      try {
        await this.connect();
      } catch (e) {
        this.opts.onError?.(e as Error);
      }
    }
  }

  private async readVersion(c: pg.Client): Promise<number> {
    return (await c.query<{ version: number }>('SELECT version FROM hold_version WHERE id = 1')).rows[0]!.version;
  }

  /** The fallback: a missed notification is noticed within one poll. */
  private async poll(): Promise<void> {
    if (this.polling || this.stopped || !this.client) return;
    this.polling = true;
    try {
      this.emit(await this.readVersion(this.client));
    } catch (e) {
      this.opts.onError?.(e as Error);
    } finally {
      this.polling = false;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.opts.users?.listening(false);
    if (this.poller) clearInterval(this.poller);
    const c = this.client;
    this.client = null;
    await c?.end().catch(() => {});
  }
}
