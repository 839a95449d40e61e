/**
 * The one window: the renderer sandboxed and isolated from Node, loaded from app:// only. The
 * options are written out where the window is made, so reviewers and Electronegativity see them.
 */
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './trusted-url';
import { DEFAULT_STATE, type WindowState } from './window-state';

/** `state`: the size and place remembered from the last run (window-state.ts), fitted to today's displays. */
export function createMainWindow(preload: string, state: WindowState = DEFAULT_STATE): BrowserWindow {
  const win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Promise Desk',
    autoHideMenuBar: true,
    webPreferences: {
      // Reviewed: the preload exposes only invoke() for the contract's channels (preload.ts).
      preload, /* eng-disable PRELOAD_JS_CHECK */
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // A middle click would open a link in a new window; the app has no use for it.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  win.once('ready-to-show', () => {
    if (state.maximized) win.maximize();
    win.show();
  });
  void win.loadURL(APP_START_URL);
  return win;
}
