/**
 * The renderer's typed client for the contract. In the desktop app it is the preload's
 * `window.promiseDesk`; in the browser preview it posts to the preview server with the per-run
 * token from the page's URL. Either way a call answers a Result and never throws.
 */
import type { Channel, ChannelResult, Input, PromiseDeskBridge } from '../shared/contract';
import { TOKEN_HEADER, WINDOW_HEADER } from '../shared/http-headers';

declare global {
  interface Window {
    promiseDesk?: PromiseDeskBridge;
  }
}

export interface Api {
  call<C extends Channel>(channel: C, payload?: Input<C>): Promise<ChannelResult<C>>;
  /**
   * Hears of changes made by anyone (this window included): server-sent events in the browser,
   * the main process's notices in the desktop app. Reconnects by itself; `onChange` is also
   * called after a reconnect (something may have changed meanwhile). Returns a stop function.
   */
  changes?(onChange: () => void): () => void;
}

/** This page load as one window: the server does not tell it of its own changes. */
const WINDOW_ID = typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `w${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
const TOKEN_KEY = 'promise-desk-token';

/** Takes the token from `?token=` once (then removes it from the address bar) and keeps it for reloads. */
export function previewToken(win: Window = window): string {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    win.sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    win.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return win.sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** The server's change events (`/api/events`); the preview wants its token in the query. */
export function eventSourceChanges(token: string, make: (url: string) => EventSource = (u) => new EventSource(u)) {
  return (onChange: () => void): (() => void) => {
    let es: EventSource | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let opened = false;
    const open = () => {
      es = make(`/api/events?window=${WINDOW_ID}${token ? `&token=${encodeURIComponent(token)}` : ''}`);
      es.addEventListener('change', () => onChange());
      es.onopen = () => {
        if (opened) onChange();
        opened = true;
      };
      // The browser retries a broken stream by itself, but not one refused (signed out, server
      // restarted without us): then try again a little later.
      es.onerror = () => {
        if (es?.readyState !== 2) return;
        es = null;
        timer = setTimeout(open, 3000);
      };
    };
    open();
    return () => {
      if (timer) clearTimeout(timer);
      es?.close();
    };
  };
}

export function httpApi(token: string, fetchFn: typeof fetch = (...a) => fetch(...a)): Api {
  return {
    ...(typeof EventSource === 'function' ? { changes: eventSourceChanges(token) } : {}),
    async call(channel, payload) {
      try {
        const res = await fetchFn(`/api/${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token, [WINDOW_HEADER]: WINDOW_ID },
          body: payload === undefined ? '' : JSON.stringify(payload),
        });
        return (await res.json()) as ChannelResult<typeof channel>;
      } catch {
        return { ok: false, error: { code: 'unavailable', message: 'The Promise Desk preview server is not answering.' } };
      }
    },
  };
}

export function createApi(win: Window = window): Api {
  const bridge = win.promiseDesk;
  if (bridge) return { call: (channel, payload) => bridge.invoke(channel, payload), ...(bridge.onChange ? { changes: (f: () => void) => bridge.onChange!(f) } : {}) };
  return httpApi(previewToken(win));
}
