/**
 * A capacity lock in SQLite: the caller already holds the database's write lock (IMMEDIATE), which
 * covers every pool, so this only brings the caller's model up to date and lets it decide.
 */
import type { Database } from 'better-sqlite3';
import type { CapacityLock, HoldsUpdate, LockedDecision } from './capacity-lock';
import { currentHoldsVersion, holdChangesSince } from './hold-log';
import { holdFromSql, type HoldSqlRow } from './promise-rows';
import { OPEN_STATUSES_SQL, type LockConflict } from './store-types';


export function latestDataVersionSql(db: Database): string | null {
  const row = db.prepare('SELECT id, sha256 FROM imports ORDER BY id DESC LIMIT 1').get() as { id: number; sha256: string } | undefined;
  return row ? `v${row.id}-${row.sha256.slice(0, 8)}` : null;
}

export type SqliteDecided = { ok: true; decision: LockedDecision; version: number } | { ok: false; conflict: LockConflict; version: number };

export function decideInSqlite(db: Database, lock: CapacityLock): SqliteDecided {
  const version = currentHoldsVersion(db);
  if (latestDataVersionSql(db) !== lock.dataVersion) return { ok: false, conflict: 'plant_changed', version };
  let update: HoldsUpdate | null = null;
  if (!lock.allHolds) {
    const log = holdChangesSince(db, lock.since);
    if (log) update = { version: log.version, changes: log.changes };
  }
  if (!update) {
    const except = typeof lock.allHolds === 'object' ? lock.allHolds.except : null;
    const rows = db
      .prepare(`SELECT h.* FROM promise_holds h JOIN promises p ON p.id = h.promise_id WHERE p.status IN (${OPEN_STATUSES_SQL}) AND p.id IS NOT ? ORDER BY p.order_seq, h.rowid`)
      .all(except) as HoldSqlRow[];
    update = { version, holds: rows.map(holdFromSql) };
  }
  const decision = lock.decide(update);
  return decision ? { ok: true, decision, version } : { ok: false, conflict: 'refused', version };
}
