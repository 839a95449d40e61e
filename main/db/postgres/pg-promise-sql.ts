/**
 * Promise rows in PostgreSQL, written and read inside a transaction the caller holds: holds
 * (written in one statement through `unnest`), the hold log, events, approvals, summaries, and
 * the locks a change of promises takes. Rows are read back in the shapes of `promise-rows.ts` and
 * parsed by the same schemas as SQLite's.
 */
import type pg from 'pg';
import type { Hold } from '../../../shared/engine/types';
import { dataVersionOf } from '../import-rows';
import { lastThenCommit, type ChangeTx, type Statement } from './connection';
import { holdFromSql, type HoldSqlRow } from '../promise-rows';
import type { SummaryRow } from '../people-store';
import { OPEN_STATUSES_SQL, type HoldChanges, type HoldDelta, type PromiseStatus } from '../store-types';

type Q = pg.ClientBase;


/** The promise columns in the shape `summaryFromSql` parses. */
export const PG_SUMMARY_COLUMNS = `id, status, customer, region, mode, as_of, data_version, created_at, created_by, submitted_at, confirmed_at,
  hold_expires_at, at_risk::int AS at_risk, risk_reasons::text AS risk_reasons_json, order_seq`;

export const HOLD_COLUMNS = 'h.promise_id, h.line, h.type, h.sku, h.resource_id, h.date, h.qty, h.use, h.regular_e4, h.overtime_e4';

/** Entries older than this many versions are dropped; a model that far behind is rebuilt. */
const KEEP = 2_000;
/** Shared by changes of promises, exclusive for imports and edits. */
const PLANT_LOCK = 7_310_422_002;

export const LOCK_PLANT_SHARED: Statement = { sql: 'SELECT pg_advisory_xact_lock_shared($1)', params: [PLANT_LOCK] };

export async function lockPlantShared(c: Q): Promise<void> {
  await c.query(LOCK_PLANT_SHARED.sql, LOCK_PLANT_SHARED.params as unknown[]);
}

export async function lockPlantExclusive(c: Q): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1)', [PLANT_LOCK]);
}

const poolColumns = (pools: readonly string[]) => {
  const kinds: string[] = [];
  const ids: string[] = [];
  for (const p of pools) {
    const i = p.indexOf(':');
    kinds.push(p.slice(0, i));
    ids.push(p.slice(i + 1));
  }
  return [kinds, ids];
};

/** Locks one row per pool (`hours:R`, `goods:SKU`, given sorted), until the transaction ends; one row per pool found. */
export function lockPoolsStatement(pools: readonly string[]): Statement {
  return {
    sql: `SELECT 1 FROM capacity_pools WHERE (kind, pool_id) IN (SELECT k, i COLLATE "C" FROM unnest($1::text[], $2::text[]) AS u (k, i))
       ORDER BY kind, pool_id FOR UPDATE`,
    params: poolColumns(pools),
  };
}

/**
 * Locks one row per pool, in sorted order, until the transaction ends. `found`: how many the
 * statement of `lockPoolsStatement` already locked (sent with others), else it is run here.
 */
