/**
 * The SQLite implementation of `Store` (better-sqlite3, one file shared by the app and the command
 * line). Each method is one transaction; those that write take the write lock at their start
 * (IMMEDIATE) so that a read-check-write such as the holds version test cannot interleave.
 */
import type { Database } from 'better-sqlite3';
import type { Hold } from '../../shared/engine/types';
import type { PackedHolds } from '../../shared/engine/packed-holds';
import type { Workbook } from '../../shared/schemas/workbook';
import { dumpDatabase } from './dump';
import { importFromSql } from './import-rows';
import { insertPromise, movePromise } from './promise-moves';

export { dataVersionOf } from './import-rows';
import { SqlitePeopleStore } from './sqlite-people-store';
import { SqliteOperationsStore } from './sqlite-operations-store';
import { searchPromises } from './promise-search';
import { openDatabase, type OpenOptions } from './open-database';
import { SUMMARY_COLUMNS, approvalFromSql, eventFromSql, parseStoredRequest, parseStoredResult, summaryFromSql } from './promise-rows';
import { bumpHoldsVersion, currentHoldsVersion, holdChangesSince } from './hold-log';
import { applyRevalidation, holdsOf, openPromisesForRevalidation, replaceHolds } from './revalidation-rows';
import {
  type HoldChanges,
  type HoldDelta,
  type HoldsChange,
  type ImportMeta,
  type ImportOutcome,
  type ImportRecord,
  type NewPromise,
  type PlantSnapshot,
  type FoundPromise,
  type PromiseFilter,
  type PromiseSearch,
  type PromiseRecord,
  type PromiseStatus,
  type PromiseSummary,
  type RecordOutcome,
  type Revalidate,
  type Store,
  type TransitionOptions,
  type TransitionOutcome,
} from './store';
import { readWorkbookTables, writeWorkbookTables } from './workbook-tables';
import { isCapacityLock, type CapacityLock } from './capacity-lock';
import { decideInSqlite } from './sqlite-capacity-lock';
import { openHoldsList, packedOpenHolds } from './hold-scan';

const now = () => new Date().toISOString();

export class SqliteStore implements Store {
  readonly people: SqlitePeopleStore;
  readonly operations: SqliteOperationsStore;

  private constructor(readonly db: Database) {
    this.people = new SqlitePeopleStore(db);
    this.operations = new SqliteOperationsStore(db);
  }

  static open(file: string, opts: OpenOptions = {}): SqliteStore {
    return new SqliteStore(openDatabase(file, opts));
  }

  /** Wraps a database that is already open and migrated (tests). */
  static wrap(db: Database): SqliteStore {
    return new SqliteStore(db);
  }

  // ---- operations tables --------------------------------------------------------------------

  private latestImport(): ImportRecord | null {
    const row = this.db.prepare('SELECT * FROM imports ORDER BY id DESC LIMIT 1').get();
    return row ? importFromSql(row) : null;
  }

  async loadPlant(): Promise<PlantSnapshot | null> {
    return this.db.transaction((): PlantSnapshot | null => {
      const last = this.latestImport();
      if (!last) return null;
      return { workbook: readWorkbookTables(this.db), dataVersion: last.dataVersion, importedAt: last.at, source: last.source };
    })();
  }

  async dataVersion(): Promise<string | null> {
    return this.latestImport()?.dataVersion ?? null;
  }

  async importWorkbook(workbook: Workbook, meta: ImportMeta, revalidate: Revalidate): Promise<ImportOutcome> {
    return this.db
      .transaction((): ImportOutcome => {
        const counts = writeWorkbookTables(this.db, workbook);
        const info = this.db
          .prepare('INSERT INTO imports (at, source, sha256, row_counts_json, user) VALUES (?, ?, ?, ?, ?)')
          .run(meta.at ?? now(), meta.source, meta.sha256, JSON.stringify(counts), meta.user);
        const record = importFromSql(this.db.prepare('SELECT * FROM imports WHERE id = ?').get(info.lastInsertRowid));

        const open = openPromisesForRevalidation(this.db, revalidate.asOf);
        const outcomes = revalidate(workbook, record.dataVersion, open);
        // Writes holds and flags, and bumps the holds version: any model of the old tables is stale.
        applyRevalidation(this.db, open, outcomes);
        return { import: record, revalidated: outcomes.map((o) => o.id), atRisk: outcomes.filter((o) => o.atRisk).map((o) => o.id) };
      })
      .immediate();
  }

  async listImports(): Promise<ImportRecord[]> {
    return this.db.prepare('SELECT * FROM imports ORDER BY id').all().map(importFromSql);
  }

  // ---- holds --------------------------------------------------------------------------------

  private currentHoldsVersion(): number {
    return currentHoldsVersion(this.db);
  }

  private bumpHoldsVersion(delta: HoldDelta | null): number {
    return bumpHoldsVersion(this.db, delta);
  }

  async loadOpenHolds(): Promise<Hold[]> {
    return openHoldsList(this.db);
  }

  async openHoldsWithVersion(): Promise<{ version: number; holds: Hold[] }> {
    return this.db.transaction(() => {
      const version = this.currentHoldsVersion();
      return { version, holds: openHoldsList(this.db) };
    })();
  }

