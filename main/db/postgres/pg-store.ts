/**
 * The PostgreSQL implementation of `Store` for a team: many processes on one database. Each
 * method is one transaction (retried only after a serialization failure, a deadlock or a lost
 * connection, with an idempotency key on every change so an in-doubt COMMIT is never applied
 * twice). Changes of promises lock what their check reads (see pg-promise-changes.ts); imports
 * lock the whole plant. The operations and people stores share its pool.
 */
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { Hold } from '../../../shared/engine/types';
import { packHolds, type PackedHolds } from '../../../shared/engine/packed-holds';
import type { Workbook } from '../../../shared/schemas/workbook';
import type { CapacityLock } from '../capacity-lock';
import { approvalFromSql, eventFromSql, parseStoredRequest, parseStoredResult, summaryFromSql } from '../promise-rows';
import type {
  HoldChanges,
  HoldsChange,
  ImportMeta,
  ImportOutcome,
  ImportRecord,
  NewPromise,
  PlantSnapshot,
  PromiseFilter,
  PromiseRecord,
  PromiseStatus,
  PromiseSummary,
  RecordOutcome,
  Revalidate,
  Store,
  TransitionOptions,
  TransitionOutcome,
} from '../store';
import { IMPORT_COLUMNS, importFromPg } from './pg-import-rows';
import type { PgHost } from './pg-host';
import { createPool, openConnections, read, transaction, type ChangeTx, type ConnectOptions, type ErrorSink, type TransactionOptions } from './connection';
import { dumpPostgres } from './pg-dump';
import { PgOperationsStore } from './pg-operations-store';
import { PgPeopleStore } from './pg-people-store';
import { searchPromisesPg, type PgPromiseSearch } from './pg-promise-search';
import { readColumnTypes, readWorkbook, writeWorkbook, type ColumnTypes } from './pg-plant';
import { latestDataVersion } from './pg-capacity-decision';
import { transitionIn } from './pg-promise-changes';
import { recordOpening, recordPromiseIn } from './pg-promise-record';
import { PG_SUMMARY_COLUMNS, appliedOutcome, currentHoldsVersion, holdChangesSince, holdsOf, insertApproval, lockPlantExclusive, lockPlantShared, openHoldsWithVersion, recordApplied } from './pg-promise-sql';
import { applyRevalidation, openPromisesForRevalidation } from './pg-revalidation';

const now = () => new Date().toISOString();

export class PostgresStore implements Store, PgHost {
  private types: ColumnTypes | null = null;
  /** Imports with history, edits and the operations workspace's queries, on the same pool. */
  readonly operations: PgOperationsStore = new PgOperationsStore(this);
  /** Users, keys, sign-in throttling and signed summaries, on the same pool. */
  readonly people: PgPeopleStore = new PgPeopleStore(this);
  private closed = false;
  private expiryJob = false;

  constructor(
    readonly pool: pg.Pool,
    readonly url: string,
  ) {}

  /** Opens a pool on a database that is already migrated (see `openPostgres`). */
  static connect(url: string, opts: ConnectOptions = {}, onError?: ErrorSink): PostgresStore {
    return new PostgresStore(createPool(url, opts, onError ?? ((e) => process.emitWarning(`PostgreSQL: ${e.message}`))), url);
  }

  /** Opens the pool's connections now (a server instance, before it answers anyone). */
  openConnections(): Promise<void> {
    return openConnections(this.pool);
  }

