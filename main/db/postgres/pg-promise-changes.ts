/**
 * Changes of promises in PostgreSQL, each inside a transaction the caller holds. Locks are always
 * taken in one order — the plant (shared), the promise's row, the capacity pools (sorted), the
 * holds version row (last, just before the commit) — so two changes never wait for each other in
 * a circle. A change under a capacity lock checks again inside the lock with the model brought up
 * to date; without one, the expected holds version is compared with the version row locked.
 */
import type pg from 'pg';
import type { Hold } from '../../../shared/engine/types';
import type { ChangeTx } from './connection';
import { isCapacityLock, type CapacityLock, type HoldsUpdate, type LockedDecision } from '../capacity-lock';
import type { ReplaceOutcome } from '../operations-store';
import { summaryFromSql } from '../promise-rows';
import { OPEN_STATUSES, type HoldsChange, type LockConflict, type NewPromise, type PromiseStatus, type RecordOutcome, type TransitionOptions, type TransitionOutcome } from '../store-types';
import { dataVersionOf } from '../import-rows';
import {
  PG_SUMMARY_COLUMNS,
  bumpHoldsVersion,
  holdChangesSince,
  holdsOf,
  insertApproval,
  insertEvent,
  insertHoldsSql,
  insertSummaries,
  lockPlantShared,
  lockPools,
  openHoldsWithVersion,
  Params,
  replaceHolds,
} from './pg-promise-sql';

type Q = pg.ClientBase;
const now = () => new Date().toISOString();

export async function latestDataVersion(c: Q | pg.Pool): Promise<string | null> {
  const r = await c.query<{ id: number; sha256: string }>('SELECT id, sha256 FROM imports ORDER BY id DESC LIMIT 1');
  const row = r.rows[0];
  return row ? dataVersionOf(row.id, row.sha256) : null;
}

/** The version row, locked: no other change of holds commits until this transaction ends. */
async function lockedHoldsVersion(c: Q): Promise<number> {
  return (await c.query<{ version: number }>('SELECT version FROM hold_version WHERE id = 1 FOR UPDATE')).rows[0]!.version;
}

type Decided = { ok: true; decision: LockedDecision; version: number } | { ok: false; conflict: LockConflict; version: number };

