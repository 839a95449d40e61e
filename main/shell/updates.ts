/**
 * Updates through electron-updater, from the generic feed whose URL was set when the app was
 * built (PROMISE_DESK_UPDATE_URL, written by electron-builder into resources/app-update.yml; see
 * scripts/builder-config.mjs). Checked once shortly after start and from Help > Check for Updates;
 * a found update downloads in the background and is installed when the app quits. Never blocks
 * work: nothing here is awaited by start-up, and a failed check is only logged (or, when asked
 * for from Help, said in a message box). A build without a feed never loads electron-updater.
 */
import { app, dialog, type BrowserWindow, type MessageBoxOptions } from 'electron';
import type { AppUpdater } from 'electron-updater';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { updateVerdict, type UpdateVerdict } from './update-verdict';

/** Long enough for the window and the first screen to be up first. */
const FIRST_CHECK_DELAY_MS = 15_000;

interface Logger {
  info(...a: unknown[]): void;
  warn(...a: unknown[]): void;
  error(...a: unknown[]): void;
}

/** Built with a feed: only a packaged app has one (development and tests never check). */
export function hasUpdateFeed(): boolean {
  return app.isPackaged && !!process.resourcesPath && existsSync(join(process.resourcesPath, 'app-update.yml'));
}

export function startUpdates(log: Logger, window: () => BrowserWindow | null): { checkNow(): Promise<void> } {
  const show = (opts: MessageBoxOptions) => {
    const w = window();
    return w ? dialog.showMessageBox(w, opts) : dialog.showMessageBox(opts);
  };
  let updater: Promise<AppUpdater> | null = null;
  const load = () =>
    (updater ??= import('electron-updater').then(({ default: { autoUpdater } }) => {
      autoUpdater.logger = log;
      autoUpdater.autoDownload = true;
      autoUpdater.autoInstallOnAppQuit = true;
      autoUpdater.on('update-downloaded', (info: { version: string }) => {
        void show({
          type: 'info',
          message: `Promise Desk ${info.version} has been downloaded.`,
          detail: 'It is installed when you quit. Restart now to use it at once.',
          buttons: ['Restart Now', 'Later'],
          defaultId: 1,
          cancelId: 1,
        }).then((r) => r.response === 0 && autoUpdater.quitAndInstall());
      });
      return autoUpdater;
    }));

  const check = async (): Promise<UpdateVerdict> => {
    if (!hasUpdateFeed()) return updateVerdict({ feed: false });
    try {
      const r = await (await load()).checkForUpdates();
      return updateVerdict({ feed: true, current: app.getVersion(), latest: r?.updateInfo.version ?? null, available: r?.isUpdateAvailable ?? false });
    } catch (e) {
      log.warn('update check failed', e);
      return updateVerdict({ feed: true, error: (e as Error).message });
    }
  };

  if (hasUpdateFeed()) setTimeout(() => void check(), FIRST_CHECK_DELAY_MS).unref();
  else log.info('updates: this build has no update feed (PROMISE_DESK_UPDATE_URL was not set when it was built)');

  return {
    async checkNow() {
      const v = await check();
      await show({ type: v.ok ? 'info' : 'warning', message: v.message, detail: v.detail, buttons: ['OK'] });
    },
  };
}
