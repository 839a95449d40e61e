/**
 * What an import (or a save of edits) changes, table by table: rows added, changed (field by field,
 * old → new) and removed. Pure: it compares two workbooks of typed rows.
 *
 * Rows are matched by their table's key. In `receipts`, `resource_load` and `orders` a key may
 * repeat, so there identical rows are matched first, then the remaining rows of one key in order
 * (a changed quantity is one change, not a removal and an addition).
 */
import { TABLE_NAMES, TABLES, type TableName, type Workbook } from '../schemas/workbook';
import { rowKey } from './cells';
import { diffScope } from './diff-scope';

export type Cell = string | number | null;
export type PlainRow = Record<string, Cell>;

export interface FieldChange {
  column: string;
  old: Cell;
  new: Cell;
}

export type RowChange =
  | { op: 'add'; key: string; row: PlainRow }
  | { op: 'remove'; key: string; row: PlainRow }
  | { op: 'change'; key: string; fields: FieldChange[] };

export interface TableDiff {
  table: TableName;
  added: number;
  changed: number;
  removed: number;
  unchanged: number;
  changes: RowChange[];
}

export interface WorkbookDiff {
  tables: TableDiff[];
  added: number;
  changed: number;
  removed: number;
}

const plain = (table: TableName, r: unknown): PlainRow => {
  const o = r as Record<string, unknown>;
  const out: PlainRow = {};
  for (const c of TABLES[table].columns) out[c] = (o[c] ?? null) as Cell;
  return out;
};

function fieldChanges(table: TableName, a: PlainRow, b: PlainRow): FieldChange[] {
  const out: FieldChange[] = [];
  for (const c of TABLES[table].columns) if (a[c] !== b[c]) out.push({ column: c, old: a[c]!, new: b[c]! });
  return out;
}

const keyOf = (table: TableName, r: PlainRow) => JSON.stringify(TABLES[table].key.map((k) => r[k]));
const wholeOf = (table: TableName, r: PlainRow) => JSON.stringify(TABLES[table].columns.map((c) => r[c]));

export function diffTable(table: TableName, beforeRows: readonly unknown[], afterRows: readonly unknown[]): TableDiff {
  // Only the rows that can pair otherwise than with themselves (diff-scope.ts); the rest are unchanged.
  const scope = diffScope(table, beforeRows, afterRows);
  const d = pairRows(
    table,
    scope.before.map((i) => plain(table, beforeRows[i])),
    scope.after.map((j) => plain(table, afterRows[j])),
  );
  d.unchanged += afterRows.length - scope.after.length;
  return d;
}

/** The diff's rules over whole sides: identical rows first where keys repeat, then by key in order. */
function pairRows(table: TableName, before: readonly PlainRow[], after: readonly PlainRow[]): TableDiff {
  const d: TableDiff = { table, added: 0, changed: 0, removed: 0, unchanged: 0, changes: [] };
  // Rows of `before` not matched yet, by key, in their order.
  const open = new Map<string, number[]>();
  before.forEach((r, i) => {
    const k = keyOf(table, r);
    const list = open.get(k);
    if (list) list.push(i);
    else open.set(k, [i]);
  });
  const matched = new Array<number | null>(after.length).fill(null);
  const used = new Set<number>();

  if (TABLES[table].keyMode !== 'unique') {
    // First pass: identical rows.
    const identical = new Map<string, number[]>();
    before.forEach((r, i) => {
      const w = wholeOf(table, r);
      const list = identical.get(w);
      if (list) list.push(i);
      else identical.set(w, [i]);
    });
    after.forEach((r, j) => {
      const i = identical.get(wholeOf(table, r))?.shift();
      if (i !== undefined) {
        matched[j] = i;
        used.add(i);
      }
    });
  }
  after.forEach((r, j) => {
    if (matched[j] !== null) return;
    const list = open.get(keyOf(table, r));
    while (list?.length && used.has(list[0]!)) list.shift();
    const i = list?.shift();
    if (i !== undefined) {
      matched[j] = i;
      used.add(i);
    }
  });

  after.forEach((r, j) => {
    const i = matched[j];
    if (i === null || i === undefined) {
      d.added++;
      d.changes.push({ op: 'add', key: rowKey(table, r), row: r });
      return;
    }
    const fields = fieldChanges(table, before[i]!, r);
    if (fields.length === 0) d.unchanged++;
    else {
      d.changed++;
      d.changes.push({ op: 'change', key: rowKey(table, before[i]!), fields });
    }
  });
  before.forEach((r, i) => {
    if (used.has(i)) return;
    d.removed++;
    d.changes.push({ op: 'remove', key: rowKey(table, r), row: r });
  });
  return d;
}

/** Every table's changes from `before` (null: an empty database) to `after`. */
export function diffWorkbooks(before: Workbook | null, after: Workbook, tables: readonly TableName[] = TABLE_NAMES): WorkbookDiff {
  const out: WorkbookDiff = { tables: [], added: 0, changed: 0, removed: 0 };
  for (const t of tables) {
    const d = diffTable(t, before ? (before[t]) : [], after[t]);
    out.tables.push(d);
    out.added += d.added;
    out.changed += d.changed;
    out.removed += d.removed;
  }
  return out;
}

/** True when nothing differs. */
export function isUnchanged(d: WorkbookDiff): boolean {
  return d.added === 0 && d.changed === 0 && d.removed === 0;
}
