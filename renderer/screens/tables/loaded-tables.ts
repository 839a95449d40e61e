/**
 * The tables as the Tables screen holds them: typed rows (for checking edits) and their cells as
 * text (for the grid), from `tables:load`. Rows equal to the ones held before are kept as the same
 * objects: after a save nearly every row of a 100,000-row table is, and building them all again
 * (with the grid rows over them) was most of the time the screen took to show the saved tables.
 */
import type { TablesData } from '../../../shared/contract-operations';
import { cellText } from '../../../shared/edits/cells';
import { TABLE_NAMES, TABLES, type TableName, type Workbook } from '../../../shared/schemas/workbook';
import type { Cells } from './edit-state';

export interface Loaded {
  dataVersion: string;
  workbook: Workbook;
  cells: Record<TableName, Cells[]>;
}

type Row = Record<string, string | number | null>;

export function fromContract(d: TablesData, before: Loaded | null = null): Loaded {
  const workbook = {} as Record<TableName, Row[]>;
  const cells = {} as Record<TableName, Cells[]>;
  for (const t of TABLE_NAMES) {
    const cols = TABLES[t].columns;
    const rows = d.tables[t] ?? [];
    const oldRows = (before?.workbook[t] ?? []) as Row[];
    const oldCells = before?.cells[t] ?? [];
    const outRows: Row[] = new Array(rows.length);
    const outCells: Cells[] = new Array(rows.length);
    let same = rows.length === oldRows.length;
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      const old = oldRows[i];
      if (old && cols.every((c, k) => old[c] === (r[k] ?? null))) {
        outRows[i] = old;
        outCells[i] = oldCells[i]!;
        continue;
      }
      same = false;
      const row: Row = {};
      for (let k = 0; k < cols.length; k++) row[cols[k]!] = r[k] ?? null;
      outRows[i] = row;
      outCells[i] = cols.map((c) => cellText(row[c]));
    }
    // An unchanged table keeps its arrays too, so nothing built over it is built again.
    workbook[t] = same ? oldRows : outRows;
    cells[t] = same ? oldCells : outCells;
  }
  return { dataVersion: d.data_version, workbook: workbook as unknown as Workbook, cells };
}
