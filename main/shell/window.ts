/**
 * The one window: the renderer sandboxed and isolated from Node, loaded from app:// only. The
 * options are written out where the window is made, so reviewers and Electronegativity see them.
 */
import { BrowserWindow } from 'electron';
import { APP_START_URL } from './trusted-url';

export function createMainWindow(preload: string): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 860,
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
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_START_URL);
  return win;
}
