import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { bumpHoldsVersion, holdChangesSince } from '../../../main/db/hold-log';
import { MIGRATIONS, migrate, schemaVersion } from '../../../main/db/migrate';

const hold = { type: 'goods', line: 0, sku: 'FG', date: '2026-03-02', qty: 3, use: 'finished' } as const;

describe('migration 0005 hold log', () => {
  it('migrates a version-4 database one step; a version bumped before the log exists means rebuild', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS, 4);
    db.prepare(`UPDATE meta SET value = 7 WHERE key = 'holds_version'`).run();
    expect(migrate(db, MIGRATIONS, 5)).toEqual([5]);
    expect(schemaVersion(db)).toBe(5);
    expect(holdChangesSince(db, 6)).toBeNull(); // version 7 has no log entry
    expect(holdChangesSince(db, 7)).toEqual({ version: 7, dataVersion: null, changes: [] });

    expect(bumpHoldsVersion(db, { added: [hold], released: [] })).toBe(8);
    expect(bumpHoldsVersion(db, { added: [], released: [hold] })).toBe(9);
    expect(holdChangesSince(db, 7)).toEqual({
      version: 9,
      dataVersion: null,
      changes: [
        { version: 8, added: [hold], released: [] },
        { version: 9, added: [], released: [hold] },
      ],
    });
    bumpHoldsVersion(db, null); // an import: followers rebuild
    expect(holdChangesSince(db, 9)).toBeNull();
    db.close();
  });
});
