/**
 * The desktop app's entry (bundled to dist/main/shell/app.cjs): one instance, security rules on
 * before any window, the database in the user's app data folder (or --db / PROMISE_DB), the IPC
 * channels, one window.
 */
import { app, session, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { resolveDatabasePath } from '../db/paths';
import { openOperationsBackend } from '../handlers/operations-service-backend';
import { openPromisesBackend } from '../handlers/promises-service-backend';
import { openServiceBackend } from '../handlers/service-backend';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { DesktopConnection } from '../team-client/desktop-connection';
import { CHANGED_EVENT, registerIpc } from './ipc';
import { applySessionSecurity, hardenContents } from './security';
import { summaryDialogs } from './summary-dialogs';
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
  const openLocal = async () => {
    const backend = await openServiceBackend(database);
    // The signed-in session lives here, in the main process; the operations side asks it who acts.
    const promises = await openPromisesBackend(database, { dialogs: summaryDialogs(() => win) });
    const operations = await openOperationsBackend(database, { dialogs: workbookDialogs(() => win), actor: promises.actor });
    const ctx = { backend, operations, promises, app: { name: 'Promise Desk', version: app.getVersion(), runtime: 'electron' as const, database } };
    return { ctx, close: () => operations.close().then(() => promises.close()).then(() => backend.close()) };
  };
  // This computer or a team server: chosen on first run and under Connection (connection.json).
  const connection = new DesktopConnection({
    // Beside the database (the app's data folder unless --db names another).
    settingsFile: join(dirname(database), 'connection.json'),
    openLocal,
    app: { name: 'Promise Desk', version: app.getVersion() },
    dialogs: { summaries: summaryDialogs(() => win), workbooks: workbookDialogs(() => win) },
    notify: () => win?.webContents.send(CHANGED_EVENT),
  });
  await connection.ready();
  app.on('will-quit', () => void connection.close());
  registerIpc((channel, payload) => connection.answer(channel, payload));
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
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start, (e: unknown) => {
    console.error(e);
    app.quit();
  });
}
