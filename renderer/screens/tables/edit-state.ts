/**
 * The grid's unsaved edits over the tables of one data version, as an immutable value (each
 * change gives a new state, so undo is a stack of earlier states). Rows are named by id: `b<i>`
 * for the i-th row of the loaded table, `n<k>` for the k-th row added in this session.
 */
import { TABLES, type TableName, type Workbook } from '../../../shared/schemas/workbook';
import type { EditIssue, RowRef, TableEdits } from '../../../shared/edits/apply-edits';
import { cellText } from '../../../shared/edits/cells';

export type Cells = readonly string[];

export interface TableDraft {
  /** Base rows changed, by index: every column's text. */
  updates: ReadonlyMap<number, Cells>;
  /** Rows added, in order, each with its id number. */
  inserts: readonly { n: number; cells: Cells }[];
  deletes: ReadonlySet<number>;
}

export interface EditState {
  tables: Partial<Record<TableName, TableDraft>>;
  /** The next id number for an added row. */
  nextNew: number;
}

export const EMPTY_EDITS: EditState = { tables: {}, nextNew: 0 };
const EMPTY_TABLE: TableDraft = { updates: new Map(), inserts: [], deletes: new Set() };

export type RowState = 'base' | 'changed' | 'new' | 'deleted';
export interface GridRow {
  id: string;
  /** 1-based number of the row in the loaded table (new rows continue after the last). */
  number: number;
  cells: Cells;
  state: RowState;
  /** For a changed row: the cells as loaded (to mark which ones were edited). */
  original?: Cells;
}

export const baseId = (i: number) => `b${i}`;
export const newId = (n: number) => `n${n}`;

export function parseRowId(id: string): RowRef {
  return id.startsWith('n') ? { kind: 'new', n: Number(id.slice(1)) } : { kind: 'base', index: Number(id.slice(1)) };
}

/** A loaded table's rows as text cells, in column order. */
export function baseCells(wb: Workbook, table: TableName): Cells[] {
  const cols = TABLES[table].columns;
  return (wb[table] as Record<string, unknown>[]).map((r) => cols.map((c) => cellText(r[c])));
}

function draftOf(s: EditState, t: TableName): TableDraft {
  return s.tables[t] ?? EMPTY_TABLE;
}

function withDraft(s: EditState, t: TableName, d: TableDraft, nextNew = s.nextNew): EditState {
  const empty = d.updates.size === 0 && d.inserts.length === 0 && d.deletes.size === 0;
  const tables = { ...s.tables };
  if (empty) delete tables[t];
  else tables[t] = d;
  return { tables, nextNew };
}

/**
 * An unedited row shown as loaded depends only on its cells and its place: kept per cells array
 * (rows are never changed in place), so the 100,000 rows of a table are not made again at every
 * edit, nor after a save that kept them (loaded-tables.ts).
 */
const shownAsLoaded = new WeakMap<Cells, GridRow>();

function loadedRow(i: number, cells: Cells): GridRow {
  const kept = shownAsLoaded.get(cells);
  if (kept?.number === i + 1) return kept;
  const row: GridRow = { id: baseId(i), number: i + 1, cells, state: 'base' };
  shownAsLoaded.set(cells, row);
  return row;
}

/** The rows to show: base rows (changed or marked deleted) then added rows. */
export function gridRows(base: readonly Cells[], d: TableDraft | undefined): GridRow[] {
  const out: GridRow[] = new Array(base.length);
  for (let i = 0; i < base.length; i++) {
    const u = d?.updates.get(i);
    const state: RowState = d?.deletes.has(i) ? 'deleted' : u ? 'changed' : 'base';
    out[i] = u ? { id: baseId(i), number: i + 1, cells: u, state, original: base[i]! } : state === 'base' ? loadedRow(i, base[i]!) : { id: baseId(i), number: i + 1, cells: base[i]!, state };
  }
  d?.inserts.forEach((r, k) => out.push({ id: newId(r.n), number: base.length + k + 1, cells: r.cells, state: 'new' }));
  return out;
}

