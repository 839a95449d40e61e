import type { Database } from 'better-sqlite3';

/**
 * What each bump of `meta.holds_version` changed: the holds that started and stopped counting.
 * A process that has the engine's model at version v applies the entries after v instead of
 * rebuilding it (promise-check: the model is updated incrementally, not rebuilt for a check).
 * An entry whose JSON is NULL (an import, an edit, a re-plan) means "rebuild".
 */
export const version = 5;
export const name = 'hold-log';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE hold_log (
      version INTEGER PRIMARY KEY,
      added_json TEXT,
      released_json TEXT
    ) STRICT;
  `);
}
