/**
 * A rectangle of cells in the grid, as a spreadsheet selects it: from an anchor (where the
 * selection started) to the active cell, in the rows as shown (sorted, filtered). What the grid
 * does with one: copy it as tab-separated text, fill it down, clear it. Pure, so each rule has a
 * table test; the grid turns the answers into one edit (one undo step).
 */
import { toTsv } from '../../../shared/edits/tsv';
import type { GridRow } from './edit-state';

/** A cell by its place in the rows as shown. */
export interface Pos {
  row: number;
  col: number;
}

/** Inclusive bounds. */
export interface Range {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export type CellChanges = Map<string, Map<number, string>>;

export function rangeOf(anchor: Pos, active: Pos): Range {
  return {
    top: Math.min(anchor.row, active.row),
    bottom: Math.max(anchor.row, active.row),
    left: Math.min(anchor.col, active.col),
    right: Math.max(anchor.col, active.col),
  };
}

export const inRange = (r: Range, row: number, col: number) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

/** The range kept inside a grid of `rows` × `cols` (after a filter shortened the rows). */
export function clampRange(r: Range, rows: number, cols: number): Range | null {
  if (rows === 0 || cols === 0 || r.top >= rows || r.left >= cols) return null;
  return { top: r.top, bottom: Math.min(r.bottom, rows - 1), left: r.left, right: Math.min(r.right, cols - 1) };
}

/** The cells of the range as a spreadsheet pastes them: tab between cells, a line per row. */
export function copyRange(view: readonly GridRow[], r: Range): string {
  const lines: string[][] = [];
  for (let i = r.top; i <= r.bottom && i < view.length; i++) lines.push(view[i]!.cells.slice(r.left, r.right + 1).map((c) => c ?? ''));
  return toTsv(lines);
}

/**
 * Ctrl+D: each column of the range takes the value of the range's top row, as in a spreadsheet.
 * A range of one row copies the row above it instead (nothing above: nothing to fill). Rows
 * marked removed are left as they are. Cells that already hold the value are not changed.
 */
export function fillDown(view: readonly GridRow[], r: Range): CellChanges {
  const changes: CellChanges = new Map();
  const sourceRow = r.top === r.bottom ? r.top - 1 : r.top;
  const first = r.top === r.bottom ? r.top : r.top + 1;
  const source = view[sourceRow];
  if (!source) return changes;
  for (let i = first; i <= r.bottom && i < view.length; i++) {
    const row = view[i]!;
    if (row.state === 'deleted') continue;
    const cols = new Map<number, string>();
    for (let c = r.left; c <= r.right; c++) {
      const v = source.cells[c] ?? '';
      if ((row.cells[c] ?? '') !== v) cols.set(c, v);
    }
    if (cols.size) changes.set(row.id, cols);
  }
  return changes;
}

/** Delete on a range: every cell of it emptied (rows marked removed left alone). */
export function clearRange(view: readonly GridRow[], r: Range): CellChanges {
  const changes: CellChanges = new Map();
  for (let i = r.top; i <= r.bottom && i < view.length; i++) {
    const row = view[i]!;
    if (row.state === 'deleted') continue;
    const cols = new Map<number, string>();
    for (let c = r.left; c <= r.right; c++) if ((row.cells[c] ?? '') !== '') cols.set(c, '');
    if (cols.size) changes.set(row.id, cols);
  }
  return changes;
}

/** The ids of the rows the range spans (for "remove rows"). */
export function rowIdsOf(view: readonly GridRow[], r: Range): string[] {
  return view.slice(r.top, r.bottom + 1).map((row) => row.id);
}

/** How the range is named to people: "B3" style is foreign here, so rows and columns in words. */
export function describeRange(r: Range, columns: readonly string[]): string {
  const rows = r.bottom - r.top + 1;
  const cols = r.right - r.left + 1;
  const colText = cols === 1 ? columns[r.left]! : `${columns[r.left]} to ${columns[r.right]}`;
  return `${rows} ${rows === 1 ? 'row' : 'rows'} × ${cols} ${cols === 1 ? 'column' : 'columns'} selected (${colText})`;
}
