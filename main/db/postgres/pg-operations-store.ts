/**
 * `OperationsStore` in PostgreSQL: imports and saves of edits lock the whole plant (they wait for
 * every change of promises in progress, and those wait for them), write in batches and record
 * their history; a re-promise locks like a confirm.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { z } from 'zod';
import type { Hold } from '../../../shared/engine/types';
import { TABLE_NAMES, type TableName, type Workbook } from '../../../shared/schemas/workbook';
import type { CapacityLock } from '../capacity-lock';
import { changeFromSql } from '../history-rows';
import { TablesChangedError, type ChangeSet, type HistoryEntry, type HistoryFilter, type HoldingPromise, type OperationsStore, type ReplaceOutcome, type SaveEdits, type SaveOutcome, type TableWrite } from '../operations-store';
import type { ImportMeta, ImportOutcome, NewPromise, PromiseStatus, Revalidate } from '../store-types';
import { dataVersionOf } from '../sqlite-store';
import type { WorkbookDiff } from '../../../shared/edits/diff';
import { read, transaction } from './connection';
import { ensurePools, insertRows, readWorkbook, type ColumnTypes } from './pg-plant';
import { latestDataVersion } from './pg-capacity-decision';
import { replacePromiseIn } from './pg-promise-changes';
import { lockPlantExclusive, openHoldsWithVersion } from './pg-promise-sql';
import { OPEN_STATUSES_SQL } from '../store-types';
import { applyRevalidation, openPromisesForRevalidation } from './pg-revalidation';
import { IMPORT_COLUMNS, importFromPg } from './pg-import-rows';
import type { PgHost } from './pg-host';

const now = () => new Date().toISOString();

function entryFromPg(row: unknown, change: ChangeSet): HistoryEntry {
  const e = entryRow.parse(row);
  return {
    id: e.entry_id,
    change,
    table: e.table_name as TableName,
    key: e.row_key,
    op: e.op,
    row: e.row_data === null ? null : plainRow.parse(e.row_data),
    fields: e.fields === null ? null : fieldChanges.parse(e.fields),
  };
}
const CHANGE_COLUMNS = 'c.id, c.kind, c.at, c.actor AS "user", c.source, c.data_version, c.added, c.changed, c.removed';
const cell = z.union([z.string(), z.number(), z.null()]);
const plainRow = z.record(z.string(), cell);
const fieldChanges = z.array(z.object({ column: z.string(), old: cell, new: cell }));
const entryRow = z.object({
  entry_id: z.number().int(),
  table_name: z.enum(TABLE_NAMES as [string, ...string[]]),
  row_key: z.string(),
  op: z.enum(['add', 'change', 'remove']),
  row_data: z.unknown(),
  fields: z.unknown(),
});

async function insertChange(
  c: pg.ClientBase,
  ch: { importId: number; kind: 'import' | 'edit'; at: string; user: string; source: string; dataVersion: string },
  diff: WorkbookDiff,
): Promise<ChangeSet> {
  const row = (
    await c.query(
      `INSERT INTO table_changes AS c (import_id, kind, at, actor, source, data_version, added, changed, removed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${CHANGE_COLUMNS}`,
      [ch.importId, ch.kind, ch.at, ch.user, ch.source, ch.dataVersion, diff.added, diff.changed, diff.removed],
    )
  ).rows[0];
  const change = changeFromSql(row);
  const rows = diff.tables.flatMap((t) => t.changes.map((x) => ({ table: t.table, x })));
  if (rows.length) {
    await c.query(
      `INSERT INTO table_change_rows (change_id, table_name, row_key, op, row_data, fields)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::jsonb[], $6::jsonb[])`,
      [
        change.id,
        rows.map((r) => r.table),
        rows.map((r) => r.x.key),
        rows.map((r) => r.x.op),
        rows.map((r) => (r.x.op === 'change' ? null : JSON.stringify(r.x.row))),
        rows.map((r) => (r.x.op === 'change' ? JSON.stringify(r.x.fields) : null)),
      ],
    );
  }
  return change;
}

export class PgOperationsStore implements OperationsStore {
  constructor(readonly store: PgHost) {}

  private async insertImport(c: pg.ClientBase, at: string, source: string, sha256: string, counts: Record<TableName, number>, user: string) {
    const row = (await c.query(`INSERT INTO imports (at, source, sha256, row_counts, actor) VALUES ($1, $2, $3, $4, $5) RETURNING ${IMPORT_COLUMNS}`, [at, source, sha256, JSON.stringify(counts), user])).rows[0];
    return importFromPg(row);
  }

  private async revalidate(c: pg.ClientBase, workbook: Workbook, dataVersion: string, revalidate: Revalidate) {
    const open = await openPromisesForRevalidation(c);
    const outcomes = revalidate(workbook, dataVersion, open);
    await applyRevalidation(c, open, outcomes);
    return { revalidated: outcomes.map((o) => o.id), atRisk: outcomes.filter((o) => o.atRisk).map((o) => o.id) };
  }

  async importWithHistory(workbook: Workbook, meta: ImportMeta & { expectedVersion?: string | null }, revalidate: Revalidate): Promise<ImportOutcome & { change: ChangeSet }> {
    const { diffWorkbooks } = await import('../../../shared/edits/diff');
    const out = await this.store.change(async (c) => {
      await lockPlantExclusive(c);
      const current = await latestDataVersion(c);
      if (meta.expectedVersion !== undefined && current !== meta.expectedVersion) throw new TablesChangedError(current);
      const before = current === null ? null : await readWorkbook(c);
      const diff = diffWorkbooks(before, workbook);
      const outcome = await this.store.importIn(c, workbook, meta, revalidate);
      const change = await insertChange(c, { importId: outcome.import.id, kind: 'import', at: outcome.import.at, user: meta.user, source: meta.source, dataVersion: outcome.import.dataVersion }, diff);
      return { ok: true, ...outcome, change };
    });
    const { ok: _ok, ...rest } = out;
    return rest;
  }

  private async writeTable(c: pg.ClientBase, types: ColumnTypes, w: TableWrite): Promise<void> {
    if (w.changed === 'all') {
      await c.query(`DELETE FROM ${w.table}`);
      await insertRows(c, types, w.table, w.rows, w.rows.map((_, i) => i));
      return;
    }
    // Rows are deleted before any is written back, so keys swapped between rows never collide.
    const del = await c.query(`DELETE FROM ${w.table} WHERE position = ANY($1::integer[])`, [[...w.changed]]);
    if (del.rowCount !== new Set(w.changed).size) throw new Error(`${w.table}: rows ${w.changed.map((i) => i + 1).join(', ')} are not stored where the edit expects them`);
    await insertRows(c, types, w.table, w.rows, w.changed);
  }

  async saveEdits(save: SaveEdits, revalidate: Revalidate): Promise<SaveOutcome> {
    return this.store.change(async (c): Promise<SaveOutcome> => {
      await lockPlantExclusive(c);
      const current = await latestDataVersion(c);
      if (current !== save.baseVersion) return { ok: false, conflict: 'version_changed', dataVersion: current };
      const types = await this.store.columnTypes(c);
      for (const w of save.writes) await this.writeTable(c, types, w);
      await ensurePools(c);
      const at = save.at ?? now();
      const sha256 = createHash('sha256').update(save.baseVersion).update('\0').update(JSON.stringify(save.diff.tables.map((t) => [t.table, t.changes]))).digest('hex');
      const counts = Object.fromEntries(TABLE_NAMES.map((t) => [t, save.workbook[t].length])) as Record<TableName, number>;
      const record = await this.insertImport(c, at, save.source, sha256, counts, save.user);
      const change = await insertChange(c, { importId: record.id, kind: 'edit', at, user: save.user, source: save.source, dataVersion: dataVersionOf(record.id, sha256) }, save.diff);
      return { ok: true, change, ...(await this.revalidate(c, save.workbook, record.dataVersion, revalidate)) };
    });
  }

  async listChanges(filter: { user?: string; limit?: number } = {}): Promise<ChangeSet[]> {
    const params: unknown[] = [filter.limit ?? 200];
    const where = filter.user !== undefined ? `WHERE c.actor = $${params.push(filter.user)}` : '';
    return read(this.store.pool, async (p) => (await p.query(`SELECT ${CHANGE_COLUMNS} FROM table_changes c ${where} ORDER BY c.id DESC LIMIT $1`, params)).rows.map(changeFromSql));
  }

  async listHistory(filter: HistoryFilter = {}): Promise<HistoryEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [Math.min(filter.limit ?? 200, 5000)];
    if (filter.table !== undefined) where.push(`r.table_name = $${params.push(filter.table)}`);
    // strpos on lower(): a plain substring match, no LIKE wildcards to escape.
    if (filter.key !== undefined && filter.key !== '') where.push(`strpos(lower(r.row_key), lower($${params.push(filter.key)})) > 0`);
    if (filter.user !== undefined) where.push(`c.actor = $${params.push(filter.user)}`);
    if (filter.changeId !== undefined) where.push(`c.id = $${params.push(filter.changeId)}`);
    if (filter.beforeId !== undefined) where.push(`r.id < $${params.push(filter.beforeId)}`);
    const rows = await read(this.store.pool, async (p) =>
      (
        await p.query(
          `SELECT r.id AS entry_id, r.table_name, r.row_key, r.op, r.row_data, r.fields, ${CHANGE_COLUMNS}
           FROM table_change_rows r JOIN table_changes c ON c.id = r.change_id
           ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.id DESC LIMIT $1`,
          params,
        )
      ).rows,
    );
    return rows.map((row) => entryFromPg(row, changeFromSql(row)));
  }

  async openPromises() {
    // Promises and their holds read in one transaction, so they agree. Every hold, whatever the
    // day: the holds a replan does not read are what a save here compares its new ones with.
    return transaction(this.store.pool, (c) => openPromisesForRevalidation(c));
  }

  async changeWithEntries(id: number): Promise<{ change: ChangeSet; entries: HistoryEntry[] } | null> {
    return read(this.store.pool, async (p) => {
      const head = (await p.query(`SELECT ${CHANGE_COLUMNS} FROM table_changes c WHERE c.id = $1`, [id])).rows[0];
      if (!head) return null;
      const change = changeFromSql(head);
      const rows = (await p.query('SELECT r.id AS entry_id, r.table_name, r.row_key, r.op, r.row_data, r.fields FROM table_change_rows r WHERE r.change_id = $1 ORDER BY r.id', [id])).rows;
      return { change, entries: rows.map((row) => entryFromPg(row, change)) };
    });
  }

  async historyUsers(): Promise<string[]> {
    return read(this.store.pool, async (p) => (await p.query<{ actor: string }>('SELECT DISTINCT actor FROM table_changes ORDER BY actor')).rows.map((r) => r.actor));
  }

  async promisesHolding(resourceId: string, from: string, to: string): Promise<HoldingPromise[]> {
    const rows = await read(this.store.pool, async (p) =>
      (
        await p.query<{ id: string; status: PromiseStatus; customer: string; at_risk: boolean; regular_e4: number; overtime_e4: number; first_date: string; last_date: string }>(
          `SELECT p.id, p.status, p.customer, p.at_risk, sum(h.regular_e4)::bigint AS regular_e4, sum(h.overtime_e4)::bigint AS overtime_e4,
                  min(h.date) AS first_date, max(h.date) AS last_date
           FROM promise_holds h JOIN promises p ON p.id = h.promise_id
           WHERE h.type = 'hours' AND h.resource_id = $1 AND h.date BETWEEN $2 AND $3 AND p.status IN (${OPEN_STATUSES_SQL})
           GROUP BY p.id ORDER BY p.order_seq`,
          [resourceId, from, to],
        )
      ).rows,
    );
    return rows.map((r) => ({ id: r.id, status: r.status, customer: r.customer, atRisk: r.at_risk, regular_e4: r.regular_e4, overtime_e4: r.overtime_e4, firstDate: r.first_date, lastDate: r.last_date }));
  }

  async openHoldsExcept(id: string): Promise<Hold[]> {
    return (await read(this.store.pool, (p) => openHoldsWithVersion(p, id))).holds;
  }

  async replacePromise(id: string, from: PromiseStatus, replacement: NewPromise, expected: number | CapacityLock): Promise<ReplaceOutcome> {
    return this.store.change((c, tx) => replacePromiseIn(c, id, from, replacement, expected, tx));
  }
}
