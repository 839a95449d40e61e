/**
 * A promise's move from one status to another in SQLite (`Store.transition`, and the expiry of
 * lapsed holds): its row, holds and hold log, event, approval and signed summaries.
 */
import type { Database } from 'better-sqlite3';
import { bumpHoldsVersion, currentHoldsVersion } from './hold-log';
import { SUMMARY_COLUMNS, summaryFromSql } from './promise-rows';
import { holdsOf, replaceHolds } from './revalidation-rows';
import { prepared } from './statements';
import { decideInSqlite } from './sqlite-capacity-lock';
import { insertSummaries } from './sqlite-people-store';
import { OPEN_STATUSES, type HoldsChange, type NewPromise, type PromiseStatus, type TransitionOptions, type TransitionOutcome } from './store-types';

const now = () => new Date().toISOString();

export function nextCounter(db: Database, key: 'promise_number' | 'order_seq'): number {
  prepared(db, 'UPDATE meta SET value = value + 1 WHERE key = ?').run(key);
  return (prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: number }).value;
}

export function insertEvent(db: Database, id: string, at: string, user: string, from: PromiseStatus | null, to: PromiseStatus, comment: string | null): void {
  prepared(db, 'INSERT INTO promise_events (promise_id, at, user, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?)').run(id, at, user, from, to, comment);
}

/**
 * The one writer of a new promise's row, its first event and its signed summaries (a new promise
 * and a re-promise alike); holds and the hold log are the caller's. Returns the new id.
 */
export function insertPromise(db: Database, p: NewPromise, at: string, comment: string | null): string {
  const holds = p.status !== 'draft';
  const id = `P-${String(nextCounter(db, 'promise_number')).padStart(6, '0')}`;
  prepared(
    db,
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
    p.status === 'awaiting_approval' ? at : null,
    p.status === 'confirmed' ? at : null,
    p.status === 'awaiting_approval' ? (p.holdExpiresAt ?? null) : null,
    holds ? nextCounter(db, 'order_seq') : null,
  );
  insertEvent(db, id, at, p.user, null, p.status, comment);
  if (p.summaries) insertSummaries(db, id, p.summaries(id, at), at);
  return id;
}

export function insertApproval(db: Database, id: string, a: { role: string; user: string; decision: 'approved' | 'rejected'; comment?: string | null; at: string }): void {
  db.prepare('INSERT INTO approvals (promise_id, role, approved_by, at, comment, decision) VALUES (?, ?, ?, ?, ?, ?)').run(id, a.role, a.user, a.at, a.comment ?? null, a.decision);
}

/** Moves a promise from `from` to `to` as `Store.transition` describes it; the caller holds the transaction. */
export function movePromise(
db: Database,
  id: string,
  from: PromiseStatus,
  to: PromiseStatus,
  user: string,
  comment: string | null,
  holdsChange: HoldsChange,
  opts: TransitionOptions,
): TransitionOutcome {
  let holdsVersion = currentHoldsVersion(db);
  const row = db.prepare('SELECT status, order_seq FROM promises WHERE id = ?').get(id) as { status: PromiseStatus; order_seq: number | null } | undefined;
  if (!row) return { ok: false, conflict: 'not_found', status: null, holdsVersion };
  if (row.status !== from) return { ok: false, conflict: 'status_changed', status: row.status, holdsVersion };
  if (opts.lock) {
    const d = decideInSqlite(db, opts.lock);
    if (!d.ok) return { ok: false, conflict: d.conflict, status: row.status, holdsVersion: d.version };
    holdsChange = { kind: 'replace', holds: d.decision.holds };
    opts = { ...opts, result: d.decision.result };
  } else if (opts.expectedHoldsVersion !== undefined && opts.expectedHoldsVersion !== holdsVersion)
    return { ok: false, conflict: 'holds_changed', status: row.status, holdsVersion };

  const at = opts.at ?? now();
  const sets: string[] = ['status = @to'];
  const params: Record<string, unknown> = { id, to, at };
  if (to === 'confirmed') sets.push('confirmed_at = @at');
  if (to === 'awaiting_approval') sets.push('submitted_at = @at');
  if (OPEN_STATUSES.includes(to) && row.order_seq === null) {
    sets.push('order_seq = @seq');
    params.seq = nextCounter(db, 'order_seq');
  }
  if (!OPEN_STATUSES.includes(to)) sets.push(`at_risk = 0, risk_reasons_json = '[]'`);
  // Holds count while the promise is open; the log records what stopped and started counting.
  // Read before the status changes: leaving the open statuses deletes them (migration 0009).
  const before = OPEN_STATUSES.includes(from) ? holdsOf(db, id) : [];
  if (opts.result) {
    sets.push('result_json = @result, as_of = @asOf, data_version = @dataVersion');
    Object.assign(params, { result: JSON.stringify(opts.result), asOf: opts.result.as_of, dataVersion: opts.result.data_version });
  }
  if (opts.holdExpiresAt !== undefined) {
    sets.push('hold_expires_at = @expires');
    params.expires = opts.holdExpiresAt;
  }
  db.prepare(`UPDATE promises SET ${sets.join(', ')} WHERE id = @id`).run(params);

  if (holdsChange.kind !== 'keep') {
    replaceHolds(db, id, holdsChange.kind === 'replace' ? holdsChange.holds : []);
    const after = OPEN_STATUSES.includes(to) ? (holdsChange.kind === 'replace' ? holdsChange.holds : []) : [];
    holdsVersion = bumpHoldsVersion(db, { added: after, released: before });
  } else if (OPEN_STATUSES.includes(from) !== OPEN_STATUSES.includes(to)) {
    holdsVersion = bumpHoldsVersion(db, OPEN_STATUSES.includes(to) ? { added: holdsOf(db, id), released: [] } : { added: [], released: before });
  }
  insertEvent(db, id, at, user, from, to, comment);
  if (opts.approval) insertApproval(db, id, { ...opts.approval, user, at });
  if (opts.summaries) insertSummaries(db, id, opts.summaries(id, at), at);
  const summary = summaryFromSql(db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM promises WHERE id = ?`).get(id));
  return { ok: true, promise: summary, holdsVersion };
}
