/** Finding text in the grid's cells, in the order the rows are shown. */
import type { GridRow } from './edit-state';

export interface CellPos {
  rowId: string;
  col: number;
}

export function findMatches(rows: readonly GridRow[], text: string, limit = 10_000): CellPos[] {
  const q = text.trim().toLocaleLowerCase();
  if (!q) return [];
  const out: CellPos[] = [];
  for (const r of rows) {
    for (let c = 0; c < r.cells.length; c++) {
      if (r.cells[c]!.toLocaleLowerCase().includes(q)) {
        out.push({ rowId: r.id, col: c });
        if (out.length >= limit) return out;
      }
    }
  }
  return out;
}
