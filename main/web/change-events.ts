/**
 * "Something changed": one event per successful change (a confirm, an approval, a table edit, an
 * import, a user), told to every open window as server-sent events on `GET /api/events`. The
 * preview and the team server use this same stream, so the renderer has one way to hear of
 * changes; a team server also relays the events of its sibling instances (through PostgreSQL).
 * An event names only what kind of data changed, never the data: each window reads it again
 * through its own session, with its own role.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeKind } from './team/channel-access';

export interface ChangeEvent {
  kind: ChangeKind;
  /** The channel that made the change (`promises:confirm`…). */
  channel: string;
  /** ISO time it was made. */
  at: string;
  /** The window that made it (`x-promise-desk-window`): not told back to that window, which refreshed itself. */
  window?: string;
}

const WINDOW_RE = /^[A-Za-z0-9_-]{8,64}$/;

/** A window's id as sent (a header on calls, `?window=` on the event stream), or undefined. */
export function windowId(value: string | string[] | null | undefined): string | undefined {
  return typeof value === 'string' && WINDOW_RE.test(value) ? value : undefined;
}

export type Listener = (e: ChangeEvent) => void;

export class ChangeBus {
  private readonly listeners = new Set<Listener>();

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  publish(e: ChangeEvent): void {
    for (const fn of [...this.listeners]) {
      try {
        fn(e);
      } catch (err) {
        console.error(err);
      }
    }
  }

  get size(): number {
    return this.listeners.size;
  }
}

export interface StreamOptions {
  headers: Readonly<Record<string, string>>;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs?: number;
  /** Asked at every heartbeat: false ends the stream (the session ended). */
  stillAllowed?: () => Promise<boolean>;
  /** The window this stream serves: its own changes are not sent back to it. */
  window?: string | undefined;
}

/** Serves one event stream until the client goes or `stillAllowed` says no. */
export function serveEventStream(req: IncomingMessage, res: ServerResponse, bus: ChangeBus, opts: StreamOptions): void {
  res.writeHead(200, { ...opts.headers, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  // The browser reconnects by itself after this many milliseconds when the stream breaks.
  res.write('retry: 1000\n: connected\n\n');
  const unsubscribe = bus.subscribe((e) => {
    if (opts.window && e.window === opts.window) return;
    res.write(`event: change\ndata: ${JSON.stringify({ kind: e.kind, channel: e.channel, at: e.at })}\n\n`);
  });
  const timer = setInterval(() => {
    void (async () => {
      if (opts.stillAllowed && !(await opts.stillAllowed().catch(() => false))) return end();
      res.write(': still here\n\n');
    })();
  }, opts.heartbeatMs ?? 15_000);
  timer.unref?.();
  const end = () => {
    clearInterval(timer);
    unsubscribe();
    if (!res.writableEnded) res.end();
  };
  // The response's close: the client went (a request's own 'close' may come as soon as it is read).
  res.on('close', end);
  res.on('error', end);
  req.resume();
}
