/**
 * The desktop app's file dialogs for workbooks, shown in the main process: the window never
 * names a path, it only asks for a dialog, so it cannot make the app read or write anywhere else.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { WorkbookDialogs } from '../handlers/context';

export function workbookDialogs(window: () => BrowserWindow | null): WorkbookDialogs {
  const parent = () => window() ?? undefined;
  return {
    async chooseWorkbook(kind) {
      const opts: Electron.OpenDialogOptions =
        kind === 'xlsx'
          ? { title: 'Import a workbook (.xlsx)', properties: ['openFile'], filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] }
          : { title: 'Import a workbook (a folder of CSV files)', properties: ['openDirectory'] };
      const w = parent();
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    async chooseExportTarget(format, suggestedName) {
      const w = parent();
      if (format === 'xlsx') {
        const opts: Electron.SaveDialogOptions = { title: 'Export the tables (.xlsx)', defaultPath: `${suggestedName}.xlsx`, filters: [{ name: 'Excel workbook', extensions: ['xlsx'] }] };
        const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
        return r.canceled ? null : (r.filePath ?? null);
      }
      const opts: Electron.OpenDialogOptions = { title: 'Export the tables into a folder of CSV files', properties: ['openDirectory', 'createDirectory'] };
      const r = w ? await dialog.showOpenDialog(w, opts) : await dialog.showOpenDialog(opts);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  };
}
