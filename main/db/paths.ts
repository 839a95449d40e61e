/**
 * Where the application keeps its database when no `--db` or `PROMISE_DB` says otherwise.
 *
 * It is the same folder Electron calls `userData` (app data dir + product name), worked out here
 * without electron so that the command line and the desktop app open the same file.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'Promise Desk';
export const DB_FILE_NAME = 'promise-desk.db';

export interface PathEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

const current = (): PathEnv => ({ platform: process.platform, env: process.env, home: homedir() });

/** The per-user application data folder of this OS (Electron's `appData`). */
export function appDataDir(e: PathEnv = current()): string {
  if (e.platform === 'win32') return e.env.APPDATA || join(e.home, 'AppData', 'Roaming');
  if (e.platform === 'darwin') return join(e.home, 'Library', 'Application Support');
  return e.env.XDG_CONFIG_HOME || join(e.home, '.config');
}

/** The application's own folder (Electron's `userData`). */
export function userDataDir(e: PathEnv = current()): string {
  return join(appDataDir(e), PRODUCT_NAME);
}

/** `explicit` (a `--db` flag) wins, then `PROMISE_DB`, then the application's own database. */
export function defaultDbPath(explicit?: string, e: PathEnv = current()): string {
  if (explicit) return explicit;
  if (e.env.PROMISE_DB) return e.env.PROMISE_DB;
  return join(userDataDir(e), DB_FILE_NAME);
}
