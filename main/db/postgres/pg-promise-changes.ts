/**
 * Changes of promises in PostgreSQL, each inside a transaction the caller holds. Locks are always
 * taken in one order — the plant (shared), the promise's row, the capacity pools (sorted), the
 * holds version row (last, just before the commit) — so two changes never wait for each other in
 * a circle. A change under a capacity lock checks again inside the lock with the model brought up
 * to date; without one, the expected holds version is compared with the version row locked.
 */
import type pg from 'pg';
import type { ChangeTx } from './connection';
import { isCapacityLock, type CapacityLock } from '../capacity-lock';
import type { ReplaceOutcome } from '../operations-store';
import { summaryFromSql } from '../promise-rows';
import { OPEN_STATUSES, type HoldsChange, type NewPromise, type PromiseStatus, type TransitionOptions, type TransitionOutcome } from '../store-types';
import { decideUnderLock, lockedHoldsVersion } from './pg-capacity-decision';
import { insertNewPromise } from './pg-promise-record';
import {
  PG_SUMMARY_COLUMNS,
  bumpHoldsVersion,
  holdsOf,
  insertApproval,
  insertEvent,
  insertSummaries,
  lockPlantShared,
  replaceHolds,
} from './pg-promise-sql';

type Q = pg.ClientBase;
const now = () => new Date().toISOString();

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
