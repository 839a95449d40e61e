/**
 * Edits of the operations tables, as the grid sends them and the main process saves them: rows
 * changed in place, rows added, rows removed, all against one data version of the tables. The
 * same function validates them in the renderer (to show each problem at its cell) and again in
 * the main process (where it decides): every edited cell by the importer's schema, then the
 * whole workbook by the importer's rules, so an edit can never make a table an import would refuse.
 */
import { checkWorkbookRules } from '../schemas/workbook-rules';
import { TABLES, type TableName, type Workbook } from '../schemas/workbook';
import { parseRow, type RowCells } from './cells';

export interface TableEdits {
  table: TableName;
  /** Rows of the base version changed in place: their index and every column's new text. */
  updates: { index: number; cells: RowCells }[];
  /** New rows, added after the last row in this order. */
  inserts: RowCells[];
  /** Indexes of rows of the base version that are removed. */
  deletes: number[];
}

/** A row as the person sees it: one of the base version (by index) or the n-th added one. */
export type RowRef = { kind: 'base'; index: number } | { kind: 'new'; n: number };

export interface EditIssue {
  table: TableName;
  ref: RowRef;
  /** Null for a problem of the whole row or of the edit itself. */
  column: string | null;
  message: string;
}

export type Applied =
  | { ok: true; workbook: Workbook; changed: TableName[] }
  | { ok: false; issues: EditIssue[] };

/**
 * Where each row of an edited table came from, without an object per row (a table of 100,000
 * rows is edited a cell at a time): the base rows kept, in order (their indexes only when some
 * were removed), then the added rows that parsed, by their number among the inserts.
 */
interface Origins {
  keptCount: number;
  kept: number[] | null;
  added: number[];
}

function originOf(o: Origins, row: number): RowRef | undefined {
  if (row < o.keptCount) return { kind: 'base', index: o.kept ? o.kept[row]! : row };
  const n = o.added[row - o.keptCount];
  return n === undefined ? undefined : { kind: 'new', n };
}

/** True when the edits change nothing at all. */
export function isEmptyEdit(edits: readonly TableEdits[]): boolean {
  return edits.every((e) => e.updates.length === 0 && e.inserts.length === 0 && e.deletes.length === 0);
}

export function applyEdits(base: Workbook, edits: readonly TableEdits[]): Applied {
  const issues: EditIssue[] = [];
  const next = { ...base } as Record<TableName, unknown[]>;
  const origins = new Map<TableName, Origins>();
  const changed: TableName[] = [];
  // Rows whose own cells are bad: a rule problem on them would only repeat that.
  const badRows = new Set<string>();
  const refId = (t: TableName, r: RowRef) => `${t}|${r.kind}|${r.kind === 'base' ? r.index : r.n}`;

  for (const e of edits) {
    const t = e.table;
    if (!Object.hasOwn(TABLES, t)) {
      issues.push({ table: t, ref: { kind: 'new', n: 0 }, column: null, message: `there is no table ${String(t)}` });
      continue;
    }
    if (origins.has(t)) {
      issues.push({ table: t, ref: { kind: 'new', n: 0 }, column: null, message: `the edits name table ${t} twice` });
      continue;
    }
    const rows = base[t] as unknown[];
    const replaced = new Map<number, unknown>();
    const removed = new Set<number>();
    const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < rows.length;
    for (const i of e.deletes) {
      if (!inRange(i)) issues.push({ table: t, ref: { kind: 'base', index: i }, column: null, message: `there is no row ${i + 1} to remove` });
      else removed.add(i);
    }
    for (const u of e.updates) {
      const ref: RowRef = { kind: 'base', index: u.index };
      if (!inRange(u.index)) {
        issues.push({ table: t, ref, column: null, message: `there is no row ${u.index + 1} to change` });
        continue;
      }
      if (removed.has(u.index) || replaced.has(u.index)) {
        issues.push({ table: t, ref, column: null, message: `row ${u.index + 1} is changed twice or changed and removed` });
        continue;
      }
      const p = parseRow(t, u.cells);
      if (p.ok) replaced.set(u.index, p.row);
      else {
        badRows.add(refId(t, ref));
        for (const i of p.issues) issues.push({ table: t, ref, ...i });
        replaced.set(u.index, rows[u.index]);
      }
    }
    const out: unknown[] = [];
    const kept: number[] | null = removed.size ? [] : null;
    for (let i = 0; i < rows.length; i++) {
      if (removed.has(i)) continue;
      out.push(replaced.has(i) ? replaced.get(i) : rows[i]);
      kept?.push(i);
    }
    const from: Origins = { keptCount: out.length, kept, added: [] };
    e.inserts.forEach((cells, n) => {
      const ref: RowRef = { kind: 'new', n };
      const p = parseRow(t, cells);
      if (p.ok) {
        out.push(p.row);
        from.added.push(n);
      } else {
        badRows.add(refId(t, ref));
        for (const i of p.issues) issues.push({ table: t, ref, ...i });
      }
    });
    next[t] = out;
    origins.set(t, from);
    if (e.updates.length || e.inserts.length || e.deletes.length) changed.push(t);
  }

  const workbook = next as unknown as Workbook;
  for (const r of checkWorkbookRules(workbook)) {
    const o = origins.get(r.table);
    const ref = (o && originOf(o, r.row)) ?? { kind: 'base' as const, index: r.row };
    if (badRows.has(refId(r.table, ref))) continue;
    issues.push({ table: r.table, ref, column: r.column, message: r.message });
  }
  return issues.length ? { ok: false, issues } : { ok: true, workbook, changed };
}
