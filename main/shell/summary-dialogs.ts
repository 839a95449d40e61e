/**
 * The desktop app's save dialog for signed summaries, shown in the main process: the window only
 * asks for a copy of a promise; where it is written is chosen here, by the person, never by a path
 * the renderer sends.
 */
import { dialog, type BrowserWindow } from 'electron';
import type { SummaryDialogs } from '../handlers/context';

export function summaryDialogs(window: () => BrowserWindow | null): SummaryDialogs {
  return {
    async chooseSummaryTarget(suggestedName, format) {
      const opts: Electron.SaveDialogOptions = {
        title: 'Export the signed summary',
        defaultPath: suggestedName,
        filters: format === 'pdf' ? [{ name: 'PDF', extensions: ['pdf'] }] : [{ name: 'JSON', extensions: ['json'] }],
      };
      const w = window();
      const r = w ? await dialog.showSaveDialog(w, opts) : await dialog.showSaveDialog(opts);
      return r.canceled ? null : (r.filePath ?? null);
    },
  };
}
