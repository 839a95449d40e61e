/**
 * The desktop conventions around the one window: the application menu, the window's remembered
 * size and place, files opened by a second launch, macOS `open-file` and the File menu, macOS
 * `activate` (a window again from the Dock), Help's answers and updates. `app.ts` starts it; the
 * pure parts (menu.ts, window-state.ts, open-files.ts) are table-tested.
 */
import { app, dialog, Menu, screen, type BrowserWindow } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileOpener } from './file-opener';
import { helpActions } from './help-actions';
import { logFolder } from './logging';
import { menuTemplate } from './menu';
import { filesFromArgv } from './open-files';
import { startUpdates } from './updates';
import { createMainWindow } from './window';
import { fitToDisplays, parseWindowState, stateToSave } from './window-state';

interface Log {
  info(...a: unknown[]): void;
  warn(...a: unknown[]): void;
  error(...a: unknown[]): void;
}

const stateFile = () => join(app.getPath('userData'), 'window-state.json');

function savedState() {
  let text: string | null = null;
  try {
    text = readFileSync(stateFile(), 'utf8');
  } catch {
    text = null;
  }
  const displays = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  return fitToDisplays(parseWindowState(text), displays);
}

function remember(win: BrowserWindow, log: Log): void {
  win.on('close', () => {
    try {
      writeFileSync(stateFile(), JSON.stringify(stateToSave(win.getNormalBounds(), win.isMaximized())));
    } catch (e) {
      log.warn('could not save the window state', e);
    }
  });
}

/** Call before the app is ready: `open-file` and `second-instance` can come that early. */
export function desktopShell(log: Log) {
  let win: BrowserWindow | null = null;
  const current = () => win;
  let opened = false;
  const early: string[] = filesFromArgv(process.argv, process.cwd());
  const opener = fileOpener(current, log);
  const open = (path: string) => (opened ? void opener.open(path) : void early.push(path));

  app.on('second-instance', (_event, argv, cwd) => {
    for (const f of filesFromArgv(argv, cwd)) open(f);
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  // macOS: a file opened from Finder or dropped on the Dock icon.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    open(path);
  });
  // macOS apps stay open with no window; elsewhere closing the window quits.
  app.on('window-all-closed', () => process.platform !== 'darwin' && app.quit());

  return {
    window: current,
    /** After the IPC channels are registered: the window, the menu, updates, and files asked for so far. */
    start(preload: string, database: string): void {
      const make = () => {
        win = createMainWindow(preload, savedState());
        remember(win, log);
        win.on('closed', () => (win = null));
      };
      make();
      app.on('activate', () => win === null && make());

      const updates = startUpdates(log, current);
      const help = helpActions(current, database, logFolder());
      const command = (c: 'export-workbook' | 'export-summary' | 'show-guide') => opener.send({ type: 'command', command: c });
      const template = menuTemplate({
        platform: process.platform,
        packaged: app.isPackaged,
        appName: app.getName(),
        actions: {
          importWorkbook: () =>
            void chooseWorkbook(current()).then((p) => {
              if (p) void opener.open(p);
            }),
          exportWorkbook: () => command('export-workbook'),
          exportSummary: () => command('export-summary'),
          workbookGuide: () => command('show-guide'),
          about: help.about,
          showDatabase: help.showDatabase,
          openLogFolder: help.openLogFolder,
          checkForUpdates: () => void updates.checkNow(),
        },
      });
      Menu.setApplicationMenu(Menu.buildFromTemplate(template));

      opened = true;
      for (const f of early.splice(0)) void opener.open(f);
    },
  };
}

async function chooseWorkbook(w: BrowserWindow | null): Promise<string | null> {
  const opts: Electron.OpenDialogOptions = { title: 'Import a workbook (.xlsx)', properties: ['openFile'], filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] };
  const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
  return r.canceled ? null : (r.filePaths[0] ?? null);
}
