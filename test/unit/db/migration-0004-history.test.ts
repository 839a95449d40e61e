import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../main/db/migrate';

describe('migration 0004 history', () => {
  it('migrates a version-3 database with an import one step, keeping its rows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 3);
    db.prepare(`INSERT INTO imports (at, source, sha256, row_counts_json, user) VALUES ('2026-01-05T10:00:00Z', 'plant', 'abcdef0123', '{}', 'local')`).run();
    expect(migrate(db, MIGRATIONS, 4)).toEqual([4]);
    expect(schemaVersion(db)).toBe(4);
    expect(db.prepare('SELECT source FROM imports').all()).toEqual([{ source: 'plant' }]);

    const change = db.prepare(
      `INSERT INTO table_changes (import_id, kind, at, user, source, data_version, added, changed, removed) VALUES (?, ?, 'x', 'local', 'plant', 'v1-abcdef01', 1, 0, 0)`,
    );
    change.run(1, 'import');
    expect(() => change.run(1, 'edit')).toThrow(/UNIQUE/); // one change set per data version
    expect(() => change.run(99, 'edit')).toThrow(/FOREIGN KEY/);
    const row = db.prepare('INSERT INTO table_change_rows (change_id, table_name, row_key, op, row_json, fields_json) VALUES (1, ?, ?, ?, ?, ?)');
    row.run('resources', 'M8', 'add', '{}', null);
    row.run('resources', 'M8', 'change', null, '[]');
    expect(() => row.run('resources', 'M8', 'change', '{}', null)).toThrow(/CHECK/);
    expect(() => row.run('resources', 'M8', 'rename', '{}', null)).toThrow(/CHECK/);
    db.close();
  });
});
