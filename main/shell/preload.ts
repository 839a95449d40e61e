/**
 * The renderer's one door to the main process: `window.promiseDesk.invoke(channel, payload)`,
 * for the contract's channels only. Bundled by esbuild into one CJS file, because a sandboxed
 * preload can require nothing but electron.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { isChannel, type PromiseDeskBridge } from '../../shared/contract';

const bridge: PromiseDeskBridge = {
  invoke(channel, payload) {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'unknown_channel', message: `There is no channel ${String(channel)}.` } });
    return ipcRenderer.invoke(channel, payload);
  },
  onChange(f) {
    // Only the notice crosses, never data: the window reads what it shows again.
    const listener = () => f();
    ipcRenderer.on('promise-desk:changed', listener);
    return () => void ipcRenderer.removeListener('promise-desk:changed', listener);
  },
};

contextBridge.exposeInMainWorld('promiseDesk', bridge);
