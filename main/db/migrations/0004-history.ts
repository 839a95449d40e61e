import type { Database } from 'better-sqlite3';

/**
 * History of the operations tables: every import and every save of edits is one `table_changes`
 * row (who, when, what, and the data version it produced), and each row it added, removed or
 * changed is a `table_change_rows` row. A changed row keeps old → new per field
 * (`fields_json`: `[{column, old, new}]`); an added or removed row keeps the whole row.
 *
 * `import_id` is the `imports` row that carries the data version: a save of edits makes one too,
 * so every change of the tables gives a new data version, the one every check reports.
 */
export const version = 4;
export const name = 'history';

export function up(db: Database): void {
  db.exec(`
    CREATE TABLE table_changes (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      import_id INTEGER NOT NULL UNIQUE REFERENCES imports (id),
      kind TEXT NOT NULL CHECK (kind IN ('import', 'edit')),
      at TEXT NOT NULL,
      user TEXT NOT NULL,
      source TEXT NOT NULL,
      data_version TEXT NOT NULL,
      added INTEGER NOT NULL,
      changed INTEGER NOT NULL,
      removed INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX table_changes_by_user ON table_changes (user, id);

    CREATE TABLE table_change_rows (
      id INTEGER PRIMARY KEY,
      change_id INTEGER NOT NULL REFERENCES table_changes (id) ON DELETE CASCADE,
      table_name TEXT NOT NULL,
      row_key TEXT NOT NULL,
      op TEXT NOT NULL CHECK (op IN ('add', 'change', 'remove')),
      row_json TEXT,
      fields_json TEXT,
      CHECK ((op = 'change' AND fields_json IS NOT NULL) OR (op <> 'change' AND row_json IS NOT NULL))
    ) STRICT;
    CREATE INDEX table_change_rows_by_change ON table_change_rows (change_id);
    CREATE INDEX table_change_rows_by_table_key ON table_change_rows (table_name, row_key);
  `);
}
