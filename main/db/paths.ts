/**
 * Where the application keeps its database when no `--db` or `PROMISE_DB` says otherwise.
 *
 * It is the same folder Electron calls `userData` (app data dir + product name), worked out here
 * without electron so that the command line and the desktop app open the same file:
 * ~/.config/Promise Desk (Linux), %APPDATA%\Promise Desk (Windows),
 * ~/Library/Application Support/Promise Desk (macOS).
 */
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

export const PRODUCT_NAME = 'Promise Desk';
export const DB_FILE_NAME = 'promise-desk.db';

export interface PathEnv {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
}

const current = (): PathEnv => ({ platform: process.platform, env: process.env, home: homedir() });
// Paths of the platform asked about, not of the one running (tests ask about all three).
const pathOf = (e: PathEnv) => (e.platform === 'win32' ? win32 : posix);

/** The per-user application data folder of this OS (Electron's `appData`). */
export function appDataDir(e: PathEnv = current()): string {
  const p = pathOf(e);
  if (e.platform === 'win32') return e.env.APPDATA || p.join(e.home, 'AppData', 'Roaming');
  if (e.platform === 'darwin') return p.join(e.home, 'Library', 'Application Support');
  return e.env.XDG_CONFIG_HOME || p.join(e.home, '.config');
}

/** The application's own folder (Electron's `userData`). */
export function userDataDir(e: PathEnv = current()): string {
  return pathOf(e).join(appDataDir(e), PRODUCT_NAME);
}

/** The application's own database file. */
export function appDatabasePath(e: PathEnv = current()): string {
  return pathOf(e).join(userDataDir(e), DB_FILE_NAME);
}

/**
 * The database a command works on: `explicit` (a `--db` flag), then `PROMISE_DB`, then the
 * application's own. `isDefault` says it is the application's own database, which is filled with
 * the demo plant while it has none.
 */
export function resolveDatabasePath(explicit?: string, e: PathEnv = current()): { path: string; isDefault: boolean } {
  if (explicit) return { path: explicit, isDefault: false };
  if (e.env.PROMISE_DB) return { path: e.env.PROMISE_DB, isDefault: false };
  return { path: appDatabasePath(e), isDefault: true };
}

/** `explicit` wins, then `PROMISE_DB`, then the application's own database. */
export function defaultDbPath(explicit?: string, e: PathEnv = current()): string {
  return resolveDatabasePath(explicit, e).path;
}
