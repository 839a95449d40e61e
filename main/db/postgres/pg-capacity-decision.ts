/**
 * A change under a capacity lock in PostgreSQL: lock the pools its check reads, bring the
 * caller's model up to date in one snapshot, and let the caller check again inside the lock.
 * The locking statements can go with the transaction's BEGIN (`capacityOpening`): the pools are
 * then locked and the model's changes read in the change's first round trip.
 */
import type pg from 'pg';
import type { Statement } from './connection';
import type { CapacityLock, HoldsUpdate, LockedDecision } from '../capacity-lock';
import { dataVersionOf } from '../import-rows';
import type { LockConflict } from '../store-types';
import { holdChangesOf, holdChangesSince, holdChangesStatement, lockPools, lockPoolsStatement, openHoldsWithVersion } from './pg-promise-sql';

type Q = pg.ClientBase;

export async function latestDataVersion(c: Q | pg.Pool): Promise<string | null> {
  const r = await c.query<{ id: number; sha256: string }>('SELECT id, sha256 FROM imports ORDER BY id DESC LIMIT 1');
  const row = r.rows[0];
  return row ? dataVersionOf(row.id, row.sha256) : null;
}

/** The version row, locked: no other change of holds commits until this transaction ends. */
export const LOCK_HOLDS_VERSION: Statement = { sql: 'SELECT version FROM hold_version WHERE id = 1 FOR UPDATE' };

export async function lockedHoldsVersion(c: Q): Promise<number> {
  return versionOf(await c.query(LOCK_HOLDS_VERSION.sql));
}

export const versionOf = (r: pg.QueryResult): number => (r.rows[0] as { version: number }).version;

export type Decided = { ok: true; decision: LockedDecision; version: number } | { ok: false; conflict: LockConflict; version: number };

/** The statements that lock `lock`'s pools and read what its model lacks: sent in order, their results are `decideUnderLock`'s `opened`. */
export function capacityOpening(lock: CapacityLock): Statement[] {
  const pools = [...lock.pools].sort();
  return [...(pools.length ? [lockPoolsStatement(pools)] : []), ...(lock.allHolds ? [] : [holdChangesStatement(lock.since)])];
}

/**
 * Locks the pools, brings the caller's model up to date (one snapshot) and lets it decide.
 * `opened`: the results of `capacityOpening(lock)`, when the statements were already sent.
 */
export async function decideUnderLock(c: Q, lock: CapacityLock, opened?: readonly pg.QueryResult[]): Promise<Decided> {
  const pools = [...lock.pools].sort();
  let next = 0;
  const sent = opened && pools.length ? opened[next++]!.rowCount! : undefined;
  await lockPools(c, pools, sent);
  // A pool row made just now: the read sent with the lock may predate it; read again.
  const fresh = opened && (pools.length === 0 || sent === pools.length);
  let update: HoldsUpdate | null = null;
  if (!lock.allHolds) {
    // The usual case: one statement gives the tables' version and the holds since the model's.
    const log = fresh ? holdChangesOf(opened[next]!) : await holdChangesSince(c, lock.since);
    if (log && log.dataVersion !== lock.dataVersion) return { ok: false, conflict: 'plant_changed', version: log.version };
    if (log) update = { version: log.version, changes: log.changes };
  }
  if (!update) {
    if ((await latestDataVersion(c)) !== lock.dataVersion) return { ok: false, conflict: 'plant_changed', version: -1 };
    update = await openHoldsWithVersion(c, typeof lock.allHolds === 'object' ? lock.allHolds.except : null);
  }
  const decision = lock.decide(update);
  return decision ? { ok: true, decision, version: update.version } : { ok: false, conflict: 'refused', version: update.version };
}

