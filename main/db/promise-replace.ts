/**
 * Re-promising an at-risk promise: the new promise (new dates or quantities, checked with the old
 * one's holds released) is recorded and the old one cancelled, releasing its holds, in one
 * transaction that the caller holds. Nothing is dropped: the old promise stays, cancelled, with an
 * event naming its replacement, and the new one's first event names the promise it replaces.
 * The new promise's row is written by the one writer, `insertPromise` (promise-moves.ts).
 */
import type { Database } from 'better-sqlite3';
import type { ReplaceOutcome } from './operations-store';
import { bumpHoldsVersion, currentHoldsVersion } from './hold-log';
import { holdsOf, replaceHolds } from './revalidation-rows';
import { insertEvent, insertPromise } from './promise-moves';
import { OPEN_STATUSES, type NewPromise, type PromiseStatus } from './store-types';
import { isCapacityLock, type CapacityLock } from './capacity-lock';
import { decideInSqlite } from './sqlite-capacity-lock';

export function insertReplacement(db: Database, oldId: string, from: PromiseStatus, p: NewPromise, expected: number | CapacityLock): ReplaceOutcome {
  const row = db.prepare('SELECT status FROM promises WHERE id = ?').get(oldId) as { status: PromiseStatus } | undefined;
  if (!row) return { ok: false, conflict: 'not_found', status: null };
  if (row.status !== from || !OPEN_STATUSES.includes(row.status)) return { ok: false, conflict: 'status_changed', status: row.status };
  if (p.status === 'draft') throw new Error('a re-promise is recorded as confirmed or awaiting approval');
  if (isCapacityLock(expected)) {
    const d = decideInSqlite(db, expected);
    if (!d.ok) return { ok: false, conflict: d.conflict, status: row.status };
    p = { ...p, holds: d.decision.holds, result: d.decision.result };
  } else if (currentHoldsVersion(db) !== expected) return { ok: false, conflict: 'holds_changed', status: row.status };

  const at = p.at ?? new Date().toISOString();
  // Confirmed here, so signed here: the confirming user's summaries go in with it.
  const id = insertPromise(db, p, at, `re-promise of ${oldId}${p.comment ? `: ${p.comment}` : ''}`);
  replaceHolds(db, id, p.holds);

  // Read before the status changes: leaving the open statuses deletes them (migration 0009).
  const released = holdsOf(db, oldId);
  db.prepare(`UPDATE promises SET status = 'cancelled', at_risk = 0, risk_reasons_json = '[]' WHERE id = ?`).run(oldId);
  replaceHolds(db, oldId, []);
  insertEvent(db, oldId, at, p.user, from, 'cancelled', `re-promised as ${id}`);
  return { ok: true, id, holdsVersion: bumpHoldsVersion(db, { added: p.holds, released }) };
}