  async packedOpenHolds(): Promise<{ version: number; holds: PackedHolds }> {
    // One read transaction: the holds and the version are one snapshot.
    return this.db.transaction(() => ({ version: this.currentHoldsVersion(), holds: packedOpenHolds(this.db) }))();
  }

  async holdsVersion(): Promise<number> {
    return this.currentHoldsVersion();
  }

  async holdChangesSince(version: number): Promise<HoldChanges | null> {
    return holdChangesSince(this.db, version);
  }

  // ---- promises -----------------------------------------------------------------------------

  async recordPromise(p: NewPromise, expected: number | CapacityLock): Promise<RecordOutcome> {
    return this.db
      .transaction((): RecordOutcome => {
        const holdsVersion = this.currentHoldsVersion();
        const holds = p.status !== 'draft';
        if (holds && isCapacityLock(expected)) {
          const d = decideInSqlite(this.db, expected);
          if (!d.ok) return { ok: false, conflict: d.conflict, holdsVersion: d.version };
          p = { ...p, holds: d.decision.holds, result: d.decision.result };
        } else if (holds && holdsVersion !== expected) return { ok: false, conflict: 'holds_changed', holdsVersion };
        const id = insertPromise(this.db, p, p.at ?? now(), p.comment ?? null);
        if (!holds) return { ok: true, id, holdsVersion };
        replaceHolds(this.db, id, p.holds);
        return { ok: true, id, holdsVersion: this.bumpHoldsVersion({ added: p.holds, released: [] }) };
      })
      .immediate();
  }

  async listPromises(filter: PromiseFilter = {}): Promise<PromiseSummary[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status !== undefined) {
      const list = typeof filter.status === 'string' ? [filter.status] : [...filter.status];
      where.push(`status IN (${list.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...list);
    }
    if (filter.atRisk !== undefined) {
      where.push('at_risk = ?');
      params.push(filter.atRisk ? 1 : 0);
    }
    const sql = `SELECT ${SUMMARY_COLUMNS} FROM promises ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id`;
    return this.db.prepare(sql).all(...params).map(summaryFromSql);
  }

  async searchPromises(q: PromiseSearch = {}): Promise<{ promises: FoundPromise[]; total: number }> {
    return searchPromises(this.db, q);
  }

  async getPromise(id: string): Promise<PromiseRecord | null> {
    return this.db.transaction((): PromiseRecord | null => {
      const row = this.db.prepare(`SELECT ${SUMMARY_COLUMNS}, request_json, result_json FROM promises WHERE id = ?`).get(id) as
        | { request_json: string; result_json: string }
        | undefined;
      if (!row) return null;
      return {
        ...summaryFromSql(row),
        request: parseStoredRequest(id, row.request_json),
        result: parseStoredResult(id, row.result_json),
        holds: holdsOf(this.db, id),
        events: this.db.prepare('SELECT at, user, from_status, to_status, comment FROM promise_events WHERE promise_id = ? ORDER BY id').all(id).map(eventFromSql),
        approvals: this.db.prepare('SELECT role, approved_by, at, comment, decision FROM approvals WHERE promise_id = ? ORDER BY id').all(id).map(approvalFromSql),
      };
    })();
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
    return this.db.transaction((): TransitionOutcome => movePromise(this.db, id, from, to, user, comment, holdsChange, opts)).immediate();
  }

  private insertApproval(id: string, a: { role: string; user: string; decision: 'approved' | 'rejected'; comment?: string | null; at: string }): void {
    this.db
      .prepare('INSERT INTO approvals (promise_id, role, approved_by, at, comment, decision) VALUES (?, ?, ?, ?, ?, ?)')
      .run(id, a.role, a.user, a.at, a.comment ?? null, a.decision);
  }

  async recordApproval(
    id: string,
    approval: { role: string; user: string; decision: 'approved' | 'rejected'; comment?: string | null; at?: string },
  ): Promise<void> {
    this.db
      .transaction(() => {
        if (!this.db.prepare('SELECT 1 FROM promises WHERE id = ?').get(id)) throw new Error(`promise ${id} does not exist`);
        this.insertApproval(id, { ...approval, at: approval.at ?? now() });
      })
      .immediate();
  }

  async expireHolds(nowIso: string): Promise<string[]> {
    // Most calls find nothing due: look first without taking the write lock.
    const anyDue = this.db
      .prepare(`SELECT 1 FROM promises WHERE status = 'awaiting_approval' AND hold_expires_at IS NOT NULL AND hold_expires_at <= ? LIMIT 1`)
      .get(nowIso);
    if (!anyDue) return [];
    return this.db
      .transaction((): string[] => {
        const due = this.db
          .prepare(`SELECT id FROM promises WHERE status = 'awaiting_approval' AND hold_expires_at IS NOT NULL AND hold_expires_at <= ? ORDER BY order_seq`)
          .all(nowIso) as { id: string }[];
        for (const { id } of due) movePromise(this.db, id, 'awaiting_approval', 'expired', 'system', 'the hold expired', { kind: 'release' }, { at: nowIso });
        return due.map((d) => d.id);
      })
      .immediate();
  }

  async dump(): Promise<string> {
    return this.db.transaction(() => dumpDatabase(this.db))();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
