/**
 * The application menu as plain data: File, Edit, View, Window, Help (and the app menu on macOS),
 * with the platforms' usual accelerators. Pure (types only from electron), so every platform's
 * menu gets a table test; `menu-install.ts` hands it to electron. A packaged build has no Reload
 * and no developer tools: they exist only while developing.
 */
import type { MenuItemConstructorOptions } from 'electron';

/** What the menu's own items do; the window-level work (roles) is electron's. */
export interface MenuActions {
  importWorkbook(): void;
  exportWorkbook(): void;
  exportSummary(): void;
  about(): void;
  workbookGuide(): void;
  showDatabase(): void;
  openLogFolder(): void;
  checkForUpdates(): void;
}

export interface MenuContext {
  platform: NodeJS.Platform;
  /** `app.isPackaged`: false while developing (npm start), which adds Reload and the developer tools. */
  packaged: boolean;
  appName: string;
  actions: MenuActions;
}

const sep: MenuItemConstructorOptions = { type: 'separator' };

export function menuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const a = ctx.actions;
  const about: MenuItemConstructorOptions = { label: `About ${ctx.appName}`, click: () => a.about() };
  const updates: MenuItemConstructorOptions = { label: 'Check for Updates…', click: () => a.checkForUpdates() };

  const appMenu: MenuItemConstructorOptions = {
    label: ctx.appName,
    submenu: [about, updates, sep, { role: 'services' }, sep, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, sep, { role: 'quit' }],
  };
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import Workbook…', accelerator: 'CmdOrCtrl+O', click: () => a.importWorkbook() },
      { label: 'Export Workbook…', accelerator: 'CmdOrCtrl+Shift+S', click: () => a.exportWorkbook() },
      { label: 'Export Summary…', accelerator: 'CmdOrCtrl+E', click: () => a.exportSummary() },
      sep,
      // macOS closes the window from File and quits from the app menu; elsewhere File ends with Quit.
      mac ? { role: 'close' } : { role: 'quit', label: 'E&xit', accelerator: ctx.platform === 'win32' ? 'Alt+F4' : 'Ctrl+Q' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, sep, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, ...(mac ? [{ role: 'pasteAndMatchStyle' } as const] : []), { role: 'delete' }, sep, { role: 'selectAll' }],
  };
  const develop: MenuItemConstructorOptions[] = ctx.packaged ? [] : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, sep];
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [...develop, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, sep, { role: 'togglefullscreen' }],
  };
  const window: MenuItemConstructorOptions = {
    label: '&Window',
    role: 'windowMenu',
    submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, sep, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Workbook Guide', accelerator: mac ? undefined : 'F1', click: () => a.workbookGuide() },
      sep,
      { label: 'Where Is the Database?', click: () => a.showDatabase() },
      { label: 'Open the Log Folder', click: () => a.openLogFolder() },
      ...(mac ? [] : [sep, updates, sep, about]),
    ],
  };
  return [...(mac ? [appMenu] : []), file, edit, view, window, help];
}
