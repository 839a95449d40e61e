/**
 * Follows a team server's change events (`GET /api/events`, server-sent events) from Node, and
 * reconnects by itself: after a break it waits (1 s, doubling to 10 s), connects again and says
 * so, so that the window can refresh what it shows (a change may have been missed meanwhile).
 */
import type { ChangeEvent } from '../web/change-events';
import type { TeamClient } from './team-client';

export type StreamState = 'connected' | 'reconnecting' | 'signed_out';

export interface FollowOptions {
  onEvent(e: ChangeEvent): void;
  /** Connected (again: refresh everything), broken, or refused because the session ended. */
  onState?(s: StreamState): void;
}

/** Parses `event:`/`data:` blocks out of a text stream; calls `emit` per complete event. */
export function sseParser(emit: (event: string, data: string) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) emit(event, data.join('\n'));
    }
  };
}

/** Starts following; the function it returns stops. */
export function followChanges(client: TeamClient, opts: FollowOptions): () => void {
  let stopped = false;
  let wait = 1000;
  let current: { destroy(): void } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const again = () => {
    if (stopped) return;
    opts.onState?.('reconnecting');
    timer = setTimeout(connect, wait);
    wait = Math.min(10_000, wait * 2);
  };

  async function connect(): Promise<void> {
    if (stopped) return;
    try {
      // No timeout on an open stream: the server's heartbeat keeps it busy.
      const res = await client.transport.open('GET', '/api/events', { Accept: 'text/event-stream', ...client.headers() }, undefined, 2 ** 31 - 1);
      // Stopped while connecting: the stream is not wanted any more.
      if (stopped) return void res.destroy();
      if (res.statusCode === 401) {
        res.resume();
        opts.onState?.('signed_out');
        return;
      }
      if (res.statusCode !== 200) {
        res.resume();
        return again();
      }
      current = res;
      wait = 1000;
      opts.onState?.('connected');
      const feed = sseParser((event, data) => {
        if (event !== 'change') return;
        try {
          opts.onEvent(JSON.parse(data) as ChangeEvent);
        } catch {
          // not an event of ours: ignored
        }
      });
      res.setEncoding('utf8');
      res.on('data', feed);
      res.on('close', () => {
        current = null;
        again();
      });
      res.on('error', () => undefined);
    } catch {
      again();
    }
  }

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    current?.destroy();
  };
}