/** Locks the pools, brings the caller's model up to date (one snapshot) and lets it decide. */
async function decideUnderLock(c: Q, lock: CapacityLock): Promise<Decided> {
  await lockPools(c, [...lock.pools].sort());
  let update: HoldsUpdate | null = null;
  if (!lock.allHolds) {
    // The usual case: one statement gives the tables' version and the holds since the model's.
    const log = await holdChangesSince(c, lock.since);
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

/**
 * Inserts a new promise, its first event and its holds in ONE statement and answers its number:
 * `P-` and the next value of the sequence, at least six digits (`P-000042`, `P-1234567`). Every
 * statement saved is a round trip less inside the transaction, where the pools stay locked.
 */
async function insertNewPromise(c: Q, p: NewPromise, at: string, result: NewPromise['result'], holds: readonly Hold[], comment: string | null): Promise<string> {
  const status = p.status;
  const params = new Params();
  const $ = (v: unknown) => params.add(v);
  const atP = $(at);
  const userP = $(p.user);
  const statusP = $(status);
  const r = await c.query<{ id: string }>(
    `WITH n AS (SELECT 'P-' || lpad(x::text, greatest(6, length(x::text)), '0') AS id FROM nextval('promise_number') AS x),
     p AS (
       INSERT INTO promises (id, status, customer, region, mode, request, result, as_of, data_version,
         created_at, created_by, submitted_at, confirmed_at, hold_expires_at, order_seq)
       SELECT n.id, ${statusP}::text, ${$(p.request.customer)}::text, ${$(p.request.region)}::text, ${$(p.request.mode)}::text,
         ${$(JSON.stringify(p.request))}::jsonb, ${$(JSON.stringify(result))}::jsonb, ${$(result.as_of)}::date, ${$(result.data_version)}::text,
         ${atP}::timestamptz, ${userP}::text, ${$(status === 'awaiting_approval' ? at : null)}::timestamptz, ${$(status === 'confirmed' ? at : null)}::timestamptz,
         ${$(status === 'awaiting_approval' ? (p.holdExpiresAt ?? null) : null)}::timestamptz,
         CASE WHEN ${$(status !== 'draft')}::boolean THEN nextval('order_seq') END
       FROM n
       RETURNING id),
     e AS (INSERT INTO promise_events (promise_id, at, actor, from_status, to_status, comment)
       SELECT p.id, ${atP}::timestamptz, ${userP}::text, NULL, ${statusP}::text, ${$(comment)}::text FROM p),
     h AS (${insertHoldsSql(params, '(SELECT id FROM p)', holds)})
     SELECT id FROM p`,
    params.values,
  );
  return r.rows[0]!.id;
}

export async function recordPromiseIn(c: Q, p: NewPromise, expected: number | CapacityLock, tx?: ChangeTx): Promise<RecordOutcome> {
  await lockPlantShared(c);
  const holding = p.status !== 'draft';
  let holds = p.holds;
  let result = p.result;
  if (holding && isCapacityLock(expected)) {
    const d = await decideUnderLock(c, expected);
    if (!d.ok) return { ok: false, conflict: d.conflict, holdsVersion: d.version };
    ({ holds, result } = d.decision);
  } else if (holding) {
    const version = await lockedHoldsVersion(c);
    if (version !== expected) return { ok: false, conflict: 'holds_changed', holdsVersion: version };
  }
  const at = p.at ?? now();
  const id = await insertNewPromise(c, p, at, result, holding ? holds : [], p.comment ?? null);
  const summaries = p.summaries ? { promiseId: id, rows: p.summaries(id, at), at } : undefined;
  const added = { added: holds, released: [] };
  // In a change, the last statement writes the summaries, bumps the version and commits.
  if (holding && tx) return { ok: true, id, holdsVersion: await bumpHoldsVersion(c, added, { tx, outcome: { ok: true, id }, ...(summaries ? { summaries } : {}) }) };
  if (summaries) await insertSummaries(c, id, summaries.rows, at);
  if (holding) return { ok: true, id, holdsVersion: await bumpHoldsVersion(c, added) };
  return { ok: true, id, holdsVersion: (await c.query<{ version: number }>('SELECT version FROM hold_version WHERE id = 1')).rows[0]!.version };
}

export async function transitionIn(
  c: Q,
  id: string,
  from: PromiseStatus,
  to: PromiseStatus,
  user: string,
  comment: string | null,
  holdsChange: HoldsChange,
  opts: TransitionOptions,
  plantLocked = false,
  tx?: ChangeTx,
): Promise<TransitionOutcome> {
  if (!plantLocked) await lockPlantShared(c);
  const row = (await c.query<{ status: PromiseStatus; order_seq: number | null }>('SELECT status, order_seq FROM promises WHERE id = $1 FOR UPDATE', [id])).rows[0];
  const version = async () => (await c.query<{ version: number }>('SELECT version FROM hold_version WHERE id = 1')).rows[0]!.version;
  if (!row) return { ok: false, conflict: 'not_found', status: null, holdsVersion: await version() };
  if (row.status !== from) return { ok: false, conflict: 'status_changed', status: row.status, holdsVersion: await version() };
  let result = opts.result;
  if (opts.lock) {
    const d = await decideUnderLock(c, opts.lock);
    if (!d.ok) return { ok: false, conflict: d.conflict, status: row.status, holdsVersion: d.version };
    holdsChange = { kind: 'replace', holds: d.decision.holds };
    result = d.decision.result;
  } else if (opts.expectedHoldsVersion !== undefined) {
    const v = await lockedHoldsVersion(c);
    if (v !== opts.expectedHoldsVersion) return { ok: false, conflict: 'holds_changed', status: row.status, holdsVersion: v };
  }

  const at = opts.at ?? now();
  const sets = ['status = $2'];
  const params: unknown[] = [id, to];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (to === 'confirmed') sets.push(`confirmed_at = ${param(at)}`);
  if (to === 'awaiting_approval') sets.push(`submitted_at = ${param(at)}`);
  if (OPEN_STATUSES.includes(to) && row.order_seq === null) sets.push(`order_seq = nextval('order_seq')`);
  if (!OPEN_STATUSES.includes(to)) sets.push(`at_risk = false, risk_reasons = '[]'`);
  if (result) sets.push(`result = ${param(JSON.stringify(result))}, as_of = ${param(result.as_of)}, data_version = ${param(result.data_version)}`);
  if (opts.holdExpiresAt !== undefined) sets.push(`hold_expires_at = ${param(opts.holdExpiresAt)}`);
  await c.query(`UPDATE promises SET ${sets.join(', ')} WHERE id = $1`, params);

  let holdsVersion: number | null = null;
  const before = OPEN_STATUSES.includes(from) ? await holdsOf(c, id) : [];
  await insertEvent(c, id, at, user, from, to, comment);
  if (opts.approval) await insertApproval(c, id, { ...opts.approval, user, at });
  if (opts.summaries) await insertSummaries(c, id, opts.summaries(id, at), at);
  // Read before the bump, which may commit (the bump does not change the promise's row).
  const summary = summaryFromSql((await c.query(`SELECT ${PG_SUMMARY_COLUMNS} FROM promises WHERE id = $1`, [id])).rows[0]);
  const finish = tx && { tx, outcome: { ok: true, promise: summary } };
  if (holdsChange.kind !== 'keep') {
    const next = holdsChange.kind === 'replace' ? holdsChange.holds : [];
    await replaceHolds(c, id, next);
    holdsVersion = await bumpHoldsVersion(c, { added: OPEN_STATUSES.includes(to) ? next : [], released: before }, finish);
  } else if (OPEN_STATUSES.includes(from) !== OPEN_STATUSES.includes(to)) {
    const held = await holdsOf(c, id);
    holdsVersion = await bumpHoldsVersion(c, OPEN_STATUSES.includes(to) ? { added: held, released: [] } : { added: [], released: held }, finish);
  }
  return { ok: true, promise: summary, holdsVersion: holdsVersion ?? (await version()) };
}

/** Records `p` (confirmed, or submitted for approval) and cancels `oldId`, releasing its holds: a re-promise. */
export async function replacePromiseIn(c: Q, oldId: string, from: PromiseStatus, p: NewPromise, expected: number | CapacityLock, tx?: ChangeTx): Promise<ReplaceOutcome> {
  await lockPlantShared(c);
  const row = (await c.query<{ status: PromiseStatus }>('SELECT status FROM promises WHERE id = $1 FOR UPDATE', [oldId])).rows[0];
  if (!row) return { ok: false, conflict: 'not_found', status: null };
  if (row.status !== from || !OPEN_STATUSES.includes(row.status)) return { ok: false, conflict: 'status_changed', status: row.status };
  if (p.status === 'draft') throw new Error('a re-promise is recorded as confirmed or awaiting approval');
  let holds = p.holds;
  let result = p.result;
  if (isCapacityLock(expected)) {
    const d = await decideUnderLock(c, expected);
    if (!d.ok) return { ok: false, conflict: d.conflict, status: row.status };
    ({ holds, result } = d.decision);
  } else if ((await lockedHoldsVersion(c)) !== expected) {
    return { ok: false, conflict: 'holds_changed', status: row.status };
  }
  const at = p.at ?? now();
  const id = await insertNewPromise(c, p, at, result, holds, `re-promise of ${oldId}${p.comment ? `: ${p.comment}` : ''}`);
  if (p.summaries) await insertSummaries(c, id, p.summaries(id, at), at);
  await c.query(`UPDATE promises SET status = 'cancelled', at_risk = false, risk_reasons = '[]' WHERE id = $1`, [oldId]);
  const released = await holdsOf(c, oldId);
  await replaceHolds(c, oldId, []);
  await insertEvent(c, oldId, at, p.user, from, 'cancelled', `re-promised as ${id}`);
  return { ok: true, id, holdsVersion: await bumpHoldsVersion(c, { added: holds, released }, tx && { tx, outcome: { ok: true, id } }) };
}