  /** One transaction; a change (a write) carries an idempotency key so a retry never applies it twice. */
  tx<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return transaction(this.pool, fn);
  }

  /**
   * A change that is applied at most once, even when its COMMIT was in doubt and it is retried.
   * `fn` may record the key itself in its last statement and commit with it (`ChangeTx`).
   */
  change<T extends { ok: boolean }>(fn: (c: pg.PoolClient, tx: ChangeTx) => Promise<T>, opening?: TransactionOptions['opening']): Promise<T> {
    const key = randomUUID();
    return transaction(this.pool, async (c, tx) => {
      // A fresh key cannot have been applied: only a retry asks (one round trip less per change).
      if (tx.attempt > 0) {
        const done = await appliedOutcome<T>(c, key);
        if (done !== undefined) return done;
      }
      const change: ChangeTx = Object.assign(tx, { key, applied: false });
      const out = await fn(c, change);
      if (out.ok && !change.applied) await recordApplied(c, key, out);
      return out;
    }, opening ? { opening } : {});
  }

  /** A consistent read of several statements (one snapshot). */
  snapshot<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    return transaction(this.pool, async (c) => {
      await c.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      return fn(c);
    });
  }

  async columnTypes(c: pg.ClientBase): Promise<ColumnTypes> {
    return (this.types ??= await readColumnTypes(c));
  }

  // ---- operations tables --------------------------------------------------------------------

  async loadPlant(): Promise<PlantSnapshot | null> {
    return this.snapshot(async (c) => {
      const last = (await c.query(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id DESC LIMIT 1`)).rows[0];
      if (!last) return null;
      const rec = importFromPg(last);
      return { workbook: await readWorkbook(c), dataVersion: rec.dataVersion, importedAt: rec.at, source: rec.source };
    });
  }

  async dataVersion(): Promise<string | null> {
    return read(this.pool, (p) => latestDataVersion(p));
  }

  /** Replaces the tables, records the import and replans open promises (the whole plant locked). */
  async importIn(c: pg.PoolClient, workbook: Workbook, meta: ImportMeta, revalidate: Revalidate): Promise<ImportOutcome> {
    await lockPlantExclusive(c);
    const counts = await writeWorkbook(c, await this.columnTypes(c), workbook);
    const row = (
      await c.query(`INSERT INTO imports (at, source, sha256, row_counts, actor) VALUES ($1, $2, $3, $4, $5) RETURNING ${IMPORT_COLUMNS}`, [
        meta.at ?? now(),
        meta.source,
        meta.sha256,
        JSON.stringify(counts),
        meta.user,
      ])
    ).rows[0];
    const record = importFromPg(row);
    const open = await openPromisesForRevalidation(c);
    const outcomes = revalidate(workbook, record.dataVersion, open);
    await applyRevalidation(c, open, outcomes);
    return { import: record, revalidated: outcomes.map((o) => o.id), atRisk: outcomes.filter((o) => o.atRisk).map((o) => o.id) };
  }

  async importWorkbook(workbook: Workbook, meta: ImportMeta, revalidate: Revalidate): Promise<ImportOutcome> {
    return this.change(async (c) => ({ ok: true, ...(await this.importIn(c, workbook, meta, revalidate)) })).then(({ ok: _ok, ...o }) => o);
  }

  async listImports(): Promise<ImportRecord[]> {
    return read(this.pool, async (p) => (await p.query(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id`)).rows.map(importFromPg));
  }

  // ---- holds --------------------------------------------------------------------------------

  async holdChangesSince(version: number): Promise<HoldChanges | null> {
    return read(this.pool, (p) => holdChangesSince(p, version));
  }

  async loadOpenHolds(): Promise<Hold[]> {
    return (await read(this.pool, (p) => openHoldsWithVersion(p))).holds;
  }

  /** Every open hold and the holds version they make up, in one snapshot. */
  async openHoldsWithVersion(except: string | null = null): Promise<{ version: number; holds: Hold[] }> {
    return read(this.pool, (p) => openHoldsWithVersion(p, except));
  }

  async packedOpenHolds(): Promise<{ version: number; holds: PackedHolds }> {
    // A query's rows come all at once: read them, then pack them.
    const { version, holds } = await this.openHoldsWithVersion();
    return { version, holds: packHolds(holds) };
  }

  async holdsVersion(): Promise<number> {
    return read(this.pool, (p) => currentHoldsVersion(p));
  }

  // ---- promises -----------------------------------------------------------------------------

  async recordPromise(p: NewPromise, expected: number | CapacityLock): Promise<RecordOutcome> {
    // Its locks and reads go with BEGIN, its writes with COMMIT: two round trips in all.
    return this.change((c, tx) => recordPromiseIn(c, p, expected, tx), () => recordOpening(p, expected));
  }

  async listPromises(filter: PromiseFilter = {}): Promise<PromiseSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status !== undefined) {
      params.push(typeof filter.status === 'string' ? [filter.status] : [...filter.status]);
      where.push(`status = ANY($${params.length}::text[])`);
    }
    if (filter.atRisk !== undefined) {
      params.push(filter.atRisk);
      where.push(`at_risk = $${params.length}`);
    }
    const sql = `SELECT ${PG_SUMMARY_COLUMNS} FROM promises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return read(this.pool, async (p) => (await p.query(sql, params)).rows.map(summaryFromSql));
  }

  /** The Promises list: matches newest first, up to `limit`, with their request and result, and how many matched. */
  async searchPromises(q: PgPromiseSearch = {}) {
    return read(this.pool, (p) => searchPromisesPg(p, q));
  }

  async getPromise(id: string): Promise<PromiseRecord | null> {
    return this.snapshot(async (c) => {
      const row = (await c.query(`SELECT ${PG_SUMMARY_COLUMNS}, request::text AS request_json, result::text AS result_json FROM promises WHERE id = $1`, [id])).rows[0] as
        | { request_json: string; result_json: string }
        | undefined;
      if (!row) return null;
      const events = await c.query(`SELECT at, actor AS "user", from_status, to_status, comment FROM promise_events WHERE promise_id = $1 ORDER BY id`, [id]);
      const approvals = await c.query('SELECT role, approved_by, at, comment, decision FROM approvals WHERE promise_id = $1 ORDER BY id', [id]);
      return {
        ...summaryFromSql(row),
        request: parseStoredRequest(id, row.request_json),
        result: parseStoredResult(id, row.result_json),
        holds: await holdsOf(c, id),
        events: events.rows.map(eventFromSql),
        approvals: approvals.rows.map(approvalFromSql),
      };
    });
  }

  async transition(
    id: string,
    from: PromiseStatus,
    to: PromiseStatus,
    user: string,
    comment: string | null,
    holdsChange: HoldsChange,
    opts: TransitionOptions = {},
  ): Promise<TransitionOutcome> {
    return this.change((c, tx) => transitionIn(c, id, from, to, user, comment, holdsChange, opts, false, tx));
  }

  async recordApproval(id: string, approval: { role: string; user: string; decision: 'approved' | 'rejected'; comment?: string | null; at?: string }): Promise<void> {
    await this.change(async (c) => {
      await lockPlantShared(c);
      const row = (await c.query('SELECT 1 FROM promises WHERE id = $1 FOR UPDATE', [id])).rows[0];
      if (!row) throw new Error(`promise ${id} does not exist`);
      await insertApproval(c, id, { ...approval, at: approval.at ?? now() });
      return { ok: true };
    });
  }

  /**
   * Moves every lapsed `awaiting_approval` promise to `expired`. Several processes may run it at
   * once: each takes the due promises no other has locked (SKIP LOCKED), so each expires once.
   */
  async expireHolds(nowIso: string): Promise<string[]> {
    // With the job running (a server instance), checks and lists leave expiry to it.
    if (this.expiryJob) return [];
    return this.expireDue(nowIso);
  }

  /** The expiry itself: what the job runs, and `expireHolds` without one. */
  async expireDue(nowIso: string): Promise<string[]> {
    const due = async (p: pg.Pool) =>
      (await p.query(`SELECT 1 FROM promises WHERE status = 'awaiting_approval' AND hold_expires_at <= $1 LIMIT 1`, [nowIso])).rowCount;
    // Most calls find nothing due: look first without a transaction.
    if (!(await read(this.pool, due))) return [];
    return this.tx(async (c) => {
      await lockPlantShared(c);
      const rows = await c.query<{ id: string }>(
        `SELECT id FROM promises WHERE status = 'awaiting_approval' AND hold_expires_at <= $1 ORDER BY order_seq FOR UPDATE SKIP LOCKED`,
        [nowIso],
      );
      for (const { id } of rows.rows) await transitionIn(c, id, 'awaiting_approval', 'expired', 'system', 'the hold expired', { kind: 'release' }, { at: nowIso }, true);
      return rows.rows.map((r) => r.id);
    });
  }

  /**
   * Expires lapsed holds every `everyMs` until stopped (each server instance runs one; SKIP LOCKED
   * makes them share the work). While it runs, `expireHolds` from checks and lists does nothing:
   * a hold a few seconds past its expiry still counts, which never over-books.
   */
  startExpiryJob(everyMs = 5_000, onError: ErrorSink = () => {}, clock: () => Date = () => new Date()): () => void {
    this.expiryJob = true;
    const timer = setInterval(() => {
      if (!this.closed) this.expireDue(clock().toISOString()).catch(onError);
    }, everyMs);
    timer.unref();
    return () => {
      clearInterval(timer);
      this.expiryJob = false;
    };
  }

  async dump(): Promise<string> {
    return this.snapshot((c) => dumpPostgres(c));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
