/**
 * The operations tables in SQLite: one SQL table per workbook table, the columns of `TABLES`,
 * rows in import order (`position`). Rows read back are parsed with the shared schemas: the
 * database is a trust boundary like any file.
 */
import type { Database } from 'better-sqlite3';
import { TABLE_NAMES, TABLES, emptyWorkbook, type TableName, type Workbook } from '../../shared/schemas/workbook';
import { batches, SCAN_BATCH } from './statements';

type Cell = string | number | null;

function sqlValue(table: TableName, column: string, v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  throw new Error(`${table}.${column}: cannot store a ${typeof v}`);
}

/** Deletes every operations row and inserts the workbook's (the caller holds the transaction). */
export function writeWorkbookTables(db: Database, wb: Workbook): Record<TableName, number> {
  const counts = {} as Record<TableName, number>;
  for (const t of TABLE_NAMES) {
    const cols = TABLES[t].columns;
    db.prepare(`DELETE FROM ${t}`).run();
    const insert = db.prepare(`INSERT INTO ${t} (position, ${cols.join(', ')}) VALUES (?${', ?'.repeat(cols.length)})`);
    const rows = wb[t] as readonly Record<string, unknown>[];
    const values: Cell[] = new Array(cols.length + 1);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      values[0] = i;
      for (let c = 0; c < cols.length; c++) values[c + 1] = sqlValue(t, cols[c]!, r[cols[c]!]);
      insert.run(values);
    }
    counts[t] = rows.length;
  }
  return counts;
}

export class CorruptRowError extends Error {
  constructor(table: string, position: number, detail: string) {
    super(`The database holds a row that is not valid: ${table}, row ${position + 1}: ${detail}`);
    this.name = 'CorruptRowError';
  }
}

export function readWorkbookTables(db: Database): Workbook {
  const wb = emptyWorkbook();
  for (const t of TABLE_NAMES) {
    const spec = TABLES[t];
    // In batches by position (statements.ts `batches`): a table read whole (60,000 rows of the ×10
    // plant's resource load) kept every row alive until the last was parsed, and the collector
    // copied them into the old generation.
    const sql = `SELECT position, ${spec.columns.join(', ')} FROM ${t} WHERE position > ? ORDER BY position LIMIT ${SCAN_BATCH}`;
    const out: unknown[] = [];
    for (const rows of batches<Record<string, Cell>>(db, sql, (r) => r.position as number, { raw: false, what: `the ${t} table` })) {
      for (const row of rows) {
        const r = spec.schema.safeParse(row);
        if (!r.success) {
          const issue = r.error.issues[0]!;
          throw new CorruptRowError(t, row.position as number, `${issue.path.join('.')} ${issue.message}`);
        }
        out.push(r.data);
      }
    }
    (wb as Record<TableName, unknown[]>)[t] = out;
  }
  return wb;
}
