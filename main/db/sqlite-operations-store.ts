/**
 * `OperationsStore` over the same SQLite database as `SqliteStore` (pass its `db`). Each method
 * is one IMMEDIATE transaction, so a save checks the data version it was made on and writes in
 * one step that no other writer can interleave with.
 */
import type { Database } from 'better-sqlite3';
import { createHash } from 'node:crypto';
import type { Hold } from '../../shared/engine/types';
import { TABLE_NAMES, TABLES, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { diffWorkbooks } from '../../shared/edits/diff';
import { changeWithEntriesSql, historyUsersSql, insertChange, listChangesSql, listHistorySql } from './history-rows';
import { TablesChangedError, type HoldingPromise, type HistoryFilter, type OpenPromise, type OperationsStore, type ReplaceOutcome, type SaveEdits, type SaveOutcome, type TableWrite } from './operations-store';
import type { CapacityLock } from './capacity-lock';
import { insertReplacement } from './promise-replace';
import { holdFromSql, type HoldSqlRow } from './promise-rows';
import { applyRevalidation } from './revalidation-rows';
import { readOpenPromises } from './open-promises-memo';
import { dataVersionOf } from './import-rows';
import { OPEN_STATUSES_SQL, type ImportMeta, type ImportOutcome, type ImportRecord, type NewPromise, type PromiseStatus, type Revalidate } from './store-types';
import { readWorkbookTables, writeWorkbookTables } from './workbook-tables';

const now = () => new Date().toISOString();

type Cell = string | number | null;

function sqlCell(table: string, column: string, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  throw new Error(`${table}.${column}: cannot store a ${typeof v}`);
}

function rowCounts(wb: Workbook): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, wb[t].length])) as Record<TableName, number>;
}

export class SqliteOperationsStore implements OperationsStore {
  constructor(readonly db: Database) {}

  private latest(): { id: number; sha256: string } | null {
    return (this.db.prepare('SELECT id, sha256 FROM imports ORDER BY id DESC LIMIT 1').get() as { id: number; sha256: string } | undefined) ?? null;
  }

  private currentVersion(): string | null {
    const l = this.latest();
    return l ? dataVersionOf(l.id, l.sha256) : null;
  }

  private insertImport(at: string, source: string, sha256: string, counts: Record<TableName, number>, user: string): ImportRecord {
    const info = this.db
      .prepare('INSERT INTO imports (at, source, sha256, row_counts_json, user) VALUES (?, ?, ?, ?, ?)')
      .run(at, source, sha256, JSON.stringify(counts), user);
    const id = Number(info.lastInsertRowid);
    return { id, at, source, sha256, rowCounts: counts, user, dataVersion: dataVersionOf(id, sha256) };
  }

  /** `open` is read before the transaction writes anything (open-promises-memo.ts). */
  private revalidate(workbook: Workbook, dataVersion: string, revalidate: Revalidate, open: readonly OpenPromise[]): { revalidated: string[]; atRisk: string[] } {
    const outcomes = revalidate(workbook, dataVersion, open);
    applyRevalidation(this.db, open, outcomes);
    return { revalidated: outcomes.map((o) => o.id), atRisk: outcomes.filter((o) => o.atRisk).map((o) => o.id) };
  }

  async importWithHistory(workbook: Workbook, meta: ImportMeta & { expectedVersion?: string | null }, revalidate: Revalidate) {
    return this.db
      .transaction(() => {
        if (meta.expectedVersion !== undefined && this.currentVersion() !== meta.expectedVersion) throw new TablesChangedError(this.currentVersion());
        const open = readOpenPromises(this.db, revalidate.asOf);
        const before = this.latest() ? readWorkbookTables(this.db) : null;
        const diff = diffWorkbooks(before, workbook);
        const counts = writeWorkbookTables(this.db, workbook);
        const at = meta.at ?? now();
        const record = this.insertImport(at, meta.source, meta.sha256, counts, meta.user);
        const change = insertChange(this.db, { importId: record.id, kind: 'import', at, user: meta.user, source: meta.source, dataVersion: record.dataVersion }, diff);
        const r = this.revalidate(workbook, record.dataVersion, revalidate, open);
        const outcome: ImportOutcome = { import: record, ...r };
        return { ...outcome, change };
      })
      .immediate();
  }

