/**
 * Stand-in for the `electron` module in tests: the real one downloads its binary on first load,
 * which neither CI nor this machine can do. Tests that need behaviour spy on these.
 */
export const app = { getPath: () => '/tmp', requestSingleInstanceLock: () => true, on: () => undefined, whenReady: () => Promise.resolve(), quit: () => undefined };
export const BrowserWindow = class {};
export const ipcMain = { handle: () => undefined, removeHandler: () => undefined };
export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = { invoke: () => Promise.resolve(undefined) };
export const protocol = { registerSchemesAsPrivileged: () => undefined, handle: () => undefined };
export const session = { defaultSession: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined, webRequest: { onHeadersReceived: () => undefined } } };
export const shell = { openExternal: () => Promise.resolve() };
export const dialog = { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }), showSaveDialog: () => Promise.resolve({ canceled: true }) };
export const net = { fetch: () => Promise.reject(new Error('no network in tests')) };
export default { app, BrowserWindow, ipcMain, contextBridge, ipcRenderer, protocol, session, shell, dialog, net };
