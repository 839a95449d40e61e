/**
 * Re-promising an at-risk promise: the new promise (new dates or quantities, checked with the old
 * one's holds released) is recorded and the old one cancelled, releasing its holds, in one
 * transaction that the caller holds. Nothing is dropped: the old promise stays, cancelled, with an
 * event naming its replacement, and the new one's first event names the promise it replaces.
 * The promise rows are written as `SqliteStore.recordPromise` and `transition` write them.
 */
import type { Database } from 'better-sqlite3';
import type { ReplaceOutcome } from './operations-store';
import { bumpHoldsVersion } from './hold-log';
import { holdsOf, replaceHolds } from './revalidation-rows';
import { insertSummaries } from './sqlite-people-store';
import { OPEN_STATUSES, type NewPromise, type PromiseStatus } from './store-types';
import { isCapacityLock, type CapacityLock } from './capacity-lock';
import { decideInSqlite } from './sqlite-capacity-lock';

const counter = (db: Database, key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: number }).value;

function next(db: Database, key: 'promise_number' | 'order_seq'): number {
  db.prepare('UPDATE meta SET value = value + 1 WHERE key = ?').run(key);
  return counter(db, key);
}

function event(db: Database, id: string, at: string, user: string, from: PromiseStatus | null, to: PromiseStatus, comment: string): void {
  db.prepare('INSERT INTO promise_events (promise_id, at, user, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?)').run(id, at, user, from, to, comment);
}

export function insertReplacement(db: Database, oldId: string, from: PromiseStatus, p: NewPromise, expected: number | CapacityLock): ReplaceOutcome {
  const row = db.prepare('SELECT status FROM promises WHERE id = ?').get(oldId) as { status: PromiseStatus } | undefined;
  if (!row) return { ok: false, conflict: 'not_found', status: null };
  if (row.status !== from || !OPEN_STATUSES.includes(row.status)) return { ok: false, conflict: 'status_changed', status: row.status };
  if (p.status === 'draft') throw new Error('a re-promise is recorded as confirmed or awaiting approval');
  const submitted = p.status === 'awaiting_approval';
  if (isCapacityLock(expected)) {
    const d = decideInSqlite(db, expected);
    if (!d.ok) return { ok: false, conflict: d.conflict, status: row.status };
    p = { ...p, holds: d.decision.holds, result: d.decision.result };
  } else if (counter(db, 'holds_version') !== expected) return { ok: false, conflict: 'holds_changed', status: row.status };

  const at = p.at ?? new Date().toISOString();
  const id = `P-${String(next(db, 'promise_number')).padStart(6, '0')}`;
  db.prepare(
    `INSERT INTO promises (id, status, customer, region, mode, request_json, result_json, as_of, data_version,
       created_at, created_by, submitted_at, confirmed_at, hold_expires_at, order_seq)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    p.status,
    p.request.customer,
    p.request.region,
    p.request.mode,
    JSON.stringify(p.request),
    JSON.stringify(p.result),
    p.result.as_of,
    p.result.data_version,
    at,
    p.user,
    submitted ? at : null,
    submitted ? null : at,
    submitted ? (p.holdExpiresAt ?? null) : null,
    next(db, 'order_seq'),
  );
  replaceHolds(db, id, p.holds);
  event(db, id, at, p.user, null, p.status, `re-promise of ${oldId}${p.comment ? `: ${p.comment}` : ''}`);
  // Confirmed here, so signed here: the confirming user's summaries go in with it.
  if (p.summaries) insertSummaries(db, id, p.summaries(id, at), at);

  db.prepare(`UPDATE promises SET status = 'cancelled', at_risk = 0, risk_reasons_json = '[]' WHERE id = ?`).run(oldId);
  const released = holdsOf(db, oldId);
  replaceHolds(db, oldId, []);
  event(db, oldId, at, p.user, from, 'cancelled', `re-promised as ${id}`);
  return { ok: true, id, holdsVersion: bumpHoldsVersion(db, { added: p.holds, released }) };
}
