/**
 * A workbook row as a person edits it: one text per column, exactly what a CSV cell would hold.
 * Parsing goes through the same zod schema the importer uses (`TABLES[t].schema`), so a value the
 * grid accepts is one an import accepts, and the reason it gives is the importer's reason.
 */
import type { z } from 'zod';
import { TABLES, type Row, type TableName } from '../schemas/workbook';

export type RowCells = Record<string, string>;

export interface CellIssue {
  /** Null for a problem of the whole row. */
  column: string | null;
  message: string;
}

/** The text shown in a cell for a stored value (an empty cell is `null`, shown as nothing). */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? v : String(v);
}

/** A typed row as cells (every column of the table, in its order). */
export function rowToCells<T extends TableName>(table: T, row: Row<T>): RowCells {
  const out: RowCells = {};
  const r = row as Record<string, unknown>;
  for (const c of TABLES[table].columns) out[c] = cellText(r[c]);
  return out;
}

/** One cell alone: its column's schema, as the importer reads it. */
export function parseCell(table: TableName, column: string, text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const shape = (TABLES[table].schema as z.ZodObject).shape as Record<string, z.ZodType>;
  const field = shape[column];
  if (!field) return { ok: false, message: `${table} has no column ${column}` };
  const r = field.safeParse(text);
  return r.success ? { ok: true, value: r.data } : { ok: false, message: r.error.issues[0]?.message ?? 'is not valid' };
}

/**
 * A whole row: every cell by its column's schema, then the row's own rules (a policy value must
 * suit its key). Every problem is reported, one per cell at most, like the importer does.
 */
export function parseRow<T extends TableName>(table: T, cells: RowCells): { ok: true; row: Row<T> } | { ok: false; issues: CellIssue[] } {
  const spec = TABLES[table];
  const input: Record<string, string> = {};
  for (const c of spec.columns) input[c] = cells[c] ?? '';
  const whole = spec.schema.safeParse(input);
  if (whole.success) return { ok: true, row: whole.data as Row<T> };
  const issues: CellIssue[] = [];
  const bad = new Set<string>();
  for (const c of spec.columns) {
    const r = parseCell(table, c, input[c]!);
    if (!r.ok) {
      issues.push({ column: c, message: r.message });
      bad.add(c);
    }
  }
  for (const i of whole.error.issues) {
    const c = typeof i.path[0] === 'string' ? i.path[0] : null;
    if (c !== null && bad.has(c)) continue;
    issues.push({ column: c, message: i.message });
    if (c !== null) bad.add(c);
  }
  return { ok: false, issues };
}

/** How a row is named to people: its key values joined, e.g. `PUMP-100 / LINE-1`. */
export function rowKey(table: TableName, row: Record<string, unknown>): string {
  return TABLES[table].key.map((k) => cellText(row[k])).join(' / ');
}
