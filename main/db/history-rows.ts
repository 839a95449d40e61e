/**
 * History rows in SQLite (migration 0004): writing a change set with its rows, reading them back
 * through zod like any stored JSON.
 */
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { changeSet } from '../../shared/contract-operations';
import { TABLE_NAMES } from '../../shared/schemas/workbook';
import type { WorkbookDiff } from '../workbook/diff';
import type { ChangeSet, HistoryEntry, HistoryFilter } from './operations-store';

const cell = z.union([z.string(), z.number(), z.null()]);
const plainRow = z.record(z.string(), cell);
const fieldChanges = z.array(z.object({ column: z.string(), old: cell, new: cell }));

/** A `table_changes` row has the shape the contract shows it in. */
const changeRow = changeSet;

export function changeFromSql(row: unknown): ChangeSet {
  const r = changeRow.parse(row);
  return { id: r.id, kind: r.kind, at: r.at, user: r.user, source: r.source, dataVersion: r.data_version, added: r.added, changed: r.changed, removed: r.removed };
}

const entryRow = z.object({
  entry_id: z.number().int(),
  table_name: z.enum(TABLE_NAMES as [string, ...string[]]),
  row_key: z.string(),
  op: z.enum(['add', 'change', 'remove']),
  row_json: z.string().nullable(),
  fields_json: z.string().nullable(),
});

/** Records one change set and every row it touched; the caller holds the transaction. */
export function insertChange(
  db: Database,
  c: { importId: number; kind: 'import' | 'edit'; at: string; user: string; source: string; dataVersion: string },
  diff: WorkbookDiff,
): ChangeSet {
  const info = db
    .prepare(
      `INSERT INTO table_changes (import_id, kind, at, user, source, data_version, added, changed, removed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.importId, c.kind, c.at, c.user, c.source, c.dataVersion, diff.added, diff.changed, diff.removed);
  const id = Number(info.lastInsertRowid);
  const insert = db.prepare('INSERT INTO table_change_rows (change_id, table_name, row_key, op, row_json, fields_json) VALUES (?, ?, ?, ?, ?, ?)');
  for (const t of diff.tables) {
    for (const ch of t.changes) {
      if (ch.op === 'change') insert.run(id, t.table, ch.key, ch.op, null, JSON.stringify(ch.fields));
      else insert.run(id, t.table, ch.key, ch.op, JSON.stringify(ch.row), null);
    }
  }
  return changeFromSql(db.prepare('SELECT * FROM table_changes WHERE id = ?').get(id));
}

export function listChangesSql(db: Database, filter: { user?: string; limit?: number } = {}): ChangeSet[] {
  const where = filter.user !== undefined ? 'WHERE user = ?' : '';
  const params: unknown[] = filter.user !== undefined ? [filter.user] : [];
  return db
    .prepare(`SELECT * FROM table_changes ${where} ORDER BY id DESC LIMIT ?`)
    .all(...params, filter.limit ?? 200)
    .map(changeFromSql);
}

export function listHistorySql(db: Database, filter: HistoryFilter = {}): HistoryEntry[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.table !== undefined) {
    where.push('r.table_name = ?');
    params.push(filter.table);
  }
  if (filter.key !== undefined && filter.key !== '') {
    // instr() on lower(): a plain substring match, no LIKE wildcards to escape.
    where.push('instr(lower(r.row_key), lower(?)) > 0');
    params.push(filter.key);
  }
  if (filter.user !== undefined) {
    where.push('c.user = ?');
    params.push(filter.user);
  }
  if (filter.changeId !== undefined) {
    where.push('c.id = ?');
    params.push(filter.changeId);
  }
  if (filter.beforeId !== undefined) {
    where.push('r.id < ?');
    params.push(filter.beforeId);
  }
  const rows = db
    .prepare(
      `SELECT r.id AS entry_id, r.table_name, r.row_key, r.op, r.row_json, r.fields_json, c.*
       FROM table_change_rows r JOIN table_changes c ON c.id = r.change_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.id DESC LIMIT ?`,
    )
    .all(...params, Math.min(filter.limit ?? 200, 5000)) as Record<string, unknown>[];
  return rows.map((row) => entryFromSql(row, changeFromSql(row)));
}

/** One change set with every row it touched, in the order written; null when there is no such change. */
export function changeWithEntriesSql(db: Database, id: number): { change: ChangeSet; entries: HistoryEntry[] } | null {
  const row = db.prepare('SELECT * FROM table_changes WHERE id = ?').get(id);
  if (!row) return null;
  const change = changeFromSql(row);
  const rows = db
    .prepare('SELECT id AS entry_id, table_name, row_key, op, row_json, fields_json FROM table_change_rows WHERE change_id = ? ORDER BY id')
    .all(id) as Record<string, unknown>[];
  return { change, entries: rows.map((r) => entryFromSql(r, change)) };
}

function entryFromSql(row: Record<string, unknown>, change: ChangeSet): HistoryEntry {
  const e = entryRow.parse(row);
  return {
    id: e.entry_id,
    change,
    table: e.table_name as HistoryEntry['table'],
    key: e.row_key,
    op: e.op,
    row: e.row_json === null ? null : plainRow.parse(JSON.parse(e.row_json)),
    fields: e.fields_json === null ? null : fieldChanges.parse(JSON.parse(e.fields_json)),
  };
}

export function historyUsersSql(db: Database): string[] {
  return (db.prepare('SELECT DISTINCT user FROM table_changes ORDER BY user').all() as { user: string }[]).map((r) => r.user);
}
