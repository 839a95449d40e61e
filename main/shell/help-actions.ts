/**
 * The Help menu's answers and About: message boxes in the main process, with the database's place
 * and the log folder opened in the system's file manager. Nothing here waits on the window.
 */
import { app, dialog, shell, type BrowserWindow, type MessageBoxOptions } from 'electron';

function show(window: () => BrowserWindow | null, opts: MessageBoxOptions) {
  const w = window();
  return w ? dialog.showMessageBox(w, opts) : dialog.showMessageBox(opts);
}

export function helpActions(window: () => BrowserWindow | null, database: string, logFolder: string) {
  return {
    about() {
      void show(window, {
        type: 'info',
        message: `${app.getName()} ${app.getVersion()}`,
        detail: `Check sales promises against capacity, lead times and costs before they are made.\n\nElectron ${process.versions.electron}, Chromium ${process.versions.chrome}, Node ${process.versions.node}\nDatabase: ${database}`,
        buttons: ['OK'],
      });
    },
    showDatabase() {
      void show(window, {
        type: 'info',
        message: 'Where the database is',
        detail: `${database}\n\nIt holds the operations tables, the promises, the users and their keys. Back it up with the app closed.`,
        buttons: ['Show in Folder', 'OK'],
        defaultId: 1,
        cancelId: 1,
      }).then((r) => r.response === 0 && shell.showItemInFolder(database));
    },
    openLogFolder() {
      void shell.openPath(logFolder).then((problem) => {
        if (problem) void show(window, { type: 'warning', message: 'Could not open the log folder', detail: `${logFolder}\n${problem}`, buttons: ['OK'] });
      });
    },
  };
}
