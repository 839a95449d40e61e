/**
 * Opens (creating if needed) a Promise Desk database: WAL, foreign keys, a busy timeout so that
 * the app and the command line can share one file, and every pending migration.
 */
import Database from 'better-sqlite3';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /** Open an existing database only, without creating or migrating it. */
  readonly?: boolean;
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  if (file !== ':memory:' && !opts.readonly) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    createPrivately(file);
  }
  const db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  try {
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
    }
    db.pragma('foreign_keys = ON');
    if (!opts.readonly) migrate(db);
    return db;
  } catch (e) {
    db.close();
    throw e;
  }
}

/**
 * A new database file is made readable by its owner only (`promises.md`: it holds passphrase
 * hashes, encrypted keys and the installation key). SQLite gives the -wal and -shm files the
 * database file's permissions, so they follow. An existing file keeps the mode its owner chose.
 */
function createPrivately(file: string): void {
  if (existsSync(file)) return;
  try {
    closeSync(openSync(file, 'wx', 0o600));
  } catch (e) {
    if ((e as { code?: string }).code !== 'EEXIST') throw e;
    return;
  }
  if (process.platform !== 'win32') chmodSync(file, 0o600);
}