  private writeTable(w: TableWrite): void {
    const cols = TABLES[w.table].columns;
    const insert = this.db.prepare(`INSERT INTO ${w.table} (position, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`);
    const put = (i: number) => {
      const r = w.rows[i] as Record<string, unknown>;
      insert.run(i, ...cols.map((c) => sqlCell(w.table, c, r[c])));
    };
    if (w.changed === 'all') {
      this.db.prepare(`DELETE FROM ${w.table}`).run();
      for (let i = 0; i < w.rows.length; i++) put(i);
      return;
    }
    // Rows are deleted before any is written back, so keys swapped between rows never collide.
    const del = this.db.prepare(`DELETE FROM ${w.table} WHERE position = ?`);
    for (const i of w.changed) {
      if (del.run(i).changes !== 1) throw new Error(`${w.table}: row ${i + 1} is not stored where the edit expects it`);
    }
    for (const i of w.changed) put(i);
  }

  async saveEdits(save: SaveEdits, revalidate: Revalidate): Promise<SaveOutcome> {
    return this.db
      .transaction((): SaveOutcome => {
        const current = this.currentVersion();
        if (current !== save.baseVersion) return { ok: false, conflict: 'version_changed', dataVersion: current };
        const open = readOpenPromises(this.db, revalidate.asOf);
        for (const w of save.writes) this.writeTable(w);
        const at = save.at ?? now();
        // A version's hash names its content's history: the base it came from and what changed.
        const sha256 = createHash('sha256').update(save.baseVersion).update('\0').update(JSON.stringify(save.diff.tables.map((t) => [t.table, t.changes]))).digest('hex');
        const record = this.insertImport(at, save.source, sha256, rowCounts(save.workbook), save.user);
        const change = insertChange(this.db, { importId: record.id, kind: 'edit', at, user: save.user, source: save.source, dataVersion: record.dataVersion }, save.diff);
        return { ok: true, change, ...this.revalidate(save.workbook, record.dataVersion, revalidate, open) };
      })
      .immediate();
  }

  async listChanges(filter: { user?: string; limit?: number } = {}) {
    return listChangesSql(this.db, filter);
  }

  async listHistory(filter: HistoryFilter = {}) {
    return listHistorySql(this.db, filter);
  }

  async historyUsers() {
    return historyUsersSql(this.db);
  }

  async changeWithEntries(id: number) {
    return changeWithEntriesSql(this.db, id);
  }

  async promisesHolding(resourceId: string, from: string, to: string): Promise<HoldingPromise[]> {
    const rows = this.db
      .prepare(
        `SELECT p.id, p.status, p.customer, p.at_risk, SUM(h.regular_e4) AS regular_e4, SUM(h.overtime_e4) AS overtime_e4,
                MIN(h.date) AS first_date, MAX(h.date) AS last_date
         FROM promise_holds h JOIN promises p ON p.id = h.promise_id
         WHERE h.type = 'hours' AND h.resource_id = ? AND h.date BETWEEN ? AND ? AND p.status IN (${OPEN_STATUSES_SQL})
         GROUP BY p.id ORDER BY p.order_seq`,
      )
      .all(resourceId, from, to) as {
      id: string;
      status: PromiseStatus;
      customer: string;
      at_risk: number;
      regular_e4: number;
      overtime_e4: number;
      first_date: string;
      last_date: string;
    }[];
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      customer: r.customer,
      atRisk: r.at_risk === 1,
      regular_e4: r.regular_e4,
      overtime_e4: r.overtime_e4,
      firstDate: r.first_date,
      lastDate: r.last_date,
    }));
  }

  async openPromises(asOf?: string) {
    return this.db.transaction(() => readOpenPromises(this.db, asOf))();
  }

  async openHoldsExcept(id: string): Promise<Hold[]> {
    const rows = this.db
      .prepare(
        `SELECT h.* FROM promise_holds h JOIN promises p ON p.id = h.promise_id
         WHERE p.status IN (${OPEN_STATUSES_SQL}) AND p.id <> ? ORDER BY p.order_seq, h.rowid`,
      )
      .all(id) as HoldSqlRow[];
    return rows.map(holdFromSql);
  }

  async replacePromise(id: string, from: PromiseStatus, replacement: NewPromise, expected: number | CapacityLock): Promise<ReplaceOutcome> {
    return this.db.transaction((): ReplaceOutcome => insertReplacement(this.db, id, from, replacement, expected)).immediate();
  }
}
