/**
 * The renderer's one door to the main process: `window.promiseDesk.invoke(channel, payload)`,
 * for the contract's channels only, `onShellEvent` for what the shell sends unasked (a file to
 * open, a menu command) and `onChange` (someone changed data on the team server). Bundled by
 * esbuild into one CJS file, because a sandboxed preload can require nothing but electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type PromiseDeskBridge } from '../../shared/contract';
import { CHANGED_CHANNEL, SHELL_EVENT_CHANNEL, SHELL_READY_CHANNEL, type ShellBridge } from '../../shared/shell-events';

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
  onChange(f) {
    // Team mode: the main process passes on the server's change events, without any payload.
    const relay = () => f();
    ipcRenderer.on(CHANGED_CHANNEL, relay);
    return () => void ipcRenderer.removeListener(CHANGED_CHANNEL, relay);
  },
};

contextBridge.exposeInMainWorld('promiseDesk', bridge);
