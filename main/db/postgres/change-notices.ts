/**
 * Change events between team server instances: each instance NOTIFYs `promise_desk_changes` with
 * a change made through it, and LISTENs for the others' (its own are skipped: it told its windows
 * already). The listening connection reconnects by itself after the database restarts; a window
 * refreshes when its event stream reconnects, so what was missed meanwhile is read again.
 *
 * Notices are gathered for a few milliseconds and sent together, in order: under a burst of
 * confirms an instance sends one NOTIFY per moment, not one statement per confirm (each costs
 * the database and this process a round trip), and a window refreshes once for them anyway.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export const CHANNEL = 'promise_desk_changes';
// NOTIFY payloads are limited to 8000 bytes; one event is a few dozen.
const MAX_PAYLOAD = 7000;
/** How long notices are gathered before they are sent: well inside the second a window has. */
export const GATHER_MS = 20;

/**
 * The payloads that carry `events` from `origin`, in order, each under `max` characters; an
 * event too big for any payload is dropped (a lost notice only delays a refresh).
 */
export function noticePayloads(origin: string, events: readonly unknown[], max = MAX_PAYLOAD): string[] {
  const out: string[] = [];
  const head = `{"origin":${JSON.stringify(origin)},"events":[`;
  let body: string[] = [];
  let size = head.length + 2;
  for (const e of events) {
    const text = JSON.stringify(e);
    if (head.length + 2 + text.length > max) continue;
    if (size + text.length + (body.length ? 1 : 0) > max) {
      out.push(`${head}${body.join(',')}]}`);
      body = [];
      size = head.length + 2;
    }
    size += text.length + (body.length ? 1 : 0);
    body.push(text);
  }
  if (body.length) out.push(`${head}${body.join(',')}]}`);
  return out;
}

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
      let body: { origin?: string; events?: unknown };
      try {
        body = JSON.parse(n.payload ?? '') as typeof body;
      } catch {
        return; // not one of ours
      }
      if (body.origin === origin || !Array.isArray(body.events)) return;
      for (const raw of body.events) {
        const e = opts.parse(raw);
        if (e) opts.onNotice(e);
      }
    });
    c.once('end', () => {
      if (listener === c && !closed) retry();
    });
    opts.onState?.(true);
  }
  void listen();

  let gathered: E[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  // Sends wait for the ones before: the other instances see the events in the order they happened.
  let sending: Promise<unknown> = Promise.resolve();
  const send = () => {
    timer = null;
    const events = gathered;
    gathered = [];
    for (const payload of noticePayloads(origin, events)) {
      sending = sending.then(() => pool.query('SELECT pg_notify($1, $2)', [CHANNEL, payload])).catch(() => undefined);
    }
  };

  return {
    tell(e) {
      if (closed) return;
      gathered.push(e);
      timer ??= setTimeout(send, GATHER_MS);
    },
    async close() {
      if (timer) {
        clearTimeout(timer);
        send();
      }
      await sending;
      closed = true;
      const c = listener;
      listener = null;
      await c?.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