export async function lockPools(c: Q, pools: readonly string[], found?: number): Promise<void> {
  if (pools.length === 0) return;
  const lock = lockPoolsStatement(pools);
  // Import makes a row for every resource and SKU, so the rows are nearly always there: one
  // statement. A pool the plant does not know yet gets its row, and the set is locked again.
  if ((found ?? (await c.query(lock.sql, lock.params as unknown[])).rowCount) === pools.length) return;
  await c.query(`INSERT INTO capacity_pools (kind, pool_id) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, poolColumns(pools));
  await c.query(lock.sql, lock.params as unknown[]);
}

export async function currentHoldsVersion(c: Q | pg.Pool): Promise<number> {
  return (await c.query<{ version: number }>('SELECT version FROM hold_version WHERE id = 1')).rows[0]!.version;
}

/**
 * How a change ends with the bump: its transaction, its outcome but for the new holds version,
 * and the change's own writes (`before`), sent in the same query as the bump and the COMMIT.
 */
export interface Finish {
  tx: ChangeTx;
  outcome: Record<string, unknown>;
  before?: readonly Statement[];
}

/**
 * Bumps the holds version and logs what changed (`delta` null: followers rebuild), and trims the
 * log to its last `KEEP` entries. Called last in a transaction: the version row is locked from
 * here to the commit, which keeps the log contiguous. With `finish` it commits the transaction.
 */
export async function bumpHoldsVersion(c: Q, delta: HoldDelta | null, finish?: Finish): Promise<number> {
  const params = new Params();
  const parts = [
    `v AS (UPDATE hold_version SET version = version + 1 WHERE id = 1 RETURNING version)`,
    `l AS (INSERT INTO hold_log (version, added, released)
       SELECT version, ${params.add(delta && JSON.stringify(delta.added))}::jsonb, ${params.add(delta && JSON.stringify(delta.released))}::jsonb FROM v)`,
    `d AS (DELETE FROM hold_log WHERE (SELECT version FROM v) % 100 = 0 AND version <= (SELECT version FROM v) - ${params.add(KEEP)})`,
  ];
  if (!finish) return (await c.query<{ version: number }>(`WITH ${parts.join(',\n')} SELECT version FROM v`, params.values)).rows[0]!.version;
  // The change's last query: its own writes, then the bump, which records the change's key with
  // its outcome, then COMMIT, run by the server back to back. The version row, which every
  // change of holds waits for, is locked from the bump to the COMMIT only: no round trip.
  parts.push(
    `a AS (INSERT INTO applied_changes (idempotency_key, outcome)
       SELECT ${params.add(finish.tx.key)}, ${params.add(JSON.stringify(finish.outcome))}::jsonb || jsonb_build_object('holdsVersion', version) FROM v)`,
  );
  const r = await lastThenCommit<{ version: number }>(c, finish.tx, `WITH ${parts.join(',\n')} SELECT version FROM v`, params.values, finish.before);
  finish.tx.applied = true;
  return r.rows[0]!.version;
}

const holdDeltaRow = (v: unknown): Hold[] => (v as unknown[]).map((h) => holdFromSql(toHoldRow(h)));

function toHoldRow(h: unknown): HoldSqlRow {
  const o = h as Record<string, unknown>;
  return { promise_id: '', line: o.line, type: o.type, sku: o.sku ?? null, resource_id: o.resource_id ?? null, date: o.date, qty: o.qty ?? null, use: o.use ?? null, regular_e4: o.regular_e4 ?? null, overtime_e4: o.overtime_e4 ?? null } as HoldSqlRow;
}

type HoldChangesRow = { since: number; current: number; version: number | null; added: unknown; released: unknown; import_id: number | null; sha256: string | null };

/**
 * The changes after `since` and the version, read in ONE statement (one snapshot); see
 * `holdChangesOf`. It answers its `since` too: a model may move on (its follower) between the
 * statement being made and its answer being read.
 */
export function holdChangesStatement(since: number): Statement {
  return {
    sql: `SELECT $1::bigint AS since, v.version AS current, l.version, l.added, l.released, i.id AS import_id, i.sha256
     FROM hold_version v
     LEFT JOIN (SELECT id, sha256 FROM imports ORDER BY id DESC LIMIT 1) i ON true
     LEFT JOIN hold_log l ON l.version > $1
     WHERE v.id = 1 ORDER BY l.version`,
    params: [since],
  };
}

/** What `holdChangesStatement` read; null: the log does not reach back (rebuild). */
export function holdChangesOf(r: pg.QueryResult): HoldChanges | null {
  const all = r.rows as HoldChangesRow[];
  const first = all[0]!;
  const { current, since } = first;
  const rows = all.filter((x) => x.version !== null);
  if (rows.length !== current - since) return null;
  const changes: HoldChanges['changes'] = [];
  for (const row of rows) {
    if (row.added === null || row.released === null) return null;
    changes.push({ version: row.version!, added: holdDeltaRow(row.added), released: holdDeltaRow(row.released) });
  }
  return { version: current, dataVersion: first.import_id === null ? null : dataVersionOf(first.import_id, first.sha256!), changes };
}

export async function holdChangesSince(c: Q | pg.Pool, since: number): Promise<HoldChanges | null> {
  const s = holdChangesStatement(since);
  return holdChangesOf(await c.query(s.sql, s.params as unknown[]));
}

/** Every open hold and the holds version, in ONE statement (a confirm in between cannot count twice). */
export async function openHoldsWithVersion(c: Q | pg.Pool, except: string | null = null): Promise<{ version: number; holds: Hold[] }> {
  const r = await c.query<HoldSqlRow & { current: number }>(
    `SELECT v.version AS current, ${HOLD_COLUMNS}
     FROM hold_version v
     LEFT JOIN (promise_holds h JOIN promises p ON p.id = h.promise_id AND p.status IN (${OPEN_STATUSES_SQL}) AND p.id IS DISTINCT FROM $1)
       ON true
     WHERE v.id = 1 ORDER BY p.order_seq, h.id`,
    [except],
  );
  const version = r.rows[0]!.current;
  return { version, holds: r.rows.filter((x) => x.type !== null).map(holdFromSql) };
}

export async function holdsOf(c: Q, id: string): Promise<Hold[]> {
  const r = await c.query<HoldSqlRow>(`SELECT ${HOLD_COLUMNS} FROM promise_holds h WHERE h.promise_id = $1 ORDER BY h.id`, [id]);
  return r.rows.map(holdFromSql);
}

/** Parameters of one statement, numbered as they are added (statements built of parts). */
export class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    return `$${this.values.push(v)}`;
  }
}

/**
 * `INSERT` of one promise's holds, in their order, for the promise named by the SQL expression
 * `promiseId` (a parameter, or the id a statement's `WITH` part made).
 */
export function insertHoldsSql(params: Params, promiseId: string, holds: readonly Hold[]): string {
  const col = <T>(f: (h: Hold) => T) => holds.map(f);
  return `INSERT INTO promise_holds (promise_id, line, type, sku, resource_id, date, qty, use, regular_e4, overtime_e4)
     SELECT ${promiseId}, u.line, u.type, u.sku, u.resource_id, u.date, u.qty, u.use, u.regular_e4, u.overtime_e4
     FROM unnest(${params.add(col((h) => h.line))}::int[], ${params.add(col((h) => h.type))}::text[], ${params.add(col((h) => (h.type === 'goods' ? h.sku : null)))}::text[],
       ${params.add(col((h) => (h.type === 'hours' ? h.resource_id : null)))}::text[], ${params.add(col((h) => h.date))}::date[], ${params.add(col((h) => (h.type === 'goods' ? h.qty : null)))}::bigint[],
       ${params.add(col((h) => (h.type === 'goods' ? h.use : null)))}::text[], ${params.add(col((h) => (h.type === 'hours' ? h.regular_e4 : null)))}::bigint[],
       ${params.add(col((h) => (h.type === 'hours' ? h.overtime_e4 : null)))}::bigint[])
       WITH ORDINALITY AS u (line, type, sku, resource_id, date, qty, use, regular_e4, overtime_e4, n)
     ORDER BY u.n`;
}

/** `INSERT` of a promise's signed summaries (both copies), replacing any it had. */
export function insertSummariesSql(params: Params, promiseId: string, rows: readonly SummaryRow[], at: string): string {
  return `INSERT INTO summaries (promise_id, copy, json, signed_by, created_at)
     SELECT ${params.add(promiseId)}::text, u.copy, u.json, u.signed_by, ${params.add(at)}::timestamptz
     FROM unnest(${params.add(rows.map((r) => r.copy))}::text[], ${params.add(rows.map((r) => r.json))}::text[], ${params.add(rows.map((r) => r.signedBy))}::text[]) AS u (copy, json, signed_by)
     ON CONFLICT (promise_id, copy) DO UPDATE SET json = excluded.json, signed_by = excluded.signed_by, created_at = excluded.created_at`;
}

export function insertSummariesStatement(promiseId: string, rows: readonly SummaryRow[], at: string): Statement {
  const params = new Params();
  return { sql: insertSummariesSql(params, promiseId, rows, at), params: params.values };
}

/** Writes holds of many promises in one statement. */
export async function insertHolds(c: Q, rows: readonly { id: string; hold: Hold }[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(f: (h: Hold) => T) => rows.map((r) => f(r.hold));
  await c.query(
    `INSERT INTO promise_holds (promise_id, line, type, sku, resource_id, date, qty, use, regular_e4, overtime_e4)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::date[], $7::bigint[], $8::text[], $9::bigint[], $10::bigint[])`,
    [
      rows.map((r) => r.id),
      col((h) => h.line),
      col((h) => h.type),
      col((h) => (h.type === 'goods' ? h.sku : null)),
      col((h) => (h.type === 'hours' ? h.resource_id : null)),
      col((h) => h.date),
      col((h) => (h.type === 'goods' ? h.qty : null)),
      col((h) => (h.type === 'goods' ? h.use : null)),
      col((h) => (h.type === 'hours' ? h.regular_e4 : null)),
      col((h) => (h.type === 'hours' ? h.overtime_e4 : null)),
    ],
  );
}

export async function replaceHolds(c: Q, id: string, holds: readonly Hold[]): Promise<void> {
  await c.query('DELETE FROM promise_holds WHERE promise_id = $1', [id]);
  await insertHolds(c, holds.map((hold) => ({ id, hold })));
}

export async function insertEvent(c: Q, id: string, at: string, user: string, from: PromiseStatus | null, to: PromiseStatus, comment: string | null): Promise<void> {
  await c.query('INSERT INTO promise_events (promise_id, at, actor, from_status, to_status, comment) VALUES ($1, $2, $3, $4, $5, $6)', [id, at, user, from, to, comment]);
}

export async function insertApproval(c: Q, id: string, a: { role: string; user: string; decision: 'approved' | 'rejected'; comment?: string | null; at: string }): Promise<void> {
  await c.query('INSERT INTO approvals (promise_id, role, approved_by, at, comment, decision) VALUES ($1, $2, $3, $4, $5, $6)', [id, a.role, a.user, a.at, a.comment ?? null, a.decision]);
}

/** Both copies in one statement (a promise's summaries are written while its pools are locked). */
export async function insertSummaries(c: Q, promiseId: string, rows: readonly SummaryRow[], at: string): Promise<void> {
  if (rows.length === 0) return;
  const params = new Params();
  await c.query(insertSummariesSql(params, promiseId, rows, at), params.values);
}

/** A change already applied under `key` (its COMMIT was in doubt when the connection was lost). */
export async function appliedOutcome<T>(c: Q, key: string): Promise<T | undefined> {
  const r = await c.query<{ outcome: T }>('SELECT outcome FROM applied_changes WHERE idempotency_key = $1', [key]);
  return r.rows[0]?.outcome;
}

export async function recordApplied(c: Q, key: string, outcome: unknown): Promise<void> {
  await c.query('INSERT INTO applied_changes (idempotency_key, outcome) VALUES ($1, $2)', [key, JSON.stringify(outcome)]);
}
