/**
 * Every change of holds bumps `meta.holds_version` and records what it changed in `hold_log`
 * (migration 0005), so that the engine's in-memory model can follow along incrementally.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { hold } from '../../shared/schemas/hold';
import type { HoldChanges, HoldDelta } from './store-types';
import { dataVersionOf } from './import-rows';
import { prepared } from './statements';

/** A logged list of holds, parsed on the way back like every stored row. */
const loggedHolds = z.array(hold);

/** Entries older than this many versions are dropped; a model that far behind is rebuilt. */
const KEEP = 2_000;

export function currentHoldsVersion(db: Database): number {
  return (prepared(db, `SELECT value FROM meta WHERE key = 'holds_version'`).get() as { value: number }).value;
}

/** Bumps the holds version; `delta` null means the change cannot be followed incrementally. */
export function bumpHoldsVersion(db: Database, delta: HoldDelta | null): number {
  prepared(db, `UPDATE meta SET value = value + 1 WHERE key = 'holds_version'`).run();
  const version = currentHoldsVersion(db);
  prepared(db, 'INSERT OR REPLACE INTO hold_log (version, added_json, released_json) VALUES (?, ?, ?)').run(
    version,
    delta && JSON.stringify(delta.added),
    delta && JSON.stringify(delta.released),
  );
  prepared(db, 'DELETE FROM hold_log WHERE version <= ?').run(version - KEEP);
  return version;
}

/** The changes after `since`, or null when they cannot be followed (a gap, or a rebuild marker). */
export function holdChangesSince(db: Database, since: number): HoldChanges | null {
  return db.transaction((): HoldChanges | null => {
    const version = currentHoldsVersion(db);
    const rows = db.prepare('SELECT version, added_json, released_json FROM hold_log WHERE version > ? ORDER BY version').all(since) as {
      version: number;
      added_json: string | null;
      released_json: string | null;
    }[];
    if (rows.length !== version - since) return null;
    const changes: HoldChanges['changes'] = [];
    for (const r of rows) {
      if (r.added_json === null || r.released_json === null) return null;
      changes.push({ version: r.version, added: loggedHolds.parse(JSON.parse(r.added_json)), released: loggedHolds.parse(JSON.parse(r.released_json)) });
    }
    const last = prepared(db, 'SELECT id, sha256 FROM imports ORDER BY id DESC LIMIT 1').get() as { id: number; sha256: string } | undefined;
    return { version, dataVersion: last ? dataVersionOf(last.id, last.sha256) : null, changes };
  })();
}
