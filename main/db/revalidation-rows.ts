/**
 * The store's side of revalidation, for changes of the tables made outside `SqliteStore`
 * (saves of edits, imports that record history): read the open promises in the order they were
 * confirmed or submitted, and write back what the engine worked out (holds, at-risk flag and
 * reasons). The caller holds the transaction. Same SQL and rules as `SqliteStore.importWorkbook`;
 * kept here so that both paths replan promises the same way.
 */
import type { Database } from 'better-sqlite3';
import { bumpHoldsVersion } from './hold-log';
import { CAPACITY_REASONS, COMMERCIAL_REASONS, type ReasonCode } from '../../shared/schemas/check';
import type { Hold, PromiseToRevalidate, RevalidationOutcome } from '../../shared/engine/types';
import { holdFromSql, holdToSql, parseStoredRequest, parseStoredResult, type HoldSqlRow } from './promise-rows';
import { OPEN_STATUSES } from './store';

const APPROVABLE = new Set<ReasonCode>([...CAPACITY_REASONS, ...COMMERCIAL_REASONS]);
const OPEN_SQL = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');

export function openPromisesForRevalidation(db: Database): PromiseToRevalidate[] {
  const rows = db
    .prepare(`SELECT id, request_json, result_json FROM promises WHERE status IN (${OPEN_SQL}) ORDER BY order_seq, id`)
    .all() as { id: string; request_json: string; result_json: string }[];
  const holdsOf = db.prepare('SELECT * FROM promise_holds WHERE promise_id = ? ORDER BY rowid');
  return rows.map((r) => {
    const result = parseStoredResult(r.id, r.result_json);
    // What it was submitted (and so approved) with counts as covered; an `ok` confirm has none.
    const covered = new Set<ReasonCode>();
    for (const line of result.lines) for (const reason of line.reasons) if (APPROVABLE.has(reason.code)) covered.add(reason.code);
    const holds = (holdsOf.all(r.id) as HoldSqlRow[]).map(holdFromSql);
    return { id: r.id, request: parseStoredRequest(r.id, r.request_json), covered: [...covered], holds, result };
  });
}

/** The holds a promise has now. */
export function holdsOf(db: Database, id: string): Hold[] {
  return (db.prepare('SELECT * FROM promise_holds WHERE promise_id = ? ORDER BY rowid').all(id) as HoldSqlRow[]).map(holdFromSql);
}

export function replaceHolds(db: Database, id: string, holds: readonly Hold[]): void {
  db.prepare('DELETE FROM promise_holds WHERE promise_id = ?').run(id);
  const insert = db.prepare(
    `INSERT INTO promise_holds (promise_id, line, type, sku, resource_id, date, qty, use, regular_e4, overtime_e4)
     VALUES (@promise_id, @line, @type, @sku, @resource_id, @date, @qty, @use, @regular_e4, @overtime_e4)`,
  );
  for (const h of holds) insert.run(holdToSql(id, h));
}

/** Writes each outcome's holds and flag, then bumps the holds version (the tables changed). */
export function applyRevalidation(db: Database, open: readonly PromiseToRevalidate[], outcomes: readonly RevalidationOutcome[]): void {
  const known = new Set(open.map((p) => p.id));
  const setRisk = db.prepare('UPDATE promises SET at_risk = ?, risk_reasons_json = ? WHERE id = ?');
  for (const o of outcomes) {
    if (!known.has(o.id)) throw new Error(`revalidation returned an outcome for ${o.id}, which is not an open promise`);
    replaceHolds(db, o.id, o.holds);
    setRisk.run(o.atRisk ? 1 : 0, JSON.stringify(o.atRisk ? o.reasons : []), o.id);
  }
  // Every open promise was planned again: followers rebuild rather than replay.
  bumpHoldsVersion(db, null);
}
