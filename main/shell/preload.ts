/**
 * The renderer's one door to the main process: `window.promiseDesk.invoke(channel, payload)`,
 * for the contract's channels only, and `onShellEvent` for what the shell sends unasked (a file
 * to open, a menu command). Bundled by esbuild into one CJS file, because a sandboxed preload can
 * require nothing but electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type PromiseDeskBridge } from '../../shared/contract';
import { SHELL_EVENT_CHANNEL, SHELL_READY_CHANNEL, type ShellBridge } from '../../shared/shell-events';

const bridge: PromiseDeskBridge & ShellBridge = {
  invoke(channel, payload) {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `There is no channel ${String(channel)}.` } });
    return ipcRenderer.invoke(channel, payload);
  },
  onShellEvent(listener) {
    // Only the payload crosses: the event object would hand the page ipcRenderer's sender.
    const relay = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(SHELL_EVENT_CHANNEL, relay);
    ipcRenderer.send(SHELL_READY_CHANNEL);
    return () => void ipcRenderer.removeListener(SHELL_EVENT_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('promiseDesk', bridge);
