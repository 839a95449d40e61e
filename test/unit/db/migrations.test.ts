import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DatabaseTooNewError, LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from '../../../main/db/migrate';
import { openDatabase } from '../../../main/db/open-database';
import { dumpDatabase } from '../../../main/db/dump';
import { tempDbPath, tempDir } from './temp-db';

const dir = tempDir();
const tables = (db: Database.Database) =>
  (db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);

describe('migrations', () => {
  it('are numbered 1, 2, ... without gaps, each with a name', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    for (const m of MIGRATIONS) expect(m.name).toMatch(/^[a-z-]+$/);
  });

  it('bring an empty database to the latest version, with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(tempDbPath(dir));
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    expect(tables(db)).toEqual(
      ['approvals', 'bom', 'calendar_exceptions', 'calendars', 'imports', 'inventory', 'lanes', 'meta', 'orders', 'policy', 'products', 'promise_events', 'promise_holds', 'promises', 'receipts', 'resource_load', 'resources', 'routings',
        'installation_key', 'summaries', 'user_events', 'user_keys', 'users',
        'table_change_rows', 'table_changes', 'hold_log', 'user_states', 'sign_in_attempts', 'promise_replan'].sort(),
    );
    // Every table is STRICT.
    const sqls = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { sql: string }[];
    for (const { sql } of sqls) expect(sql.trim()).toMatch(/STRICT$/);
    db.close();
  });

  it('reopening a migrated database changes nothing', () => {
    const file = tempDbPath(dir);
    const a = openDatabase(file);
    const before = dumpDatabase(a);
    a.close();
    const b = openDatabase(file);
    expect(migrate(b)).toEqual([]);
    expect(dumpDatabase(b)).toBe(before);
    b.close();
  });

  it('refuse a database from a newer version of the app with a clear message', () => {
    const file = tempDbPath(dir);
    const raw = new Database(file);
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError);
    expect(() => openDatabase(file)).toThrow(/newer version of Promise Desk.*Update Promise Desk/);
  });

  it('a failing migration leaves the database at the version before it', () => {
    const db = new Database(':memory:');
    const broken = [MIGRATIONS[0]!, { version: 2, name: 'broken', up: (d: Database.Database) => { d.exec('CREATE TABLE half (x INTEGER) STRICT'); throw new Error('boom'); } }];
    expect(() => migrate(db, broken)).toThrow('boom');
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).not.toContain('half');
  });
});

describe('0001-workbook', () => {
  it('creates the operations tables and the import history on an empty database', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS, 1)).toEqual([1]);
    expect(schemaVersion(db)).toBe(1);
    expect(tables(db)).toContain('calendars');
    expect(tables(db)).toContain('imports');
    expect(tables(db)).not.toContain('promises');
    // STRICT: a decimal stored as TEXT stays exactly as written; a wrong type is refused.
    db.prepare(`INSERT INTO resources (position, resource_id, calendar_id, cost_per_hour) VALUES (0, 'M', 'C', '30.5')`).run();
    expect(db.prepare('SELECT cost_per_hour, name FROM resources').get()).toEqual({ cost_per_hour: '30.5', name: null });
    expect(() => db.prepare(`INSERT INTO inventory (position, sku, on_hand) VALUES (0, 'X', 'many')`).run()).toThrow(/cannot store TEXT value in INTEGER column/);
  });
});

describe('0002-promises', () => {
  it('adds the promise tables to a version-1 database and keeps its data', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 1);
    db.prepare(`INSERT INTO calendars (position, calendar_id, mon, tue, wed, thu, fri, sat, sun) VALUES (0, 'WD', '8', '8', '8', '8', '8', '0', '0')`).run();
    db.prepare(`INSERT INTO imports (at, source, sha256, row_counts_json, user) VALUES ('2026-03-02T08:00:00Z', 'x', 'ab', '{}', 'local')`).run();
    expect(migrate(db, MIGRATIONS, 2)).toEqual([2]);
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare('SELECT calendar_id FROM calendars').all()).toEqual([{ calendar_id: 'WD' }]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM imports').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT key, value FROM meta ORDER BY key').all()).toEqual([
      { key: 'holds_version', value: 0 },
      { key: 'order_seq', value: 0 },
      { key: 'promise_number', value: 0 },
    ]);
    // Holds belong to a promise; a status must be one of the known ones.
    expect(() => db.prepare(`INSERT INTO promise_holds (promise_id, line, type, sku, date, qty, use) VALUES ('P-1', 0, 'goods', 'X', '2026-03-02', 1, 'finished')`).run()).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare(
          `INSERT INTO promises (id, status, customer, region, mode, request_json, result_json, as_of, data_version, created_at, created_by)
           VALUES ('P-1', 'lost', 'c', 'DE', 'standard', '{}', '{}', '2026-03-02', 'v1', 'now', 'me')`,
        )
        .run(),
    ).toThrow(/CHECK constraint/);
  });
});
