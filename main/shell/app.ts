/**
 * The desktop app's entry (bundled to dist/main/shell/app.cjs): the command line when started with
 * `--cli`; otherwise the log file, one instance, security rules on before any window, where the
 * data is (data-connection.ts: the database in the user's app data folder, --db / PROMISE_DB, or
 * a team server), the IPC channels, then the window with its menu (desktop.ts).
 */
import { app, dialog, session } from 'electron';
import { join } from 'node:path';
import { CHANGED_CHANNEL } from '../../shared/shell-events';
import { resolveDatabasePath } from '../db/paths';
import { registerAppScheme, serveRenderer } from './app-protocol';
import { cliArguments, runCliInApp } from './cli-in-app';
import { openDataConnection } from './data-connection';
import { desktopShell } from './desktop';
import { registerIpc } from './ipc';
import { startLogging } from './logging';
import { applySessionSecurity, hardenContents } from './security';
import { summaryDialogs } from './summary-dialogs';
import { askBeforeLosingEdits } from './unsaved-close';
import { workbookDialogs } from './workbook-dialogs';

/** `--db FILE` or `--db=FILE` on the command line. */
function dbArg(argv: readonly string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--db' || a.startsWith('--db='));
  if (i < 0) return undefined;
  return argv[i]!.startsWith('--db=') ? argv[i]!.slice(5) : argv[i + 1];
}

async function start(desktop: ReturnType<typeof desktopShell>): Promise<void> {
  const win = desktop.window;
  applySessionSecurity(session.defaultSession);
  serveRenderer(join(__dirname, '..', '..', 'renderer'));
  const { path: database, isDefault } = resolveDatabasePath(dbArg(process.argv));
  // This computer's database, or the team server chosen on first run or under Connection.
  const data = await openDataConnection({
    userData: app.getPath('userData'),
    database,
    localOnly: !isDefault,
    version: app.getVersion(),
    dialogs: { summaries: summaryDialogs(win), workbooks: workbookDialogs(win) },
    notify: () => {
      const w = win();
      if (w && !w.isDestroyed()) w.webContents.send(CHANGED_CHANNEL);
    },
  });
  app.on('will-quit', () => void data.close());
  registerIpc(data.answer);
  desktop.start(join(__dirname, 'preload.cjs'), database);
}

const cli = cliArguments(process.argv);
if (cli) {
  void runCliInApp(cli);
} else {
  registerAppScheme();
  const log = startLogging();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    const desktop = desktopShell(log);
    app.on('web-contents-created', (_event, contents) => {
      hardenContents(contents);
      askBeforeLosingEdits(contents);
    });
    app
      .whenReady()
      .then(() => start(desktop))
      .catch((e: unknown) => {
        // A database from a newer version, a folder that cannot be written…: said, then quit.
        log.error(e);
        dialog.showErrorBox('Promise Desk cannot start', e instanceof Error ? e.message : String(e));
        app.quit();
      });
  }
}
