import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../main/db/migrate';

describe('migration 0003 people', () => {
  it('migrates a version-2 database with promises one step, keeping its rows', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 2);
    db.prepare(
      `INSERT INTO promises (id, status, customer, region, mode, request_json, result_json, as_of, data_version, created_at, created_by)
       VALUES ('P-000001', 'confirmed', 'Acme', 'DE', 'standard', '{}', '{}', '2026-01-05', 'v1-abc', '2026-01-05T10:00:00Z', 'local')`,
    ).run();
    expect(migrate(db, MIGRATIONS, 3)).toEqual([3]);
    expect(schemaVersion(db)).toBe(3);
    expect(db.prepare('SELECT id FROM promises').all()).toEqual([{ id: 'P-000001' }]);
    db.prepare(`INSERT INTO summaries (promise_id, copy, json, signed_by, created_at) VALUES ('P-000001', 'customer', '{}', 'local', 'x')`).run();
    expect(() => db.prepare(`INSERT INTO summaries (promise_id, copy, json, signed_by, created_at) VALUES ('P-000001', 'other', '{}', 'local', 'x')`).run()).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO summaries (promise_id, copy, json, signed_by, created_at) VALUES ('P-404', 'internal', '{}', 'local', 'x')`).run()).toThrow(/FOREIGN KEY/);
    const user = db.prepare(
      `INSERT INTO users (name, name_lower, role, pass_hash, public_key, private_key_json, created_at, created_by) VALUES (?, ?, ?, 'h', ?, '{}', 'x', 'local')`,
    );
    user.run('Anna', 'anna', 'admin', 'k1');
    expect(() => user.run('ANNA', 'anna', 'sales', 'k2')).toThrow(/UNIQUE/);
    expect(() => user.run('Bob', 'bob', 'boss', 'k3')).toThrow(/CHECK/);
    expect(() => db.prepare(`INSERT INTO installation_key (id, public_key, private_key, created_at) VALUES (2, 'a', 'b', 'x')`).run()).toThrow(/CHECK/);
    db.close();
  });
});
