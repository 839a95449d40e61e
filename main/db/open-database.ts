/**
 * Opens (creating if needed) a Promise Desk database: WAL, foreign keys, a busy timeout so that
 * the app and the command line can share one file, and every pending migration.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /** Open an existing database only, without creating or migrating it. */
  readonly?: boolean;
  busyTimeoutMs?: number;
}

export function openDatabase(file: string, opts: OpenOptions = {}): Database.Database {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(dirname(file), { recursive: true });
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
