/**
 * The desktop app's entry (bundled to dist/main/shell/app.cjs): one instance, security rules on
 * before any window, the database in the user's app data folder (or --db / PROMISE_DB), the IPC
 * channels, one window.
 */
import { app, session, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import { resolveDatabasePath } from '../db/paths';
import { openOperationsBackend } from '../handlers/operations-service-backend';
import { openPromisesBackend } from '../handlers/promises-service-backend';
import { openServiceBackend } from '../handlers/service-backend';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { registerIpc } from './ipc';
import { applySessionSecurity, hardenContents } from './security';
import { summaryDialogs } from './summary-dialogs';
import { askBeforeLosingEdits } from './unsaved-close';
import { createMainWindow } from './window';
import { workbookDialogs } from './workbook-dialogs';

/** `--db FILE` or `--db=FILE` on the command line. */
function dbArg(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return undefined;
  return argv[i]!.startsWith('--db=') ? argv[i]!.slice(5) : argv[i + 1];
}

let win: BrowserWindow | null = null;

async function start(): Promise<void> {
  applySessionSecurity(session.defaultSession);
  serveRenderer(join(__dirname, '..', '..', 'renderer'));
  const database = resolveDatabasePath(dbArg(process.argv)).path;
  const backend = await openServiceBackend(database);
  // The signed-in session lives here, in the main process; the operations side asks it who acts.
  const promises = await openPromisesBackend(database, { dialogs: summaryDialogs(() => win) });
  const operations = await openOperationsBackend(database, { dialogs: workbookDialogs(() => win), actor: promises.actor });
  app.on('will-quit', () => void operations.close().then(() => promises.close()).then(() => backend.close()));
  registerIpc({ backend, operations, promises, app: { name: 'Promise Desk', version: app.getVersion(), runtime: 'electron', database } });
  win = createMainWindow(join(__dirname, 'preload.cjs'));
  win.on('closed', () => (win = null));
}

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenContents(contents);
    askBeforeLosingEdits(contents);
  });
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (e: unknown) => {
    console.error(e);
    app.quit();
  });
}
