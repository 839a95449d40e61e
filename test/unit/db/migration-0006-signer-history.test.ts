import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, schemaVersion } from '../../../main/db/migrate';

describe('migration 0006 signer history', () => {
  it('replays each user\'s role and disabled changes from user_events, and replaces sign_in_failures', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS, 5);
    const user = db.prepare(`INSERT INTO users (name, name_lower, role, disabled, pass_hash, public_key, private_key_json, created_at, created_by) VALUES (?, ?, ?, ?, 'h', ?, '{}', ?, 'local')`);
    const event = db.prepare('INSERT INTO user_events (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)');
    user.run('Anna', 'anna', 'admin', 0, 'k1', '2026-01-01T00:00:00.000Z');
    event.run('2026-01-01T00:00:00.000Z', 'local', 'add', 'Anna', 'admin');
    user.run('Sam', 'sam', 'manager', 1, 'k2', '2026-01-02T00:00:00.000Z');
    event.run('2026-01-02T00:00:00.000Z', 'Anna', 'add', 'Sam', 'sales');
    event.run('2026-01-03T00:00:00.000Z', 'Anna', 'role', 'Sam', 'sales -> manager');
    event.run('2026-01-04T00:00:00.000Z', 'Anna', 'disable', 'Sam', null);
    db.prepare(`INSERT INTO sign_in_failures (name_lower, failures, last_failure_at) VALUES ('sam', 2, 'x')`).run();
    expect(migrate(db, MIGRATIONS, 6)).toEqual([6]);
    expect(schemaVersion(db)).toBe(6);
    const states = db.prepare('SELECT u.name, s.from_at, s.role, s.disabled FROM user_states s JOIN users u ON u.id = s.user_id ORDER BY s.seq').all();
    expect(states).toEqual([
      { name: 'Anna', from_at: '2026-01-01T00:00:00.000Z', role: 'admin', disabled: 0 },
      { name: 'Sam', from_at: '2026-01-02T00:00:00.000Z', role: 'sales', disabled: 0 },
      { name: 'Sam', from_at: '2026-01-03T00:00:00.000Z', role: 'manager', disabled: 0 },
      { name: 'Sam', from_at: '2026-01-04T00:00:00.000Z', role: 'manager', disabled: 1 },
    ]);
    expect(() => db.prepare('SELECT * FROM sign_in_failures').all()).toThrow(/no such table/);
    const attempt = db.prepare(`INSERT INTO sign_in_attempts (name_lower, source, attempts, last_attempt_at) VALUES (?, ?, ?, 'x')`);
    attempt.run('sam', 'app', 1);
    attempt.run('sam', 'cli:sam', 1);
    expect(() => attempt.run('sam', 'app', 2)).toThrow(/UNIQUE/);
    expect(() => attempt.run('anna', 'app', 0)).toThrow(/CHECK/);
    db.close();
  });
});