/** Sets cells of several rows at once (one undo step): `changes` maps row id → column index → text. */
export function setCells(s: EditState, t: TableName, base: readonly Cells[], changes: ReadonlyMap<string, ReadonlyMap<number, string>>): EditState {
  const d = draftOf(s, t);
  const updates = new Map(d.updates);
  const inserts = [...d.inserts];
  for (const [id, cols] of changes) {
    const ref = parseRowId(id);
    if (ref.kind === 'base') {
      const original = base[ref.index];
      if (!original) continue;
      const cells = [...(updates.get(ref.index) ?? original)];
      for (const [c, text] of cols) cells[c] = text;
      // Back to what was loaded: no longer an edit.
      if (cells.every((v, i) => v === original[i])) updates.delete(ref.index);
      else updates.set(ref.index, cells);
    } else {
      const k = inserts.findIndex((r) => r.n === ref.n);
      if (k < 0) continue;
      const cells = [...inserts[k]!.cells];
      for (const [c, text] of cols) cells[c] = text;
      inserts[k] = { n: ref.n, cells };
    }
  }
  return withDraft(s, t, { ...d, updates, inserts });
}

/** Adds `count` blank rows (or the given cells) at the end; returns their ids. */
export function addRows(s: EditState, t: TableName, rows: readonly Cells[]): { state: EditState; ids: string[] } {
  const d = draftOf(s, t);
  const ids: string[] = [];
  let n = s.nextNew;
  const inserts = [...d.inserts];
  for (const cells of rows) {
    inserts.push({ n, cells });
    ids.push(newId(n));
    n++;
  }
  return { state: withDraft(s, t, { ...d, inserts }, n), ids };
}

export function blankRow(t: TableName): Cells {
  return TABLES[t].columns.map(() => '');
}

/** Marks base rows deleted (they show until saved) and drops added rows. */
export function deleteRows(s: EditState, t: TableName, ids: Iterable<string>): EditState {
  const d = draftOf(s, t);
  const deletes = new Set(d.deletes);
  let inserts = [...d.inserts];
  const updates = new Map(d.updates);
  for (const id of ids) {
    const ref = parseRowId(id);
    if (ref.kind === 'base') {
      deletes.add(ref.index);
      updates.delete(ref.index);
    } else inserts = inserts.filter((r) => r.n !== ref.n);
  }
  return withDraft(s, t, { updates, inserts, deletes });
}

/** Takes back the deletion of base rows. */
export function restoreRows(s: EditState, t: TableName, ids: Iterable<string>): EditState {
  const d = draftOf(s, t);
  const deletes = new Set(d.deletes);
  for (const id of ids) {
    const ref = parseRowId(id);
    if (ref.kind === 'base') deletes.delete(ref.index);
  }
  return withDraft(s, t, { ...d, deletes });
}

export function editCount(s: EditState): number {
  let n = 0;
  for (const d of Object.values(s.tables)) n += d.updates.size + d.inserts.length + d.deletes.size;
  return n;
}

export interface ContractEdits {
  edits: TableEdits[];
  /** For each table, the id of the k-th insert sent (to place issues on the right row). */
  insertIds: Partial<Record<TableName, string[]>>;
}

/** The edits as the contract sends them: every column's text by name. */
export function toContractEdits(s: EditState): ContractEdits {
  const edits: TableEdits[] = [];
  const insertIds: ContractEdits['insertIds'] = {};
  for (const [t, d] of Object.entries(s.tables) as [TableName, TableDraft][]) {
    const cols = TABLES[t].columns;
    const named = (cells: Cells) => Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
    edits.push({
      table: t,
      updates: [...d.updates].map(([index, cells]) => ({ index, cells: named(cells) })),
      inserts: d.inserts.map((r) => named(r.cells)),
      deletes: [...d.deletes].sort((a, b) => a - b),
    });
    insertIds[t] = d.inserts.map((r) => newId(r.n));
  }
  return { edits, insertIds };
}

export interface PlacedIssue {
  table: TableName;
  rowId: string;
  column: string | null;
  message: string;
}

/** Issues of `applyEdits` (or of the main process) placed on grid row ids. */
export function placeIssues(issues: readonly EditIssue[], insertIds: ContractEdits['insertIds']): PlacedIssue[] {
  return issues.map((i) => ({
    table: i.table,
    rowId: i.ref.kind === 'base' ? baseId(i.ref.index) : (insertIds[i.table]?.[i.ref.n] ?? newId(i.ref.n)),
    column: i.column,
    message: i.message,
  }));
}
