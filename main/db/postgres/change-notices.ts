/**
 * Change events between team server instances: each instance NOTIFYs `promise_desk_changes` with
 * a change made through it, and LISTENs for the others' (its own are skipped: it told its windows
 * already). The listening connection reconnects by itself after the database restarts; a window
 * refreshes when its event stream reconnects, so what was missed meanwhile is read again.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const CHANNEL = 'promise_desk_changes';
// NOTIFY payloads are limited to 8000 bytes; ours are a few dozen.
const MAX_PAYLOAD = 7000;

export interface ChangeNotices<E> {
  /** Tells the other instances (best effort: a lost notice only delays a refresh). */
  tell(e: E): void;
  close(): Promise<void>;
}

export interface NoticeOptions<E> {
  /** Parses a notice from another instance; null drops it. */
  parse(payload: unknown): E | null;
  onNotice(e: E): void;
  /** Told when the listening connection breaks and when it is back. */
  onState?(connected: boolean): void;
}

const config = (url: string): pg.ClientConfig => ({ connectionString: url, application_name: 'promise-desk-changes', connectionTimeoutMillis: 10_000 });

export function changeNotices<E>(url: string, opts: NoticeOptions<E>): ChangeNotices<E> {
  const origin = randomUUID();
  let closed = false;
  let listener: pg.Client | null = null;
  let wait = 250;
  const pool = new pg.Pool({ ...config(url), max: 2 });
  pool.on('error', () => undefined);
  pool.on('connect', (c) => c.on('error', () => undefined));

  async function listen(): Promise<void> {
    if (closed) return;
    const c = new pg.Client(config(url));
    let gone = false;
    const retry = () => {
      if (gone) return;
      gone = true;
      if (listener === c) listener = null;
      c.end().catch(() => undefined);
      if (closed) return;
      opts.onState?.(false);
      setTimeout(() => void listen(), wait).unref?.();
      wait = Math.min(5000, wait * 2);
    };
    c.on('error', retry);
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
    } catch {
      return retry();
    }
    if (closed) return void c.end();
    listener = c;
    wait = 250;
    c.on('notification', (n) => {
      try {
        const body = JSON.parse(n.payload ?? '') as { origin?: string; event?: unknown };
        if (body.origin === origin) return;
        const e = opts.parse(body.event);
        if (e) opts.onNotice(e);
      } catch {
        // not one of ours
      }
    });
    c.once('end', () => {
      if (listener === c && !closed) retry();
    });
    opts.onState?.(true);
  }
  void listen();

  return {
    tell(e) {
      const payload = JSON.stringify({ origin, event: e });
      if (payload.length > MAX_PAYLOAD) return;
      pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload]).catch(() => undefined);
    },
    async close() {
      closed = true;
      const c = listener;
      listener = null;
      await c?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
