/**
 * The electron shell with electron mocked: window preferences, CSP on responses, denial of
 * navigation, new windows and permissions, the IPC sender check, the preload's one API, app://.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/contract';
import { fakeContext } from '../fakes/fake-context';

const m = vi.hoisted(() => {
  type Fn = (...a: unknown[]) => unknown;
  const state = {
    windows: [] as { options: unknown; url?: string; events: Record<string, Fn> }[],
    handles: new Map<string, Fn>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as unknown[][],
    protocolHandlers: new Map<string, Fn>(),
    privileged: [] as unknown[],
    appEvents: new Map<string, Fn>(),
    listeners: new Map<string, Fn>(),
    rendererListeners: new Map<string, Fn>(),
    sent: [] as string[],
    menu: null as unknown,
    lock: true,
    exitCode: null as number | null,
    locksAsked: 0,
    quit: 0,
    ready: null as null | (() => void),
  };
  class BrowserWindow {
    entry: (typeof state.windows)[number];
    constructor(options: unknown) {
      this.entry = { options, events: {} };
      state.windows.push(this.entry);
    }
    once(event: string, fn: Fn) {
      this.entry.events[event] = fn;
    }
    on(event: string, fn: Fn) {
      this.entry.events[event] = fn;
    }
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
    show() {}
  }
  const electron = {
    BrowserWindow,
    ipcMain: { handle: (c: string, fn: Fn) => state.handles.set(c, fn), removeHandler: () => undefined, on: (c: string, fn: Fn) => state.listeners.set(c, fn) },
    contextBridge: { exposeInMainWorld: (k: string, v: unknown) => state.exposed.set(k, v) },
    ipcRenderer: {
      invoke: (...a: unknown[]) => (state.invoked.push(a), Promise.resolve({ ok: true, value: 'relayed' })),
      on: (c: string, fn: Fn) => state.rendererListeners.set(c, fn),
      removeListener: (c: string) => state.rendererListeners.delete(c),
      send: (c: string) => state.sent.push(c),
    },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (menu: unknown) => (state.menu = menu) },
    screen: { getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getAllDisplays: () => [] },
    dialog: { showErrorBox: () => undefined, showMessageBox: () => Promise.resolve({ response: 0 }) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.privileged.push(...s),
      handle: (scheme: string, fn: Fn) => state.protocolHandlers.set(scheme, fn),
    },
    session: { defaultSession: {} },
    app: {
      requestSingleInstanceLock: () => (state.locksAsked++, state.lock),
      quit: () => void state.quit++,
      on: (e: string, fn: Fn) => state.appEvents.set(e, fn),
      whenReady: () => new Promise<void>((r) => (state.ready = r)),
      getVersion: () => '9.9.9',
      exit: (code: number) => void (state.exitCode = code),
      getName: () => 'Promise Desk',
      getPath: () => tmpdir(),
      isPackaged: true,
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...m.electron, default: m.electron }));
// Not logs and updates in these tests (electron-updater loads the real electron module, which downloads its binary).
vi.mock('electron-log/node', () => {
  const noop = () => undefined;
  const log = { transports: { file: {} }, hooks: [], functions: {}, errorHandler: { startCatching: noop }, info: noop, warn: noop, error: noop };
  return { default: log };
});
vi.mock('electron-updater', () => ({ default: { autoUpdater: { on: () => undefined, checkForUpdates: () => Promise.resolve(null) } } }));

beforeEach(() => {
  m.state.windows.length = 0;
  m.state.handles.clear();
  m.state.exposed.clear();
  m.state.invoked.length = 0;
});

describe('window', () => {
  it('isolates and sandboxes the renderer, and loads app:// only', async () => {
    const { createMainWindow } = await import('../../main/shell/window');
    createMainWindow('/p/preload.cjs');
    expect(m.state.windows).toHaveLength(1);
    const prefs = (m.state.windows[0]!.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      preload: '/p/preload.cjs',
      disableBlinkFeatures: 'Auxclick',
    });
    expect(m.state.windows[0]!.url).toBe('app://promise-desk/index.html');
  });
});

describe('security', () => {
  function fakeSession() {
    const s = {
      headers: null as null | ((d: unknown, cb: (r: unknown) => void) => void),
      request: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void) => void),
      check: null as null | ((wc: unknown, p: string) => boolean),
      webRequest: { onHeadersReceived: (fn: never) => (s.headers = fn) },
      setPermissionRequestHandler: (fn: never) => (s.request = fn),
      setPermissionCheckHandler: (fn: never) => (s.check = fn),
    };
    return s;
  }

  it('adds the CSP to every response and refuses every permission', async () => {
    const { applySessionSecurity } = await import('../../main/shell/security');
    const { CSP } = await import('../../main/shell/csp');
    const s = fakeSession();
    applySessionSecurity(s as never);
    let out: { responseHeaders: Record<string, string[]> } | null = null;
    s.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (r) => (out = r as never));
    expect(out!.responseHeaders['Content-Security-Policy']).toEqual([CSP]);
    expect(out!.responseHeaders['Content-Type']).toEqual(['text/html']);
    for (const p of ['media', 'notifications', 'geolocation', 'clipboard-read']) {
      const cb = vi.fn();
      s.request!({}, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(s.check!({}, p)).toBe(false);
    }
  });

  it('denies navigation, redirects, new windows and webviews', async () => {
    const { hardenContents } = await import('../../main/shell/security');
    const events = new Map<string, (e: { preventDefault(): void }, url?: string) => void>();
    let openHandler: ((d: { url: string }) => { action: string }) | null = null;
    hardenContents({ on: (e: string, fn: never) => events.set(e, fn), setWindowOpenHandler: (fn: never) => (openHandler = fn) } as never);
    for (const [event, url] of [
      ['will-navigate', 'https://evil.example/'],
      ['will-navigate', 'app://promise-desk/index.html'],
      ['will-redirect', 'https://evil.example/'],
      ['will-attach-webview', undefined],
    ] as const) {
      const e = { preventDefault: vi.fn() };
      events.get(event)!(e, url);
      expect(e.preventDefault, `${event} ${url}`).toHaveBeenCalled();
    }
    expect(openHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'app://promise-desk/index.html' })).toEqual({ action: 'deny' });
  });
});

describe('ipc', () => {
  it('registers one handler per contract channel, each checking the sender and the payload', async () => {
    const { registerIpc } = await import('../../main/shell/ipc');
    registerIpc(fakeContext());
    expect([...m.state.handles.keys()].sort()).toEqual([...CHANNELS].sort());
    const call = (channel: string, url: string | null, payload: unknown) => m.state.handles.get(channel)!({ senderFrame: url === null ? null : { url } }, payload);

    await expect(call('app:info', 'app://promise-desk/index.html', undefined)).resolves.toMatchObject({ ok: true, value: { name: 'Promise Desk' } });
    for (const url of ['https://evil.example/', 'file:///index.html', 'app://other/index.html', null]) {
      await expect(call('app:info', url, undefined)).resolves.toEqual({ ok: false, error: { code: 'forbidden', message: expect.any(String) } });
    }
    await expect(call('check:run', 'app://promise-desk/index.html', { request: {}, extra: 1 })).resolves.toMatchObject({ ok: false, error: { code: 'bad_input' } });
  });
});

describe('preload', () => {
  it('exposes one narrow invoke for contract channels only', async () => {
    await import('../../main/shell/preload');
    expect([...m.state.exposed.keys()]).toEqual(['promiseDesk']);
    const bridge = m.state.exposed.get('promiseDesk') as Record<string, (...a: unknown[]) => Promise<unknown>>;
    expect(Object.keys(bridge)).toEqual(['invoke', 'onShellEvent', 'onChange']);
    await expect(bridge.invoke!('check:run', { request: {} })).resolves.toEqual({ ok: true, value: 'relayed' });
    expect(m.state.invoked).toEqual([['check:run', { request: {} }]]);
    await expect(bridge.invoke!('db:exec', 'DROP TABLE x')).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    await expect(bridge.invoke!('__proto__')).resolves.toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
    expect(m.state.invoked).toHaveLength(1);
  });

  it('relays shell events to the page without electron\'s event object, and says when the page listens', async () => {
    vi.resetModules();
    await import('../../main/shell/preload');
    const bridge = m.state.exposed.get('promiseDesk') as { onShellEvent(l: (e: unknown) => void): () => void };
    const got: unknown[] = [];
    const off = bridge.onShellEvent((e) => got.push(e));
    expect(m.state.sent).toEqual(['shell:ready']);
    m.state.rendererListeners.get('shell:event')!({ sender: 'ipcRenderer' }, { type: 'command', command: 'show-guide' });
    expect(got).toEqual([{ type: 'command', command: 'show-guide' }]);
    off();
    expect(m.state.rendererListeners.has('shell:event')).toBe(false);
  });

  it('tells the page that data changed elsewhere (team mode), passing nothing of the message on', async () => {
    vi.resetModules();
    await import('../../main/shell/preload');
    const bridge = m.state.exposed.get('promiseDesk') as { onChange(l: (...a: unknown[]) => void): () => void };
    const got: unknown[][] = [];
    const off = bridge.onChange((...a) => got.push(a));
    m.state.rendererListeners.get('shell:changed')!({ sender: 'ipcRenderer' }, { anything: 1 });
    expect(got).toEqual([[]]);
    off();
    expect(m.state.rendererListeners.has('shell:changed')).toBe(false);
  });
});

describe('app:// protocol', () => {
  it('is a privileged standard secure scheme that serves only the renderer folder, with the CSP', async () => {
    const { registerAppScheme, serveRenderer } = await import('../../main/shell/app-protocol');
    registerAppScheme();
    expect(m.state.privileged).toContainEqual({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
    expect(JSON.stringify(m.state.privileged)).not.toMatch(/bypassCSP|corsEnabled|allowServiceWorkers/);

    const root = mkdtempSync(join(tmpdir(), 'pd-renderer-'));
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>x</title>');
    writeFileSync(join(root, 'assets', 'a.js'), 'console.log(1)');
    serveRenderer(root);
    const handler = m.state.protocolHandlers.get('app')!;
    const get = (url: string) => handler({ url, method: 'GET' }) as Promise<Response>;

    const index = await get('app://promise-desk/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(index.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await index.text()).toContain('<title>x</title>');
    expect((await get('app://promise-desk/assets/a.js')).headers.get('content-type')).toMatch(/javascript/);
    for (const url of ['app://promise-desk/missing.js', 'app://promise-desk/..%2f..%2fetc/passwd', 'app://other/index.html']) {
      expect((await get(url)).status, url).toBe(404);
    }
  });
});

describe('app entry', () => {
  it('with --cli runs the command line and exits with its code: no lock, no window', async () => {
    vi.resetModules();
    const argv = process.argv;
    process.argv = ['/opt/Promise Desk/promise-desk', '--cli', '--version'];
    let printed = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((s, cb?: unknown) => {
      printed += String(s);
      if (typeof cb === 'function') (cb as () => void)();
      return true;
    });
    m.state.locksAsked = 0;
    try {
      await import('../../main/shell/app');
      await vi.waitFor(() => expect(m.state.exitCode).toBe(0));
    } finally {
      process.argv = argv;
      write.mockRestore();
    }
    expect(printed).toMatch(/^promise-desk \d+\.\d+\.\d+\n/);
    expect(m.state.locksAsked).toBe(0);
    expect(m.state.windows).toHaveLength(0);
  });

  it('quits when another instance holds the lock', async () => {
    vi.resetModules();
    m.state.lock = false;
    m.state.quit = 0;
    await import('../../main/shell/app');
    expect(m.state.quit).toBe(1);
    m.state.lock = true;
  });

  it('applies the security rules and registers IPC before the window opens', async () => {
    vi.resetModules();
    const order: string[] = [];
    // The desk opens after the security rules; its services are not called before the window.
    vi.doMock('../../main/desk/open-desk', () => ({
      openDesk: async (path: string) => (order.push(`desk ${path}`), { checks: {}, people: {}, promises: {}, ops: {}, store: {}, where: path, close: async () => undefined }),
    }));
    const session = {
      webRequest: { onHeadersReceived: () => order.push('csp') },
      setPermissionRequestHandler: () => order.push('permissions'),
      setPermissionCheckHandler: () => undefined,
    };
    (m.electron.session as { defaultSession: unknown }).defaultSession = session;
    // A path of this run's own: a fixed /tmp path is shared by every checkout on the machine.
    const dbPath = join(mkdtempSync(join(tmpdir(), 'pd-shell-')), 'desk.db');
    process.env.PROMISE_DB = dbPath;
    await import('../../main/shell/app');
    expect(m.state.appEvents.has('web-contents-created')).toBe(true);
    expect(m.state.appEvents.has('second-instance')).toBe(true);
    expect(m.state.appEvents.has('open-file')).toBe(true);
    m.state.ready!();
    await vi.waitFor(() => expect(m.state.windows).toHaveLength(1));
    expect(order).toEqual(['csp', 'permissions', `desk ${dbPath}`]);
    expect(m.state.handles.size).toBe(CHANNELS.length);
    expect((m.state.windows[0]!.options as { webPreferences: { preload: string } }).webPreferences.preload).toMatch(/preload\.cjs$/);
    // The packaged menu (no developer tools), once the window is there.
    expect((m.state.menu as { label: string }[]).map((x) => x.label)).toContain('&File');
    expect(JSON.stringify(m.state.menu)).not.toMatch(/toggleDevTools/);
    delete process.env.PROMISE_DB;
  });
});
