/**
 * Recording a new promise in PostgreSQL in two round trips: the opening (sent with BEGIN) takes
 * the plant's shared lock and the pools' locks, reads the holds the caller's model lacks, and
 * draws the promise's number; the caller checks again inside the lock; the closing query writes
 * the promise, its first event, holds and signed summaries, bumps the holds version and commits.
 * A promise refused inside the lock leaves its number unused, as a rolled-back transaction does
 * with any sequence: promise numbers of the team store may have gaps. (A change without a
 * capacity lock draws its number only once its version test passed.)
 */
import type pg from 'pg';
import type { Hold } from '../../../shared/engine/types';
import { batch, type ChangeTx, type Statement } from './connection';
import { isCapacityLock, type CapacityLock } from '../capacity-lock';
import type { NewPromise, RecordOutcome } from '../store-types';
import { capacityOpening, decideUnderLock, LOCK_HOLDS_VERSION, versionOf } from './pg-capacity-decision';
import { bumpHoldsVersion, insertHoldsSql, insertSummariesStatement, LOCK_PLANT_SHARED, Params } from './pg-promise-sql';

type Q = pg.ClientBase;
const now = () => new Date().toISOString();

/** `P-` and the next value of the sequence, at least six digits (`P-000042`, `P-1234567`). */
const NEXT_PROMISE_ID: Statement = { sql: `SELECT 'P-' || lpad(x::text, greatest(6, length(x::text)), '0') AS id FROM nextval('promise_number') AS x` };

export async function nextPromiseId(c: Q): Promise<string> {
  return ((await c.query(NEXT_PROMISE_ID.sql)).rows[0] as { id: string }).id;
}

/** The promise `id`, its first event and its holds, in ONE statement. */
export function newPromiseStatement(p: NewPromise, id: string, at: string, result: NewPromise['result'], holds: readonly Hold[], comment: string | null): Statement {
  const status = p.status;
  const params = new Params();
  const $ = (v: unknown) => params.add(v);
  const atP = $(at);
  const userP = $(p.user);
  const statusP = $(status);
  const sql = `WITH p AS (
       INSERT INTO promises (id, status, customer, region, mode, request, result, as_of, data_version,
         created_at, created_by, submitted_at, confirmed_at, hold_expires_at, order_seq)
       VALUES (${$(id)}::text, ${statusP}::text, ${$(p.request.customer)}::text, ${$(p.request.region)}::text, ${$(p.request.mode)}::text,
         ${$(JSON.stringify(p.request))}::jsonb, ${$(JSON.stringify(result))}::jsonb, ${$(result.as_of)}::date, ${$(result.data_version)}::text,
         ${atP}::timestamptz, ${userP}::text, ${$(status === 'awaiting_approval' ? at : null)}::timestamptz, ${$(status === 'confirmed' ? at : null)}::timestamptz,
         ${$(status === 'awaiting_approval' ? (p.holdExpiresAt ?? null) : null)}::timestamptz,
         CASE WHEN ${$(status !== 'draft')}::boolean THEN nextval('order_seq') END)
       RETURNING id),
     e AS (INSERT INTO promise_events (promise_id, at, actor, from_status, to_status, comment)
       SELECT p.id, ${atP}::timestamptz, ${userP}::text, NULL, ${statusP}::text, ${$(comment)}::text FROM p),
     h AS (${insertHoldsSql(params, '(SELECT id FROM p)', holds)})
     SELECT id FROM p`;
  return { sql, params: params.values };
}

/** Draws a number and inserts the promise (a re-promise, which writes more after it). */
export async function insertNewPromise(c: Q, p: NewPromise, at: string, result: NewPromise['result'], holds: readonly Hold[], comment: string | null): Promise<string> {
  const id = await nextPromiseId(c);
  const s = newPromiseStatement(p, id, at, result, holds, comment);
  await c.query(s.sql, s.params as unknown[]);
  return id;
}

const underLock = (p: NewPromise, expected: number | CapacityLock): expected is CapacityLock => p.status !== 'draft' && isCapacityLock(expected);

/**
 * The first statements of recording `p`, in the order locks are always taken. Under a capacity
 * lock the last draws its number (its summaries are signed with it before the closing query).
 */
export function recordOpening(p: NewPromise, expected: number | CapacityLock): Statement[] {
  if (underLock(p, expected)) return [LOCK_PLANT_SHARED, ...capacityOpening(expected), NEXT_PROMISE_ID];
  return [LOCK_PLANT_SHARED, ...(p.status !== 'draft' ? [LOCK_HOLDS_VERSION] : [])];
}

/**
 * Records `p`. In a change (`tx`) whose transaction was opened with `recordOpening(p, expected)`,
 * its results are `tx.opened`; otherwise the opening is sent here.
 */
export async function recordPromiseIn(c: Q, p: NewPromise, expected: number | CapacityLock, tx?: ChangeTx): Promise<RecordOutcome> {
  const opened = tx?.opened.length ? tx.opened : await batch(c, recordOpening(p, expected));
  const holding = p.status !== 'draft';
  let holds = p.holds;
  let result = p.result;
  let id: string;
  if (underLock(p, expected)) {
    const d = await decideUnderLock(c, expected, opened.slice(1, -1));
    if (!d.ok) return { ok: false, conflict: d.conflict, holdsVersion: d.version };
    ({ holds, result } = d.decision);
    id = (opened.at(-1)!.rows[0] as { id: string }).id;
  } else {
    const version = holding ? versionOf(opened[1]!) : null;
    if (version !== null && version !== expected) return { ok: false, conflict: 'holds_changed', holdsVersion: version };
    id = await nextPromiseId(c);
  }
  const at = p.at ?? now();
  const summaries = p.summaries?.(id, at) ?? [];
  const writes = [newPromiseStatement(p, id, at, result, holding ? holds : [], p.comment ?? null), ...(summaries.length ? [insertSummariesStatement(id, summaries, at)] : [])];
  const added = { added: holds, released: [] };
  // In a change, the last query writes the promise, bumps the version and commits.
  if (holding && tx) return { ok: true, id, holdsVersion: await bumpHoldsVersion(c, added, { tx, outcome: { ok: true, id }, before: writes }) };
  await batch(c, writes);
  if (holding) return { ok: true, id, holdsVersion: await bumpHoldsVersion(c, added) };
  return { ok: true, id, holdsVersion: versionOf(await c.query('SELECT version FROM hold_version WHERE id = 1')) };
}
